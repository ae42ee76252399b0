/**
 * The queries reworked for speed (issue 16) give the answers they gave before: each is compared with the
 * implementation before the change, kept under test/reference/ as the oracle, on the sample region, on random
 * documents (test/arbitraries.ts) and on generated regions (kartta/testing) whose ids are renamed to hostile ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Model,
  harmonisationCandidates,
  impactOf,
  lint,
  parallelSystems,
  type KarttaDocument,
  type LintFinding,
  type ParallelGroup,
  type ParallelOptions,
  type ParallelPairCounts,
} from '../src/index.js';
import { compareStrings } from '../src/queries/facts.js';
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

/**
 * Lint findings with those of `tosi.parallel-unintegrated` taken apart into their pairs: the rule now reports one
 * finding per service and region with the pairs inside, where it reported one per pair, and the pairs must be the
 * same (each once, as before: an organisation in two regions can put a pair in two groups).
 */
function lintAnswer(findings: readonly LintFinding[]) {
  const PARALLEL = 'tosi.parallel-unintegrated';
  const pairs = new Set<string>();
  for (const finding of findings) {
    if (finding.rule !== PARALLEL) continue;
    if (finding.pairs) {
      // Listed in full (maxPairs: Infinity): as many as counted, in order, each system of one in `related`.
      expect(finding.pairs.shown).toHaveLength(finding.pairs.count);
      expect(finding.data.gaps).toBe(finding.pairs.count);
      const sorted = [...finding.pairs.shown].sort(
        ([a1, b1], [a2, b2]) => compareStrings(a1, a2) || compareStrings(b1, b2),
      );
      expect(finding.pairs.shown).toEqual(sorted);
      expect(new Set(finding.related)).toEqual(new Set(finding.pairs.shown.flat()));
      for (const [a, b] of finding.pairs.shown) pairs.add(JSON.stringify([finding.entity, a, b]));
    } else {
      pairs.add(JSON.stringify([finding.entity, ...finding.related]));
    }
  }
  return {
    others: findings.filter((f) => f.rule !== PARALLEL),
    parallelPairs: [...pairs].sort(),
    severities: [...new Set(findings.filter((f) => f.rule === PARALLEL).map((f) => f.severity))],
  };
}
/** Pairs counted by status. */
function countPairs(pairs: readonly { status: 'direct' | 'platform' | 'none' }[]): ParallelPairCounts {
  const counts = { total: pairs.length, direct: 0, platform: 0, none: 0 };
  for (const pair of pairs) counts[pair.status]++;
  return counts;
}

/**
 * The previous `parallelSystems`, which listed every pair, brought to the capped answer: the counts taken from its
 * full list, the first `maxPairs` pairs and gaps of it, and the names of what those pairs list.
 */
function referenceParallelCapped(model: Model, options: ParallelOptions = {}): ParallelGroup[] {
  const { maxPairs = 10, ...rest } = options;
  return referenceParallel(model, rest).map((group) => {
    const pairs = group.pairs.slice(0, maxPairs);
    const listed = new Set([group.service, ...group.systems, ...pairs.flatMap((p) => p.platforms)]);
    return {
      ...group,
      pairs,
      pairCounts: countPairs(group.pairs),
      productGroups: group.productGroups.map((product) => ({
        ...product,
        pairCounts: countPairs(group.pairs.filter((p) => p.products.includes(product.product))),
      })),
      reasons: group.reasons.map((reason) => {
        if (reason.code !== 'parallel.gaps') return reason;
        const shown = reason.pairs.slice(0, maxPairs);
        const more = reason.pairs.length - shown.length;
        return {
          code: reason.code,
          count: reason.pairs.length,
          pairs: shown,
          message:
            shown.length === 0
              ? `no data flows between ${reason.pairs.length === 1 ? 'one pair' : `${reason.pairs.length} pairs`} of them`
              : `no data flows between ${shown.map((p) => `'${p[0]}' and '${p[1]}'`).join(', ')}${more > 0 ? ` (and ${more} more)` : ''}`,
        };
      }),
      names: group.names.filter((name) => listed.has(name.id)),
    };
  });
}

/** Rules the oracle does not have: added after the split (issue 15's obligations), so compared elsewhere. */
const known = (finding: { rule: string }): boolean => finding.rule !== 'system.obligated-offering';

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
    lint: lintAnswer(queries.lint(model, { asOf: ASOF, maxPairs: Infinity }).filter(known)),
    lintScoped: regions.map((scope) =>
      lintAnswer(queries.lint(model, { asOf: ASOF, scope, maxPairs: Infinity }).filter(known)),
    ),
    parallel: queries.parallel(model, { allowedUntil: '2021-01-01', asOf: ASOF, maxPairs: Infinity }),
    parallelCapped: [0, 1, 3].map((maxPairs) => queries.parallel(model, { maxPairs })),
    parallelScoped: regions.map((scope) => queries.parallel(model, { scope })),
    harmonisation: queries.harmonisation(model),
    harmonisationScoped: regions.map((scope) => queries.harmonisation(model, { scope })),
    impact: probes.map((id) => [queries.impact(model, id), queries.impact(model, id, { depth: 1 })]),
  };
}

