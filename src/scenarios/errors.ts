/** The typed errors of scenarios. */
import type { IssueCode, ScenarioProblemCode } from '../codes.js';
import { KarttaError, formatPath } from '../errors.js';

/**
 * One problem of a scenario: what is wrong (`code`), with which change (`change`, its index, and `op`), where
 * (`path`, in the scenario document), about which entity (`id`), and whether it is a `conflict` (the base
 * changed since the scenario was written, and the change no longer applies to it).
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ScenarioProblem } from 'kartta';
 * const problem: ScenarioProblem = {
 *   code: 'scenario.entity-missing', change: 0, op: 'retire', path: ['changes', 0, 'system'], id: 'lifecare-oulu',
 *   conflict: true, message: "changes[0] (retire): system 'lifecare-oulu' is not in the base",
 * };
 * ```
 */
export interface ScenarioProblem {
  /** A stable code: one of `scenarioProblemCodes` (e.g. `scenario.entity-missing`), or for a malformed field of a
   * change one of the format's `issueCodes`. */
  readonly code: ScenarioProblemCode | IssueCode;
  /** The index of the change in `changes`, when the problem belongs to one. */
  readonly change?: number | undefined;
  /** The change's `op`. */
  readonly op?: string | undefined;
  /** Where in the scenario document. */
  readonly path: readonly (string | number)[];
  /** The entity (or relation key) concerned. */
  readonly id?: string | undefined;
  /** True when the scenario names a base hash that differs from the base's: the base moved under it. */
  readonly conflict: boolean;
  /** What is wrong, in words, starting with the change (`changes[2] (retire): ...`). */
  readonly message: string;
}

/**
 * Thrown when a scenario cannot be read or applied. `code` is `scenario.invalid` (the document does not fit the
 * `kartta-scenario/1` format), `scenario.conflict` (the base changed since the scenario was written and some
 * changes no longer apply) or `scenario.change-invalid` (a change does not apply to the very base it was written
 * for, or to a base it names no hash of). `problems` lists every problem found; nothing is applied.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, ScenarioError, applyScenario } from 'kartta';
 * const base = Model.load({ format: 'kartta/1', name: 'X' });
 * try {
 *   applyScenario(base, { format: 'kartta-scenario/1', name: 'S', changes: [{ op: 'retire', system: 'nope' }] });
 * } catch (error) {
 *   if (error instanceof ScenarioError) console.log(error.code, error.problems[0]?.code); // 'scenario.change-invalid' 'scenario.entity-missing'
 * }
 * ```
 */
export class ScenarioError extends KarttaError {
  /** Every problem found, in the order of the changes. */
  readonly problems: readonly ScenarioProblem[];

  /** A scenario error with its code and every problem found; the message lists them. */
  constructor(
    code: 'scenario.invalid' | 'scenario.conflict' | 'scenario.change-invalid',
    problems: readonly ScenarioProblem[],
  ) {
    const what =
      code === 'scenario.invalid'
        ? 'Invalid scenario'
        : code === 'scenario.conflict'
          ? 'The scenario conflicts with its base'
          : 'The scenario does not apply to its base';
    const lines = problems.slice(0, 20).map((p) => `  - ${formatPath(p.path)}: ${p.message} [${p.code}]`);
    if (problems.length > 20) lines.push(`  ... and ${problems.length - 20} more`);
    super(
      code,
      `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was applied\n${lines.join('\n')}`,
    );
    this.problems = problems;
  }
}
