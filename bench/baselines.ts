/**
 * The floors and peers the benchmark measures Kartta against, on the same data in the same run:
 *
 * - {@link graphologyBuild}: a bare graphology MultiDirectedGraph of the same nodes and edges, keyed and
 *   attributed as Kartta's graph is, with no validation and no copying (the floor for load).
 * - {@link stringJoinExport}: the same ArchiMate exchange text, written plainly into an array of strings and
 *   joined (the floor for export). It escapes text, attributes and identifiers fully, as any correct writer must;
 *   the benchmark checks that it produces exactly Kartta's bytes, so the two do the same work.
 * - {@link xmlbuilder2Export}: the same elements, relationships, folders and property definitions written with
 *   xmlbuilder2, the way a user would otherwise hand-write an exporter.
 * - {@link saxesPass}: a bare namespace-aware saxes pass over the XML with empty handlers (the floor for
 *   import), configured as Kartta's reader configures saxes.
 * - {@link fastXmlParserParse}: fast-xml-parser, the popular alternative, to a JS object with attributes.
 */
import { MultiDirectedGraph } from 'graphology';
import { SaxesParser } from 'saxes';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { XMLParser } from 'fast-xml-parser';
import {
  relationTypes,
  type Integration,
  type KarttaDocument,
  type Name,
  type Organisation,
  type Product,
  type Relation,
  type Service,
  type System,
} from '../src/index.js';

// ---------------------------------------------------------------------------------------------------------------
// Load floor

/** Builds the graph Kartta builds (same keys, same attribute objects), from a document trusted to be valid. */
export function graphologyBuild(doc: KarttaDocument): MultiDirectedGraph {
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const entity of doc.organisations) graph.addNode(entity.id, { kind: 'organisation', entity });
  for (const entity of doc.services) graph.addNode(entity.id, { kind: 'service', entity });
  for (const entity of doc.systems) graph.addNode(entity.id, { kind: 'system', entity });
  for (const entity of doc.integrations)
    graph.addDirectedEdgeWithKey(entity.id, entity.source, entity.target, { kind: 'integration', entity });
  for (const entity of doc.relations) {
    graph.addDirectedEdgeWithKey(`${entity.type}: ${entity.from} -> ${entity.to}`, entity.from, entity.to, {
      kind: entity.type,
      entity,
    });
  }
  return graph;
}

// ---------------------------------------------------------------------------------------------------------------
// The content of an export, shared by the string-join and xmlbuilder2 writers

