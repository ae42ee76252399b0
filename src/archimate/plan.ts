/**
 * The implementation and migration layer of a migration plan: a WorkPackage per wave (each triggering the next),
 * a WorkPackage per step composed into its wave, plateaus (baseline, after each wave but the last, target) and the
 * gaps between them, with the relationships that tie them to the application components. Every relationship is
 * one the ArchiMate 3.2 table allows (the tests check them against `relationships.xml`).
 */
import type { MigrationPlan, MigrationStep } from '../migration/plan-schema.js';
import type { MigrationResult } from '../migration/result.js';
import type { Model } from '../model/model.js';
import type { Name } from '../types.js';
import { entityIdentifier, generatedIdentifier } from './ids.js';

/**
 * A step of a migration plan: the same type as {@link MigrationStep}.
 *
 * @deprecated Use {@link MigrationStep}; this name is kept so that code written against earlier versions compiles.
 * @example
 * ```ts
 * import type { MigrationStep } from 'kartta';
 * const step: MigrationStep = { id: 'iam', action: 'replace', system: 'oulu-ad', target: 'pop-iam' };
 * ```
 *
 * @category ArchiMate
 */
export type ArchimatePlanStep = MigrationStep;

/**
 * A migration plan document: the same type as {@link MigrationPlan}.
 *
 * @deprecated Use {@link MigrationPlan}; this name is kept so that code written against earlier versions compiles.
 * @example
 * ```ts
 * import type { MigrationPlan } from 'kartta';
 * const plan: MigrationPlan = { start: '2019-01-01', waveMonths: 6, steps: [{ id: 'iam', action: 'replace', system: 'oulu-ad', target: 'pop-iam' }] };
 * ```
 *
 * @category ArchiMate
 */
export type ArchimatePlan = MigrationPlan;

/**
 * Where a plan's steps fall in waves: the `waves` of a {@link MigrationResult}, which is all the export reads of it.
 *
 * @deprecated Use `Pick<MigrationResult, 'waves'>` (any `planMigration` result fits); this name is kept so that code
 * written against earlier versions compiles.
 * @example
 * ```ts
 * import type { MigrationResult } from 'kartta';
 * const result: Pick<MigrationResult, 'waves'> = { waves: [{ index: 1, start: '2019-01-01', end: '2019-06-30', steps: ['iam'] }] };
 * ```
 *
 * @category ArchiMate
 */
export type ArchimatePlanResult = Pick<MigrationResult, 'waves'>;

/**
 * A generated element of the plan layer.
 *
 * @example
 * ```ts
 * import type { PlanElement } from 'kartta';
 * const wave: PlanElement = { identifier: 'plan.wave.1', type: 'WorkPackage', name: 'Wave 1', properties: [['plan.wave', 1]] };
 * ```
 *
 * @category ArchiMate
 */
export interface PlanElement {
  /**
   * Its identifier in the exchange file, derived from the plan (`plan.wave.1`, `plan.step.<id>`, ...) so that it is
   * the same on every export.
   */
  readonly identifier: string;
  /** The ArchiMate element type: a WorkPackage per wave and per step, a Plateau per state, a Gap per wave. */
  readonly type: 'WorkPackage' | 'Plateau' | 'Gap';
  /** Its name in the file, e.g. `Wave 1 (2019-01-01 – 2019-06-30)` or `Replace Oulu AD → POP IAM`. */
  readonly name: string;
  /** Its documentation: a step's `description`, or what a gap takes out of use and brings into use. */
  readonly documentation?: string | undefined;
  /** Property name and value pairs; the names are `plan.*` property definitions. */
  readonly properties: readonly (readonly [string, string | number])[];
}

/**
 * A generated relationship of the plan layer.
 *
 * @example
 * ```ts
 * import type { PlanRelationship } from 'kartta';
 * const next: PlanRelationship = { identifier: 'plan.triggering.wave.1', type: 'Triggering', source: 'plan.wave.1', target: 'plan.wave.2' };
 * ```
 *
 * @category ArchiMate
 */
