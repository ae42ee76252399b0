/**
 * The migration problem as a time-indexed mixed-integer program, in plain arrays (no names: the solver never sees
 * a step id, only column numbers).
 *
 * - `x[i,t]` (binary): step i is in wave t, for t in the step's window [lo_i, hi_i]; each step takes one wave.
 * - capacity: at most `capacity` steps in each wave.
 * - precedence p -> i, in the strong (cumulative) form: for every t, the share of i placed by wave t is at most the
 *   share of p placed by wave t - 1.
 * - bridges: for an integration e = (i, j) that the hard rules do not force apart, `d[e,t]` >= |x[i,t] - x[j,t]|,
 *   and the bridge weight is w_e / 2 * sum_t d[e,t] (2 when i and j are in different waves, 0 otherwise).
 *   Integrations between steps the hard rules separate are bridges in every plan: a constant, kept out of the model.
 * - the number of waves `K` >= the wave of every step.
 *
 * Three rows carry the objective levels (missed deadlines, bridge weight, waves); they are free until a level is
 * fixed. The horizon (the last wave a step may take) is an upper bound of the waves of an optimal plan; see
 * {@link horizonOf}.
 */
import { earliestWaves } from './heuristic.js';
import type { Problem } from './problem.js';

/** A sparse row: column indices and their coefficients. */
interface Row {
  readonly indices: number[];
  readonly values: number[];
  readonly lower: number;
  readonly upper: number;
}

export interface MipModel {
  readonly numCols: number;
  readonly numRows: number;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly integrality: Int32Array;
  /** Row-wise matrix. */
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** The objective of each level, as dense column costs. */
  readonly missedCost: Float64Array;
  readonly bridgeCost: Float64Array;
  readonly wavesCost: Float64Array;
  /** The rows holding the levels' values. */
  readonly missedRow: number;
  readonly bridgeRow: number;
  readonly wavesRow: number;
  /** Bridge weight that every plan pays (integrations the hard rules force apart). */
  readonly forcedCost: number;
  readonly horizon: number;
  /** Window of each step and the column of x[i, lo_i]. */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly xStart: Int32Array;
  /** Column of K. */
  readonly wavesCol: number;
  /** The bridge integrations in the model: step pairs, weights and the column of d[e, first wave]. */
  readonly edges: readonly {
    readonly i: number;
    readonly j: number;
    readonly weight: number;
    readonly first: number;
    readonly from: number;
    readonly to: number;
  }[];
}

/**
 * Latest wave of each step when the plan has `horizon` waves: room for the longest chain of its successors, and
 * no later than `latest` (deadline windows, when every optimal plan keeps them).
 */
function latestWithin(problem: Problem, horizon: number, latest?: readonly number[]): Int32Array {
  const hi = new Int32Array(problem.n).fill(horizon);
  if (latest) for (let i = 0; i < problem.n; i++) hi[i] = Math.min(horizon, latest[i] as number);
  for (let k = problem.topo.length - 1; k >= 0; k--) {
    const i = problem.topo[k] as number;
    for (const s of problem.succs[i] ?? []) hi[i] = Math.min(hi[i] as number, (hi[s] as number) - 1);
  }
  return hi;
}

/**
 * An upper bound of the number of waves of an optimal plan. Let M be the latest `notBefore` wave. In an optimal
 * plan with K > M waves, no wave from M on is empty (every later step could move one wave earlier: fewer waves,
 * nothing worse), and each two consecutive waves k, k + 1 with k >= M hold more than `capacity` steps together
 * or are tied by a hard link from a step of wave k to a step of wave k + 1; otherwise wave k + 1 could join wave
 * k, which keeps every rule, removes the bridges between them and the wave. Every other pair of the first kind
 * is disjoint from the others, so there are at most 2 * floor(n / (capacity + 1)) of them; each pair of the
 * second kind has its own step with a predecessor. Hence K <= M + min(n - 1, 2 * floor(n / (capacity + 1)) + P),
 * P the number of steps with a predecessor. `known` (the waves of a plan at hand) is taken when larger.
 */
export function horizonOf(problem: Problem, known: number): number {
  const { n, capacity } = problem;
  let m = 1;
  for (const w of problem.minWave) m = Math.max(m, w);
  let withPred = 0;
  for (const p of problem.preds) if (p.length > 0) withPred++;
  const bound = m + Math.min(n - 1, 2 * Math.floor(n / (capacity + 1)) + withPred);
  return Math.max(known, bound, 1);
}