/** The model's collections in export order (entities by id, relations by type, from and to). */
export interface SortedDocument {
  readonly name: Name;
  readonly description?: string | undefined;
  readonly x?: Record<string, unknown> | undefined;
  readonly products: readonly Product[];
  readonly organisations: readonly Organisation[];
  readonly services: readonly Service[];
  readonly systems: readonly System[];
  readonly integrations: readonly Integration[];
  readonly relations: readonly Relation[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const typeRank = new Map<string, number>(relationTypes.map((type, i) => [type, i]));

/** The document's collections in the order the model lists them (what `model.systems()` etc. return). */
export function sortDocument(doc: KarttaDocument): SortedDocument {
  return {
    name: doc.name,
    description: doc.description,
    x: doc.x,
    products: [...doc.products].sort(byId),
    organisations: [...doc.organisations].sort(byId),
    services: [...doc.services].sort(byId),
    systems: [...doc.systems].sort(byId),
    integrations: [...doc.integrations].sort(byId),
    relations: [...doc.relations].sort(
      (a, b) =>
        (typeRank.get(a.type) as number) - (typeRank.get(b.type) as number) ||
        (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0),
    ),
  };
}

const NS = 'http://www.opengroup.org/xsd/archimate/3.0/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const SCHEMA_LOCATION = `${NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd`;

type PropertyType = 'string' | 'number' | 'boolean' | 'date';
type Field = readonly [name: string, type: PropertyType, read: (entity: never) => unknown];

const ORGANISATION_FIELDS: readonly Field[] = [
  ['kind', 'string', (e: Organisation) => e.kind],
  ['businessId', 'string', (e: Organisation) => e.businessId],
  ['municipalityCode', 'string', (e: Organisation) => e.municipalityCode],
];
const SERVICE_FIELDS: readonly Field[] = [
  ['domain', 'string', (e: Service) => e.domain],
  ['code', 'string', (e: Service) => e.code],
];
const SYSTEM_FIELDS: readonly Field[] = [
  ['class', 'string', (e: System) => e.class],
  ['product', 'string', (e: System) => e.product],
  ['version', 'string', (e: System) => e.version],
  ['lifecycle', 'string', (e: System) => e.lifecycle],
  ['criticality', 'string', (e: System) => e.criticality],
  ['users', 'number', (e: System) => e.users],
  ['platform', 'boolean', (e: System) => e.platform],
  ['hosting', 'string', (e: System) => e.hosting],
  ['contract.ends', 'date', (e: System) => e.contract?.ends],
  ['contract.noticeMonths', 'number', (e: System) => e.contract?.noticeMonths],
  ['contract.annualCost', 'number', (e: System) => e.contract?.annualCost],
];
const INTEGRATION_FIELDS: readonly Field[] = [
  ['direction', 'string', (e: Integration) => e.direction],
  ['data', 'string', (e: Integration) => e.data],
  ['protocol', 'string', (e: Integration) => e.protocol],
  ['mode', 'string', (e: Integration) => e.mode],
  ['via', 'string', (e: Integration) => e.via],
  ['criticality', 'string', (e: Integration) => e.criticality],
];
const EXTRA_PROPERTIES: readonly (readonly [string, PropertyType])[] = [
  ['kartta:relation', 'string'],
  ['kartta:x', 'string'],
  ['kartta:products', 'string'],
  ['kartta:contract', 'string'],
];
const PROPERTY_TYPE = new Map<string, PropertyType>([
  ...[...ORGANISATION_FIELDS, ...SERVICE_FIELDS, ...SYSTEM_FIELDS, ...INTEGRATION_FIELDS].map(
    ([name, type]) => [name, type] as const,
  ),
  ...EXTRA_PROPERTIES,
]);

/** ArchiMate relationship per relation type; `reversed` runs it from `to` to `from`; `marked` names the type. */
const RELATIONSHIP: Record<Relation['type'], { type: string; reversed: boolean; marked: boolean }> = {
  memberOf: { type: 'Aggregation', reversed: true, marked: false },
  provides: { type: 'Assignment', reversed: false, marked: false },
  owns: { type: 'Association', reversed: false, marked: true },
  uses: { type: 'Serving', reversed: true, marked: false },
  supports: { type: 'Serving', reversed: false, marked: false },
  dependsOn: { type: 'Serving', reversed: true, marked: false },
  replaces: { type: 'Association', reversed: false, marked: true },
};

/** `xs:ID`-safe identifier part: ASCII letters, digits and `-` kept, anything else `_hex_`. */
function escapeId(value: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || (c >= 65 && c <= 90)) continue;
    const cp = value.codePointAt(i) as number;
    out += `${value.slice(start, i)}_${cp.toString(16)}_`;
    if (cp > 0xffff) i++;
    start = i + 1;
  }
  return start === 0 ? value : out + value.slice(start);
}

const entityId = (id: string): string => `id-${escapeId(id)}`;
const propdefId = (name: string): string => `propdef.${escapeId(name)}`;
/** Property definition identifiers, computed once (a writer would keep them as constants). */
const PROPDEF_ID: ReadonlyMap<string, string> = new Map(
  [...PROPERTY_TYPE.keys()].map((name) => [name, propdefId(name)]),
);

function checkXmlChars(value: string): void {
  // XML 1.0 cannot carry C0 controls other than tab, line feed and carriage return, lone surrogates, U+FFFE/F.
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 13 : c === 0xfffe || c === 0xffff)
      throw new Error(`U+${c.toString(16)} cannot be written in XML`);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) throw new Error('lone surrogate');
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) throw new Error('lone surrogate');
  }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point: XML 1.0 cannot carry them