const current = { lint, parallel: parallelSystems, harmonisation: harmonisationCandidates, impact: impactOf };
const reference = {
  // The previous lint has no maxPairs option, and no pairs to cap.
  lint: ((model, config) => {
    const { maxPairs, ...rest } = config ?? {};
    void maxPairs;
    return referenceLint(model, rest);
  }) as typeof lint,
  parallel: referenceParallelCapped,
  harmonisation: referenceHarmonisation,
  impact: referenceImpact,
};

describe('the reworked queries answer as the previous implementation did', () => {
  for (const [what, model] of models) {
    it(`on ${what}`, () => {
      expect(answers(model, current)).toEqual(answers(model, reference));
    });
  }

  it('impactOf answers the same whether or not an earlier query built the integration index', () => {
    for (const [, model] of models) {
      // A fresh load has no index: impactOf walks the graph; after harmonisationCandidates it reads the index.
      const fresh = Model.load(model.toJSON());
      const probes = fresh.systems().map((s) => s.id);
      const walked = probes.map((id) => impactOf(fresh, id));
      harmonisationCandidates(fresh);
      expect(probes.map((id) => impactOf(fresh, id))).toEqual(walked);
    }
  });

  it('caps the pairs a parallel finding lists, and counts them all', () => {
    const model = models[1]![1];
    const all = lint(model, { asOf: ASOF, maxPairs: Infinity, rules: { 'tosi.parallel-unintegrated': 'error' } });
    const capped = lint(model, { asOf: ASOF, rules: { 'tosi.parallel-unintegrated': 'error' } });
    const three = lint(model, { asOf: ASOF, maxPairs: 3, rules: { 'tosi.parallel-unintegrated': 'error' } });
    const parallel = (findings: LintFinding[]) => findings.filter((f) => f.rule === 'tosi.parallel-unintegrated');
    expect(parallel(all).some((f) => f.pairs!.count > 10)).toBe(true);
    for (const [cap, findings] of [
      [10, parallel(capped)],
      [3, parallel(three)],
    ] as const) {
      expect(findings.map((f) => [f.entity, f.related, f.pairs!.count])).toEqual(
        parallel(all).map((f) => [f.entity, f.related, f.pairs!.count]),
      );
      findings.forEach((f, i) => expect(f.pairs!.shown).toEqual(parallel(all)[i]!.pairs!.shown.slice(0, cap)));
      for (const f of findings)
        if (f.pairs!.count > cap) expect(f.message).toContain(`(and ${f.pairs!.count - cap} more)`);
    }
  });

  it('on dense groups, with systems integrated with more platforms than the counting lists subsets of', () => {
    // One service, up to 14 TOSI systems of 3 products, 9 platforms (some retired): many systems on 7+ platforms.
    const arb = fc.record({
      products: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 14 }),
      retiredPlatforms: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
      integrations: fc.array(
        fc.record({ a: fc.nat(22), b: fc.nat(22), via: fc.option(fc.nat(8), { nil: undefined }) }),
        { maxLength: 60, size: 'max' },
      ),
      // Integrations with platforms as hubs: enough for several systems to be on seven or more of them.
      hubs: fc.array(fc.record({ s: fc.nat(13), p: fc.nat(8) }), { minLength: 20, maxLength: 110, size: 'max' }),
    });
    fc.assert(
      fc.property(arb, ({ products, retiredPlatforms, integrations, hubs }) => {
        const tosi = products.map((p, i) => ({
          id: i === 0 ? '__proto__' : `s${i}`,
          name: `S${i}`,
          class: 'TOSI' as const,
          lifecycle: 'production' as const,
          product: `P${p}`,
        }));
        const platforms = retiredPlatforms.map((retired, i) => ({
          id: i === 0 ? 'constructor' : `p${i}`,
          name: `P${i}`,
          class: 'TORI' as const,
          lifecycle: retired ? ('retired' as const) : ('production' as const),
          platform: true,
        }));
        const all = [...tosi, ...platforms];
        const id = (n: number) => all[n % all.length]!.id;
        const doc = {
          format: 'kartta/1' as const,
          name: 'dense',
          services: [{ id: 'toString', name: 'Service', domain: 'health' as const }],
          systems: all,
          integrations: [
            ...integrations.map(({ a, b, via }, i) => ({
              id: `i${i}`,
              source: id(a),
              target: id(b),
              ...(via === undefined ? {} : { via: platforms[via]!.id }),
            })),
            ...hubs.map(({ s, p }, i) => ({
              id: `h${i}`,
              source: tosi[s % tosi.length]!.id,
              target: platforms[p]!.id,
            })),
          ],
          relations: tosi.map((s) => ({ type: 'supports' as const, from: s.id, to: 'toString' })),
        };
        const loaded = Model.safeLoad(doc);
        if (!loaded.ok) return;
        const rules = { 'tosi.parallel-unintegrated': 'error' } as const;
        expect(lintAnswer(lint(loaded.model, { asOf: ASOF, maxPairs: Infinity, rules }))).toEqual(
          lintAnswer(referenceLint(loaded.model, { asOf: ASOF, rules })),
        );
        for (const maxPairs of [Infinity, 2])
          expect(parallelSystems(loaded.model, { maxPairs })).toEqual(
            referenceParallelCapped(loaded.model, { maxPairs }),
          );
      }),
      { numRuns: 300 },
    );
  });

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
