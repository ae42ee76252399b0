/**
 * A semantic reading of exchange files for the corpus tests, independent of Kartta's importer (fast-xml-parser):
 * every element, relationship, view, node and connection by identifier with all its attributes and content,
 * properties by the name of their definition, folders as paths, names and documentation in their order. Two files
 * that read the same say the same, whatever their order of concepts, attributes, prefixes and indentation.
 */
import { XMLParser } from 'fast-xml-parser';

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/** A concept's or view object's own content, as comparable JSON text. */
export interface SemanticFile {
  readonly model: string;
  readonly elements: Map<string, string>;
  readonly relationships: Map<string, string>;
  /** `label / label > identifier`, sorted. */
  readonly folders: string[];
  /** `name: type`, sorted. */
  readonly propertyDefinitions: string[];
  readonly viewpoints: string;
  readonly views: Map<string, string>;
  /** View identifier -> node identifier -> { parent, content }. */
  readonly nodes: Map<string, Map<string, { parent: string | undefined; content: string }>>;
  /** View identifier -> connection identifier -> content. */
  readonly connections: Map<string, Map<string, string>>;
}

const KEEP_ORDER = new Set([
  'name',
  'documentation',
  'label',
  'bendpoint',
  'sourceAttachment',
  'targetAttachment',
  'value',
]);

const tagOf = (node: Ordered): string => Object.keys(node).find((key) => key !== ':@') as string;
const childrenOf = (node: Ordered): Ordered[] => (node[tagOf(node)] as Ordered[] | undefined) ?? [];
const attributesOf = (node: Ordered): Record<string, string> => node[':@'] ?? {};

function parse(xml: string): Ordered[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
  });
  return parser.parse(xml) as Ordered[];
}

/**
 * A canonical JSON form of a piece of XML: attributes sorted (types without their prefix, property definition
 * references replaced by the definition's name), children in order where order means something (names,
 * documentation, labels, bend points), sorted otherwise.
 */
function canon(
  node: Ordered,
  definitions: ReadonlyMap<string, string>,
  skip: (child: Ordered) => boolean = () => false,
): unknown {
  const tag = tagOf(node);
  if (tag === '#text') return String(node['#text']);
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributesOf(node)).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (key === 'xmlns' || key.startsWith('xmlns:') || key === 'schemaLocation') continue;
    if (key === 'type' && value.includes(':') && tag !== 'propertyDefinition')
      attributes[key] = value.slice(value.indexOf(':') + 1);
    else if (key === 'propertyDefinitionRef') attributes[key] = `name:${definitions.get(value) ?? `?${value}`}`;
    else attributes[key] = value;
  }
  const ordered: unknown[] = [];
  const unordered: string[] = [];
  for (const child of childrenOf(node)) {
    if (skip(child)) continue;
    const form = canon(child, definitions);
    if (KEEP_ORDER.has(tagOf(child)) || tagOf(child) === '#text') ordered.push(form);
    else unordered.push(JSON.stringify(form));
  }
  return { tag, attributes, ordered, unordered: unordered.sort() };
}

const named = (nodes: readonly Ordered[], tag: string): Ordered[] => nodes.filter((n) => tagOf(n) === tag);
const textOf = (node: Ordered): string =>
  childrenOf(node)
    .map((c) => (tagOf(c) === '#text' ? String(c['#text']) : ''))
    .join('');

/** Reads a file as described above. */
export function semantic(xml: string): SemanticFile {
  const model = named(parse(xml), 'model')[0] as Ordered;
  const top = childrenOf(model);
  const definitions = new Map<string, string>();
  const propertyDefinitions: string[] = [];
  for (const container of named(top, 'propertyDefinitions')) {
    for (const definition of named(childrenOf(container), 'propertyDefinition')) {
      const name = textOf(named(childrenOf(definition), 'name')[0] as Ordered);
      definitions.set(attributesOf(definition).identifier as string, name);
      propertyDefinitions.push(`${name}: ${attributesOf(definition).type}`);
    }
  }
  const byIdentifier = (container: string, tag: string) => {
    const map = new Map<string, string>();
    for (const c of named(top, container)) {
      for (const concept of named(childrenOf(c), tag))
        map.set(attributesOf(concept).identifier as string, JSON.stringify(canon(concept, definitions)));
    }
    return map;
  };
  const folders: string[] = [];
  const walk = (items: Ordered[], path: string) => {
    for (const item of items) {
      const ref = attributesOf(item).identifierRef;
      if (ref !== undefined) folders.push(`${path} > ${ref}`);
      else {
        const labels = named(childrenOf(item), 'label')
          .map((l) => `${attributesOf(l).lang ?? ''}:${textOf(l)}`)
          .join('|');
        const documentation = named(childrenOf(item), 'documentation').map(textOf).join('|');
        walk(named(childrenOf(item), 'item'), `${path} / ${labels}${documentation ? ` (${documentation})` : ''}`);
      }
    }
  };
  for (const organizations of named(top, 'organizations')) walk(named(childrenOf(organizations), 'item'), '');
  const views = new Map<string, string>();
  const nodes = new Map<string, Map<string, { parent: string | undefined; content: string }>>();
  const connections = new Map<string, Map<string, string>>();
  let viewpoints = '';
  for (const container of named(top, 'views')) {
    for (const vp of named(childrenOf(container), 'viewpoints')) viewpoints = JSON.stringify(canon(vp, definitions));
    for (const diagrams of named(childrenOf(container), 'diagrams')) {
      for (const view of named(childrenOf(diagrams), 'view')) {
        const identifier = attributesOf(view).identifier as string;
        const isPart = (child: Ordered) => tagOf(child) === 'node' || tagOf(child) === 'connection';
        views.set(identifier, JSON.stringify(canon(view, definitions, isPart)));
        const viewNodes = new Map<string, { parent: string | undefined; content: string }>();
        const visit = (parent: Ordered, parentId: string | undefined) => {
          for (const node of named(childrenOf(parent), 'node')) {
            const id = attributesOf(node).identifier as string;
            viewNodes.set(id, {
              parent: parentId,
              content: JSON.stringify(canon(node, definitions, (c) => tagOf(c) === 'node')),
            });
            visit(node, id);
          }
        };
        visit(view, undefined);
        nodes.set(identifier, viewNodes);
        connections.set(
          identifier,
          new Map(
            named(childrenOf(view), 'connection').map((c) => [
              attributesOf(c).identifier as string,
              JSON.stringify(canon(c, definitions)),
            ]),
          ),
        );
      }
    }
  }
  const head = (child: Ordered) =>
    ['elements', 'relationships', 'organizations', 'propertyDefinitions', 'views'].includes(tagOf(child));
  return {
    model: JSON.stringify(canon(model, definitions, head)),
    elements: byIdentifier('elements', 'element'),
    relationships: byIdentifier('relationships', 'relationship'),
    folders: folders.sort(),
    propertyDefinitions: propertyDefinitions.sort(),
    viewpoints,
    views,
    nodes,
    connections,
  };
}

/** The identifiers of every element, relationship and view placed in a folder. */
export function filed(file: SemanticFile): Set<string> {
  return new Set(file.folders.map((entry) => entry.slice(entry.lastIndexOf(' > ') + 3)));
}
