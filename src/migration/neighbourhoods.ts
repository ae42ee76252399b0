/**
 * Large-neighbourhood search with the MIP solver: keep every step where it is except those of a few waves, and
 * let the solver place those again, optimally, within those waves (and, for pairs of waves, one new wave after the
 * last). A plan too large for one MIP (a thousand steps over a horizon of hundreds of waves) becomes many small
 * ones, and a plan the whole MIP can take gets a better start in a fraction of its time.
 *
 * The neighbourhoods are the pairs of waves joined by the heaviest bridges first (integrated steps may come
 * together), then windows of consecutive waves (a deadline chain may shift). Each sub-problem keeps the hard rules
 * against the steps that stay and the capacity, so every placement it gives is valid (and checked again); one is
 * accepted only when it is better on the whole objective (missed deadlines, bridge weight, waves, tie-break
 * order). It stops when a whole pass improves nothing, or at the deadline.
 */
import type { Highs } from 'highs';
import { compareScores, scoreOf } from './objective.js';
import type { Problem } from './problem.js';

/** Plans smaller than this go to the whole MIP straight away: it solves them faster than the search would. */
export const NEIGHBOURHOOD_MIN_STEPS = 30;
/** Waves in a window of consecutive waves. */
const WINDOW = 3;
/** Seconds one sub-problem may take at most. */
const SUB_LIMIT = 2;
/** Steps freed at most in one sub-problem: keeps each solve small whatever the capacity. */
const MAX_FREE = 160;

const STATUS_INFEASIBLE = 8;

/** What the search did. */
export interface NeighbourhoodOutcome {
  readonly wave: Int32Array;
  /** True when some sub-problem improved the placement. */
  readonly improved: boolean;
  /** Sub-problems solved. */
  readonly solved: number;
}

/**
 * Improves `start` (a valid placement) until no neighbourhood improves it or `deadline` (performance.now())
 * passes. The result keeps the hard rules and the capacity and is never worse than `start`.
 */
