/**
 * Generated ArchiMate views: the landscape of each organisation, each parallel group and the waves of a
 * migration plan, laid out automatically (dagre for the layered views, a time-line grid for the waves) with
 * nodes the size Archi draws them and no two nodes overlapping.
 *
 * @module
 */
import { QueryError } from '../../errors.js';
import { z } from 'zod';
import type { Model } from '../../model/model.js';
import { optionError, optionField, optionsSchema, parseOptions } from '../../options.js';
import { isRecord } from '../../schema/json.js';
import { parallelSystems } from '../../queries/parallel.js';
import type { MigrationPlan } from '../../migration/plan-schema.js';
import type { MigrationResult } from '../../migration/result.js';
import { buildPlanLayer, type PlanLayer } from '../plan.js';
import { landscapeView } from './landscape.js';
import { parallelView } from './parallel.js';
import type { ViewSpec } from './types.js';
import { wavesView } from './waves.js';
import { withArticle } from '../../words.js';

export type { ViewSpec, ViewNodeSpec, ViewConnectionSpec } from './types.js';

/**
 * A migration plan for the waves view: the plan document and its placement in waves (a `planMigration`
 * result).
 *
 * @example
 * ```ts
 * import type { ViewsPlan } from 'kartta';
 * const plan: ViewsPlan = {
 *   document: { steps: [{ id: 'iam', action: 'replace', system: 'oulu-ad', target: 'pop-iam' }] },
 *   result: { waves: [{ index: 1, steps: ['iam'] }] },
 * };
 * ```
 *
 * @category ArchiMate
 */
export interface ViewsPlan {
  /** The migration plan. */
  readonly document: MigrationPlan;
  /** Its waves, as planMigration placed the steps (or any placement of your own). */
  readonly result: Pick<MigrationResult, 'waves'>;
}

/**
 * Which views {@link buildViews} makes.
 *
 * @example
 * ```ts
 * import type { BuildViewsOptions } from 'kartta';
 * const options: BuildViewsOptions = { scope: 'pop', landscapes: ['oulu', 'kempele'], parallel: false };
 * ```
 *
 * @category ArchiMate
 */
export interface BuildViewsOptions {
  /**
   * The landscape of each organisation in scope that owns or uses a system (`true`, the default), of the
   * organisations listed (each must be in scope), or none (`false`).
   */
  readonly landscapes?: boolean | readonly string[] | undefined;
  /** Organisation whose members (transitively) and their systems are in scope; without it, the whole model. */
  readonly scope?: string | undefined;
  /** A view of each parallel group in scope (see `parallelSystems`); default `true`. */
  readonly parallel?: boolean | undefined;
  /** A migration plan and its waves: adds the waves view. May be just the result when `planElements` is given. */
  readonly plan?: ViewsPlan | Pick<MigrationResult, 'waves'> | undefined;
  /** The plan layer as the exporter writes it; when given, the waves view shows exactly these elements. */
  readonly planElements?: PlanLayer | undefined;
}

const QUERY = 'buildViews';
const anObject = (what: string) => z.custom<object>(isRecord, { error: `must be ${what}` }).optional();
const OPTIONS = optionsSchema({
  landscapes: z
    .union(
      [
        z.boolean(),
        z.array(z.string({ error: 'must be an organisation id' }).min(1, { error: 'must be an organisation id' })),
      ],
      { error: 'must be true, false or a list of organisation ids' },
    )
    .optional(),
  scope: optionField.id(),
  parallel: optionField.boolean(),
  plan: anObject(
    '{ document, result }: the plan document (with its steps) and its planMigration result (with its waves)',
  ),
  planElements: anObject('a plan layer (elements, relationships, waves, plateaus)'),
});

