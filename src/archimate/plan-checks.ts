/** The checks of the plan options of an export: the plan must fit the model, a given placement must fit the plan. */
import { planMigration } from '../migration/plan-migration.js';
import type { Model } from '../model/model.js';
import { optionError } from '../options.js';
import type { MigrationPlan } from '../migration/plan-schema.js';
import type { MigrationResult } from '../migration/result.js';

type Placement = Pick<MigrationResult, 'waves'>;

export function computePlan(model: Model, plan: MigrationPlan): Placement {
  return planMigration(model, plan);
}

/** The given placement, when it puts every step of the plan in exactly one wave and names no other step. */
export function checkedPlacement(where: string, plan: MigrationPlan, placement: Placement): Placement {
  const steps = new Set(plan.steps.map((step) => step.id));
  const placed = new Set<string>();
  const waves: Placement['waves'] | undefined = Array.isArray(placement?.waves) ? placement.waves : undefined;
  if (waves === undefined)
    throw optionError(where, ['planResult', 'waves'], 'must be an array (a planMigration result)');
  for (const [i, wave] of waves.entries()) {
    if (!Number.isInteger(wave?.index) || wave.index < 1 || !Array.isArray(wave.steps)) {
      throw optionError(where, ['planResult', 'waves', i], 'needs an index (an integer >= 1) and a list of steps');
    }
    // A given result may come from anywhere (JSON, another tool): its step ids are checked, not trusted.
    const placedSteps: readonly unknown[] = wave.steps;
    for (const step of placedSteps) {
      if (typeof step !== 'string' || !steps.has(step)) {
        const shown = typeof step === 'string' ? `'${step}'` : (JSON.stringify(step) ?? typeof step);
        throw optionError(
          where,
          ['planResult', 'waves', i],
          `places ${shown}, which is not a step of the plan`,
          typeof step === 'string' ? step : undefined,
        );
      }
      if (placed.has(step))
        throw optionError(
          where,
          ['planResult', 'waves', i],
          `places the step '${step}', which an earlier wave places too`,
          step,
        );
      placed.add(step);
    }
  }
  const missing = [...steps].filter((step) => !placed.has(step)).sort();
  if (missing.length > 0)
    throw optionError(
      where,
      ['planResult', 'waves'],
      `place no wave for the steps ${missing.map((m) => `'${m}'`).join(', ')}`,
      missing[0],
    );
  return placement;
}