export function improveByNeighbourhoods(
  highs: Highs,
  problem: Problem,
  start: Int32Array,
  deadline: number,
): NeighbourhoodOutcome {
  let wave: Int32Array = Int32Array.from(start);
  let score = scoreOf(problem, wave);
  let improved = false;
  let solved = 0;
  const tried = new Set<string>();
  for (;;) {
    let progress = false;
    for (const waves of neighbourhoods(wave, problem, score.waves)) {
      if (performance.now() >= deadline) return { wave, improved, solved };
      const free = stepsOf(problem, wave, waves);
      if (free.length < 2 || free.length > MAX_FREE) continue;
      const key = `${waves.join(',')}|${free.map((i) => `${i}:${wave[i] as number}`).join(',')}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const found = solveNeighbourhood(highs, problem, wave, free, waves, deadline);
      if (found === undefined) continue;
      solved++;
      const next = scoreOf(problem, found);
      if (compareScores(next, score) < 0) {
        wave = found;
        score = next;
        improved = true;
        progress = true;
      }
    }
    if (!progress) return { wave, improved, solved };
  }
}

/** The steps of some waves: they are placed again, each within those waves. */
function stepsOf(problem: Problem, wave: Int32Array, waves: readonly number[]): number[] {
  const inside = new Set(waves);
  const free: number[] = [];
  for (let i = 0; i < problem.n; i++) if (inside.has(wave[i] as number)) free.push(i);
  return free;
}

/**
 * The wave sets to free, most promising first: the pairs of waves joined by bridges (heaviest first), each also
 * with a new wave after the last; then windows of consecutive waves.
 */
function neighbourhoods(wave: Int32Array, problem: Problem, waves: number): number[][] {
  const crossing = new Map<number, number>();
  for (let i = 0; i < problem.n; i++) {
    for (const [j, weight] of problem.neighbours[i] ?? []) {
      if (j <= i || weight === 0) continue;
      const a = Math.min(wave[i] as number, wave[j] as number);
      const b = Math.max(wave[i] as number, wave[j] as number);
      if (a === b) continue;
      crossing.set(a * (waves + 1) + b, (crossing.get(a * (waves + 1) + b) ?? 0) + weight);
    }
  }
  const out: number[][] = [];
  const pairs = [...crossing].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  for (const [key] of pairs) {
    const pair = [Math.floor(key / (waves + 1)), key % (waves + 1)];
    out.push(pair, [...pair, waves + 1]);
  }
  for (let first = 1; first + WINDOW - 1 <= waves; first++) {
    const window: number[] = [];
    for (let t = first; t < first + WINDOW; t++) window.push(t);
    out.push(window);
  }
  return out;
}

/**
 * The best placement of the `free` steps within `waves` with every other step fixed (missed deadlines first,
 * then bridge weight), or undefined when the solver gives none in time.
 */
function solveNeighbourhood(
  highs: Highs,
  problem: Problem,
  wave: Int32Array,
  free: readonly number[],
  waves: readonly number[],
  deadline: number,
): Int32Array | undefined {
  const position = new Map<number, number>();
  free.forEach((i, k) => position.set(i, k));

  // Waves each free step may take: within the set, after its fixed predecessors, before its fixed successors.
  const allowed = free.map((i) =>
    waves.filter((t) => {
      if (t < (problem.minWave[i] as number)) return false;
      for (const p of problem.preds[i] ?? []) if (!position.has(p) && t <= (wave[p] as number)) return false;
      for (const s of problem.succs[i] ?? []) if (!position.has(s) && t >= (wave[s] as number)) return false;
      return true;
    }),
  );
  let columns = 0;
  const xStart = allowed.map((list) => {
    const first = columns;
    columns += list.length;
    return first;
  });
  const column = (k: number, t: number): number => {
    const at = (allowed[k] as number[]).indexOf(t);
    return at < 0 ? -1 : (xStart[k] as number) + at;
  };

  let totalWeight = 0;
  for (const list of problem.neighbours) for (const [, weight] of list) totalWeight += weight;
  const missPenalty = totalWeight + 1;
  const cost: number[] = new Array<number>(columns).fill(0);
  free.forEach((i, k) => {
    for (const t of allowed[k] as number[]) {
      const c = column(k, t);
      if (t > (problem.maxWave[i] as number)) cost[c] = (cost[c] as number) + missPenalty;
    }
  });

  const rowStarts: number[] = [0];
  const rowIndices: number[] = [];
  const rowValues: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (entries: Map<number, number>, lower: number, upper: number): void => {
    const sorted = [...entries].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
    for (const [c, v] of sorted) {
      rowIndices.push(c);
      rowValues.push(v);
    }
    rowStarts.push(rowIndices.length);
    rowLower.push(lower);
    rowUpper.push(upper);
  };
  // Each free step takes one wave.
  free.forEach((_, k) => {
    const entries = new Map<number, number>();
    for (const t of allowed[k] as number[]) entries.set(column(k, t), 1);
    addRow(entries, 1, 1);
  });
  // Capacity: what the steps that stay leave free in each wave.
  const fixedLoad = new Map<number, number>();
  for (let i = 0; i < problem.n; i++)
    if (!position.has(i)) fixedLoad.set(wave[i] as number, (fixedLoad.get(wave[i] as number) ?? 0) + 1);
  for (const t of waves) {
    const room = problem.capacity - (fixedLoad.get(t) ?? 0);
    const entries = new Map<number, number>();
    free.forEach((_, k) => {
      const c = column(k, t);
      if (c >= 0) entries.set(c, 1);
    });
    if (entries.size > room) addRow(entries, -Infinity, room);
  }
  // Hard links between free steps, cumulative: by each wave, the later step is placed no more than the earlier
  // one was by the wave before.
  free.forEach((i, k) => {
    for (const p of problem.preds[i] ?? []) {
      const q = position.get(p);
      if (q === undefined) continue;
      waves.forEach((_, at) => {
        const entries = new Map<number, number>();
        for (let u = 0; u <= at; u++) {
          const c = column(k, waves[u] as number);
          if (c >= 0) entries.set(c, 1);
        }
        for (let u = 0; u < at; u++) {
          const c = column(q, waves[u] as number);
          if (c >= 0) entries.set(c, (entries.get(c) ?? 0) - 1);
        }
        if (entries.size > 0) addRow(entries, -Infinity, 0);
      });
    }
  });
  // Bridges. With a fixed neighbour in wave f, the bridge is avoided only by taking f; between two free steps,
  // d[t] >= |x[i,t] - x[j,t]| and the bridge weighs w / 2 * sum d.
  const dCost: number[] = [];
  free.forEach((i, k) => {
    for (const [j, weight] of problem.neighbours[i] ?? []) {
      if (weight === 0) continue;
      const q = position.get(j);
      if (q === undefined) {
        const c = column(k, wave[j] as number);
        if (c >= 0) cost[c] = (cost[c] as number) - weight;
        continue;
      }
      if (j <= i) continue;
      for (const t of waves) {
        const a = column(k, t);
        const b = column(q, t);
        if (a < 0 && b < 0) continue;
        const d = columns + dCost.length;
        dCost.push(weight / 2);
        for (const [plus, minus] of [
          [a, b],
          [b, a],
        ] as const) {
          if (plus < 0) continue;
          const entries = new Map<number, number>([
            [d, 1],
            [plus, -1],
          ]);
          if (minus >= 0) entries.set(minus, 1);
          addRow(entries, 0, Infinity);
        }
      }
    }
  });
  const numCols = columns + dCost.length;
  const numRows = rowLower.length;
  const integrality = new Int32Array(numCols);
  integrality.fill(1, 0, columns);
  const solver = highs.createModel({
    numCols,
    numRows,
    colCost: Float64Array.from([...cost, ...dCost]),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csr',
      numRows,
      numCols,
      starts: Int32Array.from(rowStarts),
      indices: Int32Array.from(rowIndices),
      values: Float64Array.from(rowValues),
    },
    integrality,
  });
  try {
    const seconds = Math.min(SUB_LIMIT, (deadline - performance.now()) / 1000);
    if (seconds <= 0) return undefined;
    solver.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6, random_seed: 0, time_limit: seconds });
    const startColumns = new Float64Array(numCols);
    free.forEach((_, k) => {
      startColumns[column(k, wave[free[k] as number] as number)] = 1;
    });
    solver.setSolution({ colValue: startColumns });
    const result = solver.run();
    let colValue: Float64Array | undefined;
    try {
      if ((solver.info.get('primal_solution_status') as number) === 2) colValue = solver.getSolution().colValue;
    } catch {
      colValue = undefined;
    }
    if (colValue === undefined || (result.modelStatus as number) === STATUS_INFEASIBLE) return undefined;
    const next = Int32Array.from(wave);
    free.forEach((i, k) => {
      let best = wave[i] as number;
      let bestValue = -1;
      for (const t of allowed[k] as number[]) {
        const v = colValue[column(k, t)] as number;
        if (v > bestValue) {
          bestValue = v;
          best = t;
        }
      }
      next[i] = best;
    });
    // The solver's answer is trusted only as far as it keeps every rule (a rounding slip must not leak out).
    return keepsRules(problem, next) ? next : undefined;
  } finally {
    solver.dispose();
  }
}

/** Whether a placement keeps `notBefore`, every hard link and the capacity. */
export function keepsRules(problem: Problem, wave: ArrayLike<number>): boolean {
  const load = new Map<number, number>();
  for (let i = 0; i < problem.n; i++) {
    const w = wave[i] as number;
    if (!Number.isInteger(w) || w < (problem.minWave[i] as number)) return false;
    for (const p of problem.preds[i] ?? []) if ((wave[p] as number) >= w) return false;
    const count = (load.get(w) ?? 0) + 1;
    if (count > problem.capacity) return false;
    load.set(w, count);
  }
  return true;
}
