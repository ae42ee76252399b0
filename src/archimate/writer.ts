/**
 * The exchange writer: a prepared export as ArchiMate 3.1 Model Exchange File Format XML, written by hand into an
 * array of strings, with no DOM, so that it is fast and can stream.
 */
import { relationKey } from '../graph/keys.js';
import { sortKeysDeep } from '../schema/json.js';
import type {
  Funder,
  Integration,
  Name,
  Offering,
  Organisation,
  Project,
  Relation,
  Service,
  System,
  Theme,
} from '../types.js';
import type { ConceptExtras, EntityExtras, LangString } from './extras.js';
import { generatedIdentifier } from './ids.js';
import {
  PORTFOLIO_ELEMENT_TYPE,
  emptyParts,
  type DeliverableElement,
  type PortfolioConcept,
  type PortfolioRelationship,
} from './portfolio.js';
import {
  ARCHIMATE_NS,
  BUDGET_LINE_PROPERTY,
  CONCEPT_MARKER,
  EMPTY_CONTRACT_PROPERTY,
  EMPTY_PROPERTY,
  FUNDING_FIELDS,
  FUNDS_MARKER,
  OFFERING_FIELDS,
  PROJECT_FIELDS,
  ELEMENT_TYPE,
  FIELDS_OF_KIND,
  INTEGRATION_TYPE,
  PRODUCTS_PROPERTY,
  RELATION_MAPPING,
  RELATION_MARKER,
  SCHEMA_LOCATION,
  USES_FIELDS,
  XSI_NS,
  X_PROPERTY,
  formatValue,
  getField,
  parseValue,
  relationAttributes,
  type EntityElementKind,
  type FieldSpec,
} from './mapping.js';
import type { PlanLayer } from './plan.js';
import { keptProperties, type PropertyDefinitions, type Row } from './property-definitions.js';
import { organizationsOf, type Prepared } from './reconcile.js';
import type { ViewConnectionSpec, ViewNodeSpec, ViewSpec } from './views/types.js';
import { ROOT_SCOPE, writeXmlNode, type NsScope } from './xml-node.js';
import { escapeAttribute, escapeText } from './xml-text.js';

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
  for (const language of languageOrder(name, extras?.nameOrder)) {
    out.push(`${indent}<name xml:lang="${escapeAttribute(language)}">${escapeText(name[language] as string)}</name>\n`);
  }
}

/**
 * The order in which a name's languages are written: the order the imported file had (`nameOrder`) for the
 * languages it had, then the others alphabetically. Alphabetical for a model made in Kartta, so that the text does
 * not depend on the order in which a name object was built (the model's JSON sorts them too).
 */
