/**
 * Migration ordering with a MIP solver: {@link planMigrationOptimal}, the asynchronous sibling of
 * {@link planMigration} that proves plans optimal beyond the reach of the exhaustive search.
 */
import type { Model } from '../model/model.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { optionError } from '../options.js';
import { z } from 'zod';
import type { Integration } from '../types.js';
import { exactPlacement, MAX_EXACT_STEPS } from './exact.js';
import { heuristicPlacement } from './heuristic.js';
import { mipPlacement, wholeMipOf } from './mip.js';
import { improveByNeighbourhoods, NEIGHBOURHOOD_MIN_STEPS, type NeighbourhoodOutcome } from './neighbourhoods.js';
import type { MigrationPlan } from './plan-schema.js';
import { finishPlan, preparePlan } from './prepare.js';
import type { MigrationResult, PlanReason } from './result.js';
import { loadSolver } from './solver.js';

/**
 * Options of {@link planMigrationOptimal}.
 *
 * @example
 * ```ts
 * import type { PlanMigrationOptimalOptions } from 'kartta';
 * const options: PlanMigrationOptimalOptions = { method: 'auto', timeLimit: 30 };
 * ```
 *
 * @category Migration
 */
export interface PlanMigrationOptimalOptions {
  /** The weight of an integration as a bridge, as for {@link planMigration}. Default 1. */
  readonly weight?: ((integration: Integration) => number) | undefined;
  /**
   * With `method: 'auto'`, plans of at most this many steps are searched exhaustively. A whole number from 0 to
   * 20; default 12.
   */
  readonly exhaustiveLimit?: number | undefined;
  /**
   * How to place the steps:
   * - `auto` (default): the exhaustive search up to `exhaustiveLimit` steps, the MIP solver beyond, starting from
   *   the heuristic's plan; when the solver cannot answer, the heuristic's plan with the reason;
   * - `exhaustive`: the exhaustive search (at most 20 steps);
   * - `mip`: the MIP solver, whatever the size;
   * - `heuristic`: the heuristic only, as {@link planMigration} does for large plans.
   */
  readonly method?: 'auto' | 'exhaustive' | 'mip' | 'heuristic' | undefined;
  /**
   * Seconds the MIP solver may take in all, a number from 0 to 86400; default 10. When it runs out, the result
   * holds the best plan found, `proven: false` and the solver's lower bound. The solver runs synchronously
   * inside the returned promise: run it in a worker to keep a user interface responsive.
   */
  readonly timeLimit?: number | undefined;
}

const QUERY = 'planMigrationOptimal';
const DEFAULT_EXHAUSTIVE_LIMIT = 12;
const DEFAULT_TIME_LIMIT = 10;

const OPTIONS = optionsSchema({
  weight: optionField.function<(integration: Integration) => number>('an integration'),
  exhaustiveLimit: optionField.integer(0, MAX_EXACT_STEPS),
  method: z
    .enum(['auto', 'exhaustive', 'mip', 'heuristic'], {
      error: "must be 'auto', 'exhaustive', 'mip' or 'heuristic'",
    })
    .optional(),
  timeLimit: optionField.number(0, 86_400),
});

/**
 * Places the steps of a migration plan in waves under the same rules and objective as {@link planMigration}, and
 * proves the placement optimal with the HiGHS MIP solver (WebAssembly, loaded on first use) where it can within
 * `timeLimit`. The result says which `method` answered, whether the placement is `proven` optimal, the
 * `lowerBound` of the optimal bridge weight and the `gap` between them; `reasons` say why the solver stopped or
 * was not used (time limit, a plan too large for it, a solver that failed to load).
 *
 * Plans of up to `exhaustiveLimit` steps get exactly the answer of {@link planMigration}. The answer does not
 * depend on the time limit once it is proven optimal.
 *
 * @param model The region model.
 * @param plan The plan document (an object or JSON text); it is validated against the model first.
 * @throws {@link PlanValidationError} (`plan.invalid`) naming every problem of the plan.
 * @throws {@link MigrationCycleError} (`plan.cycle`) when the hard rules form a cycle.
 * @throws {@link OptionError} (`option.invalid`) for an unknown or bad option, a bad weight, or
 *   `method: 'exhaustive'` on a plan of more than 20 steps.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, planMigrationOptimal } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const plan = readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8');
 * const result = await planMigrationOptimal(model, plan, { method: 'mip', timeLimit: 30 });
 * console.log(result.method, result.proven, result.cost, result.gap); // 'mip' true 3 0
 * ```
 *
 * @category Migration
 */
