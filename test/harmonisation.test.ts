import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  Model,
  QueryError,
  harmonisationCandidates,
  type KarttaDocumentInput,
  type SameProductCandidate,
  type SameServiceCandidate,
  type System,
} from '../src/index.js';
import { documentArb, shuffled } from './arbitraries.js';

type SystemInput = Omit<System, 'name' | 'class' | 'lifecycle'> & Partial<Pick<System, 'name' | 'class' | 'lifecycle'>>;

function system(input: SystemInput): System {
  return { name: input.id, class: 'TOSI', lifecycle: 'production', ...input };
}

/**
 * A region `pop` with Oulu (direct member), a joint authority `ja` and Ii (a member of `ja`, so of `pop`
 * transitively), and Kajaani outside the region.
 */
function region(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: 'Testimaakunta',
    products: [{ id: 'lifecare', name: 'Lifecare', aliases: ['Tieto Lifecare'] }],
    organisations: [
      { id: 'pop', kind: 'region', name: 'Pohjois-Pohjanmaa' },
      { id: 'oulu', kind: 'municipality', name: 'Oulu' },
      { id: 'ja', kind: 'jointAuthority', name: 'Selänne' },
      { id: 'ii', kind: 'municipality', name: 'Ii' },
      { id: 'kajaani', kind: 'municipality', name: 'Kajaani' },
    ],
    services: [
      { id: 'case-mgmt', name: 'Asianhallinta', domain: 'administration' },
      { id: 'primary-care', name: 'Perusterveydenhuolto', domain: 'health' },
    ],
    systems: [
      system({
        id: 'lc-oulu',
        product: 'Tieto Lifecare',
        users: 2400,
        contract: { ends: '2020-12-31', annualCost: 850000 },
      }),
      // No own user count: 300 from Ii counts, Kajaani's 5000 does not (outside the region).
      system({ id: 'lc-ii', product: '  LIFECARE ', contract: { annualCost: 120000 } }),
      system({ id: 'lc-ja', product: 'lifecare', lifecycle: 'retired', users: 9999, contract: { annualCost: 50000 } }),
      system({ id: 'lc-kajaani', product: 'Lifecare', users: 10000, contract: { annualCost: 700000 } }),
      system({ id: 'dyn-oulu', class: 'TORI', product: 'Dynasty 10', users: 100 }),
      system({ id: 'dyn-ii', class: 'TORI', product: 'dynasty   10', users: 100, contract: { annualCost: 20000 } }),
      system({ id: 'tweb-ja', class: 'TORI', product: 'Tweb', users: 50, contract: { annualCost: 30000 } }),
      system({ id: 'noprod-ja', class: 'TORI', users: 500 }),
    ],
    integrations: [{ id: 'i-1', source: 'dyn-ii', target: 'tweb-ja' }],
    relations: [
      { type: 'memberOf', from: 'oulu', to: 'pop' },
      { type: 'memberOf', from: 'ja', to: 'pop' },
      { type: 'memberOf', from: 'ii', to: 'ja' },
      { type: 'owns', from: 'oulu', to: 'lc-oulu' },
      { type: 'owns', from: 'ii', to: 'lc-ii' },
      { type: 'uses', from: 'ii', to: 'lc-ii', users: 300 },
      { type: 'uses', from: 'kajaani', to: 'lc-ii', users: 5000 },
      { type: 'owns', from: 'ja', to: 'lc-ja' },
      { type: 'owns', from: 'kajaani', to: 'lc-kajaani' },
      { type: 'owns', from: 'oulu', to: 'dyn-oulu' },
      { type: 'owns', from: 'ii', to: 'dyn-ii' },
      { type: 'owns', from: 'ja', to: 'tweb-ja' },
      { type: 'owns', from: 'ja', to: 'noprod-ja' },
      { type: 'supports', from: 'dyn-oulu', to: 'case-mgmt' },
      { type: 'supports', from: 'dyn-ii', to: 'case-mgmt' },
      { type: 'supports', from: 'tweb-ja', to: 'case-mgmt' },
      { type: 'supports', from: 'noprod-ja', to: 'case-mgmt' },
      { type: 'supports', from: 'lc-oulu', to: 'primary-care' },
      { type: 'supports', from: 'lc-ii', to: 'primary-care' },
    ],
  };
}

