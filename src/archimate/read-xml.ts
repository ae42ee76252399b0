/**
 * The safe, streaming first pass of the import: saxes reads the text once; no DTD is processed (a DOCTYPE is
 * refused outright, so no entity can be declared, let alone expanded, and nothing is fetched or read), depth and
 * length are limited, and the children of the model are kept as small trees of {@link XmlNode}.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ArchimateImportError } from './errors.js';
import type { XmlNode } from './extras.js';
import { ConceptBuilder } from './concept-builder.js';
import { CommonStrings, ownString } from './own-string.js';
import type { ConceptRecord } from './records.js';
import { ARCHIMATE_NAMESPACES, XML_NS, XMLNS_NS, XSI_NS } from './mapping.js';

/** Limits of the import. */
export interface ReadLimits {
  readonly maxDepth: number;
  readonly maxLength: number;
  /** Most elements, relationships, view nodes, view connections and folder items (the objects that cost memory). */
  readonly maxObjects: number;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** What the first pass keeps: the root's attributes and its children, with positions for error messages. */
export interface RawDocument {
  readonly rootAttributes: Record<string, string>;
  /** The model's own children other than the containers below (name, documentation, properties, metadata...). */
  readonly head: XmlNode[];
  readonly elements: ConceptRecord[];
  readonly relationships: ConceptRecord[];
  readonly organizations: XmlNode[];
  readonly propertyDefinitions: XmlNode[];
  readonly views: XmlNode | undefined;
  /**
   * Positions of the nodes outside elements and relationships (which carry theirs in their records) that an error
   * can point at ({@link POSITIONED}): a plain map, which the collector walks far faster than a WeakMap's ephemerons.
   */
  readonly positions: Map<XmlNode, Position>;
}

/**
 * The nodes outside concepts that the import's checks may name in an error: only they carry a position (a national
 * file has a folder item per concept; names, labels and styles are never the subject of an error).
 */
const POSITIONED = new Set(['propertyDefinition', 'viewpoint', 'view', 'node', 'connection', 'item', 'property']);

const CONTAINERS: Record<string, string> = {
  elements: 'element',
  relationships: 'relationship',
  propertyDefinitions: 'propertyDefinition',
};

/**
 * saxes keeps each handler in a property of the parser, added when the handler is registered. Added after
 * construction, the eight handlers this reader registers turn the parser into a dictionary-mode object in V8, and
 * every character read then goes through a slow property lookup: measured on a 52 MB export, 2.3 s against 0.5 s
 * for the same parse with the properties in place. Setting them in the constructor adds them during construction, so
 * the parser keeps its fast layout and `on` only sets them.
 */
export class FastLayoutSaxesParser extends SaxesParser<{ xmlns: true; position: true }> {
  constructor() {
    super({ xmlns: true, position: true });
    // saxes declares these private, hence the casts. Each is spelled out as `this.name =` on purpose: V8 counts
    // such assignments to plan the object's room; a loop over the names was measured as slow as no fix at all.
    (this as unknown as Handlers).xmldeclHandler = undefined;
    (this as unknown as Handlers).textHandler = undefined;
    (this as unknown as Handlers).piHandler = undefined;
    (this as unknown as Handlers).doctypeHandler = undefined;
    (this as unknown as Handlers).commentHandler = undefined;
    (this as unknown as Handlers).openTagStartHandler = undefined;
    (this as unknown as Handlers).attributeHandler = undefined;
    (this as unknown as Handlers).openTagHandler = undefined;
    (this as unknown as Handlers).closeTagHandler = undefined;
    (this as unknown as Handlers).cdataHandler = undefined;
    (this as unknown as Handlers).errorHandler = undefined;
    (this as unknown as Handlers).endHandler = undefined;
    (this as unknown as Handlers).readyHandler = undefined;
  }
}

/**
 * The handler properties of a saxes parser (private in its types), one per event of `EVENTS`. saxes is pinned to
 * an exact version because of them; test/archimate-saxes.test.ts fails if a version stores its handlers elsewhere.
 */
export const SAXES_HANDLER_FIELDS = [
  'xmldeclHandler',
  'textHandler',
  'piHandler',
  'doctypeHandler',
  'commentHandler',
  'openTagStartHandler',
  'attributeHandler',
  'openTagHandler',
  'closeTagHandler',
  'cdataHandler',
  'errorHandler',
  'endHandler',
  'readyHandler',
] as const;

interface Handlers {
  xmldeclHandler: undefined;
  textHandler: undefined;
  piHandler: undefined;
  doctypeHandler: undefined;
  commentHandler: undefined;
  openTagStartHandler: undefined;
  attributeHandler: undefined;
  openTagHandler: undefined;
  closeTagHandler: undefined;
  cdataHandler: undefined;
  errorHandler: undefined;
  endHandler: undefined;
  readyHandler: undefined;
}

/** An incremental reader: feed text with {@link RawReader.write}, then {@link RawReader.close}. */
export class RawReader {
  readonly #parser: SaxesParser<{ xmlns: true; position: true }>;
  readonly #limits: ReadLimits;
  #length = 0;
  #depth = 0;
  #stack: XmlNode[] = [];
  #rootAttributes: Record<string, string> | undefined;
  #container: string | undefined;
  #objects = 0;
  #tagLine = 1;
  #tagColumn = 1;
  #markupStart: Position = { line: 1, column: 1 };
  #concept: ConceptBuilder | undefined;
  readonly #common = new CommonStrings();
  readonly #make = (tag: SaxesTagNS): XmlNode => this.#node(tag, false);
  readonly #doc: RawDocument = {
    rootAttributes: {},
    head: [],
    elements: [],
    relationships: [],
    organizations: [],
    propertyDefinitions: [],
    views: undefined,
    positions: new Map(),
  };

