import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model, fromArchimateXml, toArchimateXml, type ArchimatePlan, type ArchimatePlanResult } from '../src/index.js';
import type { ViewSpec } from '../src/archimate/views/types.js';
import { generateMigrationPlan, generateRegionModel } from '../src/testing/index.js';
import { documentArb } from './arbitraries.js';
import {
  danglingReferences,
  disallowedRelationships,
  skipShared,
  parseExchange,
  readShared,
  repoDir,
  schemaErrors,
} from './archimate-support.js';
import { smallRegion } from './fixtures.js';

/** Waves of at most `capacity` steps in plan order: enough to exercise the plan layer's writing. */
function inOrder(plan: ArchimatePlan, capacity = 3): ArchimatePlanResult {
  const waves: { index: number; steps: string[] }[] = [];
  plan.steps.forEach((step, i) => {
    const index = Math.floor(i / capacity) + 1;
    if (!waves[index - 1]) waves.push({ index, steps: [] });
    waves[index - 1]!.steps.push(step.id);
  });
  return { waves };
}

/** Schema-valid, only allowed relationships, no dangling references. */
async function expectValid(xml: string): Promise<void> {
  const file = parseExchange(xml);
  expect(disallowedRelationships(file)).toEqual([]);
  expect(danglingReferences(file)).toEqual([]);
  expect(await schemaErrors(xml)).toEqual([]);
}

const samplePath = join(repoDir, 'examples', 'pohjois-pohjanmaa.json');
const samplePlanPath = join(repoDir, 'examples', 'pohjois-pohjanmaa.plan.json');

