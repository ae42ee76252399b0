/**
 * The mapping between Kartta and ArchiMate, as data: which element type each entity becomes, which relationship
 * each relation becomes, and which property carries each field. The exporter and the importer both read these
 * tables, so the mapping is reversible by construction.
 */
import { directions, lifecycles, modes, organisationKinds, systemClasses } from '../schema/document.js';
import { MAX_ID, MAX_TEXT, isIsoDate, isValidBusinessId } from '../schema/primitives.js';
import type { RelationType } from '../types.js';

/** The exchange format's namespace (ArchiMate 3.0 and 3.1 files both use it). */
export const ARCHIMATE_NS = 'http://www.opengroup.org/xsd/archimate/3.0/';
/** Namespaces accepted on import as the exchange namespace. */
export const ARCHIMATE_NAMESPACES: ReadonlySet<string> = new Set([
  ARCHIMATE_NS,
  'http://www.opengroup.org/xsd/archimate/3.1/',
]);
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** Where Archi says the schema lives. */
export const SCHEMA_LOCATION = `${ARCHIMATE_NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd`;

/** The element types of the exchange format (ArchiMate 3.1), with Archi's top-level folder for each. */
export const ELEMENT_FOLDERS: Readonly<Record<string, string>> = (() => {
  const folders: Record<string, string> = {};
  const put = (folder: string, types: string) => {
    for (const type of types.split(' ')) folders[type] = folder;
  };
  put('Strategy', 'Resource Capability CourseOfAction ValueStream');
  put(
    'Business',
    'BusinessActor BusinessRole BusinessCollaboration BusinessInterface BusinessProcess BusinessFunction BusinessInteraction BusinessEvent BusinessService BusinessObject Contract Representation Product',
  );
  put(
    'Application',
    'ApplicationComponent ApplicationCollaboration ApplicationInterface ApplicationFunction ApplicationInteraction ApplicationProcess ApplicationEvent ApplicationService DataObject',
  );
  put(
    'Technology & Physical',
    'Node Device SystemSoftware TechnologyCollaboration TechnologyInterface Path CommunicationNetwork TechnologyFunction TechnologyProcess TechnologyInteraction TechnologyEvent TechnologyService Artifact Equipment Facility DistributionNetwork Material',
  );
  put('Motivation', 'Stakeholder Driver Assessment Goal Outcome Principle Requirement Constraint Meaning Value');
  put('Implementation & Migration', 'WorkPackage Deliverable ImplementationEvent Plateau Gap');
  put('Other', 'Grouping Location AndJunction OrJunction');
  return folders;
})();

/** The relationship types of the exchange format. */
export const RELATIONSHIP_TYPES: ReadonlySet<string> = new Set([
  'Composition',
  'Aggregation',
  'Assignment',
  'Realization',
  'Serving',
  'Access',
  'Influence',
  'Triggering',
  'Flow',
  'Specialization',
  'Association',
]);

/** The order of Archi's top-level folders. */
export const TOP_FOLDERS = [
  'Strategy',
  'Business',
  'Application',
  'Technology & Physical',
  'Motivation',
  'Implementation & Migration',
  'Other',
  'Relations',
  'Views',
] as const;

export type EntityElementKind = 'organisation' | 'service' | 'system';

/** The element type of each entity kind. */
export const ELEMENT_TYPE: Readonly<Record<EntityElementKind, string>> = {
  organisation: 'BusinessActor',
  service: 'BusinessService',
  system: 'ApplicationComponent',
};

export const KIND_OF_ELEMENT_TYPE: Readonly<Record<string, EntityElementKind>> = {
  BusinessActor: 'organisation',
  BusinessService: 'service',
  ApplicationComponent: 'system',
};

/** An integration is a Flow between two application components. */
export const INTEGRATION_TYPE = 'Flow';

/**
 * How a relation is written. `reversed`: the relationship runs from the relation's `to` to its `from` (ArchiMate
 * reads the other way round: the whole aggregates its member, the component serves its user). `marked`: an
 * Association, which says nothing by itself, carries the relation type in the property `kartta:relation`.
 */
export interface RelationMapping {
  readonly type: string;
  readonly reversed: boolean;
  readonly marked: boolean;
}

export const RELATION_MAPPING: Readonly<Record<RelationType, RelationMapping>> = {
  // A joint authority or region aggregates its member organisations.
  memberOf: { type: 'Aggregation', reversed: true, marked: false },
  // The organisation is assigned to (responsible for) the service.
  provides: { type: 'Assignment', reversed: false, marked: false },
  // Ownership has no ArchiMate relationship between an actor and a component other than association.
  owns: { type: 'Association', reversed: false, marked: true },
  // The component serves the organisation whose staff use it.
  uses: { type: 'Serving', reversed: true, marked: false },
  // The component serves the business service it supports.
  supports: { type: 'Serving', reversed: false, marked: false },
  // What a system depends on serves it (a platform serves what runs on it).
  dependsOn: { type: 'Serving', reversed: true, marked: false },
  // A planned successor; realization or specialization would say something else, so a marked association.
  replaces: { type: 'Association', reversed: false, marked: true },
};

