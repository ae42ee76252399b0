/** Scenarios side by side: one table, a column per scenario and the base, a row per measure. */
import { z } from 'zod';
import { Model } from '../model/model.js';
import { planMigration } from '../migration/plan-migration.js';
import type { MigrationResult } from '../migration/result.js';
import { isIsoDate } from '../schema/primitives.js';
import { QueryError } from '../errors.js';
import { applyScenario } from './apply.js';
import { scenarioMeasures, type MeasureContext, type MeasureValue, type ScenarioMeasure } from './measures.js';
import { parseOptions } from '../options.js';
import { parseScenario } from './parse.js';
import type { Scenario } from './scenario-schema.js';

/**
 * Options of {@link compareScenarios}.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import { scenarioMeasures, type CompareScenariosOptions } from 'kartta';
 * const options: CompareScenariosOptions = {
 *   scope: 'pop',
 *   asOf: '2019-01-01',
 *   measures: [...scenarioMeasures, { id: 'users', label: 'Users', unit: 'count', value: ({ model }) => model.systems().length }],
 * };
 * ```
 */
export interface CompareScenariosOptions {
  /** Measure within this organisation and its members (usually the region); the whole model without it. */
  readonly scope?: string | undefined;
  /** When notice would be given, for exit dates (default: the scenario plan's `start`, else none). */
  readonly asOf?: string | undefined;
  /** The rows, in order (default: {@link scenarioMeasures}). */
  readonly measures?: readonly ScenarioMeasure[] | undefined;
}

/**
 * One column of a comparison: the base or a scenario.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ComparisonColumn } from 'kartta';
 * const column: ComparisonColumn = { index: 1, name: 'Hospital district based', base: false, plan: true };
 * ```
 */
export interface ComparisonColumn {
  /** 0 for the base, then 1, 2, ... for the scenarios in the order given. */
  readonly index: number;
  /** `Base`, or the scenario's name. */
  readonly name: string;
  /** The scenario's description. */
  readonly description?: string | undefined;
  /** True for the base column. */
  readonly base: boolean;
  /** Whether the column has a migration plan. */
  readonly plan: boolean;
}

/**
 * One cell: the value, its difference from the base (numbers only), and notes.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ComparisonCell } from 'kartta';
 * const cell: ComparisonCell = { value: 61, delta: -12, notes: [] };
 * ```
 */
export interface ComparisonCell {
  /** The measure's value for the column: a number, a date, a text, or `null` (not applicable or unknown). */
  readonly value: number | string | null;
  /** `value` minus the base's value, when both are numbers; `null` otherwise (and in the base column). */
  readonly delta: number | null;
  /** What lies behind the value, for a reader (which contracts end when, which deadlines are missed). */
  readonly notes: readonly string[];
}

/**
 * One row: a measure and its cells, one per column.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ComparisonRow } from 'kartta';
 * const row: ComparisonRow = { id: 'systems-in-use', label: 'Systems in use', unit: 'count', cells: [{ value: 73, delta: null, notes: [] }] };
 * ```
 */
export interface ComparisonRow {
  /** The measure's id. */
  readonly id: string;
  /** The measure's label. */
  readonly label: string;
  /** The measure's unit. */
  readonly unit: ScenarioMeasure['unit'];
  /** One cell per column, in the order of the columns. */
  readonly cells: readonly ComparisonCell[];
}

/**
 * The result of {@link compareScenarios}: columns (the base first) and rows (one per measure).
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ScenarioComparison } from 'kartta';
 * const empty: ScenarioComparison = { scope: null, asOf: null, columns: [], rows: [] };
 * ```
 */
