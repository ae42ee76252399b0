/**
 * The ArchiMate exchange writer: a Kartta model (with an optional plan, generated views and the extras of an
 * import) as ArchiMate 3.1 Model Exchange File Format XML. Written by hand into an array of strings, with no DOM,
 * so that it is fast and can stream.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { relationKey } from '../model/keys.js';
import type { Model } from '../model/model.js';
import { sortKeysDeep } from '../schema/json.js';
import type { Integration, Name, Organisation, Relation, Service, System } from '../types.js';
import { ArchimateExportError } from './errors.js';
import type { ArchimateExtras, ConceptExtras, EntityExtras, LangString, RelationExtras, XmlNode } from './extras.js';
import { karttaFolders, mergeFolders, type FolderInput } from './folders.js';
import { fastEntityIdentifier, fastRelationIdentifier } from './fast-ids.js';
import { generatedIdentifier } from './ids.js';
import {
  ARCHIMATE_NS,
  EMPTY_CONTRACT_PROPERTY,
  ELEMENT_TYPE,
  FIELDS_OF_KIND,
  INTEGRATION_TYPE,
  PRODUCTS_PROPERTY,
  PROPERTY_TYPES,
  RELATION_MAPPING,
  RELATION_MARKER,
  SCHEMA_LOCATION,
  USES_FIELDS,
  XSI_NS,
  X_PROPERTY,
  formatValue,
  getField,
  type EntityElementKind,
  type FieldSpec,
} from './mapping.js';
import { PLAN_PROPERTY_TYPES, buildPlanLayer, type ArchimatePlan, type ArchimatePlanResult, type PlanLayer } from './plan.js';
import type { ViewConnectionSpec, ViewNodeSpec, ViewSpec } from './views/types.js';
import { ROOT_SCOPE, writeXmlNode, type NsScope } from './xml-node.js';
import { UnrepresentableTextError, escapeAttribute, escapeText } from './xml-text.js';
import { generateViews } from './views-bridge.js';
import { planMigration } from '../migration/plan-migration.js';
import { parsePlan } from '../migration/validate.js';

/**
 * Which generated views to write (see {@link ArchimateExportOptions.views}).
 *
 * @example
 * ```ts
 * import type { ArchimateViewOptions } from 'kartta';
 * const views: ArchimateViewOptions = { landscapes: ['oulu', 'kempele'], parallel: true, plan: true };
 * ```
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
 */
export interface ArchimateExportOptions {
  /** Generated diagrams: `true` for all kinds, or a choice. Default: none. */
  readonly views?: boolean | ArchimateViewOptions | undefined;
  /** A migration plan document: written as the implementation and migration layer. */
  readonly plan?: ArchimatePlan | undefined;
  /** The plan's placement in waves (a `planMigration` result); computed from `plan` when absent. */
  readonly planResult?: ArchimatePlanResult | undefined;
  /** What an import kept that Kartta has no concept for (from {@link fromArchimateXml}), written back. */
  readonly extras?: ArchimateExtras | undefined;
  /** Ready-made diagrams to write as well, e.g. views built by your own layout. */
  readonly diagrams?: readonly ViewSpec[] | undefined;
}

type Kind = EntityElementKind | 'integration';

/** A property row to write: its definition's identifier and the text. */
type Row = readonly [string, string, string | undefined];

/** Property names with a stable index, so that the writer can cache per-name strings in an array. */
const PROPERTY_NAMES: readonly string[] = [...PROPERTY_TYPES.keys(), ...PLAN_PROPERTY_TYPES.keys()];
const PROPERTY_TYPE_OF = new Map<string, string>([...PROPERTY_TYPES, ...PLAN_PROPERTY_TYPES]);

/** Resolves property definition identifiers and remembers which ones were used. */
class PropertyDefinitions {
  /** Kartta property name -> identifier. */
  readonly #identifier = new Map<string, string>();
  /** Identifier -> Kartta property name, for the definitions Kartta writes itself. */
  readonly #generated = new Map<string, string>();
  readonly #extras = new Set<string>();
  readonly used = new Set<string>();

