/** `kartta schema` and `kartta sample`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from '../../scripts/json-schema.js';
import { kartta, sampleModel, samplePlan, scratch } from './run.js';

describe('kartta schema', () => {
  it('prints the published JSON Schema', async () => {
    const run = await kartta(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(buildJsonSchema());
  });

  it('writes it to a file with -o', async () => {
    const out = join(scratch(), 'kartta-1.schema.json');
    expect((await kartta(['schema', '-o', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).title).toBe('kartta/1 document');
  });
});

describe('kartta sample', () => {
  it('writes the sample region and its plan next to it, and the region validates', async () => {
    const folder = scratch();
    const run = await kartta(['sample', '-o', join(folder, 'region.json')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`wrote ${join(folder, 'region.json')} and ${join(folder, 'region.plan.json')}\n`);
    expect(readdirSync(folder).sort()).toEqual(['region.json', 'region.plan.json']);
    expect(readFileSync(join(folder, 'region.json'), 'utf8')).toBe(readFileSync(sampleModel, 'utf8'));
    expect(readFileSync(join(folder, 'region.plan.json'), 'utf8')).toBe(readFileSync(samplePlan, 'utf8'));
    expect((await kartta(['validate', join(folder, 'region.json')])).code).toBe(0);
    expect((await kartta(['sample', '-q', '-o', join(folder, 'again.json')])).stderr).toBe('');
  });

  it('prints the model, or with --plan the plan, to standard output', async () => {
    expect((await kartta(['sample'])).stdout).toBe(readFileSync(sampleModel, 'utf8'));
    expect((await kartta(['sample', '--plan'])).stdout).toBe(readFileSync(samplePlan, 'utf8'));
  });

  it('pipes into kartta validate', async () => {
    const sample = await kartta(['sample']);
    const run = await kartta(['validate', '-', '-f', 'json'], { input: sample.stdout });
    expect(JSON.parse(run.stdout).valid).toBe(true);
  });
});