  constructor(limits: ReadLimits) {
    this.#limits = limits;
    const parser = new FastLayoutSaxesParser();
    this.#parser = parser;
    parser.on('error', (error) => {
      const message = error.message.replace(/^[^:]*:\d+:\d+: /, '').replace(/^\d+:\d+: /, '');
      throw new ArchimateImportError('xml.malformed', `not well-formed XML: ${message}`, this.#here());
    });
    parser.on('doctype', () => {
      throw new ArchimateImportError(
        'xml.doctype',
        'the file has a DOCTYPE; exchange files have none, and DTDs (with their entities and external references) are never processed',
        this.#markupStart,
      );
    });
    // Where the next piece of markup starts: saxes reports text when it meets the '<' after it.
    parser.on('xmldecl', () => {
      this.#markupStart = { line: parser.line, column: parser.column + 1 };
    });
    parser.on('opentagstart', (tag) => {
      this.#tagLine = parser.line;
      this.#tagColumn = Math.max(1, parser.column - tag.name.length - 1);
    });
    parser.on('opentag', (tag) => this.#open(tag));
    parser.on('closetag', () => this.#close());
    parser.on('text', (text) => {
      if (this.#depth === 0) this.#markupStart = { line: parser.line, column: parser.column };
      else this.#text(text);
    });
    parser.on('cdata', (text) => this.#text(text));
  }

  #tagStart(): Position {
    return { line: this.#tagLine, column: this.#tagColumn };
  }

  #here(): Position {
    return { line: this.#parser.line, column: this.#parser.column + 1 };
  }

  write(chunk: string): void {
    // A leading byte-order mark is skipped by saxes itself; a second one is text before the root, which is refused.
    this.#length += chunk.length;
    if (this.#length > this.#limits.maxLength) {
      throw new ArchimateImportError(
        'xml.too-large',
        `the file is longer than the limit of ${this.#limits.maxLength} characters (option maxLength)`,
      );
    }
    this.#parser.write(chunk);
  }

  close(): RawDocument {
    this.#parser.close();
    if (this.#rootAttributes === undefined)
      throw new ArchimateImportError('archimate.not-a-model', 'the file has no root element');
    return this.#doc;
  }

  #node(tag: SaxesTagNS, positioned = true): XmlNode {
    // Names repeat (a national file has a million folder items): one copy of each.
    const node: XmlNode = { name: this.#common.get(tag.local) };
    if (!ARCHIMATE_NAMESPACES.has(tag.uri)) {
      node.ns = tag.uri;
      if (tag.prefix !== '') node.prefix = tag.prefix;
    }
    let attributes: Record<string, string> | undefined;
    const all = tag.attributes;
    for (const name in all) {
      const attribute = all[name] as (typeof all)[string];
      const uri = attribute.uri;
      if (uri === XMLNS_NS || name === 'xmlns') continue;
      let key: string;
      let value = attribute.value;
      if (uri === '') {
        key = attribute.local;
        value = ownString(value);
      } else if (uri === XSI_NS) {
        // A constant key: a key made by concatenation would be looked up in V8's string table on every element.
        if (attribute.local === 'type') {
          key = 'xsi:type';
          value = this.#common.get(this.#typeName(value));
        } else {
          key = `xsi:${attribute.local}`;
          value = ownString(value);
        }
      } else {
        key = uri === XML_NS ? `xml:${attribute.local}` : `{${uri}}${attribute.local}`;
        value = ownString(value);
      }
      attributes ??= {};
      // An attribute named __proto__ must stay an attribute, not become a prototype.
      if (key === '__proto__')
        Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
      else attributes[key] = value;
    }
    if (attributes) node.attributes = attributes;
    // Inside elements and relationships only the concept's own position is kept (in its record).
    if (positioned && POSITIONED.has(tag.local)) this.#doc.positions.set(node, this.#tagStart());
    return node;
  }

  /** `archimate:BusinessActor` and `BusinessActor` both name the type BusinessActor. */
  #typeName(value: string): string {
    const colon = value.indexOf(':');
    if (colon < 0) return value;
    const uri = this.#parser.resolve(value.slice(0, colon));
    return uri !== undefined && ARCHIMATE_NAMESPACES.has(uri) ? value.slice(colon + 1) : value;
  }

  #open(tag: SaxesTagNS): void {
    this.#depth++;
    if (this.#depth > this.#limits.maxDepth) {
      throw new ArchimateImportError(
        'xml.too-deep',
        `elements are nested deeper than the limit of ${this.#limits.maxDepth} (option maxDepth)`,
        this.#tagStart(),
      );
    }
    if (this.#depth === 1) {
      if (tag.local !== 'model' || !ARCHIMATE_NAMESPACES.has(tag.uri)) {
        throw new ArchimateImportError(
          'archimate.not-a-model',
          `the root element is <${tag.name}>${tag.uri ? ` in namespace ${tag.uri}` : ''}, not an ArchiMate exchange <model> in namespace http://www.opengroup.org/xsd/archimate/3.0/`,
          this.#tagStart(),
        );
      }
      this.#rootAttributes = this.#node(tag).attributes ?? {};
      Object.assign(this.#doc, { rootAttributes: this.#rootAttributes });
      return;
    }
    if (this.#concept !== undefined) {
      this.#concept.open(tag);
      return;
    }
    if (
      this.#depth === 3 &&
      (this.#container === 'elements' || this.#container === 'relationships') &&
      ARCHIMATE_NAMESPACES.has(tag.uri) &&
      tag.local === CONTAINERS[this.#container]
    ) {
      this.#count();
      this.#concept = new ConceptBuilder(
        this.#container === 'elements' ? 'element' : 'relationship',
        this.#node(tag, false),
        this.#tagLine,
        this.#tagColumn,
        this.#make,
        this.#common,
      );
      return;
    }
    if (
      this.#depth > 2 &&
      (tag.local === 'node' || tag.local === 'connection' || tag.local === 'item') &&
      ARCHIMATE_NAMESPACES.has(tag.uri)
    )
      this.#count();
    const node = this.#node(tag);
    if (this.#depth === 2 && node.ns === undefined && CONTAINERS[node.name] !== undefined) {
      // Containers are not kept as nodes: their children go straight to their lists.
      this.#container = node.name;
      this.#stack.push(node);
      return;
    }
    const parent = this.#stack[this.#stack.length - 1];
    if (parent && !(this.#depth === 3 && this.#container !== undefined)) (parent.children ??= []).push(node);
    this.#stack.push(node);
  }

  /** Counts one more object, before any memory is spent on it. */
  #count(): void {
    if (++this.#objects > this.#limits.maxObjects) {
      throw new ArchimateImportError(
        'xml.too-large',
        `the file holds more than ${this.#limits.maxObjects} elements, relationships, view nodes, connections and folder items, the limit of option maxObjects (raise it if the machine has the memory: see the ArchiMate guide)`,
        this.#tagStart(),
      );
    }
  }

  #close(): void {
    const depth = this.#depth--;
    if (depth === 1) return;
    if (this.#concept !== undefined) {
      if (depth > 3) this.#concept.close();
      else {
        (this.#container === 'elements' ? this.#doc.elements : this.#doc.relationships).push(this.#concept.finish());
        this.#concept = undefined;
      }
      return;
    }
    const node = this.#stack.pop() as XmlNode;
    if (node.children) tidy(node);
    if (depth === 2) {
      if (this.#container !== undefined) {
        this.#container = undefined;
        return;
      }
      if (node.ns === undefined && node.name === 'organizations') this.#doc.organizations.push(node);
      else if (node.ns === undefined && node.name === 'views' && this.#doc.views === undefined)
        Object.assign(this.#doc, { views: node });
      else this.#doc.head.push(node);
      return;
    }
    if (depth === 3 && this.#container !== undefined) {
      if (node.ns === undefined && node.name === 'propertyDefinition' && this.#container === 'propertyDefinitions')
        this.#doc.propertyDefinitions.push(node);
      else this.#doc.head.push(node);
    }
  }

  #text(text: string): void {
    if (this.#concept !== undefined) {
      this.#concept.text(text);
      return;
    }
    const parent = this.#stack[this.#stack.length - 1];
    if (!parent || (this.#depth === 2 && this.#container !== undefined)) return;
    const children = (parent.children ??= []);
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] += ownString(text);
    else children.push(ownString(text));
  }
}

/** Drops white space between child elements (indentation); text of text-only elements stays exactly as read. */
function tidy(node: XmlNode): void {
  const children = node.children as (XmlNode | string)[];
  if (!children.some((c) => typeof c !== 'string')) return;
  if (children.some((c) => typeof c === 'string' && !/^[ \t\r\n]*$/.test(c))) return;
  node.children = children.filter((c) => typeof c !== 'string');
}

/** Reads a whole text. */
export function readRaw(xml: string, limits: ReadLimits): RawDocument {
  const reader = new RawReader(limits);
  reader.write(xml);
  return reader.close();
}
