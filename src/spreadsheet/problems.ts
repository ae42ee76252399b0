/** The shape of what the import reports: problems that stop a row, and notes that do not. */

/** Where a cell or row is.
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { CellLocation } from 'kartta/spreadsheet';
 * const where: CellLocation = { file: 'oulu.xlsx', sheet: 'Järjestelmät', row: 17, column: 'Elinkaaren vaihe', cell: 'Järjestelmät!D17' };
 * ```
 */
export interface CellLocation {
  /** The file, as given to the import. */
  readonly file: string;
  /** The sheet (for CSV, the file name without extension). */
  readonly sheet: string;
  /** The row number as the spreadsheet shows it. */
  readonly row?: number;
  /** The column header as written in the file. */
  readonly column?: string;
  /** The cell reference as Excel shows it, e.g. `Järjestelmät!D17` (the row's first cell for row problems). */
  readonly cell?: string;
}

/**
 * A problem with a cell, a row or a sheet. Every problem of an import is found in one pass; by default any problem
 * stops the import, with `partial` the rows with problems are skipped.
 *
 * `code` is one of: `spreadsheet.cell-invalid` (a value that cannot be read as the column expects),
 * `spreadsheet.value-missing` (a required cell is empty), `spreadsheet.column-missing` (a sheet without a required
 * column), `spreadsheet.column-duplicate` (two columns for one field), `spreadsheet.formula-error` (a formula whose
 * cached value is an error such as `#N/A`), `spreadsheet.formula-no-value` (a formula with no cached value),
 * `spreadsheet.reference-unknown`, `spreadsheet.reference-ambiguous`, `spreadsheet.reference-skipped` (a reference
 * to a row that has problems of its own), `spreadsheet.conflict` (the same entity given twice with different
 * values; `other` is the second place) and `spreadsheet.model-invalid` (the row breaks a rule of the model, e.g.
 * a business id's check digit, or a project's funding shares that do not add up to 100 %, at the row that gave
 * the value).
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readInventory, SpreadsheetInventoryError } from 'kartta/spreadsheet';
 * try {
 *   readInventory(['examples/inventory-with-errors/oulu.xlsx']);
 * } catch (error) {
 *   if (error instanceof SpreadsheetInventoryError) for (const p of error.problems) console.log(p.cell, p.code, p.suggestion);
 * }
 * ```
 */
export interface InventoryProblem extends CellLocation {
  /** A stable code, see above. */
  readonly code: string;
  /** What is wrong, where, and what to do, in one sentence. */
  readonly message: string;
  /** The raw value, capped at 80 characters. */
  readonly value?: string;
  /** What the column expects. */
  readonly expected?: string;
  /** The likely intended value or name ("did you mean"). */
  readonly suggestion?: string;
  /** For conflicts: the other place the entity is given. */
  readonly other?: CellLocation;
}

/**
 * Something the import did or passed over that is worth knowing but is not a problem: an ignored column, a sheet
 * that was not recognised, an organisation or service created from a name, identical rows merged.
 * `code` is one of `spreadsheet.column-ignored`, `spreadsheet.sheet-ignored`, `spreadsheet.organisation-created`,
 * `spreadsheet.service-created`, `spreadsheet.theme-created`, `spreadsheet.merged`.
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readInventory } from 'kartta/spreadsheet';
 * const { notes } = readInventory([{ file: 'j.csv', data: 'Järjestelmä;Omistaja;Luokka;Tila;Yhteyshenkilö\nEsko;Oulu;TOSI;käytössä;Matti\n' }]);
 * console.log(notes.map((note) => note.code)); // ['spreadsheet.column-ignored', 'spreadsheet.organisation-created']
 * ```
 */
export interface InventoryNote extends CellLocation {
  /** A stable code, see above. */
  readonly code: string;
  /** What happened. */
  readonly message: string;
  /** For merges: the other places the same entity was given. */
  readonly others?: readonly CellLocation[];
}
