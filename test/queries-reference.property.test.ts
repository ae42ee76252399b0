/**
 * The queries reworked for speed (issue 16) give the answers they gave before: each is compared with the
 * implementation before the change, kept under test/reference/ as the oracle, on the sample region, on random
 * documents (test/arbitraries.ts) and on generated regions (kartta/testing) whose ids are renamed to hostile ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model, harmonisationCandidates, impactOf, lint, parallelSystems, type KarttaDocument } from '../src/index.js';
import { generateRegionModel } from '../src/testing/index.js';
import { documentArb } from './arbitraries.js';
import { PROTOTYPE_NAMES, renameIds, sampleDocument } from './hostile.js';
import { harmonisationCandidates as referenceHarmonisation } from './reference/harmonisation.js';
import { impactOf as referenceImpact } from './reference/impact.js';
import { lint as referenceLint } from './reference/lint.js';
import { parallelSystems as referenceParallel } from './reference/parallel.js';

const ASOF = '2021-06-01';

/** A generated region with some ids of every kind renamed to prototype member names and odd strings. */
function hostileGenerated(seed: number, systems: number): KarttaDocument {
  const doc = generateRegionModel({ seed, systems, regions: 2 }) as unknown as Record<string, unknown>;
  const odd = [...PROTOTYPE_NAMES, 'ä/../%00', '0', '-1', 'x'.repeat(200), 'a\u200bb'];
  const rename = new Map<string, string>();
  let next = 0;
  for (const collection of ['organisations', 'services', 'systems', 'integrations', 'products']) {
    const list = (doc[collection] as { id: string }[] | undefined) ?? [];
    // Every seventh id, spread over each collection, so that regions, platforms and pairs all meet one.
    for (let i = seed % 7; i < list.length && next < odd.length; i += 7) rename.set(list[i]!.id, odd[next++]!);
  }
  renameIds(doc, undefined, rename);
  return doc as unknown as KarttaDocument;
}

const models: [string, Model][] = [
  ['the sample', Model.load(sampleDocument())],
  ['a generated region (seed 1)', Model.load(generateRegionModel({ seed: 1, systems: 400, regions: 2 }))],
  ['a generated region with hostile ids (seed 2)', Model.load(hostileGenerated(2, 400))],
  ['a generated region with hostile ids (seed 3)', Model.load(hostileGenerated(3, 300))],
];

/** Every query of the model, from the implementation given. */
function answers(
  model: Model,
  queries: {
    lint: typeof lint;
    parallel: typeof parallelSystems;
    harmonisation: typeof harmonisationCandidates;
    impact: typeof impactOf;
  },
) {
  const regions = model
    .organisations()
    .filter((o) => o.kind === 'region')
    .map((o) => o.id);
  const systems = model.systems().map((s) => s.id);
  // Impact of a spread of systems (platforms among them), not all: the oracle walks the whole model each time.
  const probes = systems.filter((_, i) => i % Math.max(1, Math.floor(systems.length / 12)) === 0);
  for (const s of model.systems()) if (s.platform === true) probes.push(s.id);
  return {
    lint: queries.lint(model, { asOf: ASOF }),
    lintScoped: regions.map((scope) => queries.lint(model, { asOf: ASOF, scope })),
    parallel: queries.parallel(model, { allowedUntil: '2021-01-01', asOf: ASOF }),
    parallelScoped: regions.map((scope) => queries.parallel(model, { scope })),
    harmonisation: queries.harmonisation(model),
    harmonisationScoped: regions.map((scope) => queries.harmonisation(model, { scope })),
    impact: probes.map((id) => [queries.impact(model, id), queries.impact(model, id, { depth: 1 })]),
  };
}

const current = { lint, parallel: parallelSystems, harmonisation: harmonisationCandidates, impact: impactOf };
const reference = {
  lint: referenceLint,
  parallel: referenceParallel,
  harmonisation: referenceHarmonisation,
  impact: referenceImpact,
};

describe('the reworked queries answer as the previous implementation did', () => {
  for (const [what, model] of models) {
    it(`on ${what}`, () => {
      expect(answers(model, current)).toEqual(answers(model, reference));
    });
  }

  it('on random documents', () => {
    fc.assert(
      fc.property(documentArb(8), (input) => {
        const loaded = Model.safeLoad(input);
        if (!loaded.ok) return;
        expect(answers(loaded.model, current)).toEqual(answers(loaded.model, reference));
      }),
      { numRuns: 150 },
    );
  });
});
