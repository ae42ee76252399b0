/** `kartta lint`: configuration, --as-of, --max-warnings, and the text, JSON, SARIF and GitHub formats. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model } from '../../src/model/model.js';
import { lint, lintRules } from '../../src/queries/lint.js';
import { hasStack, kartta, sampleModel, scratch } from './run.js';
import { sarifErrors } from './sarif.js';

const model = Model.load(readFileSync(sampleModel, 'utf8'));
const asOf = '2019-01-01';

/** Turns off the rules that find errors in the sample, so the run can pass. */
const errorRules = [
  ...new Set(
    lint(model, { asOf })
      .filter((finding) => finding.severity === 'error')
      .map((finding) => finding.rule),
  ),
];

function configFile(content: unknown): string {
  const path = join(scratch(), 'kartta-lint.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('kartta lint', () => {
  it('lists findings one per line with their line in the file, and exits 1 when there are errors', async () => {
    const expected = lint(model, { asOf });
    expect(errorRules.length).toBeGreaterThan(0);
    const run = await kartta(['lint', sampleModel, '--as-of', asOf]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines[0]).toMatch(new RegExp(`^${sampleModel}:\\d+:\\d+  error    ${expected[0]?.rule}  `));
    const errors = expected.filter((finding) => finding.severity === 'error').length;
    const warnings = expected.filter((finding) => finding.severity === 'warning').length;
    expect(lines.at(-1)).toBe(`✖ ${errors} errors, ${warnings} warnings, ${expected.length - errors - warnings} info`);
  });

  it('takes severities from a config file (off, warn, error) and passes with exit 0 when no error is left', async () => {
    const rules = Object.fromEntries(errorRules.map((rule) => [rule, 'warn']));
    const run = await kartta(['lint', sampleModel, '--config', configFile({ rules, asOf }), '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ errors: 0, failed: false, asOf });
    expect(report.findings.map((finding: { rule: string }) => finding.rule)).toEqual(
      lint(model, { asOf, rules: Object.fromEntries(errorRules.map((rule) => [rule, 'warning'])) }).map(
        (finding) => finding.rule,
      ),
    );
    const off = await kartta([
      'lint',
      sampleModel,
      '-c',
      configFile({ rules: Object.fromEntries(lintRules.map((rule) => [rule.id, 'off'])) }),
      '-f',
      'json',
    ]);
    expect(JSON.parse(off.stdout).findings).toEqual([]);
  });

  it('fails with exit 1 when warnings exceed --max-warnings, and passes at the limit', async () => {
    const rules = Object.fromEntries(errorRules.map((rule) => [rule, 'warn']));
    const config = configFile({ rules, asOf });
    const warnings = lint(model, {
      asOf,
      rules: Object.fromEntries(errorRules.map((rule) => [rule, 'warning'])),
    }).filter((finding) => finding.severity === 'warning').length;
    expect((await kartta(['lint', sampleModel, '-c', config, '--max-warnings', String(warnings)])).code).toBe(0);
    const over = await kartta(['lint', sampleModel, '-c', config, '--max-warnings', String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stdout.trimEnd().split('\n').at(-1)).toBe(
      `✖ 0 errors, ${warnings} warnings, ${over.stdout.match(/(\d+) info/)?.[1]} info (at most ${warnings - 1} warnings allowed)`,
    );
    expect((await kartta(['lint', sampleModel, '--max-warnings', '-1'])).code).toBe(2);
  });

  it('--as-of changes what has expired; a malformed date is refused with exit 2', async () => {
    const early = JSON.parse((await kartta(['lint', sampleModel, '--as-of', '2015-01-01', '-f', 'json'])).stdout);
    const late = JSON.parse((await kartta(['lint', sampleModel, '--as-of', '2030-01-01', '-f', 'json'])).stdout);
    const expired = (report: { findings: { rule: string }[] }) =>
      report.findings.filter((finding) => finding.rule === 'contract.expired').length;
    expect(expired(early)).toBe(
      lint(model, { asOf: '2015-01-01' }).filter((finding) => finding.rule === 'contract.expired').length,
    );
    expect(expired(late)).toBeGreaterThan(expired(early));
    const bad = await kartta(['lint', sampleModel, '--as-of', '2019-02-30']);
    expect(bad.code).toBe(2);
    expect(hasStack(bad.stderr)).toBe(false);
  });

  it('refuses a config with unknown rules, bad levels or unknown fields, each at its line, with exit 2', async () => {
    const config = configFile(
      '{\n  "rules": {\n    "system.no-owner": "loud",\n    "no.such-rule": "error"\n  },\n  "asof": "2019-01-01"\n}\n',
    );
    const run = await kartta(['lint', sampleModel, '-c', config]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('is not a valid configuration: 3 problems');
    expect(run.stderr).toContain(`${config}:3:5  level.invalid  rules["system.no-owner"]`);
    expect(run.stderr).toContain(`${config}:4:5  rule.unknown  rules["no.such-rule"]`);
    expect(run.stderr).toContain(`${config}:6:3  field.unknown  asof`);
  });

  it('writes SARIF that validates, with every rule described and each finding at its entity', async () => {
    const run = await kartta(['lint', sampleModel, '--as-of', asOf, '-f', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(sarifErrors(log)).toEqual([]);
    const driver = log.runs[0].tool.driver;
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(lintRules.map((rule) => rule.id));
    expect(driver.rules.map((rule: { helpUri?: string }) => rule.helpUri)).toEqual(lintRules.map((rule) => rule.docs));
    const results = log.runs[0].results;
    const expected = lint(model, { asOf });
    expect(results).toHaveLength(expected.length);
    expect(results.map((result: { ruleId: string }) => result.ruleId)).toEqual(expected.map((finding) => finding.rule));
    const lines = readFileSync(sampleModel, 'utf8').split('\n');
    for (const [index, result] of results.entries()) {
      const line = result.locations[0].physicalLocation.region.startLine;
      expect(lines[line - 1]).toContain(`"id": ${JSON.stringify(expected[index]?.entity)}`);
    }
    expect(new Set(results.map((result: { level: string }) => result.level))).toEqual(
      new Set(['error', 'warning', 'note']),
    );
  });

  it('prints GitHub workflow commands, one per finding, with file, line and rule', async () => {
    const run = await kartta(['lint', 'examples/pohjois-pohjanmaa.json', '--as-of', asOf, '-f', 'github']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(lint(model, { asOf }).length);
    for (const line of lines)
      expect(line).toMatch(
        /^::(error|warning|notice) file=examples\/pohjois-pohjanmaa\.json,line=\d+,col=\d+,title=[a-z.-]+::\S/,
      );
  });

  it('lists the rules with --list-rules', async () => {
    const run = await kartta(['lint', '--list-rules']);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(lintRules.map((rule) => rule.id));
  });
});