function sameProduct(candidates: ReturnType<typeof harmonisationCandidates>, product: string): SameProductCandidate {
  const found = candidates.find((c): c is SameProductCandidate => c.kind === 'sameProduct' && c.product === product);
  if (!found) throw new Error(`no same-product candidate for ${product}`);
  return found;
}

function sameService(candidates: ReturnType<typeof harmonisationCandidates>, service: string): SameServiceCandidate {
  const found = candidates.find((c): c is SameServiceCandidate => c.kind === 'sameService' && c.service === service);
  if (!found) throw new Error(`no same-service candidate for ${service}`);
  return found;
}

/** Two installations of product P, with the given fields, in a model without scope. */
function pair(a: Partial<System>, b: Partial<System>, extra: Partial<KarttaDocumentInput> = {}): Model {
  return Model.load({
    format: 'kartta/1',
    name: 'Pari',
    ...extra,
    systems: [
      system({ id: 'a', product: 'P', ...a }),
      system({ id: 'b', product: 'P', ...b }),
      ...(extra.systems ?? []),
    ],
  });
}

describe('harmonisationCandidates: same product', () => {
  const model = Model.load(region());
  const candidates = harmonisationCandidates(model, { scope: 'pop' });

  it('groups installations by normalised product: catalogue alias, case and white space', () => {
    const lifecare = sameProduct(candidates, 'lifecare');
    expect(lifecare.systems).toEqual(['lc-ii', 'lc-oulu']);
    expect(lifecare.productName).toBe('Lifecare');
    const dynasty = sameProduct(candidates, 'dynasty 10');
    expect(dynasty.systems).toEqual(['dyn-ii', 'dyn-oulu']);
  });

  it('leaves out systems of organisations outside the region and retired systems', () => {
    const lifecare = sameProduct(candidates, 'lifecare');
    expect(lifecare.systems).not.toContain('lc-kajaani');
    expect(lifecare.systems).not.toContain('lc-ja');
  });

  it('counts users from uses relations of organisations in scope only, and never lists an outsider', () => {
    const lifecare = sameProduct(candidates, 'lifecare');
    const ii = lifecare.installations.find((i) => i.system === 'lc-ii');
    expect(ii?.users).toBe(300);
    expect(ii?.usersFrom).toBe('uses');
    expect(lifecare.organisations).toEqual(['ii', 'oulu']);
  });

  it("keeps the installation with most users and adds up the others' known costs", () => {
    const lifecare = sameProduct(candidates, 'lifecare');
    expect(lifecare.keep).toBe('lc-oulu');
    expect(lifecare.savings).toBe(120000);
    expect(lifecare.unknownCosts).toEqual([]);
    expect(lifecare.costs).toEqual([
      { system: 'lc-ii', annualCost: 120000 },
      { system: 'lc-oulu', annualCost: 850000 },
    ]);
    expect(lifecare.reasons).toContainEqual(
      expect.objectContaining({
        code: 'keep.system',
        rule: 'users',
        keep: 'lc-oulu',
        runnerUp: 'lc-ii',
        keepValue: 2400,
        runnerUpValue: 300,
      }),
    );
    expect(lifecare.reasons).toContainEqual(
      expect.objectContaining({ code: 'product.shared', product: 'lifecare', systems: ['lc-ii', 'lc-oulu'] }),
    );
  });

  it('reports savings as null when no cost of the installations that would go is known, naming them', () => {
    const dynasty = sameProduct(candidates, 'dynasty 10');
    // Equal users (100 each); dyn-ii has one integration, dyn-oulu none.
    expect(dynasty.keep).toBe('dyn-ii');
    expect(dynasty.reasons).toContainEqual(
      expect.objectContaining({ code: 'keep.system', rule: 'integrations', keepValue: 1, runnerUpValue: 0 }),
    );
    expect(dynasty.savings).toBeNull();
    expect(dynasty.unknownCosts).toEqual(['dyn-oulu']);
    expect(dynasty.reasons).toContainEqual(
      expect.objectContaining({ code: 'savings.total', amount: null, known: [], unknown: ['dyn-oulu'] }),
    );
  });

  it('carries the integrations and services behind a candidate', () => {
    const dynasty = sameProduct(candidates, 'dynasty 10');
    expect(dynasty.integrations).toEqual(['i-1']);
    expect(dynasty.integrationsBetween).toEqual([]);
    expect(dynasty.services).toEqual(['case-mgmt']);
    expect(dynasty.organisations).toEqual(['ii', 'oulu']);
  });

  it('without a scope uses the whole model: the outsider with most users is kept', () => {
    const all = sameProduct(harmonisationCandidates(model), 'lifecare');
    expect(all.systems).toEqual(['lc-ii', 'lc-kajaani', 'lc-oulu']);
    expect(all.keep).toBe('lc-kajaani');
    expect(all.installations.find((i) => i.system === 'lc-ii')?.users).toBe(5300);
    expect(all.savings).toBe(850000 + 120000);
  });

  it('with includeRetired counts a retired installation but never keeps it while one is in use', () => {
    const lifecare = sameProduct(harmonisationCandidates(model, { scope: 'pop', includeRetired: true }), 'lifecare');
    expect(lifecare.systems).toEqual(['lc-ii', 'lc-ja', 'lc-oulu']);
    expect(lifecare.keep).toBe('lc-oulu');
    expect(lifecare.installations.map((i) => i.system)).toEqual(['lc-oulu', 'lc-ii', 'lc-ja']);
    expect(lifecare.savings).toBe(120000 + 50000);
  });
});

