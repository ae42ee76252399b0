/** `kartta template -o pohja.xlsx [--lang fi|sv|en]`: the empty collection template with instructions. */
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { isStdio, writeBinaryOutput } from '../io.js';

interface TemplateOptions {
  readonly output?: string;
  readonly lang: 'fi' | 'sv' | 'en';
}

export const template = defineCommand<TemplateOptions>({
  name: 'template',
  summary: 'write the empty inventory template (XLSX) to send to organisations',
  description:
    'Writes the empty collection template: an instructions sheet in Finnish, Swedish and English, the Organisations, Services, Systems and Integrations sheets, and the Themes, Funders, Offerings, Projects, Budget and Funding sheets of the development portfolio, with their headers (in the language of --lang), frozen and styled, with drop-down lists on the enumerated columns. kartta import spreadsheet reads the filled-in workbooks.',
  examples: ['kartta template -o pohja.xlsx', 'kartta template --lang sv -o mall.xlsx'],
  define: (command) =>
    command
      .option('-o, --output <file>', 'the workbook to write (default: standard output, when it is not a terminal)')
      .addOption(
        new Option('--lang <language>', 'the language of sheet names and headers')
          .choices(['fi', 'sv', 'en'])
          .default('fi'),
      ),
  run: async (context, _args, options) => {
    const { writeTemplate } = await import('../../spreadsheet/write-inventory.js');
    await writeBinaryOutput(context, options.output, writeTemplate({ language: options.lang }));
    if (!isStdio(options.output) && !context.quiet) context.stderr.write(`wrote ${options.output}\n`);
    return ExitCode.ok;
  },
});
