import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from '../scripts/json-schema.js';
import { documentArb } from './arbitraries.js';
import { smallRegion } from './fixtures.js';

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(buildJsonSchema());

describe('the published JSON Schema', () => {
  it('accepts the documents Kartta accepts', () => {
    expect(validate(smallRegion())).toBe(true);
    fc.assert(
      fc.property(documentArb(), (doc) => validate(doc) === true),
      { numRuns: 100 },
    );
  });

  it('accepts the bundled sample region', () => {
    const sample = JSON.parse(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
    expect(validate(sample), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects unknown fields, wrong enums, bad patterns and missing fields', () => {
    const cases: [string, (doc: Record<string, any>) => void][] = [
      ['unknown top-level field', (doc) => (doc.colour = 'red')],
      ['unknown system field', (doc) => (doc.systems[0].colour = 'red')],
      ['bad class', (doc) => (doc.systems[0].class = 'TOXI')],
      ['id with a space', (doc) => (doc.systems[0].id = 'a b')],
      ['date in the wrong form', (doc) => (doc.systems[0].contract.ends = '31.12.2020')],
      ['municipality code of two digits', (doc) => (doc.organisations[1].municipalityCode = '56')],
      ['missing lifecycle', (doc) => delete doc.systems[0].lifecycle],
      ['unknown relation type', (doc) => (doc.relations[0].type = 'linksTo')],
      ['empty name object', (doc) => (doc.name = {})],
      ['wrong format', (doc) => (doc.format = 'kartta/2')],
    ];
    for (const [label, breakIt] of cases) {
      const doc = smallRegion() as Record<string, any>;
      breakIt(doc);
      expect(validate(doc), label).toBe(false);
    }
  });
});
