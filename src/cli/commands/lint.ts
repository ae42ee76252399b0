/** `kartta lint FILE [--config F] [--as-of DATE] [--max-warnings N]`: the lint rules, for people and for CI. */
import { Option } from 'commander';
import { relative, sep } from 'node:path';
import type { LintFinding, LintSeverity } from '../../queries/lint.js';
import { defineCommand } from '../command.js';
import { capped, CliError, ExitCode } from '../exit.js';
import { githubAnnotation } from '../github.js';
import { styleForTarget, writeOutput, type Source } from '../io.js';
import { pathLocator } from '../json-source.js';
import { loadLintConfig } from '../lint-config.js';
import { loadModel } from '../model-input.js';
import { nameOf } from '../names.js';
import { sarifLog, type SarifLevel } from '../sarif.js';
import { formatFor, writeSpreadsheet } from '../tabular.js';

interface LintOptions {
  readonly config?: string;
  readonly asOf?: string;
  readonly scope?: string;
  readonly maxWarnings?: string;
  readonly listRules?: boolean;
  readonly format?: 'text' | 'json' | 'sarif' | 'github' | 'csv' | 'xlsx';
  readonly output?: string;
}

/** A finding with its entity's name and where the entity is in the file. */
interface LocatedFinding extends LintFinding {
  readonly name: string;
  readonly line: number | null;
  readonly column: number | null;
}

const sarifLevels: Record<LintSeverity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const githubLevels: Record<LintSeverity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