  constructor(extras: readonly XmlNode[]) {
    const byName = new Map<string, string>();
    for (const node of extras) {
      const identifier = node.attributes?.identifier;
      if (identifier === undefined) continue;
      this.#extras.add(identifier);
      const name = firstText(node, 'name');
      if (name !== undefined && !byName.has(name)) byName.set(name, identifier);
    }
    for (const name of PROPERTY_NAMES) {
      const reused = byName.get(name);
      if (reused !== undefined) {
        this.#identifier.set(name, reused);
        continue;
      }
      let identifier = generatedIdentifier('propdef', name);
      for (let n = 2; this.#extras.has(identifier); n++) identifier = generatedIdentifier('propdef', name, n);
      this.#identifier.set(name, identifier);
      this.#generated.set(identifier, name);
    }
  }

  /** The identifier for a Kartta property name; marks it used. */
  use(name: string): string {
    const identifier = this.#identifier.get(name) as string;
    this.used.add(identifier);
    return identifier;
  }

  /** Whether a reference read from extras resolves; marks Kartta's own definitions used. */
  accept(identifier: string): boolean {
    if (this.#extras.has(identifier)) return true;
    if (this.#generated.has(identifier)) {
      this.used.add(identifier);
      return true;
    }
    return false;
  }

  /** The definitions Kartta writes itself, sorted by identifier. */
  generated(): { identifier: string; name: string; type: string }[] {
    return [...this.used]
      .filter((identifier) => this.#generated.has(identifier))
      .sort()
      .map((identifier) => {
        const name = this.#generated.get(identifier) as string;
        return { identifier, name, type: PROPERTY_TYPE_OF.get(name) as string };
      });
  }
}

function firstText(node: XmlNode, childName: string): string | undefined {
  for (const child of node.children ?? []) {
    if (typeof child !== 'string' && child.name === childName && child.ns === undefined) {
      return (child.children ?? []).filter((c): c is string => typeof c === 'string').join('');
    }
  }
  return undefined;
}

/** Everything decided before the first byte is written. */
export interface Prepared {
  readonly model: Model;
  readonly extras: ArchimateExtras | undefined;
  readonly entityExtras: ReadonlyMap<string, EntityExtras>;
  readonly relationExtras: ReadonlyMap<string, RelationExtras>;
  readonly identifierOf: (id: string) => string;
  readonly relationIdentifierOf: (relation: Relation) => string;
  readonly plan: PlanLayer | undefined;
  readonly diagrams: readonly ViewSpec[];
  readonly extraElements: readonly XmlNode[];
  readonly extraRelationships: readonly XmlNode[];
  readonly extraViews: readonly XmlNode[];
  readonly extraViewpoints: XmlNode | undefined;
  readonly propertyDefinitions: PropertyDefinitions;
  readonly folderInput: FolderInput;
  readonly exists: (identifier: string) => boolean;
  /** Namespace bindings of the root: the exchange namespace, xsi, and the prefixes the extras use (as Archi declares dc). */
  readonly scope: NsScope;
}

const NO_EXTRAS = new Map<never, never>();

function childElements(node: XmlNode | undefined, name: string): XmlNode[] {
  return (node?.children ?? []).filter((c): c is XmlNode => typeof c !== 'string' && c.name === name && c.ns === undefined);
}

/** Copies an extras concept with the properties that point at unknown definitions left out. */
function pruneProperties(node: XmlNode, definitions: PropertyDefinitions): XmlNode {
  if (!node.children?.some((c) => typeof c !== 'string' && c.name === 'properties')) return node;
  const children: (XmlNode | string)[] = [];
  for (const child of node.children) {
    if (typeof child === 'string' || child.name !== 'properties' || child.ns !== undefined) {
      children.push(child);
      continue;
    }
    const kept = keptProperties(child.children ?? [], definitions);
    if (kept.length > 0) children.push({ ...child, children: kept });
  }
  return { ...node, children };
}

function keptProperties(properties: readonly (XmlNode | string)[], definitions: PropertyDefinitions): XmlNode[] {
  return properties.filter((p): p is XmlNode => typeof p !== 'string' && definitions.accept(p.attributes?.propertyDefinitionRef ?? ''));
}

/** Resolves the plan and views and decides what of the extras is written. */
export function prepare(model: Model, options: ArchimateExportOptions = {}): Prepared {
  checkOptions(options);
  const extras = options.extras;
  if (extras !== undefined && (extras === null || typeof extras !== 'object' || extras.format !== 'kartta-archimate-extras/1')) {
    throw new ArchimateExportError('option.invalid', "extras must be the object fromArchimateXml returned (format 'kartta-archimate-extras/1')");
  }
  const entityExtras: ReadonlyMap<string, EntityExtras> = extras ? new Map(extras.entities.map((e) => [e.id, e])) : NO_EXTRAS;
  const relationExtras: ReadonlyMap<string, RelationExtras> = extras ? new Map(extras.relations.map((r) => [relationKey(r), r])) : NO_EXTRAS;
  const identifierOf =
    entityExtras.size === 0 ? fastEntityIdentifier : (id: string) => entityExtras.get(id)?.identifier ?? fastEntityIdentifier(id);
  const relationIdentifierOf =
    relationExtras.size === 0
      ? fastRelationIdentifier
      : (relation: Relation) => relationExtras.get(relationKey(relation))?.identifier ?? fastRelationIdentifier(relation);

  let plan: PlanLayer | undefined;
  let planResult: ArchimatePlanResult | undefined;
  if (options.plan !== undefined) {
    if (options.planResult === undefined) planResult = computePlan(model, options.plan);
    else {
      // A placement from elsewhere still needs a plan that fits the model, and a wave for each of its steps.
      parsePlan(model, options.plan);
      planResult = checkedPlacement(options.plan, options.planResult);
    }
    plan = buildPlanLayer(model, options.plan, planResult, identifierOf);
  } else if (options.planResult !== undefined) {
    throw new ArchimateExportError('option.invalid', 'planResult was given without the plan it places');
  }
  const diagrams: ViewSpec[] = [...(options.diagrams ?? [])];
  if (options.views) {
    const choice: ArchimateViewOptions = options.views === true ? {} : options.views;
    diagrams.push(...generateViews(model, choice, plan, planResult, identifierOf, relationIdentifierOf));
  }
  const diagramIds = new Set<string>();
  for (const diagram of diagrams) {
    if (diagramIds.has(diagram.identifier)) {
      throw new ArchimateExportError(
        'archimate.identifier-collision',
        `two views have the identifier '${diagram.identifier}' (a view given in diagrams that views also generates?)`,
        diagram.identifier,
      );
    }
    diagramIds.add(diagram.identifier);
  }

  const organisations = model.organisations().map((o) => identifierOf(o.id));
  const services = model.services().map((s) => identifierOf(s.id));
  const systems = model.systems().map((s) => identifierOf(s.id));
  const integrations = model.integrations().map((i) => identifierOf(i.id));
  const relations = model.relations().map(relationIdentifierOf);
  const planElements = plan?.elements.map((e) => e.identifier) ?? [];
  const planRelationships = plan?.relationships.map((r) => r.identifier) ?? [];
  const propertyDefinitions = new PropertyDefinitions(extras?.propertyDefinitions ?? []);

  let extraElements: XmlNode[] = [];
  let extraRelationships: XmlNode[] = [];
  let extraViews: XmlNode[] = [];
  let extraViewpoints: XmlNode | undefined;
  let exists: (identifier: string) => boolean = () => true;
  if (extras) {
    const mine = new Set<string>([...organisations, ...services, ...systems, ...integrations, ...relations]);
    if (mine.size !== organisations.length + services.length + systems.length + integrations.length + relations.length) {
      throw new ArchimateExportError('archimate.identifier-collision', 'two concepts of the model would get the same identifier (check the identifiers kept in the extras)');
    }
    const regenerated = new Set<string>([...planElements, ...planRelationships, ...diagrams.map((d) => d.identifier)]);
    const claim = (identifier: string | undefined, what: string): boolean => {
      if (identifier === undefined || regenerated.has(identifier)) return false;
      if (mine.has(identifier)) {
        throw new ArchimateExportError('archimate.identifier-collision', `the ${what} '${identifier}' kept from an import has the identifier of a concept of the model`, identifier);
      }
      return true;
    };
    const elementIds = new Set<string>([...organisations, ...services, ...systems, ...planElements]);
    for (const node of extras.elements) {
      if (claim(node.attributes?.identifier, 'element')) {
        extraElements.push(pruneProperties(node, propertyDefinitions));
        elementIds.add(node.attributes?.identifier as string);
      }
    }
    const relationshipIds = new Set<string>([...integrations, ...relations, ...planRelationships]);
    let candidates = extras.relationships.filter((node) => claim(node.attributes?.identifier, 'relationship'));
    // Relationships may join relationships: drop dangling ones until none is left.
    for (;;) {
      const ids = new Set<string>([...relationshipIds, ...candidates.map((n) => n.attributes?.identifier as string)]);
      const ok = (id: string | undefined) => id !== undefined && (elementIds.has(id) || ids.has(id));
      const next = candidates.filter((n) => ok(n.attributes?.source) && ok(n.attributes?.target));
      if (next.length === candidates.length) break;
      candidates = next;
    }
    extraRelationships = candidates.map((node) => pruneProperties(node, propertyDefinitions));
    for (const node of extraRelationships) relationshipIds.add(node.attributes?.identifier as string);
    const viewIds = new Set<string>(diagrams.map((d) => d.identifier));
    const diagramsNode = childElements(extras.views, 'diagrams')[0];
    const keptViews = childElements(diagramsNode, 'view').filter((v) => claim(v.attributes?.identifier, 'view'));
    for (const view of keptViews) viewIds.add(view.attributes?.identifier as string);
    extraViews = keptViews.map((view) => pruneView(pruneProperties(view, propertyDefinitions), elementIds, relationshipIds, viewIds));
    extraViewpoints = childElements(extras.views, 'viewpoints')[0];
    exists = (identifier) => elementIds.has(identifier) || relationshipIds.has(identifier) || viewIds.has(identifier);
    for (const node of extras.model.properties ?? []) propertyDefinitions.accept(node.attributes?.propertyDefinitionRef ?? '');
  }
  const folderInput: FolderInput = {
    organisations,
    services,
    systems,
    integrations,
    relations,
    planElements,
    planRelationships,
    extraElements: extraElements.map((node) => ({ identifier: node.attributes?.identifier as string, type: node.attributes?.['xsi:type'] ?? '' })),
    extraRelationships: extraRelationships.map((node) => node.attributes?.identifier as string),
    views: [...diagrams.map((d) => d.identifier), ...extraViews.map((v) => v.attributes?.identifier as string)],
  };
  return {
    model,
    extras,
    entityExtras,
    relationExtras,
    identifierOf,
    relationIdentifierOf,
    plan,
    diagrams,
    extraElements,
    extraRelationships,
    extraViews,
    extraViewpoints,
    propertyDefinitions,
    folderInput,
    exists,
    scope: extras ? rootScope(extras) : ROOT_SCOPE,
  };
}

/** The root scope with the prefixes of other namespaces used in the extras, first binding of each prefix. */
function rootScope(extras: ArchimateExtras): NsScope {
  const prefixes = new Map(ROOT_SCOPE.prefixes);
  const visit = (node: XmlNode) => {
    if (node.ns !== undefined && node.prefix !== undefined && node.prefix !== 'xmlns' && !prefixes.has(node.prefix)) prefixes.set(node.prefix, node.ns);
    for (const child of node.children ?? []) if (typeof child !== 'string') visit(child);
  };
  const roots: XmlNode[] = [...(extras.model.any ?? []), ...extras.elements, ...extras.relationships, ...extras.organizations];
  if (extras.model.metadata) roots.push(extras.model.metadata);
  if (extras.views) roots.push(extras.views);
  for (const entity of extras.entities) roots.push(...(entity.any ?? []));
  roots.forEach(visit);
  return prefixes.size === ROOT_SCOPE.prefixes.size ? ROOT_SCOPE : { defaultNs: ROOT_SCOPE.defaultNs, prefixes };
}

/** Copies a kept view without nodes of elements and connections of relationships that are no longer written. */
function pruneView(view: XmlNode, elements: ReadonlySet<string>, relationships: ReadonlySet<string>, views: ReadonlySet<string>): XmlNode {
  const nodes = new Set<string>();
  const keepNode = (node: XmlNode): XmlNode | undefined => {
    const elementRef = node.attributes?.elementRef;
    if (elementRef !== undefined && !elements.has(elementRef)) return undefined;
    const identifier = node.attributes?.identifier;
    if (identifier !== undefined) nodes.add(identifier);
    if (!node.children) return node;
    const children: (XmlNode | string)[] = [];
    for (const child of node.children) {
      if (typeof child === 'string') children.push(child);
      else if (child.name === 'node' && child.ns === undefined) {
        const kept = keepNode(child);
        if (kept) children.push(kept);
      } else if (child.name === 'viewRef' && child.ns === undefined && !views.has(child.attributes?.ref ?? '')) {
        continue;
      } else children.push(child);
    }
    return { ...node, children };
  };
  const children: (XmlNode | string)[] = [];
  const connections: XmlNode[] = [];
  for (const child of view.children ?? []) {
    if (typeof child === 'string') children.push(child);
    else if (child.name === 'node' && child.ns === undefined) {
      const kept = keepNode(child);
      if (kept) children.push(kept);
    } else if (child.name === 'connection' && child.ns === undefined) {
      connections.push(child);
      children.push(child);
    } else children.push(child);
  }
  return {
    ...view,
    children: children.filter((child) => {
      if (typeof child === 'string' || !connections.includes(child)) return true;
      const relationshipRef = child.attributes?.relationshipRef;
      if (relationshipRef !== undefined && !relationships.has(relationshipRef)) return false;
      return nodes.has(child.attributes?.source ?? '') && nodes.has(child.attributes?.target ?? '');
    }),
  };
}

const EXPORT_OPTIONS = new Set(['views', 'plan', 'planResult', 'extras', 'diagrams', 'end']);
const VIEW_OPTIONS = new Set(['landscapes', 'parallel', 'plan']);

/** Refuses what is not an option, so that a typo (`view: true`) fails loudly instead of writing no views. */
function checkOptions(options: unknown): void {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(options)) throw new ArchimateExportError('option.invalid', 'the options must be an object');
  for (const key of Object.keys(options)) {
    if (!EXPORT_OPTIONS.has(key)) throw new ArchimateExportError('option.invalid', `'${key}' is not an option (known: ${[...EXPORT_OPTIONS].join(', ')})`);
  }
  const views = options.views;
  if (views === undefined || typeof views === 'boolean') return;
  if (!isObject(views)) throw new ArchimateExportError('option.invalid', `views must be true, false or an object of view options, got ${JSON.stringify(views) ?? typeof views}`);
  for (const key of Object.keys(views)) {
    if (!VIEW_OPTIONS.has(key)) throw new ArchimateExportError('option.invalid', `'views.${key}' is not an option (known: ${[...VIEW_OPTIONS].join(', ')})`);
  }
  for (const key of ['parallel', 'plan'] as const) {
    if (views[key] !== undefined && typeof views[key] !== 'boolean') throw new ArchimateExportError('option.invalid', `views.${key} must be true or false`);
  }
}

function computePlan(model: Model, plan: ArchimatePlan): ArchimatePlanResult {
  return planMigration(model, plan);
}

/** The given placement, when it puts every step of the plan in exactly one wave and names no other step. */
function checkedPlacement(plan: ArchimatePlan, placement: ArchimatePlanResult): ArchimatePlanResult {
  const steps = new Set(plan.steps.map((step) => step.id));
  const placed = new Set<string>();
  const waves = Array.isArray(placement?.waves) ? placement.waves : undefined;
  if (waves === undefined) throw new ArchimateExportError('option.invalid', 'planResult.waves must be an array (a planMigration result)');
  for (const [i, wave] of waves.entries()) {
    if (!Number.isInteger(wave?.index) || wave.index < 1 || !Array.isArray(wave.steps)) {
      throw new ArchimateExportError('option.invalid', `planResult.waves[${i}] needs an index (an integer >= 1) and a list of steps`);
    }
    for (const step of wave.steps) {
      if (!steps.has(step)) throw new ArchimateExportError('option.invalid', `planResult.waves[${i}] places '${step}', which is not a step of the plan`, step);
      if (placed.has(step)) throw new ArchimateExportError('option.invalid', `planResult places the step '${step}' in more than one wave`, step);
      placed.add(step);
    }
  }
  const missing = [...steps].filter((step) => !placed.has(step)).sort();
  if (missing.length > 0) throw new ArchimateExportError('option.invalid', `planResult places no wave for the steps ${missing.map((m) => `'${m}'`).join(', ')}`, missing[0]);
  return placement;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

const I2 = '  ';
const I4 = '    ';
const I6 = '      ';
const I8 = '        ';

/** Writes names: the Kartta name, or the names kept from an import while the Kartta name is still theirs. */
function writeNames(out: string[], indent: string, name: Name | undefined, extras: ConceptExtras | undefined): void {
  if (extras?.names && (name === undefined || sameName(name, extras.nameUsed))) {
    writeLangStrings(out, indent, 'name', extras.names);
    return;
  }
  if (name === undefined) return;
  if (typeof name === 'string') {
    out.push(`${indent}<name>${escapeText(name)}</name>\n`);
    return;
  }
  for (const language of Object.keys(name).sort()) {
    out.push(`${indent}<name xml:lang="${escapeAttribute(language)}">${escapeText(name[language] as string)}</name>\n`);
  }
}

function sameName(a: Name, b: Name | undefined): boolean {
  if (b === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function writeLangStrings(out: string[], indent: string, tag: string, strings: readonly LangString[]): void {
  for (const s of strings) {
    const lang = s.lang !== undefined ? ` xml:lang="${escapeAttribute(s.lang)}"` : '';
    out.push(`${indent}<${tag}${lang}>${escapeText(s.text)}</${tag}>\n`);
  }
}

function writeDocumentation(out: string[], indent: string, description: string | undefined, extras: ConceptExtras | undefined): void {
  if (description !== undefined) {
    const lang = extras?.descriptionLang !== undefined ? ` xml:lang="${escapeAttribute(extras.descriptionLang)}"` : '';
    out.push(`${indent}<documentation${lang}>${escapeText(description)}</documentation>\n`);
  }
  if (extras?.documentation) writeLangStrings(out, indent, 'documentation', extras.documentation);
}

function writeAny(out: string[], indent: string, extras: ConceptExtras | undefined, scope: NsScope): void {
  if (extras?.any) for (const node of extras.any) writeXmlNode(node, out, indent, scope);
}

/** Attributes kept from an import; `{namespace}local` keys get a prefix declared on the spot. */
function attributeText(attributes: Readonly<Record<string, string>>): string {
  let text = '';
  let n = 0;
  for (const key of Object.keys(attributes)) {
    const value = escapeAttribute(attributes[key] as string);
    const clark = /^\{([^}]*)\}(.+)$/.exec(key);
    if (clark) {
      n++;
      text += ` xmlns:ns${n}="${escapeAttribute(clark[1] as string)}" ns${n}:${clark[2]}="${value}"`;
    } else text += ` ${key}="${value}"`;
  }
  return text;
}

function writeProperties(out: string[], indent: string, rows: readonly Row[], extras: ConceptExtras | undefined, definitions: PropertyDefinitions, scope: NsScope = ROOT_SCOPE): void {
  const kept = extras?.properties ? keptProperties(extras.properties, definitions) : [];
  if (rows.length === 0 && kept.length === 0) return;
  const inner = `${indent}${I2}`;
  out.push(`${indent}<properties>\n`);
  for (const [ref, value, lang] of rows) {
    const langText = lang !== undefined ? ` xml:lang="${escapeAttribute(lang)}"` : '';
    out.push(`${inner}<property propertyDefinitionRef="${ref}">\n${inner}${I2}<value${langText}>${escapeText(value)}</value>\n${inner}</property>\n`);
  }
  for (const node of kept) writeXmlNode(node, out, inner, scope);
  out.push(`${indent}</properties>\n`);
}

/** The property rows of an entity's (or a `uses` relation's) Kartta fields. */
function fieldRows(source: Record<string, unknown>, fields: readonly FieldSpec[], extras: ConceptExtras | undefined, definitions: PropertyDefinitions): Row[] {
  const rows: Row[] = [];
  const defaults = extras?.defaults;
  const langs = extras?.valueLangs;
  for (const spec of fields) {
    const value = getField(source, spec);
    if (value === undefined) continue;
    if (defaults !== undefined && defaults[spec.name] === value) continue;
    rows.push([definitions.use(spec.name), formatValue(value), langs?.[spec.name]]);
  }
  return rows;
}

function xRow(x: unknown, extras: ConceptExtras | undefined, definitions: PropertyDefinitions): Row[] {
  // Keys sorted: the same x gives the same text whatever order it was built in.
  return x === undefined ? [] : [[definitions.use(X_PROPERTY), JSON.stringify(sortKeysDeep(x)), extras?.valueLangs?.[X_PROPERTY]]];
}

function writeEntity(ctx: Prepared, out: string[], kind: EntityElementKind, entity: Organisation | Service | System): void {
  const extras = ctx.entityExtras.size === 0 ? undefined : ctx.entityExtras.get(entity.id);
  const identifier = ctx.identifierOf(entity.id);
  const attributes = extras?.attributes ? attributeText(extras.attributes) : '';
  out.push(`${I4}<element identifier="${escapeAttribute(identifier)}" xsi:type="${ELEMENT_TYPE[kind]}"${attributes}>\n`);
  writeNames(out, I6, entity.name, extras);
  writeDocumentation(out, I6, entity.description, extras);
  writeAny(out, I6, extras, ctx.scope);
  const rows = fieldRows(entity as unknown as Record<string, unknown>, FIELDS_OF_KIND[kind], extras, ctx.propertyDefinitions);
  if (kind === 'system') {
    const contract = (entity as System).contract;
    if (contract !== undefined && Object.keys(contract).length === 0) rows.push([ctx.propertyDefinitions.use(EMPTY_CONTRACT_PROPERTY), '{}', undefined]);
  }
  rows.push(...xRow(entity.x, extras, ctx.propertyDefinitions));
  writeProperties(out, I6, rows, extras, ctx.propertyDefinitions, ctx.scope);
  out.push(`${I4}</element>\n`);
}

function relationshipOpen(identifier: string, type: string, source: string, target: string, attributes: string): string {
  return `${I4}<relationship identifier="${escapeAttribute(identifier)}" xsi:type="${type}" source="${escapeAttribute(source)}" target="${escapeAttribute(target)}"${attributes}>\n`;
}

/** Ends a relationship opened at `out[start]`: self-closing when nothing was written inside. */
function closeRelationship(out: string[], start: number): void {
  if (out.length === start + 1) out[start] = `${(out[start] as string).slice(0, -2)}/>\n`;
  else out.push(`${I4}</relationship>\n`);
}

function writeIntegration(ctx: Prepared, out: string[], integration: Integration): void {
  const extras = ctx.entityExtras.size === 0 ? undefined : ctx.entityExtras.get(integration.id);
  const attributes = extras?.attributes ? attributeText(extras.attributes) : '';
  const start = out.length;
  out.push(relationshipOpen(ctx.identifierOf(integration.id), INTEGRATION_TYPE, ctx.identifierOf(integration.source), ctx.identifierOf(integration.target), attributes));
  writeNames(out, I6, undefined, extras);
  writeDocumentation(out, I6, integration.description, extras);
  writeAny(out, I6, extras, ctx.scope);
  const rows = fieldRows(integration as unknown as Record<string, unknown>, FIELDS_OF_KIND.integration, extras, ctx.propertyDefinitions);
  rows.push(...xRow(integration.x, extras, ctx.propertyDefinitions));
  writeProperties(out, I6, rows, extras, ctx.propertyDefinitions, ctx.scope);
  closeRelationship(out, start);
}

/** Attributes Kartta writes on a relation's relationship (beyond identifier, type and ends). */
export function relationAttributes(type: Relation['type']): Record<string, string> {
  return RELATION_MAPPING[type].type === 'Association' ? { isDirected: 'true' } : {};
}

function writeRelation(ctx: Prepared, out: string[], relation: Relation): void {
  const extras = ctx.relationExtras.size === 0 ? undefined : ctx.relationExtras.get(relationKey(relation));
  const mapping = RELATION_MAPPING[relation.type];
  const from = ctx.identifierOf(relation.from);
  const to = ctx.identifierOf(relation.to);
  const attributes = attributeText(extras?.attributes ?? relationAttributes(relation.type));
  const start = out.length;
  out.push(relationshipOpen(ctx.relationIdentifierOf(relation), mapping.type, mapping.reversed ? to : from, mapping.reversed ? from : to, attributes));
  writeNames(out, I6, undefined, extras);
  writeDocumentation(out, I6, relation.description, extras);
  writeAny(out, I6, extras, ctx.scope);
  const rows: Row[] = [];
  if (mapping.marked) rows.push([ctx.propertyDefinitions.use(RELATION_MARKER), relation.type, extras?.valueLangs?.[RELATION_MARKER]]);
  if (relation.type === 'uses') rows.push(...fieldRows(relation as unknown as Record<string, unknown>, USES_FIELDS, extras, ctx.propertyDefinitions));
  rows.push(...xRow(relation.x, extras, ctx.propertyDefinitions));
  writeProperties(out, I6, rows, extras, ctx.propertyDefinitions, ctx.scope);
  closeRelationship(out, start);
}

function extraDeclarations(scope: NsScope): string {
  if (scope === ROOT_SCOPE) return '';
  let text = '';
  for (const [prefix, uri] of scope.prefixes) if (!ROOT_SCOPE.prefixes.has(prefix)) text += ` xmlns:${prefix}="${escapeAttribute(uri)}"`;
  return text;
}

function writeModelHeader(ctx: Prepared, out: string[]): void {
  const doc = ctx.model.document;
  const extras = ctx.extras?.model;
  const identifier = extras?.identifier ?? generatedIdentifier('model');
  const version = extras?.version !== undefined ? ` version="${escapeAttribute(extras.version)}"` : '';
  const attributes = extras?.attributes ? attributeText(extras.attributes) : '';
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="${ARCHIMATE_NS}" xmlns:xsi="${XSI_NS}"${extraDeclarations(ctx.scope)} xsi:schemaLocation="${SCHEMA_LOCATION}" identifier="${escapeAttribute(identifier)}"${version}${attributes}>\n`,
  );
  writeNames(out, I2, doc.name, extras);
  writeDocumentation(out, I2, doc.description, extras);
  writeAny(out, I2, extras, ctx.scope);
  const rows: Row[] = [];
  const products = ctx.model.products();
  if (products.length > 0) rows.push([ctx.propertyDefinitions.use(PRODUCTS_PROPERTY), JSON.stringify(sortKeysDeep(products)), extras?.valueLangs?.[PRODUCTS_PROPERTY]]);
  rows.push(...xRow(doc.x, extras, ctx.propertyDefinitions));
  writeProperties(out, I2, rows, extras, ctx.propertyDefinitions, ctx.scope);
  if (extras?.metadata) writeXmlNode(extras.metadata, out, I2, ctx.scope);
}

function writePlanElement(ctx: Prepared, out: string[], element: PlanLayer['elements'][number]): void {
  out.push(`${I4}<element identifier="${element.identifier}" xsi:type="${element.type}">\n${I6}<name>${escapeText(element.name)}</name>\n`);
  if (element.documentation !== undefined) out.push(`${I6}<documentation>${escapeText(element.documentation)}</documentation>\n`);
  const rows: Row[] = element.properties.map(([name, value]) => [ctx.propertyDefinitions.use(name), formatValue(value), undefined]);
  writeProperties(out, I6, rows, undefined, ctx.propertyDefinitions);
  out.push(`${I4}</element>\n`);
}

function writePlanRelationship(out: string[], relationship: PlanLayer['relationships'][number]): void {
  const open = relationshipOpen(relationship.identifier, relationship.type, relationship.source, relationship.target, '');
  if (relationship.name === undefined) out.push(`${open.slice(0, -2)}/>\n`);
  else out.push(`${open}${I6}<name>${escapeText(relationship.name)}</name>\n${I4}</relationship>\n`);
}

const clampPosition = (value: number) => Math.max(0, Math.round(value));
const clampSize = (value: number) => Math.max(1, Math.round(value));

function writeViewNode(out: string[], indent: string, node: ViewNodeSpec): void {
  const open = `${indent}<node identifier="${escapeAttribute(node.identifier)}" xsi:type="Element" elementRef="${escapeAttribute(node.elementRef)}" x="${clampPosition(node.x)}" y="${clampPosition(node.y)}" w="${clampSize(node.w)}" h="${clampSize(node.h)}"`;
  if (!node.children || node.children.length === 0) {
    out.push(`${open}/>\n`);
    return;
  }
  out.push(`${open}>\n`);
  for (const child of node.children) writeViewNode(out, `${indent}${I2}`, child);
  out.push(`${indent}</node>\n`);
}

function writeViewConnection(out: string[], indent: string, connection: ViewConnectionSpec): void {
  const open = `${indent}<connection identifier="${escapeAttribute(connection.identifier)}" xsi:type="Relationship" relationshipRef="${escapeAttribute(connection.relationshipRef)}" source="${escapeAttribute(connection.source)}" target="${escapeAttribute(connection.target)}"`;
  if (!connection.bendpoints || connection.bendpoints.length === 0) {
    out.push(`${open}/>\n`);
    return;
  }
  out.push(`${open}>\n`);
  for (const point of connection.bendpoints) out.push(`${indent}${I2}<bendpoint x="${clampPosition(point.x)}" y="${clampPosition(point.y)}"/>\n`);
  out.push(`${indent}</connection>\n`);
}

function writeView(out: string[], view: ViewSpec): void {
  out.push(`${I6}<view identifier="${escapeAttribute(view.identifier)}" xsi:type="Diagram">\n${I8}<name>${escapeText(view.name)}</name>\n`);
  if (view.documentation !== undefined) out.push(`${I8}<documentation>${escapeText(view.documentation)}</documentation>\n`);
  for (const node of view.nodes) writeViewNode(out, I8, node);
  for (const connection of view.connections) writeViewConnection(out, I8, connection);
  out.push(`${I6}</view>\n`);
}

/** How many concepts between two chances for a streaming consumer to take what was written. */
const CHECKPOINT = 256;

/**
 * The document as a sequence of writes into `out`; yields at checkpoints so that a streaming consumer can take
 * the text written so far. `state.current` names the concept being written, for error messages.
 */
function* produce(ctx: Prepared, out: string[], state: { current: string }): Generator<void, void, void> {
  const { model } = ctx;
  state.current = 'the model';
  writeModelHeader(ctx, out);
  const organisations = model.organisations();
  const services = model.services();
  const systems = model.systems();
  const integrations = model.integrations();
  const relations = model.relations();
  const plan = ctx.plan;
  let n = 0;
  const hasElements = organisations.length + services.length + systems.length + (plan?.elements.length ?? 0) + ctx.extraElements.length > 0;
  if (hasElements) {
    out.push(`${I2}<elements>\n`);
    const entityLists: [EntityElementKind, readonly (Organisation | Service | System)[]][] = [
      ['organisation', organisations],
      ['service', services],
      ['system', systems],
    ];
    for (const [kind, list] of entityLists) {
      for (const entity of list) {
        state.current = entity.id;
        writeEntity(ctx, out, kind, entity);
        if (++n % CHECKPOINT === 0) yield;
      }
    }
    for (const element of plan?.elements ?? []) {
      state.current = element.identifier;
      writePlanElement(ctx, out, element);
    }
    for (const node of ctx.extraElements) {
      state.current = node.attributes?.identifier ?? 'an element kept from an import';
      writeXmlNode(node, out, I4, ctx.scope);
      if (++n % CHECKPOINT === 0) yield;
    }
    out.push(`${I2}</elements>\n`);
  }
  yield;
  const hasRelationships = integrations.length + relations.length + (plan?.relationships.length ?? 0) + ctx.extraRelationships.length > 0;
  if (hasRelationships) {
    out.push(`${I2}<relationships>\n`);
    for (const integration of integrations) {
      state.current = integration.id;
      writeIntegration(ctx, out, integration);
      if (++n % CHECKPOINT === 0) yield;
    }
    for (const relation of relations) {
      state.current = relationKey(relation);
      writeRelation(ctx, out, relation);
      if (++n % CHECKPOINT === 0) yield;
    }
    for (const relationship of plan?.relationships ?? []) writePlanRelationship(out, relationship);
    for (const node of ctx.extraRelationships) {
      state.current = node.attributes?.identifier ?? 'a relationship kept from an import';
      writeXmlNode(node, out, I4, ctx.scope);
      if (++n % CHECKPOINT === 0) yield;
    }
    out.push(`${I2}</relationships>\n`);
  }
  yield;
  state.current = 'the folders';
  for (const node of organizationsOf(ctx)) writeXmlNode(node, out, I2, ctx.scope);
  state.current = 'the property definitions';
  const extraDefinitions = ctx.extras?.propertyDefinitions ?? [];
  const generated = ctx.propertyDefinitions.generated();
  if (extraDefinitions.length + generated.length > 0) {
    out.push(`${I2}<propertyDefinitions>\n`);
    for (const node of extraDefinitions) writeXmlNode(node, out, I4, ctx.scope);
    for (const definition of generated) {
      out.push(`${I4}<propertyDefinition identifier="${definition.identifier}" type="${definition.type}">\n${I6}<name>${escapeText(definition.name)}</name>\n${I4}</propertyDefinition>\n`);
    }
    out.push(`${I2}</propertyDefinitions>\n`);
  }
  if (ctx.diagrams.length + ctx.extraViews.length > 0 || ctx.extraViewpoints) {
    out.push(`${I2}<views>\n`);
    if (ctx.extraViewpoints) writeXmlNode(ctx.extraViewpoints, out, I4, ctx.scope);
    if (ctx.diagrams.length + ctx.extraViews.length > 0) {
      out.push(`${I4}<diagrams>\n`);
      for (const view of ctx.diagrams) {
        state.current = view.identifier;
        writeView(out, view);
        yield;
      }
      for (const view of ctx.extraViews) {
        state.current = view.attributes?.identifier ?? 'a view kept from an import';
        writeXmlNode(view, out, I6, ctx.scope);
        yield;
      }
      out.push(`${I4}</diagrams>\n`);
    }
    out.push(`${I2}</views>\n`);
  }
  out.push('</model>\n');
}

/** The folders written: Kartta's, merged into the imported ones. */
export function organizationsOf(ctx: Prepared): XmlNode[] {
  return mergeFolders(ctx.extras?.organizations ?? [], karttaFolders(ctx.folderInput), ctx.exists);
}

function exportError(error: unknown, current: string): unknown {
  if (error instanceof UnrepresentableTextError) {
    return new ArchimateExportError('archimate.unrepresentable-text', `cannot write ${current}: ${error.message}`, current);
  }
  return error;
}

/**
 * The model as an ArchiMate 3.1 Model Exchange File (XML text), ready for Archi (File > Import > Open Exchange
 * XML Model) or any ArchiMate 3 tool. Organisations become BusinessActors, services BusinessServices, systems
 * ApplicationComponents, integrations Flow relationships; relations become the relationships the ArchiMate
 * relationship table allows between those types; Kartta fields become typed properties. The same model always
 * gives byte-identical text.
 *
 * @throws {@link ArchimateExportError} when a text holds a character XML cannot carry, extras or views collide
 *   (`archimate.identifier-collision`), or a `planResult` does not place each step of the plan exactly once.
 * @throws {@link PlanValidationError} when the plan does not fit the model; {@link MigrationCycleError} when, with
 *   no `planResult`, its hard rules form a cycle.
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { Model, toArchimateXml } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const plan = JSON.parse(readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8'));
 * writeFileSync('pohjois-pohjanmaa.xml', toArchimateXml(model, { views: true, plan }));
 * ```
 */
export function toArchimateXml(model: Model, options: ArchimateExportOptions = {}): string {
  const ctx = prepare(model, options);
  const out: string[] = [];
  const chunks: string[] = [];
  const state = { current: 'the model' };
  try {
    const steps = produce(ctx, out, state);
    while (!steps.next().done) {
      // Joining at each checkpoint keeps few small strings alive at a time: far less work for the GC than
      // millions of pieces joined once at the end.
      chunks.push(out.join(''));
      out.length = 0;
    }
  } catch (error) {
    throw exportError(error, state.current);
  }
  chunks.push(out.join(''));
  return chunks.join('');
}

/**
 * The same text as {@link toArchimateXml}, in chunks of a few hundred concepts, for models too large to hold
 * as one string. Joined, the chunks are byte-identical to `toArchimateXml(model, options)`.
 *
 * @throws {@link ArchimateExportError} as {@link toArchimateXml} does, when the chunk concerned is reached.
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { Model, archimateChunks } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * const file = createWriteStream('/tmp/x.xml');
 * for (const chunk of archimateChunks(model)) file.write(chunk);
 * file.end();
 * ```
 */
export function* archimateChunks(model: Model, options: ArchimateExportOptions = {}): Generator<string, void, void> {
  const ctx = prepare(model, options);
  const out: string[] = [];
  const state = { current: 'the model' };
  const steps = produce(ctx, out, state);
  for (;;) {
    let done: boolean | undefined;
    try {
      done = steps.next().done;
    } catch (error) {
      throw exportError(error, state.current);
    }
    if (out.length > 0) {
      const chunk = out.join('');
      out.length = 0;
      yield chunk;
    }
    if (done) return;
  }
}

/**
 * Writes the export to a Node writable stream (a file, an HTTP response) chunk by chunk, respecting
 * back-pressure, and resolves once everything is written. The stream is ended unless `end: false` is given.
 *
 * @throws {@link ArchimateExportError} (as a rejection) as {@link toArchimateXml} does; stream errors reject too.
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { Model, writeArchimate } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * await writeArchimate(model, createWriteStream('/tmp/x.xml'), { views: true });
 * ```
 */
export async function writeArchimate(
  model: Model,
  writable: NodeJS.WritableStream,
  options: ArchimateExportOptions & { readonly end?: boolean | undefined } = {},
): Promise<void> {
  const chunks = archimateChunks(model, options);
  await pipeline(Readable.from(chunks, { objectMode: false }), writable, { end: options.end ?? true });
}
