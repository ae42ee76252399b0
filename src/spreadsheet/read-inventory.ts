/**
 * `readInventory`: a region's collected workbooks and CSV files into one validated `kartta/1` model, with every
 * bad cell named, the product spellings clustered, and nothing produced when any row is bad (unless `partial`).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OptionError } from '../errors.js';
import { optionField, optionsSchema as optionsSchemaOf, parseOptions } from '../options.js';
import { Model } from '../model/model.js';
import type { KarttaDocument } from '../types.js';
import { type Built, build, issueProblems } from './build.js';
import { readCsv } from './csv-read.js';
import { SpreadsheetError, SpreadsheetInventoryError } from './errors.js';
import type { IdCollision } from './ids.js';
import { type ColumnMapping, parseMapping } from './mapping.js';
import type { InventoryNote, InventoryProblem } from './problems.js';
import type { ProductCluster } from './products.js';
import { readSheets } from './sheets.js';
import { type RawSheet, TableCounter } from './table.js';
import { readXlsx } from './xlsx-read.js';

/**
 * One file to read: a path, or its name and contents (bytes for XLSX or CSV, text for CSV).
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { InventorySource } from 'kartta/spreadsheet';
 * const sources: InventorySource[] = ['oulu.xlsx', { file: 'kempele.csv', data: 'Järjestelmä;Luokka\n', organisation: 'Kempele' }];
 * ```
 */
export type InventorySource =
  | string
  | {
      /** The file's name: what problems name, and how CSV from XLSX is told apart (by the `.csv` ending or the bytes). */
      readonly file: string;
      /** The contents: the bytes of an XLSX or CSV file, or CSV text. */
      readonly data: Uint8Array | string;
      /** The organisation every system row of this file belongs to when it has no owner column. */
      readonly organisation?: string;
    };

/**
 * Options of {@link readInventory}.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { ReadInventoryOptions } from 'kartta/spreadsheet';
 * const options: ReadInventoryOptions = { partial: true, name: 'Pohjois-Pohjanmaa', maxRows: 500_000 };
 * ```
 */
export interface ReadInventoryOptions {
  /** Import the good rows and list the skipped ones, instead of refusing the whole inventory. Default false. */
  readonly partial?: boolean;
  /** The column-mapping file: an object or its JSON text. */
  readonly mapping?: ColumnMapping | string;
  /** The model's name; by default the Model sheet's, else `Inventaario`. */
  readonly name?: string;
  /** Whether product spellings are clustered into catalogue products; by default the Model sheet says, else true. */
  readonly clustering?: boolean;
  /** Most bytes the files may inflate to, all parts together (default 256 MiB). */
  readonly maxBytes?: number;
  /** Most rows in all files together (default 1,000,000). */
  readonly maxRows?: number;
  /** Most non-empty cells in all files together (default 20,000,000). */
  readonly maxCells?: number;
  /** Highest inflated/compressed ratio of a part above 1 MiB before it is refused as a zip bomb (default 200). */
  readonly maxCompressionRatio?: number;
}

/**
 * What {@link readInventory} returns.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readInventory } from 'kartta/spreadsheet';
 * const result = readInventory(['examples/inventory/oulu.xlsx']);
 * console.log(result.model.systems().length, result.products.length);
 * ```
 */
export interface InventoryResult {
  /** The validated model. */
  readonly model: Model;
  /** The model's document (what `model.toJSON()` returns). */
  readonly document: KarttaDocument;
  /** With `partial`: the problems of the rows that were skipped (empty otherwise: any problem throws). */
  readonly problems: readonly InventoryProblem[];
  /** Things done or passed over that are not problems: ignored columns and sheets, created entities, merges. */
  readonly notes: readonly InventoryNote[];
  /** The products recognised across spellings: confirm or correct them in the mapping file. */
  readonly products: readonly ProductCluster[];
  /** Generated ids that had to be numbered because another row or entity had the same one. */
  readonly idCollisions: readonly IdCollision[];
  /** How many data rows were read, and how many were skipped. */
  readonly rows: {
    /** Data rows read, over all files and sheets (header rows not counted). */
    readonly read: number;
    /** Of them, rows skipped for a problem (only with `partial`). */
    readonly skipped: number;
  };
}

const optionsSchema = optionsSchemaOf({
  partial: optionField.boolean(),
  mapping: z
    .custom<ColumnMapping | string>(
      (value) => typeof value === 'string' || (value !== null && typeof value === 'object' && !Array.isArray(value)),
      {
        error: 'must be a column mapping: an object, or its JSON text',
      },
    )
    .optional(),
  name: z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string' }).optional(),
  clustering: optionField.boolean(),
  maxBytes: optionField.integer(1),
  maxRows: optionField.integer(1),
  maxCells: optionField.integer(1),
  maxCompressionRatio: optionField.integer(1),
});

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function looksLikeZip(data: Uint8Array | string): data is Uint8Array {
  return typeof data !== 'string' && ZIP_MAGIC.every((byte, i) => data[i] === byte);
}

