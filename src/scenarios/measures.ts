/** The built-in measures of a scenario comparison: one row each, computed on one model (and its plan). */
import type { Model } from '../model/model.js';
import type { MigrationResult } from '../migration/result.js';
import { addMonths } from '../migration/calendar.js';
import { harmonisationCandidates } from '../queries/harmonisation.js';
import { parallelSystems } from '../queries/parallel.js';
import type { System } from '../types.js';
import type { Scenario } from './scenario-schema.js';

/**
 * What a measure sees for one column of the comparison.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { MeasureContext } from 'kartta';
 * const systemsInUse = (context: MeasureContext) => context.model.scope({ scope: context.scope }).systems.length;
 * ```
 */
export interface MeasureContext {
  /** The column's model: the base itself, or a scenario's target. */
  readonly model: Model;
  /** The base model of the comparison. */
  readonly base: Model;
  /** The column's scenario; `null` for the base column. */
  readonly scenario: Scenario | null;
  /** The `planMigration` result of the scenario's plan (planned against the base); `null` without a plan. */
  readonly plan: MigrationResult | null;
  /** The scope of the comparison (an organisation id), or undefined for the whole model. */
  readonly scope: string | undefined;
  /** The date notice would be given, for exit dates; undefined when not known. */
  readonly asOf: string | undefined;
}

/**
 * The value of one cell: a number, a date (`YYYY-MM-DD`), a text, or `null` (not applicable or unknown), with
 * optional notes (which systems, which dates) for a reader.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { MeasureValue } from 'kartta';
 * const value: MeasureValue = { value: 2, notes: ['lifecare-oulu: 2020-12-31', 'pegasos-muhos: 2020-12-31'] };
 * ```
 */
export type MeasureValue =
  | number
  | string
  | null
  | {
      /** The value: a number, a date (`YYYY-MM-DD`), a text, or `null`. */
      readonly value: number | string | null;
      /** Details for a reader, such as the systems counted with their dates; shown with `notes` on. */
      readonly notes?: readonly string[] | undefined;
    };

/**
 * One row of a scenario comparison: an id (kebab-case), a label, a unit and a function computing the value of a
 * column. The built-in ones are in {@link scenarioMeasures}; add your own to `measures`.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ScenarioMeasure } from 'kartta';
 * const critical: ScenarioMeasure = {
 *   id: 'critical-systems',
 *   label: 'Critical systems in use',
 *   unit: 'count',
 *   value: ({ model, scope }) => model.scope({ scope }).systems.filter((id) => model.system(id)?.criticality === 'critical').length,
 * };
 * ```
 */
export interface ScenarioMeasure {
  /** A kebab-case id, unique in the comparison. */
  readonly id: string;
  /** What the row shows, for a reader. */
  readonly label: string;
  /** `count`, `eur` (euros), `date` or `text`: how the value is written, and whether it has a delta. */
  readonly unit: 'count' | 'eur' | 'date' | 'text';
  /** Only for scenarios with a migration plan: the base column and scenarios without a plan get `null`. */
  readonly needsPlan?: boolean | undefined;
  /** Computes the cell of one column. */
  readonly value: (context: MeasureContext) => MeasureValue;
}

const IN_USE = new Set(['production', 'phasingOut']);

function inUse(context: MeasureContext): System[] {
  const { model, scope } = context;
  return model
    .scope({ scope })
    .systems.map((id) => model.system(id) as System)
    .filter((system) => IN_USE.has(system.lifecycle));
}

/** Systems in use in the base's scope that this column takes out of use (retired or gone), with a contract. */
function terminated(context: MeasureContext): System[] {
  if (context.scenario === null) return [];
  const baseContext = { ...context, model: context.base };
  return inUse(baseContext).filter((system) => {
    if (system.contract === undefined) return false;
    const now = context.model.system(system.id);
    return now === undefined || !IN_USE.has(now.lifecycle);
  });
}

/**
 * The earliest date a contract can end: its `ends`, but no sooner than `asOf` plus the notice period. Without
 * `asOf` the notice is taken as given in time (the exit is `ends`); without `ends` and `asOf`, unknown.
 */
export function earliestExit(system: System, asOf: string | undefined): string | null {
  const ends = system.contract?.ends;
  const notice = asOf === undefined ? undefined : addMonths(asOf, system.contract?.noticeMonths ?? 0);
  if (ends === undefined) return notice ?? null;
  if (notice === undefined) return ends;
  return notice > ends ? notice : ends;
}

const sum = (values: readonly (number | undefined)[]): number =>
  values.reduce<number>((total, value) => total + (value ?? 0), 0);

/**
 * The built-in rows of {@link compareScenarios}, in this order: organisations providing ICT (owning a system in
 * use), systems in use, distinct products, TORI services on more than one product, harmonisation savings still
 * available, annual system cost, parallel TOSI pairs, of them without integration, integrations, platforms,
 * contracts to terminate, the date by which they can all end, and with a plan: waves, bridges, missed deadlines.
 * In use means lifecycle `production` or `phasingOut`, in the comparison's scope.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import { scenarioMeasures } from 'kartta';
 * console.log(scenarioMeasures.map((m) => m.id).slice(0, 3)); // ['organisations-providing-ict', 'systems-in-use', 'distinct-products']
 * ```
 */
