/**
 * Writes rows as CSV text with csv-stringify (quoting of separators, quotes and line breaks is its job), after
 * neutralising formula injection: text a spreadsheet would take for a formula gets a leading `'` (OWASP's CSV
 * injection guidance), which Kartta's own CSV reader removes again.
 */
import { stringify } from 'csv-stringify/sync';
import { FORMULA_TRIGGERS } from './xlsx-write.js';
import type { OutCell } from './xlsx-write.js';

/** How a CSV file is written. */
export interface CsvLayout {
  /** `;` as Finnish Excel writes and reads it (the comma is the decimal separator), `,` or tab. */
  readonly delimiter: ';' | ',' | '\t';
  /** Start with a UTF-8 byte-order mark, so that Excel opens the file as UTF-8 (ä and ö intact). */
  readonly bom: boolean;
  /** Write decimals with a comma (`12,5`): what Finnish Excel reads, and what Kartta's reader reads unambiguously. */
  readonly decimalComma: boolean;
}

/**
 * Text that a spreadsheet would evaluate gets a leading `'`; so does text that starts with `'` and a formula
 * character or another `'`, so that the reader, which removes one such quote, gives back exactly what was written.
 */
export function neutralise(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) || quoted(text) ? `'${text}` : text;
}

/** Text a `'` neutralises: it starts with `'` and then a formula character or another `'`. */
export function quoted(text: string): boolean {
  return (
    text.length > 1 && text.charCodeAt(0) === 39 && (FORMULA_TRIGGERS.has(text.charAt(1)) || text.charCodeAt(1) === 39)
  );
}

/**
 * One cell as CSV text: dates as ISO, numbers with a decimal comma where the layout asks for one, percentages as
 * `12,5 %` (what a Finnish spreadsheet opens as a percentage).
 */
export function csvCell(cell: OutCell | null, layout: CsvLayout): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'object') {
    if ('date' in cell) return cell.date;
    if ('euros' in cell) return csvCell(cell.euros, layout);
    return `${csvCell(cell.percent, layout)} %`;
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    const text = String(cell);
    return layout.decimalComma ? text.replace('.', ',') : text;
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return neutralise(cell);
}

/** The CSV text of a header and rows. */
export function writeCsvText(
  header: readonly string[],
  rows: readonly (readonly (OutCell | null)[])[],
  layout: CsvLayout,
): string {
  const records = rows.map((row) => row.map((cell) => csvCell(cell, layout)));
  const text = stringify(header.length > 0 ? [header.map(neutralise), ...records] : records, {
    delimiter: layout.delimiter,
  });
  return layout.bom ? `\ufeff${text}` : text;
}
