/** Renderings of a scenario comparison: a text table, Markdown, CSV and JSON. */
import { z } from 'zod';
import type { ComparisonCell, ComparisonRow, ScenarioComparison } from './compare.js';
import { parseOptions } from '../options.js';

/**
 * Options of {@link formatComparison}.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { FormatComparisonOptions } from 'kartta';
 * const options: FormatComparisonOptions = { format: 'csv' };
 * ```
 */
export interface FormatComparisonOptions {
  /** `text` (the default), `markdown`, `csv` or `json`. */
  readonly format?: 'text' | 'markdown' | 'csv' | 'json' | undefined;
  /** Write the cells' notes under the table, in text and Markdown (default true). */
  readonly notes?: boolean | undefined;
}

const optionsSchema = z.strictObject({
  format: z.enum(['text', 'markdown', 'csv', 'json']).optional(),
  notes: z.boolean().optional(),
});

const grouping = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function number(value: number, unit: ComparisonRow['unit']): string {
  return unit === 'eur' ? `${grouping.format(value)} €` : grouping.format(value);
}

function valueText(cell: ComparisonCell, unit: ComparisonRow['unit']): string {
  if (cell.value === null) return '–';
  return typeof cell.value === 'number' ? number(cell.value, unit) : cell.value;
}

function cellText(cell: ComparisonCell, unit: ComparisonRow['unit']): string {
  const value = valueText(cell, unit);
  if (cell.delta === null || cell.delta === 0) return cell.delta === 0 ? `${value} (±0)` : value;
  return `${value} (${cell.delta > 0 ? '+' : '−'}${number(Math.abs(cell.delta), unit)})`;
}

function text(comparison: ScenarioComparison, withNotes: boolean): string {
  const header = ['', ...comparison.columns.map((column) => column.name)];
  const body = comparison.rows.map((row) => [row.label, ...row.cells.map((cell) => cellText(cell, row.unit))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => [...(line[i] ?? '')].length)));
  const pad = (line: string[]) =>
    line
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const lines = [pad(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(pad)];
  if (withNotes) {
    for (const [title, items] of noteGroups(comparison))
      lines.push('', `${title}:`, ...items.map((item) => `  ${item}`));
  }
  return `${lines.join('\n')}\n`;
}

function noteGroups(comparison: ScenarioComparison): [string, readonly string[]][] {
  const out: [string, readonly string[]][] = [];
  for (const row of comparison.rows) {
    row.cells.forEach((cell, i) => {
      if (cell.notes.length > 0) out.push([`${row.label.trim()}, ${comparison.columns[i]?.name}`, cell.notes]);
    });
  }
  return out;
}

function md(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function markdown(comparison: ScenarioComparison, withNotes: boolean): string {
  const lines = [
    `| measure | ${comparison.columns.map((column) => md(column.name)).join(' | ')} |`,
    `| --- | ${comparison.columns.map(() => '---:').join(' | ')} |`,
    ...comparison.rows.map(
      (row) => `| ${md(row.label.trim())} | ${row.cells.map((cell) => md(cellText(cell, row.unit))).join(' | ')} |`,
    ),
  ];
  if (withNotes)
    for (const [title, items] of noteGroups(comparison))
      lines.push('', `${md(title)}:`, '', ...items.map((item) => `- ${md(item)}`));
  return `${lines.join('\n')}\n`;
}

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is prefixed with `'`. */
function csvField(value: string | number | null, isText: boolean): string {
  if (value === null) return '';
  let out = String(value);
  if (isText && /^[=+\-@\t\r]/.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

function csv(comparison: ScenarioComparison): string {
  const header = [
    'measure',
    'unit',
    ...comparison.columns.flatMap((column) => (column.base ? [column.name] : [column.name, `${column.name} delta`])),
  ];
  const lines = [header.map((cell) => csvField(cell, true)).join(',')];
  for (const row of comparison.rows) {
    const cells: string[] = [csvField(row.id, true), csvField(row.unit, true)];
    row.cells.forEach((cell, i) => {
      cells.push(csvField(cell.value, typeof cell.value === 'string'));
      if (!comparison.columns[i]?.base) cells.push(csvField(cell.delta, false));
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Renders a {@link ScenarioComparison}: `text` (an aligned table, each scenario cell with its difference from
 * the base in brackets, then the notes), `markdown` (the same as a table), `csv` (RFC 4180: one row per measure,
 * a value and a delta column per scenario, plain numbers; text that a spreadsheet would run as a formula is
 * prefixed with `'`) or `json`.
 *
 * @throws {@link QueryError} `option.invalid` for an unknown option or format.
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, compareScenarios, formatComparison } from 'kartta';
 * const base = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
 * const comparison = compareScenarios(base, [{ format: 'kartta-scenario/1', name: 'Retire A', changes: [{ op: 'retire', system: 'a' }] }]);
 * console.log(formatComparison(comparison, { format: 'csv' }).split('\r\n')[2]); // 'systems-in-use,count,1,0,-1'
 * ```
 */
export function formatComparison(comparison: ScenarioComparison, options: FormatComparisonOptions = {}): string {
  const { format = 'text', notes = true } = parseOptions('formatComparison', optionsSchema, options);
  switch (format) {
    case 'json':
      return `${JSON.stringify(comparison, null, 2)}\n`;
    case 'csv':
      return csv(comparison);
    case 'markdown':
      return markdown(comparison, notes);
    default:
      return text(comparison, notes);
  }
}
