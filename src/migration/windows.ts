/**
 * Deadline windows: when a plan misses only the deadlines that no plan can meet (a step whose earliest wave is
 * already past its deadline), the fewest missed deadlines is proven, and every optimal plan meets all the other
 * deadlines. Each step then has a window of waves [earliest, latest] that every optimal plan keeps.
 */
import { earliestWaves } from './heuristic.js';
import { NO_DEADLINE, type Problem } from './problem.js';

export interface DeadlineWindows {
  /** Steps whose deadline no plan meets. */
  readonly forced: ReadonlySet<number>;
  readonly earliest: readonly number[];
  /** Latest wave meeting the step's deadline and leaving room for those after it (forced misses ignored). */
  readonly latest: readonly number[];
}

export function deadlineWindows(problem: Problem): DeadlineWindows {
  const earliest = earliestWaves(problem);
  const forced = new Set<number>();
  for (let i = 0; i < problem.n; i++) if ((earliest[i] as number) > (problem.maxWave[i] as number)) forced.add(i);
  const latest = problem.maxWave.map((w, i) => (forced.has(i) ? NO_DEADLINE : w));
  for (let k = problem.topo.length - 1; k >= 0; k--) {
    const i = problem.topo[k] as number;
    let l = latest[i] as number;
    for (const s of problem.succs[i] ?? []) l = Math.min(l, (latest[s] as number) - 1);
    latest[i] = l;
  }
  return { forced, earliest, latest };
}

/** The number of deadlines a placement misses. */
export function missedCount(problem: Problem, wave: ArrayLike<number>): number {
  let missed = 0;
  for (let i = 0; i < problem.n; i++) if ((wave[i] as number) > (problem.maxWave[i] as number)) missed++;
  return missed;
}
