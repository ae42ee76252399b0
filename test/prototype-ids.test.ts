/**
 * Issue 8 §1: every id the format allows works everywhere. The sample region is loaded with some of its ids
 * renamed to every own member name of Object.prototype and Function.prototype (`__proto__`, `constructor`,
 * `toString`, `call`, ...), once for each kind of entity, then queried with every query, edited, exported with
 * views and the plan, and imported again; the answers must match those on the unrenamed sample, and no shared
 * prototype may change.
 */
import { describe, expect, it } from 'vitest';
import {
  Model,
  fromArchimateXml,
  graphKey,
  harmonisationCandidates,
  idOfGraphKey,
  impactOf,
  lint,
  parallelSystems,
  planMigration,
  toArchimateXml,
  type KarttaDocument,
} from '../src/index.js';
import {
  PROTOTYPE_NAMES,
  prototypeChanges,
  prototypeSnapshot,
  renameIds,
  sampleDocument,
  samplePlan,
} from './hostile.js';

const collections = ['organisations', 'services', 'systems', 'integrations', 'products'] as const;
/** Ids renamed first in each collection: the region root, the platforms and systems the plan moves. */
const preferred = [
  'pop',
  'oulu',
  'ppshp',
  'primary-care',
  'finance',
  'pop-esb',
  'oulu-ad',
  'pop-iam',
  'lifecare-oulu',
  'esko-ppshp',
  'basware-oulu',
  'i-001',
  'i-003',
  'esko',
  'lifecare',
];

function variant(collection: (typeof collections)[number]) {
  const doc = sampleDocument();
  const plan = samplePlan();
  const ids = (doc[collection] as { id: string }[]).map((e) => e.id);
  const ordered = [...ids.filter((id) => preferred.includes(id)), ...ids.filter((id) => !preferred.includes(id))];
  const rename = new Map(PROTOTYPE_NAMES.map((name, i) => [ordered[i] as string, name]));
  renameIds(doc, plan, rename);
  return { doc, plan, rename };
}

const baseline = Model.load(sampleDocument());
const baselinePlan = samplePlan();

/** The counts and costs each query gives, which renaming ids must not change. */
function answers(model: Model, plan: unknown, root: string, systems: readonly string[]) {
  const harmonisation = harmonisationCandidates(model, { scope: root });
  const parallel = parallelSystems(model, { scope: root });
  const migration = planMigration(model, plan);
  return {
    scope: [model.scope({ scope: root }).systems.length, model.membersOf(root).length],
    // Results are sorted by id, and renaming moves ids: compare them as sorted lists.
    harmonisation: harmonisation.map((c) => JSON.stringify([c.kind, c.systems.length, c.savings])).sort(),
    parallel: parallel.map((g) => JSON.stringify([g.systems.length, g.pairs.length, g.gaps])).sort(),
    lint: lint(model)
      .map((f) => f.rule)
      .sort(),
    impact: systems.map((id) => {
      const impact = impactOf(model, id);
      return [impact.integrated.length, impact.dependents.length, impact.services.length, impact.organisations.length];
    }),
    migration: [
      migration.waves.map((w) => w.steps.length),
      migration.cost,
      migration.bridges.length,
      migration.missedDeadlines.length,
    ],
    reads: systems.map((id) => [
      model.integrationsOf(id, { includeVia: true }).length,
      model.relationsIn(id).length,
      model.relationsOut(id).length,
      model.productOf(id)?.catalogue,
    ]),
  };
}

/** A document without an entity and everything that refers to it. */
function without(doc: KarttaDocument, id: string): KarttaDocument {
  return {
    ...doc,
    organisations: doc.organisations.filter((e) => e.id !== id),
    services: doc.services.filter((e) => e.id !== id),
    systems: doc.systems.filter((e) => e.id !== id),
    products: doc.products.filter((e) => e.id !== id),
    integrations: doc.integrations.filter((e) => e.id !== id && e.source !== id && e.target !== id && e.via !== id),
    relations: doc.relations.filter((r) => r.from !== id && r.to !== id),
    // The portfolio's projects and offerings that name it go with it (a share of a funding cannot just vanish).
    offerings: (doc.offerings ?? []).filter((o) => o.provider !== id && !o.services.includes(id)),
    projects: (doc.projects ?? []).filter(
      (p) =>
        !p.implementers?.includes(id) &&
        !p.funding?.some((f) => f.funder === id) &&
        !Object.values(p.deliverables ?? {}).some((ids: string[] | undefined) => ids?.includes(id)),
    ),
  };
}

