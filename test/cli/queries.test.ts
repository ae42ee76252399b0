/** `kartta harmonise`, `parallel`, `impact` and `plan`: tables with names, JSON that is the library's result, CSV that parses. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Model } from '../../src/model/model.js';
import { harmonisationCandidates } from '../../src/queries/harmonisation.js';
import { impactOf } from '../../src/queries/impact.js';
import { parallelSystems } from '../../src/queries/parallel.js';
import { planMigration } from '../../src/migration/plan-migration.js';
import { parsePlan } from '../../src/migration/validate.js';
import { hasStack, kartta, sampleModel, samplePlan } from './run.js';

const model = Model.load(readFileSync(sampleModel, 'utf8'));

function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true });
}

describe('kartta harmonise', () => {
  it('prints the ranked candidates as an aligned table with names and euros', async () => {
    const run = await kartta(['harmonise', sampleModel, '--scope', 'pop']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Harmonisation candidates in Pohjois-Pohjanmaa');
    expect(lines[1]).toMatch(/^ # {2}kind +product or service +systems {2}keep +organisations {2}saving a year$/);
    const first = harmonisationCandidates(model, { scope: 'pop' })[0];
    expect(first?.kind).toBe('sameProduct');
    expect(lines[2]).toContain('Lifecare (Oulu) (lifecare-oulu)');
    expect(lines[2]).toMatch(new RegExp(`€${(first?.savings ?? 0).toLocaleString('en-IE')}$`));
    // Columns are aligned: every row has its saving ending in the same column as the header.
    const rows = lines.slice(1).filter((line) => /^\s*\d+ {2}/.test(line) || line.startsWith(' #'));
    expect(new Set(rows.map((line) => line.length)).size).toBe(1);
  });

  it('prints the library result as JSON, and CSV that parses back to one row per candidate', async () => {
    const expected = harmonisationCandidates(model, { scope: 'pop' });
    const json = await kartta(['harmonise', sampleModel, '--scope', 'pop', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    const csv = await kartta(['harmonise', sampleModel, '--scope', 'pop', '--format', 'csv']);
    const records = csvRecords(csv.stdout);
    expect(records).toHaveLength(expected.length);
    expect(records[0]).toMatchObject({
      rank: '1',
      kind: 'same product',
      subject: 'lifecare',
      keep: 'lifecare-oulu',
      savings_eur: String(expected[0]?.savings),
    });
    expect(records.map((record) => record.system_ids)).toEqual(
      expected.map((candidate) => candidate.systems.join(' ')),
    );
  });

  it('prints Markdown with a header row and escaped cells', async () => {
    const run = await kartta(['harmonise', sampleModel, '--format', 'markdown']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('### Harmonisation candidates');
    expect(lines[2]).toBe('| # | kind | product or service | systems | keep | organisations | saving a year |');
    expect(lines[3]).toBe('| ---: | --- | --- | ---: | --- | ---: | ---: |');
    expect(lines.filter((line) => line.startsWith('| ')).every((line) => line.split(/(?<!\\)\|/).length === 9)).toBe(
      true,
    );
  });

  it('refuses an unknown scope with exit 2 and the library code, without a stack', async () => {
    const run = await kartta(['harmonise', sampleModel, '--scope', 'atlantis']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/atlantis.*\[scope\.unknown\]/s);
    expect(hasStack(run.stderr)).toBe(false);
    expect(run.stdout).toBe('');
  });

  it('refuses an invalid model with exit 1 and lists its problems on stderr', async () => {
    const run = await kartta(['harmonise', '-'], {
      input: '{ "format": "kartta/1", "name": "X", "systems": [{ "id": "a" }] }',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/<stdin> is not a valid kartta\/1 model: \d+ problems/);
    expect(run.stderr).toMatch(/<stdin>:1:\d+ {2}field\.required {2}systems\[0\]\.name/);
  });
});

describe('kartta parallel', () => {
  it('prints one row per pair with names and status, and CSV with ids and names', async () => {
    const groups = parallelSystems(model, { scope: 'pop', maxPairs: Infinity });
    const pairs = groups.flatMap((group) => group.pairs);
    const run = await kartta(['parallel', sampleModel, '--scope', 'pop', '--max-pairs', 'all']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Perusopetus');
    expect(run.stdout).toContain('Primus (Oulu)');
    const gaps = pairs.filter((pair) => pair.status === 'none').length;
    expect(run.stdout).toContain(
      `${groups.length} services with systems in parallel; ${gaps} of ${pairs.length} pairs without an integration\n`,
    );
    expect(run.stdout).not.toContain('pairs listed');
    const records = csvRecords(
      (await kartta(['parallel', sampleModel, '--scope', 'pop', '--max-pairs', 'all', '-f', 'csv'])).stdout,
    );
    expect(records.map((record) => [record.system_a, record.system_b, record.status])).toEqual(
      pairs.map((pair) => [pair.systems[0], pair.systems[1], pair.status]),
    );
    expect(
      JSON.parse(
        (await kartta(['parallel', sampleModel, '--scope', 'pop', '--max-pairs', 'all', '-f', 'json'])).stdout,
      ),
    ).toEqual(JSON.parse(JSON.stringify(groups)));
  });

  it('lists the first 10 pairs of each group by default, or --max-pairs, and counts them all', async () => {
    const all = parallelSystems(model, { scope: 'pop', maxPairs: Infinity });
    const total = all.reduce((sum, group) => sum + group.pairs.length, 0);
    for (const [args, cap] of [
      [[], 10],
      [['--max-pairs', '2'], 2],
    ] as const) {
      const records = csvRecords(
        (await kartta(['parallel', sampleModel, '--scope', 'pop', ...args, '-f', 'csv'])).stdout,
      );
      const expected = all.flatMap((group) => group.pairs.slice(0, cap));
      expect(expected.length).toBeLessThan(total);
      expect(records.map((record) => [record.system_a, record.system_b, record.status])).toEqual(
        expected.map((pair) => [pair.systems[0], pair.systems[1], pair.status]),
      );
      const text = (await kartta(['parallel', sampleModel, '--scope', 'pop', ...args])).stdout;
      expect(text).toContain(`; 88 of ${total} pairs without an integration`);
      expect(text).toContain(`${expected.length} of the ${total} pairs listed (the first ${cap} of each group)`);
    }
  });

  it('refuses a --max-pairs that is neither a whole number nor all, with exit 2', async () => {
    for (const bad of ['x', '-1', '1.5', 'Infinity']) {
      const run = await kartta(['parallel', sampleModel, '--max-pairs', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--max-pairs must be a whole number of at least 0 or 'all', got "${bad}"`);
    }
  });

  it('flags overdue groups with --allowed-until and --as-of, and refuses a malformed date with exit 2', async () => {
    const run = await kartta(['parallel', sampleModel, '--allowed-until', '2021-12-31', '--as-of', '2022-06-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/overdue\n/);
    expect(run.stdout).toMatch(/\d+ groups overdue/);
    const bad = await kartta(['parallel', sampleModel, '--as-of', '1.6.2022']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/option\.invalid|asOf/);
  });
});

describe('kartta impact', () => {
  it('lists services, organisations and integrated systems with names', async () => {
    const expected = impactOf(model, 'esko-ppshp');
    const run = await kartta(['impact', sampleModel, 'esko-ppshp']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Impact of Esko (PPSHP) (esko-ppshp)');
    expect(run.stdout).toContain('Perusterveydenhuolto');
    const records = csvRecords((await kartta(['impact', sampleModel, 'esko-ppshp', '-f', 'csv'])).stdout);
    expect(records.filter((record) => record.relation === 'integrated with').map((record) => record.id)).toEqual(
      expected.integrated.map((entry) => entry.system),
    );
    expect(records.filter((record) => record.relation === 'supports service').map((record) => record.id)).toEqual(
      expected.services,
    );
    expect(JSON.parse((await kartta(['impact', sampleModel, 'esko-ppshp', '-f', 'json'])).stdout)).toEqual(
      JSON.parse(JSON.stringify(expected)),
    );
  });

  it('refuses an unknown system (exit 2) and a bad --depth (exit 2)', async () => {
    const unknown = await kartta(['impact', sampleModel, 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/nowhere/);
    const depth = await kartta(['impact', sampleModel, 'esko-ppshp', '--depth', 'deep']);
    expect(depth.code).toBe(2);
    expect(depth.stderr).toContain('--depth must be a whole number');
  });
});

describe('kartta plan', () => {
  const plan = parsePlan(model, readFileSync(samplePlan, 'utf8'));
  const expected = planMigration(model, plan);

  it('prints the waves with names, the bridges and the missed deadlines', async () => {
    const run = await kartta(['plan', sampleModel, samplePlan]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Waves\nwave {2}starts +ends +step/);
    expect(run.stdout).toContain('Lifecare (Oulu) (lifecare-oulu)');
    for (const bridge of expected.bridges) expect(run.stdout).toContain(bridge.integration);
    for (const missed of expected.missedDeadlines)
      expect(run.stdout).toMatch(new RegExp(`${missed.step} +${missed.deadline}`));
    expect(run.stdout).toContain(
      `${expected.waves.length} waves, ${expected.bridges.length} bridges (cost ${expected.cost}, optimal, exhaustive)`,
    );
  });

  it('solves with the MIP solver on --method mip and says so; --time-limit 0 falls back to the heuristic', async () => {
    const mip = await kartta(['plan', sampleModel, samplePlan, '--method', 'mip', '-f', 'json']);
    expect(mip.code).toBe(0);
    const result = JSON.parse(mip.stdout) as { method: string; proven: boolean; gap: number; waveOf: object };
    expect([result.method, result.proven, result.gap]).toEqual(['mip', true, 0]);
    expect(result.waveOf).toEqual(expected.waveOf);
    const text = await kartta(['plan', sampleModel, samplePlan, '--method', 'mip']);
    expect(text.stdout).toContain(`(cost ${expected.cost}, optimal, mip)`);
    const limited = await kartta(['plan', sampleModel, samplePlan, '--method', 'mip', '--time-limit', '0']);
    expect(limited.code).toBe(0);
    expect(limited.stdout).toMatch(/\(cost \d+, heuristic, lower bound \d+, gap \d+\.\d %\)/);
    expect(limited.stdout).toContain('the MIP solver reached the time limit');
    const heuristic = await kartta(['plan', sampleModel, samplePlan, '--method', 'heuristic', '-f', 'json']);
    expect((JSON.parse(heuristic.stdout) as { method: string }).method).toBe('heuristic');
  });

  it('refuses a bad --method or --time-limit with exit 2', async () => {
    const method = await kartta(['plan', sampleModel, samplePlan, '--method', 'best']);
    expect(method.code).toBe(2);
    expect(method.stderr).toContain('best');
    const limit = await kartta(['plan', sampleModel, samplePlan, '--time-limit', 'soon']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--time-limit must be a number of seconds from 0 to 86400, got "soon"');
  });

  it('writes CSV with one row per step and its wave, and JSON that is the library result', async () => {
    const records = csvRecords((await kartta(['plan', sampleModel, samplePlan, '-f', 'csv'])).stdout);
    expect(records).toHaveLength(plan.steps.length);
    for (const record of records) expect(Number(record.wave)).toBe(expected.waveOf[record.step as string]);
    expect(JSON.parse((await kartta(['plan', sampleModel, samplePlan, '-f', 'json'])).stdout)).toEqual(
      JSON.parse(JSON.stringify(expected)),
    );
    const markdown = (await kartta(['plan', sampleModel, samplePlan, '-f', 'markdown'])).stdout;
    expect(markdown).toContain('### Waves\n\n| wave | starts |');
  });

  it('refuses an invalid plan with exit 2, naming each problem with its line', async () => {
    const run = await kartta(['plan', sampleModel, '-'], {
      input: '{\n  "steps": [\n    { "id": "x", "action": "teleport", "system": "nowhere" }\n  ]\n}',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('<stdin> is not a valid plan');
    expect(run.stderr).toMatch(/<stdin>:3:\d+ {2}value\.invalid {2}steps\[0\]\.action/);
  });

  it('exits 1 when the plan has violations', async () => {
    // Retiring the integration platform while systems outside the plan still depend on it.
    const violating = JSON.stringify({ steps: [{ id: 'drop-esb', action: 'retire', system: 'pop-esb' }] });
    const run = await kartta(['plan', sampleModel, '-'], { input: violating });
    const result = planMigration(model, parsePlan(model, violating));
    expect(result.violations.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(result.violations[0]?.code);
  });
});