const TEXT_SPECIAL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const ATTR_SPECIAL = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const TEXT_REPLACE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_REPLACE: Record<string, string> = { ...TEXT_REPLACE, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

function text(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  checkXmlChars(value);
  return value.replace(/[&<>\r]/g, (c) => TEXT_REPLACE[c] as string);
}

function attr(value: string): string {
  if (!ATTR_SPECIAL.test(value)) return value;
  checkXmlChars(value);
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTR_REPLACE[c] as string);
}

/** JSON with object keys sorted at every level, as the exporter writes `x` and the catalogue. */
function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(sort);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = sort((v as Record<string, unknown>)[key]);
    return out;
  };
  return JSON.stringify(sort(value));
}

function languages(name: Name): [string | undefined, string][] {
  if (typeof name === 'string') return [[undefined, name]];
  return Object.keys(name)
    .sort()
    .map((lang) => [lang, name[lang] as string]);
}

type Row = readonly [name: string, value: string];

function rowsOf(entity: unknown, fields: readonly Field[]): Row[] {
  const rows: Row[] = [];
  for (const [name, , read] of fields) {
    const value = (read as (e: unknown) => unknown)(entity);
    if (value !== undefined)
      rows.push([
        name,
        typeof value === 'string'
          ? value
          : typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value),
      ]);
  }
  return rows;
}

/** What one relationship says, writer-independent. */
interface RelationshipContent {
  readonly identifier: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  readonly description: string | undefined;
  readonly rows: Row[];
}

function integrationContent(integration: Integration): RelationshipContent {
  const rows = rowsOf(integration, INTEGRATION_FIELDS);
  if (integration.x !== undefined) rows.push(['kartta:x', sortedJson(integration.x)]);
  return {
    identifier: entityId(integration.id),
    type: 'Flow',
    source: entityId(integration.source),
    target: entityId(integration.target),
    directed: false,
    description: integration.description,
    rows,
  };
}

function relationContent(relation: Relation): RelationshipContent {
  const mapping = RELATIONSHIP[relation.type];
  const from = entityId(relation.from);
  const to = entityId(relation.to);
  const rows: Row[] = [];
  if (mapping.marked) rows.push(['kartta:relation', relation.type]);
  if (relation.type === 'uses' && relation.users !== undefined) rows.push(['users', String(relation.users)]);
  if (relation.x !== undefined) rows.push(['kartta:x', sortedJson(relation.x)]);
  return {
    identifier: `rel.${relation.type}.${escapeId(relation.from)}.${escapeId(relation.to)}`,
    type: mapping.type,
    source: mapping.reversed ? to : from,
    target: mapping.reversed ? from : to,
    directed: mapping.type === 'Association',
    description: relation.description,
    rows,
  };
}

function entityRows(kind: 'organisation' | 'service' | 'system', entity: Organisation | Service | System): Row[] {
  const rows = rowsOf(
    entity,
    kind === 'organisation' ? ORGANISATION_FIELDS : kind === 'service' ? SERVICE_FIELDS : SYSTEM_FIELDS,
  );
  if (kind === 'system') {
    const contract = (entity as System).contract;
    if (contract !== undefined && Object.keys(contract).length === 0) rows.push(['kartta:contract', '{}']);
  }
  if (entity.x !== undefined) rows.push(['kartta:x', sortedJson(entity.x)]);
  return rows;
}