describe('ids that are names of Object.prototype and Function.prototype members', () => {
  it('covers the names the issue lists', () => {
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'call',
      'bind',
    ]) {
      expect(PROTOTYPE_NAMES).toContain(name);
    }
  });

  for (const collection of collections) {
    it(`work everywhere as ids of ${collection}`, () => {
      const before = prototypeSnapshot();
      const { doc, plan, rename } = variant(collection);
      const model = Model.load(doc);
      for (const [old, name] of rename) {
        expect(model.get(name)?.entity).toMatchObject({ id: name });
        expect(model.get(old)).toBeUndefined();
      }

      const root = rename.get('pop') ?? 'pop';
      const baseSystems = baseline.systems().map((s) => s.id);
      const systems = baseSystems.map((id) => rename.get(id) ?? id);
      expect(answers(model, plan, root, systems)).toEqual(answers(baseline, baselinePlan, 'pop', baseSystems));

      // Edits: take every renamed entity out (with what refers to it), one at a time, and put it back by undoing.
      for (const name of rename.values()) {
        const { model: edited, inversePatches } = model.edit((draft) => without(draft, name));
        expect(edited.get(name)).toBeUndefined();
        expect(Model.load(edited.toJSON()).toJSON()).toEqual(edited.toJSON());
        expect(edited.applyPatches(inversePatches).toJSON()).toEqual(model.toJSON());
      }

      // Export with every view and the plan, and import again.
      const xml = toArchimateXml(model, { views: true, plan: plan as never });
      expect(fromArchimateXml(xml).model.toJSON()).toEqual(model.toJSON());

      expect(prototypeChanges(before, prototypeSnapshot())).toEqual([]);
    });
  }

  it('work as ids of migration steps', () => {
    const before = prototypeSnapshot();
    const plan = samplePlan();
    const steps = plan.steps as { id: string; after?: string[] }[];
    const rename = new Map(steps.map((step, i) => [step.id, PROTOTYPE_NAMES[i] as string]));
    renameIds({}, plan, rename);
    const renamed = planMigration(baseline, plan);
    const original = planMigration(baseline, baselinePlan);
    expect(renamed.cost).toBe(original.cost);
    // Ties are broken by id, so the waves may differ; the cost and the bookkeeping may not.
    expect(renamed.waves.map((w) => w.steps.length).sort()).toEqual(original.waves.map((w) => w.steps.length).sort());
    for (const name of rename.values()) {
      expect(Object.hasOwn(renamed.waveOf, name)).toBe(true);
      expect(renamed.waves[(renamed.waveOf[name] as number) - 1]?.steps).toContain(name);
    }
    expect(fromArchimateXml(toArchimateXml(baseline, { views: true, plan: plan as never })).model.toJSON()).toEqual(
      baseline.toJSON(),
    );
    expect(prototypeChanges(before, prototypeSnapshot())).toEqual([]);
  });

  it('work as ArchiMate identifiers of imported elements, with the flows and relationships to them', () => {
    const before = prototypeSnapshot();
    const xml = toArchimateXml(Model.load(sampleDocument()));
    expect(xml).toContain('identifier="id-lifecare-oulu"');
    for (const name of PROTOTYPE_NAMES) {
      const { model } = fromArchimateXml(xml.split('"id-lifecare-oulu"').join(`"${name}"`));
      expect(model.system(name)?.name).toBe(baseline.system('lifecare-oulu')?.name);
      expect(model.integrationsOf(name).length).toBe(baseline.integrationsOf('lifecare-oulu').length);
      expect(model.relationsIn(name).length).toBe(baseline.relationsIn('lifecare-oulu').length);
    }
    expect(prototypeChanges(before, prototypeSnapshot())).toEqual([]);
  });

  it('are kept apart from graph keys that other plain objects could answer for', () => {
    const { doc } = variant('systems');
    const model = Model.load(doc);
    for (const name of PROTOTYPE_NAMES) {
      const key = graphKey(name);
      expect(model.graph.hasNode(key)).toBe(true);
      expect(key in {}).toBe(false);
      expect(idOfGraphKey(key)).toBe(name);
      expect(model.graph.getNodeAttributes(key).entity.id).toBe(name);
    }
    expect(graphKey('oulu')).toBe('oulu');
    expect(model.graph.hasNode('oulu')).toBe(true);
  });
});
