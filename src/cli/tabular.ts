/**
 * The output of the query commands (harmonise, parallel, impact, plan): one result, shown as aligned tables
 * with names in a terminal, as Markdown for memos, as CSV for spreadsheets, or as the library's JSON for tools.
 */
import { Option, type Command } from 'commander';
import type { CliContext } from './command.js';
import { writeOutput, styleForTarget } from './io.js';
import { renderCsv, renderMarkdown, renderText, type Table } from './table.js';

export type TabularFormat = 'text' | 'json' | 'csv' | 'markdown';

/** What a query command shows. */
export interface Tabular {
  /** The library's result, printed as it is for `--format json`. */
  readonly json: unknown;
  /** Headed tables for text and Markdown. */
  readonly sections: readonly { readonly title: string; readonly table: Table }[];
  /** Lines after the tables (totals, what is missing). */
  readonly notes: readonly string[];
  /** The one table CSV gets (a spreadsheet takes one table per file). */
  readonly csv: Table;
}

/** `--format` and `-o` as every query command declares them. */
export function tabularOptions(command: Command): Command {
  return command
    .addOption(
      new Option('-f, --format <format>', 'text (aligned tables), json (the library result), csv or markdown')
        .choices(['text', 'json', 'csv', 'markdown'])
        .default('text'),
    )
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output');
}

export async function writeTabular(
  context: CliContext,
  output: Tabular,
  format: TabularFormat,
  target: string | undefined,
): Promise<void> {
  let text: string;
  if (format === 'json') text = `${JSON.stringify(output.json, null, 2)}\n`;
  else if (format === 'csv') text = await renderCsv(output.csv);
  else if (format === 'markdown') {
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
