/**
 * The objective, compared lexicographically: fewest missed deadlines, then the least bridge weight, then the
 * fewest waves, then the waves of the steps in tie-break order (TORI steps by id, then TOSI steps by id) as
 * early as possible. The last criterion tells any two different placements apart, so the optimum is unique.
 */
import type { Problem } from './problem.js';

export interface Score {
  readonly missed: number;
  readonly cost: number;
  readonly waves: number;
  /** The wave of each step, by step number. */
  readonly order: ArrayLike<number>;
}

/** Negative when `a` is better than `b`, positive when worse, 0 when equal. */
export function compareScores(a: Score, b: Score): number {
  if (a.missed !== b.missed) return a.missed - b.missed;
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.waves !== b.waves) return a.waves - b.waves;
  return compareOrders(a.order, b.order);
}

/** Lexicographic comparison of two wave vectors. */
export function compareOrders(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The score of a complete placement (`wave[i]` >= 1 for every step). */
export function scoreOf(problem: Problem, wave: ArrayLike<number>): Score {
  let missed = 0;
  let cost = 0;
  let waves = 0;
  for (let i = 0; i < problem.n; i++) {
    const w = wave[i] as number;
    if (w > (problem.maxWave[i] as number)) missed++;
    if (w > waves) waves = w;
    for (const [j, weight] of problem.neighbours[i] ?? []) if (j > i && wave[j] !== w) cost += weight;
  }
  return { missed, cost, waves, order: Array.from(wave) };
}
