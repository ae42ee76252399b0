/** Renderings of a model difference: plain text, Markdown and JSON. */
import { z } from 'zod';
import type { DiffCollection, DiffEntry, FieldChange, ModelDiff } from './diff.js';
import { diffCollections } from './defaults.js';
import { parseOptions } from '../options.js';
import { showValue } from './json-values.js';

/**
 * Options of {@link formatDiff}.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { FormatDiffOptions } from 'kartta';
 * const options: FormatDiffOptions = { format: 'markdown' };
 * ```
 */
export interface FormatDiffOptions {
  /** `text` (the default), `markdown` or `json`. */
  readonly format?: 'text' | 'markdown' | 'json' | undefined;
}

const optionsSchema = z.strictObject({ format: z.enum(['text', 'markdown', 'json']).optional() });

const TITLES: Record<DiffCollection, string> = {
  products: 'Products',
  organisations: 'Organisations',
  services: 'Services',
  systems: 'Systems',
  integrations: 'Integrations',
  relations: 'Relations',
};

const MARK = { added: '+', removed: '-', changed: '~' } as const;

function fieldLine(field: FieldChange): string {
  return `${field.path.join('.')}: ${showValue(field.before)} → ${showValue(field.after)}`;
}

function summary(diff: ModelDiff): string {
  if (diff.equal) return 'No differences.';
  const { added, removed, changed } = diff.counts;
  const parts = [`${added} added`, `${removed} removed`, `${changed} changed`];
  if (diff.header.length > 0)
    parts.push(`${diff.header.length} document field${diff.header.length === 1 ? '' : 's'} changed`);
  return `Differences: ${parts.join(', ')}.`;
}

function grouped(diff: ModelDiff): [DiffCollection, DiffEntry[]][] {
  const out: [DiffCollection, DiffEntry[]][] = [];
  for (const collection of diffCollections) {
    const entries = diff.entries.filter((entry) => entry.collection === collection);
    if (entries.length > 0) out.push([collection, entries]);
  }
  return out;
}

function text(diff: ModelDiff): string {
  const lines = [summary(diff)];
  if (diff.header.length > 0) {
    lines.push('', 'Document');
    for (const field of diff.header) lines.push(`  ~ ${fieldLine(field)}`);
  }
  for (const [collection, entries] of grouped(diff)) {
    lines.push('', TITLES[collection]);
    for (const entry of entries) {
      lines.push(
        entry.collection === 'relations'
          ? `  ${MARK[entry.change]} ${entry.name}  [${entry.id}]`
          : `  ${MARK[entry.change]} ${entry.id}  ${entry.name}`,
      );
      for (const field of entry.fields) lines.push(`      ${fieldLine(field)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function markdown(diff: ModelDiff): string {
  const lines = [summary(diff)];
  if (diff.header.length > 0) {
    lines.push('', '### Document', '', '| field | before | after |', '| --- | --- | --- |');
    for (const field of diff.header)
      lines.push(
        `| ${cell(field.path.join('.'))} | ${cell(showValue(field.before))} | ${cell(showValue(field.after))} |`,
      );
  }
  for (const [collection, entries] of grouped(diff)) {
    lines.push('', `### ${TITLES[collection]}`, '', '| change | id | name | fields |', '| --- | --- | --- | --- |');
    for (const entry of entries) {
      const fields = entry.fields.map((field) => cell(fieldLine(field))).join('<br>');
      lines.push(`| ${entry.change} | \`${cell(entry.id).replace(/`/g, "'")}\` | ${cell(entry.name)} | ${fields} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Renders a {@link ModelDiff}: `text` for a terminal (one line per entity, `+` added, `-` removed, `~` changed,
 * changed fields indented below), `markdown` for a memo or a pull request (a table per collection) or `json`
 * (the diff itself, two-space indented). Long values are cut at 80 characters in text and Markdown.
 *
 * @throws {@link QueryError} `option.invalid` for an unknown option or format.
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, diffModels, formatDiff } from 'kartta';
 * const before = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
 * const { model: after } = before.edit((doc) => { doc.systems[0]!.lifecycle = 'retired'; });
 * console.log(formatDiff(diffModels(before, after)));
 * // Differences: 0 added, 0 removed, 1 changed.
 * //
 * // Systems
 * //   ~ a  A
 * //       lifecycle: production → retired
 * ```
 */
export function formatDiff(diff: ModelDiff, options: FormatDiffOptions = {}): string {
  const { format = 'text' } = parseOptions('formatDiff', optionsSchema, options);
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  return format === 'markdown' ? markdown(diff) : text(diff);
}