export interface PlanRelationship {
  /** Its identifier in the exchange file, derived from what it joins. */
  readonly identifier: string;
  /** The ArchiMate relationship type. */
  readonly type: 'Triggering' | 'Composition' | 'Realization' | 'Aggregation' | 'Association';
  /** The identifier of the element it starts at. */
  readonly source: string;
  /** The identifier of the element it ends at. */
  readonly target: string;
  /** Its name, where the type alone does not say it (`retires`, `rehosts`). */
  readonly name?: string | undefined;
}

/**
 * The plan layer as the export writes it, with the identifiers that views of the plan need.
 *
 * @example
 * ```ts
 * import type { PlanLayer } from 'kartta';
 * const empty: PlanLayer = { elements: [], relationships: [], waves: [], plateaus: [], gaps: [] };
 * ```
 *
 * @category ArchiMate
 */
export interface PlanLayer {
  /** The WorkPackages, Plateaus and Gaps, in the order they are written. */
  readonly elements: readonly PlanElement[];
  /** The relationships between them and to the systems, in the order they are written. */
  readonly relationships: readonly PlanRelationship[];
  /** Per wave: its WorkPackage and the WorkPackages of its steps. */
  readonly waves: readonly {
    /** The wave number, from 1. */
    readonly index: number;
    /** The identifier of the wave's WorkPackage. */
    readonly workPackage: string;
    /** The wave's steps and the identifiers of their WorkPackages. */
    readonly steps: readonly {
      /** The id of the step in the plan. */
      readonly step: string;
      /** The identifier of its WorkPackage. */
      readonly workPackage: string;
    }[];
  }[];
  /** The plateaus in order; `after` is the wave they follow (0 for the baseline). */
  readonly plateaus: readonly {
    /** The plateau's identifier. */
    readonly identifier: string;
    /** The wave it follows; 0 for the baseline. */
    readonly after: number;
    /** The ids of the systems the plan moves that are in use in this state, sorted. */
    readonly systems: readonly string[];
  }[];
  /** The gap of each wave, between the plateau before it and the one after. */
  readonly gaps: readonly {
    /** The gap's identifier. */
    readonly identifier: string;
    /** The wave whose change it describes. */
    readonly wave: number;
    /** The identifier of the plateau before the wave. */
    readonly from: string;
    /** The identifier of the plateau after the wave. */
    readonly to: string;
  }[];
}

/** Property definitions of the plan layer and their types. */
export const PLAN_PROPERTY_TYPES: ReadonlyMap<string, 'string' | 'number' | 'date'> = new Map([
  ['plan.wave', 'number'],
  ['plan.start', 'date'],
  ['plan.end', 'date'],
  ['plan.step', 'string'],
  ['plan.action', 'string'],
  ['plan.system', 'string'],
  ['plan.target', 'string'],
  ['plan.deadline', 'date'],
  ['plan.notBefore', 'date'],
] as const);

function displayName(name: Name | undefined, fallback: string): string {
  if (name === undefined) return fallback;
  if (typeof name === 'string') return name;
  return name.fi ?? name[Object.keys(name).sort()[0] as string] ?? fallback;
}

const ACTION_VERB: Record<MigrationStep['action'], string> = {
  retire: 'Retire',
  consolidate: 'Consolidate',
  replace: 'Replace',
  rehost: 'Rehost',
};

