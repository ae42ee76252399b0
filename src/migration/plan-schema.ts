/**
 * The migration plan document: zod schemas of its shape and field formats. Rules that need the model or the
 * whole plan (references, targets, products, duplicate ids) live in `validate.ts`.
 */
import { z } from 'zod';
import { dateSchema, extensionSchema, idSchema, refSchema, textSchema } from '../schema/primitives.js';

/**
 * The actions a migration step can take: `retire` (take the system out of use), `consolidate` (merge it into
 * `target`, another installation of the same product), `replace` (by `target`) and `rehost` (move the same
 * system elsewhere).
 *
 * @example
 * ```ts
 * import { migrationActions } from 'kartta';
 * migrationActions.includes('consolidate'); // true
 * ```
 *
 * @category Migration
 */
export const migrationActions = ['retire', 'consolidate', 'replace', 'rehost'] as const;

/** Longest wave accepted: a hundred years. */
export const MAX_WAVE_MONTHS = 1200;

function positiveInt(max: number) {
  return z.number().superRefine((value, ctx) => {
    if (!Number.isInteger(value)) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'number.not-integer' },
        message: `expected a whole number, got ${String(value)}`,
      });
    } else if (value < 1) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'number.too-small' },
        message: `must be at least 1, got ${String(value)}`,
      });
    } else if (value > max) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'number.too-large' },
        message: `must be at most ${String(max)}, got ${String(value)}`,
      });
    }
  });
}

/** zod schema of one migration step; published with the declared type of `schema/public.ts`. */
export const migrationStepSchema = z.strictObject({
  id: idSchema,
  action: z.enum(migrationActions),
  system: refSchema,
  target: refSchema.optional(),
  deadline: dateSchema.optional(),
  notBefore: dateSchema.optional(),
  after: z.array(refSchema).optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

/** The plan's fields other than its steps. */
export const migrationPlanHeaderSchema = z.strictObject({
  start: dateSchema.optional(),
  waveMonths: positiveInt(MAX_WAVE_MONTHS).optional(),
  capacity: positiveInt(Number.MAX_SAFE_INTEGER).optional(),
  steps: z.array(z.unknown()),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

/** zod schema of a migration plan; published with the declared type of `schema/public.ts`. */
export const migrationPlanSchema = migrationPlanHeaderSchema.extend({ steps: z.array(migrationStepSchema) });

/**
 * One migration step action.
 *
 * @example
 * ```ts
 * import type { MigrationAction } from 'kartta';
 * const action: MigrationAction = 'replace';
 * ```
 *
 * @category Migration
 */
export type MigrationAction = (typeof migrationActions)[number];

/**
 * One step of a migration plan: what happens to which system, and the dates and steps it is tied to.
 *
 * @example
 * ```ts
 * import type { MigrationStep } from 'kartta';
 * const step: MigrationStep = {
 *   id: 'ptj-oulu', action: 'replace', system: 'lifecare-oulu', target: 'esko-pop',
 *   deadline: '2020-12-31', notBefore: '2019-06-01', after: ['iam'],
 * };
 * ```
 *
 * @category Migration
 */
export interface MigrationStep {
  /** Unique among the plan's steps. */
  readonly id: string;
  /** What the step does with `system`: `retire`, `consolidate` into `target`, `replace` by `target`, or `rehost`. */
  readonly action: MigrationAction;
  /** The system the step moves: retires, consolidates into `target`, replaces by `target` or rehosts. */
  readonly system: string;
  /** For `consolidate` and `replace` (required there, not allowed elsewhere). */
  readonly target?: string | undefined;
  /** The step's wave must end on or before this date. */
  readonly deadline?: string | undefined;
  /** The step's wave must start on or after this date. */
  readonly notBefore?: string | undefined;
  /** Steps that must come in earlier waves. */
  readonly after?: readonly string[] | undefined;
  /** Free text about the step; the ArchiMate export writes it as the WorkPackage's documentation. */
  readonly description?: string | undefined;
  /** Tool-specific data, kept as given. */
  readonly x?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A migration plan document. `start` and `waveMonths` together give the waves dates; `capacity` is the most
 * steps in one wave (unlimited when absent).
 *
 * @example
 * ```ts
 * import type { MigrationPlan } from 'kartta';
 * const plan: MigrationPlan = {
 *   start: '2019-01-01', waveMonths: 6, capacity: 3,
 *   steps: [{ id: 'iam', action: 'replace', system: 'oulu-ad', target: 'pop-iam' }],
 * };
 * ```
 *
 * @category Migration
 */
export interface MigrationPlan {
  /** First day of wave 1. */
  readonly start?: string | undefined;
  /** Length of a wave in calendar months (1 to 1200). */
  readonly waveMonths?: number | undefined;
  /** At most this many steps per wave (a positive whole number). */
  readonly capacity?: number | undefined;
  /** The steps, in any order: planMigration places them in waves. */
  readonly steps: readonly MigrationStep[];
  /** Free text about the plan. */
  readonly description?: string | undefined;
  /** Tool-specific data, kept as given. */
  readonly x?: Readonly<Record<string, unknown>> | undefined;
}
