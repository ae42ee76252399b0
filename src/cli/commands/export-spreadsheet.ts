/** `kartta export spreadsheet MODEL -o inventory.xlsx`: the model as an inventory workbook, or CSV files in a folder. */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { CliError, ExitCode, quote } from '../exit.js';
import { describeFsError, isStdio, writeBinaryOutput, writeOutput } from '../io.js';
import { loadModel } from '../model-input.js';

interface ExportOptions {
  readonly output?: string;
  readonly lang: 'fi' | 'sv' | 'en';
  readonly format?: 'xlsx' | 'csv';
}

export const exportSpreadsheet = defineCommand<ExportOptions>({
  name: 'export spreadsheet',
  summary: 'write the model as an inventory workbook (XLSX) or CSV files, in the layout the import reads',
  description:
    'Writes the model as an inventory workbook: Malli, Organisaatiot, Palvelut, Tuotteet, Järjestelmät, Integraatiot and Suhteet sheets, and for the development portfolio Teemat, Rahoittajat, Palvelutarjonta, Hankkeet, Budjetti and Rahoitus (or their Swedish or English names with --lang), header rows styled and frozen, drop-down lists on enumerated columns, fitted widths; kartta import spreadsheet reads it back into the same model. With --format csv (or an -o that ends in /), the sheets are written as CSV files (UTF-8 with a byte-order mark, ; separated, as Finnish Excel opens them) into the folder -o, one per sheet, named after the sheet. Files are written atomically: a failed export leaves existing files as they were.',
  examples: [
    'kartta export spreadsheet region.json -o inventory.xlsx',
    'kartta export spreadsheet region.json --lang sv -o inventering.xlsx',
    'kartta export spreadsheet region.json --format csv -o inventory/',
  ],
  define: (command) =>
    command
      .argument('<file>', 'the model, or - for standard input')
      .option('-o, --output <path>', 'the workbook to write (default: standard output); for csv, the folder')
      .addOption(
        new Option('--lang <language>', 'the language of sheet names, headers and words')
          .choices(['fi', 'sv', 'en'])
          .default('fi'),
      )
      .addOption(
        new Option('-f, --format <format>', 'xlsx, or csv (one file per sheet in the folder -o)').choices([
          'xlsx',
          'csv',
        ]),
      ),
  run: async (context, [path], options) => {
    const format = options.format ?? (options.output !== undefined && /[\\/]$/.test(options.output) ? 'csv' : 'xlsx');
    if (format === 'csv' && isStdio(options.output))
      throw new CliError(
        'usage.invalid',
        'CSV export writes one file per sheet: give the folder with -o, e.g. -o inventory/',
      );
    const { model } = await loadModel(context, path as string);
    const counts = `${model.systems().length} systems, ${model.integrations().length} integrations, ${model.projects().length} projects`;
    if (format === 'xlsx') {
      const { writeInventory } = await import('../../spreadsheet/write-inventory.js');
      const bytes = writeInventory(model, { language: options.lang });
      await writeBinaryOutput(context, options.output, bytes);
      if (!isStdio(options.output) && !context.quiet)
        context.stderr.write(
          `wrote ${options.output} (${Math.max(1, Math.round(bytes.byteLength / 1000))} kB, ${counts})\n`,
        );
      return ExitCode.ok;
    }
    const folder = options.output as string;
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw new CliError(
        'output.unwritable',
        `cannot create the folder ${quote(folder)}: ${describeFsError(error)}`,
        folder,
      );
    }
    if (!(await stat(folder)).isDirectory())
      throw new CliError('output.unwritable', `${quote(folder)} is a file; CSV export writes into a folder`, folder);
    const { writeInventoryCsv } = await import('../../spreadsheet/inventory-csv.js');
    const files = writeInventoryCsv(model, { language: options.lang });
    for (const file of files) await writeOutput(context, join(folder, file.name), file.text);
    if (!context.quiet)
      context.stderr.write(
        `wrote ${files.length} CSV files to ${folder} (${files.map((file) => file.name).join(', ')}; ${counts})\n`,
      );
    return ExitCode.ok;
  },
});
