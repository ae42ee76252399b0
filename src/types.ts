/**
 * The public types of Kartta in one place. Document types are inferred from the zod schemas, so the schema and
 * the type can never disagree.
 *
 * @module
 */
import type { z } from 'zod';
import type { IssueCode } from './codes.js';
import type {
  contractSchema,
  documentSchema,
  integrationSchema,
  organisationSchema,
  productSchema,
  relationSchema,
  serviceSchema,
  systemSchema,
  organisationKinds,
  systemClasses,
  lifecycles,
  directions,
  modes,
  relationTypes,
} from './schema/document.js';

/**
 * A name: one string, or an object of language codes to strings. Finnish, Swedish, Northern Sámi and English
 * names travel unchanged through every import and export.
 *
 * @example
 * ```ts
 * import type { Name } from 'kartta';
 * const plain: Name = 'Oulu';
 * const multilingual: Name = { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' };
 * ```
 */
export type Name = string | { readonly [language: string]: string };

/**
 * What kind of organisation: `region`, `municipality`, `jointAuthority`, `hospitalDistrict`, `regionalCouncil`,
 * `stateAgency`, `company` or `other`.
 *
 * @example
 * ```ts
 * import type { OrganisationKind } from 'kartta';
 * const kind: OrganisationKind = 'hospitalDistrict';
 * ```
 */
export type OrganisationKind = (typeof organisationKinds)[number];
/**
 * `TORI` (domain-independent, e.g. finance, HR, case management) or `TOSI` (domain-specific, e.g. patient records).
 *
 * @example
 * ```ts
 * import type { SystemClass } from 'kartta';
 * const patientRecords: SystemClass = 'TOSI';
 * ```
 */
export type SystemClass = (typeof systemClasses)[number];
/**
 * Where an installation is in its life: `planned`, `development`, `production`, `phasingOut`, `retired`.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from 'kartta';
 * const lifecycle: Lifecycle = 'phasingOut';
 * ```
 */
export type Lifecycle = (typeof lifecycles)[number];
/**
 * How critical a system or integration is: `low`, `medium`, `high` or `critical`.
 *
 * @example
 * ```ts
 * import type { Criticality } from 'kartta';
 * const criticality: Criticality = 'critical';
 * ```
 */
export type Criticality = 'low' | 'medium' | 'high' | 'critical';
/**
 * Direction of an integration: `oneWay` (source to target) or `twoWay`.
 *
 * @example
 * ```ts
 * import type { Direction } from 'kartta';
 * const direction: Direction = 'twoWay';
 * ```
 */
export type Direction = (typeof directions)[number];
/**
 * Mode of an integration: `realtime`, `batch` or `manual`.
 *
 * @example
 * ```ts
 * import type { Mode } from 'kartta';
 * const mode: Mode = 'batch';
 * ```
 */
export type Mode = (typeof modes)[number];
/**
 * The relation types: `memberOf`, `provides`, `owns`, `uses`, `supports`, `dependsOn`, `replaces`.
 *
 * @example
 * ```ts
 * import type { RelationType } from 'kartta';
 * const type: RelationType = 'supports';
 * ```
 */
export type RelationType = (typeof relationTypes)[number];

/**
 * A product in the optional catalogue. Systems name their product by catalogue id, name or alias.
 *
 * @example
 * ```ts
 * import type { Product } from 'kartta';
 * const lifecare: Product = { id: 'lifecare', name: 'Lifecare', vendor: 'Tietoevry', aliases: ['Tieto Lifecare'] };
 * ```
 */
export interface Product extends z.infer<typeof productSchema> {}

/**
 * An organisation: municipality, joint authority, hospital district, region, state agency or company.
 *
 * @example
 * ```ts
 * import type { Organisation } from 'kartta';
 * const oulu: Organisation = { id: 'oulu', kind: 'municipality', name: 'Oulu', municipalityCode: '564', businessId: '0187690-1' };
 * ```
 */
export interface Organisation extends z.infer<typeof organisationSchema> {}

/**
 * A business or ICT service that organisations provide.
 *
 * @example
 * ```ts
 * import type { Service } from 'kartta';
 * const primaryCare: Service = { id: 'primary-care', name: 'Perusterveydenhuolto', domain: 'health' };
 * ```
 */
export interface Service extends z.infer<typeof serviceSchema> {}

/**
 * A system's contract: when it ends, the notice period in months and the yearly cost in euros.
 *
 * @example
 * ```ts
 * import type { Contract } from 'kartta';
 * const contract: Contract = { ends: '2020-12-31', noticeMonths: 12, annualCost: 850000 };
 * ```
 */
export interface Contract extends z.infer<typeof contractSchema> {}

/**
 * One installation of an information system.
 *
 * @example
 * ```ts
 * import type { System } from 'kartta';
 * const lifecare: System = { id: 'lifecare-oulu', name: 'Lifecare (Oulu)', class: 'TOSI', product: 'Tieto Lifecare', lifecycle: 'production' };
 * ```
 */
export interface System extends z.infer<typeof systemSchema> {}

/**
 * A data flow between two systems. Several integrations may join the same pair.
 *
 * @example
 * ```ts
 * import type { Integration } from 'kartta';
 * const referrals: Integration = { id: 'i-17', source: 'lifecare-oulu', target: 'esko-ppshp', direction: 'twoWay', protocol: 'HL7 v2' };
 * ```
 */
export interface Integration extends z.infer<typeof integrationSchema> {}

/**
 * A relation between two entities; `type` says which (see {@link RelationType}). A `uses` relation may carry a
 * user count.
 *
 * @example
 * ```ts
 * import type { Relation } from 'kartta';
 * const relation: Relation = { type: 'uses', from: 'oulu', to: 'lifecare-oulu', users: 2400 };
 * ```
 */
