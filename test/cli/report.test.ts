/** `kartta report`: the region report written by the built command, byte for byte what the library writes. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model } from '../../src/index.js';
import { toHtmlReport } from '../../src/report/index.js';
import { hasStack, kartta, sampleModel, samplePlan, scratch } from './run.js';

describe('kartta report', () => {
  it('writes the page the library writes, with the plan, language and date given', async () => {
    const out = join(scratch(), 'report.html');
    const run = await kartta([
      'report',
      sampleModel,
      '--plan',
      samplePlan,
      '--lang',
      'en',
      '--as-of',
      '2020-06-01',
      '--allowed-until',
      '2020-01-01',
      '-o',
      out,
    ]);
    expect(run.stderr).toBe(`wrote ${out}\n`);
    expect(run.code).toBe(0);
    const model = Model.load(readFileSync(sampleModel, 'utf8'));
    const plan = JSON.parse(readFileSync(samplePlan, 'utf8')) as unknown;
    expect(readFileSync(out, 'utf8')).toBe(
      toHtmlReport(model, { lang: 'en', plan, asOf: '2020-06-01', allowedUntil: '2020-01-01' }),
    );
  });

  it('prints to standard output without -o, in Finnish by default, and leaves the diagrams out when asked', async () => {
    const run = await kartta(['report', sampleModel, '--as-of', '2020-06-01', '--no-diagrams', '--scope', 'pop']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<!doctype html>\n<html lang="fi">')).toBe(true);
    expect(run.stdout).not.toContain('id="landscapes"');
    expect(run.stdout).toContain('<h2 id="overview-h">Yleiskuva</h2>');
  });

  it.each([
    [['--lang', 'de'], /--lang/],
    [['--as-of', '2020-02-30'], /asOf/],
    [['--scope', 'nowhere'], /nowhere/],
  ])('refuses %j with exit 2 and a message, no stack', async (args, message) => {
    const out = join(scratch(), 'report.html');
    const run = await kartta(['report', sampleModel, ...args, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(hasStack(run.stderr)).toBe(false);
    expect(() => readFileSync(out)).toThrow();
  });

  it('adds the comparison of --scenarios, and refuses a scenario that does not apply without writing anything', async () => {
    const folder = scratch();
    const files = ['hospital-district', 'oulu'].map((name) =>
      join(sampleModel, '..', 'scenarios', `${name}.scenario.json`),
    );
    const out = join(folder, 'report.html');
    const run = await kartta(['report', sampleModel, '--as-of', '2020-06-01', '--scenarios', ...files, '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const model = Model.load(readFileSync(sampleModel, 'utf8'));
    const scenarios = files.map((file) => readFileSync(file, 'utf8'));
    expect(readFileSync(out, 'utf8')).toBe(toHtmlReport(model, { asOf: '2020-06-01', scenarios }));
    const broken = join(folder, 'broken.scenario.json');
    writeFileSync(
      broken,
      JSON.stringify({ format: 'kartta-scenario/1', name: 'Broken', changes: [{ op: 'retire', system: 'nowhere' }] }),
    );
    const refused = await kartta(['report', sampleModel, '--scenarios', broken, '-o', join(folder, 'not.html')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('nowhere');
    expect(hasStack(refused.stderr)).toBe(false);
    expect(existsSync(join(folder, 'not.html'))).toBe(false);
  });

  it('refuses a missing model or plan file with exit 2', async () => {
    expect((await kartta(['report', join(scratch(), 'missing.json')])).code).toBe(2);
    expect((await kartta(['report', sampleModel, '--plan', join(scratch(), 'missing.plan.json')])).code).toBe(2);
  });
});
