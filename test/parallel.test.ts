import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Model, OptionError, parallelSystems, type KarttaDocumentInput, type System } from '../src/index.js';
import { documentArb, shuffled } from './arbitraries.js';
import { sampleDocument } from './hostile.js';

function system(input: Partial<System> & { id: string }): System {
  return { name: input.id, class: 'TOSI', lifecycle: 'production', ...input };
}

/**
 * Primary care in the region `pop` runs on Esko (the hospital district), two Lifecare installations (one
 * named by an alias in other case) and Pegasos. Kajaani, outside the region, runs Mediatri.
 */
function region(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: 'Rinnakkaiset',
    products: [
      { id: 'esko', name: 'Esko' },
      { id: 'lifecare', name: 'Lifecare', aliases: ['Tieto Lifecare'] },
    ],
    organisations: [
      { id: 'pop', kind: 'region', name: 'Pohjois-Pohjanmaa' },
      { id: 'ppshp', kind: 'hospitalDistrict', name: 'PPSHP' },
      { id: 'oulu', kind: 'municipality', name: 'Oulu' },
      { id: 'kajaani', kind: 'municipality', name: 'Kajaani' },
    ],
    services: [
      { id: 'primary-care', name: 'Perusterveydenhuolto', domain: 'health' },
      { id: 'elderly-care', name: 'Vanhuspalvelut', domain: 'social' },
      { id: 'lab', name: 'Laboratorio', domain: 'health' },
      { id: 'dental', name: 'Suun terveydenhuolto', domain: 'health' },
    ],
    systems: [
      system({ id: 'esko-ppshp', product: 'Esko' }),
      system({ id: 'esko-lab', product: 'ESKO' }),
      system({ id: 'lc-oulu', product: 'Tieto Lifecare' }),
      system({ id: 'lc-ii', product: ' LifeCare ', lifecycle: 'phasingOut' }),
      system({ id: 'lc-plan', product: 'Lifecare', lifecycle: 'planned' }),
      system({ id: 'peg-oulu', product: 'Pegasos' }),
      system({ id: 'med-kaj', product: 'Mediatri' }),
      system({ id: 'tori-x', class: 'TORI', product: 'Dynasty' }),
      system({ id: 'esb', class: 'TORI', product: 'Frends', platform: true }),
      system({ id: 'old-esb', class: 'TORI', product: 'Old ESB', platform: true, lifecycle: 'retired' }),
    ],
    integrations: [
      { id: 'i1', source: 'esko-ppshp', target: 'lc-oulu' },
      { id: 'i6', source: 'lc-oulu', target: 'esko-ppshp', via: 'esb' },
      { id: 'i2', source: 'esko-ppshp', target: 'lc-ii', via: 'esb' },
      { id: 'i3', source: 'lc-oulu', target: 'esb' },
      { id: 'i4', source: 'esb', target: 'peg-oulu' },
      { id: 'i5', source: 'esko-ppshp', target: 'peg-oulu', via: 'old-esb' },
    ],
    relations: [
      { type: 'memberOf', from: 'ppshp', to: 'pop' },
      { type: 'memberOf', from: 'oulu', to: 'pop' },
      { type: 'owns', from: 'ppshp', to: 'esko-ppshp' },
      { type: 'owns', from: 'ppshp', to: 'esko-lab' },
      { type: 'owns', from: 'oulu', to: 'lc-oulu' },
      { type: 'uses', from: 'oulu', to: 'lc-ii' },
      { type: 'owns', from: 'oulu', to: 'lc-plan' },
      { type: 'owns', from: 'oulu', to: 'peg-oulu' },
      { type: 'owns', from: 'oulu', to: 'tori-x' },
      { type: 'owns', from: 'pop', to: 'esb' },
      { type: 'owns', from: 'kajaani', to: 'med-kaj' },
      ...['esko-ppshp', 'lc-oulu', 'lc-ii', 'lc-plan', 'peg-oulu', 'med-kaj', 'tori-x'].map((from) => ({
        type: 'supports' as const,
        from,
        to: 'primary-care',
      })),
      { type: 'supports', from: 'esko-ppshp', to: 'lab' },
      { type: 'supports', from: 'esko-lab', to: 'lab' },
      { type: 'supports', from: 'lc-oulu', to: 'dental' },
      { type: 'supports', from: 'lc-oulu', to: 'elderly-care' },
      { type: 'supports', from: 'peg-oulu', to: 'elderly-care' },
    ],
  };
}

