import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KarttaError, Model, type KarttaDocument } from '../src/index.js';
import {
  generateMigrationPlan,
  generateRegionModel,
  GeneratorOptionError,
  type GeneratedPlan,
} from '../src/testing/index.js';

const small = generateRegionModel({ seed: 42, systems: 1_000 });

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.reduce((n, item) => n + (predicate(item) ? 1 : 0), 0);
}

function nameText(name: unknown): string {
  return typeof name === 'string' ? name : Object.values(name as Record<string, string>).join(' ');
}

describe('generateRegionModel', () => {
  it('is deterministic for a seed, numeric or string', () => {
    expect(JSON.stringify(generateRegionModel({ seed: 42, systems: 1_000 }))).toBe(JSON.stringify(small));
    const a = generateRegionModel({ seed: 'pohjois-pohjanmaa', systems: 300 });
    const b = generateRegionModel({ seed: 'pohjois-pohjanmaa', systems: 300 });
    expect(a).toEqual(b);
  });

  it('gives different models for different seeds', () => {
    const other = generateRegionModel({ seed: 43, systems: 1_000 });
    expect(other.systems.map((s) => s.id)).not.toEqual(small.systems.map((s) => s.id));
    expect(other.integrations.map((i) => `${i.source}>${i.target}`)).not.toEqual(
      small.integrations.map((i) => `${i.source}>${i.target}`),
    );
    expect(generateRegionModel({ seed: '42', systems: 300 })).not.toEqual(
      generateRegionModel({ seed: 42, systems: 300 }),
    );
  });

  it('loads with Model.load at 1,000 systems with the counts asked', () => {
    const model = Model.load(small);
    expect(model.systems()).toHaveLength(1_000);
    expect(model.integrations()).toHaveLength(3_000);
    // Default sizes: one region of 15 municipalities below 7,500 systems.
    expect(count(small.organisations, (o) => o.kind === 'region')).toBe(1);
    expect(count(small.organisations, (o) => o.kind === 'municipality')).toBe(15);
  });

  it('loads at 10,000 systems, with two regions of fifteen municipalities', () => {
    const doc = generateRegionModel({ seed: 5, systems: 10_000 });
    const model = Model.load(doc);
    expect(model.systems()).toHaveLength(10_000);
    expect(model.integrations()).toHaveLength(30_000);
    expect(count(doc.organisations, (o) => o.kind === 'region')).toBe(2);
    expect(count(doc.organisations, (o) => o.kind === 'municipality')).toBe(30);
  });

  it('honours regions, municipalities per region and integrations per system', () => {
    const doc = generateRegionModel({
      seed: 9,
      systems: 500,
      regions: 3,
      municipalitiesPerRegion: 5,
      integrationsPerSystem: 1.5,
    });
    const model = Model.load(doc);
    expect(model.systems()).toHaveLength(500);
    expect(model.integrations()).toHaveLength(750);
    const regions = doc.organisations.filter((o) => o.kind === 'region');
    expect(regions).toHaveLength(3);
    expect(count(doc.organisations, (o) => o.kind === 'municipality')).toBe(15);
    // Every municipality is a member of exactly one region, directly or through a joint authority.
    const inRegions = regions.map((r) =>
      model.membersOf(r.id).filter((id) => model.organisation(id)?.kind === 'municipality'),
    );
    expect(inRegions.map((list) => list.length)).toEqual([5, 5, 5]);
    expect(new Set(inRegions.flat()).size).toBe(15);
  });

  it('puts some municipalities in a region through a joint authority', () => {
    const model = Model.load(small);
    const viaJoint = model
      .relations('memberOf')
      .filter(
        (r) =>
          model.organisation(r.from)?.kind === 'municipality' && model.organisation(r.to)?.kind === 'jointAuthority',
      );
    expect(viaJoint.length).toBeGreaterThan(0);
    const region = small.organisations.find((o) => o.kind === 'region')!;
    for (const relation of viaJoint) expect(model.membersOf(region.id)).toContain(relation.from);
  });

  it('writes names with Finnish letters that survive loading', () => {
    const names =
      small.organisations.map((o) => nameText(o.name)).join(' ') + small.systems.map((s) => nameText(s.name)).join(' ');
    expect(names).toMatch(/[äö]/);
    const doc = generateRegionModel({ seed: 1, systems: 4_000, regions: 4, municipalitiesPerRegion: 15 });
    // Lappi's name carries Northern Sámi; so do Inari, Utsjoki, Enontekiö and Sodankylä.
    const sami = doc.organisations.filter((o) => typeof o.name !== 'string' && 'se' in o.name);
    expect(sami.length).toBeGreaterThan(0);
    const model = Model.load(doc);
    for (const organisation of sami) expect(model.organisation(organisation.id)?.name).toEqual(organisation.name);
  });

  it('spells one product in several ways that normalise to one product', () => {
    const model = Model.load(small);
    const spellings = new Map<string, Set<string>>();
    for (const system of small.systems) {
      const key = model.productOf(system.id)?.key;
      if (key === undefined || system.product === undefined) continue;
      if (!spellings.has(key)) spellings.set(key, new Set());
      spellings.get(key)!.add(system.product);
    }
    const varied = [...spellings.values()].filter((set) => set.size >= 3);
    expect(varied.length).toBeGreaterThan(5);
    // Invented local products are not in the catalogue and still group case-insensitively.
    expect([...spellings.entries()].some(([key, set]) => model.product(key) === undefined && set.size >= 2)).toBe(true);
  });

  it('has the ingredients of a real landscape', () => {
    const model = Model.load(small);
    const lifecycles = new Set(small.systems.map((s) => s.lifecycle));
    expect([...lifecycles].sort()).toEqual(['development', 'phasingOut', 'planned', 'production', 'retired']);
    expect(new Set(small.systems.map((s) => s.class))).toEqual(new Set(['TORI', 'TOSI']));
    const platforms = small.systems.filter((s) => s.platform === true);
    expect(platforms.length).toBeGreaterThanOrEqual(2);
    const via = count(small.integrations, (i) => i.via !== undefined);
    expect(via / small.integrations.length).toBeGreaterThan(0.2);
    for (const integration of small.integrations) {
      if (integration.via !== undefined) expect(model.system(integration.via)?.platform).toBe(true);
      expect(integration.source).not.toBe(integration.target);
    }
    const dependsOnPlatform = model.relations('dependsOn').filter((r) => model.system(r.to)?.platform === true);
    expect(dependsOnPlatform.length).toBeGreaterThan(0);
    expect(count(small.systems, (s) => s.contract?.ends !== undefined)).toBeGreaterThan(500);
    for (const type of ['memberOf', 'provides', 'owns', 'uses', 'supports', 'dependsOn', 'replaces'] as const) {
      expect(model.relations(type).length, type).toBeGreaterThan(0);
    }
    // Every system has exactly one owner.
    const owners = new Map<string, number>();
    for (const relation of model.relations('owns')) owners.set(relation.to, (owners.get(relation.to) ?? 0) + 1);
    expect(owners.size).toBe(1_000);
    expect([...owners.values()].every((n) => n === 1)).toBe(true);
  });

  it('always produces a valid document (any seed, any size)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 40, max: 300 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, systems, regions) => {
          const doc = generateRegionModel({ seed, systems, regions, municipalitiesPerRegion: 3 });
          const result = Model.safeLoad(doc);
          expect(result.ok ? [] : result.issues.slice(0, 3)).toEqual([]);
          expect(doc.systems).toHaveLength(systems);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('rejects options it cannot honour with a typed error', () => {
    const invalid = (make: () => unknown, option: string) => {
      try {
        make();
        expect.fail(`expected ${option} to be rejected`);
      } catch (error) {
        expect(error).toBeInstanceOf(GeneratorOptionError);
        expect(error).toBeInstanceOf(KarttaError);
        expect((error as GeneratorOptionError).code).toBe('option.invalid');
        expect((error as GeneratorOptionError).option).toBe(option);
      }
    };
    invalid(() => generateRegionModel({ seed: 1, systems: -5 }), 'systems');
    invalid(() => generateRegionModel({ seed: 1, systems: 1.5 }), 'systems');
    invalid(() => generateRegionModel({ seed: 1, systems: 10 }), 'systems'); // less than the infrastructure
    invalid(() => generateRegionModel({ seed: Number.NaN, systems: 100 }), 'seed');
    invalid(() => generateRegionModel({ seed: 1, systems: 100, regions: 0 }), 'regions');
    invalid(() => generateRegionModel({ seed: 1, systems: 100, integrationsPerSystem: -1 }), 'integrationsPerSystem');
    invalid(() => generateMigrationPlan(small, { seed: 1, steps: 100_000 }), 'steps');
    invalid(() => generateMigrationPlan(small, { seed: 1, steps: 10, scope: 'nowhere' }), 'scope');
    invalid(() => generateMigrationPlan(small, { seed: 1, steps: 10, waveMonths: 0 }), 'waveMonths');
  });
});

/**
 * The hard rules of the design, read independently of any planner (dependencies taken transitively, which only
 * adds constraints): `after`; what a step moves onto (target, or the rehosted system) is ready first; nothing is
 * retired under a step's system that still needs it. Returns the steps in a valid order, or null on a cycle.
 */
function hardRuleOrder(doc: KarttaDocument, plan: GeneratedPlan): string[] | null {
  const deps = new Map<string, string[]>();
  for (const r of doc.relations) if (r.type === 'dependsOn') deps.set(r.from, [...(deps.get(r.from) ?? []), r.to]);
  const closure = (id: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(deps.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(deps.get(next) ?? []));
    }
    return seen;
  };
  const edges = new Map<string, Set<string>>(plan.steps.map((s) => [s.id, new Set<string>()]));
  const add = (from: string, to: string) => from !== to && edges.get(from)!.add(to);
  for (const step of plan.steps) for (const before of step.after ?? []) add(before, step.id);
  for (const a of plan.steps) {
    const readyA = a.action === 'rehost' ? a.system : a.target;
    const needsA = readyA === undefined ? new Set<string>() : closure(readyA);
    const aliveA = closure(a.system);
    for (const b of plan.steps) {
      if (a === b) continue;
      const readyB = b.action === 'rehost' ? b.system : b.target;
      if (readyB !== undefined && needsA.has(readyB)) add(b.id, a.id);
      if (b.action !== 'rehost' && aliveA.has(b.system)) add(a.id, b.id);
    }
  }
  const indegree = new Map<string, number>(plan.steps.map((s) => [s.id, 0]));
  for (const targets of edges.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const queue = plan.steps.filter((s) => indegree.get(s.id) === 0).map((s) => s.id);
  const order: string[] = [];
  while (queue.length > 0) {
    const next = queue.shift()!;
    order.push(next);
    for (const t of edges.get(next)!) {
      indegree.set(t, indegree.get(t)! - 1);
      if (indegree.get(t) === 0) queue.push(t);
    }
  }
  return order.length === plan.steps.length ? order : null;
}

describe('generateMigrationPlan', () => {
  const doc = generateRegionModel({ seed: 11, systems: 10_000 });
  const plan = generateMigrationPlan(doc, { seed: 11, steps: 1_000 });

  it('gives exactly the steps asked, deterministically', () => {
    expect(plan.steps).toHaveLength(1_000);
    expect(generateMigrationPlan(doc, { seed: 11, steps: 1_000 })).toEqual(plan);
    expect(generateMigrationPlan(doc, { seed: 12, steps: 1_000 }).steps.map((s) => s.system)).not.toEqual(
      plan.steps.map((s) => s.system),
    );
    expect(plan).toMatchObject({ start: '2019-01-01', waveMonths: 3, capacity: 40 });
  });

  it('names existing systems, unique step ids and only earlier steps in after', () => {
    const model = Model.load(doc);
    expect(new Set(plan.steps.map((s) => s.id)).size).toBe(1_000);
    const seen = new Set<string>();
    const moved = new Set<string>();
    for (const step of plan.steps) {
      expect(model.system(step.system), step.system).toBeDefined();
      if (step.target !== undefined) expect(model.system(step.target), step.target).toBeDefined();
      for (const before of step.after ?? []) expect(seen.has(before)).toBe(true);
      if (step.action === 'consolidate')
        expect(model.productOf(step.system)?.key).toBe(model.productOf(step.target!)?.key);
      if (step.action === 'consolidate' || step.action === 'replace') expect(step.target).not.toBe(step.system);
      expect(moved.has(step.system)).toBe(false);
      moved.add(step.system);
      seen.add(step.id);
    }
    // Nothing is both moved and a target that others move onto.
    for (const step of plan.steps) if (step.target !== undefined) expect(moved.has(step.target)).toBe(false);
    const actions = new Set(plan.steps.map((s) => s.action));
    expect([...actions].sort()).toEqual(['consolidate', 'rehost', 'replace', 'retire']);
  });

  it('has no cycle among the hard rules', () => {
    expect(hardRuleOrder(doc, plan)).not.toBeNull();
    const scoped = generateMigrationPlan(small, { seed: 2, steps: 100 });
    expect(hardRuleOrder(small, scoped)).not.toBeNull();
    // The checker itself does find cycles.
    const [first, second] = scoped.steps.filter((s) => s.action === 'consolidate');
    const broken: GeneratedPlan = {
      ...scoped,
      steps: [
        { ...first!, after: [second!.id] },
        { ...second!, after: [first!.id] },
      ],
    };
    expect(hardRuleOrder(small, broken)).toBeNull();
  });

  it('stays in scope when asked', () => {
    const model = Model.load(doc);
    const region = doc.organisations.filter((o) => o.kind === 'region')[1]!;
    const inScope = new Set(model.scope({ scope: region.id }).systems);
    const scoped = generateMigrationPlan(doc, { seed: 3, steps: 200, scope: region.id });
    expect(scoped.steps).toHaveLength(200);
    for (const step of scoped.steps) expect(inScope.has(step.system), step.system).toBe(true);
  });

  it('consolidates into the installation with most users, on a hand-made region', () => {
    const hand: KarttaDocument = {
      format: 'kartta/1',
      name: 'Käsin tehty',
      products: [{ id: 'basware', name: 'Basware', aliases: ['Basware P2P'] }],
      organisations: [
        { id: 'pop', kind: 'region', name: 'POP' },
        { id: 'oulu', kind: 'municipality', name: 'Oulu' },
        { id: 'ii', kind: 'municipality', name: 'Ii' },
        { id: 'kempele', kind: 'municipality', name: 'Kempele' },
      ],
      services: [],
      systems: [
        {
          id: 'b-oulu',
          name: 'Basware (Oulu)',
          class: 'TORI',
          product: 'Basware',
          lifecycle: 'production',
          users: 900,
        },
        { id: 'b-ii', name: 'Basware (Ii)', class: 'TORI', product: 'BASWARE P2P', lifecycle: 'production', users: 40 },
        {
          id: 'b-kempele',
          name: 'Basware (Kempele)',
          class: 'TORI',
          product: 'basware',
          lifecycle: 'phasingOut',
          users: 90,
        },
        { id: 'old', name: 'Old', class: 'TORI', product: 'Unique', lifecycle: 'retired' },
      ],
      integrations: [],
      relations: [
        { type: 'memberOf', from: 'oulu', to: 'pop' },
        { type: 'memberOf', from: 'ii', to: 'pop' },
        { type: 'memberOf', from: 'kempele', to: 'pop' },
        { type: 'owns', from: 'oulu', to: 'b-oulu' },
        { type: 'owns', from: 'ii', to: 'b-ii' },
        { type: 'owns', from: 'kempele', to: 'b-kempele' },
        { type: 'owns', from: 'oulu', to: 'old' },
      ],
    };
    const handPlan = generateMigrationPlan(hand, { seed: 1, steps: 2 });
    const summary = handPlan.steps.map((s) => `${s.action}:${s.system}>${s.target ?? ''}`).sort();
    expect(summary).toEqual(['consolidate:b-ii>b-oulu', 'consolidate:b-kempele>b-oulu']);
    // Only two steps exist here (the retired system is already out of use).
    expect(() => generateMigrationPlan(hand, { seed: 1, steps: 3 })).toThrow(GeneratorOptionError);
  });
});
