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
import type { projectKinds, projectLevels, projectStatuses } from './schema/portfolio.js';

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
 * The kind of a development {@link Project}: `preparation`, `study`, `development`, `procurement`, `deployment`,
 * `migration` or `other`.
 *
 * @example
 * ```ts
 * import type { ProjectKind } from 'kartta';
 * const kind: ProjectKind = 'preparation';
 * ```
 *
 * @category Format
 */
export type ProjectKind = (typeof projectKinds)[number];

/**
 * Where a {@link Project} is in its life: `proposed`, `planned`, `running`, `completed` or `cancelled`.
 *
 * @example
 * ```ts
 * import type { ProjectStatus } from 'kartta';
 * const status: ProjectStatus = 'running';
 * ```
 *
 * @category Format
 */
export type ProjectStatus = (typeof projectStatuses)[number];

/**
 * Who a {@link Project} is for: one organisation (`local`), a region's organisations (`regional`) or the whole
 * country (`national`: a national or shared project that regional ones can join instead of duplicating).
 *
 * @example
 * ```ts
 * import type { ProjectLevel } from 'kartta';
 * const level: ProjectLevel = 'national';
 * ```
 *
 * @category Format
 */
export type ProjectLevel = (typeof projectLevels)[number];

/**
 * A theme of development work in the model's themes catalogue (case management, identity and access
 * management, ...). Projects and offerings name the themes they work on.
 *
 * @example
 * ```ts
 * import type { Theme } from 'kartta';
 * const theme: Theme = { id: 'case-management', name: { fi: 'Asianhallinta', en: 'Case management' } };
 * ```
 *
 * @category Format
 */
