/**
 * Helpers of the ArchiMate tests: where the shared material is, schema validation with xmllint-wasm, the
 * ArchiMate relationship table, and an independent reading of exported files (fast-xml-parser, not Kartta's own
 * importer) so that the tests do not check the exporter with its own counterpart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared folder (DESIGN.md, archimate/), or undefined when it is not there. */
export const sharedDir: string = process.env.KARTTA_SHARED ?? resolve(repo, '../shared');
export const archimateDir = join(sharedDir, 'archimate');
/** Whether the shared ArchiMate material (schemas, relationship table, Archi samples) is present. */
export const hasShared: boolean =
  existsSync(join(archimateDir, 'xsd', 'archimate3_Diagram.xsd')) &&
  existsSync(join(archimateDir, 'relationships.xml'));
/**
 * Whether the tests that need the shared material are skipped: only outside CI. With `CI` set they run, and fail
 * (see {@link requireShared}), so that CI can never pass with the schema and relationship-table checks skipped.
 */
export const skipShared: boolean = !hasShared && !process.env.CI;
if (skipShared) {
  console.warn(
    `ArchiMate schema tests skipped: no shared material at ${archimateDir} (set KARTTA_SHARED to the folder holding archimate/)`,
  );
}

/** Fails when the shared material is missing. */
export function requireShared(): void {
  if (!hasShared) {
    throw new Error(
      `the shared ArchiMate material (schemas, relationship table, Archi samples) is missing at ${archimateDir}; CI is set, so the checks that need it fail instead of being skipped (set KARTTA_SHARED)`,
    );
  }
}

export const repoDir = repo;