export async function planMigrationOptimal(
  model: Model,
  plan: MigrationPlan,
  options?: PlanMigrationOptimalOptions,
): Promise<MigrationResult>;
/**
 * The same, for a plan not yet checked: JSON text, or an object read from a file. It is parsed first
 * ({@link parsePlan}), and every problem is reported in a {@link PlanValidationError}.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, planMigrationOptimal } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const result = await planMigrationOptimal(model, readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8'));
 * ```
 *
 * @category Migration
 */
export async function planMigrationOptimal(
  model: Model,
  plan: unknown,
  options?: PlanMigrationOptimalOptions,
): Promise<MigrationResult>;
export async function planMigrationOptimal(
  model: Model,
  plan: unknown,
  options?: PlanMigrationOptimalOptions,
): Promise<MigrationResult> {
  const parsed = parseOptions(QUERY, OPTIONS, options);
  const started = performance.now();
  const prepared = preparePlan(QUERY, model, plan, parsed.weight);
  const { problem } = prepared;
  const method = parsed.method ?? 'auto';
  const limit = parsed.exhaustiveLimit ?? DEFAULT_EXHAUSTIVE_LIMIT;
  const seconds = parsed.timeLimit ?? DEFAULT_TIME_LIMIT;
  if (method === 'exhaustive' && problem.n > MAX_EXACT_STEPS) {
    throw optionError(
      QUERY,
      ['method'],
      `'exhaustive' is limited to ${MAX_EXACT_STEPS} steps; the plan has ${problem.n} (use 'auto' or 'mip')`,
    );
  }
  const heuristic = heuristicPlacement(problem);
  if (method === 'heuristic') return finishPlan(prepared, heuristic, { method: 'heuristic' });
  if (method === 'exhaustive' || (method === 'auto' && problem.n <= limit))
    return finishPlan(prepared, exactPlacement(problem, heuristic), { method: 'exhaustive' });

  let highs;
  try {
    highs = await loadSolver();
  } catch (error) {
    const reason: PlanReason = {
      code: 'plan.mip-unavailable',
      message: `the MIP solver could not be loaded (${error instanceof Error ? error.message : String(error)}); the heuristic placed the plan`,
    };
    return finishPlan(prepared, heuristic, { method: 'heuristic', reasons: [reason] });
  }
  let outcome;
  try {
    // Small MIPs over a few waves each: for a plan too large for the whole MIP, the answer, in all the time; for
    // one it can take, a better start, in a fifth of it (the whole MIP is what proves).
    const deadline = started + seconds * 1000;
    const share = wholeMipOf(problem, heuristic).fits ? 1 / 5 : 1;
    const local =
      problem.n >= NEIGHBOURHOOD_MIN_STEPS
        ? improveByNeighbourhoods(highs, problem, heuristic, started + seconds * 1000 * share)
        : { wave: heuristic, improved: false, solved: 0 };
    outcome = mipPlacement(highs, problem, local.wave, deadline);
    if (local.improved)
      outcome = { ...outcome, improved: true, reasons: [neighbourhoodReason(local), ...outcome.reasons] };
  } catch (error) {
    const reason: PlanReason = {
      code: 'plan.mip-failed',
      message: `the MIP solver failed (${error instanceof Error ? error.message : String(error)}); the heuristic placed the plan`,
    };
    return finishPlan(prepared, heuristic, { method: 'heuristic', reasons: [reason] });
  }
  return finishPlan(prepared, outcome.wave, {
    method: outcome.proven || outcome.improved ? 'mip' : 'heuristic',
    proven: outcome.proven,
    lowerBound: outcome.lowerBound,
    reasons: outcome.reasons,
  });
}

function neighbourhoodReason(local: NeighbourhoodOutcome): PlanReason {
  return {
    code: 'plan.mip-neighbourhoods',
    message: `the MIP solver improved the heuristic's placement a few waves at a time (${local.solved} small problems solved)`,
  };
}