export const lint = defineCommand<LintOptions>({
  name: 'lint',
  summary: 'check a model against the lint rules (owners, products, contracts, cycles, parallel systems)',
  description:
    "Checks a model against Kartta's lint rules. Rules can be turned off or made warnings or errors in a configuration file (--config). Exit 1 when there is an error, or more warnings than --max-warnings; info findings never fail the run. --format github prints workflow commands that GitHub Actions shows as annotations; --format sarif is for code scanning.",
  examples: [
    'kartta lint region.json --config kartta-lint.json --as-of 2019-01-01',
    'kartta lint region.json --max-warnings 0 --format github',
    'kartta lint region.json --as-of 2019-01-01 -o findings.xlsx',
    'kartta lint --list-rules',
  ],
  define: (command) =>
    command
      .argument('[file]', 'the model, or - for standard input')
      .option(
        '-c, --config <file>',
        'a lint configuration: { "rules": { "RULE": "off" | "info" | "warn" | "error" }, "asOf"?, "scope"? }',
      )
      .option('--as-of <date>', "the day contracts are judged on (YYYY-MM-DD), default the config's or today")
      .option('-s, --scope <id>', 'only this organisation and its members')
      .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this')
      .option('--list-rules', 'list the rules with their default severity and exit')
      .addOption(
        new Option(
          '-f, --format <format>',
          'text, json, sarif, github, csv or xlsx (default: text, or csv or xlsx when the -o file ends so)',
        ).choices(['text', 'json', 'sarif', 'github', 'csv', 'xlsx']),
      )
      .option('-o, --output <file>', 'write to this file (atomically) instead of standard output'),
  run: async (context, [path], options) => {
    const { lint: lintModel, lintRules } = await import('../../queries/lint.js');
    if (options.listRules) {
      const width = Math.max(...lintRules.map((rule) => rule.id.length));
      const text = lintRules
        .map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}`)
        .join('\n');
      await writeOutput(context, options.output, `${text}\n`);
      return ExitCode.ok;
    }
    if (path === undefined)
      throw new CliError('usage.invalid', 'missing the model to lint: kartta lint FILE (or - for standard input)');
    let maxWarnings: number | undefined;
    if (options.maxWarnings !== undefined) {
      maxWarnings = Number(options.maxWarnings);
      if (!/^\d+$/.test(options.maxWarnings) || !Number.isSafeInteger(maxWarnings))
        throw new CliError(
          'usage.invalid',
          `--max-warnings must be a whole number of 0 or more, got ${JSON.stringify(capped(options.maxWarnings))}`,
        );
    }
    const config = options.config === undefined ? {} : await loadLintConfig(context, options.config);
    const { model, source, document } = await loadModel(context, path);
    const asOf = options.asOf ?? config.asOf;
    const scope = options.scope ?? config.scope;
    const findings = lintModel(model, {
      ...config,
      ...(asOf === undefined ? {} : { asOf }),
      ...(scope === undefined ? {} : { scope }),
    });
    const located = locate(source, document, findings, (id) => nameOf(model, id));
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    const infos = findings.length - errors - warnings;
    const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
    const failed = errors > 0 || tooManyWarnings;

    const format = formatFor(options.format, options.output);
    if (format === 'csv' || format === 'xlsx') {
      const { lintTable } = await import('../../spreadsheet/result-tables.js');
      await writeSpreadsheet(context, [lintTable(model, findings)], format, options.output);
      return failed ? ExitCode.findings : ExitCode.ok;
    }
    let text: string;
    if (format === 'json') {
      text = `${JSON.stringify({ file: source.name, asOf: asOf ?? null, errors, warnings, infos, maxWarnings: maxWarnings ?? null, failed, findings: located }, null, 2)}\n`;
    } else if (format === 'sarif') {
      const log = sarifLog({
        version: context.version,
        source,
        rules: lintRules.map((rule) => ({
          id: rule.id,
          description: rule.description,
          help: rule.rationale,
          helpUri: rule.docs,
          defaultLevel: sarifLevels[rule.severity],
        })),
        findings: located.map((finding) => ({
          ruleId: finding.rule,
          level: sarifLevels[finding.severity],
          message: finding.message,
          line: finding.line,
          column: finding.column,
          logicalLocation: finding.entity,
        })),
      });
      text = `${JSON.stringify(log, null, 2)}\n`;
    } else if (format === 'github') {
      const file = source.path === undefined ? undefined : relative(process.cwd(), source.path).split(sep).join('/');
      const lines = located.map((finding) =>
        githubAnnotation(githubLevels[finding.severity], finding.message, {
          file,
          line: finding.line,
          column: finding.column,
          title: finding.rule,
        }),
      );
      if (tooManyWarnings)
        lines.push(
          githubAnnotation('error', `${warnings} warnings, more than --max-warnings ${maxWarnings}`, {
            file,
            title: 'kartta lint',
          }),
        );
      text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
    } else {
      const style = styleForTarget(context, options.output);
      const colour = { error: style.red, warning: style.yellow, info: style.blue };
      const lines = located.map((finding) => {
        const where = finding.line === null ? source.name : `${source.name}:${finding.line}:${finding.column}`;
        // The library's message already names the entity with its name.
        return `${style.dim(where)}  ${colour[finding.severity](finding.severity.padEnd(7))}  ${style.dim(finding.rule)}  ${finding.message}`;
      });
      const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info`;
      const limit =
        maxWarnings === undefined ? '' : ` (at most ${maxWarnings} warning${maxWarnings === 1 ? '' : 's'} allowed)`;
      lines.push(failed ? `${style.red('✖')} ${counts}${limit}` : `${style.green('✔')} ${counts}${limit}`);
      text = `${lines.join('\n')}\n`;
    }
    await writeOutput(context, options.output, text);
    return failed ? ExitCode.findings : ExitCode.ok;
  },
});

/** Each finding's entity is found in the document (its element in a collection), for line and column. */
function locate(
  source: Source,
  document: unknown,
  findings: readonly LintFinding[],
  nameOfId: (id: string) => string,
): LocatedFinding[] {
  const locator = pathLocator(source.text);
  let paths: Map<string, (string | number)[]> | undefined;
  return findings.map((finding) => {
    paths ??= entityPaths(document);
    const path = paths.get(finding.entity);
    const position = path ? locator(path) : undefined;
    return {
      ...finding,
      name: nameOfId(finding.entity),
      line: position?.line ?? null,
      column: position?.column ?? null,
    };
  });
}

function entityPaths(document: unknown): Map<string, (string | number)[]> {
  const paths = new Map<string, (string | number)[]>();
  if (typeof document !== 'object' || document === null) return paths;
  for (const collection of ['products', 'organisations', 'services', 'systems', 'integrations']) {
    const list = Object.hasOwn(document, collection) ? (document as Record<string, unknown>)[collection] : undefined;
    if (!Array.isArray(list)) continue;
    list.forEach((element: unknown, index) => {
      const id =
        typeof element === 'object' && element !== null && Object.hasOwn(element, 'id')
          ? (element as { id: unknown }).id
          : undefined;
      if (typeof id === 'string' && !paths.has(id)) paths.set(id, [collection, index, 'id']);
    });
  }
  return paths;
}