describe.skipIf(skipShared)('exports validate against the Open Group schema and the relationship table', () => {
  it('the small region', async () => {
    await expectValid(toArchimateXml(Model.load(smallRegion())));
  });

  it('the sample region, with its plan', async () => {
    const model = Model.load(readFileSync(samplePath, 'utf8'));
    await expectValid(toArchimateXml(model));
    const plan = JSON.parse(readFileSync(samplePlanPath, 'utf8')) as ArchimatePlan;
    await expectValid(toArchimateXml(model, { plan, planResult: inOrder(plan) }));
  });

  it('the sample region with its plan placed by planMigration and every generated view', async () => {
    const model = Model.load(readFileSync(samplePath, 'utf8'));
    const plan = JSON.parse(readFileSync(samplePlanPath, 'utf8')) as ArchimatePlan;
    const xml = toArchimateXml(model, { plan, views: true });
    await expectValid(xml);
    const file = parseExchange(xml);
    const kinds = new Set(file.views.map((v) => v.identifier.split('.')[1]));
    expect([...kinds].sort()).toEqual(['landscape', 'parallel', 'waves']);
    for (const view of file.views) expect(view.nodes.length).toBeGreaterThan(0);
    // The same views given again as ready-made diagrams would repeat their identifiers: refused, not written twice.
    const { buildViews } = await import('../src/index.js');
    const again = buildViews(model, { parallel: true, landscapes: false });
    expect(() => toArchimateXml(model, { views: { landscapes: false }, diagrams: again })).toThrow(
      expect.objectContaining({ code: 'archimate.identifier-collision', identifier: again[0]?.identifier }),
    );
    // Imported again, the views are kept as extras and written back byte for byte.
    const { model: back, extras } = fromArchimateXml(xml);
    expect(toArchimateXml(back, { extras })).toBe(xml);
  });

  it('generated regions, with generated plans', async () => {
    for (const seed of [1, 2]) {
      const doc = generateRegionModel({ seed, systems: 300 });
      const model = Model.load(doc);
      const plan = generateMigrationPlan(doc, { seed, steps: 25 }) as ArchimatePlan;
      await expectValid(toArchimateXml(model, { plan, planResult: inOrder(plan, 4) }));
    }
  });

  it('generated documents (property)', async () => {
    const docs = fc.sample(documentArb(6), { numRuns: 25, seed: 7 });
    const xml = docs.map((doc) => toArchimateXml(Model.load(doc)));
    for (const text of xml) {
      const file = parseExchange(text);
      expect(disallowedRelationships(file)).toEqual([]);
      expect(danglingReferences(file)).toEqual([]);
    }
    // A schema run costs some 100 ms in WASM: the table and references are checked on all, the schema on ten.
    for (const text of xml.slice(0, 10)) expect(await schemaErrors(text)).toEqual([]);
  });

  it('an export with a plan and views: nodes show elements, connections join the nodes of their relationship', async () => {
    const model = Model.load(smallRegion());
    const view: ViewSpec = {
      identifier: 'view.landscape.oulu',
      name: 'Oulu: järjestelmät & palvelut',
      documentation: 'Käsin tehty näkymä',
      nodes: [
        { identifier: 'view.landscape.oulu.n.0', elementRef: 'id-oulu', x: 12, y: 12, w: 120, h: 55 },
        {
          identifier: 'view.landscape.oulu.n.1',
          elementRef: 'id-pop',
          x: 200,
          y: 12,
          w: 400,
          h: 200,
          children: [
            { identifier: 'view.landscape.oulu.n.2', elementRef: 'id-lifecare-oulu', x: 220, y: 60, w: 120, h: 55 },
          ],
        },
      ],
      connections: [
        {
          identifier: 'view.landscape.oulu.c.0',
          relationshipRef: 'rel.owns.oulu.lifecare-oulu',
          source: 'view.landscape.oulu.n.0',
          target: 'view.landscape.oulu.n.2',
          bendpoints: [{ x: 72, y: 100 }],
        },
        {
          identifier: 'view.landscape.oulu.c.1',
          relationshipRef: 'rel.memberOf.oulu.pop',
          source: 'view.landscape.oulu.n.1',
          target: 'view.landscape.oulu.n.0',
        },
      ],
    };
    const plan: ArchimatePlan = { steps: [{ id: 'retire-old', action: 'retire', system: 'old-ppj' }] };
    const xml = toArchimateXml(model, {
      diagrams: [view],
      plan,
      planResult: { waves: [{ index: 1, steps: ['retire-old'] }] },
    });
    await expectValid(xml);
    const file = parseExchange(xml);
    expect(file.views).toEqual([
      {
        identifier: 'view.landscape.oulu',
        name: 'Oulu: järjestelmät & palvelut',
        nodes: [
          {
            identifier: 'view.landscape.oulu.n.0',
            type: 'Element',
            elementRef: 'id-oulu',
            x: 12,
            y: 12,
            w: 120,
            h: 55,
          },
          {
            identifier: 'view.landscape.oulu.n.1',
            type: 'Element',
            elementRef: 'id-pop',
            x: 200,
            y: 12,
            w: 400,
            h: 200,
          },
          {
            identifier: 'view.landscape.oulu.n.2',
            type: 'Element',
            elementRef: 'id-lifecare-oulu',
            x: 220,
            y: 60,
            w: 120,
            h: 55,
            parent: 'view.landscape.oulu.n.1',
          },
        ],
        connections: [
          {
            identifier: 'view.landscape.oulu.c.0',
            relationshipRef: 'rel.owns.oulu.lifecare-oulu',
            source: 'view.landscape.oulu.n.0',
            target: 'view.landscape.oulu.n.2',
            bendpoints: [{ x: 72, y: 100 }],
            children: ['bendpoint'],
          },
          {
            identifier: 'view.landscape.oulu.c.1',
            relationshipRef: 'rel.memberOf.oulu.pop',
            source: 'view.landscape.oulu.n.1',
            target: 'view.landscape.oulu.n.0',
            bendpoints: [],
            children: [],
          },
        ],
      },
    ]);
    expect(file.folders.get('Views')).toEqual(['view.landscape.oulu']);
    // Archi refuses connections that do not show their relationship's own ends in its direction.
    const nodeElement = new Map(file.views[0]!.nodes.map((n) => [n.identifier, n.elementRef]));
    for (const connection of file.views[0]!.connections) {
      const relationship = file.relationships.find((r) => r.identifier === connection.relationshipRef)!;
      expect([nodeElement.get(connection.source), nodeElement.get(connection.target)]).toEqual([
        relationship.source,
        relationship.target,
      ]);
    }
    // Imported again, the view is kept and written back unchanged.
    const { model: back, extras } = fromArchimateXml(xml);
    expect(toArchimateXml(back, { extras })).toBe(xml);
  });

  for (const sample of ['archi-sample1.xml', 'archi-bendpoints.xml']) {
    it(`the re-export of Archi's ${sample}`, async () => {
      const { model, extras } = fromArchimateXml(readShared('examples', sample));
      await expectValid(toArchimateXml(model, { extras }));
    });
  }
});
