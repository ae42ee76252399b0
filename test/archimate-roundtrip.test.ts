import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model, fromArchimateXml, toArchimateXml, type KarttaDocumentInput, type Name } from '../src/index.js';
import { documentArb } from './arbitraries.js';
import { smallRegion } from './fixtures.js';

/** Text with everything that needs care in XML: markup, quotes, line ends, tabs, spaces at the ends, letters. */
const tricky = fc
  .array(fc.constantFrom(...'aäöåÄÖÅšžčđŋŧŊ &<>"\'\r\n\t;#x'.split(''), '😀', ']]>', '&amp;', 'Ǩ'), {
    minLength: 1,
    maxLength: 10,
  })
  .map((parts) => parts.join(''));
const nonBlank = tricky.filter((text) => text.length > 0);
const nameArb: fc.Arbitrary<Name> = fc.oneof(
  nonBlank,
  fc
    .record({ fi: nonBlank, sv: nonBlank, se: nonBlank, en: nonBlank, smn: nonBlank }, { requiredKeys: ['fi'] })
    .map((n) => n as Name),
);
const dateArb = fc
  .record({
    y: fc.integer({ min: 1990, max: 2040 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
// x is JSON, which has no -0 (JSON.stringify writes it as 0, in kartta/1 files as in ArchiMate properties).
const jsonArb = fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const xArb = fc.option(fc.dictionary(fc.constantFrom('a', 'b', 'ä', '__proto__', 'tool'), jsonArb, { maxKeys: 3 }), {
  nil: undefined,
});
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const idSuffix = fc
  .array(fc.constantFrom(...'abcäö_.:-1'.split('')), { minLength: 1, maxLength: 4 })
  .map((c) => c.join(''));

function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Documents that use every field Kartta has, with tricky text, `x` everywhere and every relation type. */
const fullDocumentArb: fc.Arbitrary<KarttaDocumentInput> = fc
  .record({
    name: nameArb,
    description: opt(nonBlank),
    x: xArb,
    products: fc.array(fc.record({ name: nonBlank, vendor: opt(nonBlank) }), { maxLength: 2 }),
    organisations: fc.array(
      fc.record({
        suffix: idSuffix,
        kind: fc.constantFrom(
          'region',
          'municipality',
          'jointAuthority',
          'hospitalDistrict',
          'regionalCouncil',
          'stateAgency',
          'company',
          'other',
        ),
        name: nameArb,
        businessId: opt(fc.constantFrom('0187690-1', '0209602-6')),
        municipalityCode: opt(fc.constantFrom('564', '890', '091')),
        description: opt(nonBlank),
        x: xArb,
      }),
      { maxLength: 4 },
    ),
    services: fc.array(
      fc.record({
        suffix: idSuffix,
        name: nameArb,
        domain: nonBlank,
        code: opt(nonBlank),
        description: opt(nonBlank),
        x: xArb,
      }),
      { maxLength: 3 },
    ),
    systems: fc.array(
      fc.record({
        suffix: idSuffix,
        name: nameArb,
        class: fc.constantFrom('TORI', 'TOSI'),
        product: opt(nonBlank),
        version: opt(nonBlank),
        lifecycle: fc.constantFrom('planned', 'development', 'production', 'phasingOut', 'retired'),
        criticality: opt(fc.constantFrom('low', 'medium', 'high', 'critical')),
        users: opt(fc.nat(100000)),
        platform: opt(fc.boolean()),
        hosting: opt(nonBlank),
        contract: opt(
          fc
            .record({
              ends: opt(dateArb),
              noticeMonths: opt(fc.nat(36)),
              annualCost: opt(fc.oneof(fc.nat(), fc.double({ min: -0, max: 1e9, noNaN: true }))),
            })
            .map(clean),
        ),
        description: opt(nonBlank),
        x: xArb,
      }),
      { maxLength: 5 },
    ),
    integrations: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        direction: opt(fc.constantFrom('oneWay', 'twoWay')),
        data: opt(nonBlank),
        protocol: opt(nonBlank),
        mode: opt(fc.constantFrom('realtime', 'batch', 'manual')),
        via: fc.boolean(),
        criticality: opt(fc.constantFrom('low', 'high')),
        description: opt(nonBlank),
        x: xArb,
      }),
      { maxLength: 5 },
    ),
    relations: fc.array(
      fc.record({
        type: fc.constantFrom('memberOf', 'provides', 'owns', 'uses', 'supports', 'dependsOn', 'replaces'),
        a: fc.nat(),
        b: fc.nat(),
        users: opt(fc.nat(5000)),
        description: opt(nonBlank),
        x: xArb,
      }),
      { maxLength: 10 },
    ),
  })
  .map((raw) => {
    const organisations = raw.organisations.map((o, i) => clean({ ...o, suffix: undefined, id: `org${i}${o.suffix}` }));
    const services = raw.services.map((s, i) => clean({ ...s, suffix: undefined, id: `svc${i}${s.suffix}` }));
    const systems = raw.systems.map((s, i) => clean({ ...s, suffix: undefined, id: `sys${i}${s.suffix}` }));
    const platforms = systems.filter((s) => s.platform === true);
    const integrations =
      systems.length === 0
        ? []
        : raw.integrations.map((int, i) =>
            clean({
              ...int,
              a: undefined,
              b: undefined,
              id: `int${i}`,
              source: systems[int.a % systems.length]!.id,
              target: systems[int.b % systems.length]!.id,
              via: int.via && platforms.length > 0 ? platforms[int.a % platforms.length]!.id : undefined,
            }),
          );
    const pools = { organisation: organisations, service: services, system: systems } as const;
    const ends = {
      memberOf: ['organisation', 'organisation'],
      provides: ['organisation', 'service'],
      owns: ['organisation', 'system'],
      uses: ['organisation', 'system'],
      supports: ['system', 'service'],
      dependsOn: ['system', 'system'],
      replaces: ['system', 'system'],
    } as const;
    const seen = new Set<string>();
    const relations = [];
    for (const r of raw.relations) {
      const [fk, tk] = ends[r.type];
      const fp = pools[fk];
      const tp = pools[tk];
      if (fp.length === 0 || tp.length === 0) continue;
      const from = fp[r.a % fp.length]!.id;
      const to = tp[r.b % tp.length]!.id;
      const key = `${r.type} ${from} ${to}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      relations.push(
        clean({
          type: r.type,
          from,
          to,
          users: r.type === 'uses' ? r.users : undefined,
          description: r.description,
          x: r.x,
        }),
      );
    }
    return clean({
      format: 'kartta/1',
      name: raw.name,
      description: raw.description,
      x: raw.x,
      products: raw.products.map((p, i) => clean({ id: `p${i}`, name: `${p.name} ${i}`, vendor: p.vendor })),
      organisations,
      services,
      systems,
      integrations,
      relations,
    }) as unknown as KarttaDocumentInput;
  })
  .filter((doc) => Model.safeLoad(doc).ok);

function roundTrip(doc: KarttaDocumentInput): void {
  const model = Model.load(doc);
  const xml = toArchimateXml(model);
  const { model: back, extras } = fromArchimateXml(xml);
  expect(back.toJSON()).toEqual(model.toJSON());
  // Kartta's own export leaves nothing over for the extras ...
  expect(extras).toEqual({
    format: 'kartta-archimate-extras/1',
    model: {},
    elements: [],
    relationships: [],
    entities: [],
    relations: [],
    organizations: [],
    propertyDefinitions: [],
  });
  // ... and writing the model read back, with or without its extras, gives the same bytes.
  expect(toArchimateXml(back)).toBe(xml);
  expect(toArchimateXml(back, { extras })).toBe(xml);
}

describe('Kartta model -> ArchiMate XML -> Kartta model', () => {
  it('is the identity on the small region', () => {
    roundTrip(smallRegion());
  });

  it('is the identity on generated documents (shared arbitrary)', () => {
    fc.assert(fc.property(documentArb(6), roundTrip), { numRuns: 80 });
  });

  it('is the identity on documents using every field, tricky text, x everywhere and every relation type', () => {
    fc.assert(fc.property(fullDocumentArb, roundTrip), { numRuns: 150 });
  });

  it('keeps a contract with no fields', () => {
    roundTrip({
      format: 'kartta/1',
      name: 'X',
      systems: [{ id: 's', name: 'S', class: 'TORI', lifecycle: 'production', contract: {} }],
    });
  });

  it('keeps ids that need escaping, including ones that look like escapes', () => {
    roundTrip({
      format: 'kartta/1',
      name: 'X',
      organisations: [
        { id: 'a.b', kind: 'other', name: 'A' },
        { id: 'a_2e_b', kind: 'other', name: 'B' },
        { id: 'id-x', kind: 'other', name: 'C' },
        { id: 'Ŧŋ😀', kind: 'other', name: 'D' },
      ],
      relations: [{ type: 'memberOf', from: 'a.b', to: 'a_2e_b' }],
    });
  });
});
