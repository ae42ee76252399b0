/** The errors of migration planning: an invalid plan document, and a cycle among the hard rules. */
import { KarttaError, ModelValidationError } from '../errors.js';
import type { Issue } from '../types.js';

/**
 * Thrown by {@link planMigration} and {@link parsePlan} when a plan document is invalid: code `plan.invalid`,
 * with every problem found in `issues` (each with a stable code and a path such as `steps[2].target`). It is a
 * {@link ModelValidationError}, so code that handles those handles this too.
 *
 * @example
 * ```ts
 * import { Model, planMigration, PlanValidationError } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * try {
 *   planMigration(model, { steps: [{ id: 'a', action: 'retire', system: 'nowhere' }] });
 * } catch (error) {
 *   if (error instanceof PlanValidationError) console.log(error.issues[0]?.code); // 'reference.missing'
 * }
 * ```
 *
 * @category Migration
 */
export class PlanValidationError extends ModelValidationError {
  /** The `plan.invalid` error of a plan document with these `issues`. */
  constructor(issues: readonly Issue[]) {
    super(issues, 'plan');
  }
}

/**
 * Why one step must come before another: `after` (the plan says so), `ready` (what the later step moves onto
 * depends on what the earlier one puts in place) or `in-use` (the earlier step's system depends on what the later
 * one takes out of use).
 *
 * @example
 * ```ts
 * import type { HardRule } from 'kartta';
 * const rule: HardRule = 'ready';
 * ```
 *
 * @category Migration
 */
export type HardRule = 'after' | 'ready' | 'in-use';

/**
 * One link of a hard-rule cycle: `before` must come before `after` because of `rule`.
 *
 * @example
 * ```ts
 * import type { CycleLink } from 'kartta';
 * const link: CycleLink = { before: 'a', after: 'b', rule: 'after' };
 * ```
 *
 * @category Migration
 */
export interface CycleLink {
  /** The id of the step that must come first. */
  readonly before: string;
  /** The id of the step that must come later. */
  readonly after: string;
  /** The hard rule that says so. */
  readonly rule: HardRule;
}

/**
 * Thrown by {@link planMigration} when the hard rules contradict each other: code `plan.cycle`. `cycle` names the
 * steps in order (each must come before the next, and the last before the first); `links` says which rule
 * ties each pair.
 *
 * @example
 * ```ts
 * import { Model, planMigration, MigrationCycleError } from 'kartta';
 * const model = Model.load({
 *   format: 'kartta/1', name: 'X',
 *   systems: [
 *     { id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' },
 *     { id: 'b', name: 'B', class: 'TORI', lifecycle: 'production' },
 *   ],
 * });
 * try {
 *   planMigration(model, { steps: [
 *     { id: 'x', action: 'retire', system: 'a', after: ['y'] },
 *     { id: 'y', action: 'retire', system: 'b', after: ['x'] },
 *   ] });
 * } catch (error) {
 *   if (error instanceof MigrationCycleError) console.log(error.cycle); // ['x', 'y']
 * }
 * ```
 *
 * @category Migration
 */
export class MigrationCycleError extends KarttaError {
  /** The steps of the cycle, starting from the smallest id, each before the next. */
  readonly cycle: readonly string[];
  /** The rule behind each consecutive pair, closing back to the first step. */
  readonly links: readonly CycleLink[];

  /** The `plan.cycle` error of the steps in `cycle`, with the rule of each link. */
  constructor(cycle: readonly string[], links: readonly CycleLink[]) {
    const shown = links.map((link) => `${link.before} -> ${link.after} (${link.rule})`).join(', ');
    super(
      'plan.cycle',
      `The hard rules of the plan form a cycle: ${[...cycle, cycle[0] ?? ''].join(' -> ')}; ${shown}`,
    );
    this.cycle = cycle;
    this.links = links;
  }
}
