/**
 * Tables for people: aligned columns in a terminal, Markdown for memos. One table description, two renderings
 * (spreadsheets get theirs from `kartta/spreadsheet`, see `tabular.ts`).
 */
import type { Style } from './style.js';

export type Cell = string | number | null;

/** A column: `key` picks the cell from a row; numbers align right. */
export interface Column {
  readonly key: string;
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** How a cell shows in text and Markdown (CSV gets the raw value): e.g. a number as euros. */
  readonly show?: (value: Cell) => string;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly ReadonlyMap<string, Cell>[];
}

/** A row from pairs, so that no user string ever becomes a key of a plain object. */
export function row(cells: readonly (readonly [string, Cell])[]): ReadonlyMap<string, Cell> {
  return new Map(cells);
}

const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** `€850,000`; `–` for an unknown amount. */
export function formatEuros(value: Cell): string {
  return typeof value === 'number' ? euros.format(value) : '–';
}

function shown(column: Column, value: Cell): string {
  if (column.show) return column.show(value);
  return value === null ? '' : String(value);
}

/** Width in terminal columns: code points, so that ä, ö, å and Sámi letters count as one. */
function width(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function pad(text: string, size: number, align: 'left' | 'right'): string {
  const gap = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? gap + text : text + gap;
}

/** Aligned columns separated by two spaces, a bold header; trailing spaces trimmed. */
export function renderText(table: Table, style: Style): string {
  const cells = table.rows.map((values) =>
    table.columns.map((column) => sanitise(shown(column, values.get(column.key) ?? null))),
  );
  const widths = table.columns.map((column, index) =>
    Math.max(width(column.header), ...cells.map((line) => width(line[index] as string))),
  );
  const line = (values: readonly string[], decorate: (text: string) => string = (text) => text) =>
    values
      .map((value, index) => decorate(pad(value, widths[index] as number, table.columns[index]?.align ?? 'left')))
      .join('  ')
      .trimEnd();
  return (
    [
      line(
        table.columns.map((column) => column.header),
        style.bold,
      ),
      ...cells.map((values) => line(values)),
    ].join('\n') + '\n'
  );
}

/** A GitHub-flavoured Markdown table; `|` and line breaks in cells are escaped. */
export function renderMarkdown(table: Table): string {
  const escape = (text: string) => sanitise(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const header = `| ${table.columns.map((column) => escape(column.header)).join(' | ')} |`;
  const rule = `| ${table.columns.map((column) => (column.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const body = table.rows.map(
    (values) =>
      `| ${table.columns.map((column) => escape(shown(column, values.get(column.key) ?? null))).join(' | ')} |`,
  );
  return [header, rule, ...body].join('\n') + '\n';
}

/** Control characters (a hostile name with an escape sequence) must not reach the terminal. */
function sanitise(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
