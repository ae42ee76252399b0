/**
 * The output of the query commands (harmonise, parallel, impact, plan): one result, shown as aligned tables
 * with names in a terminal, as Markdown for memos, as CSV or an XLSX workbook for spreadsheets (written by
 * `kartta/spreadsheet`, formula injection neutralised), or as the library's JSON for tools.
 */
import { Option, type Command } from 'commander';
import type { ResultTable } from '../spreadsheet/result-table.js';
import type { CliContext } from './command.js';
import { CliError } from './exit.js';
import { writeBinaryOutput, writeOutput, styleForTarget } from './io.js';
import { renderMarkdown, renderText, row, type Cell, type Table } from './table.js';

export type TabularFormat = 'text' | 'json' | 'csv' | 'markdown' | 'xlsx';

/** What a query command shows. */
export interface Tabular {
  /** The library's result, printed as it is for `--format json`. */
  readonly json: unknown;
  /** Headed tables for text and Markdown. */
  readonly sections: readonly { readonly title: string; readonly table: Table }[];
  /** Lines after the tables (totals, what is missing). */
  readonly notes: readonly string[];
  /** The tables for spreadsheets: each one a sheet of the workbook; the first one is the CSV (one table a file). */
  readonly results: readonly ResultTable[];
}

/** `--format` and `-o` as every query command declares them. */
export function tabularOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '-f, --format <format>',
        'text (aligned tables), json (the library result), csv, xlsx or markdown (default: text, or csv or xlsx when the -o file ends so)',
      ).choices(['text', 'json', 'csv', 'xlsx', 'markdown']),
    )
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output');
}

/** The format asked for, or the one the output file's extension names (`.csv`, `.xlsx`), or text. */
export function formatFor<F extends string>(
  format: F | undefined,
  output: string | undefined,
): F | 'text' | 'csv' | 'xlsx' {
  if (format !== undefined) return format;
  if (output !== undefined && /\.xlsx$/i.test(output)) return 'xlsx';
  if (output !== undefined && /\.csv$/i.test(output)) return 'csv';
  return 'text';
}

/** The rows of a result table as the Maps the text and Markdown tables pick their columns from. */
export function rowsOf(table: ResultTable): ReadonlyMap<string, Cell>[] {
  return table.rows.map((cells) =>
    row(table.columns.map((column, index) => [column.key, toCell(cells[index])] as const)),
  );
}

function toCell(value: string | number | boolean | null | undefined): Cell {
  if (value === undefined || value === null) return null;
  return typeof value === 'boolean' ? String(value) : value;
}

/** A command-line table as a result table for a spreadsheet, its keys as headers. */
export function resultTableOf(name: string, table: Table): ResultTable {
  return {
    name,
    columns: table.columns.map((column) => ({
      key: column.key,
      header: column.header,
      type: column.align === 'right' ? 'number' : 'text',
    })),
    rows: table.rows.map((values) => table.columns.map((column) => values.get(column.key) ?? null)),
  };
}

/** Writes the result tables as CSV (the first table) or an XLSX workbook (every table a sheet). */
export async function writeSpreadsheet(
  context: CliContext,
  results: readonly ResultTable[],
  format: 'csv' | 'xlsx',
  target: string | undefined,
): Promise<void> {
  const { writeResultCsv, writeResultWorkbook } = await import('../spreadsheet/result-table.js');
  if (format === 'xlsx') {
    await writeBinaryOutput(context, target, writeResultWorkbook(results));
    return;
  }
  const first = results[0];
  if (first === undefined) throw new CliError('internal.no-table', 'the command has no table to write as CSV');
  await writeOutput(context, target, writeResultCsv(first));
}

export async function writeTabular(
  context: CliContext,
  output: Tabular,
  format: TabularFormat | undefined,
  target: string | undefined,
): Promise<void> {
  const chosen = formatFor(format, target);
  if (chosen === 'csv' || chosen === 'xlsx') return writeSpreadsheet(context, output.results, chosen, target);
  let text: string;
  if (chosen === 'json') text = `${JSON.stringify(output.json, null, 2)}\n`;
  else if (chosen === 'markdown') {
    const parts = output.sections.map((section) => `### ${section.title}\n\n${renderMarkdown(section.table)}`);
    text = [
      ...parts,
      ...(output.notes.length > 0 ? [output.notes.map((note) => `${note}  `).join('\n') + '\n'] : []),
    ].join('\n');
  } else {
    const style = styleForTarget(context, target);
    const parts = output.sections.map(
      (section) =>
        `${style.bold(section.title)}\n${section.table.rows.length > 0 ? renderText(section.table, style) : style.dim('(none)\n')}`,
    );
    text = [...parts, ...(output.notes.length > 0 ? [output.notes.join('\n') + '\n'] : [])].join('\n');
  }
  await writeOutput(context, target, text);
}
