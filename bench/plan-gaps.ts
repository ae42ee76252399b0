/**
 * The migration planner on generated plans of 100, 300 and 1,000 steps (one 10k model): the heuristic's time,
 * then `planMigrationOptimal` with a time limit, and the proven gap of the answer, (cost - lower bound) / cost.
 */
import { Model, planMigration, planMigrationOptimal, type KarttaDocument } from '../src/index.js';
import { generateMigrationPlan } from '../src/testing/index.js';
import type { Measurement } from './measure.js';

/** Seconds the MIP solver may take on each plan. */
export const PLAN_TIME_LIMIT = 30;
export const PLAN_SIZES = [100, 300, 1_000] as const;

export interface PlanGap {
  readonly steps: number;
  readonly method: string;
  readonly proven: boolean;
  readonly cost: number;
  readonly lowerBound: number;
  readonly gap: number;
  readonly missed: number;
  readonly waves: number;
  readonly heuristicCost: number;
  readonly reasons: readonly string[];
}

export async function measurePlanGaps(
  doc: KarttaDocument,
  seed: number,
  times: Record<string, Measurement>,
): Promise<PlanGap[]> {
  const model = Model.load(doc);
  const out: PlanGap[] = [];
  for (const steps of PLAN_SIZES) {
    const plan = generateMigrationPlan(doc, { seed, steps });
    let started = performance.now();
    const heuristic = planMigration(model, plan);
    times[`planHeuristic${steps}`] = { median: performance.now() - started, runs: [performance.now() - started] };
    started = performance.now();
    const result = await planMigrationOptimal(model, plan, { timeLimit: PLAN_TIME_LIMIT });
    const elapsed = performance.now() - started;
    times[`planOptimal${steps}`] = { median: elapsed, runs: [elapsed] };
    out.push({
      steps,
      method: result.method,
      proven: result.proven,
      cost: result.cost,
      lowerBound: result.lowerBound,
      gap: Math.round(result.gap * 10_000) / 10_000,
      missed: result.missedDeadlines.length,
      waves: result.waves.length,
      heuristicCost: heuristic.cost,
      reasons: result.reasons.map((r) => r.code),
    });
    process.stderr.write(
      `  plan ${steps} steps: ${result.method}${result.proven ? ' (proven)' : ''}, cost ${result.cost} (heuristic ${heuristic.cost}), lower bound ${result.lowerBound}, gap ${result.gap.toFixed(3)}, ${(elapsed / 1000).toFixed(1)} s\n`,
    );
  }
  return out;
}
