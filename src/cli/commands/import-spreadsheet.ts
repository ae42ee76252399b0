/** `kartta import spreadsheet FILES... -o MODEL.json`: a region's collected workbooks and CSV files into one model. */
import { Option } from 'commander';
import type { InventoryProblem, InventoryResult, ColumnMapping, ProductCluster } from '../../spreadsheet/index.js';
import { KarttaError } from '../../errors.js';
import { defineCommand, type CliContext } from '../command.js';
import { capped, CliError, ExitCode } from '../exit.js';
import { isStdio, writeOutput } from '../io.js';
import { readJsonDocument } from '../model-input.js';
import { startProgress } from '../progress.js';

interface ImportOptions {
  readonly output?: string;
  readonly partial?: boolean;
  readonly mapping?: string;
  readonly mappingOut?: string;
  readonly name?: string;
  readonly clustering: boolean;
  readonly maxBytes?: string;
  readonly maxRows?: string;
  readonly maxCells?: string;
  readonly maxCompressionRatio?: string;
  readonly format: 'text' | 'json';
}

/** Problems, products and notes listed on stderr before "... and N more". */
const SHOWN = 50;

const LIMITS = [
  ['maxBytes', '--max-bytes'],
  ['maxRows', '--max-rows'],
  ['maxCells', '--max-cells'],
  ['maxCompressionRatio', '--max-compression-ratio'],
] as const;