const ELEMENT_TYPE = {
  organisation: 'BusinessActor',
  service: 'BusinessService',
  system: 'ApplicationComponent',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Export floor: a plain string join

/**
 * The ArchiMate exchange text of a model (no views, plan or extras): the pieces pushed onto one array (literal
 * pieces and escaped values, never a string built per line) and joined once, so that the floor allocates
 * little besides the result.
 */
export function stringJoinExport(doc: SortedDocument): string {
  const out: string[] = [];
  const used = new Set<string>();
  const names = (indent: string, name: Name) => {
    if (typeof name === 'string') {
      out.push(indent, '<name>', text(name), '</name>\n');
      return;
    }
    for (const lang of Object.keys(name).sort())
      out.push(indent, '<name xml:lang="', attr(lang), '">', text(name[lang] as string), '</name>\n');
  };
  const property = (indent: string, name: string, value: string) => {
    used.add(name);
    out.push(
      indent,
      '  <property propertyDefinitionRef="',
      PROPDEF_ID.get(name) as string,
      '">\n',
      indent,
      '    <value>',
      text(value),
      '</value>\n',
      indent,
      '  </property>\n',
    );
  };
  /** Writes the fields that are set, opening `<properties>` at the first; returns whether it opened. */
  const fields = (indent: string, entity: unknown, list: readonly Field[], open: boolean): boolean => {
    for (const [name, , read] of list) {
      const value = (read as (e: unknown) => unknown)(entity);
      if (value === undefined) continue;
      if (!open) {
        out.push(indent, '<properties>\n');
        open = true;
      }
      property(
        indent,
        name,
        typeof value === 'string'
          ? value
          : typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value),
      );
    }
    return open;
  };
  const extra = (indent: string, name: string, value: string, open: boolean): boolean => {
    if (!open) out.push(indent, '<properties>\n');
    property(indent, name, value);
    return true;
  };
  const close = (indent: string, open: boolean) => {
    if (open) out.push(indent, '</properties>\n');
  };
  const id = (value: string) => {
    out.push('id-', escapeId(value));
  };

  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="${NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${SCHEMA_LOCATION}" identifier="model">\n`,
  );
  names('  ', doc.name);
  if (doc.description !== undefined) out.push('  <documentation>', text(doc.description), '</documentation>\n');
  let open = false;
  if (doc.products.length > 0) open = extra('  ', 'kartta:products', sortedJson(doc.products), open);
  if (doc.x !== undefined) open = extra('  ', 'kartta:x', sortedJson(doc.x), open);
  close('  ', open);

  const entities: [
    'organisation' | 'service' | 'system',
    readonly (Organisation | Service | System)[],
    readonly Field[],
  ][] = [
    ['organisation', doc.organisations, ORGANISATION_FIELDS],
    ['service', doc.services, SERVICE_FIELDS],
    ['system', doc.systems, SYSTEM_FIELDS],
  ];
  if (doc.organisations.length + doc.services.length + doc.systems.length > 0) {
    out.push('  <elements>\n');
    for (const [kind, list, fieldList] of entities) {
      const type = ELEMENT_TYPE[kind];
      for (const entity of list) {
        out.push('    <element identifier="');
        id(entity.id);
        out.push('" xsi:type="', type, '">\n');
        names('      ', entity.name);
        if (entity.description !== undefined)
          out.push('      <documentation>', text(entity.description), '</documentation>\n');
        let opened = fields('      ', entity, fieldList, false);
        if (kind === 'system') {
          const contract = (entity as System).contract;
          if (contract !== undefined && Object.keys(contract).length === 0)
            opened = extra('      ', 'kartta:contract', '{}', opened);
        }
        if (entity.x !== undefined) opened = extra('      ', 'kartta:x', sortedJson(entity.x), opened);
        close('      ', opened);
        out.push('    </element>\n');
      }
    }
    out.push('  </elements>\n');
  }
  /** Opens a relationship; the caller writes the inside and calls `end`. */
  const relationshipOpen = (type: string, directed: boolean) => {
    out.push('" xsi:type="', type, '" source="');
    return directed;
  };
  /** Fills the slot left after `target="...` once it is known whether anything was written inside. */
  const end = (slot: number, directed: boolean) => {
    if (out.length === slot + 1) {
      out[slot] = directed ? '" isDirected="true"/>\n' : '"/>\n';
      return;
    }
    out[slot] = directed ? '" isDirected="true">\n' : '">\n';
    out.push('    </relationship>\n');
  };
  const relationRef = (relation: Relation) => {
    out.push('rel.', relation.type, '.', escapeId(relation.from), '.', escapeId(relation.to));
  };
  if (doc.integrations.length + doc.relations.length > 0) {
    out.push('  <relationships>\n');
    for (const integration of doc.integrations) {
      out.push('    <relationship identifier="');
      id(integration.id);
      relationshipOpen('Flow', false);
      id(integration.source);
      out.push('" target="');
      id(integration.target);
      const slot = out.push('') - 1;
      if (integration.description !== undefined)
        out.push('      <documentation>', text(integration.description), '</documentation>\n');
      let opened = fields('      ', integration, INTEGRATION_FIELDS, false);
      if (integration.x !== undefined) opened = extra('      ', 'kartta:x', sortedJson(integration.x), opened);
      close('      ', opened);
      end(slot, false);
    }
    for (const relation of doc.relations) {
      const mapping = RELATIONSHIP[relation.type];
      out.push('    <relationship identifier="');
      relationRef(relation);
      const directed = relationshipOpen(mapping.type, mapping.type === 'Association');
      id(mapping.reversed ? relation.to : relation.from);
      out.push('" target="');
      id(mapping.reversed ? relation.from : relation.to);
      const slot = out.push('') - 1;
      if (relation.description !== undefined)
        out.push('      <documentation>', text(relation.description), '</documentation>\n');
      let opened = false;
      if (mapping.marked) opened = extra('      ', 'kartta:relation', relation.type, opened);
      if (relation.type === 'uses' && relation.users !== undefined)
        opened = extra('      ', 'users', String(relation.users), opened);
      if (relation.x !== undefined) opened = extra('      ', 'kartta:x', sortedJson(relation.x), opened);
      close('      ', opened);
      end(slot, directed);
    }
    out.push('  </relationships>\n');
  }

  // Folders, laid out as Archi lays out its top-level folders.
  const subfolder = (label: string, list: readonly { id: string }[]) => {
    if (list.length === 0) return;
    out.push('      <item>\n        <label>', label, '</label>\n');
    for (const entity of list) {
      out.push('        <item identifierRef="');
      id(entity.id);
      out.push('"/>\n');
    }
    out.push('      </item>\n');
  };
  const folder = (label: string, body: () => void) => {
    out.push('    <item>\n      <label>', label, '</label>\n');
    body();
    out.push('    </item>\n');
  };
  const hasFolders =
    doc.organisations.length +
      doc.services.length +
      doc.systems.length +
      doc.integrations.length +
      doc.relations.length >
    0;
  if (hasFolders) out.push('  <organizations>\n');
  if (doc.organisations.length + doc.services.length > 0) {
    folder('Business', () => {
      subfolder('Actors', doc.organisations);
      subfolder('Services', doc.services);
    });
  }
  if (doc.systems.length > 0) folder('Application', () => subfolder('Systems', doc.systems));
  if (doc.integrations.length + doc.relations.length > 0) {
    folder('Relations', () => {
      subfolder('Integrations', doc.integrations);
      for (const relation of doc.relations) {
        out.push('      <item identifierRef="');
        relationRef(relation);
        out.push('"/>\n');
      }
    });
  }
  if (hasFolders) out.push('  </organizations>\n');
  if (used.size > 0) {
    out.push('  <propertyDefinitions>\n');
    for (const [identifier, name] of [...used]
      .map((n) => [propdefId(n), n] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      out.push(
        '    <propertyDefinition identifier="',
        identifier,
        '" type="',
        PROPERTY_TYPE.get(name) as string,
        '">\n      <name>',
        text(name),
        '</name>\n    </propertyDefinition>\n',
      );
    }
    out.push('  </propertyDefinitions>\n');
  }
  out.push('</model>\n');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Export peer: xmlbuilder2

/** The same exchange content written with xmlbuilder2's builder (pretty-printed). */
export function xmlbuilder2Export(doc: SortedDocument): string {
  const used = new Set<string>();
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS, 'model', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': SCHEMA_LOCATION,
    identifier: 'model',
  });
  const names = (parent: XMLBuilder, name: Name) => {
    for (const [lang, value] of languages(name)) {
      (lang === undefined ? parent.ele('name') : parent.ele('name', { 'xml:lang': lang })).txt(value).up();
    }
  };
  const properties = (parent: XMLBuilder, rows: readonly Row[]) => {
    if (rows.length === 0) return;
    const list = parent.ele('properties');
    for (const [name, value] of rows) {
      used.add(name);
      list
        .ele('property', { propertyDefinitionRef: propdefId(name) })
        .ele('value')
        .txt(value);
    }
  };
  names(root, doc.name);
  if (doc.description !== undefined) root.ele('documentation').txt(doc.description);
  const modelRows: Row[] = [];
  if (doc.products.length > 0) modelRows.push(['kartta:products', sortedJson(doc.products)]);
  if (doc.x !== undefined) modelRows.push(['kartta:x', sortedJson(doc.x)]);
  properties(root, modelRows);
  const elements = root.ele('elements');
  const entities: ['organisation' | 'service' | 'system', readonly (Organisation | Service | System)[]][] = [
    ['organisation', doc.organisations],
    ['service', doc.services],
    ['system', doc.systems],
  ];
  for (const [kind, list] of entities) {
    for (const entity of list) {
      const element = elements.ele('element', { identifier: entityId(entity.id), 'xsi:type': ELEMENT_TYPE[kind] });
      names(element, entity.name);
      if (entity.description !== undefined) element.ele('documentation').txt(entity.description);
      properties(element, entityRows(kind, entity));
    }
  }
  const relationships = root.ele('relationships');
  const relationship = (content: RelationshipContent) => {
    const attributes: Record<string, string> = {
      identifier: content.identifier,
      'xsi:type': content.type,
      source: content.source,
      target: content.target,
    };
    if (content.directed) attributes.isDirected = 'true';
    const node = relationships.ele('relationship', attributes);
    if (content.description !== undefined) node.ele('documentation').txt(content.description);
    properties(node, content.rows);
  };
  for (const integration of doc.integrations) relationship(integrationContent(integration));
  for (const relation of doc.relations) relationship(relationContent(relation));
  const organizations = root.ele('organizations');
  const folder = (parent: XMLBuilder, label: string, identifiers: readonly string[]) => {
    const item = parent.ele('item');
    item.ele('label').txt(label);
    for (const identifier of identifiers) item.ele('item', { identifierRef: identifier });
    return item;
  };
  const business = folder(organizations, 'Business', []);
  folder(
    business,
    'Actors',
    doc.organisations.map((o) => entityId(o.id)),
  );
  folder(
    business,
    'Services',
    doc.services.map((s) => entityId(s.id)),
  );
  folder(
    folder(organizations, 'Application', []),
    'Systems',
    doc.systems.map((s) => entityId(s.id)),
  );
  const relationsFolder = folder(organizations, 'Relations', []);
  folder(
    relationsFolder,
    'Integrations',
    doc.integrations.map((i) => entityId(i.id)),
  );
  for (const r of doc.relations)
    relationsFolder.ele('item', { identifierRef: `rel.${r.type}.${escapeId(r.from)}.${escapeId(r.to)}` });
  const definitions = root.ele('propertyDefinitions');
  for (const name of [...used].sort((a, b) => (propdefId(a) < propdefId(b) ? -1 : 1))) {
    definitions
      .ele('propertyDefinition', { identifier: propdefId(name), type: PROPERTY_TYPE.get(name) as string })
      .ele('name')
      .txt(name);
  }
  return root.end({ prettyPrint: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Import floor and peer

/** A bare pass of saxes over the text, namespace-aware as Kartta's reader, with handlers that only count. */
export function saxesPass(xml: string): number {
  const parser = new SaxesParser({ xmlns: true });
  let count = 0;
  parser.on('opentag', () => {
    count++;
  });
  parser.on('text', () => {
    count++;
  });
  parser.on('closetag', () => {
    count++;
  });
  parser.write(xml).close();
  return count;
}

/** fast-xml-parser to a JS object, with attributes. */
export function fastXmlParserParse(xml: string): unknown {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
  return parser.parse(xml);
}