describe('harmonisationCandidates: each tie-break of keep', () => {
  const keepOf = (model: Model, options = {}) => {
    const [candidate] = harmonisationCandidates(model, options);
    if (candidate?.kind !== 'sameProduct') throw new Error('expected one same-product candidate');
    const keepReason = candidate.reasons.find((r) => r.code === 'keep.system');
    return { keep: candidate.keep, rule: keepReason?.code === 'keep.system' ? keepReason.rule : undefined };
  };

  it('in use before retired (with includeRetired)', () => {
    const model = pair({ lifecycle: 'retired', users: 50 }, { users: 10 });
    expect(keepOf(model, { includeRetired: true })).toEqual({ keep: 'b', rule: 'inUse' });
  });

  it('most users', () => {
    expect(keepOf(pair({ users: 10 }, { users: 20 }))).toEqual({ keep: 'b', rule: 'users' });
  });

  it('most users, counting the sum of uses relations when the system gives none', () => {
    const model = pair(
      {},
      { users: 6 },
      {
        organisations: [
          { id: 'o1', kind: 'municipality', name: 'O1' },
          { id: 'o2', kind: 'municipality', name: 'O2' },
        ],
        relations: [
          { type: 'uses', from: 'o1', to: 'a', users: 3 },
          { type: 'uses', from: 'o2', to: 'a', users: 4 },
        ],
      },
    );
    expect(keepOf(model)).toEqual({ keep: 'a', rule: 'users' });
  });

  it("the system's own users win over its uses relations", () => {
    const model = pair(
      { users: 1 },
      { users: 2 },
      {
        organisations: [{ id: 'o1', kind: 'municipality', name: 'O1' }],
        relations: [{ type: 'uses', from: 'o1', to: 'a', users: 100 }],
      },
    );
    expect(keepOf(model)).toEqual({ keep: 'b', rule: 'users' });
  });

  it('then most integrations', () => {
    const model = pair(
      { users: 5 },
      { users: 5 },
      {
        systems: [system({ id: 'x' })],
        integrations: [
          { id: 'i1', source: 'a', target: 'x' },
          { id: 'i2', source: 'x', target: 'b' },
          { id: 'i3', source: 'b', target: 'x' },
        ],
      },
    );
    expect(keepOf(model)).toEqual({ keep: 'b', rule: 'integrations' });
  });

  it('then latest contract end', () => {
    expect(keepOf(pair({ contract: { ends: '2023-06-30' } }, { contract: { ends: '2022-01-01' } }))).toEqual({
      keep: 'a',
      rule: 'contractEnds',
    });
  });

  it('a known contract end beats an unknown one', () => {
    expect(keepOf(pair({ contract: { annualCost: 1 } }, { contract: { ends: '2019-01-01' } }))).toEqual({
      keep: 'b',
      rule: 'contractEnds',
    });
  });

  it('then the smaller id', () => {
    expect(keepOf(pair({ users: 1 }, { users: 1 }))).toEqual({ keep: 'a', rule: 'id' });
  });
});

