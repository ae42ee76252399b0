import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildScenarioJsonSchema, readScenarioDocs } from '../scripts/scenario-json-schema.js';

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(buildScenarioJsonSchema());
const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../examples/scenarios/${name}.scenario.json`, import.meta.url), 'utf8'));

describe('the published JSON Schema of kartta-scenario/1', () => {
  it('accepts the sample scenarios and a scenario of patches', () => {
    for (const name of ['hospital-district', 'regional-council', 'oulu'])
      expect(validate(read(name)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const patches = {
      format: 'kartta-scenario/1',
      name: 'P',
      base: `sha256:${'a'.repeat(64)}`,
      changes: [{ op: 'replace', path: ['systems', 'a', 'lifecycle'], value: 'retired', was: 'production' }],
    };
    expect(validate(patches)).toBe(true);
  });

  it('rejects an unknown op, a missing field, an unknown field and a malformed hash', () => {
    const bad = [
      { format: 'kartta-scenario/1', name: 'S', changes: [{ op: 'explode', system: 'a' }] },
      { format: 'kartta-scenario/1', name: 'S', changes: [{ op: 'retire' }] },
      { format: 'kartta-scenario/1', name: 'S', changes: [], colour: 'red' },
      { format: 'kartta-scenario/1', name: 'S', changes: [], base: 'md5:00' },
      { format: 'kartta-scenario/2', name: 'S', changes: [] },
    ];
    for (const doc of bad) expect(validate(doc), JSON.stringify(doc)).toBe(false);
  });

  it('describes every field, with the text of its TSDoc', () => {
    const undescribed: string[] = [];
    let count = 0;
    const visit = (node: unknown, pointer: string): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value !== null && typeof value === 'object') {
          for (const [name, property] of Object.entries(value as Record<string, { description?: unknown }>)) {
            count++;
            if (typeof property.description !== 'string') undescribed.push(`${pointer}/properties/${name}`);
            visit(property, `${pointer}/properties/${name}`);
          }
        } else visit(value, `${pointer}/${key}`);
      }
    };
    const schema = buildScenarioJsonSchema();
    visit(schema, '');
    expect(count).toBeGreaterThan(50);
    expect(undescribed).toEqual([]);
    const consolidate = readScenarioDocs().get('ConsolidateOperation')?.members.get('into');
    expect(JSON.stringify(schema)).toContain(JSON.stringify(consolidate?.replace(/\s+/g, ' ')));
  });

  it('a field without a description fails the build, naming it', () => {
    const sources = ['scenarios/scenario-schema.ts', 'migration/plan-schema.ts', 'types.ts'].map((path) =>
      fileURLToPath(new URL(`../src/${path}`, import.meta.url)),
    );
    const source = readFileSync(sources[0]!, 'utf8');
    const undocumented = source.replace(/(export interface Scenario \{[^}]*?)\n {2}\/\*\* A short name[^\n]*/, '$1');
    expect(undocumented).not.toBe(source);
    const file = join(mkdtempSync(join(tmpdir(), 'kartta-scenario-types-')), 'scenario-schema.ts');
    writeFileSync(file, undocumented);
    expect(() => buildScenarioJsonSchema([file, ...sources.slice(1)])).toThrow(
      'Scenario.name has no TSDoc description',
    );
  });
});