/** The property that names the relation type on associations. */
export const RELATION_MARKER = 'kartta:relation';
/** The property holding an entity's, relation's or the document's `x` as JSON. */
export const X_PROPERTY = 'kartta:x';
/** The model property holding the product catalogue as JSON. */
export const PRODUCTS_PROPERTY = 'kartta:products';
/** A system property that keeps a contract with no fields (`{}`) from disappearing. */
export const EMPTY_CONTRACT_PROPERTY = 'kartta:contract';
/**
 * The model property in which versions before the portfolio mapping wrote the whole portfolio as JSON. Still
 * read, never written.
 */
export const PORTFOLIO_PROPERTY = 'kartta:portfolio';
/**
 * The property that says which portfolio concept an element stands for (`project`, `offering`, `theme`, `funder`,
 * `deliverable`) where its ArchiMate type alone does not: an external funder is a BusinessActor like an
 * organisation, an offering a BusinessService like a service.
 */
export const CONCEPT_MARKER = 'kartta:concept';
/** The marker of a funding association (in `kartta:relation`), from the funder to the work package. */
export const FUNDS_MARKER = 'funds';
/** A property listing, as JSON, the lists and objects of a project or offering that are present but empty. */
export const EMPTY_PROPERTY = 'kartta:empty';
/** A project property holding one budget line as JSON; repeated, in the order of the lines. */
export const BUDGET_LINE_PROPERTY = 'budget.line';

/** A Kartta field carried by a property. */
export interface FieldSpec {
  /** Property (definition) name. */
  readonly name: string;
  readonly type: PropertyType;
  /** Where the field sits in the entity. */
  readonly path: readonly [string] | readonly [string, string];
  /** Whether a value read back fits the field (the rule of the `kartta/1` schema for it). */
  readonly accepts: (value: unknown) => boolean;
}

/** Property definition data types Kartta writes. */
export type PropertyType = 'string' | 'number' | 'boolean' | 'date';

const field = (
  name: string,
  type: PropertyType,
  accepts: (value: unknown) => boolean,
  path?: FieldSpec['path'],
): FieldSpec => ({
  name,
  type,
  accepts,
  path: path ?? [name],
});

// Plain checks with the rules of the zod schemas: the import runs them once per property, and zod's generality
// costs more than the parsing of the XML around them. The loaded model is validated by the schemas anyway.
const text = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
const oneOf = (values: readonly string[]) => {
  const set = new Set(values);
  return (value: unknown) => typeof value === 'string' && set.has(value);
};
const count = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const amount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const boolean = (value: unknown) => typeof value === 'boolean';
const date = (value: unknown) => typeof value === 'string' && value.length <= 10 && isIsoDate(value);
const businessId = (value: unknown) => typeof value === 'string' && isValidBusinessId(value);
const municipalityCode = (value: unknown) => typeof value === 'string' && /^\d{3}$/.test(value);
const reference = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
const criticality = oneOf(['low', 'medium', 'high', 'critical']);

export const ORGANISATION_FIELDS: readonly FieldSpec[] = [
  field('kind', 'string', oneOf(organisationKinds)),
  field('businessId', 'string', businessId),
  field('municipalityCode', 'string', municipalityCode),
];

export const SERVICE_FIELDS: readonly FieldSpec[] = [field('domain', 'string', text), field('code', 'string', text)];

export const SYSTEM_FIELDS: readonly FieldSpec[] = [
  field('class', 'string', oneOf(systemClasses)),
  field('product', 'string', text),
  field('version', 'string', text),
  field('lifecycle', 'string', oneOf(lifecycles)),
  field('criticality', 'string', criticality),
  field('users', 'number', count),
  field('platform', 'boolean', boolean),
  field('hosting', 'string', text),
  field('contract.ends', 'date', date, ['contract', 'ends']),
  field('contract.noticeMonths', 'number', count, ['contract', 'noticeMonths']),
  field('contract.annualCost', 'number', amount, ['contract', 'annualCost']),
];

export const INTEGRATION_FIELDS: readonly FieldSpec[] = [
  field('direction', 'string', oneOf(directions)),
  field('data', 'string', text),
  field('protocol', 'string', text),
  field('mode', 'string', oneOf(modes)),
  field('via', 'string', reference),
  field('criticality', 'string', criticality),
];

export const USES_FIELDS: readonly FieldSpec[] = [field('users', 'number', count)];