/** Reads the files of the sources into raw sheets. */
export function readSources(
  sources: readonly InventorySource[],
  options: ReadInventoryOptions,
): { sheets: RawSheet[]; owners: Map<string, string> } {
  const counter = new TableCounter({ maxRows: options.maxRows ?? 1_000_000, maxCells: options.maxCells ?? 20_000_000 });
  const zipLimits = { maxBytes: options.maxBytes ?? 256 * 1024 * 1024, maxRatio: options.maxCompressionRatio ?? 200 };
  const sheets: RawSheet[] = [];
  const owners = new Map<string, string>();
  for (const source of sources) {
    let file: string;
    let data: Uint8Array | string;
    if (typeof source === 'string') {
      file = source;
      try {
        data = readFileSync(source);
      } catch (error) {
        throw new SpreadsheetError(
          'spreadsheet.unreadable',
          `${source}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          source,
        );
      }
    } else {
      file = source.file;
      data = source.data;
      if (source.organisation !== undefined) owners.set(file, source.organisation);
    }
    if (looksLikeZip(data)) sheets.push(...readXlsx(data, file, zipLimits, counter));
    else if (/\.(xlsx|xlsm)$/i.test(file))
      throw new SpreadsheetError(
        'spreadsheet.unreadable',
        `${file}: not a readable XLSX workbook (it is not a zip file); save it again as an Excel workbook (.xlsx) or CSV`,
        file,
      );
    else sheets.push(readCsv(data, file, zipLimits.maxBytes, counter));
  }
  return { sheets, owners };
}

/**
 * Reads a region's inventory from XLSX and CSV files into one validated model. Headers are recognised in
 * Finnish, Swedish and English (or by a mapping file), values as people type them; every problem is found in one
 * pass. By default any problem throws {@link SpreadsheetInventoryError} with all of them and nothing is produced;
 * with `partial: true` the good rows are imported and `problems` lists the skipped ones.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readInventory } from 'kartta/spreadsheet';
 * const csv = 'Järjestelmä;Omistaja;Luokka;Elinkaaren vaihe;Vuosikustannus\nEffica;Oulu;TOSI;Tuotannossa;12 500,00 €\n';
 * const { model } = readInventory([{ file: 'jarjestelmat.csv', data: csv }]);
 * console.log(model.system('oulu-effica')?.contract); // { annualCost: 12500 }
 * ```
 */
export function readInventory(
  sources: readonly InventorySource[],
  options: ReadInventoryOptions = {},
): InventoryResult {
  const checked = parseOptions('readInventory', optionsSchema, options) as ReadInventoryOptions;
  if (!Array.isArray(sources) || sources.length === 0)
    throw new OptionError('readInventory: give at least one file (a path or { file, data })', { option: '' });
  const mapping = parseMapping(checked.mapping);
  const { sheets, owners } = readSources(sources, checked);
  const read = readSheets(sheets, mapping, owners);
  const partial = checked.partial === true;
  const buildOptions = { partial, name: checked.name, clustering: checked.clustering };
  const problems: InventoryProblem[] = [...read.problems];
  let built: Built | undefined;
  let model: Model | undefined;
  // Each pass leaves out the rows found bad by the one before; references to them and model rules they broke can
  // only show once they are gone, so a partial import repeats until no new row goes bad (a handful of passes).
  for (let pass = 0; pass < 50; pass++) {
    built = build(read.records, mapping, buildOptions);
    for (const problem of built.problems) problems.push(problem);
    const result = Model.safeLoad(built.document);
    if (result.ok) {
      model = result.model;
      if (built.problems.length === 0 || !partial) break;
      continue;
    }
    // Loops, not push(...): a workbook with 200,000 bad rows would overflow the stack with spread arguments.
    for (const problem of issueProblems(result.issues, built)) problems.push(problem);
    if (!partial) break;
  }
  if (built === undefined || model === undefined || (!partial && problems.length > 0))
    throw new SpreadsheetInventoryError(sortProblems(dedupe(problems)));
  const skipped = read.records.filter((record) => record.bad).length;
  const document = model.toJSON();
  return {
    model,
    document,
    problems: sortProblems(dedupe(problems)),
    notes: [...read.notes, ...built.notes],
    products: built.products,
    idCollisions: built.collisions,
    rows: { read: read.records.length, skipped },
  };
}

function dedupe(problems: readonly InventoryProblem[]): InventoryProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.code}\u0000${problem.file}\u0000${problem.sheet}\u0000${problem.cell ?? problem.row ?? ''}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortProblems(problems: InventoryProblem[]): InventoryProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => {
      const x = a.problem;
      const y = b.problem;
      if (x.file !== y.file) return x.file < y.file ? -1 : 1;
      if (x.sheet !== y.sheet) return x.sheet < y.sheet ? -1 : 1;
      if ((x.row ?? 0) !== (y.row ?? 0)) return (x.row ?? 0) - (y.row ?? 0);
      return a.index - b.index;
    })
    .map(({ problem }) => problem);
}
