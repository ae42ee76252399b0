/**
 * The part of migration planning every method shares: checking the plan, the calendar, the violations, the hard
 * rules and the numeric problem before placing; the public result after.
 */
import { capped, OptionError } from '../errors.js';
import type { Model } from '../model/model.js';
import { describe, optionError } from '../options.js';
import { compareStrings } from '../queries/facts.js';
import type { Integration } from '../types.js';
import { bridgeLowerBound } from './bounds.js';
import { WaveCalendar } from './calendar.js';
import { assemble, type StepIntegration } from './explain.js';
import type { MigrationPlan } from './plan-schema.js';
import { buildProblem, type Problem } from './problem.js';
import type { MigrationMethod, MigrationResult, MigrationViolation, PlanReason } from './result.js';
import { hardConstraints, readySystemOf, type HardConstraint } from './rules.js';
import { parsePlan } from './validate.js';
import { missedCount } from './windows.js';

/** A plan checked against the model and turned into a numeric problem, ready for any method. */
export interface PreparedPlan {
  readonly model: Model;
  readonly plan: MigrationPlan;
  readonly classOf: ReadonlyMap<string, 'TORI' | 'TOSI'>;
  readonly problem: Problem;
  readonly constraints: readonly HardConstraint[];
  readonly violations: readonly MigrationViolation[];
  readonly calendar: WaveCalendar | undefined;
  readonly integrations: readonly StepIntegration[];
}

/** How a placement was found and what is proven about it. */
export interface PlacementOutcome {
  readonly method: MigrationMethod;
  /** For the MIP: proven optimal. The exhaustive search always is; the heuristic never. */
  readonly proven?: boolean | undefined;
  /** A lower bound of the optimal cost found by the method (the combinatorial bound is used when larger). */
  readonly lowerBound?: number | undefined;
  readonly reasons?: readonly PlanReason[] | undefined;
}

/** The public result for a placement. */
export function finishPlan(
  prepared: PreparedPlan,
  wave: ArrayLike<number>,
  outcome: PlacementOutcome,
): MigrationResult {
  const proven = outcome.method === 'exhaustive' || outcome.proven === true;
  const bounds = [bridgeLowerBound(prepared.problem, missedCount(prepared.problem, wave))];
  if (outcome.lowerBound !== undefined) bounds.push(outcome.lowerBound);
  return assemble({
    plan: prepared.plan,
    classOf: prepared.classOf,
    nameOf: (id) => prepared.model.nameOf(id) ?? id,
    problem: prepared.problem,
    wave,
    constraints: prepared.constraints,
    violations: prepared.violations,
    calendar: prepared.calendar,
    integrations: prepared.integrations,
    optimal: proven,
    method: outcome.method,
    lowerBound: proven ? 'cost' : Math.max(...bounds),
    reasons: outcome.reasons ?? [],
  });
}

