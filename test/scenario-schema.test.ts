import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildScenarioJsonSchema } from '../scripts/scenario-json-schema.js';

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
});
