/**
 * The zod schemas of the `kartta/1` document. They check shape and field formats; the rules that need the whole
 * document (unique ids, references, platforms) live in `validate/semantics.ts`.
 */
import { z } from 'zod';
import {
  businessIdSchema,
  criticalitySchema,
  dateSchema,
  extensionSchema,
  idSchema,
  municipalityCodeSchema,
  nameSchema,
  refSchema,
  textSchema,
} from './primitives.js';
import { funderSchema, offeringSchema, projectSchema, themeSchema } from './portfolio.js';

/**
 * The document format identifier this version of Kartta reads and writes.
 *
 * @example
 * ```ts
 * import { FORMAT } from 'kartta';
 * console.log(FORMAT); // 'kartta/1'
 * ```
 *
 * @category Format
 */
export const FORMAT = 'kartta/1';

/**
 * The organisation kinds of the format.
 *
 * @example
 * ```ts
 * import { organisationKinds } from 'kartta';
 * organisationKinds.includes('municipality'); // true
 * ```
 *
 * @category Format
 */
export const organisationKinds = [
  'region',
  'municipality',
  'jointAuthority',
  'hospitalDistrict',
  'regionalCouncil',
  'stateAgency',
  'company',
  'other',
] as const;
/**
 * The system classes: `TORI` (domain-independent) and `TOSI` (domain-specific).
 *
 * @example
 * ```ts
 * import { systemClasses } from 'kartta';
 * console.log(systemClasses); // ['TORI', 'TOSI']
 * ```
 *
 * @category Format
 */
export const systemClasses = ['TORI', 'TOSI'] as const;
/**
 * The lifecycle states of a system, in life order.
 *
 * @example
 * ```ts
 * import { lifecycles } from 'kartta';
 * lifecycles.indexOf('phasingOut') > lifecycles.indexOf('production'); // true
 * ```
 *
 * @category Format
 */
export const lifecycles = ['planned', 'development', 'production', 'phasingOut', 'retired'] as const;
/**
 * Integration directions: `oneWay` (source to target, the default) and `twoWay`.
 *
 * @example
 * ```ts
 * import { directions } from 'kartta';
 * console.log(directions); // ['oneWay', 'twoWay']
 * ```
 *
 * @category Format
 */
export const directions = ['oneWay', 'twoWay'] as const;
/**
 * Integration modes.
 *
 * @example
 * ```ts
 * import { modes } from 'kartta';
 * console.log(modes); // ['realtime', 'batch', 'manual']
 * ```
 *
 * @category Format
 */
export const modes = ['realtime', 'batch', 'manual'] as const;
/**
 * The relation types, in the order Kartta sorts relations.
 *
 * @example
 * ```ts
 * import { relationTypes } from 'kartta';
 * console.log(relationTypes[0]); // 'memberOf'
 * ```
 *
 * @category Format
 */
export const relationTypes = ['memberOf', 'provides', 'owns', 'uses', 'supports', 'dependsOn', 'replaces'] as const;

const nonNegativeInt = z.number().int().min(0);

/** zod schema of a catalogue product; published with the declared type of `schema/public.ts`. */
export const productSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  vendor: textSchema.optional(),
  aliases: z.array(textSchema).optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

/** zod schema of an organisation; published with the declared type of `schema/public.ts`. */
export const organisationSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(organisationKinds),
  name: nameSchema,
  businessId: businessIdSchema.optional(),
  municipalityCode: municipalityCodeSchema.optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

/** zod schema of a service; published with the declared type of `schema/public.ts`. */
export const serviceSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  domain: textSchema,
  code: textSchema.optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

export const contractSchema = z.strictObject({
  ends: dateSchema.optional(),
  noticeMonths: nonNegativeInt.optional(),
  annualCost: z.number().min(0).optional(),
});

/** zod schema of a system installation; published with the declared type of `schema/public.ts`. */
export const systemSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  class: z.enum(systemClasses),
  product: textSchema.optional(),
  version: textSchema.optional(),
  lifecycle: z.enum(lifecycles),
  criticality: criticalitySchema.optional(),
  users: nonNegativeInt.optional(),
  platform: z.boolean().optional(),
  hosting: textSchema.optional(),
  contract: contractSchema.optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

/** zod schema of an integration; published with the declared type of `schema/public.ts`. */
export const integrationSchema = z.strictObject({
  id: idSchema,
  source: refSchema,
  target: refSchema,
  direction: z.enum(directions).optional(),
  data: textSchema.optional(),
  protocol: textSchema.optional(),
  mode: z.enum(modes).optional(),
  via: refSchema.optional(),
  criticality: criticalitySchema.optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

function relationVariant<T extends (typeof relationTypes)[number]>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    from: refSchema,
    to: refSchema,
    description: textSchema.optional(),
    x: extensionSchema.optional(),
  });
}

export const usesRelationSchema = z.strictObject({
  type: z.literal('uses'),
  from: refSchema,
  to: refSchema,
  users: nonNegativeInt.optional(),
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

/** zod schema of a relation; published with the declared type of `schema/public.ts`. */
export const relationSchema = z.discriminatedUnion('type', [
  relationVariant('memberOf'),
  relationVariant('provides'),
  relationVariant('owns'),
  usesRelationSchema,
  relationVariant('supports'),
  relationVariant('dependsOn'),
  relationVariant('replaces'),
]);

/** The top-level fields other than the entity collections. */
export const documentHeaderSchema = z.strictObject({
  format: z.literal(FORMAT),
  name: nameSchema,
  description: textSchema.optional(),
  x: extensionSchema.optional(),
});

/** zod schema of the whole document; published with the declared type of `schema/public.ts`. */
export const documentSchema = z.strictObject({
  format: z.literal(FORMAT),
  name: nameSchema,
  description: textSchema.optional(),
  products: z.array(productSchema).optional(),
  organisations: z.array(organisationSchema).optional(),
  services: z.array(serviceSchema).optional(),
  systems: z.array(systemSchema).optional(),
  integrations: z.array(integrationSchema).optional(),
  relations: z.array(relationSchema).optional(),
  themes: z.array(themeSchema).optional(),
  funders: z.array(funderSchema).optional(),
  offerings: z.array(offeringSchema).optional(),
  projects: z.array(projectSchema).optional(),
  x: extensionSchema.optional(),
});

/** The entity collections of a document, in the order they are written. */
export const collections = [
  'products',
  'organisations',
  'services',
  'systems',
  'integrations',
  'relations',
  'themes',
  'funders',
  'offerings',
  'projects',
] as const;

/** The portfolio collections: added to the format later, so a document without them stays as it was written. */
export const portfolioCollections = ['themes', 'funders', 'offerings', 'projects'] as const;

/** The schema that checks one element of each collection. */
export const elementSchemas = {
  products: productSchema,
  organisations: organisationSchema,
  services: serviceSchema,
  systems: systemSchema,
  integrations: integrationSchema,
  relations: relationSchema,
  themes: themeSchema,
  funders: funderSchema,
  offerings: offeringSchema,
  projects: projectSchema,
} as const;