export interface ScenarioComparison {
  /** The scope option, or `null` for the whole model. */
  readonly scope: string | null;
  /** The `asOf` option, or `null` when not given (each scenario then uses its plan's start). */
  readonly asOf: string | null;
  /** The base first, then the scenarios in the order given. */
  readonly columns: readonly ComparisonColumn[];
  /** One row per measure, in the order of the measures. */
  readonly rows: readonly ComparisonRow[];
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const measureSchema = z.strictObject({
  id: z.string().regex(KEBAB, { message: 'must be a kebab-case id' }),
  label: z.string().min(1),
  unit: z.enum(['count', 'eur', 'date', 'text']),
  needsPlan: z.boolean().optional(),
  value: z.custom<ScenarioMeasure['value']>((value) => typeof value === 'function', {
    message: 'must be a function of the measure context',
  }),
});

const optionsSchema = z.strictObject({
  scope: z.string().min(1).optional(),
  asOf: z
    .string()
    .refine((value) => isIsoDate(value), { message: 'must be an existing calendar date as YYYY-MM-DD' })
    .optional(),
  measures: z.array(measureSchema).optional(),
});

function unpack(
  value: MeasureValue,
  measure: ScenarioMeasure,
): { value: number | string | null; notes: readonly string[] } {
  const out =
    value !== null && typeof value === 'object'
      ? { value: value.value, notes: value.notes ?? [] }
      : { value, notes: [] };
  const ok =
    out.value === null ||
    typeof out.value === 'string' ||
    (typeof out.value === 'number' && Number.isFinite(out.value));
  if (!ok || !Array.isArray(out.notes) || out.notes.some((note) => typeof note !== 'string')) {
    throw new QueryError(
      'option.invalid',
      `compareScenarios: measure '${measure.id}' must give a finite number, a string or null (optionally as { value, notes: string[] })`,
      measure.id,
    );
  }
  return out;
}

/**
 * Compares scenarios of one base on the measures an ICT group decides on: one column for the base and one per
 * scenario (its target, see {@link applyScenario}), one row per measure (see {@link scenarioMeasures}; add your
 * own with `measures`), each cell with its difference from the base. A scenario's `plan` is planned against the
 * base with `planMigration`, for the plan rows (waves, bridges, missed deadlines).
 *
 * Render it with {@link formatComparison}.
 *
 * @throws {@link ScenarioError} when a scenario does not apply; {@link QueryError} `option.invalid` for a bad
 *   option or measure, `scope.unknown` for an unknown scope; the errors of `planMigration` for a bad plan.
 * @category Scenarios
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, compareScenarios, formatComparison } from 'kartta';
 * const base = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const scenarios = ['hospital-district', 'regional-council', 'oulu'].map((name) =>
 *   readFileSync(`examples/scenarios/${name}.scenario.json`, 'utf8'),
 * );
 * console.log(formatComparison(compareScenarios(base, scenarios, { scope: 'pop' })));
 * ```
 */
export function compareScenarios(
  base: Model,
  scenarios: readonly (Scenario | string)[],
  options: CompareScenariosOptions = {},
): ScenarioComparison {
  if (!(base instanceof Model))
    throw new QueryError(
      'option.invalid',
      'compareScenarios: the base must be a Model (load one with Model.load)',
      'base',
    );
  if (!Array.isArray(scenarios))
    throw new QueryError(
      'option.invalid',
      'compareScenarios: scenarios must be an array of scenario documents',
      'scenarios',
    );
  const { scope, asOf, measures = scenarioMeasures } = parseOptions('compareScenarios', optionsSchema, options);
  const seen = new Set<string>();
  for (const measure of measures) {
    if (seen.has(measure.id))
      throw new QueryError('option.invalid', `compareScenarios: measure id '${measure.id}' is given twice`, measure.id);
    seen.add(measure.id);
  }
  if (scope !== undefined) base.scope({ scope });

  const columns: { column: ComparisonColumn; context: MeasureContext }[] = [
    {
      column: { index: 0, name: 'Base', base: true, plan: false },
      context: { model: base, base, scenario: null, plan: null, scope, asOf },
    },
  ];
  scenarios.forEach((input, i) => {
    const scenario = parseScenario(input);
    const model = applyScenario(base, scenario);
    const plan: MigrationResult | null = scenario.plan === undefined ? null : planMigration(base, scenario.plan);
    const column: ComparisonColumn = {
      index: i + 1,
      name: scenario.name,
      ...(scenario.description !== undefined ? { description: scenario.description } : {}),
      base: false,
      plan: plan !== null,
    };
    columns.push({ column, context: { model, base, scenario, plan, scope, asOf: asOf ?? scenario.plan?.start } });
  });

  const rows: ComparisonRow[] = measures.map((measure) => {
    const values = columns.map(({ context }) =>
      measure.needsPlan && context.plan === null ? { value: null, notes: [] } : unpack(measure.value(context), measure),
    );
    const baseValue = values[0]?.value ?? null;
    const cells = values.map((cell, i) => ({
      value: cell.value,
      delta:
        i > 0 && typeof cell.value === 'number' && typeof baseValue === 'number' && measure.unit !== 'date'
          ? cell.value - baseValue
          : null,
      notes: [...cell.notes],
    }));
    return { id: measure.id, label: measure.label, unit: measure.unit, cells };
  });
  return { scope: scope ?? null, asOf: asOf ?? null, columns: columns.map(({ column }) => column), rows };
}