describe('harmonisationCandidates: same service (TORI)', () => {
  const candidates = harmonisationCandidates(Model.load(region()), { scope: 'pop' });

  it('finds TORI systems of different products supporting one service, a system without product as its own', () => {
    const caseMgmt = sameService(candidates, 'case-mgmt');
    expect(caseMgmt.products).toEqual(['dynasty 10', 'system:noprod-ja', 'tweb']);
    expect(caseMgmt.systems).toEqual(['dyn-ii', 'dyn-oulu', 'noprod-ja', 'tweb-ja']);
  });

  it('keeps a named product before an unnamed one, then most users over its installations', () => {
    const caseMgmt = sameService(candidates, 'case-mgmt');
    expect(caseMgmt.keepProduct).toBe('dynasty 10');
    // noprod-ja has the most users (500) but names no product, so it ranks last.
    expect(caseMgmt.productGroups.map((g) => [g.product, g.users, g.installations])).toEqual([
      ['dynasty 10', 200, 2],
      ['tweb', 50, 1],
      ['system:noprod-ja', 500, 1],
    ]);
    expect(caseMgmt.reasons).toContainEqual(
      expect.objectContaining({ code: 'keep.product', rule: 'users', keep: 'dynasty 10', runnerUp: 'tweb' }),
    );
  });

  it("saves the known costs of the other products' systems", () => {
    const caseMgmt = sameService(candidates, 'case-mgmt');
    expect(caseMgmt.savings).toBe(30000);
    expect(caseMgmt.unknownCosts).toEqual(['noprod-ja']);
    expect(caseMgmt.integrationsBetween).toEqual(['i-1']);
  });

  it('ignores TOSI systems and services with only one product', () => {
    expect(candidates.some((c) => c.kind === 'sameService' && c.service === 'primary-care')).toBe(false);
  });

  it('breaks product ties by installations, then by product key', () => {
    const byInstallations = Model.load({
      format: 'kartta/1',
      name: 'X',
      services: [{ id: 's', name: 'S', domain: 'd' }],
      systems: [
        system({ id: 'x1', class: 'TORI', product: 'X', users: 2 }),
        system({ id: 'x2', class: 'TORI', product: 'X', users: 2 }),
        system({ id: 'y1', class: 'TORI', product: 'Y', users: 4 }),
        system({ id: 'z1', class: 'TORI', product: 'Z', users: 4 }),
      ],
      relations: ['x1', 'x2', 'y1', 'z1'].map((id) => ({ type: 'supports' as const, from: id, to: 's' })),
    });
    const [candidate] = harmonisationCandidates(byInstallations).filter((c) => c.kind === 'sameService');
    if (candidate?.kind !== 'sameService') throw new Error('expected a same-service candidate');
    expect(candidate.productGroups.map((g) => g.product)).toEqual(['x', 'y', 'z']);
    expect(candidate.reasons).toContainEqual(
      expect.objectContaining({ code: 'keep.product', rule: 'installations', keep: 'x', runnerUp: 'y' }),
    );
  });
});