describe('parallelSystems: counted pairs, the first ones listed', () => {
  const model = Model.load(sampleDocument());
  const all = parallelSystems(model, { scope: 'pop', maxPairs: Infinity });

  it('lists the first maxPairs pairs and gaps of each group (default 10) and counts every pair, per product too', () => {
    expect(all.some((group) => group.pairs.length > 10)).toBe(true);
    for (const [options, cap] of [
      [{}, 10],
      [{ maxPairs: 0 }, 0],
      [{ maxPairs: 3 }, 3],
    ] as const) {
      const capped = parallelSystems(model, { scope: 'pop', ...options });
      capped.forEach((group, g) => {
        const full = all[g]!;
        expect(group.pairs).toEqual(full.pairs.slice(0, cap));
        expect(group.pairCounts).toEqual(full.pairCounts);
        expect(group.productGroups).toEqual(full.productGroups);
        const gaps = full.pairs.filter((p) => p.status === 'none').map((p) => p.systems);
        const reason = group.reasons.find((r) => r.code === 'parallel.gaps');
        if (gaps.length === 0) expect(reason).toBeUndefined();
        else {
          expect(reason).toMatchObject({ count: gaps.length, pairs: gaps.slice(0, cap) });
          const more = gaps.length - Math.min(cap, gaps.length);
          if (cap === 0) expect(reason?.message).toMatch(/^no data flows between (one pair|\d+ pairs) of them$/);
          else if (more > 0) expect(reason?.message).toMatch(new RegExp(`\\(and ${more} more\\)$`));
          else expect(reason?.message).not.toContain('more');
        }
      });
    }
    // Each product's pairs: those with one of its systems, by status.
    for (const group of all) {
      for (const product of group.productGroups) {
        const mine = group.pairs.filter((p) => p.products.includes(product.product));
        expect(product.pairCounts).toEqual({
          total: mine.length,
          direct: mine.filter((p) => p.status === 'direct').length,
          platform: mine.filter((p) => p.status === 'platform').length,
          none: mine.filter((p) => p.status === 'none').length,
        });
      }
    }
  });

  it('refuses a maxPairs that is not a non-negative whole number or Infinity', () => {
    for (const maxPairs of [-1, 1.5, Number.NaN, '3' as unknown as number])
      expect(() => parallelSystems(model, { maxPairs })).toThrow(
        "parallelSystems: option 'maxPairs' must be a non-negative integer or Infinity",
      );
  });
});