export const importSpreadsheet = defineCommand<ImportOptions>({
  name: 'import spreadsheet',
  summary: 'read collected inventory workbooks (XLSX, CSV) into one validated kartta/1 model',
  description:
    "Reads a region's inventory: XLSX workbooks and CSV files (UTF-8 or Windows-1252, ; or , separated) with Systems and Integrations sheets (and optional Organisations, Services, Products), headers in Finnish, Swedish or English, merged into one model. Every bad cell is named as Excel shows it (Järjestelmät!D17) with what was expected and a likely correction; by default nothing is written when any row is bad (exit 1), with --partial the good rows are imported and the skipped ones listed. Product spellings are clustered across the files and reported: confirm or correct them in a mapping file (--mapping-out writes one to edit, --mapping reads it). Files that cannot be read, zip bombs and hostile XML are refused (exit 2).",
  examples: [
    'kartta import spreadsheet oulu.xlsx kempele.xlsx ppshp.xlsx -o region.json',
    'kartta import spreadsheet inventory/*.xlsx --partial --mapping-out mapping.json -o region.json',
    'kartta import spreadsheet jarjestelmat.csv --mapping mapping.json --format json -o region.json',
  ],
  define: (command) =>
    command
      .argument('<files...>', 'the workbooks (.xlsx) and CSV files to read and merge')
      .option('-o, --output <file>', 'the kartta/1 model to write (default: standard output)')
      .option('--partial', 'import the good rows and list the skipped ones, instead of refusing the whole inventory')
      .option('-m, --mapping <file>', 'a column-mapping file (JSON): columns, sheets, confirmed and distinct products')
      .option(
        '--mapping-out <file>',
        'write a mapping file with the recognised products, to confirm or correct and give back with --mapping',
      )
      .option('--name <name>', "the model's name (default: the Malli sheet's, else Inventaario)")
      .option('--no-clustering', 'report product spellings without joining them into catalogue products')
      .option('--max-bytes <n>', 'most bytes all files may inflate to (default 268435456, 256 MiB)')
      .option('--max-rows <n>', 'most rows in all files together (default 1000000)')
      .option('--max-cells <n>', 'most non-empty cells in all files together (default 20000000)')
      .option('--max-compression-ratio <n>', 'highest inflated/compressed ratio of a part above 1 MiB (default 200)')
      .addOption(
        new Option('-f, --format <format>', 'the report: text on stderr, or json on standard output (needs -o)')
          .choices(['text', 'json'])
          .default('text'),
      ),
  run: async (context, files, options) => {
    if (options.format === 'json' && isStdio(options.output))
      throw new CliError(
        'usage.invalid',
        '--format json prints the report on standard output, so the model needs a file: add -o MODEL.json',
      );
    const limits = new Map<string, number>();
    for (const [key, flag] of LIMITS) {
      const value = options[key];
      if (value === undefined) continue;
      if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(Number(value)))
        throw new CliError(
          'usage.invalid',
          `${flag} must be a whole number of 1 or more, got ${JSON.stringify(capped(value))}`,
        );
      limits.set(key, Number(value));
    }
    let mapping: ColumnMapping | undefined;
    if (options.mapping !== undefined) {
      const { value } = await readJsonDocument(context, options.mapping);
      mapping = value as ColumnMapping;
    }
    const { readInventory, SpreadsheetInventoryError } = await import('../../spreadsheet/index.js');
    const progress = await startProgress(context, `reading ${files.length === 1 ? files[0] : `${files.length} files`}`);
    let result: InventoryResult;
    try {
      result = readInventory(files, {
        ...Object.fromEntries(limits),
        ...(options.partial ? { partial: true } : {}),
        ...(mapping === undefined ? {} : { mapping }),
        ...(options.name === undefined ? {} : { name: options.name }),
        ...(options.clustering === false ? { clustering: false } : {}),
      });
    } catch (error) {
      progress.stop();
      if (error instanceof SpreadsheetInventoryError) {
        if (options.format === 'json')
          await writeOutput(context, undefined, report(files, false, { problems: error.problems }));
        else {
          const style = context.stderr.style;
          context.stderr.write(
            `${style.red('kartta:')} the inventory has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; nothing was written (fix the cells, or import the good rows with --partial):\n`,
          );
          listProblems(context, error.problems);
        }
        return ExitCode.findings;
      }
      if (error instanceof KarttaError) {
        const where = (error as KarttaError & { file?: string }).file;
        throw new CliError(error.code, `${error.message} [${error.code}]`, where);
      }
      throw error;
    }
    progress.stop();
    if (options.mappingOut !== undefined)
      await writeOutput(
        context,
        options.mappingOut,
        `${JSON.stringify(mappingWith(mapping, result.products), null, 2)}\n`,
      );
    await writeOutput(context, options.output, result.model.toJSONText());
    if (options.format === 'json') {
      await writeOutput(context, undefined, report(files, true, result));
    } else if (!context.quiet) {
      printSummary(context, files, result, options);
    }
    return ExitCode.ok;
  },
});

/** The machine-readable report of `--format json`. */
function report(
  files: readonly string[],
  imported: boolean,
  result: Partial<Pick<InventoryResult, 'problems' | 'notes' | 'products' | 'idCollisions' | 'rows'>>,
): string {
  return `${JSON.stringify(
    {
      files,
      imported,
      rows: result.rows ?? null,
      problems: result.problems ?? [],
      notes: result.notes ?? [],
      products: result.products ?? [],
      idCollisions: result.idCollisions ?? [],
    },
    null,
    2,
  )}\n`;
}

function listProblems(context: CliContext, problems: readonly InventoryProblem[]): void {
  const style = context.stderr.style;
  // Each message names its cell, and for a conflict both places.
  for (const problem of problems.slice(0, SHOWN)) {
    context.stderr.write(`  ${problem.message} ${style.dim(`[${problem.code}]`)}\n`);
  }
  if (problems.length > SHOWN)
    context.stderr.write(`  ... and ${problems.length - SHOWN} more (--format json lists them all)\n`);
}