describe('harmonisationCandidates: ranking', () => {
  it('ranks by savings (unknown last), then number of systems, then kind, then key', () => {
    const candidates = harmonisationCandidates(Model.load(region()), { scope: 'pop' });
    expect(candidates.map((c) => (c.kind === 'sameProduct' ? `product:${c.product}` : `service:${c.service}`))).toEqual(
      [
        'product:lifecare', // 120000
        'service:case-mgmt', // 30000
        'product:dynasty 10', // unknown
      ],
    );
  });

  it('puts the same-product candidate first when savings and size are equal', () => {
    const model = Model.load({
      format: 'kartta/1',
      name: 'X',
      services: [{ id: 's', name: 'S', domain: 'd' }],
      systems: [
        system({ id: 'p1', product: 'P', contract: { annualCost: 10 } }),
        system({ id: 'p2', product: 'P', users: 5 }),
        system({ id: 't1', class: 'TORI', product: 'T', users: 5 }),
        system({ id: 'u1', class: 'TORI', product: 'U', contract: { annualCost: 10 } }),
      ],
      relations: [
        { type: 'supports', from: 't1', to: 's' },
        { type: 'supports', from: 'u1', to: 's' },
      ],
    });
    expect(harmonisationCandidates(model).map((c) => c.kind)).toEqual(['sameProduct', 'sameService']);
  });
});

describe('harmonisationCandidates: bad input', () => {
  const model = Model.load(region());
  it('rejects an unknown scope', () => {
    expect(() => harmonisationCandidates(model, { scope: 'nowhere' })).toThrow(QueryError);
    try {
      harmonisationCandidates(model, { scope: 'nowhere' });
    } catch (error) {
      expect((error as QueryError).code).toBe('scope.unknown');
      expect((error as QueryError).id).toBe('nowhere');
    }
  });
  it('rejects a scope that is not an organisation', () => {
    expect(() => harmonisationCandidates(model, { scope: 'lc-oulu' })).toThrow(
      expect.objectContaining({ code: 'scope.not-organisation' }),
    );
  });
  it('rejects malformed options', () => {
    expect(() => harmonisationCandidates(model, { includeRetired: 'yes' as unknown as boolean })).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
    expect(() => harmonisationCandidates(model, { scope: 42 as unknown as string })).toThrow(
      expect.objectContaining({ code: 'option.invalid', option: 'scope' }),
    );
    // Issue 8: an unknown option is refused, not silently ignored (it used to return the whole model's candidates).
    expect(() => harmonisationCandidates(model, { scopee: 'pop' } as never)).toThrow(
      expect.objectContaining({
        name: 'OptionError',
        code: 'option.invalid',
        option: 'scopee',
        message: "harmonisationCandidates: 'scopee' is not an option; did you mean 'scope'?",
      }),
    );
    const long = 'x'.repeat(500);
    const error = (() => {
      try {
        harmonisationCandidates(model, { scope: 7, includeRetired: long } as never);
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    // The first bad option in the order given; a long value is echoed capped, with its length.
    expect(error?.message).toBe("harmonisationCandidates: option 'scope' must be an id (a non-empty string), got 7");
    expect(() => harmonisationCandidates(model, { includeRetired: long } as never)).toThrow(
      `got "${'x'.repeat(79)}… (502 characters)`,
    );
  });
});

describe('harmonisationCandidates: laws', () => {
  it('does not depend on the order of the document', () => {
    fc.assert(
      fc.property(documentArb(8), fc.integer(), (doc, seed) => {
        const a = harmonisationCandidates(Model.load(doc), { includeRetired: true });
        const b = harmonisationCandidates(Model.load(shuffled(doc, seed)), { includeRetired: true });
        expect(b).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps an installation no other in-use one beats on users, and saves exactly the others' known costs", () => {
    let checked = 0;
    fc.assert(
      fc.property(documentArb(8), (doc) => {
        const model = Model.load(doc);
        for (const candidate of harmonisationCandidates(model)) {
          if (candidate.kind !== 'sameProduct') continue;
          checked++;
          const users = (id: string) => candidate.installations.find((i) => i.system === id)?.users ?? -1;
          for (const id of candidate.systems) expect(users(candidate.keep)).toBeGreaterThanOrEqual(users(id));
          const costs = candidate.systems
            .filter((id) => id !== candidate.keep)
            .map((id) => model.system(id)?.contract?.annualCost);
          const known = costs.filter((c): c is number => c !== undefined);
          expect(candidate.savings).toBe(known.length === 0 ? null : known.reduce((s, c) => s + c, 0));
          expect(new Set(candidate.systems.map((id) => model.productOf(id)?.key)).size).toBe(1);
        }
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});
