/**
 * The public types of Kartta in one place. The document types are written out so that every field carries its
 * description (on the API site and, through scripts/json-schema.ts, in the published JSON Schema);
 * test/document-types.test.ts checks at compile time that each equals the type inferred from its zod schema.
 *
 * @module
 */
import type { IssueCode } from './codes.js';
import type {
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
 *
 * @category Format
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
 *
 * @category Format
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
 *
 * @category Format
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
 *
 * @category Format
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
 *
 * @category Format
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
 *
 * @category Format
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
 *
 * @category Format
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
 *
 * @category Format
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
 *
 * @category Format
 */
export interface Product {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** The product's name, matched (trimmed, white space folded, lower-cased) against the `product` of systems. */
  name: string;
  /** Who sells or develops the product. */
  vendor?: string | undefined;
  /** Other spellings that inventories use for the product; matched like `name`. */
  aliases?: string[] | undefined;
  /** Free text about the product. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * An organisation: municipality, joint authority, hospital district, region, state agency or company.
 *
 * @example
 * ```ts
 * import type { Organisation } from 'kartta';
 * const oulu: Organisation = { id: 'oulu', kind: 'municipality', name: 'Oulu', municipalityCode: '564', businessId: '0187690-1' };
 * ```
 *
 * @category Format
 */
export interface Organisation {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** What kind of organisation it is; a `region` is the usual root of a scope. */
  kind: OrganisationKind;
  /** The organisation's name, in one language or several. */
  name: Name;
  /** The Finnish business id (Y-tunnus) as `NNNNNNN-C`; the check digit is verified. */
  businessId?: string | undefined;
  /** The three-digit Finnish municipality code, such as `"564"` for Oulu. */
  municipalityCode?: string | undefined;
  /** Free text about the organisation. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * A business or ICT service that organisations provide.
 *
 * @example
 * ```ts
 * import type { Service } from 'kartta';
 * const primaryCare: Service = { id: 'primary-care', name: 'Perusterveydenhuolto', domain: 'health' };
 * ```
 *
 * @category Format
 */
export interface Service {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** The service's name, in one language or several. */
  name: Name;
  /** The field the service belongs to, free text such as `health`, `socialCare` or `administration`. */
  domain: string;
  /** A classification code, e.g. from JHS 200 or JHS 206. */
  code?: string | undefined;
  /** Free text about the service. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * A system's contract: when it ends, the notice period in months and the yearly cost in euros.
 *
 * @example
 * ```ts
 * import type { Contract } from 'kartta';
 * const contract: Contract = { ends: '2020-12-31', noticeMonths: 12, annualCost: 850000 };
 * ```
 *
 * @category Format
 */
export interface Contract {
  /** The last day of the contract, an existing calendar date as `YYYY-MM-DD`. */
  ends?: string | undefined;
  /** The notice period in whole months (0 or more). */
  noticeMonths?: number | undefined;
  /** What the installation costs a year, in euros (0 or more). */
  annualCost?: number | undefined;
}

/**
 * One installation of an information system.
 *
 * @example
 * ```ts
 * import type { System } from 'kartta';
 * const lifecare: System = { id: 'lifecare-oulu', name: 'Lifecare (Oulu)', class: 'TOSI', product: 'Tieto Lifecare', lifecycle: 'production' };
 * ```
 *
 * @category Format
 */
export interface System {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** The installation's name, in one language or several. */
  name: Name;
  /** `TORI` (domain-independent) or `TOSI` (domain-specific). */
  class: SystemClass;
  /** The product installed: a catalogue product's id, name or alias, or free text that names a product of its own. */
  product?: string | undefined;
  /** The version installed, free text. */
  version?: string | undefined;
  /** Where the installation is in its life. */
  lifecycle: Lifecycle;
  /** How critical the installation is. */
  criticality?: Criticality | undefined;
  /** How many people use it (a whole number, 0 or more); `uses` relations may give counts per organisation. */
  users?: number | undefined;
  /** `true` for an integration platform (an ESB, an API gateway) that integrations can run `via`. */
  platform?: boolean | undefined;
  /** Where it runs, free text such as `on-premises`, `SaaS` or a data centre's name. */
  hosting?: string | undefined;
  /** The contract of the installation. */
  contract?: Contract | undefined;
  /** Free text about the installation. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * A data flow between two systems. Several integrations may join the same pair.
 *
 * @example
 * ```ts
 * import type { Integration } from 'kartta';
 * const referrals: Integration = { id: 'i-17', source: 'lifecare-oulu', target: 'esko-ppshp', direction: 'twoWay', protocol: 'HL7 v2' };
 * ```
 *
 * @category Format
 */
export interface Integration {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** The id of the system the data comes from. */
  source: string;
  /** The id of the system the data goes to. */
  target: string;
  /** `oneWay` (source to target, the default) or `twoWay`. */
  direction?: Direction | undefined;
  /** What data flows, free text such as `referrals` or `invoices`. */
  data?: string | undefined;
  /** How it flows, free text such as `HL7 v2`, `FHIR`, `REST`, `SOAP`, `file` or `database link`. */
  protocol?: string | undefined;
  /** `realtime`, `batch` or `manual`. */
  mode?: Mode | undefined;
  /** The id of the integration platform (a system with `platform: true`) the flow runs through. */
  via?: string | undefined;
  /** How critical the flow is. */
  criticality?: Criticality | undefined;
  /** Free text about the integration. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * A relation of any type but `uses`: `memberOf`, `provides`, `owns`, `supports`, `dependsOn` or `replaces`.
 *
 * @example
 * ```ts
 * import type { PlainRelation } from 'kartta';
 * const membership: PlainRelation = { type: 'memberOf', from: 'oulu', to: 'pop' };
 * ```
 *
 * @category Format
 */
export interface PlainRelation {
  /** Which relation: see {@link RelationType} for what each means and which kinds it joins. */
  type: Exclude<RelationType, 'uses'>;
  /** The id of the entity the relation starts from. */
  from: string;
  /** The id of the entity the relation points to. */
  to: string;
  /** Free text about the relation. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * A `uses` relation: an organisation's staff use a system, optionally how many of them.
 *
 * @example
 * ```ts
 * import type { UsesRelation } from 'kartta';
 * const use: UsesRelation = { type: 'uses', from: 'oulu', to: 'lifecare-oulu', users: 2400 };
 * ```
 *
 * @category Format
 */
export interface UsesRelation {
  /** Always `uses`. */
  type: 'uses';
  /** The id of the organisation whose staff use the system. */
  from: string;
  /** The id of the system used. */
  to: string;
  /** How many of the organisation's people use the system (a whole number, 0 or more). */
  users?: number | undefined;
  /** Free text about the relation. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * A relation between two entities; `type` says which (see {@link RelationType}). A `uses` relation may carry a
 * user count.
 *
 * @example
 * ```ts
 * import type { Relation } from 'kartta';
 * const relation: Relation = { type: 'uses', from: 'oulu', to: 'lifecare-oulu', users: 2400 };
 * ```
 *
 * @category Format
 */
export type Relation = PlainRelation | UsesRelation;

/**
 * A whole `kartta/1` document as written in JSON. Every collection is optional when read and always present in
 * what Kartta writes.
 *
 * @example
 * ```ts
 * import type { KarttaDocumentInput } from 'kartta';
 * const doc: KarttaDocumentInput = { format: 'kartta/1', name: 'Pohjois-Pohjanmaa' };
 * ```
 *
 * @category Format
 */
export interface KarttaDocumentInput {
  /** The format and its version: always `kartta/1`. */
  format: 'kartta/1';
  /** The model's name, in one language or several. */
  name: Name;
  /** Free text about the model: what it covers, where its data comes from. */
  description?: string | undefined;
  /** The product catalogue (absent means empty). */
  products?: Product[] | undefined;
  /** The organisations (absent means empty). */
  organisations?: Organisation[] | undefined;
  /** The services (absent means empty). */
  services?: Service[] | undefined;
  /** The system installations (absent means empty). */
  systems?: System[] | undefined;
  /** The integrations between systems (absent means empty). */
  integrations?: Integration[] | undefined;
  /** The relations between entities (absent means empty). */
  relations?: Relation[] | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

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
 *
 * @category Format
 */
export interface KarttaDocument {
  /** The format and its version: always `kartta/1`. */
  format: 'kartta/1';
  /** The model's name, in one language or several. */
  name: Name;
  /** Free text about the model: what it covers, where its data comes from. */
  description?: string | undefined;
  /** The product catalogue (`toJSON` writes them sorted by id). */
  products: Product[];
  /** The organisations (`toJSON` writes them sorted by id). */
  organisations: Organisation[];
  /** The services (`toJSON` writes them sorted by id). */
  services: Service[];
  /** The system installations (`toJSON` writes them sorted by id). */
  systems: System[];
  /** The integrations between systems (`toJSON` writes them sorted by id). */
  integrations: Integration[];
  /** The relations between entities (`toJSON` writes them sorted by type, then `from`, then `to`). */
  relations: Relation[];
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
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
 *
 * @category Model
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
 *
 * @category Model
 */
export type LoadResult<M> =
  | {
      /** The document is valid. */
      readonly ok: true;
      /** The loaded model. */
      readonly model: M;
    }
  | {
      /** The document is not valid; nothing was loaded. */
      readonly ok: false;
      /** Every problem found, each with its code, path and message (never empty). */
      readonly issues: readonly Issue[];
    };

/**
 * The kinds of entity in a model (relations have no id and are not entities).
 *
 * @example
 * ```ts
 * import type { EntityKind } from 'kartta';
 * const kind: EntityKind = 'system';
 * ```
 *
 * @category Model
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
 *
 * @category Model
 */
export type EntityRef =
  | {
      /** The entity is a 'product'. */
      readonly kind: 'product';
      /** The 'product' as the document holds it (frozen). */
      readonly entity: Product;
    }
  | {
      /** The entity is a 'organisation'. */
      readonly kind: 'organisation';
      /** The 'organisation' as the document holds it (frozen). */
      readonly entity: Organisation;
    }
  | {
      /** The entity is a 'service'. */
      readonly kind: 'service';
      /** The 'service' as the document holds it (frozen). */
      readonly entity: Service;
    }
  | {
      /** The entity is a 'system'. */
      readonly kind: 'system';
      /** The 'system' as the document holds it (frozen). */
      readonly entity: System;
    }
  | {
      /** The entity is a 'integration'. */
      readonly kind: 'integration';
      /** The 'integration' as the document holds it (frozen). */
      readonly entity: Integration;
    };

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
 *
 * @category Model
 */
export type NodeAttributes =
  | {
      /** The node is a 'organisation'. */
      readonly kind: 'organisation';
      /** The 'organisation' as the document holds it (frozen). */
      readonly entity: Organisation;
    }
  | {
      /** The node is a 'service'. */
      readonly kind: 'service';
      /** The 'service' as the document holds it (frozen). */
      readonly entity: Service;
    }
  | {
      /** The node is a 'system'. */
      readonly kind: 'system';
      /** The 'system' as the document holds it (frozen). */
      readonly entity: System;
    };

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
 *
 * @category Model
 */
export type EdgeAttributes =
  | {
      /** The edge is an integration, from its `source` to its `target`. */
      readonly kind: 'integration';
      /** The integration as the document holds it (frozen). */
      readonly entity: Integration;
    }
  | {
      /** The edge is a relation of this type, from its `from` to its `to`. */
      readonly kind: RelationType;
      /** The relation as the document holds it (frozen). */
      readonly entity: Relation;
    };

/**
 * Options for {@link Model.scope}.
 *
 * @example
 * ```ts
 * import type { ScopeOptions } from 'kartta';
 * const options: ScopeOptions = { scope: 'pop', includeRetired: false };
 * ```
 *
 * @category Model
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
 * const scope = model.scope('pop');
 * console.log(scope.organisations); // ['pop']
 * ```
 *
 * @category Model
 */
export interface Scope {
  /** The scope organisation, or `null` for the whole model. */
  readonly root: string | null;
  /** The root and its members, directly or transitively (`memberOf`); every organisation without a root. */
  readonly organisations: readonly string[];
  /** The systems those organisations own or use; retired ones only with `includeRetired`. */
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
 *
 * @category Model
 */
export interface EditResult<M> {
  /** The edited model, validated; the model edited is unchanged. */
  readonly model: M;
  /** The changes from the old document to the new one; `model.applyPatches(patches)` gives the new model. */
  readonly patches: readonly Patch[];
  /** The changes back: `next.applyPatches(inversePatches)` gives the old model (undo). */
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
 *
 * @category Model
 */
export interface Patch {
  /** Replace the value at `path`, remove it, or add it (into an array: insert at the index). */
  readonly op: 'replace' | 'remove' | 'add';
  /** Where in the document: property names and array indexes from the top, e.g. `['systems', 0, 'lifecycle']`. */
  readonly path: readonly (string | number)[];
  /** The new value, for `replace` and `add`. */
  readonly value?: unknown;
}