describe('parallelSystems', () => {
  const model = Model.load(region());
  const groups = parallelSystems(model, { scope: 'pop' });
  const primary = groups.find((g) => g.service === 'primary-care');

  it('reports one group per service with TOSI systems in use of two or more products, sorted by service', () => {
    // lab: two Esko installations (one product); dental: one system.
    expect(groups.map((g) => g.service)).toEqual(['elderly-care', 'primary-care']);
  });

  it('takes only TOSI systems in production or phasing out, of organisations in the region', () => {
    expect(primary?.systems).toEqual(['esko-ppshp', 'lc-ii', 'lc-oulu', 'peg-oulu']);
    expect(primary?.products).toEqual(['esko', 'lifecare', 'pegasos']);
    expect(primary?.productGroups.find((g) => g.product === 'lifecare')?.systems).toEqual(['lc-ii', 'lc-oulu']);
  });

  it('gives every pair of systems of different products its status and the integrations behind it', () => {
    // The fixture names its systems after their ids; names are checked on the sample below.
    expect(primary?.pairs.map(({ systemNames, ...pair }) => (expect(systemNames).toEqual(pair.systems), pair))).toEqual(
      [
        {
          systems: ['esko-ppshp', 'lc-ii'],
          products: ['esko', 'lifecare'],
          status: 'platform',
          integrations: ['i2'],
          platforms: ['esb'],
          ignored: [],
        },
        // A direct integration wins over one through the platform (i6).
        {
          systems: ['esko-ppshp', 'lc-oulu'],
          products: ['esko', 'lifecare'],
          status: 'direct',
          integrations: ['i1'],
          platforms: [],
          ignored: [],
        },
        // The only integration runs through a retired platform: it does not count.
        {
          systems: ['esko-ppshp', 'peg-oulu'],
          products: ['esko', 'pegasos'],
          status: 'none',
          integrations: [],
          platforms: [],
          ignored: ['i5'],
        },
        {
          systems: ['lc-ii', 'peg-oulu'],
          products: ['lifecare', 'pegasos'],
          status: 'none',
          integrations: [],
          platforms: [],
          ignored: [],
        },
        // Both are an end of an integration with the platform esb.
        {
          systems: ['lc-oulu', 'peg-oulu'],
          products: ['lifecare', 'pegasos'],
          status: 'platform',
          integrations: ['i3', 'i4'],
          platforms: ['esb'],
          ignored: [],
        },
      ],
    );
    expect(primary?.gaps).toBe(2);
    expect(primary?.reasons).toContainEqual(
      expect.objectContaining({
        code: 'parallel.gaps',
        pairs: [
          ['esko-ppshp', 'peg-oulu'],
          ['lc-ii', 'peg-oulu'],
        ],
      }),
    );
  });

  it('counts a system outside the region only without a scope', () => {
    const whole = parallelSystems(model).find((g) => g.service === 'primary-care');
    expect(whole?.systems).toEqual(['esko-ppshp', 'lc-ii', 'lc-oulu', 'med-kaj', 'peg-oulu']);
    expect(whole?.products).toEqual(['esko', 'lifecare', 'mediatri', 'pegasos']);
  });

  it('treats systems without product as products of their own', () => {
    const noProducts = Model.load({
      format: 'kartta/1',
      name: 'X',
      services: [{ id: 's', name: 'S', domain: 'd' }],
      systems: [system({ id: 'a' }), system({ id: 'b' })],
      relations: [
        { type: 'supports', from: 'a', to: 's' },
        { type: 'supports', from: 'b', to: 's' },
      ],
    });
    const [group] = parallelSystems(noProducts);
    expect(group?.products).toEqual(['system:a', 'system:b']);
    expect(group?.pairs.map((p) => p.status)).toEqual(['none']);
  });

  it('flags groups past the policy date', () => {
    const late = parallelSystems(model, { scope: 'pop', allowedUntil: '2021-12-31', asOf: '2022-06-01' });
    expect(late.every((g) => g.overdue)).toBe(true);
    expect(late[0]?.reasons).toContainEqual(
      expect.objectContaining({ code: 'parallel.overdue', allowedUntil: '2021-12-31', asOf: '2022-06-01' }),
    );
    const lastDay = parallelSystems(model, { scope: 'pop', allowedUntil: '2021-12-31', asOf: '2021-12-31' });
    expect(lastDay.some((g) => g.overdue)).toBe(false);
    expect(lastDay[0]?.reasons).toContainEqual(expect.objectContaining({ code: 'parallel.within-policy' }));
  });

  it('is never overdue without a policy date, and judges on today when only the policy date is given', () => {
    const noPolicy = parallelSystems(model, { scope: 'pop', asOf: '2030-01-01' });
    expect(noPolicy.map((g) => [g.overdue, g.allowedUntil, g.asOf])).toEqual([
      [false, null, '2030-01-01'],
      [false, null, '2030-01-01'],
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const old = parallelSystems(model, { scope: 'pop', allowedUntil: '2000-01-01' });
    expect(old[0]?.asOf).toBe(today);
    expect(old[0]?.overdue).toBe(true);
  });

  it('rejects bad dates and scopes with typed errors', () => {
    expect(() => parallelSystems(model, { asOf: '2022-02-30' })).toThrow(
      expect.objectContaining({ code: 'option.invalid', option: 'asOf' }),
    );
    expect(() => parallelSystems(model, { allowedUntil: 20211231 as unknown as string })).toThrow(
      expect.objectContaining({
        code: 'option.invalid',
        option: 'allowedUntil',
        message: "parallelSystems: option 'allowedUntil' must be an existing calendar date as YYYY-MM-DD, got 20211231",
      }),
    );
    expect(() => parallelSystems(model, { allowedUntil: '31.12.2021' })).toThrow(OptionError);
    // Issue 8: an unknown option is refused, not silently ignored.
    expect(() => parallelSystems(model, { scopee: 'pop' } as never)).toThrow(
      expect.objectContaining({
        code: 'option.invalid',
        option: 'scopee',
        message: "parallelSystems: 'scopee' is not an option; did you mean 'scope'?",
      }),
    );
    expect(() => parallelSystems(model, { scope: 'nowhere' })).toThrow(
      expect.objectContaining({ code: 'scope.unknown' }),
    );
    expect(() => parallelSystems(model, { scope: 'primary-care' })).toThrow(
      expect.objectContaining({ code: 'scope.not-organisation' }),
    );
  });
});

/** Dense random landscapes: many TOSI systems on two services, a few platforms, many integrations. */
const landscapeArb: fc.Arbitrary<KarttaDocumentInput> = fc
  .record({
    systems: fc.array(
      fc.record({
        product: fc.option(fc.constantFrom('Esko', 'esko', 'Lifecare', 'Pegasos', ' PEGASOS'), { nil: undefined }),
        lifecycle: fc.constantFrom('production', 'production', 'phasingOut', 'planned', 'retired'),
        role: fc.constantFrom('tosi', 'tosi', 'tosi', 'platform', 'tori'),
        services: fc.subarray(['s1', 's2']),
      }),
      { minLength: 3, maxLength: 9 },
    ),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), { maxLength: 25 }),
  })
  .map(({ systems, links }) => {
    const ids = systems.map((_, i) => `sys-${i}`);
    const platforms = ids.filter((_, i) => systems[i]!.role === 'platform');
    return {
      format: 'kartta/1',
      name: 'Random',
      services: [
        { id: 's1', name: 'S1', domain: 'health' },
        { id: 's2', name: 'S2', domain: 'health' },
      ],
      systems: systems.map((s, i) => ({
        id: ids[i]!,
        name: `System ${i}`,
        class: s.role === 'tosi' ? 'TOSI' : 'TORI',
        lifecycle: s.lifecycle,
        ...(s.product !== undefined ? { product: s.product } : {}),
        ...(s.role === 'platform' ? { platform: true } : {}),
      })),
      integrations: links.map(([a, b, c, useVia], i) => ({
        id: `int-${i}`,
        source: ids[a % ids.length]!,
        target: ids[b % ids.length]!,
        ...(useVia && platforms.length > 0 ? { via: platforms[c % platforms.length]! } : {}),
      })),
      relations: systems.flatMap((s, i) => s.services.map((to) => ({ type: 'supports' as const, from: ids[i]!, to }))),
    };
  });

