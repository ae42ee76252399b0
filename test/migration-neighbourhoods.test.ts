/**
 * The MIP neighbourhood search that improves large plans a few waves at a time: every answer keeps the hard
 * rules and the capacity (checked here independently), is never worse than its start, and finds the better
 * placement of a hand-checked example.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model, planMigration, planMigrationOptimal } from '../src/index.js';
import { compareScores, scoreOf } from '../src/migration/objective.js';
import { improveByNeighbourhoods } from '../src/migration/neighbourhoods.js';
import { preparePlan } from '../src/migration/prepare.js';
import type { Problem } from '../src/migration/problem.js';
import { heuristicPlacement } from '../src/migration/heuristic.js';
import { loadSolver } from '../src/migration/solver.js';
import { generateMigrationPlan, generateRegionModel } from '../src/testing/index.js';
import { build, rawInstanceArb } from './migration-arbitraries.js';

const GENEROUS = 60_000;

/** The rules a placement must keep, written out again rather than taken from the code under test. */
function problemsOf(problem: Problem, wave: ArrayLike<number>): string[] {
  const found: string[] = [];
  const perWave = new Map<number, number>();
  for (let i = 0; i < problem.n; i++) {
    const w = wave[i] as number;
    if (!Number.isInteger(w) || w < 1) found.push(`${problem.ids[i]}: wave ${w}`);
    if (w < (problem.minWave[i] as number)) found.push(`${problem.ids[i]}: before notBefore`);
    for (const p of problem.preds[i] ?? [])
      if ((wave[p] as number) >= w) found.push(`${problem.ids[p]} must come before ${problem.ids[i]}`);
    perWave.set(w, (perWave.get(w) ?? 0) + 1);
  }
  for (const [w, count] of perWave) if (count > problem.capacity) found.push(`wave ${w}: ${count} steps`);
  return found;
}

function problemOf(model: Model, plan: unknown, weights?: Map<string, number>): Problem {
  return preparePlan('test', model, plan, weights ? (i) => weights.get(i.id) ?? 1 : undefined).problem;
}

describe('improveByNeighbourhoods', () => {
  it('joins a chain split across two waves: 1,2,1,2 becomes two waves of neighbours (hand-checked)', async () => {
    // s0 - s1 - s2 - s3 integrated in a chain, two steps a wave: the start pays three bridges, the best one.
    const systems = [0, 1, 2, 3].map((k) => ({
      id: `s${k}`,
      name: `S${k}`,
      class: 'TOSI' as const,
      lifecycle: 'production' as const,
    }));
    const integrations = [0, 1, 2].map((k) => ({ id: `i${k}`, source: `s${k}`, target: `s${k + 1}` }));
    const model = Model.load({ format: 'kartta/1', name: 'Chain', systems, integrations });
    const plan = { capacity: 2, steps: [0, 1, 2, 3].map((k) => ({ id: `t${k}`, action: 'retire', system: `s${k}` })) };
    const problem = problemOf(model, plan);
    const start = Int32Array.from([1, 2, 1, 2]);
    expect(scoreOf(problem, start).cost).toBe(3);
    const result = improveByNeighbourhoods(await loadSolver(), problem, start, performance.now() + GENEROUS);
    expect(result.improved).toBe(true);
    expect(scoreOf(problem, result.wave).cost).toBe(1);
    // Neighbours together, in the two waves there were; which pair goes first is the whole MIP's tie-break.
    const [a, b, c, d] = Array.from(result.wave);
    expect(a).toBe(b);
    expect(c).toBe(d);
    expect([a, c].sort()).toEqual([1, 2]);
    expect(Array.from(start)).toEqual([1, 2, 1, 2]);
  });

  it('returns its start untouched when the time is already up', async () => {
    const doc = generateRegionModel({ seed: 7, systems: 600 });
    const model = Model.load(doc);
    const problem = problemOf(model, generateMigrationPlan(doc, { seed: 7, steps: 60 }));
    const start = heuristicPlacement(problem);
    const result = improveByNeighbourhoods(await loadSolver(), problem, start, performance.now() - 1);
    expect(result.improved).toBe(false);
    expect(result.solved).toBe(0);
    expect(Array.from(result.wave)).toEqual(Array.from(start));
  });

  it('keeps every rule and never makes a plan worse, on random plans and on generated ones', async () => {
    const highs = await loadSolver();
    fc.assert(
      fc.property(rawInstanceArb(30, 40, 6), (raw) => {
        const instance = build(raw);
        const model = Model.load(instance.doc);
        let problem: Problem;
        try {
          problem = problemOf(model, instance.plan, instance.weights);
        } catch {
          return; // cycles are planMigration's to report
        }
        const start = heuristicPlacement(problem);
        const result = improveByNeighbourhoods(highs, problem, start, performance.now() + GENEROUS);
        expect(problemsOf(problem, result.wave)).toEqual([]);
        const order = compareScores(scoreOf(problem, result.wave), scoreOf(problem, start));
        expect(order).toBeLessThanOrEqual(0);
        expect(result.improved).toBe(order < 0);
      }),
      { numRuns: 20 },
    );
    const doc = generateRegionModel({ seed: 11, systems: 1500 });
    const model = Model.load(doc);
    const problem = problemOf(model, generateMigrationPlan(doc, { seed: 11, steps: 120 }));
    const start = heuristicPlacement(problem);
    const result = improveByNeighbourhoods(highs, problem, start, performance.now() + GENEROUS);
    expect(problemsOf(problem, result.wave)).toEqual([]);
    expect(compareScores(scoreOf(problem, result.wave), scoreOf(problem, start))).toBeLessThanOrEqual(0);
  }, 300_000);
});

describe('planMigrationOptimal on a plan larger than the whole MIP takes at once', () => {
  it('says when the neighbourhoods improved the plan, and is never worse than planMigration', async () => {
    const doc = generateRegionModel({ seed: 2026, systems: 3000 });
    const model = Model.load(doc);
    const plan = generateMigrationPlan(doc, { seed: 2026, steps: 150 });
    const heuristic = planMigration(model, plan);
    const result = await planMigrationOptimal(model, plan, { timeLimit: 6 });
    const codes = result.reasons.map((r) => r.code);
    expect(result.missedDeadlines.length).toBeLessThanOrEqual(heuristic.missedDeadlines.length);
    if (result.missedDeadlines.length === heuristic.missedDeadlines.length)
      expect(result.cost).toBeLessThanOrEqual(heuristic.cost);
    if (codes.includes('plan.mip-neighbourhoods')) expect(result.method).toBe('mip');
    if (result.cost < heuristic.cost) expect(result.method).toBe('mip');
  }, 120_000);
});
