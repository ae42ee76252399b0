/**
 * The options of the exchange writer and their checks: a typo (`view: true`) fails loudly instead of writing no
 * views.
 */
import { ArchimateExportError } from './errors.js';
import type { ArchimateExtras } from './extras.js';
import type { MigrationPlan } from '../migration/plan-schema.js';
import type { MigrationResult } from '../migration/result.js';
import type { ViewSpec } from './views/types.js';

/**
 * Which generated views to write (see {@link ArchimateExportOptions.views}).
 *
 * @example
 * ```ts
 * import type { ArchimateViewOptions } from 'kartta';
 * const views: ArchimateViewOptions = { landscapes: ['oulu', 'kempele'], parallel: true, plan: true };
 * ```
 */
export interface ArchimateViewOptions {
  /** The landscape of each organisation (`true`, the default), of the ones listed, or none (`false`). */
  readonly landscapes?: boolean | readonly string[] | undefined;
  /** A view of each parallel group (default `true`). */
  readonly parallel?: boolean | undefined;
  /** A view of the plan's waves, when a plan is given (default `true`). */
  readonly plan?: boolean | undefined;
}

/**
 * Options of {@link toArchimateXml}, {@link archimateChunks} and {@link writeArchimate}.
 *
 * @example
 * ```ts
 * import type { ArchimateExportOptions } from 'kartta';
 * const options: ArchimateExportOptions = { views: { landscapes: true, parallel: true } };
 * ```
 */
export interface ArchimateExportOptions {
  /** Generated diagrams: `true` for all kinds, or a choice. Default: none. */
  readonly views?: boolean | ArchimateViewOptions | undefined;
  /** A migration plan document: written as the implementation and migration layer. */
  readonly plan?: MigrationPlan | undefined;
  /** The plan's placement in waves (a `planMigration` result); computed from `plan` when absent. */
  readonly planResult?: Pick<MigrationResult, 'waves'> | undefined;
  /** What an import kept that Kartta has no concept for (from {@link fromArchimateXml}), written back. */
  readonly extras?: ArchimateExtras | undefined;
  /** Ready-made diagrams to write as well, e.g. views built by your own layout. */
  readonly diagrams?: readonly ViewSpec[] | undefined;
}

const EXPORT_OPTIONS = new Set(['views', 'plan', 'planResult', 'extras', 'diagrams', 'end']);
const VIEW_OPTIONS = new Set(['landscapes', 'parallel', 'plan']);

/** Refuses what is not an option, so that a typo (`view: true`) fails loudly instead of writing no views. */
export function checkExportOptions(options: unknown): void {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(options)) throw new ArchimateExportError('option.invalid', 'the options must be an object');
  for (const key of Object.keys(options)) {
    if (!EXPORT_OPTIONS.has(key)) throw new ArchimateExportError('option.invalid', `'${key}' is not an option (known: ${[...EXPORT_OPTIONS].join(', ')})`);
  }
  const views = options.views;
  if (views === undefined || typeof views === 'boolean') return;
  if (!isObject(views)) throw new ArchimateExportError('option.invalid', `views must be true, false or an object of view options, got ${JSON.stringify(views) ?? typeof views}`);
  for (const key of Object.keys(views)) {
    if (!VIEW_OPTIONS.has(key)) throw new ArchimateExportError('option.invalid', `'views.${key}' is not an option (known: ${[...VIEW_OPTIONS].join(', ')})`);
  }
  for (const key of ['parallel', 'plan'] as const) {
    if (views[key] !== undefined && typeof views[key] !== 'boolean') throw new ArchimateExportError('option.invalid', `views.${key} must be true or false`);
  }
}