// Portfolio fields take any value: a bad one goes to the loader, which refuses it with the code the JSON loader
// gives (a portfolio is data someone pays on, so a wrong value fails the import rather than being set aside).
const any = (value: unknown) => value !== undefined;

export const PROJECT_FIELDS: readonly FieldSpec[] = [
  field('kind', 'string', any),
  field('level', 'string', any),
  field('status', 'string', any),
  field('portfolio', 'string', any),
  field('start', 'date', any),
  field('end', 'date', any),
  field('budget.total', 'number', any, ['budget', 'total']),
  field('source', 'string', any),
];

export const OFFERING_FIELDS: readonly FieldSpec[] = [
  field('available', 'date', any),
  field('obligation.from', 'date', any, ['obligation', 'from']),
  field('obligation.basis', 'string', any, ['obligation', 'basis']),
  field('obligation.description', 'string', any, ['obligation', 'description']),
];

export const FUNDING_FIELDS: readonly FieldSpec[] = [field('share', 'number', any), field('amount', 'number', any)];

/** Deliverables without an element to point at name what they are about in one of these properties. */
export const DELIVERABLE_FIELDS: readonly FieldSpec[] = [
  field('product', 'string', any),
  field('migrationStep', 'string', any),
];

const ID = /^[^\s\p{Cc}]+$/u;

/** Whether a string is a valid Kartta id (the rule of the schema's `idSchema`). */
export function isKarttaId(value: string): boolean {
  return value.length > 0 && value.length <= MAX_ID && ID.test(value);
}

/** The type of every property Kartta writes, by name. */
export const PROPERTY_TYPES: ReadonlyMap<string, PropertyType> = new Map<string, PropertyType>([
  ...[
    ...ORGANISATION_FIELDS,
    ...SERVICE_FIELDS,
    ...SYSTEM_FIELDS,
    ...INTEGRATION_FIELDS,
    ...USES_FIELDS,
    ...PROJECT_FIELDS.filter((spec) => spec.name !== 'kind'),
    ...OFFERING_FIELDS,
    ...FUNDING_FIELDS,
    ...DELIVERABLE_FIELDS,
  ].map((spec) => [spec.name, spec.type] as const),
  [RELATION_MARKER, 'string'],
  [X_PROPERTY, 'string'],
  [PRODUCTS_PROPERTY, 'string'],
  [EMPTY_CONTRACT_PROPERTY, 'string'],
  [PORTFOLIO_PROPERTY, 'string'],
  [CONCEPT_MARKER, 'string'],
  [EMPTY_PROPERTY, 'string'],
  [BUDGET_LINE_PROPERTY, 'string'],
]);

/** Required fields a foreign element may lack, and what Kartta assumes (recorded in the extras as defaults). */
export const REQUIRED_DEFAULTS: Readonly<Record<EntityElementKind, Readonly<Record<string, string>>>> = {
  organisation: { kind: 'other' },
  service: { domain: 'unspecified' },
  // TORI claims a system is domain-independent and should converge to one per region; without evidence the
  // safer assumption is a domain-specific (TOSI) system in production.
  system: { class: 'TOSI', lifecycle: 'production' },
};

export const FIELDS_OF_KIND: Readonly<Record<EntityElementKind | 'integration', readonly FieldSpec[]>> = {
  organisation: ORGANISATION_FIELDS,
  service: SERVICE_FIELDS,
  system: SYSTEM_FIELDS,
  integration: INTEGRATION_FIELDS,
};

/** Reads a field's value from an entity or relation. */
export function getField(source: object, spec: FieldSpec): unknown {
  const first = (source as Record<string, unknown>)[spec.path[0]];
  if (spec.path.length === 1) return first;
  return first !== null && typeof first === 'object' ? (first as Record<string, unknown>)[spec.path[1]] : undefined;
}

/** Writes a property value as text. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  // String(-0) is '0'; keep the sign so that the value reads back the same.
  return Object.is(value, -0) ? '-0' : String(value);
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a property value for a field; `undefined` when it does not fit. */
export function parseValue(text: string, spec: FieldSpec): unknown {
  let value: unknown;
  switch (spec.type) {
    case 'number':
      if (!NUMBER.test(text)) return undefined;
      value = Number(text);
      break;
    case 'boolean':
      if (text !== 'true' && text !== 'false') return undefined;
      value = text === 'true';
      break;
    default:
      value = text;
  }
  return spec.accepts(value) ? value : undefined;
}

/** Attributes Kartta writes on a relation's relationship (beyond identifier, type and ends). */
export function relationAttributes(type: RelationType): Record<string, string> {
  return RELATION_MAPPING[type].type === 'Association' ? { isDirected: 'true' } : {};
}
