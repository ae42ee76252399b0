/**
 * Reads the development portfolio back from the concepts `portfolio.ts` maps it to: WorkPackages with a start
 * date (or marked `kartta:concept` `project`) become projects, marked BusinessActors external funders, marked
 * BusinessServices offerings, marked Groupings themes, and the relationships between them and the model's
 * entities their implementers, funding, themes, providers, services and deliverables. Lists come back in the
 * order of the file's relationships, which is the order the export wrote them in.
 */
import type { ConceptExtras, EntityExtras, LangString, XmlNode } from './extras.js';
import {
  BUDGET_LINE_PROPERTY,
  CONCEPT_MARKER,
  DELIVERABLE_FIELDS,
  EMPTY_PROPERTY,
  FUNDING_FIELDS,
  FUNDS_MARKER,
  OFFERING_FIELDS,
  PROJECT_FIELDS,
  RELATION_MARKER,
  type FieldSpec,
} from './mapping.js';
import { PORTFOLIO_ELEMENT_TYPE, restoreEmptyParts, type PortfolioConcept } from './portfolio.js';
import { fastEntityIdentifier } from './fast-ids.js';
import { propertyNode, rebuild, type ConceptRecord, type PropertyRecord } from './records.js';
import type { Name } from '../types.js';
import { isIsoDate } from '../schema/primitives.js';
import { parseJsonOrUndefined } from '../schema/json.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** What the reader needs of the importer. */
export interface PortfolioHost {
  claimId(identifier: string): string;
  definitionName(property: PropertyRecord): string | undefined;
  concept(
    record: ConceptRecord,
    structural: readonly string[],
    expected: Readonly<Record<string, string>>,
  ): Writable<ConceptExtras>;
  fields(
    properties: readonly PropertyRecord[],
    specs: readonly FieldSpec[],
    target: Record<string, unknown>,
    extras: Writable<ConceptExtras>,
    special?: (name: string, value: string) => boolean,
  ): PropertyRecord[];
  nameOf(names: readonly LangString[], fallback: string, extras: Writable<ConceptExtras>): Name;
  descriptionOf(documentation: readonly LangString[], extras: Writable<ConceptExtras>): string | undefined;
  /** The Kartta id and kind of an element that became an entity. */
  entity(identifier: string): { readonly id: string; readonly kind: string } | undefined;
}

/** Where a portfolio concept came from, to name it when the loader refuses it. */
export interface PortfolioOrigin {
  readonly identifier: string;
  readonly type: string;
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

const COLLECTION: Readonly<Record<PortfolioConcept, 'projects' | 'offerings' | 'themes' | 'funders'>> = {
  project: 'projects',
  offering: 'offerings',
  theme: 'themes',
  funder: 'funders',
};

const ELEMENT_STRUCTURE = ['identifier', 'xsi:type'] as const;
const PORTFOLIO_TYPES: ReadonlySet<string> = new Set(Object.values(PORTFOLIO_ELEMENT_TYPE));
const NO_ATTRIBUTES: Readonly<Record<string, string>> = {};

function simpleValue(host: PortfolioHost, record: ConceptRecord, name: string): string | undefined {
  for (const property of record.properties)
    if (property.node === undefined && host.definitionName(property) === name) return property.text;
  return undefined;
}

interface Deliverable {
  readonly node: XmlNode;
  readonly project: string;
  product?: string;
  migrationStep?: string;
  about?: { readonly identifier: string; readonly node: XmlNode };
  work?: XmlNode;
}

export class PortfolioReader {
  readonly #host: PortfolioHost;
  /** Identifier -> concept, decided before any element is mapped. */
  readonly #roles = new Map<string, PortfolioConcept>();
  /** Deliverable identifier -> the identifier of the project that realises it. */
  readonly #deliverableOf = new Map<string, string>();
  /** Identifiers of the Flows in the file: a deliverable's association to one is about an integration. */
  readonly #flows = new Set<string>();
  /** Identifier -> id and the read object, for the portfolio concepts. */
  readonly #items = new Map<string, { id: string; concept: PortfolioConcept; item: Record<string, unknown> }>();
  readonly #deliverables = new Map<string, Deliverable>();
  /** Per project identifier, its deliverables' identifiers in file order. */
  readonly #projectDeliverables = new Map<string, string[]>();
  readonly collections = {
    themes: [] as Record<string, unknown>[],
    funders: [] as Record<string, unknown>[],
    offerings: [] as Record<string, unknown>[],
    projects: [] as Record<string, unknown>[],
  };
  /** Per collection, where each item came from, in the same order. */
  readonly origins = { themes: [], funders: [], offerings: [], projects: [] } as Record<
    'themes' | 'funders' | 'offerings' | 'projects',
    PortfolioOrigin[]
  >;
  readonly extras: EntityExtras[] = [];

