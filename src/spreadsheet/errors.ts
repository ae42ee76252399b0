/**
 * The typed errors of spreadsheet reading and writing. A file that cannot be read at all (not a zip, too large,
 * hostile XML) throws a {@link SpreadsheetError}; a readable inventory with bad cells throws a
 * {@link SpreadsheetInventoryError} carrying every problem found.
 */
import type { KarttaErrorCode } from '../codes.js';
import { KarttaError } from '../errors.js';
import type { InventoryProblem } from './problems.js';

/**
 * Thrown when a file cannot be read as a spreadsheet, or exceeds a limit. `code` is one of
 * `spreadsheet.unreadable` (not a zip, a CSV that cannot be parsed, a missing part), `spreadsheet.too-large`
 * (a decompressed size, row or cell limit), `spreadsheet.zip-bomb` (a part that inflates far beyond its
 * compressed size), `spreadsheet.xml-unsafe` (a DOCTYPE or entity declaration inside the workbook),
 * `spreadsheet.mapping-invalid` (a column-mapping file that does not follow its schema) or `option.invalid`.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readInventory, SpreadsheetError } from 'kartta/spreadsheet';
 * try {
 *   readInventory([{ file: 'x.xlsx', data: new Uint8Array([1, 2, 3]) }]);
 * } catch (error) {
 *   if (error instanceof SpreadsheetError) console.log(error.code); // 'spreadsheet.unreadable'
 * }
 * ```
 */
export class SpreadsheetError extends KarttaError {
  /** The file the problem is in, where there is one. */
  readonly file: string | undefined;

  /** An error reading or writing a spreadsheet, with its code and the file, where there is one. */
  constructor(code: KarttaErrorCode, message: string, file?: string) {
    super(code, message);
    this.file = file;
  }
}

/**
 * Thrown by {@link readInventory} when any row is bad and `partial` is not set: nothing is produced, and
 * `problems` names every bad cell (file, sheet, row, column, Excel reference, raw value, expectation, suggestion).
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readInventory, SpreadsheetInventoryError } from 'kartta/spreadsheet';
 * const csv = 'Järjestelmä;Omistaja;Luokka;Elinkaaren vaihe\nEsko;Oulu;TOSI;tuotanossa\n';
 * try {
 *   readInventory([{ file: 'jarjestelmat.csv', data: csv }]);
 * } catch (error) {
 *   if (error instanceof SpreadsheetInventoryError) console.log(error.problems[0]?.cell); // 'jarjestelmat!D2'
 * }
 * ```
 */
export class SpreadsheetInventoryError extends KarttaError {
  /** Every problem found, in file, sheet and row order. */
  readonly problems: readonly InventoryProblem[];

  /** The error of inventories with `problems`; the message lists the first twenty. */
  constructor(problems: readonly InventoryProblem[]) {
    const lines = problems.slice(0, 20).map((problem) => `  - ${problem.message} [${problem.code}]`);
    if (problems.length > 20) lines.push(`  ... and ${problems.length - 20} more`);
    super(
      'spreadsheet.invalid',
      `The inventory has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported (fix the cells, or import the good rows with partial):\n${lines.join('\n')}`,
    );
    this.problems = problems;
  }
}