export type Relation = z.infer<typeof relationSchema>;

/**
 * A whole `kartta/1` document as written in JSON. Every collection is optional when read and always present in
 * what Kartta writes.
 *
 * @example
 * ```ts
 * import type { KarttaDocumentInput } from 'kartta';
 * const doc: KarttaDocumentInput = { format: 'kartta/1', name: 'Pohjois-Pohjanmaa' };
 * ```
 */
export interface KarttaDocumentInput extends z.infer<typeof documentSchema> {}

/**
 * A `kartta/1` document as a {@link Model} holds it and as an edit recipe sees it: every collection is present.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'Demo' });
 * const doc = model.toJSON();
 * console.log(doc.systems.length); // 0
 * ```
 */
export interface KarttaDocument {
  format: 'kartta/1';
  name: Name;
  description?: string | undefined;
  products: Product[];
  organisations: Organisation[];
  services: Service[];
  systems: System[];
  integrations: Integration[];
  relations: Relation[];
  x?: Record<string, unknown> | undefined;
}

/**
 * One problem found in a document: a stable `code`, the `path` to the offending value, and a readable message.
 * The codes are listed in `docs/format.md`.
 *
 * @example
 * ```ts
 * import type { Issue } from 'kartta';
 * const issue: Issue = { code: 'date.invalid', path: ['systems', 3, 'contract', 'ends'], message: 'expected an existing calendar date' };
 * ```
 */
export interface Issue {
  /** Stable, dotted identifier of the rule broken, e.g. `reference.missing` (see `issueCodes`). */
  readonly code: IssueCode;
  /** Where in the document: property names and array indexes. */
  readonly path: readonly (string | number)[];
  /** A sentence for people. */
  readonly message: string;
}

/**
 * The result of {@link Model.safeLoad}.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const result = Model.safeLoad('{}');
 * if (!result.ok) console.log(result.issues.map((i) => i.code));
 * ```
 */
export type LoadResult<M> = { readonly ok: true; readonly model: M } | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * The kinds of entity in a model (relations have no id and are not entities).
 *
 * @example
 * ```ts
 * import type { EntityKind } from 'kartta';
 * const kind: EntityKind = 'system';
 * ```
 */
export type EntityKind = 'product' | 'organisation' | 'service' | 'system' | 'integration';

/**
 * An entity looked up by id, tagged with its kind.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X', organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }] });
 * const found = model.get('oulu');
 * if (found?.kind === 'organisation') console.log(found.entity.kind); // 'municipality'
 * ```
 */
export type EntityRef =
  | { readonly kind: 'product'; readonly entity: Product }
  | { readonly kind: 'organisation'; readonly entity: Organisation }
  | { readonly kind: 'service'; readonly entity: Service }
  | { readonly kind: 'system'; readonly entity: System }
  | { readonly kind: 'integration'; readonly entity: Integration };

/**
 * Attributes of a node in {@link Model.graph}: organisations, services and systems are nodes.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 's', name: 'S', class: 'TORI', lifecycle: 'production' }] });
 * const attributes = model.graph.getNodeAttributes('s');
 * if (attributes.kind === 'system') console.log(attributes.entity.class); // 'TORI'
 * ```
 */
export type NodeAttributes =
  | { readonly kind: 'organisation'; readonly entity: Organisation }
  | { readonly kind: 'service'; readonly entity: Service }
  | { readonly kind: 'system'; readonly entity: System };

/**
 * Attributes of an edge in {@link Model.graph}: every integration (keyed by its id) and every relation (keyed
 * `type: from -> to`) is an edge.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * model.graph.forEachEdge((key, attributes) => {
 *   if (attributes.kind === 'integration') console.log(key, attributes.entity.protocol);
 * });
 * ```
 */
export type EdgeAttributes =
  | { readonly kind: 'integration'; readonly entity: Integration }
  | { readonly kind: RelationType; readonly entity: Relation };

/**
 * Options for {@link Model.scope}.
 *
 * @example
 * ```ts
 * import type { ScopeOptions } from 'kartta';
 * const options: ScopeOptions = { scope: 'pop', includeRetired: false };
 * ```
 */
export interface ScopeOptions {
  /** Id of the organisation (usually a region) whose members, directly or transitively, are in scope. */
  readonly scope?: string | undefined;
  /** Keep retired systems in scope (default false). */
  readonly includeRetired?: boolean | undefined;
}

/**
 * The organisations and systems in a scope, each sorted by id.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X', organisations: [{ id: 'pop', kind: 'region', name: 'POP' }] });
 * const scope = model.scope({ scope: 'pop' });
 * console.log(scope.organisations); // ['pop']
 * ```
 */
export interface Scope {
  /** The scope organisation, or `null` for the whole model. */
  readonly root: string | null;
  readonly organisations: readonly string[];
  readonly systems: readonly string[];
}

/**
 * The result of a successful {@link Model.edit}: the new model and the immer patches that lead to it and back.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * const { model: next, inversePatches } = model.edit((doc) => { doc.name = 'Y'; });
 * console.log(next.applyPatches(inversePatches).name); // 'X'
 * ```
 */
export interface EditResult<M> {
  readonly model: M;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
}

/**
 * One change to a document, as immer writes it (JSON-Patch-like, with the path as an array).
 *
 * @example
 * ```ts
 * import type { Patch } from 'kartta';
 * const patch: Patch = { op: 'replace', path: ['systems', 0, 'lifecycle'], value: 'retired' };
 * ```
 */
export interface Patch {
  readonly op: 'replace' | 'remove' | 'add';
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
}
