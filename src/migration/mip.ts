/**
 * Lexicographic optimisation of a migration plan with the HiGHS MIP solver, level by level: the fewest missed
 * deadlines; with that fixed, the least bridge weight; with both fixed, the fewest waves; then the tie-break, one
 * step at a time in tie-break order (its earliest wave, fixed before the next). Sequential solves rather than one
 * weighted objective: the weights that would keep the levels apart grow with the horizon to the power of the
 * number of steps, far beyond what a floating-point solver can tell apart. Every solve starts from the best
 * placement known (the heuristic's at first), and all share one time limit.
 */
import type { Highs, Model as HighsModel } from 'highs';
import { compareScores, scoreOf } from './objective.js';
import { buildMipModel, columnsOf, horizonOf, mipSize, placementOf, type MipModel } from './mip-model.js';
import type { Problem } from './problem.js';
import type { PlanReason } from './result.js';
import { deadlineWindows } from './windows.js';

/** Largest model (x columns) the MIP places; larger plans get only the relaxation's bound. */
export const MAX_MIP_COLUMNS = 60_000;

export interface MipOutcome {
  readonly wave: Int32Array;
  /** The whole lexicographic objective is proven optimal. */
  readonly proven: boolean;
  /** A lower bound of the optimal bridge weight (undefined when the solver found none). */
  readonly lowerBound: number | undefined;
  /** True when the placement is the solver's, not the starting one. */
  readonly improved: boolean;
  readonly reasons: PlanReason[];
}

const STATUS_OPTIMAL = 7;
const STATUS_INFEASIBLE = 8;

/** What a solve reports: its status, the best placement found, and the solver's bound of the objective. */
interface Solve {
  readonly status: number;
  readonly colValue: Float64Array | undefined;
  readonly bound: number;
}

function run(
  highs: Highs,
  solver: HighsModel,
  model: MipModel,
  cost: Float64Array,
  start: Float64Array,
  seconds: number,
  relaxed = false,
): Solve {
  solver.changeColsCost({ kind: 'range', from: 0, to: model.numCols - 1 }, cost);
  if (relaxed) solver.clearIntegrality();
  else solver.setSolution({ colValue: start });
  solver.options.set({ time_limit: Math.max(seconds, 1e-3) });
  const result = solver.run();
  const status = result.modelStatus as number;
  let colValue: Float64Array | undefined;
  let bound = Number.NEGATIVE_INFINITY;
  try {
    const info = solver.info.get('primal_solution_status') as number;
    if (info === 2) colValue = solver.getSolution().colValue;
  } catch {
    colValue = undefined;
  }
  if (relaxed) {
    if (status === STATUS_OPTIMAL) bound = solver.getObjectiveValue();
  } else {
    try {
      const b = solver.info.get('mip_dual_bound') as number;
      if (Number.isFinite(b)) bound = b;
    } catch {
      bound = Number.NEGATIVE_INFINITY;
    }
    if (status === STATUS_OPTIMAL && colValue) bound = Math.max(bound, dot(cost, colValue));
  }
  void highs;
  return { status, colValue, bound };
}

function dot(a: Float64Array, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) if (a[k] !== 0) s += (a[k] as number) * (b[k] as number);
  return s;
}

/** Earliest wave step i may take when the steps before it in tie-break order are fixed: a quick certificate. */
function trivialEarliest(
  problem: Problem,
  fixed: Int32Array,
  load: Map<number, number>,
  lo: number,
  i: number,
): number {
  let w = Math.max(lo, problem.minWave[i] as number);
  for (const p of problem.preds[i] ?? []) if ((fixed[p] as number) > 0) w = Math.max(w, (fixed[p] as number) + 1);
  while ((load.get(w) ?? 0) >= problem.capacity) w++;
  return w;
}

/**
 * The horizon and deadline windows of the whole MIP from a placement, and whether that MIP is small enough to
 * solve. When the start misses only the deadlines no plan can meet, the first level is proven, and every optimal
 * plan keeps the other deadlines: the model only needs their windows.
 */
export function wholeMipOf(
  problem: Problem,
  start: Int32Array,
): { horizon: number; latest: readonly number[] | undefined; fits: boolean } {
  const startScore = scoreOf(problem, start);
  const horizon = horizonOf(problem, startScore.waves);
  const windows = deadlineWindows(problem);
  const latest = startScore.missed === windows.forced.size ? windows.latest : undefined;
  return { horizon, latest, fits: mipSize(problem, horizon, latest) <= MAX_MIP_COLUMNS };
}

/**
 * Solves the plan by MIP, starting from `start` (a valid placement). `deadline` is the time (performance.now())
 * after which the solver stops; whatever is proven by then is reported.
 */
