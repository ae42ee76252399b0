/** The model as it stands on a date under a migration plan: the steps whose waves have ended are done. */
import { QueryError } from '../errors.js';
import { Model } from '../model/model.js';
import type { MigrationResult } from '../migration/result.js';
import { isIsoDate } from '../schema/primitives.js';
import { applyScenario } from './apply.js';
import { capText } from './json-values.js';
import { SCENARIO_FORMAT, type ScenarioOperation } from './scenario-schema.js';

const FN = 'stateAt';

/**
 * The model as it stands on `date` under a migration plan (a {@link planMigration} result for this model). A
 * step is done on `date` when its wave has ended before it (the wave's last day is earlier than `date`), so on
 * the first day of wave k every step of waves 1 to k-1 is done. The done steps are applied in wave order (then by
 * step id) with the semantics of the scenario operations:
 *
 * - `retire`: the system is retired and its integrations end;
 * - `replace` and `consolidate`: the system hands its users, services, dependants and integrations over to the
 *   step's `target` and is retired; a target that was planned or in development goes into production;
 * - `rehost`: nothing in the model changes (the same system runs elsewhere).
 *
 * An integration follows its systems: between the wave that moves one end and the wave that moves the other, it
 * joins the new system to the old one; that is the plan's bridge, present in the state for exactly the time the
 * plan's `bridges` say. The systems in use on the first day after each wave are those of the plateaus of the
 * ArchiMate plan layer (`toArchimateXml(model, { plan, planResult })`).
 *
 * @throws {@link QueryError} `option.invalid` for a date that is not `YYYY-MM-DD` or a result that is not a
 *   `planMigration` result, `plan.undated` when the plan has no `start` and `waveMonths` (its waves have no
 *   dates), `entity.unknown` when a step names a system not in the model; a {@link ScenarioError} when a done
 *   step cannot be applied (its target was retired by an earlier step).
 * @category Scenarios
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, planMigration, stateAt } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const result = planMigration(model, JSON.parse(readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8')));
 * const on2020 = stateAt(model, result, '2020-01-01');
 * console.log(on2020.system('oulu-ad')?.lifecycle, on2020.system('pop-iam')?.lifecycle); // 'retired' 'production'
 * ```
 */
export function stateAt(model: Model, planResult: MigrationResult, date: string): Model {
  if (!(model instanceof Model))
    throw new QueryError('option.invalid', `${FN}: the model must be a Model (load one with Model.load)`, 'model');
  if (typeof date !== 'string' || !isIsoDate(date)) {
    throw new QueryError(
      'option.invalid',
      `${FN}: the date must be an existing calendar date as YYYY-MM-DD, got ${capText(JSON.stringify(date) ?? String(date))}`,
      'date',
    );
  }
  const given = planResult as Partial<MigrationResult> | null | undefined;
  if (!Array.isArray(given?.waves) || !Array.isArray(given?.placements)) {
    throw new QueryError(
      'option.invalid',
      `${FN}: planResult must be the result of planMigration (with waves and placements)`,
      'planResult',
    );
  }
  const { waves, placements } = planResult;
  const endOf = new Map<number, string>();
  for (const wave of waves) {
    if (wave.end === undefined)
      throw new QueryError(
        'plan.undated',
        `${FN}: the plan's waves have no dates; give the plan a start and waveMonths`,
      );
    endOf.set(wave.index, wave.end);
  }
  for (const placement of placements) {
    for (const id of placement.target === undefined ? [placement.system] : [placement.system, placement.target]) {
      if (model.system(id) === undefined)
        throw new QueryError(
          'entity.unknown',
          `${FN}: step ${capText(placement.step)} names system ${capText(id)}, which is not in the model`,
          id,
        );
    }
  }
  // Dates after 9999-12-31 are written with a sign (+010000-01-01); none of them has ended by a YYYY-MM-DD date.
  const ended = (wave: number) => {
    const end = endOf.get(wave);
    return end !== undefined && !end.startsWith('+') && end < date;
  };
  const done = placements
    .filter((placement) => ended(placement.wave))
    .sort((a, b) => a.wave - b.wave || (a.step < b.step ? -1 : a.step > b.step ? 1 : 0));
  const retired = new Set<string>(
    model
      .systems()
      .filter((system) => system.lifecycle === 'retired')
      .map((system) => system.id),
  );
  const changes: ScenarioOperation[] = [];
  for (const placement of done) {
    if (placement.action === 'rehost' || retired.has(placement.system)) continue;
    if (placement.action === 'retire' || placement.target === undefined)
      changes.push({ op: 'retire', system: placement.system });
    else changes.push({ op: 'replace', system: placement.system, by: placement.target });
    retired.add(placement.system);
  }
  if (changes.length === 0) return model;
  return applyScenario(model, { format: SCENARIO_FORMAT, name: `State on ${date}`, changes });
}