  constructor(host: PortfolioHost, elements: readonly ConceptRecord[], relationships: readonly ConceptRecord[]) {
    this.#host = host;
    const deliverables = new Set<string>();
    for (const record of elements) {
      const identifier = record.attributes.identifier as string;
      const type = record.attributes['xsi:type'] as string;
      const role = this.#role(record, type);
      if (role !== undefined) this.#roles.set(identifier, role);
      else if (type === PORTFOLIO_ELEMENT_TYPE.deliverable) deliverables.add(identifier);
    }
    if (this.#roles.size === 0) return;
    for (const record of relationships) {
      const { source, target } = record.attributes;
      const type = record.attributes['xsi:type'];
      if (type === 'Flow') this.#flows.add(record.attributes.identifier as string);
      if (
        type === 'Realization' &&
        this.#roles.get(source as string) === 'project' &&
        deliverables.has(target as string) &&
        !this.#deliverableOf.has(target as string)
      )
        this.#deliverableOf.set(target as string, source as string);
    }
  }

  #role(record: ConceptRecord, type: string): PortfolioConcept | undefined {
    // Most elements of a large file are components: they are never portfolio concepts, so their properties are
    // not read here.
    if (!PORTFOLIO_TYPES.has(type)) return undefined;
    const marker = simpleValue(this.#host, record, CONCEPT_MARKER);
    for (const concept of ['project', 'offering', 'theme', 'funder'] as const)
      if (type === PORTFOLIO_ELEMENT_TYPE[concept] && marker === concept) return concept;
    // A work package someone added in Archi is a project once it has a start date: without one there is no
    // period to compare or fund, and Kartta does not make one up (it stays an element of the extras). A `start`
    // that is not a date is some other tool's property, not a reason to refuse the file.
    if (type === PORTFOLIO_ELEMENT_TYPE.project) {
      const start = simpleValue(this.#host, record, 'start');
      if (start !== undefined && start.length === 10 && isIsoDate(start)) return 'project';
    }
    return undefined;
  }

  /** Reads the element when it is a portfolio concept or a project's deliverable; `false` when it is neither. */
  element(record: ConceptRecord): boolean {
    const identifier = record.attributes.identifier as string;
    const role = this.#roles.get(identifier);
    if (role !== undefined) {
      this.#concept(record, identifier, role);
      return true;
    }
    const project = this.#deliverableOf.get(identifier);
    if (project === undefined) return false;
    const deliverable: Deliverable = { node: rebuild(record), project };
    for (const spec of DELIVERABLE_FIELDS) {
      const value = simpleValue(this.#host, record, spec.name);
      if (value !== undefined) deliverable[spec.name as 'product' | 'migrationStep'] = value;
    }
    this.#deliverables.set(identifier, deliverable);
    return true;
  }

  #concept(record: ConceptRecord, identifier: string, role: PortfolioConcept): void {
    const host = this.#host;
    const id = host.claimId(identifier);
    const extras = host.concept(record, ELEMENT_STRUCTURE, NO_ATTRIBUTES);
    const item: Record<string, unknown> = { id };
    item.name = host.nameOf(record.names, identifier, extras);
    const description = host.descriptionOf(record.documentation, extras);
    const lines: PropertyRecord[] = [];
    const others: PropertyRecord[] = [];
    for (const property of record.properties) {
      if (role === 'project' && property.node === undefined && host.definitionName(property) === BUDGET_LINE_PROPERTY)
        lines.push(property);
      else others.push(property);
    }
    let empty: string | undefined;
    const specs = role === 'project' ? PROJECT_FIELDS : role === 'offering' ? OFFERING_FIELDS : [];
    host.fields(others, specs, item, extras, (name, value) => {
      if (name === CONCEPT_MARKER) return value === role;
      if (name === EMPTY_PROPERTY && (role === 'project' || role === 'offering')) {
        empty = value;
        return true;
      }
      return false;
    });
    if (lines.length > 0) {
      // A line that is not JSON goes to the loader as it is, which refuses it naming the project.
      const budget = (item.budget ??= {}) as Record<string, unknown>;
      budget.lines = lines.map((line) => {
        const text = (line as { text: string }).text;
        return parseJsonOrUndefined(text) ?? text;
      });
    }
    if (empty !== undefined && !restoreEmptyParts(item, empty)) {
      // Not a list Kartta wrote: keep the property as it was read.
      const kept = record.properties.filter(
        (property) => property.node === undefined && host.definitionName(property) === EMPTY_PROPERTY,
      );
      extras.properties = [...(extras.properties ?? []), ...kept.map(propertyNode)];
    }
    if (role === 'project' && item.status === undefined) {
      // Archi knows no project states: a work package given only a start is taken as proposed until someone says.
      item.status = 'proposed';
      extras.defaults = { ...(extras.defaults ?? {}), status: 'proposed' };
    }
    if (description !== undefined) item.description = description;
    if (fastEntityIdentifier(id) !== identifier) extras.identifier = identifier;
    if (Object.keys(extras).length > 0) this.extras.push({ id, ...extras });
    this.#items.set(identifier, { id, concept: role, item });
    const collection = COLLECTION[role];
    this.collections[collection].push(item);
    this.origins[collection].push({
      identifier,
      type: record.attributes['xsi:type'] as string,
      name: typeof item.name === 'string' ? item.name : JSON.stringify(item.name),
      line: record.line,
      column: record.column,
    });
  }

  /** The Kartta id of an element that became an entity or a portfolio concept. */
  #idOf(identifier: string): string | undefined {
    return this.#host.entity(identifier)?.id ?? this.#items.get(identifier)?.id;
  }

  /**
   * Reads the relationship when it is one of the portfolio's; `false` when it is not. `integration` gives the
   * id of an integration by the identifier of its Flow (once read).
   */
  relationship(record: ConceptRecord): boolean {
    if (this.#roles.size === 0) return false;
    const attributes = record.attributes;
    const type = attributes['xsi:type'] as string;
    const source = attributes.source as string;
    const target = attributes.target as string;
    const from = this.#items.get(source);
    const to = this.#items.get(target);
    const push = (item: Record<string, unknown>, key: string, value: unknown) => {
      ((item[key] ??= []) as unknown[]).push(value);
      return true;
    };
    if (to?.concept === 'project') {
      const sourceId = this.#idOf(source);
      if (type === 'Assignment' && sourceId !== undefined) return push(to.item, 'implementers', sourceId);
      if (type === 'Association' && this.#marker(record) === FUNDS_MARKER) {
        // A funder that is neither an organisation nor an external funder keeps its identifier: the loader then
        // names it as a funder that does not exist.
        const funding: Record<string, unknown> = { funder: sourceId ?? source };
        const scratch: Writable<ConceptExtras> = {};
        this.#host.fields(record.properties, FUNDING_FIELDS, funding, scratch, (name) => name === RELATION_MARKER);
        const description = this.#host.descriptionOf(record.documentation, scratch);
        if (description !== undefined) funding.description = description;
        return push(to.item, 'funding', funding);
      }
    }
    if (
      type === 'Aggregation' &&
      from?.concept === 'theme' &&
      (to?.concept === 'project' || to?.concept === 'offering')
    )
      return push(to.item, 'themes', from.id);
    if (to?.concept === 'offering' && type === 'Realization' && to.item.provider === undefined) {
      const provider = this.#idOf(source);
      if (provider !== undefined) {
        to.item.provider = provider;
        return true;
      }
    }
    if (from?.concept === 'offering' && type === 'Aggregation') {
      const service = this.#idOf(target);
      if (service !== undefined) return push(from.item, 'services', service);
    }
    if (from?.concept === 'project' && type === 'Realization') {
      const deliverable = this.#deliverables.get(target);
      if (deliverable !== undefined && deliverable.project === source && deliverable.work === undefined) {
        deliverable.work = rebuild(record);
        let list = this.#projectDeliverables.get(source);
        if (list === undefined) this.#projectDeliverables.set(source, (list = []));
        list.push(target);
        return true;
      }
    }
    const deliverable = this.#deliverables.get(source);
    if (deliverable !== undefined && deliverable.about === undefined) {
      const kind = this.#host.entity(target)?.kind;
      const aboutEntity = type === 'Realization' && (kind === 'system' || kind === 'service');
      const aboutFlow = type === 'Association' && this.#flows.has(target);
      if (aboutEntity || aboutFlow) {
        deliverable.about = { identifier: target, node: rebuild(record) };
        return true;
      }
    }
    return false;
  }

  #marker(record: ConceptRecord): string | undefined {
    return simpleValue(this.#host, record, RELATION_MARKER);
  }

  /**
   * Puts each project's deliverables in its lists, once every relationship is read. Deliverables that say what
   * they are about in no way Kartta reads go back to the extras with their relationships.
   */
  finish(
    integration: (identifier: string) => string | undefined,
    extraElements: XmlNode[],
    extraRelationships: XmlNode[],
  ): void {
    for (const [projectIdentifier, list] of this.#projectDeliverables) {
      const project = this.#items.get(projectIdentifier)?.item as Record<string, unknown>;
      for (const identifier of list) {
        const deliverable = this.#deliverables.get(identifier) as Deliverable;
        this.#deliverables.delete(identifier);
        let kind: string | undefined;
        let ref: string | undefined;
        if (deliverable.about !== undefined) {
          const entity = this.#host.entity(deliverable.about.identifier);
          if (entity?.kind === 'system') [kind, ref] = ['systems', entity.id];
          else if (entity?.kind === 'service') [kind, ref] = ['services', entity.id];
          else {
            const id = integration(deliverable.about.identifier);
            if (id !== undefined) [kind, ref] = ['integrations', id];
          }
        }
        if (kind === undefined && deliverable.product !== undefined) [kind, ref] = ['products', deliverable.product];
        if (kind === undefined && deliverable.migrationStep !== undefined)
          [kind, ref] = ['migrationSteps', deliverable.migrationStep];
        if (kind === undefined) {
          extraElements.push(deliverable.node);
          if (deliverable.work) extraRelationships.push(deliverable.work);
          if (deliverable.about) extraRelationships.push(deliverable.about.node);
          continue;
        }
        const deliverables = (project.deliverables ??= {}) as Record<string, unknown[]>;
        (deliverables[kind] ??= []).push(ref);
      }
    }
    // Deliverables whose realisation from the project was not found (it was read as something else).
    for (const deliverable of this.#deliverables.values()) {
      extraElements.push(deliverable.node);
      if (deliverable.about) extraRelationships.push(deliverable.about.node);
    }
  }
}