export interface Theme {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** The theme's name, in one language or several. */
  name: Name;
  /** Free text about the theme: what belongs to it. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * A funder that is not one of the model's organisations: an EU fund (the ERDF), a ministry, a foundation.
 * A project's funding names either an organisation or one of these.
 *
 * @example
 * ```ts
 * import type { Funder } from 'kartta';
 * const erdf: Funder = { id: 'erdf', name: { fi: 'Euroopan aluekehitysrahasto (EAKR)', en: 'European Regional Development Fund (ERDF)' } };
 * ```
 *
 * @category Format
 */
export interface Funder {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** The funder's name, in one language or several. */
  name: Name;
  /** Free text about the funder. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * An obligation to use a national {@link Offering}, from a date.
 *
 * @example
 * ```ts
 * import type { Obligation } from 'kartta';
 * const obligation: Obligation = { from: '2019-01-01', basis: 'Act on shared ICT services (invented)' };
 * ```
 *
 * @category Format
 */
export interface Obligation {
  /** The first day on which the obligation applies, an existing calendar date as `YYYY-MM-DD`. */
  from: string;
  /** What the obligation rests on: an act, a decree, a decision. */
  basis?: string | undefined;
  /** Free text: who is obliged, exceptions. */
  description?: string | undefined;
}

/**
 * A national offering: services that an organisation (a state agency or a company) offers to others, some with an
 * obligation to use them. A region's systems that support one of these services are then migration candidates.
 *
 * @example
 * ```ts
 * import type { Offering } from 'kartta';
 * const offering: Offering = {
 *   id: 'national-case-management', name: 'Shared case management', provider: 'valtori',
 *   services: ['case-management'], obligation: { from: '2019-01-01' },
 * };
 * ```
 *
 * @category Format
 */
export interface Offering {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** The offering's name, in one language or several. */
  name: Name;
  /** The id of the organisation that offers it: a state agency or a company. */
  provider: string;
  /** The ids of the services offered (at least one). */
  services: string[];
  /** The ids of the themes (from the themes catalogue) the offering covers. */
  themes?: string[] | undefined;
  /** The first day the offering can be taken into use, an existing calendar date as `YYYY-MM-DD`. */
  available?: string | undefined;
  /** The obligation to use the offering, when there is one. */
  obligation?: Obligation | undefined;
  /** Free text about the offering. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

/**
 * One line of a project's budget: a year, a cost category and an amount.
 *
 * @example
 * ```ts
 * import type { BudgetLine } from 'kartta';
 * const salaries: BudgetLine = { year: 2017, category: 'salaries', amount: 4032 };
 * ```
 *
 * @category Format
 */
export interface BudgetLine {
  /** The year the cost falls in (1900 to 2200); it must lie within the project's start and end. */
  year: number;
  /** The cost category, free text; the sample uses `salaries`, `purchasedServices`, `flatRate`, `equipment`, `travel`, `other`. */
  category: string;
  /** The amount in euros: a number ≥ 0 with at most two decimals (whole cents). */
  amount: number;
  /** Free text about the line. */
  description?: string | undefined;
}

/**
 * A project's budget: a total, budget lines, or both (then the lines must add up to the total, to the cent).
 *
 * @example
 * ```ts
 * import type { ProjectBudget } from 'kartta';
 * const budget: ProjectBudget = { total: 20000, lines: [{ year: 2017, category: 'purchasedServices', amount: 20000 }] };
 * ```
 *
 * @category Format
 */
export interface ProjectBudget {
  /** The total in euros (at most two decimals); without it, the total is the sum of the lines. */
  total?: number | undefined;
  /** The budget lines. */
  lines?: BudgetLine[] | undefined;
}

/**
 * One funder's part of a project: a `share` in percent, or an `amount` in euros. A project's funding uses one of
 * the two throughout: shares that add up to 100, or amounts that add up to the budget total.
 *
 * @example
 * ```ts
 * import type { Funding } from 'kartta';
 * const erdf: Funding = { funder: 'erdf', share: 70 };
 * ```
 *
 * @category Format
 */
export interface Funding {
  /** The id of an organisation of the model or of an external funder in `funders`. */
  funder: string;
  /** The funder's share in percent: above 0, at most 100, at most two decimals. */
  share?: number | undefined;
  /** The funder's amount in euros: a number ≥ 0 with at most two decimals. */
  amount?: number | undefined;
  /** Free text about this part of the funding. */
  description?: string | undefined;
}

/**
 * What a project changes or delivers.
 *
 * @example
 * ```ts
 * import type { Deliverables } from 'kartta';
 * const deliverables: Deliverables = { services: ['case-management'], systems: ['dynasty-oulu'] };
 * ```
 *
 * @category Format
 */
export interface Deliverables {
  /** The ids of the systems the project builds, changes or retires. */
  systems?: string[] | undefined;
  /** The ids of the services the project develops. */
  services?: string[] | undefined;
  /** The ids of the integrations the project builds or changes. */
  integrations?: string[] | undefined;
  /** The ids of the catalogue products the project works on. */
  products?: string[] | undefined;
  /** The ids of migration plan steps the project carries out (steps of a plan document, not checked by the loader). */
  migrationSteps?: string[] | undefined;
}

/**
 * A development project: what is being built, by whom, when, and who pays.
 *
 * @example
 * ```ts
 * import type { Project } from 'kartta';
 * const project: Project = {
 *   id: 'pop-it', name: 'POP-IT', portfolio: 'Digiagenda 2014–2020', kind: 'preparation', status: 'completed',
 *   start: '2017-02-13', end: '2017-12-31', budget: { total: 20000 },
 *   funding: [{ funder: 'erdf', share: 70 }, { funder: 'oulu', share: 30 }], implementers: ['oulu'],
 * };
 * ```
 *
 * @category Format
 */
export interface Project {
  /** Unique across the whole document: 1 to 200 characters, no white space or control characters. */
  id: string;
  /** The project's name, in one language or several. */
  name: Name;
  /** The portfolio or programme the project belongs to, free text (`Digiagenda 2014–2020`). */
  portfolio?: string | undefined;
  /** What kind of project it is. */
  kind?: ProjectKind | undefined;
  /** Who the project is for: one organisation, a region, or the whole country. */
  level?: ProjectLevel | undefined;
  /** Where the project is in its life. */
  status: ProjectStatus;
  /** The first day of the project, an existing calendar date as `YYYY-MM-DD`. */
  start: string;
  /** The last day of the project (not before `start`); absent while it is open-ended. */
  end?: string | undefined;
  /** The project's budget. */
  budget?: ProjectBudget | undefined;
  /** Who pays: organisations of the model or external funders, each with a share or an amount. */
  funding?: Funding[] | undefined;
  /** The ids of the organisations that carry the project out. */
  implementers?: string[] | undefined;
  /** The ids of the themes (from the themes catalogue) the project works on. */
  themes?: string[] | undefined;
  /** What the project changes or delivers. */
  deliverables?: Deliverables | undefined;
  /** Where the project's figures come from (a public project record, a decision), or that they are invented. */
  source?: string | undefined;
  /** Free text about the project. */
  description?: string | undefined;
  /** Free extension object: any JSON object, kept exactly as given through every load, edit, export and import. */
  x?: Record<string, unknown> | undefined;
}

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
  /** The themes catalogue of development work (absent means empty). */
  themes?: Theme[] | undefined;
  /** Funders that are not organisations of the model, such as EU funds (absent means empty). */
  funders?: Funder[] | undefined;
  /** National offerings: services a state agency or company offers, some with an obligation (absent means empty). */
  offerings?: Offering[] | undefined;
  /** Development projects and their funding (absent means empty). */
  projects?: Project[] | undefined;
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
  /**
   * The themes catalogue (`toJSON` writes them sorted by id, and leaves the portfolio collections out while they
   * are empty, so documents written before they existed stay byte-identical). Always present in a model's
   * document; optional in the type so that documents written for the first six collections still type-check.
   */
  themes?: Theme[] | undefined;
  /** Funders that are not organisations of the model (sorted by id; left out of `toJSON` while empty). */
  funders?: Funder[] | undefined;
  /** National offerings (sorted by id; left out of `toJSON` while empty). */
  offerings?: Offering[] | undefined;
  /** Development projects (sorted by id; left out of `toJSON` while empty). */
  projects?: Project[] | undefined;
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
 * A portfolio item looked up by id ({@link Model.portfolioItem}), tagged with its kind.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X', funders: [{ id: 'erdf', name: 'ERDF' }] });
 * const found = model.portfolioItem('erdf');
 * if (found?.kind === 'funder') console.log(found.entity.name); // 'ERDF'
 * ```
 *
 * @category Format
 */
export type PortfolioRef =
  | {
      /** The entity is a theme. */
      readonly kind: 'theme';
      /** The theme itself. */
      readonly entity: Theme;
    }
  | {
      /** The entity is a funder. */
      readonly kind: 'funder';
      /** The funder itself. */
      readonly entity: Funder;
    }
  | {
      /** The entity is a offering. */
      readonly kind: 'offering';
      /** The offering itself. */
      readonly entity: Offering;
    }
  | {
      /** The entity is a project. */
      readonly kind: 'project';
      /** The project itself. */
      readonly entity: Project;
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
