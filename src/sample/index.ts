/**
 * `kartta/sample`: the illustrative sample region, North Ostrobothnia (Pohjois-Pohjanmaa), with its migration plan
 * and three transfer scenarios, to try Kartta on without an inventory of one's own. The documents are embedded in
 * the package's code, so nothing depends on where the package is installed. The sample is made up (plausible, not
 * an authoritative inventory): its organisation names are real, its systems, costs and integrations invented.
 *
 * @example
 * ```ts
 * import { parallelSystems, planMigration } from 'kartta';
 * import { sampleMigrationPlan, sampleRegion } from 'kartta/sample';
 * const model = sampleRegion();
 * console.log(parallelSystems(model, { scope: 'pop' }).length);
 * console.log(planMigration(model, sampleMigrationPlan()).waves.length);
 * ```
 *
 * @module kartta/sample
 */
import { echo } from '../errors.js';
import { Model } from '../model/model.js';
import type { MigrationPlan } from '../migration/plan-schema.js';
import { optionError } from '../options.js';
import { parseScenario } from '../scenarios/parse.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import type { KarttaDocument } from '../types.js';
import { planData, regionData, scenarioData, scenarioNames } from './data.js';

/**
 * The name of one of the sample's scenarios, each a way the region could be built: on the hospital district's
 * systems (`'hospital-district'`), on the largest municipality's (`'oulu'`) or on the regional council's with new
 * regional systems (`'regional-council'`).
 *
 * @category Sample
 * @example
 * ```ts
 * import { sampleScenario, type SampleScenarioName } from 'kartta/sample';
 * const name: SampleScenarioName = 'oulu';
 * console.log(sampleScenario(name).changes.length);
 * ```
 */
export type SampleScenarioName = 'hospital-district' | 'oulu' | 'regional-council';

/**
 * The names of the sample's scenarios, in the order {@link sampleScenarios} returns them.
 *
 * @category Sample
 * @example
 * ```ts
 * import { sampleScenarioNames } from 'kartta/sample';
 * console.log(sampleScenarioNames.join(', ')); // 'hospital-district, oulu, regional-council'
 * ```
 */
export const sampleScenarioNames: readonly SampleScenarioName[] = Object.freeze([...scenarioNames]);

let region: Model | undefined;

/**
 * The sample region, loaded: the same {@link Model} on every call (it is loaded once, on the first call, and a
 * model never changes; `edit` returns a new one).
 *
 * @category Sample
 * @example
 * ```ts
 * import { sampleRegion } from 'kartta/sample';
 * const model = sampleRegion();
 * console.log(model.scope('pop').systems.length);
 * ```
 */
export function sampleRegion(): Model {
  return (region ??= Model.load(regionData));
}

/**
 * The sample region's `kartta/1` document, as `examples/pohjois-pohjanmaa.json` holds it: a fresh copy on every
 * call, the caller's to change (to make a test case, say) and load with {@link Model.load}.
 *
 * @category Sample
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * import { sampleDocument } from 'kartta/sample';
 * const document = sampleDocument();
 * document.systems = document.systems?.filter((system) => system.class === 'TOSI');
 * console.log(Model.load(document).systems().length);
 * ```
 */
export function sampleDocument(): KarttaDocument {
  return structuredClone(regionData) as KarttaDocument;
}

/**
 * The sample region's migration plan, as `examples/pohjois-pohjanmaa.plan.json` holds it: a fresh copy on every
 * call, for `planMigration`, `stateAt`, the ArchiMate export or the report.
 *
 * @category Sample
 * @example
 * ```ts
 * import { planMigration } from 'kartta';
 * import { sampleMigrationPlan, sampleRegion } from 'kartta/sample';
 * const result = planMigration(sampleRegion(), sampleMigrationPlan());
 * console.log(result.waves.length);
 * ```
 */
export function sampleMigrationPlan(): MigrationPlan {
  return structuredClone(planData) as MigrationPlan;
}

/**
 * One of the sample's transfer scenarios (`examples/scenarios/NAME.scenario.json`), read with `parseScenario`:
 * frozen, and checked against the sample region by the tests.
 *
 * @param name one of {@link sampleScenarioNames}.
 * @throws `OptionError` (of `kartta`) `option.invalid`, option `name`, for any other name.
 * @category Sample
 * @example
 * ```ts
 * import { applyScenario } from 'kartta';
 * import { sampleRegion, sampleScenario } from 'kartta/sample';
 * const target = applyScenario(sampleRegion(), sampleScenario('oulu'));
 * console.log(target.systems().length);
 * ```
 */
export function sampleScenario(name: SampleScenarioName): Scenario {
  const data = typeof name === 'string' ? scenarioData.get(name) : undefined;
  if (data === undefined)
    throw optionError(
      'sampleScenario',
      ['name'],
      `must be one of ${scenarioNames.map((known) => `'${known}'`).join(', ')}, not ${echo(name)}`,
    );
  return parseScenario(data);
}

/**
 * The sample's three transfer scenarios, in the order of {@link sampleScenarioNames}: what `compareScenarios`
 * and the report's Scenarios section take.
 *
 * @category Sample
 * @example
 * ```ts
 * import { compareScenarios, formatComparison } from 'kartta';
 * import { sampleRegion, sampleScenarios } from 'kartta/sample';
 * console.log(formatComparison(compareScenarios(sampleRegion(), sampleScenarios(), { scope: 'pop' })));
 * ```
 */
export function sampleScenarios(): Scenario[] {
  return scenarioNames.map(sampleScenario);
}
