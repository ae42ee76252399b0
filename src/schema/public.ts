/**
 * The zod schemas as the package publishes them: typed by the documented interfaces (`z.ZodType<System>`), so
 * that the API site links each to its described fields instead of spelling out zod's inferred object types.
 * test/document-types.test.ts keeps the interfaces equal to what the schemas infer.
 */
import type { z } from 'zod';
import * as migration from '../migration/plan-schema.js';
import type { MigrationPlan, MigrationStep } from '../migration/plan-schema.js';
import type {
  Funder,
  Integration,
  KarttaDocumentInput,
  Offering,
  Organisation,
  Product,
  Project,
  Relation,
  Service,
  System,
  Theme,
} from '../types.js';
import * as document from './document.js';
import * as portfolio from './portfolio.js';

/**
 * zod schema of a catalogue product; use it to check one product on its own.
 *
 * @example
 * ```ts
 * import { productSchema } from 'kartta';
 * productSchema.safeParse({ id: 'esko', name: 'Esko' }).success; // true
 * ```
 *
 * @category Format
 */
export const productSchema: z.ZodType<Product, Product> = document.productSchema;

/**
 * zod schema of an organisation (shape and field formats only; references are checked by the loader).
 *
 * @example
 * ```ts
 * import { organisationSchema } from 'kartta';
 * organisationSchema.safeParse({ id: 'oulu', kind: 'municipality', name: 'Oulu', municipalityCode: '564' }).success; // true
 * ```
 *
 * @category Format
 */
export const organisationSchema: z.ZodType<Organisation, Organisation> = document.organisationSchema;

/**
 * zod schema of a service.
 *
 * @example
 * ```ts
 * import { serviceSchema } from 'kartta';
 * serviceSchema.safeParse({ id: 'payroll', name: 'Palkanlaskenta', domain: 'administration' }).success; // true
 * ```
 *
 * @category Format
 */
export const serviceSchema: z.ZodType<Service, Service> = document.serviceSchema;

/**
 * zod schema of a system installation.
 *
 * @example
 * ```ts
 * import { systemSchema } from 'kartta';
 * systemSchema.safeParse({ id: 'esko-ppshp', name: 'Esko', class: 'TOSI', lifecycle: 'production' }).success; // true
 * ```
 *
 * @category Format
 */
export const systemSchema: z.ZodType<System, System> = document.systemSchema;

/**
 * zod schema of an integration.
 *
 * @example
 * ```ts
 * import { integrationSchema } from 'kartta';
 * integrationSchema.safeParse({ id: 'i-1', source: 'a', target: 'b', protocol: 'FHIR' }).success; // true
 * ```
 *
 * @category Format
 */
export const integrationSchema: z.ZodType<Integration, Integration> = document.integrationSchema;

/**
 * zod schema of a relation: a union on `type`.
 *
 * @example
 * ```ts
 * import { relationSchema } from 'kartta';
 * relationSchema.safeParse({ type: 'uses', from: 'oulu', to: 'esko', users: 10 }).success; // true
 * ```
 *
 * @category Format
 */
export const relationSchema: z.ZodType<Relation, Relation> = document.relationSchema;

/**
 * zod schema of the whole `kartta/1` document, as published in the JSON Schema (shape only: {@link Model.load}
 * adds the rules that need the whole document).
 *
 * @example
 * ```ts
 * import { documentSchema } from 'kartta';
 * documentSchema.safeParse({ format: 'kartta/1', name: 'X' }).success; // true
 * ```
 *
 * @category Format
 */
export const documentSchema: z.ZodType<KarttaDocumentInput, KarttaDocumentInput> = document.documentSchema;

/**
 * zod schema of one migration step (shape and field formats only).
 *
 * @example
 * ```ts
 * import { migrationStepSchema } from 'kartta';
 * migrationStepSchema.safeParse({ id: 'iam', action: 'replace', system: 'oulu-ad', target: 'pop-iam' }).success; // true
 * ```
 *
 * @category Migration
 */
export const migrationStepSchema: z.ZodType<MigrationStep, MigrationStep> = migration.migrationStepSchema;

/**
 * zod schema of a whole migration plan document (shape only: {@link validatePlan} adds the rules that need the
 * model).
 *
 * @example
 * ```ts
 * import { migrationPlanSchema } from 'kartta';
 * migrationPlanSchema.safeParse({ start: '2019-01-01', waveMonths: 6, steps: [] }).success; // true
 * ```
 *
 * @category Migration
 */
export const migrationPlanSchema: z.ZodType<MigrationPlan, MigrationPlan> = migration.migrationPlanSchema;

/**
 * zod schema of a theme in the themes catalogue.
 *
 * @example
 * ```ts
 * import { themeSchema } from 'kartta';
 * themeSchema.safeParse({ id: 'case-management', name: 'Asianhallinta' }).success; // true
 * ```
 *
 * @category Format
 */
export const themeSchema: z.ZodType<Theme, Theme> = portfolio.themeSchema;

/**
 * zod schema of an external funder (one that is not an organisation of the model, such as the ERDF).
 *
 * @example
 * ```ts
 * import { funderSchema } from 'kartta';
 * funderSchema.safeParse({ id: 'erdf', name: 'European Regional Development Fund' }).success; // true
 * ```
 *
 * @category Format
 */
export const funderSchema: z.ZodType<Funder, Funder> = portfolio.funderSchema;

/**
 * zod schema of a national offering: services an organisation (a state agency or company) offers to others.
 *
 * @example
 * ```ts
 * import { offeringSchema } from 'kartta';
 * offeringSchema.safeParse({ id: 'o', name: 'Shared case management', provider: 'victa', services: ['case-management'] }).success; // true
 * ```
 *
 * @category Format
 */
export const offeringSchema: z.ZodType<Offering, Offering> = portfolio.offeringSchema;

/**
 * zod schema of a development project (shape and field formats only; sums, dates and references are checked by
 * the loader).
 *
 * @example
 * ```ts
 * import { projectSchema } from 'kartta';
 * projectSchema.safeParse({ id: 'pop-it', name: 'POP-IT', status: 'completed', start: '2017-02-13' }).success; // true
 * ```
 *
 * @category Format
 */
export const projectSchema: z.ZodType<Project, Project> = portfolio.projectSchema;
