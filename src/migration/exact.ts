/**
 * The exact planner for small plans: dynamic programming over waves with branch and bound.
 *
 * A state is "the set P of steps placed in waves 1..k". Two ways of reaching the same state have the same
 * futures, and under the objective the better partial placement (fewer missed deadlines, then less bridge weight
 * inside P, then the earlier waves in tie-break order) stays better whatever the future, so each state keeps one
 * partial placement. Moving from wave k to k+1 places any set of ready steps up to the capacity. A wave is left
 * empty only to wait for a `notBefore`, and then every wave up to the next one that opens for some step stays
 * empty too: a step placed inside such a stretch of empty waves could move to its first wave, which keeps every
 * hard rule and makes every criterion better or equal. A state is dropped when a lower bound of every completion
 * is no better than the best complete placement known. No optimal placement needs more than M + n - 1 waves (M
 * the latest `notBefore` wave), by the same argument.
 */
import { compareScores, scoreOf, type Score } from './objective.js';
import type { Problem } from './problem.js';

/**
 * Exhaustive search is exponential in the number of steps; the solver works on 32-bit masks of at most this many.
 * `planMigration` keeps to it: its `exhaustiveLimit` option cannot go higher.
 */
export const MAX_EXACT_STEPS = 20;

interface Partial {
  readonly missed: number;
  readonly cost: number;
  readonly wave: Int32Array;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The optimal placement of a problem of at most {@link MAX_EXACT_STEPS} steps; `incumbent` is a valid placement
 * to start the bound from.
 */
export function exactPlacement(problem: Problem, incumbent: Int32Array): Int32Array {
  const { n, capacity } = problem;
  if (n === 0) return new Int32Array(0);
  const full = (1 << n) - 1;
  const predMask = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (const p of problem.preds[i] ?? []) predMask[i] = (predMask[i] as number) | (1 << p);
  const ancestors = new Array<number>(n).fill(0);
  for (const i of problem.topo) {
    let mask = predMask[i] as number;
    for (const p of problem.preds[i] ?? []) mask |= ancestors[p] as number;
    ancestors[i] = mask;
  }
  const weight = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (const [j, w] of problem.neighbours[i] ?? []) weight[i * n + j] = (weight[i * n + j] as number) + w;

  let best = incumbent;
  let bestScore: Score = scoreOf(problem, incumbent);
  const maxMin = Math.max(1, ...problem.minWave);
  const lastLevel = maxMin + n - 1;
  const est = new Array<number>(n).fill(0);
  const bound = new Int32Array(n);
  const freeWeights = new Float64Array(n);

  /** True when no completion of (P placed in waves 1..k) can beat the best known placement. */
  const hopeless = (placed: number, k: number, partial: Partial): boolean => {
    let missed = partial.missed;
    let cost = partial.cost;
    let waves = 0;
    for (const i of problem.topo) {
      if (placed & (1 << i)) {
        bound[i] = partial.wave[i] as number;
        continue;
      }
      let e = Math.max(k + 1, problem.minWave[i] as number);
      for (const p of problem.preds[i] ?? []) if (!(placed & (1 << p))) e = Math.max(e, (est[p] as number) + 1);
      est[i] = e;
      bound[i] = e;
      if (e > waves) waves = e;
      if (e > (problem.maxWave[i] as number)) missed++;
      // Integrations to placed steps are bridges; so are those to a step that must come later than this one.
      // Of the others, at most capacity - 1 can share this step's wave: the rest are bridges too (each such
      // bridge is seen from both its ends, hence the half).
      let free = 0;
      let count = 0;
      for (let j = 0; j < n; j++) {
        const w = weight[i * n + j] as number;
        if (w === 0) continue;
        if (placed & (1 << j)) cost += w;
        else if ((ancestors[i] as number) & (1 << j)) cost += w;
        else if (!((ancestors[j] as number) & (1 << i))) {
          free += w;
          freeWeights[count++] = w;
        }
      }
      if (count > capacity - 1) {
        const list = freeWeights.subarray(0, count).sort();
        let kept = 0;
        // count > capacity - 1, so the loop stays within the list.
        for (let t = count - 1; t >= count - (capacity - 1); t--) kept += list[t] as number;
        cost += (free - kept) / 2;
      }
    }
    return compareScores({ missed, cost, waves, order: bound }, bestScore) >= 0;
  };

  // Levels still to expand: level k holds the states with waves 1..k decided.
  const pending = new Map<number, Map<number, Partial>>([
    [0, new Map([[0, { missed: 0, cost: 0, wave: new Int32Array(n) }]])],
  ]);
  const levelMap = (level: number): Map<number, Partial> => {
    let map = pending.get(level);
    if (!map) pending.set(level, (map = new Map<number, Partial>()));
    return map;
  };
  const offer = (
    level: number,
    placed: number,
    missed: number,
    cost: number,
    base: Int32Array,
    chosen: number,
    k: number,
  ): void => {
    const map = levelMap(level);
    const known = map.get(placed);
    if (known && !isBetterPartial(missed, cost, base, chosen, k, known)) return;
    const candidate = { missed, cost, wave: chosen === 0 ? base : withWave(base, chosen, k) };
    if (!hopeless(placed, level, candidate)) map.set(placed, candidate);
  };
  const cross = new Float64Array(n);
  while (pending.size > 0) {
    const level = Math.min(...pending.keys());
    const current = pending.get(level) as Map<number, Partial>;
    pending.delete(level);
    if (level >= lastLevel) continue;
    const k = level + 1;
    for (const [placed, partial] of current) {
      if (hopeless(placed, level, partial)) continue;
      // Leaving wave k empty only pays when a later wave opens for some step (a notBefore): then every wave up
      // to that one stays empty, since a step placed inside the same stretch could as well move earlier.
      let opens = Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        const w = problem.minWave[i] as number;
        if (!(placed & (1 << i)) && w > k && w < opens) opens = w;
      }
      if (opens !== Number.POSITIVE_INFINITY)
        offer(opens - 1, placed, partial.missed, partial.cost, partial.wave, 0, k);
      let ready = 0;
      for (let i = 0; i < n; i++) {
        if (placed & (1 << i)) continue;
        if (((predMask[i] as number) & ~placed) !== 0 || (problem.minWave[i] as number) > k) continue;
        ready |= 1 << i;
        let c = 0;
        for (let j = 0; j < n; j++) if (placed & (1 << j)) c += weight[i * n + j] as number;
        cross[i] = c;
      }
      for (let chosen = ready; chosen !== 0; chosen = (chosen - 1) & ready) {
        if (popcount(chosen) > capacity) continue;
        let missed = partial.missed;
        let cost = partial.cost;
        for (let i = 0; i < n; i++) {
          if (!(chosen & (1 << i))) continue;
          if (k > (problem.maxWave[i] as number)) missed++;
          cost += cross[i] as number;
        }
        const after = placed | chosen;
        if (after === full) {
          const wave = withWave(partial.wave, chosen, k);
          const score = scoreOf(problem, wave);
          if (compareScores(score, bestScore) < 0) {
            best = wave;
            bestScore = score;
          }
        } else {
          offer(k, after, missed, cost, partial.wave, chosen, k);
        }
      }
    }
  }
  return best;
}

function withWave(wave: Int32Array, chosen: number, k: number): Int32Array {
  const out = wave.slice();
  for (let i = 0; i < out.length; i++) if (chosen & (1 << i)) out[i] = k;
  return out;
}

/** Whether (missed, cost, base wave + chosen at k) beats `known` for the same placed set. */
function isBetterPartial(
  missed: number,
  cost: number,
  base: Int32Array,
  chosen: number,
  k: number,
  known: Partial,
): boolean {
  if (missed !== known.missed) return missed < known.missed;
  if (cost !== known.cost) return cost < known.cost;
  for (let i = 0; i < base.length; i++) {
    const mine = chosen & (1 << i) ? k : (base[i] as number);
    const theirs = known.wave[i] as number;
    if (mine !== theirs) return mine < theirs;
  }
  return false;
}