export const scenarioMeasures: readonly ScenarioMeasure[] = Object.freeze([
  {
    id: 'organisations-providing-ict',
    label: 'Organisations providing ICT (owning a system in use)',
    unit: 'count',
    value: (context: MeasureContext) => {
      const systems = new Set(inUse(context).map((system) => system.id));
      const scopeOrganisations = new Set(context.model.scope({ scope: context.scope }).organisations);
      const owners = new Set<string>();
      for (const id of systems)
        for (const relation of context.model.relationsIn(id, 'owns'))
          if (scopeOrganisations.has(relation.from)) owners.add(relation.from);
      return owners.size;
    },
  },
  {
    id: 'systems-in-use',
    label: 'Systems in use',
    unit: 'count',
    value: (context: MeasureContext) => inUse(context).length,
  },
  {
    id: 'distinct-products',
    label: 'Distinct products in use',
    unit: 'count',
    value: (context: MeasureContext) => {
      const products = new Set<string>();
      for (const system of inUse(context))
        products.add(context.model.productOf(system.id)?.key ?? `system:${system.id}`);
      return products.size;
    },
  },
  {
    id: 'tori-services-multi-product',
    label: 'TORI services on more than one product',
    unit: 'count',
    value: (context: MeasureContext) =>
      harmonisationCandidates(context.model, { scope: context.scope }).filter((c) => c.kind === 'sameService').length,
  },
  {
    id: 'harmonisation-savings',
    label: 'Harmonisation savings still available (EUR/year)',
    unit: 'eur',
    value: (context: MeasureContext) =>
      sum(
        harmonisationCandidates(context.model, { scope: context.scope }).map((c) =>
          c.kind === 'sameProduct' ? (c.savings ?? 0) : 0,
        ),
      ),
  },
  {
    id: 'annual-system-cost',
    label: 'Annual system cost (EUR)',
    unit: 'eur',
    value: (context: MeasureContext) => sum(inUse(context).map((system) => system.contract?.annualCost)),
  },
  {
    id: 'parallel-tosi-pairs',
    label: 'Parallel TOSI pairs',
    unit: 'count',
    value: (context: MeasureContext) =>
      sum(parallelSystems(context.model, { scope: context.scope, maxPairs: 0 }).map((group) => group.pairCounts.total)),
  },
  {
    id: 'parallel-pairs-without-integration',
    label: '  of them without integration',
    unit: 'count',
    value: (context: MeasureContext) =>
      sum(parallelSystems(context.model, { scope: context.scope, maxPairs: 0 }).map((group) => group.gaps)),
  },
  {
    id: 'integrations',
    label: 'Integrations between systems in use',
    unit: 'count',
    value: (context: MeasureContext) => {
      const live = new Set(inUse(context).map((system) => system.id));
      const isLive = (id: string) => live.has(id) || IN_USE.has(context.model.system(id)?.lifecycle ?? 'retired');
      return context.model
        .integrations()
        .filter((i) => (live.has(i.source) || live.has(i.target)) && isLive(i.source) && isLive(i.target)).length;
    },
  },
  {
    id: 'platforms',
    label: 'Integration platforms in use',
    unit: 'count',
    value: (context: MeasureContext) => inUse(context).filter((system) => system.platform === true).length,
  },
  {
    id: 'contracts-to-terminate',
    label: 'Contracts to terminate',
    unit: 'count',
    value: (context: MeasureContext) => {
      const systems = terminated(context);
      return {
        value: systems.length,
        notes: systems.map((system) => `${system.id}: ${earliestExit(system, context.asOf) ?? 'unknown'}`),
      };
    },
  },
  {
    id: 'contracts-exit-by',
    label: '  all of them can end by',
    unit: 'date',
    value: (context: MeasureContext) => {
      const exits = terminated(context).map((system) => earliestExit(system, context.asOf));
      if (exits.length === 0 || exits.some((exit) => exit === null)) return null;
      return (exits as string[]).reduce((latest, exit) => (exit > latest ? exit : latest));
    },
  },
  {
    id: 'plan-waves',
    label: 'Migration waves',
    unit: 'count',
    needsPlan: true,
    value: (context: MeasureContext) => context.plan?.waves.length ?? null,
  },
  {
    id: 'plan-bridges',
    label: 'Bridge integrations',
    unit: 'count',
    needsPlan: true,
    value: (context: MeasureContext) => context.plan?.bridges.length ?? null,
  },
  {
    id: 'plan-missed-deadlines',
    label: 'Missed deadlines',
    unit: 'count',
    needsPlan: true,
    value: (context: MeasureContext) => {
      const missed = context.plan?.missedDeadlines;
      if (missed === undefined) return null;
      return {
        value: missed.length,
        notes: missed.map((m) => `${m.step}: deadline ${m.deadline}, wave ${m.wave} ends ${m.waveEnd}`),
      };
    },
  },
] satisfies ScenarioMeasure[]);