function languageOrder(name: Readonly<Record<string, string>>, fileOrder: readonly string[] | undefined): string[] {
  const sorted = Object.keys(name).sort();
  if (fileOrder === undefined) return sorted;
  const first = fileOrder.filter((language) => Object.hasOwn(name, language));
  const seen = new Set(first);
  for (const language of sorted) if (!seen.has(language)) first.push(language);
  return first;
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

function writeDocumentation(
  out: string[],
  indent: string,
  description: string | undefined,
  extras: ConceptExtras | undefined,
): void {
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

function writeProperties(
  out: string[],
  indent: string,
  rows: readonly Row[],
  extras: ConceptExtras | undefined,
  definitions: PropertyDefinitions,
  scope: NsScope = ROOT_SCOPE,
): void {
  const kept = extras?.properties ? keptProperties(extras.properties, definitions) : [];
  if (rows.length === 0 && kept.length === 0) return;
  const inner = `${indent}${I2}`;
  out.push(`${indent}<properties>\n`);
  for (const [ref, value, lang] of rows) {
    const langText = lang !== undefined ? ` xml:lang="${escapeAttribute(lang)}"` : '';
    out.push(
      `${inner}<property propertyDefinitionRef="${ref}">\n${inner}${I2}<value${langText}>${escapeText(value)}</value>\n${inner}</property>\n`,
    );
  }
  for (const node of kept) writeXmlNode(node, out, inner, scope);
  out.push(`${indent}</properties>\n`);
}

/** The property rows of an entity's (or a `uses` relation's) Kartta fields. */
function fieldRows(
  source: object,
  fields: readonly FieldSpec[],
  extras: ConceptExtras | undefined,
  definitions: PropertyDefinitions,
): Row[] {
  const rows: Row[] = [];
  const defaults = extras?.defaults;
  const langs = extras?.valueLangs;
  const texts = extras?.valueTexts;
  for (const spec of fields) {
    const value = getField(source, spec);
    if (value === undefined) continue;
    if (defaults !== undefined && defaults[spec.name] === value) continue;
    rows.push([definitions.use(spec.name), textOf(value, spec, texts), langs?.[spec.name]]);
  }
  return rows;
}

/** A field's text: as the imported file wrote it (`0100`, `250.0`) while the value is still the one read, else Kartta's. */
function textOf(value: unknown, spec: FieldSpec, texts: Readonly<Record<string, string>> | undefined): string {
  const original = texts?.[spec.name];
  if (original !== undefined && Object.is(parseValue(original, spec), value)) return original;
  return formatValue(value);
}

function xRow(x: unknown, extras: ConceptExtras | undefined, definitions: PropertyDefinitions): Row[] {
  // Keys sorted: the same x gives the same text whatever order it was built in.
  return x === undefined
    ? []
    : [[definitions.use(X_PROPERTY), JSON.stringify(sortKeysDeep(x)), extras?.valueLangs?.[X_PROPERTY]]];
}

function writeEntity(
  ctx: Prepared,
  out: string[],
  kind: EntityElementKind,
  entity: Organisation | Service | System,
): void {
  const extras = openConcept(ctx, out, entity, ELEMENT_TYPE[kind]);
  const rows = fieldRows(entity, FIELDS_OF_KIND[kind], extras, ctx.propertyDefinitions);
  if (kind === 'system') {
    const contract = (entity as System).contract;
    if (contract !== undefined && Object.keys(contract).length === 0)
      rows.push([ctx.propertyDefinitions.use(EMPTY_CONTRACT_PROPERTY), '{}', undefined]);
  }
  rows.push(...xRow(entity.x, extras, ctx.propertyDefinitions));
  writeProperties(out, I6, rows, extras, ctx.propertyDefinitions, ctx.scope);
  out.push(`${I4}</element>\n`);
}

/**
 * Opens the element of an entity or a portfolio item and writes what every such element starts with (names,
 * documentation, other tools' content), returning the extras kept for it.
 */
function openConcept(
  ctx: Prepared,
  out: string[],
  item: { readonly id: string; readonly name?: Name | undefined; readonly description?: string | undefined },
  type: string,
): EntityExtras | undefined {
  const extras = ctx.entityExtras.size === 0 ? undefined : ctx.entityExtras.get(item.id);
  const attributes = extras?.attributes ? attributeText(extras.attributes) : '';
  out.push(
    `${I4}<element identifier="${escapeAttribute(ctx.identifierOf(item.id))}" xsi:type="${type}"${attributes}>\n`,
  );
  writeNames(out, I6, item.name, extras);
  writeDocumentation(out, I6, item.description, extras);
  writeAny(out, I6, extras, ctx.scope);
  return extras;
}

/** A theme, external funder, offering or project: written like an entity, with its concept marked. */
function writePortfolioConcept(
  ctx: Prepared,
  out: string[],
  concept: PortfolioConcept,
  item: Theme | Funder | Offering | Project,
): void {
  const extras = openConcept(ctx, out, item, PORTFOLIO_ELEMENT_TYPE[concept]);
  const definitions = ctx.propertyDefinitions;
  const rows: Row[] = [[definitions.use(CONCEPT_MARKER), concept, extras?.valueLangs?.[CONCEPT_MARKER]]];
  if (concept === 'project' || concept === 'offering') {
    const fields = concept === 'project' ? PROJECT_FIELDS : OFFERING_FIELDS;
    rows.push(...fieldRows(item, fields, extras, definitions));
    for (const line of (item as Project).budget?.lines ?? [])
      rows.push([definitions.use(BUDGET_LINE_PROPERTY), JSON.stringify(sortKeysDeep(line)), undefined]);
    const empty = emptyParts(item as Project | Offering);
    if (empty.length > 0) rows.push([definitions.use(EMPTY_PROPERTY), JSON.stringify(empty), undefined]);
  }
  rows.push(...xRow(item.x, extras, definitions));
  writeProperties(out, I6, rows, extras, definitions, ctx.scope);
  out.push(`${I4}</element>\n`);
}

function writeDeliverable(ctx: Prepared, out: string[], deliverable: DeliverableElement): void {
  const definitions = ctx.propertyDefinitions;
  out.push(
    `${I4}<element identifier="${escapeAttribute(deliverable.identifier)}" xsi:type="${PORTFOLIO_ELEMENT_TYPE.deliverable}">\n${I6}<name>${escapeText(deliverable.name)}</name>\n`,
  );
  const rows: Row[] = [[definitions.use(CONCEPT_MARKER), 'deliverable', undefined]];
  if (deliverable.property !== undefined)
    rows.push([definitions.use(deliverable.property[0]), deliverable.property[1], undefined]);
  writeProperties(out, I6, rows, undefined, definitions, ctx.scope);
  out.push(`${I4}</element>\n`);
}

function writePortfolioRelationship(ctx: Prepared, out: string[], relationship: PortfolioRelationship): void {
  const start = out.length;
  const directed = relationship.type === 'Association' ? ' isDirected="true"' : '';
  out.push(
    relationshipOpen(relationship.identifier, relationship.type, relationship.source, relationship.target, directed),
  );
  const funding = relationship.funding;
  if (funding !== undefined) {
    const definitions = ctx.propertyDefinitions;
    writeDocumentation(out, I6, funding.description, undefined);
    const rows: Row[] = [[definitions.use(RELATION_MARKER), FUNDS_MARKER, undefined]];
    rows.push(...fieldRows(funding, FUNDING_FIELDS, undefined, definitions));
    writeProperties(out, I6, rows, undefined, definitions, ctx.scope);
  }
  closeRelationship(out, start);
}

function relationshipOpen(
  identifier: string,
  type: string,
  source: string,
  target: string,
  attributes: string,
): string {
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
  out.push(
    relationshipOpen(
      ctx.identifierOf(integration.id),
      INTEGRATION_TYPE,
      ctx.identifierOf(integration.source),
      ctx.identifierOf(integration.target),
      attributes,
    ),
  );
  writeNames(out, I6, undefined, extras);
  writeDocumentation(out, I6, integration.description, extras);
  writeAny(out, I6, extras, ctx.scope);
  const rows = fieldRows(integration, FIELDS_OF_KIND.integration, extras, ctx.propertyDefinitions);
  rows.push(...xRow(integration.x, extras, ctx.propertyDefinitions));
  writeProperties(out, I6, rows, extras, ctx.propertyDefinitions, ctx.scope);
  closeRelationship(out, start);
}

function writeRelation(ctx: Prepared, out: string[], relation: Relation): void {
  const extras = ctx.relationExtras.size === 0 ? undefined : ctx.relationExtras.get(relationKey(relation));
  const mapping = RELATION_MAPPING[relation.type];
  const from = ctx.identifierOf(relation.from);
  const to = ctx.identifierOf(relation.to);
  const attributes = attributeText(extras?.attributes ?? relationAttributes(relation.type));
  const start = out.length;
  out.push(
    relationshipOpen(
      ctx.relationIdentifierOf(relation),
      mapping.type,
      mapping.reversed ? to : from,
      mapping.reversed ? from : to,
      attributes,
    ),
  );
  writeNames(out, I6, undefined, extras);
  writeDocumentation(out, I6, relation.description, extras);
  writeAny(out, I6, extras, ctx.scope);
  const rows: Row[] = [];
  if (mapping.marked)
    rows.push([ctx.propertyDefinitions.use(RELATION_MARKER), relation.type, extras?.valueLangs?.[RELATION_MARKER]]);
  if (relation.type === 'uses') rows.push(...fieldRows(relation, USES_FIELDS, extras, ctx.propertyDefinitions));
  rows.push(...xRow(relation.x, extras, ctx.propertyDefinitions));
  writeProperties(out, I6, rows, extras, ctx.propertyDefinitions, ctx.scope);
  closeRelationship(out, start);
}

function extraDeclarations(scope: NsScope): string {
  if (scope === ROOT_SCOPE) return '';
  let text = '';
  for (const [prefix, uri] of scope.prefixes)
    if (!ROOT_SCOPE.prefixes.has(prefix)) text += ` xmlns:${prefix}="${escapeAttribute(uri)}"`;
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
  if (products.length > 0)
    rows.push([
      ctx.propertyDefinitions.use(PRODUCTS_PROPERTY),
      JSON.stringify(sortKeysDeep(products)),
      extras?.valueLangs?.[PRODUCTS_PROPERTY],
    ]);
  rows.push(...xRow(doc.x, extras, ctx.propertyDefinitions));
  writeProperties(out, I2, rows, extras, ctx.propertyDefinitions, ctx.scope);
  if (extras?.metadata) writeXmlNode(extras.metadata, out, I2, ctx.scope);
}

function writePlanElement(ctx: Prepared, out: string[], element: PlanLayer['elements'][number]): void {
  out.push(
    `${I4}<element identifier="${element.identifier}" xsi:type="${element.type}">\n${I6}<name>${escapeText(element.name)}</name>\n`,
  );
  if (element.documentation !== undefined)
    out.push(`${I6}<documentation>${escapeText(element.documentation)}</documentation>\n`);
  const rows: Row[] = element.properties.map(([name, value]) => [
    ctx.propertyDefinitions.use(name),
    formatValue(value),
    undefined,
  ]);
  writeProperties(out, I6, rows, undefined, ctx.propertyDefinitions);
  out.push(`${I4}</element>\n`);
}

function writePlanRelationship(out: string[], relationship: PlanLayer['relationships'][number]): void {
  const open = relationshipOpen(
    relationship.identifier,
    relationship.type,
    relationship.source,
    relationship.target,
    '',
  );
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
  for (const point of connection.bendpoints)
    out.push(`${indent}${I2}<bendpoint x="${clampPosition(point.x)}" y="${clampPosition(point.y)}"/>\n`);
  out.push(`${indent}</connection>\n`);
}

function writeView(out: string[], view: ViewSpec): void {
  out.push(
    `${I6}<view identifier="${escapeAttribute(view.identifier)}" xsi:type="Diagram">\n${I8}<name>${escapeText(view.name)}</name>\n`,
  );
  if (view.documentation !== undefined)
    out.push(`${I8}<documentation>${escapeText(view.documentation)}</documentation>\n`);
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
export function* produce(ctx: Prepared, out: string[], state: { current: string }): Generator<void, void, void> {
  const { model } = ctx;
  state.current = 'the model';
  writeModelHeader(ctx, out);
  const organisations = model.organisations();
  const services = model.services();
  const systems = model.systems();
  const integrations = model.integrations();
  const relations = model.relations();
  const plan = ctx.plan;
  const portfolio = ctx.portfolio;
  const portfolioElements =
    portfolio.themes.length +
    portfolio.funders.length +
    portfolio.offerings.length +
    portfolio.projects.length +
    portfolio.deliverables.length;
  let n = 0;
  const hasElements =
    organisations.length +
      services.length +
      systems.length +
      portfolioElements +
      (plan?.elements.length ?? 0) +
      ctx.extraElements.length >
    0;
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
    const concepts: [PortfolioConcept, readonly (Theme | Funder | Offering | Project)[]][] = [
      ['theme', portfolio.themes],
      ['funder', portfolio.funders],
      ['offering', portfolio.offerings],
      ['project', portfolio.projects],
    ];
    for (const [concept, list] of concepts) {
      for (const item of list) {
        state.current = item.id;
        writePortfolioConcept(ctx, out, concept, item);
      }
    }
    for (const deliverable of portfolio.deliverables) {
      state.current = deliverable.identifier;
      writeDeliverable(ctx, out, deliverable);
    }
    yield;
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
  const hasRelationships =
    integrations.length +
      relations.length +
      portfolio.relationships.length +
      (plan?.relationships.length ?? 0) +
      ctx.extraRelationships.length >
    0;
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
    for (const relationship of portfolio.relationships) {
      state.current = relationship.identifier;
      writePortfolioRelationship(ctx, out, relationship);
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
      out.push(
        `${I4}<propertyDefinition identifier="${definition.identifier}" type="${definition.type}">\n${I6}<name>${escapeText(definition.name)}</name>\n${I4}</propertyDefinition>\n`,
      );
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