/**
 * Builds the generated views of a model as plain data, sorted by identifier; the ArchiMate export writes them
 * as diagrams (`toArchimateXml(model, { views: true })`). Deterministic: the same model gives the same views
 * whatever order it was written in. Every element and relationship a view references is one the export
 * writes, under the identifiers of `entityIdentifier`-style naming (`id-<kartta id>`, `rel.<type>.<from>.<to>`,
 * `plan.*`); view, node and connection identifiers start with `view.`.
 *
 * - Landscape (`view.landscape.<org>`): the organisation, the systems it owns or uses, the services they support
 *   and the integrations among them, left to right.
 * - Parallel group (`view.parallel.<service>`): the service, the systems of different products that support it,
 *   the integrations between them and the platforms they run through.
 * - Waves (`view.waves`): each wave's WorkPackage with its steps nested in it, plateaus and bridge integrations.
 *
 * @throws {@link OptionError} `option.invalid` for an unknown or malformed option or a landscape organisation
 * outside the scope; {@link QueryError} `entity.unknown` / `entity.wrong-kind` for a landscape id that is not an organisation, `scope.unknown` /
 * `scope.not-organisation` for a bad scope.
 * @example
 * ```ts
 * import { Model, buildViews } from 'kartta';
 * const model = Model.load({
 *   format: 'kartta/1', name: 'X',
 *   organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }],
 *   services: [{ id: 'payroll', name: 'Palkanlaskenta', domain: 'administration' }],
 *   systems: [{ id: 'personec', name: 'Personec', class: 'TORI', lifecycle: 'production' }],
 *   relations: [{ type: 'owns', from: 'oulu', to: 'personec' }, { type: 'supports', from: 'personec', to: 'payroll' }],
 * });
 * const [landscape] = buildViews(model);
 * console.log(landscape?.identifier, landscape?.nodes.length); // 'view.landscape.oulu' 3
 * ```
 *
 * @category ArchiMate
 */
export function buildViews(model: Model, options: BuildViewsOptions = {}): ViewSpec[] {
  const raw = parseOptions(QUERY, OPTIONS, options);
  const scopeId = raw.scope;
  const parallel = raw.parallel ?? true;
  const scope = model.scope(scopeId);
  const systemsInScope = new Set(scope.systems);
  const views: ViewSpec[] = [];

  for (const organisation of landscapeOrganisations(
    model,
    raw.landscapes,
    scope.organisations,
    systemsInScope,
    scopeId,
  )) {
    views.push(landscapeView(model, organisation, systemsInScope));
  }
  if (parallel) {
    for (const group of parallelSystems(model, { scope: scopeId, maxPairs: Infinity }))
      views.push(parallelView(model, group));
  }
  const layer = planLayerOf(model, raw.plan, raw.planElements);
  if (layer) {
    const waves = wavesView(model, layer);
    if (waves) views.push(waves);
  }
  return views.sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
}

function landscapeOrganisations(
  model: Model,
  value: boolean | readonly string[] | undefined,
  inScope: readonly string[],
  systems: ReadonlySet<string>,
  scopeId: string | undefined,
): string[] {
  if (value === undefined || value === true) {
    return inScope.filter((id) =>
      [...model.relationsOut(id, 'owns'), ...model.relationsOut(id, 'uses')].some((relation) =>
        systems.has(relation.to),
      ),
    );
  }
  if (value === false) return [];
  const scopeSet = new Set(inScope);
  const ids = [...new Set(value)].sort();
  for (const id of ids) {
    const found = model.get(id);
    if (!found)
      throw new QueryError(
        'entity.unknown',
        `${QUERY}: landscape organisation '${id}' does not exist in the model`,
        id,
      );
    if (found.kind !== 'organisation')
      throw new QueryError(
        'entity.wrong-kind',
        `${QUERY}: landscape '${id}' is ${withArticle(found.kind)}, not an organisation`,
        id,
      );
    if (!scopeSet.has(id))
      throw optionError(QUERY, ['landscapes'], `names '${id}', an organisation outside scope '${scopeId ?? ''}'`, id);
  }
  return ids;
}

function planLayerOf(model: Model, plan: unknown, planElements: unknown): PlanLayer | undefined {
  if (planElements !== undefined) {
    if (
      !isRecord(planElements) ||
      !Array.isArray(planElements.waves) ||
      !Array.isArray(planElements.elements) ||
      !Array.isArray(planElements.relationships) ||
      !Array.isArray(planElements.plateaus)
    ) {
      throw optionError(QUERY, ['planElements'], 'must be a plan layer (elements, relationships, waves, plateaus)');
    }
    return planElements as unknown as PlanLayer;
  }
  if (plan === undefined) return undefined;
  if (
    !isRecord(plan) ||
    !isRecord(plan.document) ||
    !Array.isArray(plan.document.steps) ||
    !isRecord(plan.result) ||
    !Array.isArray(plan.result.waves)
  ) {
    throw optionError(
      QUERY,
      ['plan'],
      'must be { document, result }: the plan document (with its steps) and its planMigration result (with its waves)',
    );
  }
  for (const step of plan.document.steps as unknown[]) {
    if (!isRecord(step) || typeof step.id !== 'string' || typeof step.system !== 'string') {
      throw optionError(QUERY, ['plan', 'document', 'steps'], 'must each have an id and a system');
    }
  }
  return buildPlanLayer(
    model,
    plan.document as unknown as MigrationPlan,
    plan.result as unknown as Pick<MigrationResult, 'waves'>,
  );
}
