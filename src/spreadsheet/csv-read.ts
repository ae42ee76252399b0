/**
 * Reads a CSV file as one sheet. Finnish Excel saves CSV separated by `;` (the comma is the decimal separator), in
 * UTF-8 with a byte-order mark ("CSV UTF-8") or in Windows-1252 ("CSV"); all of these are read. Parsing is left
 * to csv-parse, which handles quoting, embedded separators and line breaks; rows come back as arrays, never as
 * objects keyed by header text.
 */
import { parse } from 'csv-parse/sync';
import { SpreadsheetError } from './errors.js';
import { quoted } from './csv-write.js';
import { type RawRow, type RawSheet, TableCounter } from './table.js';

/** Decodes the bytes: UTF-8 (a BOM is dropped), or Windows-1252 when the bytes are not valid UTF-8. */
export function decodeText(data: Uint8Array | string): string {
  let text: string;
  if (typeof data === 'string') text = data;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      text = new TextDecoder('windows-1252').decode(data);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator of the file: the one of `;`, `,` and tab seen most often in the first line, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best = ';';
  for (const [char, count] of counts) if (count > (counts.get(best) as number)) best = char;
  return best;
}

/** Reads one CSV file as a sheet named after the file (without folders and extension). */
export function readCsv(data: Uint8Array | string, file: string, maxBytes: number, counter: TableCounter): RawSheet {
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > maxBytes) {
    throw new SpreadsheetError(
      'spreadsheet.too-large',
      `${file}: the file is ${size} bytes, more than ${maxBytes} (option maxBytes)`,
      file,
    );
  }
  const text = decodeText(data);
  let records: string[][];
  try {
    const parsed: unknown = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    // Without a columns option csv-parse gives arrays of strings, never objects keyed by header text.
    records = parsed as string[][];
  } catch (error) {
    throw new SpreadsheetError(
      'spreadsheet.unreadable',
      `${file}: not readable as CSV (${(error as Error).message})`,
      file,
    );
  }
  const rows: RawRow[] = [];
  const { maxRows, maxCells } = counter.limits;
  records.forEach((record, index) => {
    if (++counter.rows > maxRows)
      throw new SpreadsheetError(
        'spreadsheet.too-large',
        `${file}: more than ${maxRows} rows in all (option maxRows)`,
        file,
      );
    const values: (string | undefined)[] = [];
    record.forEach((value, column) => {
      if (value === '') return;
      // A quote in front of a formula character is how CSV written by Kartta (and OWASP's guidance) neutralises it.
      values[column] = quoted(value) ? value.slice(1) : value;
      if (++counter.cells > maxCells)
        throw new SpreadsheetError(
          'spreadsheet.too-large',
          `${file}: more than ${maxCells} cells in all (option maxCells)`,
          file,
        );
    });
    rows.push({ number: index + 1, values });
  });
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return { file, name: base === '' ? file : base, rows, csv: true };
}
