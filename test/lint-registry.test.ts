/**
 * The lint rule registry (issue 10): one module per rule, each rule one object with its id, metadata and check;
 * a rule without a check does not compile, and the registry is listed here so that adding or losing a rule is a
 * visible change.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Model, lint, lintRuleIds, lintRules } from '../src/index.js';
import { lintRuleDefinitions } from '../src/queries/lint/registry.js';
import { LINT_DOCS, type LintRuleDefinition } from '../src/queries/lint/rule.js';
import { sampleDocument } from './hostile.js';

describe('the lint rule registry', () => {
  it('lists every rule, sorted by id', () => {
    expect(lintRuleDefinitions.map((rule) => [rule.id, rule.severity])).toEqual([
      ['contract.expired', 'warning'],
      ['contract.notice-due', 'info'],
      ['integration.duplicate', 'warning'],
      ['integration.self', 'error'],
      ['integration.to-retired', 'warning'],
      ['integration.via-non-platform', 'error'],
      ['name.duplicate', 'warning'],
      ['organisation.member-cycle', 'error'],
      ['organisation.orphan', 'warning'],
      ['service.no-system', 'info'],
      ['system.dependency-cycle', 'warning'],
      ['system.no-owner', 'warning'],
      ['system.no-product', 'info'],
      ['system.no-service', 'warning'],
      ['system.obligated-offering', 'warning'],
      ['system.retired-in-use', 'warning'],
      ['tori.parallel', 'warning'],
      ['tosi.parallel-unintegrated', 'error'],
    ]);
    expect(lintRuleDefinitions.map((rule) => rule.id)).toEqual([...lintRuleIds]);
  });

  it('gives each rule its metadata and check together, and one module of its own', () => {
    const modules = readdirSync(fileURLToPath(new URL('../src/queries/lint/rules', import.meta.url))).sort();
    expect(modules).toEqual(lintRuleIds.map((id) => `${id.replace('.', '-')}.ts`));
    for (const rule of lintRuleDefinitions) {
      expect(typeof rule.check, rule.id).toBe('function');
      expect(rule.description.length, rule.id).toBeGreaterThan(20);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(20);
      expect(rule.docs, rule.id).toBe(LINT_DOCS);
    }
  });

  it('exports the metadata without the checks, frozen', () => {
    expect(lintRules.map((rule) => Object.keys(rule).sort())).toEqual(
      lintRules.map(() => ['description', 'docs', 'id', 'rationale', 'severity']),
    );
    expect(Object.isFrozen(lintRules)).toBe(true);
    for (const rule of lintRules) expect(Object.isFrozen(rule)).toBe(true);
  });

  it('runs every rule that is not off, and none that is', () => {
    const model = Model.load(sampleDocument());
    const all = new Set(lint(model, { asOf: '2019-01-01' }).map((f) => f.rule));
    expect(all.size).toBeGreaterThan(5);
    const off = Object.fromEntries(lintRuleIds.map((id) => [id, 'off' as const]));
    expect(lint(model, { asOf: '2019-01-01', rules: off })).toEqual([]);
  });

  it('refuses, by type, a rule without a check', () => {
    // @ts-expect-error -- `check` is required: a rule cannot be written without one
    const noCheck: LintRuleDefinition<'system.no-owner'> = {
      id: 'system.no-owner',
      severity: 'warning',
      description: 'a system nobody owns',
      rationale: 'someone must hold its contract',
      docs: LINT_DOCS,
    };
    expect(noCheck.check).toBeUndefined();
  });
});
