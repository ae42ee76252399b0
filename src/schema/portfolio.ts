/**
 * The zod schemas of the development portfolio in a `kartta/1` document: themes, external funders, national
 * offerings and projects. Shape and field formats only; sums, date order and references need the whole document
 * and live in `validate/portfolio.ts`.
 */
import { z } from 'zod';
import { dateSchema, extensionSchema, idSchema, nameSchema, refSchema, textSchema } from './primitives.js';

/**
 * The largest amount of money a field accepts, in euros: a trillion. In cents that is 10^14, well inside the
 * integers a double holds exactly (2^53), so sums over any realistic portfolio stay exact.
 */
export const MAX_EUROS = 1_000_000_000_000;

/**
 * True when `value` is a finite number that JSON writes with at most two decimals: `4032`, `4032.5`, `0.07`, but
 * not `0.125` or `0.1 + 0.2`. Such a number is an exact number of cents.
 */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < 1e21 && Number(value.toFixed(2)) === value;
}

/** An amount of money in euros: a number ≥ 0 with at most two decimals (whole cents). */
export const amountSchema = z
  .number()
  .min(0)
  .max(MAX_EUROS)
  .refine(hasAtMostTwoDecimals, {
    params: { code: 'amount.invalid' },
    message: 'expected euros with at most two decimals (whole cents), such as 4032 or 4032.50',
  })
  .meta({ multipleOf: 0.01 });

/** A share of a project's funding in percent: more than 0, at most 100, at most two decimals. */
export const shareSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((value) => value > 0 && hasAtMostTwoDecimals(value), {
    params: { code: 'share.invalid' },
    message: 'expected a percentage above 0 with at most two decimals, such as 70 or 12.5',
  })
  .meta({ exclusiveMinimum: 0, multipleOf: 0.01 });

/**
 * The kinds of development project.
 *
 * @example
 * ```ts
 * import { projectKinds } from 'kartta';
 * projectKinds.includes('preparation'); // true
 * ```
 *
 * @category Format
 */
export const projectKinds = [
  'preparation',
  'study',
  'development',
  'procurement',
  'deployment',
  'migration',
  'other',
] as const;

/**
 * The states of a development project, in life order.
 *
 * @example
 * ```ts
 * import { projectStatuses } from 'kartta';
 * projectStatuses[0]; // 'proposed'
 * ```
 *
 * @category Format
 */
export const projectStatuses = ['proposed', 'planned', 'running', 'completed', 'cancelled'] as const;

/**
 * Who a project is for: one organisation (`local`), a region's organisations together (`regional`), or the whole
 * country (`national`, such as the national ICT company's shared projects).
 *
 * @example
 * ```ts
 * import { projectLevels } from 'kartta';
 * projectLevels.includes('national'); // true
 * ```
 *
 * @category Format
 */
export const projectLevels = ['local', 'regional', 'national'] as const;

/**
 * zod schema of a theme in the themes catalogue.
 *
 * @example
 * ```ts
 * import { themeSchema } from 'kartta';
 * themeSchema.safeParse({ id: 'case-management', name: 'Asianhallinta' }).success; // true
 * ```
 */
export const themeSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

/**
 * zod schema of an external funder (one that is not an organisation of the model, such as the ERDF).
 *
 * @example
 * ```ts
 * import { funderSchema } from 'kartta';
 * funderSchema.safeParse({ id: 'erdf', name: 'European Regional Development Fund' }).success; // true
 * ```
 */
export const funderSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

export const obligationSchema = z.strictObject({
  from: dateSchema,
  basis: textSchema.optional(),
  description: textSchema.optional(),
});

/**
 * zod schema of a national offering: services an organisation (a state agency or company) offers to others.
 *
 * @example
 * ```ts
 * import { offeringSchema } from 'kartta';
 * offeringSchema.safeParse({ id: 'o', name: 'Shared case management', provider: 'victa', services: ['case-management'] }).success; // true
 * ```
 */
export const offeringSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  provider: refSchema,
  services: z.array(refSchema).min(1),
  themes: z.array(refSchema).optional(),
  available: dateSchema.optional(),
  obligation: obligationSchema.optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

export const budgetLineSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  category: textSchema,
  amount: amountSchema,
  description: textSchema.optional(),
});

export const budgetSchema = z.strictObject({
  total: amountSchema.optional(),
  lines: z.array(budgetLineSchema).optional(),
});

export const fundingSchema = z
  .strictObject({
    funder: refSchema,
    share: shareSchema.optional(),
    amount: amountSchema.optional(),
    description: textSchema.optional(),
  })
  .refine((funding) => (funding.share === undefined) !== (funding.amount === undefined), {
    params: { code: 'funding.share-or-amount' },
    message: 'give a funder either a share (percent) or an amount (euros), not both and not neither',
  });

export const deliverablesSchema = z.strictObject({
  systems: z.array(refSchema).optional(),
  services: z.array(refSchema).optional(),
  integrations: z.array(refSchema).optional(),
  products: z.array(refSchema).optional(),
  migrationSteps: z.array(textSchema).optional(),
});

/**
 * zod schema of a development project (shape and field formats only; sums, dates and references are checked by
 * the loader).
 *
 * @example
 * ```ts
 * import { projectSchema } from 'kartta';
 * projectSchema.safeParse({ id: 'pop-it', name: 'POP-IT', status: 'completed', start: '2017-02-13' }).success; // true
 * ```
 */
export const projectSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  portfolio: textSchema.optional(),
  kind: z.enum(projectKinds).optional(),
  level: z.enum(projectLevels).optional(),
  status: z.enum(projectStatuses),
  start: dateSchema,
  end: dateSchema.optional(),
  budget: budgetSchema.optional(),
  funding: z.array(fundingSchema).optional(),
  implementers: z.array(refSchema).optional(),
  themes: z.array(refSchema).optional(),
  deliverables: deliverablesSchema.optional(),
  source: textSchema.optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});