/** Builds the plan layer of `plan` placed as in `result`. Systems must exist in the model. */
export function buildPlanLayer(
  model: Model,
  plan: MigrationPlan,
  result: Pick<MigrationResult, 'waves'>,
  identifierOf: (id: string) => string = entityIdentifier,
): PlanLayer {
  const steps = new Map(plan.steps.map((step) => [step.id, step]));
  const waves = [...result.waves]
    .sort((a, b) => a.index - b.index)
    .filter((wave) => wave.steps.some((id) => steps.has(id)));
  const systemName = (id: string) => displayName(model.system(id)?.name, id);
  const elements: PlanElement[] = [];
  const relationships: PlanRelationship[] = [];
  const waveOfStep = new Map<string, number>();
  waves.forEach((wave, i) => {
    for (const id of wave.steps) if (steps.has(id)) waveOfStep.set(id, i + 1);
  });
  const count = waves.length;

  // When each involved system enters and leaves use, counted in plateaus (0 = baseline, k = after wave k).
  const removedAt = new Map<string, number>();
  const introducedAt = new Map<string, number>();
  const involved = new Set<string>();
  for (const step of plan.steps) {
    const wave = waveOfStep.get(step.id);
    if (wave === undefined) continue;
    involved.add(step.system);
    if (step.action !== 'rehost') removedAt.set(step.system, Math.min(removedAt.get(step.system) ?? Infinity, wave));
    if (step.target !== undefined && step.action !== 'retire' && step.action !== 'rehost') {
      involved.add(step.target);
      const lifecycle = model.system(step.target)?.lifecycle;
      if (lifecycle === 'planned' || lifecycle === 'development') {
        introducedAt.set(step.target, Math.min(introducedAt.get(step.target) ?? Infinity, wave));
      }
    }
  }
  const involvedSorted = [...involved].sort();
  const inUse = (system: string, plateau: number) =>
    plateau >= (introducedAt.get(system) ?? 0) && plateau < (removedAt.get(system) ?? Infinity);

  const layerWaves: PlanLayer['waves'][number][] = [];
  waves.forEach((wave, i) => {
    const k = i + 1;
    const identifier = generatedIdentifier('plan', 'wave', k);
    const range = wave.start && wave.end ? ` (${wave.start} – ${wave.end})` : '';
    const properties: [string, string | number][] = [['plan.wave', k]];
    if (wave.start) properties.push(['plan.start', wave.start]);
    if (wave.end) properties.push(['plan.end', wave.end]);
    elements.push({ identifier, type: 'WorkPackage', name: `Wave ${k}${range}`, properties });
    const stepIds = wave.steps.filter((id) => steps.has(id));
    const layerSteps: { step: string; workPackage: string }[] = [];
    for (const id of stepIds) {
      const step = steps.get(id) as MigrationStep;
      const stepIdentifier = generatedIdentifier('plan', 'step', id);
      layerSteps.push({ step: id, workPackage: stepIdentifier });
      const target =
        step.target !== undefined && step.action !== 'retire' && step.action !== 'rehost' ? step.target : undefined;
      const name = `${ACTION_VERB[step.action]} ${systemName(step.system)}${target !== undefined ? ` → ${systemName(target)}` : ''}`;
      const stepProperties: [string, string | number][] = [
        ['plan.step', id],
        ['plan.action', step.action],
        ['plan.system', step.system],
      ];
      if (target !== undefined) stepProperties.push(['plan.target', target]);
      stepProperties.push(['plan.wave', k]);
      if (step.deadline) stepProperties.push(['plan.deadline', step.deadline]);
      if (step.notBefore) stepProperties.push(['plan.notBefore', step.notBefore]);
      elements.push({
        identifier: stepIdentifier,
        type: 'WorkPackage',
        name,
        documentation: step.description,
        properties: stepProperties,
      });
      relationships.push({
        identifier: generatedIdentifier('plan', 'composition', k, id),
        type: 'Composition',
        source: identifier,
        target: stepIdentifier,
      });
      if (step.action === 'rehost') {
        relationships.push({
          identifier: generatedIdentifier('plan', 'realization', 'step', id, step.system),
          type: 'Realization',
          source: stepIdentifier,
          target: identifierOf(step.system),
          name: 'rehosts',
        });
      } else {
        if (target !== undefined) {
          relationships.push({
            identifier: generatedIdentifier('plan', 'realization', 'step', id, target),
            type: 'Realization',
            source: stepIdentifier,
            target: identifierOf(target),
          });
        }
        relationships.push({
          identifier: generatedIdentifier('plan', 'association', 'step', id, step.system),
          type: 'Association',
          source: stepIdentifier,
          target: identifierOf(step.system),
          name: 'retires',
        });
      }
      for (const before of [...(step.after ?? [])].sort()) {
        if (!waveOfStep.has(before)) continue;
        relationships.push({
          identifier: generatedIdentifier('plan', 'triggering', 'step', before, id),
          type: 'Triggering',
          source: generatedIdentifier('plan', 'step', before),
          target: stepIdentifier,
        });
      }
    }
    layerWaves.push({ index: k, workPackage: identifier, steps: layerSteps });
    if (k > 1) {
      relationships.push({
        identifier: generatedIdentifier('plan', 'triggering', 'wave', k - 1),
        type: 'Triggering',
        source: generatedIdentifier('plan', 'wave', k - 1),
        target: identifier,
      });
    }
  });

  // Plateaus: the baseline, the state after each wave but the last, and the target (the state after the last).
  const plateauIdentifier = (p: number) =>
    p === 0
      ? generatedIdentifier('plan', 'plateau', 'baseline')
      : p === count
        ? generatedIdentifier('plan', 'plateau', 'target')
        : generatedIdentifier('plan', 'plateau', 'wave', p);
  const plateaus: { identifier: string; after: number; systems: string[] }[] = [];
  if (count > 0) {
    for (let p = 0; p <= count; p++) {
      const identifier = plateauIdentifier(p);
      const systems = involvedSorted.filter((system) => inUse(system, p));
      const name = p === 0 ? 'Baseline' : p === count ? 'Target' : `After wave ${p}`;
      elements.push({ identifier, type: 'Plateau', name, properties: p === 0 ? [] : [['plan.wave', p]] });
      plateaus.push({ identifier, after: p, systems });
      for (const system of systems) {
        relationships.push({
          identifier: generatedIdentifier('plan', 'aggregation', p, system),
          type: 'Aggregation',
          source: identifier,
          target: identifierOf(system),
        });
      }
      if (p > 0) {
        relationships.push({
          identifier: generatedIdentifier('plan', 'triggering', 'plateau', p),
          type: 'Triggering',
          source: plateauIdentifier(p - 1),
          target: identifier,
        });
        relationships.push({
          identifier: generatedIdentifier('plan', 'realization', 'wave', p),
          type: 'Realization',
          source: generatedIdentifier('plan', 'wave', p),
          target: identifier,
        });
      }
    }
  }

  // A gap per wave: what the wave takes out of use and brings into use.
  const gaps: { identifier: string; wave: number; from: string; to: string }[] = [];
  for (let k = 1; k <= count; k++) {
    const identifier = generatedIdentifier('plan', 'gap', k);
    const removed = involvedSorted.filter((system) => inUse(system, k - 1) && !inUse(system, k));
    const added = involvedSorted.filter((system) => !inUse(system, k - 1) && inUse(system, k));
    const lines: string[] = [];
    if (removed.length > 0) lines.push(`Out of use: ${removed.map(systemName).join(', ')}`);
    if (added.length > 0) lines.push(`Into use: ${added.map(systemName).join(', ')}`);
    const from = plateauIdentifier(k - 1);
    const to = plateauIdentifier(k);
    elements.push({
      identifier,
      type: 'Gap',
      name: `Gap of wave ${k}`,
      documentation: lines.length > 0 ? lines.join('\n') : undefined,
      properties: [['plan.wave', k]],
    });
    gaps.push({ identifier, wave: k, from, to });
    relationships.push({
      identifier: generatedIdentifier('plan', 'association', 'gap', k, 'plateau', 'from'),
      type: 'Association',
      source: identifier,
      target: from,
    });
    relationships.push({
      identifier: generatedIdentifier('plan', 'association', 'gap', k, 'plateau', 'to'),
      type: 'Association',
      source: identifier,
      target: to,
    });
    for (const system of [...removed, ...added].sort()) {
      relationships.push({
        identifier: generatedIdentifier('plan', 'association', 'gap', k, 'system', system),
        type: 'Association',
        source: identifier,
        target: identifierOf(system),
      });
    }
  }
  return { elements, relationships, waves: layerWaves, plateaus, gaps };
}
