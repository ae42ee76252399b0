/**
 * Query results as tables for spreadsheets: one {@link ResultTable} per sheet, written to XLSX (styled, frozen
 * header, dates as date cells) or CSV, formula injection neutralised in both by the writers of the inventory.
 */
import { z } from 'zod';
import { optionsSchema as optionsSchemaOf, parseOptions } from '../options.js';
import { writeCsvText } from './csv-write.js';
import { type OutCell, type OutSheet, writeXlsx } from './xlsx-write.js';

/**
 * A cell of a result table: text, a number, a boolean, or `null` for nothing.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { ResultCell } from 'kartta/spreadsheet';
 * const cells: ResultCell[] = ['oulu-effica', 'Effica (Oulu)', 850000, null];
 * ```
 */
export type ResultCell = string | number | boolean | null;

/**
 * A column of a result table.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { ResultColumn } from 'kartta/spreadsheet';
 * const column: ResultColumn = { key: 'keep_name', header: 'Keep', type: 'text' };
 * ```
 */
export interface ResultColumn {
  /** A stable name for scripts: the CSV header, e.g. `system_name`. */
  readonly key: string;
  /** The header a person reads: the XLSX header, e.g. `System`. */
  readonly header: string;
  /** `date` cells hold ISO dates (`YYYY-MM-DD`) and become date cells in XLSX; `list` cells hold ids separated by spaces. */
  readonly type: 'text' | 'number' | 'date' | 'list';
}

/**
 * A query result as a table: one sheet of a workbook, or one CSV file. Ids and names sit in columns next to each
 * other (`system`, `system_name`).
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { ResultTable } from 'kartta/spreadsheet';
 * const table: ResultTable = {
 *   name: 'Systems',
 *   columns: [{ key: 'system', header: 'System id', type: 'text' }, { key: 'system_name', header: 'System', type: 'text' }],
 *   rows: [['oulu-effica', 'Effica (Oulu)']],
 * };
 * ```
 */
export interface ResultTable {
  /** The sheet name (cut to Excel's 31 characters, and made unique, when written). */
  readonly name: string;
  /** The columns in order: each cell of a row belongs to the column at the same index. */
  readonly columns: readonly ResultColumn[];
  /** One array per row, a cell per column. */
  readonly rows: readonly (readonly ResultCell[])[];
}

/**
 * Options of {@link writeResultCsv}.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { ResultCsvOptions } from 'kartta/spreadsheet';
 * const options: ResultCsvOptions = { delimiter: ';', bom: true };
 * ```
 */
export interface ResultCsvOptions {
  /** `,` (default), `;` as Finnish Excel opens it (numbers then get decimal commas), or tab. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Start with a UTF-8 byte-order mark, for Excel (default false). */
  readonly bom?: boolean;
}

const csvOptionsSchema = optionsSchemaOf({
  delimiter: z.enum([',', ';', '\t'], { error: "must be ',', ';' or a tab" }).optional(),
  bom: z.boolean({ error: 'must be true or false' }).optional(),
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function outCell(cell: ResultCell | undefined, column: ResultColumn | undefined): OutCell {
  if (cell === null || cell === undefined) return undefined;
  if (column?.type === 'date' && typeof cell === 'string' && ISO_DATE.test(cell)) return { date: cell };
  return cell;
}

/** Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, unique without regard to case. */
function sheetNames(tables: readonly ResultTable[]): string[] {
  const taken = new Set<string>();
  return tables.map((table, index) => {
    const base =
      table.name
        // eslint-disable-next-line no-control-regex -- control characters cannot be in a sheet name either
        .replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim() || `Sheet${index + 1}`;
    let name = base.slice(0, 31);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * Writes result tables as an XLSX workbook, one sheet per table: the header row bold and frozen, columns fitted,
 * `date` columns as date cells. Text that a spreadsheet would take for a formula (starting with `=`, `+`, `-`,
 * `@`, tab or carriage return) is written as text that is never evaluated. The same tables give the same bytes.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { Model, harmonisationCandidates } from 'kartta';
 * import { harmonisationTable, writeResultWorkbook } from 'kartta/spreadsheet';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * writeFileSync('candidates.xlsx', writeResultWorkbook([harmonisationTable(model, harmonisationCandidates(model))]));
 * ```
 */
export function writeResultWorkbook(tables: readonly ResultTable[]): Uint8Array {
  const names = sheetNames(tables);
  const sheets: OutSheet[] = tables.map((table, index) => ({
    name: names[index] as string,
    header: table.columns.map((column) => column.header),
    rows: table.rows.map((row) => table.columns.map((column, c) => outCell(row[c], column))),
  }));
  if (sheets.length === 0) sheets.push({ name: 'Sheet1', header: [], rows: [] });
  return writeXlsx(sheets);
}

/**
 * Writes one result table as CSV text: a header row of the column keys (stable names for scripts), then the rows;
 * text a spreadsheet would take for a formula gets a leading `'` (OWASP's CSV injection guidance).
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { Model, parallelSystems } from 'kartta';
 * import { parallelTable, writeResultCsv } from 'kartta/spreadsheet';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * writeFileSync('pairs.csv', writeResultCsv(parallelTable(model, parallelSystems(model, { scope: 'pop' }))));
 * ```
 */
export function writeResultCsv(table: ResultTable, options: ResultCsvOptions = {}): string {
  const { delimiter = ',', bom = false } = parseOptions('writeResultCsv', csvOptionsSchema, options);
  return writeCsvText(
    table.columns.map((column) => column.key),
    table.rows.map((row) => table.columns.map((_, c) => row[c] ?? null)),
    { delimiter, bom, decimalComma: delimiter === ';' },
  );
}
