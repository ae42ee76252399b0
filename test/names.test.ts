import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Model,
  NAME_FALLBACK,
  displayName,
  harmonisationCandidates,
  impactOf,
  lint,
  parallelSystems,
  planMigration,
} from '../src/index.js';

const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
const plan: unknown = JSON.parse(
  readFileSync(new URL('../examples/pohjois-pohjanmaa.plan.json', import.meta.url), 'utf8'),
);

describe('displayName', () => {
  it('takes the language asked for, then Finnish, Swedish, English, Northern Sámi, then the others in code order', () => {
    const name = { sv: 'Norra Österbotten', fi: 'Pohjois-Pohjanmaa', se: 'Davvi-Bohtnjá', de: 'Nordösterbotten' };
    expect(displayName(name, 'se')).toBe('Davvi-Bohtnjá');
    expect(displayName(name, 'en')).toBe('Pohjois-Pohjanmaa');
    expect(displayName(name)).toBe('Pohjois-Pohjanmaa');
    expect(displayName({ sv: 'Norra', en: 'North' })).toBe('Norra');
    expect(displayName({ en: 'North', se: 'Davvi' })).toBe('North');
    expect(displayName({ se: 'Davvi', de: 'Nord' })).toBe('Davvi');
    expect(displayName({ xx: 'X', de: 'Nord' })).toBe('Nord');
    expect(displayName({})).toBe('');
    expect(displayName('Oulu', 'sv')).toBe('Oulu');
    expect(NAME_FALLBACK).toEqual(['fi', 'sv', 'en', 'se']);
  });

  it('never reads a language off the prototype, whatever is asked for', () => {
    fc.assert(
      fc.property(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'), (lang) => {
        expect(displayName({ fi: 'Oulu' }, lang)).toBe('Oulu');
        expect(typeof displayName({}, lang)).toBe('string');
      }),
    );
  });

  it('always gives one of the name’s own strings', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string()),
        fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        (name, lang) => {
          const shown = displayName(name, lang);
          if (Object.keys(name).length === 0) expect(shown).toBe('');
          else expect(Object.values(name)).toContain(shown);
          if (lang !== undefined && Object.prototype.hasOwnProperty.call(name, lang)) expect(shown).toBe(name[lang]);
        },
      ),
    );
  });
});

describe('model.nameOf', () => {
  const model = Model.load({
    format: 'kartta/1',
    name: 'X',
    products: [{ id: 'lifecare', name: 'Lifecare', vendor: 'Tietoevry' }],
    organisations: [{ id: 'pop', kind: 'region', name: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' } }],
    systems: [
      { id: 'a', name: 'A', class: 'TOSI', lifecycle: 'production' },
      { id: 'b', name: { sv: 'B på svenska' }, class: 'TOSI', lifecycle: 'production' },
    ],
    integrations: [{ id: 'i1', source: 'a', target: 'b' }],
  });
  it('names every kind of entity, an integration by its id, and nothing for an unknown id', () => {
    expect(model.nameOf('pop', 'sv')).toBe('Norra Österbotten');
    expect(model.nameOf('pop')).toBe('Pohjois-Pohjanmaa');
    expect(model.nameOf('b', 'fi')).toBe('B på svenska');
    expect(model.nameOf('lifecare')).toBe('Lifecare');
    expect(model.nameOf('i1')).toBe('i1');
    expect(model.nameOf('nowhere')).toBeUndefined();
    expect(model.nameOf('__proto__')).toBeUndefined();
  });
});

describe('names next to ids in results', () => {
  it('harmonisation: the service, the products (never a system:<id> key) and the one kept, by name', () => {
    const candidates = harmonisationCandidates(sample, { scope: 'pop' });
    for (const c of candidates) {
      expect(c.names.map((n) => n.id)).toEqual([...new Set([...c.systems, ...c.organisations, ...c.services])].sort());
      for (const n of c.names) expect(n.name).toBe(sample.nameOf(n.id));
      if (c.kind === 'sameService') {
        expect(c.serviceName).toBe(sample.nameOf(c.service));
        expect(c.productNames).toHaveLength(c.products.length);
        for (const name of c.productNames) expect(name.startsWith('system:')).toBe(false);
        expect(c.keepProductName).toBe(c.productNames[c.products.indexOf(c.keepProduct)]);
      } else {
        expect(c.keepName).toBe(sample.nameOf(c.keep));
      }
    }
    expect(candidates.some((c) => c.kind === 'sameService' && c.products.some((p) => p.startsWith('system:')))).toBe(
      true,
    );
  });

  it('parallel: the service and the systems of each pair, by name', () => {
    const groups = parallelSystems(sample, { scope: 'pop' });
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.serviceName).toBe(sample.nameOf(group.service));
      for (const pair of group.pairs) expect(pair.systemNames).toEqual(pair.systems.map((id) => sample.nameOf(id)));
      for (const id of [group.service, ...group.systems])
        expect(group.names).toContainEqual({ id, name: sample.nameOf(id) });
    }
  });

  it('impact, lint and plan steps carry the names of what they list', () => {
    const impact = impactOf(sample, 'esko-ppshp');
    expect(impact.systemName).toBe(sample.nameOf('esko-ppshp'));
    for (const id of [...impact.services, ...impact.organisations, ...impact.dependents])
      expect(impact.names.map((n) => n.id)).toContain(id);
    for (const finding of lint(sample, { asOf: '2019-01-01' }))
      expect(finding.entityName).toBe(sample.nameOf(finding.entity) ?? finding.entity);
    for (const placement of planMigration(sample, plan).placements) {
      expect(placement.systemName).toBe(sample.nameOf(placement.system));
      if (placement.target !== undefined) expect(placement.targetName).toBe(sample.nameOf(placement.target));
    }
  });
});
