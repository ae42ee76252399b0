/**
 * Migration ordering: places a plan's steps in waves under the hard rules, then deadlines, then the fewest bridge
 * integrations, the fewest waves, TORI before TOSI and step id. Exhaustive (and optimal) for small plans, a
 * heuristic for large ones.
 */
import type { Model } from '../model/model.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import type { Integration } from '../types.js';
import { exactPlacement, MAX_EXACT_STEPS } from './exact.js';
import { heuristicPlacement } from './heuristic.js';
import type { MigrationPlan } from './plan-schema.js';
import { finishPlan, preparePlan } from './prepare.js';
import type { MigrationResult } from './result.js';

/**
 * Options of {@link planMigration}.
 *
 * @example
 * ```ts
 * import type { PlanMigrationOptions } from 'kartta';
 * const byCriticality: PlanMigrationOptions = {
 *   weight: (integration) => ({ low: 1, medium: 2, high: 4, critical: 8 })[integration.criticality ?? 'medium'],
 *   exhaustiveLimit: 10,
 * };
 * ```
 *
 * @category Migration
 */
export interface PlanMigrationOptions {
  /**
   * The weight of an integration as a bridge: a finite number, zero or more. Default 1 (bridges are counted).
   * Called once for every integration between the systems of two steps.
   */
  readonly weight?: ((integration: Integration) => number) | undefined;
  /**
   * Plans of at most this many steps are searched exhaustively and the answer is optimal; larger plans use the
   * heuristic. A whole number from 0 to 20; default 12. The search is exponential in the number of steps.
   */
  readonly exhaustiveLimit?: number | undefined;
}

/** Default {@link PlanMigrationOptions.exhaustiveLimit}. */
const DEFAULT_EXHAUSTIVE_LIMIT = 12;

const QUERY = 'planMigration';

const OPTIONS = optionsSchema({
  weight: optionField.function<(integration: Integration) => number>('an integration'),
  exhaustiveLimit: optionField.integer(0, MAX_EXACT_STEPS),
});

/**
 * Places the steps of a migration plan in waves 1, 2, 3, ... The rules, strongest first:
 *
 * 1. `after`: a step comes later than every step it names.
 * 2. What a step moves onto is ready first: when its target (or, for `rehost`, its own system) depends, directly
 *    or through further `dependsOn`, on the target or rehosted system of another step, that step comes earlier.
 * 3. Nothing is taken out of use under something that still needs it: when a step retires a system R (or R is
 *    the system of a `consolidate` or `replace` step) and the system of another step depends on R, directly or
 *    transitively, that other step comes first. Systems outside the plan that depend on R are reported as
 *    `retires-dependency` violations; the plan is not reordered for them.
 * 4. At most `capacity` steps per wave; a wave starts on or after each of its steps' `notBefore`.
 * 5. Each wave ends on or before its steps' deadlines where possible; otherwise the fewest deadlines are missed
 *    and each missed one is reported with its cause.
 * 6. Then the least bridge weight (an integration between the systems of two steps in different waves), then
 *    the fewest waves, then TORI steps as early as possible, then the other steps, by step id.
 *
 * Wave k starts `start + (k-1) * waveMonths` months (a day the month lacks becomes its last day) and ends the
 * day before wave k+1 starts. Without `start` and `waveMonths` the waves have no dates, and `deadline` and
 * `notBefore` cannot be checked (each such step gets a `dates-unchecked` violation).
 *
 * Plans of up to `exhaustiveLimit` steps (default 12) are solved exactly (`optimal: true`); larger ones by list
 * scheduling and local moves (`optimal: false`, with a `lowerBound` of the bridge cost).
 *
 * @param model The region model.
 * @param plan The plan document (typed, so an editor completes its fields); it is validated against the model first.
 * @throws {@link PlanValidationError} (`plan.invalid`) naming every problem of the plan.
 * @throws {@link MigrationCycleError} (`plan.cycle`) when the hard rules form a cycle; `.cycle` names its steps.
 * @throws {@link OptionError} (`option.invalid`) for an unknown or bad option, or a weight that is not a finite number >= 0.
 * @example
 * ```ts
 * import { Model, planMigration } from 'kartta';
 * const model = Model.load({
 *   format: 'kartta/1', name: 'X',
 *   systems: [
 *     { id: 'oulu-ad', name: 'AD', class: 'TORI', lifecycle: 'production' },
 *     { id: 'pop-iam', name: 'IAM', class: 'TORI', lifecycle: 'production' },
 *     { id: 'lifecare-oulu', name: 'Lifecare', class: 'TOSI', lifecycle: 'production' },
 *     { id: 'esko-pop', name: 'Esko', class: 'TOSI', lifecycle: 'production' },
 *   ],
 *   relations: [{ type: 'dependsOn', from: 'esko-pop', to: 'pop-iam' }],
 * });
 * const result = planMigration(model, {
 *   start: '2019-01-01', waveMonths: 6,
 *   steps: [
 *     { id: 'iam', action: 'replace', system: 'oulu-ad', target: 'pop-iam' },
 *     { id: 'ptj-oulu', action: 'replace', system: 'lifecare-oulu', target: 'esko-pop', deadline: '2020-12-31' },
 *   ],
 * });
 * result.waves; // [{ index: 1, start: '2019-01-01', end: '2019-06-30', steps: ['iam'] },
 *               //  { index: 2, start: '2019-07-01', end: '2019-12-31', steps: ['ptj-oulu'] }]
 * result.explanations['ptj-oulu'][0]; // 'ready: target esko-pop depends on pop-iam, which iam (wave 1) puts in place'
 * ```
 *
 * @category Migration
 */
export function planMigration(model: Model, plan: MigrationPlan, options?: PlanMigrationOptions): MigrationResult;
/**
 * The same, for a plan not yet checked: JSON text, or an object read from a file. It is parsed first
 * ({@link parsePlan}), and every problem is reported in a {@link PlanValidationError}.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, planMigration } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const result = planMigration(model, readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8'));
 * ```
 *
 * @category Migration
 */
export function planMigration(model: Model, plan: unknown, options?: PlanMigrationOptions): MigrationResult;
export function planMigration(model: Model, plan: unknown, options?: PlanMigrationOptions): MigrationResult {
  const parsed = parseOptions(QUERY, OPTIONS, options);
  const prepared = preparePlan(QUERY, model, plan, parsed.weight);
  const limit = parsed.exhaustiveLimit ?? DEFAULT_EXHAUSTIVE_LIMIT;
  const { problem } = prepared;
  let wave = heuristicPlacement(problem);
  const optimal = problem.n <= limit;
  if (optimal) wave = exactPlacement(problem, wave);
  return finishPlan(prepared, wave, optimal ? { method: 'exhaustive' } : { method: 'heuristic' });
}