/** Validates an exchange file against the Open Group ArchiMate 3.1 schema (with Dublin Core for metadata). */
export async function schemaErrors(xml: string): Promise<string[]> {
  requireShared();
  const xsd = join(archimateDir, 'xsd');
  const file = (name: string) => ({ fileName: name, contents: readFileSync(join(xsd, name), 'utf8') });
  const result = await validateXML({
    xml: { fileName: 'export.xml', contents: xml },
    schema: file('archimate3_exchange.xsd'),
    preload: ['xml.xsd', 'dc.xsd', 'archimate3_Model.xsd', 'archimate3_View.xsd', 'archimate3_Diagram.xsd'].map(file),
    maxMemoryPages: 65536 / 4,
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

const LETTER: Record<string, string> = {
  Access: 'a',
  Composition: 'c',
  Flow: 'f',
  Aggregation: 'g',
  Assignment: 'i',
  Influence: 'n',
  Association: 'o',
  Realization: 'r',
  Specialization: 's',
  Triggering: 't',
  Serving: 'v',
};

let table: Map<string, string> | undefined;

/** The ArchiMate 3.2 relationship table: `source|target` -> letters. */
export function relationshipTable(): Map<string, string> {
  if (table) return table;
  requireShared();
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'source' || name === 'target',
  });
  const parsed = parser.parse(readFileSync(join(archimateDir, 'relationships.xml'), 'utf8')) as {
    relationships: { source: { concept: string; target: { concept: string; relations: string }[] }[] };
  };
  table = new Map();
  for (const source of parsed.relationships.source) {
    for (const target of source.target) table.set(`${source.concept}|${target.concept}`, target.relations);
  }
  return table;
}

/** Whether the table allows a relationship of `type` from `source` to `target` (element types). */
export function allowed(type: string, source: string, target: string): boolean {
  const letter = LETTER[type];
  if (letter === undefined) throw new Error(`unknown relationship type ${type}`);
  return (relationshipTable().get(`${source}|${target}`) ?? '').includes(letter);
}

export interface ParsedConcept {
  identifier: string;
  type: string;
  names: { text: string; lang?: string }[];
  documentation: string[];
  properties: Record<string, string>;
  source?: string;
  target?: string;
  attributes: Record<string, string>;
}

export interface ParsedView {
  identifier: string;
  name: string;
  nodes: {
    identifier: string;
    elementRef?: string;
    type: string;
    x: number;
    y: number;
    w: number;
    h: number;
    parent?: string;
  }[];
  connections: {
    identifier: string;
    relationshipRef?: string;
    source: string;
    target: string;
    bendpoints: { x: number; y: number }[];
    children: string[];
  }[];
}

export interface ParsedFile {
  identifier: string;
  names: { text: string; lang?: string }[];
  elements: ParsedConcept[];
  relationships: ParsedConcept[];
  /** Property definition identifier -> { name, type }. */
  definitions: Map<string, { name: string; type: string }>;
  /** Folder paths (labels joined by ' / ') -> identifiers referenced directly in them. */
  folders: Map<string, string[]>;
  views: ParsedView[];
}

const ARRAYS = new Set([
  'element',
  'relationship',
  'name',
  'documentation',
  'property',
  'value',
  'item',
  'label',
  'propertyDefinition',
  'view',
  'node',
  'connection',
  'bendpoint',
  'organizations',
]);

type Raw = Record<string, unknown>;

const list = (value: unknown): Raw[] =>
  Array.isArray(value) ? (value as Raw[]) : value === undefined ? [] : [value as Raw];

function textOf(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const raw = value as Raw;
  const text = raw['#text'];
  return typeof text === 'string' || typeof text === 'number' || typeof text === 'boolean' ? String(text) : '';
}

function langStrings(value: unknown): { text: string; lang?: string }[] {
  return list(value).map((item) => {
    const lang = typeof item === 'object' ? (item['xml:lang'] as string | undefined) : undefined;
    return lang === undefined ? { text: textOf(item) } : { text: textOf(item), lang };
  });
}

/** Reads an exchange file with fast-xml-parser (no entity processing, values as text). */
export function parseExchange(xml: string): ParsedFile {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => ARRAYS.has(name),
  });
  const model = (parser.parse(xml) as { model: Raw }).model;
  const definitions = new Map<string, { name: string; type: string }>();
  for (const definition of list((model.propertyDefinitions as Raw | undefined)?.propertyDefinition)) {
    definitions.set(definition.identifier as string, {
      name: textOf(list(definition.name)[0]),
      type: definition.type as string,
    });
  }
  const concept = (raw: Raw): ParsedConcept => {
    const properties: Record<string, string> = {};
    for (const property of list((raw.properties as Raw | undefined)?.property)) {
      const name =
        definitions.get(property.propertyDefinitionRef as string)?.name ?? `?${String(property.propertyDefinitionRef)}`;
      properties[name] = textOf(list(property.value)[0]);
    }
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') attributes[key] = value;
    return {
      identifier: raw.identifier as string,
      type: raw['xsi:type'] as string,
      names: langStrings(raw.name),
      documentation: list(raw.documentation).map(textOf),
      properties,
      ...(raw.source !== undefined ? { source: raw.source as string, target: raw.target as string } : {}),
      attributes,
    };
  };
  const folders = new Map<string, string[]>();
  const walk = (items: Raw[], path: string) => {
    for (const item of items) {
      if (item.identifierRef !== undefined) {
        const refs = folders.get(path) ?? [];
        refs.push(item.identifierRef as string);
        folders.set(path, refs);
      } else {
        const label = textOf(list(item.label)[0]);
        walk(list(item.item), path === '' ? label : `${path} / ${label}`);
      }
    }
  };
  for (const organizations of list(model.organizations)) walk(list(organizations.item), '');
  const views: ParsedView[] = [];
  for (const view of list(
    (model.views as Raw | undefined)?.diagrams ? ((model.views as Raw).diagrams as Raw).view : undefined,
  )) {
    const nodes: ParsedView['nodes'] = [];
    const visit = (raw: Raw[], parent?: string) => {
      for (const node of raw) {
        nodes.push({
          identifier: node.identifier as string,
          type: node['xsi:type'] as string,
          ...(node.elementRef !== undefined ? { elementRef: node.elementRef as string } : {}),
          x: Number(node.x),
          y: Number(node.y),
          w: Number(node.w),
          h: Number(node.h),
          ...(parent !== undefined ? { parent } : {}),
        });
        visit(list(node.node), node.identifier as string);
      }
    };
    visit(list(view.node));
    views.push({
      identifier: view.identifier as string,
      name: textOf(list(view.name)[0]),
      nodes,
      connections: list(view.connection).map((c) => ({
        identifier: c.identifier as string,
        ...(c.relationshipRef !== undefined ? { relationshipRef: c.relationshipRef as string } : {}),
        source: c.source as string,
        target: c.target as string,
        bendpoints: list(c.bendpoint).map((b) => ({ x: Number(b.x), y: Number(b.y) })),
        children: Object.keys(c).filter((key) => typeof c[key] === 'object'),
      })),
    });
  }
  return {
    identifier: model.identifier as string,
    names: langStrings(model.name),
    elements: list((model.elements as Raw | undefined)?.element).map(concept),
    relationships: list((model.relationships as Raw | undefined)?.relationship).map(concept),
    definitions,
    folders,
    views,
  };
}

/** Every relationship of a parsed file that the ArchiMate table does not allow, as readable lines. */
export function disallowedRelationships(file: ParsedFile): string[] {
  const types = new Map<string, string>(file.elements.map((e) => [e.identifier, e.type]));
  for (const r of file.relationships) types.set(r.identifier, 'Relationship');
  const bad: string[] = [];
  for (const r of file.relationships) {
    const source = types.get(r.source as string);
    const target = types.get(r.target as string);
    if (source === undefined || target === undefined || !allowed(r.type, source, target))
      bad.push(`${r.identifier}: ${r.type} ${source} -> ${target}`);
  }
  return bad;
}

/** Checks that what `identifierRef`s, relationship ends and view references name exists (libxml2 does not). */
export function danglingReferences(file: ParsedFile): string[] {
  const ids = new Set<string>([
    ...file.elements.map((e) => e.identifier),
    ...file.relationships.map((r) => r.identifier),
    ...file.views.map((v) => v.identifier),
  ]);
  const bad: string[] = [];
  for (const refs of file.folders.values()) for (const ref of refs) if (!ids.has(ref)) bad.push(`folder -> ${ref}`);
  for (const r of file.relationships) {
    if (!ids.has(r.source as string)) bad.push(`${r.identifier}.source`);
    if (!ids.has(r.target as string)) bad.push(`${r.identifier}.target`);
  }
  return bad;
}

export function readShared(...path: string[]): string {
  requireShared();
  return readFileSync(join(archimateDir, ...path), 'utf8');
}
