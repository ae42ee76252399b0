/** `kartta projects overlaps|funding|obligations|payback`: the portfolio, as tables and as the library's JSON. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Model } from '../../src/model/model.js';
import { fundingSummary } from '../../src/portfolio/funding.js';
import { obligations } from '../../src/portfolio/obligations.js';
import { overlappingDevelopment } from '../../src/portfolio/overlap.js';
import { projectPayback } from '../../src/portfolio/payback.js';
import { hasStack, kartta, sampleModel } from './run.js';

const model = Model.load(readFileSync(sampleModel, 'utf8'));

describe('kartta projects', () => {
  it('overlaps: a table of the groups with names, budgets and national counterparts', async () => {
    const run = await kartta(['projects', 'overlaps', sampleModel]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Overlapping development');
    expect(lines[1]).toMatch(/^kind +theme, product or service +projects +from +to +budget +national$/);
    expect(lines[2]).toContain('Asianhallinta');
    expect(lines[2]).toContain('€275,000');
    expect(run.stdout).toContain('4 groups; 2 without a national project or offering');
    const json = await kartta(['projects', 'overlaps', sampleModel, '-f', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(overlappingDevelopment(model))));
    const scoped = await kartta(['projects', 'overlaps', sampleModel, '--scope', 'lappi', '-f', 'csv']);
    const records = parse<Record<string, string>>(scoped.stdout, { columns: true });
    expect(records.map((r) => r.subject)).toEqual(['theme-iam', 'theme-ict-preparation', 'theme-web-platforms']);
  });

  it('funding --by: totals with own, external and unfunded money; JSON is the library result', async () => {
    const run = await kartta(['projects', 'funding', sampleModel, '--by', 'funder']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Funding by funder');
    expect(run.stdout).toMatch(/Euroopan aluekehitysrahasto \(EAKR\) +4 +€245,000 /);
    expect(run.stdout).toContain('€825,000 in all');
    for (const by of ['organisation', 'year', 'theme', 'portfolio'] as const) {
      const json = await kartta(['projects', 'funding', sampleModel, '--by', by, '-f', 'json']);
      expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(fundingSummary(model, { by }))));
    }
    const bad = await kartta(['projects', 'funding', sampleModel, '--by', 'colour']);
    expect(bad.code).toBe(2);
    expect(hasStack(bad.stderr)).toBe(false);
  });

  it('obligations --as-of: the systems under an obligation, applying or upcoming', async () => {
    const run = await kartta(['projects', 'obligations', sampleModel, '--as-of', '2021-06-01', '-f', 'csv']);
    expect(run.code).toBe(0);
    const records = parse<Record<string, string>>(run.stdout, { columns: true });
    expect(records.map((r) => [r.system, r.offering, r.from, r.applies])).toEqual([
      ['oulu-ad', 'vimana-iam', '2021-01-01', 'yes'],
      ['pop-iam', 'vimana-iam', '2021-01-01', 'yes'],
      ['ppshp-ad', 'vimana-iam', '2021-01-01', 'yes'],
    ]);
    const early = await kartta(['projects', 'obligations', sampleModel, '--as-of', '2019-01-01', '-f', 'json']);
    expect(JSON.parse(early.stdout)).toEqual(JSON.parse(JSON.stringify(obligations(model, { asOf: '2019-01-01' }))));
    const bad = await kartta(['projects', 'obligations', sampleModel, '--as-of', '2021-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/asOf/);
  });

  it('payback: cost against yearly savings', async () => {
    const run = await kartta(['projects', 'payback', sampleModel, '-f', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('### Payback');
    expect(run.stdout).toMatch(/Oulun asianhallinnan uudistus .*€180,000 .*€84,000 .*2\.14/);
    const json = await kartta(['projects', 'payback', sampleModel, '-f', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(projectPayback(model))));
  });

  it('refuses an unknown scope with exit 2 and no stack', async () => {
    const run = await kartta(['projects', 'overlaps', sampleModel, '--scope', 'nowhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nowhere/);
    expect(hasStack(run.stderr)).toBe(false);
  });
});
