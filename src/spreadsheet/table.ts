/** The common shape every source is read into before its values are interpreted: sheets of raw cells. */

/** A raw cell value as the file holds it; formulas are represented by their cached value. */
export type RawValue = string | number | boolean;

/** Why a cell's value is not usable as it stands. */
export type CellFlaw = 'formula-error' | 'formula-no-value';

/** One row of a sheet. */
export interface RawRow {
  /** The row number as the spreadsheet shows it (1-based). */
  readonly number: number;
  /** Values by 0-based column index; holes are empty cells. */
  readonly values: (RawValue | undefined)[];
  /** Cells whose value cannot be used, by 0-based column index. */
  flaws?: Map<number, CellFlaw>;
  /** Number cells the workbook formats as a percentage (`0.7` shown as `70 %`), by 0-based column index. */
  percent?: Set<number>;
}

/** One sheet of one file. */
export interface RawSheet {
  readonly file: string;
  readonly name: string;
  readonly rows: RawRow[];
  /** True for CSV, where the sheet name is the file name and a cell reference has no sheet part. */
  readonly csv: boolean;
}

/** The limits on rows and cells, shared by all files of one read. */
export interface TableLimits {
  readonly maxRows: number;
  readonly maxCells: number;
}

/** Counts rows and cells across every file of one read and refuses to go past the limits. */
export class TableCounter {
  rows = 0;
  cells = 0;
  constructor(readonly limits: TableLimits) {}
}

/**
 * The column letters of a 0-based column index, as Excel shows them: 0 → A, 25 → Z, 26 → AA.
 *
 * @example
 * columnLetters(3); // 'D'
 */
export function columnLetters(index: number): string {
  let out = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The 0-based column index of a cell reference such as `D17`, or -1. */
export function columnIndex(reference: string): number {
  let index = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) index = index * 26 + (code - 64);
    else if (code >= 97 && code <= 122) index = index * 26 + (code - 96);
    else break;
  }
  return i === 0 ? -1 : index - 1;
}

/**
 * The reference of a cell as Excel shows it, with the sheet quoted when its name needs it:
 * `Järjestelmät!D17`, `'Oulun kaupunki'!B3`.
 */
export function cellReference(sheet: RawSheet, row: number, column: number): string {
  return `${sheetPrefix(sheet.name)}${columnLetters(column)}${row}`;
}

/** The sheet part of a cell reference, `Järjestelmät!` or `'Oulun kaupunki'!`: computed once a sheet, not a cell. */
export function sheetPrefix(name: string): string {
  return `${/^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replaceAll("'", "''")}'`}!`;
}