describe('parallelSystems: laws', () => {
  it('does not depend on the order of the document', () => {
    fc.assert(
      fc.property(fc.oneof(documentArb(8), landscapeArb), fc.integer(), (doc, seed) => {
        expect(parallelSystems(Model.load(shuffled(doc, seed)))).toEqual(parallelSystems(Model.load(doc)));
      }),
      { numRuns: 150 },
    );
  });

  it('gives every pair the status its integrations imply', () => {
    const seen = { direct: 0, platform: 0, none: 0 };
    fc.assert(
      fc.property(landscapeArb, (doc) => {
        const model = Model.load(doc);
        const integrations = model.integrations();
        const livePlatform = (id: string) =>
          model.system(id)?.platform === true && model.system(id)?.lifecycle !== 'retired';
        const joins = (i: { source: string; target: string }, x: string, y: string) =>
          (i.source === x && i.target === y) || (i.source === y && i.target === x);
        for (const group of parallelSystems(model, { maxPairs: Infinity })) {
          const counts = { total: group.pairs.length, direct: 0, platform: 0, none: 0 };
          for (const pair of group.pairs) counts[pair.status]++;
          expect(group.pairCounts).toEqual(counts);
          for (const id of group.systems) {
            const s = model.system(id);
            expect(s?.class).toBe('TOSI');
            expect(['production', 'phasingOut']).toContain(s?.lifecycle);
          }
          for (const pair of group.pairs) {
            const [a, b] = pair.systems;
            expect(a < b).toBe(true);
            expect(pair.products[0]).not.toBe(pair.products[1]);
            seen[pair.status]++;
            const between = integrations.filter((i) => joins(i, a, b));
            const direct = between.some((i) => i.via === undefined);
            const viaPlatform = between.some((i) => i.via !== undefined && livePlatform(i.via));
            const hub = model
              .systems()
              .some(
                (p) =>
                  p.id !== a &&
                  p.id !== b &&
                  livePlatform(p.id) &&
                  integrations.some((i) => joins(i, a, p.id)) &&
                  integrations.some((i) => joins(i, b, p.id)),
              );
            const expected = direct ? 'direct' : viaPlatform || hub ? 'platform' : 'none';
            expect(pair.status).toBe(expected);
            for (const id of pair.integrations) {
              const i = model.integration(id);
              expect(i !== undefined && [i.source, i.target].some((end) => end === a || end === b)).toBe(true);
            }
            if (pair.status === 'none') expect(pair.integrations).toEqual([]);
            else expect(pair.integrations.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach every status, or the law above proves little.
    expect(Math.min(seen.direct, seen.platform, seen.none)).toBeGreaterThan(0);
  });
});
