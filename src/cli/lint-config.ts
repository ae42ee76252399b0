/**
 * The lint configuration file (`kartta-lint.json`): which rules are off, warnings or errors, and optionally the
 * day, the scope to lint and how many pairs a grouped parallel finding lists (`maxPairs`). Checked here, against the library's rule list, so that a mistake is reported at its
 * line in the file rather than as an option of a function the user never called.
 *
 * ```json
 * { "rules": { "system.no-owner": "error", "system.no-product": "off", "contract.expired": "warn" }, "asOf": "2019-01-01" }
 * ```
 */
import type { LintConfig, LintLevel } from '../queries/lint.js';
import type { CliContext } from './command.js';
import { InvalidDocumentError, locateIssues, readJsonDocument, type DocumentIssue } from './model-input.js';

/** Levels as eslint users write them (`warn`) and as the library names them (`warning`). */
const levels = new Map<string, LintLevel>([
  ['off', 'off'],
  ['info', 'info'],
  ['warn', 'warning'],
  ['warning', 'warning'],
  ['error', 'error'],
]);

const fields = new Set(['$schema', 'rules', 'asOf', 'scope', 'maxPairs']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks a configuration file; every problem is listed at its line (exit 2). */
export async function loadLintConfig(context: CliContext, path: string): Promise<LintConfig> {
  const { source, value } = await readJsonDocument(context, path);
  const { lintRules } = await import('../queries/lint.js');
  const { isIsoDate } = await import('../schema/primitives.js');
  const known = new Set<string>(lintRules.map((rule) => rule.id));
  const issues: DocumentIssue[] = [];
  const rules: [string, LintLevel][] = [];
  let asOf: string | undefined;
  let scope: string | undefined;
  let maxPairs: number | undefined;
  if (!isObject(value)) {
    issues.push({
      code: 'config.invalid',
      path: [],
      message: 'expected an object such as { "rules": { "system.no-owner": "error" } }',
    });
  } else {
    for (const key of Object.keys(value)) {
      if (!fields.has(key))
        issues.push({
          code: 'field.unknown',
          path: [key],
          message: `unknown field (known: rules, asOf, scope, maxPairs)`,
        });
    }
    const given = value.rules;
    if (given !== undefined && !isObject(given))
      issues.push({
        code: 'config.invalid',
        path: ['rules'],
        message: 'expected an object of rule ids to off, info, warn or error',
      });
    if (isObject(given)) {
      for (const [rule, level] of Object.entries(given)) {
        if (!known.has(rule))
          issues.push({
            code: 'rule.unknown',
            path: ['rules', rule],
            message: `no lint rule has this id ('kartta lint --list-rules' lists them)`,
          });
        else if (typeof level !== 'string' || !levels.has(level))
          issues.push({
            code: 'level.invalid',
            path: ['rules', rule],
            message: 'expected "off", "info", "warn" or "error"',
          });
        else rules.push([rule, levels.get(level) as LintLevel]);
      }
    }
    if (value.asOf !== undefined) {
      if (typeof value.asOf === 'string' && isIsoDate(value.asOf)) asOf = value.asOf;
      else
        issues.push({
          code: 'date.invalid',
          path: ['asOf'],
          message: 'expected an existing calendar date as YYYY-MM-DD',
        });
    }
    if (value.scope !== undefined) {
      if (typeof value.scope === 'string' && value.scope !== '') scope = value.scope;
      else issues.push({ code: 'config.invalid', path: ['scope'], message: 'expected the id of an organisation' });
    }
    if (value.maxPairs !== undefined) {
      if (typeof value.maxPairs === 'number' && Number.isSafeInteger(value.maxPairs) && value.maxPairs >= 0)
        maxPairs = value.maxPairs;
      else
        issues.push({
          code: 'config.invalid',
          path: ['maxPairs'],
          message: 'expected how many pairs a parallel finding lists, a whole number of 0 or more',
        });
    }
  }
  if (issues.length > 0)
    throw new InvalidDocumentError(source, await locateIssues(source, value, issues), 'configuration');
  // Keys are rule ids checked against the library's list above, never arbitrary user strings.
  return {
    rules: Object.fromEntries(rules),
    ...(asOf === undefined ? {} : { asOf }),
    ...(scope === undefined ? {} : { scope }),
    ...(maxPairs === undefined ? {} : { maxPairs }),
  };
}
