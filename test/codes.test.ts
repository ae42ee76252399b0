import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_PATTERN } from '../src/codes.js';
import {
  Model,
  errorCodes,
  harmonisationCandidates,
  impactOf,
  issueCodes,
  lint,
  lintRuleIds,
  lintRules,
  parallelSystems,
  planMigration,
  reasonCodes,
  type KarttaErrorCode,
} from '../src/index.js';

const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
const plan: unknown = JSON.parse(
  readFileSync(new URL('../examples/pohjois-pohjanmaa.plan.json', import.meta.url), 'utf8'),
);

describe('codes: one style, one list', () => {
  it('every listed code is hyphenated lowercase words, dotted into namespaces, and listed once', () => {
    for (const list of [issueCodes, errorCodes, reasonCodes, lintRuleIds]) {
      for (const code of list) expect(code, code).toMatch(CODE_PATTERN);
      expect(new Set(list).size).toBe(list.length);
    }
    // No bare one-word code: a single word carries its namespace.
    for (const code of [...issueCodes, ...errorCodes, ...reasonCodes, ...lintRuleIds])
      expect(code, code).toMatch(/[.-]/);
    expect(CODE_PATTERN.test('notBefore')).toBe(false);
    expect(CODE_PATTERN.test('plan.notBefore')).toBe(false);
  });

  it('lint rule ids are the rules lintRules lists, sorted', () => {
    expect(lintRules.map((rule) => rule.id)).toEqual([...lintRuleIds]);
    expect([...lintRuleIds].sort()).toEqual([...lintRuleIds]);
  });

  it('every code in the results on the sample is a listed one', () => {
    const reasons = new Set<string>(reasonCodes);
    const seen = [
      ...harmonisationCandidates(sample, { scope: 'pop' }).flatMap((c) => c.reasons.map((r) => r.code)),
      ...parallelSystems(sample, { scope: 'pop', allowedUntil: '2021-12-31', asOf: '2022-06-01' }).flatMap((g) =>
        g.reasons.map((r) => r.code),
      ),
      ...impactOf(sample, 'esko-ppshp').reasons.map((r) => r.code),
      ...planMigration(sample, plan).placements.flatMap((p) => p.reasons.map((r) => r.code)),
      ...planMigration(sample, plan).violations.map((v) => v.code),
    ];
    expect(seen.length).toBeGreaterThan(20);
    for (const code of seen) expect(reasons.has(code), code).toBe(true);
    for (const finding of lint(sample, { asOf: '2019-01-01' })) expect(lintRuleIds).toContain(finding.rule);
  });

  it('the codes errors carry are listed', () => {
    const thrownCode = (run: () => unknown): KarttaErrorCode | undefined => {
      try {
        run();
      } catch (error) {
        return (error as { code: KarttaErrorCode }).code;
      }
      return undefined;
    };
    const codes = [
      thrownCode(() => Model.load('{')),
      thrownCode(() => sample.scope({ scope: 'nowhere' })),
      thrownCode(() => impactOf(sample, 'pop')),
      thrownCode(() => planMigration(sample, { steps: 'x' })),
      thrownCode(() => lint(sample, { rulez: {} } as never)),
    ];
    expect(codes).toEqual(['model.invalid', 'scope.unknown', 'entity.wrong-kind', 'plan.invalid', 'option.invalid']);
    for (const code of codes) expect(errorCodes).toContain(code);
    const issues = Model.safeLoad({
      format: 'kartta/1',
      name: 'X',
      systems: [{ id: 'a' }],
      relations: [{ type: 'owns', from: 'x', to: 'a' }],
    });
    expect(issues.ok).toBe(false);
    if (!issues.ok) for (const issue of issues.issues) expect(issueCodes).toContain(issue.code);
  });
});