export function mipPlacement(highs: Highs, problem: Problem, start: Int32Array, deadline: number): MipOutcome {
  if (problem.n === 0) {
    const reasons: PlanReason[] = [{ code: 'plan.mip-optimal', message: 'an empty plan is optimal' }];
    return { wave: start, proven: true, lowerBound: 0, improved: false, reasons };
  }
  const { horizon, latest, fits } = wholeMipOf(problem, start);
  const reasons: PlanReason[] = [];
  if (!fits) {
    reasons.push({
      code: 'plan.mip-bound-only',
      message: `the plan is too large for the MIP solver to place (${problem.n} steps over up to ${horizon} waves); the heuristic placed it`,
    });
    return { wave: start, proven: false, lowerBound: undefined, improved: false, reasons };
  }
  const model = buildMipModel(problem, horizon, latest);
  const solver = highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    colCost: new Float64Array(model.numCols),
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: {
      format: 'csr',
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
    integrality: model.integrality,
  });
  try {
    solver.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6, random_seed: 0 });
    return solve(problem, model, solver, highs, start, deadline, reasons);
  } finally {
    solver.dispose();
  }
}

function solve(
  problem: Problem,
  model: MipModel,
  solver: HighsModel,
  highs: Highs,
  start: Int32Array,
  deadline: number,
  reasons: PlanReason[],
): MipOutcome {
  let best = start;
  let bestScore = scoreOf(problem, start);
  const left = (): number => (deadline - performance.now()) / 1000;
  const offer = (colValue: Float64Array | undefined): void => {
    if (!colValue) return;
    const wave = placementOf(model, colValue);
    const score = scoreOf(problem, wave);
    if (compareScores(score, bestScore) < 0) {
      best = wave;
      bestScore = score;
    }
  };
  const stop = (what: string, lowerBound: number | undefined): MipOutcome => {
    reasons.push({
      code: 'plan.mip-time-limit',
      message: `the MIP solver reached the time limit before proving ${what} optimal; the best placement found is kept`,
    });
    return { wave: best, proven: false, lowerBound, improved: best !== start, reasons };
  };
  const failed = (status: number): MipOutcome => {
    reasons.push({
      code: 'plan.mip-failed',
      message: `the MIP solver stopped with status ${status}; the best placement found is kept`,
    });
    return { wave: best, proven: false, lowerBound: undefined, improved: best !== start, reasons };
  };
  const eps = 1e-6;

  // Level 1: missed deadlines.
  if (left() <= 0) return stop('the missed deadlines', undefined);
  let level = run(highs, solver, model, model.missedCost, columnsOf(model, best), left());
  offer(level.colValue);
  if (level.status === STATUS_INFEASIBLE) return failed(level.status);
  if (level.status !== STATUS_OPTIMAL) return stop('the missed deadlines', undefined);
  const missed = bestScore.missed;
  solver.changeRowBounds(model.missedRow, Number.NEGATIVE_INFINITY, missed + 0.5);

  // Level 2: bridge weight.
  if (left() <= 0) return stop('the bridge weight', undefined);
  level = run(highs, solver, model, model.bridgeCost, columnsOf(model, best), left());
  offer(level.colValue);
  const costBound = level.bound + model.forcedCost;
  if (level.status !== STATUS_OPTIMAL) {
    if (level.status === STATUS_INFEASIBLE) return failed(level.status);
    return stop('the bridge weight', Number.isFinite(costBound) ? costBound : undefined);
  }
  const tolerance = eps * Math.max(1, bestScore.cost);
  solver.changeRowBounds(model.bridgeRow, Number.NEGATIVE_INFINITY, bestScore.cost - model.forcedCost + tolerance);

  // Level 3: waves.
  if (left() <= 0) return stop('the number of waves', bestScore.cost);
  level = run(highs, solver, model, model.wavesCost, columnsOf(model, best), left());
  offer(level.colValue);
  if (level.status !== STATUS_OPTIMAL) {
    if (level.status === STATUS_INFEASIBLE) return failed(level.status);
    return stop('the number of waves', bestScore.cost);
  }
  solver.changeRowBounds(model.wavesRow, Number.NEGATIVE_INFINITY, bestScore.waves + 0.5);

  // Level 4: the tie-break, step by step.
  const fixed = new Int32Array(problem.n);
  const load = new Map<number, number>();
  const cost = new Float64Array(model.numCols);
  for (let i = 0; i < problem.n; i++) {
    const lo = model.lo[i] as number;
    let wave = best[i] as number;
    if (wave !== trivialEarliest(problem, fixed, load, lo, i)) {
      if (left() <= 0) return stop('the tie-break order', bestScore.cost);
      cost.fill(0);
      for (let t = lo; t <= (model.hi[i] as number); t++) cost[(model.xStart[i] as number) + t - lo] = t;
      level = run(highs, solver, model, cost, columnsOf(model, best), left());
      offer(level.colValue);
      if (level.status !== STATUS_OPTIMAL) {
        if (level.status === STATUS_INFEASIBLE) return failed(level.status);
        return stop('the tie-break order', bestScore.cost);
      }
      // The solve's optimum may tie with the best known on everything so far: take its wave for this step.
      const found = level.colValue ? placementOf(model, level.colValue) : best;
      if ((found[i] as number) < wave) {
        best = found;
        bestScore = scoreOf(problem, found);
      }
      wave = best[i] as number;
    }
    fixed[i] = wave;
    load.set(wave, (load.get(wave) ?? 0) + 1);
    const column = (model.xStart[i] as number) + wave - lo;
    solver.changeColBounds(column, 1, 1);
  }
  reasons.push({ code: 'plan.mip-optimal', message: 'the MIP solver proved the placement optimal' });
  return { wave: best, proven: true, lowerBound: bestScore.cost, improved: best !== start, reasons };
}