/** The weight function, checked on every call: a bad return value names the option and the integration. */
function checkedWeight(
  where: string,
  weight: ((integration: Integration) => number) | undefined,
): (integration: Integration) => number {
  if (weight === undefined) return () => 1;
  return (integration) => {
    let value: unknown;
    try {
      value = weight(integration);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new OptionError(
        `${where}: option 'weight' threw for integration '${capped(integration.id)}': ${capped(reason)}`,
        {
          option: 'weight',
          path: ['weight'],
          id: integration.id,
          cause: error,
        },
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw optionError(
        where,
        ['weight'],
        `must return a finite number of at least 0, got ${describe(value)} for integration '${integration.id}'`,
        integration.id,
      );
    }
    return value;
  };
}

/**
 * Everything about a plan that does not depend on the placement: the checked plan, the calendar, the violations,
 * the hard rules, the integrations between steps and the numeric problem. Throws what {@link planMigration} throws.
 */
export function preparePlan(
  where: string,
  model: Model,
  plan: unknown,
  weightOption: ((integration: Integration) => number) | undefined,
): PreparedPlan {
  const weight = checkedWeight(where, weightOption);
  const checked: MigrationPlan = parsePlan(model, plan);
  const steps = checked.steps;

  const calendar =
    checked.start !== undefined && checked.waveMonths !== undefined
      ? new WaveCalendar(checked.start, checked.waveMonths)
      : undefined;
  const violations: MigrationViolation[] = [];
  if ((checked.start === undefined) !== (checked.waveMonths === undefined)) {
    violations.push({
      code: 'calendar-incomplete',
      message: `the plan gives ${checked.start === undefined ? 'waveMonths but no start' : 'start but no waveMonths'}: the waves have no dates`,
    });
  }
  const minWave = new Map<string, number>();
  const maxWave = new Map<string, number>();
  for (const step of steps) {
    if (calendar) {
      if (step.notBefore !== undefined) minWave.set(step.id, calendar.firstWaveFrom(step.notBefore));
      if (step.deadline !== undefined) maxWave.set(step.id, calendar.lastWaveUntil(step.deadline));
    } else if (step.notBefore !== undefined || step.deadline !== undefined) {
      const fields = [
        step.deadline !== undefined ? `deadline ${step.deadline}` : '',
        step.notBefore !== undefined ? `notBefore ${step.notBefore}` : '',
      ].filter((f) => f !== '');
      violations.push({
        code: 'dates-unchecked',
        step: step.id,
        message: `${step.id}: ${fields.join(' and ')} not checked: the plan needs start and waveMonths to give the waves dates`,
      });
    }
    const ready = readySystemOf(step);
    if (step.action !== 'rehost' && ready !== undefined && model.system(ready)?.lifecycle === 'retired') {
      violations.push({
        code: 'target-retired',
        step: step.id,
        system: ready,
        message: `${step.id} moves onto ${ready}, which is retired`,
      });
    }
  }

  const { constraints, outside } = hardConstraints(model, steps);
  for (const found of outside) {
    const shown = found.dependents.slice(0, 10).join(', ');
    const more = found.dependents.length > 10 ? ` and ${found.dependents.length - 10} more` : '';
    violations.push({
      code: 'retires-dependency',
      step: found.step,
      system: found.system,
      systems: found.dependents,
      message: `${found.step} takes ${found.system} out of use, but ${shown}${more} (outside the plan) depend${found.dependents.length === 1 ? 's' : ''} on it`,
    });
  }
  violations.sort((a, b) => compareStrings(a.code, b.code) || compareStrings(a.step ?? '', b.step ?? ''));

  const stepOfSystem = new Map<string, string>();
  for (const step of steps) stepOfSystem.set(step.system, step.id);
  const integrations: StepIntegration[] = [];
  const pairWeights = new Map<string, [string, string, number]>();
  for (const integration of model.integrations()) {
    const source = stepOfSystem.get(integration.source);
    const target = stepOfSystem.get(integration.target);
    if (source === undefined || target === undefined || source === target) continue;
    const w = weight(integration);
    integrations.push({ id: integration.id, source, target, weight: w });
    const [a, b] = compareStrings(source, target) < 0 ? [source, target] : [target, source];
    const key = `${a}\u0000${b}`;
    const known = pairWeights.get(key);
    if (known) known[2] += w;
    else pairWeights.set(key, [a, b, w]);
  }

  const classOf = new Map<string, 'TORI' | 'TOSI'>();
  for (const step of steps) classOf.set(step.id, model.system(step.system)?.class ?? 'TOSI');
  const problem = buildProblem({
    ids: steps.map((s) => s.id),
    classes: steps.map((s) => classOf.get(s.id) as string),
    constraints,
    minWave,
    maxWave,
    capacity: checked.capacity ?? Math.max(1, steps.length),
    weights: [...pairWeights.values()],
  });
  return { model, plan: checked, classOf, problem, constraints, violations, calendar, integrations };
}