function printSummary(
  context: CliContext,
  files: readonly string[],
  result: InventoryResult,
  options: ImportOptions,
): void {
  const { model, rows, products, idCollisions, problems, notes } = result;
  const style = context.stderr.style;
  const write = (text: string) => void context.stderr.write(text);
  const where = isStdio(options.output) ? '' : ` to ${options.output}`;
  write(
    `imported ${model.organisations().length} organisations, ${model.services().length} services, ${model.systems().length} systems, ${model.integrations().length} integrations${where} from ${files.length} file${files.length === 1 ? '' : 's'} (${rows.read} rows${rows.skipped > 0 ? `, ${rows.skipped} skipped` : ''})\n`,
  );
  if (problems.length > 0) {
    write(`${style.yellow('skipped')} rows with problems (--partial):\n`);
    listProblems(context, problems);
  }
  const joined = products.filter((product) => product.spellings.length > 1);
  if (products.length > 0) {
    write(
      `${products.length} product${products.length === 1 ? '' : 's'} recognised, ${joined.length} of them across several spellings${options.mappingOut === undefined ? ' (confirm or correct them: --mapping-out FILE, edit, then --mapping FILE)' : `; confirm or correct them in ${options.mappingOut} and import again with --mapping ${options.mappingOut}`}:\n`,
    );
    for (const product of products.slice(0, SHOWN)) write(`  ${describeProduct(product)}\n`);
    if (products.length > SHOWN) write(`  ... and ${products.length - SHOWN} more (--format json lists them all)\n`);
  }
  if (idCollisions.length > 0) {
    write(
      `${idCollisions.length} generated id${idCollisions.length === 1 ? ' was' : 's were'} numbered to keep them apart:\n`,
    );
    for (const collision of idCollisions.slice(0, SHOWN)) write(`  ${describeCollision(collision)}\n`);
    if (idCollisions.length > SHOWN)
      write(`  ... and ${idCollisions.length - SHOWN} more (--format json lists them all)\n`);
  }
  if (notes.length > 0) {
    write(`${notes.length} note${notes.length === 1 ? '' : 's'}:\n`);
    for (const note of notes.slice(0, SHOWN)) write(`  ${note.message} ${style.dim(`[${note.code}]`)}\n`);
    if (notes.length > SHOWN) write(`  ... and ${notes.length - SHOWN} more (--format json lists them all)\n`);
  }
}

/** `effica "Effica" (Tietoevry): Effica ×1 (same); Tieto Effica 4.x ×1 (vendor-name, Järjestelmät!E2)` */
function describeProduct(product: ProductCluster): string {
  const spellings = product.spellings
    .map(
      (spelling) => `${JSON.stringify(spelling.spelling)} ×${spelling.rows} (${spelling.rule}, ${spelling.firstCell})`,
    )
    .join('; ');
  return `${product.id} ${JSON.stringify(product.name)}${product.vendor === undefined ? '' : ` (${product.vendor})`} [${product.source}]: ${spellings}`;
}

function describeCollision(collision: InventoryResult['idCollisions'][number]): string {
  return `${collision.id}: ${collision.rows.map((row) => `${row.location} → ${row.id}`).join(', ')}`;
}

/** The mapping given (if any) with its products replaced by the clusters, for the user to confirm or correct. */
function mappingWith(mapping: ColumnMapping | undefined, products: readonly ProductCluster[]): ColumnMapping {
  return {
    ...(mapping?.columns === undefined ? {} : { columns: mapping.columns }),
    ...(mapping?.sheets === undefined ? {} : { sheets: mapping.sheets }),
    products: products.map((product) => {
      // Spellings that match the name but for case and spacing need no alias (the catalogue would not list them).
      const aliases = product.spellings
        .filter((spelling) => spelling.rule !== 'same' && spelling.spelling !== product.name)
        .map((spelling) => spelling.spelling);
      return {
        id: product.id,
        name: product.name,
        ...(product.vendor === undefined ? {} : { vendor: product.vendor }),
        ...(aliases.length === 0 ? {} : { aliases }),
      };
    }),
    ...(mapping?.distinctProducts === undefined ? {} : { distinctProducts: mapping.distinctProducts }),
  };
}
