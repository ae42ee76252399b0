/**
 * The options of the exchange writer and their checks: a typo (`view: true`) fails loudly instead of writing no
 * views.
 */
import { z } from 'zod';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { isRecord } from '../schema/json.js';
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
 *
 * @category ArchiMate
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
 *
 * @category ArchiMate
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

const anObject = (what: string) => z.custom<object>(isRecord, { error: `must be ${what}` }).optional();

const EXPORT_SHAPE = {
  views: z
    .union(
      [
        z.boolean(),
        z.strictObject({
          landscapes: z
            .union(
              [
                z.boolean(),
                z.array(
                  z.string({ error: 'must be an organisation id' }).min(1, { error: 'must be an organisation id' }),
                ),
              ],
              {
                error: 'must be true, false or a list of organisation ids',
              },
            )
            .optional(),
          parallel: optionField.boolean(),
          plan: optionField.boolean(),
        }),
      ],
      { error: 'must be true, false or an object of view options' },
    )
    .optional(),
  plan: anObject('a migration plan document'),
  planResult: anObject('a planMigration result'),
  extras: anObject('the object fromArchimateXml returned'),
  diagrams: z
    .array(
      z.custom<ViewSpec>((value) => typeof value === 'object' && value !== null, { error: 'must be a view' }),
      { error: 'must be a list of views' },
    )
    .optional(),
};
const EXPORT_OPTIONS = optionsSchema(EXPORT_SHAPE);
const WRITE_OPTIONS = optionsSchema({ ...EXPORT_SHAPE, end: optionField.boolean() });

/**
 * Checks the export's options; unknown ones are refused, so that a typo (`view: true`) fails loudly instead of
 * writing no views. `where` is the public function, for the message.
 */
export function checkExportOptions(where: string, options: unknown): ArchimateExportOptions {
  return parseOptions(where, EXPORT_OPTIONS, options) as ArchimateExportOptions;
}

/** Checks the options of `writeArchimate`: the export's and `end`. */
export function checkWriteOptions(options: unknown): {
  readonly end: boolean | undefined;
  readonly rest: ArchimateExportOptions;
} {
  const { end, ...rest } = parseOptions('writeArchimate', WRITE_OPTIONS, options);
  return { end, rest: rest as ArchimateExportOptions };
}