/** The number of x columns the model would have: the cost of a plan for the solver. */
export function mipSize(problem: Problem, horizon: number, latest?: readonly number[]): number {
  const lo = earliestWaves(problem);
  const hi = latestWithin(problem, horizon, latest);
  let size = 0;
  for (let i = 0; i < problem.n; i++) size += Math.max(0, (hi[i] as number) - (lo[i] as number) + 1);
  return size;
}

/** Whether i must come before j or j before i, through any chain of hard links. */
function forcedApart(problem: Problem): (i: number, j: number) => boolean {
  const reach = problem.ids.map(() => new Set<number>());
  for (let k = problem.topo.length - 1; k >= 0; k--) {
    const i = problem.topo[k] as number;
    const mine = reach[i] as Set<number>;
    for (const s of problem.succs[i] ?? []) {
      mine.add(s);
      for (const r of reach[s] ?? []) mine.add(r);
    }
  }
  return (i, j) => (reach[i] as Set<number>).has(j) || (reach[j] as Set<number>).has(i);
}

export function buildMipModel(problem: Problem, horizon: number, latest?: readonly number[]): MipModel {
  const { n, capacity } = problem;
  const lo = Int32Array.from(earliestWaves(problem));
  const hi = latestWithin(problem, horizon, latest);
  const xStart = new Int32Array(n);
  let cols = 0;
  for (let i = 0; i < n; i++) {
    xStart[i] = cols;
    cols += Math.max(0, (hi[i] as number) - (lo[i] as number) + 1);
  }
  const x = (i: number, t: number): number => (xStart[i] as number) + t - (lo[i] as number);
  const inWindow = (i: number, t: number): boolean => t >= (lo[i] as number) && t <= (hi[i] as number);

  const apart = forcedApart(problem);
  let forcedCost = 0;
  const edges: { i: number; j: number; weight: number; first: number; from: number; to: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (const [j, weight] of problem.neighbours[i] ?? []) {
      if (j <= i || weight === 0) continue;
      const disjoint = (hi[i] as number) < (lo[j] as number) || (hi[j] as number) < (lo[i] as number);
      if (disjoint || apart(i, j)) {
        forcedCost += weight;
        continue;
      }
      const from = Math.min(lo[i] as number, lo[j] as number);
      const to = Math.max(hi[i] as number, hi[j] as number);
      edges.push({ i, j, weight, first: cols, from, to });
      cols += to - from + 1;
    }
  }
  const wavesCol = cols++;

  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const indices: number[] = [];
    for (let t = lo[i] as number; t <= (hi[i] as number); t++) indices.push(x(i, t));
    rows.push({ indices, values: indices.map(() => 1), lower: 1, upper: 1 });
  }
  const byWave = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (let t = lo[i] as number; t <= (hi[i] as number); t++) {
      let list = byWave.get(t);
      if (!list) byWave.set(t, (list = []));
      list.push(x(i, t));
    }
  }
  for (const list of byWave.values())
    if (list.length > capacity)
      rows.push({ indices: list, values: list.map(() => 1), lower: -Infinity, upper: capacity });
  for (let i = 0; i < n; i++) {
    for (const p of problem.preds[i] ?? []) {
      // sum_{s<=t} x[i,s] - sum_{s<=t-1} x[p,s] <= 0, for t in i's window (below it the left side is 0).
      for (let t = lo[i] as number; t < (hi[i] as number); t++) {
        const indices: number[] = [];
        const values: number[] = [];
        for (let s = lo[i] as number; s <= t; s++) {
          indices.push(x(i, s));
          values.push(1);
        }
        for (let s = lo[p] as number; s <= Math.min(t - 1, hi[p] as number); s++) {
          indices.push(x(p, s));
          values.push(-1);
        }
        rows.push({ indices, values, lower: -Infinity, upper: 0 });
      }
    }
  }
  for (const edge of edges) {
    for (let t = edge.from; t <= edge.to; t++) {
      const d = edge.first + t - edge.from;
      const a = inWindow(edge.i, t) ? x(edge.i, t) : -1;
      const b = inWindow(edge.j, t) ? x(edge.j, t) : -1;
      // d >= x[i,t] - x[j,t] and d >= x[j,t] - x[i,t]
      for (const [plus, minus] of [
        [a, b],
        [b, a],
      ] as const) {
        if (plus < 0) continue;
        const indices = [d, plus];
        const values = [1, -1];
        if (minus >= 0) {
          indices.push(minus);
          values.push(1);
        }
        rows.push({ indices, values, lower: 0, upper: Infinity });
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const indices = [wavesCol];
    const values = [1];
    for (let t = lo[i] as number; t <= (hi[i] as number); t++) {
      indices.push(x(i, t));
      values.push(-t);
    }
    rows.push({ indices, values, lower: 0, upper: Infinity });
  }

  const missedCost = new Float64Array(cols);
  const bridgeCost = new Float64Array(cols);
  const wavesCost = new Float64Array(cols);
  for (let i = 0; i < n; i++) {
    const deadline = problem.maxWave[i] as number;
    for (let t = Math.max(lo[i] as number, deadline + 1); t <= (hi[i] as number); t++) missedCost[x(i, t)] = 1;
  }
  for (const edge of edges)
    for (let t = edge.from; t <= edge.to; t++) bridgeCost[edge.first + t - edge.from] = edge.weight / 2;
  wavesCost[wavesCol] = 1;
  const levelRow = (cost: Float64Array): Row => {
    const indices: number[] = [];
    const values: number[] = [];
    cost.forEach((c, k) => {
      if (c !== 0) {
        indices.push(k);
        values.push(c);
      }
    });
    return { indices, values, lower: -Infinity, upper: Infinity };
  };
  const missedRow = rows.length;
  rows.push(levelRow(missedCost));
  const bridgeRow = rows.length;
  rows.push(levelRow(bridgeCost));
  const wavesRow = rows.length;
  rows.push(levelRow(wavesCost));

  let nnz = 0;
  for (const row of rows) nnz += row.indices.length;
  const starts = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const rowLower = new Float64Array(rows.length);
  const rowUpper = new Float64Array(rows.length);
  let k = 0;
  rows.forEach((row, r) => {
    starts[r] = k;
    // HiGHS wants each row's columns once; sort them for a tidy matrix.
    const order = row.indices.map((_, q) => q).sort((p, q) => (row.indices[p] as number) - (row.indices[q] as number));
    for (const q of order) {
      indices[k] = row.indices[q] as number;
      values[k] = row.values[q] as number;
      k++;
    }
    rowLower[r] = row.lower;
    rowUpper[r] = row.upper;
  });
  starts[rows.length] = k;

  const colLower = new Float64Array(cols);
  const colUpper = new Float64Array(cols).fill(1);
  const integrality = new Int32Array(cols);
  for (let c = 0; c < (edges[0]?.first ?? wavesCol); c++) integrality[c] = 1;
  colUpper[wavesCol] = horizon;
  integrality[wavesCol] = 1;
  return {
    numCols: cols,
    numRows: rows.length,
    colLower,
    colUpper,
    integrality,
    starts,
    indices,
    values,
    rowLower,
    rowUpper,
    missedCost,
    bridgeCost,
    wavesCost,
    missedRow,
    bridgeRow,
    wavesRow,
    forcedCost,
    horizon,
    lo,
    hi,
    xStart,
    wavesCol,
    edges,
  };
}

/** The columns of a placement: x, d and K. */
export function columnsOf(model: MipModel, wave: ArrayLike<number>): Float64Array {
  const values = new Float64Array(model.numCols);
  let waves = 0;
  for (let i = 0; i < model.lo.length; i++) {
    const w = wave[i] as number;
    values[(model.xStart[i] as number) + w - (model.lo[i] as number)] = 1;
    waves = Math.max(waves, w);
  }
  for (const edge of model.edges) {
    const a = wave[edge.i] as number;
    const b = wave[edge.j] as number;
    if (a === b) continue;
    values[edge.first + a - edge.from] = 1;
    values[edge.first + b - edge.from] = 1;
  }
  values[model.wavesCol] = waves;
  return values;
}

/** The placement in a solution's columns (the wave whose x is largest, for safety against rounding). */
export function placementOf(model: MipModel, colValue: ArrayLike<number>): Int32Array {
  const n = model.lo.length;
  const wave = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = model.lo[i] as number;
    let bestValue = -1;
    for (let t = model.lo[i] as number; t <= (model.hi[i] as number); t++) {
      const v = colValue[(model.xStart[i] as number) + t - (model.lo[i] as number)] as number;
      if (v > bestValue) {
        bestValue = v;
        best = t;
      }
    }
    wave[i] = best;
  }
  return wave;
}
