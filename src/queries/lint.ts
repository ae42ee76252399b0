/**
 * Lint: rules that find what a valid model can still get wrong (an installation nobody owns, an integration
 * into a retired system, a gap between parallel systems), as findings a script or CI can act on. Each rule is a
 * module of its own under lint/rules/, listed in lint/registry.ts.
 */
import { z } from 'zod';
import type { Model } from '../model/model.js';
import { describe, optionError, optionField, optionsSchema, parseOptions } from '../options.js';
import { isRecord } from '../schema/json.js';
import { compareStrings, todayUtc } from './facts.js';
import { lintRuleDefinitions } from './lint/registry.js';
import {
  subjectOf,
  type LintConfig,
  type LintFinding,
  type LintLevel,
  type LintRule,
  type LintSeverity,
} from './lint/rule.js';

export { lintRuleIds } from './lint/rule.js';
export type {
  LintConfig,
  LintData,
  LintFinding,
  LintLevel,
  LintPairs,
  LintRule,
  LintRuleId,
  LintSeverity,
} from './lint/rule.js';

/**
 * The lint rules, sorted by id: each with its default severity, what it finds, why, and where it is documented.
 *
 * @example
 * ```ts
 * import { lintRules } from 'kartta';
 * const errors = lintRules.filter((rule) => rule.severity === 'error').map((rule) => rule.id);
 * ```
 *
 * @category Lint
 */
export const lintRules: readonly LintRule[] = Object.freeze(
  lintRuleDefinitions.map(({ id, severity, description, rationale, docs }) =>
    Object.freeze({ id, severity, description, rationale, docs }),
  ),
);

const RULES: ReadonlyMap<string, LintRule> = new Map(lintRules.map((rule) => [rule.id, rule]));
const LEVELS = new Set<string>(['error', 'warning', 'info', 'off']);
/** Pairs a grouped finding lists unless `maxPairs` says otherwise: enough to act on, few enough to read. */
const DEFAULT_MAX_PAIRS = 10;
const SEVERITY_RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

const OPTIONS = optionsSchema({
  rules: z
    .custom<Readonly<Record<string, LintLevel>>>(isRecord, {
      error: 'must be an object of rule ids to levels',
    })
    .optional(),
  asOf: optionField.date(),
  scope: optionField.id(),
  maxPairs: optionField.limit(),
});

/** The level of every rule: its default, unless `rules` says otherwise. Rule ids are looked up in a Map, never on `rules`' prototype. */
function levelsOf(rules: Readonly<Record<string, unknown>> | undefined): Map<string, LintLevel> {
  const levels = new Map<string, LintLevel>(lintRules.map((rule) => [rule.id, rule.severity]));
  if (rules === undefined) return levels;
  for (const [id, level] of Object.entries(rules).sort(([a], [b]) => compareStrings(a, b))) {
    if (!RULES.has(id))
      throw optionError('lint', ['rules', id], `names no rule (known: ${[...RULES.keys()].join(', ')})`, id);
    if (typeof level !== 'string' || !LEVELS.has(level)) {
      throw optionError(
        'lint',
        ['rules', id],
        `must be 'error', 'warning', 'info' or 'off', got ${describe(level)}`,
        id,
      );
    }
    levels.set(id, level as LintLevel);
  }
  return levels;
}

/**
 * Checks a model against the {@link lintRules} and returns what they find, sorted by severity (errors first),
 * rule id, entity id, related ids and message. Each rule's severity can be changed, or the rule turned `off`.
 * `asOf` (default: today, UTC) is the day contracts are judged on; `scope` limits what is checked. Without a scope,
 * the parallel rules (`tori.parallel`, `tosi.parallel-unintegrated`) look within each region (organisation of
 * kind `region`) in turn, since systems of two regions do not run in parallel; a model without regions is one.
 *
 * @throws {@link OptionError} `option.invalid` for an unknown rule id (`id` the rule), a bad level, an unknown
 *   config key or a bad `asOf`; {@link QueryError} `scope.unknown` or `scope.not-organisation` for a bad scope.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, lint } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const findings = lint(model, { rules: { 'system.no-owner': 'error', 'system.no-product': 'off' }, asOf: '2019-01-01' });
 * for (const f of findings) console.log(`${f.severity} ${f.rule} ${f.entity}: ${f.message}`);
 * if (findings.some((f) => f.severity === 'error')) process.exitCode = 1;
 * ```
 *
 * @category Lint
 */
export function lint(model: Model, config: LintConfig = {}): LintFinding[] {
  const parsed = parseOptions('lint', OPTIONS, config);
  const levels = levelsOf(parsed.rules);
  const asOf = parsed.asOf ?? todayUtc();
  const scope = parsed.scope;
  const subject = subjectOf(model, scope, asOf, parsed.maxPairs ?? DEFAULT_MAX_PAIRS);
  const findings: LintFinding[] = [];
  for (const rule of lintRuleDefinitions) {
    const level = levels.get(rule.id) ?? rule.severity;
    if (level === 'off') continue;
    rule.check(subject, (entity, message, related = [], data = {}, pairs) => {
      findings.push({
        rule: rule.id,
        severity: level,
        entity,
        entityName: model.nameOf(entity) ?? entity,
        related: [...related],
        message,
        data,
        ...(pairs === undefined ? {} : { pairs }),
      });
    });
  }
  return sortFindings(findings);
}

/** Sorts by severity (errors first), rule, entity, related ids and message, joining each finding's related ids once rather than per comparison. */
function sortFindings(findings: LintFinding[]): LintFinding[] {
  const keyed = findings.map((finding) => ({ finding, related: finding.related.join('\u0000') }));
  keyed.sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      compareStrings(a.finding.rule, b.finding.rule) ||
      compareStrings(a.finding.entity, b.finding.entity) ||
      compareStrings(a.related, b.related) ||
      compareStrings(a.finding.message, b.finding.message),
  );
  return keyed.map((k) => k.finding);
}
