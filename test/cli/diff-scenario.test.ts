/** `kartta diff` and `kartta scenario apply|compare`, run as the built binary. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model, compareScenarios, diffModels, formatComparison, formatDiff } from '../../src/index.js';
import { kartta, root, sampleModel, scratch } from './run.js';

const scenarioFile = (name: string) => join(root, `examples/scenarios/${name}.scenario.json`);
const sample = () => Model.load(readFileSync(sampleModel, 'utf8'));

function changedCopy(folder: string): string {
  const { model } = sample().edit((doc) => {
    doc.systems.find((s) => s.id === 'lifecare-oulu')!.lifecycle = 'phasingOut';
  });
  const path = join(folder, 'after.json');
  writeFileSync(path, model.toJSONText());
  return path;
}

describe('kartta diff', () => {
  it('exits 0 for equal models and 1 for different ones, printing what the library prints', async () => {
    const folder = scratch();
    const after = changedCopy(folder);
    const equal = await kartta(['diff', sampleModel, sampleModel]);
    expect(equal).toMatchObject({ code: 0, stdout: 'No differences.\n' });
    const different = await kartta(['diff', sampleModel, after]);
    expect(different.code).toBe(1);
    expect(different.stdout).toBe(formatDiff(diffModels(sample(), Model.load(readFileSync(after, 'utf8')))));
    const md = await kartta(['diff', sampleModel, after, '--format', 'markdown']);
    expect(md.stdout).toContain('| changed | `lifecare-oulu` | Lifecare (Oulu) | lifecycle: production → phasingOut |');
    const json = await kartta(['diff', sampleModel, after, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ equal: false, counts: { added: 0, removed: 0, changed: 1 } });
  });

  it('exits 2 for a missing file, an unknown format and an invalid model (1 means the models differ)', async () => {
    const folder = scratch();
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{"format":"kartta/1"}');
    expect((await kartta(['diff', sampleModel, join(folder, 'nope.json')])).code).toBe(2);
    const invalid = await kartta(['diff', sampleModel, broken]);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('field.required');
    expect((await kartta(['diff', sampleModel, sampleModel, '--format', 'html'])).code).toBe(2);
  });
});

describe('kartta scenario', () => {
  it('apply writes the target model the library gives', async () => {
    const folder = scratch();
    const out = join(folder, 'target.json');
    const run = await kartta(['scenario', 'apply', sampleModel, scenarioFile('oulu'), '-o', out]);
    expect(run.code).toBe(0);
    const target = Model.load(readFileSync(out, 'utf8'));
    expect(target.system('lifecare-kempele')?.lifecycle).toBe('retired');
    expect((await kartta(['diff', sampleModel, out])).code).toBe(1);
  });

  it('apply refuses a scenario that does not apply, with every problem, and writes nothing', async () => {
    const folder = scratch();
    const bad = join(folder, 'bad.scenario.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'kartta-scenario/1',
        name: 'Bad',
        changes: [
          { op: 'retire', system: 'nope' },
          { op: 'retire', system: 'oulu' },
        ],
      }),
    );
    const out = join(folder, 'target.json');
    const run = await kartta(['scenario', 'apply', sampleModel, bad, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('scenario.entity-missing');
    expect(run.stderr).toContain('scenario.wrong-kind');
    expect(() => readFileSync(out)).toThrow();
  });

  it('compare prints the comparison in each format', async () => {
    const files = ['hospital-district', 'regional-council', 'oulu'].map(scenarioFile);
    const expected = compareScenarios(
      sample(),
      files.map((f) => readFileSync(f, 'utf8')),
      { scope: 'pop' },
    );
    for (const format of ['text', 'markdown', 'csv', 'json'] as const) {
      const run = await kartta(['scenario', 'compare', sampleModel, ...files, '--scope', 'pop', '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(formatComparison(expected, { format }));
    }
    expect((await kartta(['scenario', 'compare', sampleModel, files[0]!, '--scope', 'nowhere'])).code).toBe(2);
  });
});
