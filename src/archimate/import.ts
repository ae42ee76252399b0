/**
 * The ArchiMate exchange reader: an exchange file (from Archi, another tool or Kartta itself) as a Kartta model
 * plus the extras that hold everything Kartta has no concept for.
 */
import type { KarttaErrorCode } from '../codes.js';
import { capped, KarttaError } from '../errors.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { z } from 'zod';
import { compareRelations } from '../model/canonical.js';
import { relationEnds, relationKey } from '../graph/keys.js';
import { Model, safeLoadOwned } from '../model/model.js';
import { productSchema } from '../schema/document.js';
import { MAX_TEXT } from '../schema/primitives.js';
import { isJsonObject, parseJsonOrUndefined } from '../schema/json.js';
import { relationTypes } from '../schema/document.js';
import type { Integration, Name, Organisation, Relation, RelationType, Service, System } from '../types.js';
import { XmlBytes } from './decode-bytes.js';
import { ArchimateImportError, cap } from './errors.js';
import { conceptIdentifiers, modelIdentifiers, portfolioIdentifiers } from './concept-identifiers.js';
import type { ArchimateExtras, ConceptExtras, EntityExtras, LangString, RelationExtras, XmlNode } from './extras.js';
import { fastEntityIdentifier, fastRelationIdentifier } from './fast-ids.js';
import { generatedIdentifier, idFromEntityIdentifier } from './ids.js';
import { karttaFolders, mergeFolders, type FolderInput } from './folders.js';
import { compact, propertyNode, rebuild, type ConceptRecord, type PropertyRecord } from './records.js';
import {
  ELEMENT_FOLDERS,
  EMPTY_CONTRACT_PROPERTY,
  FIELDS_OF_KIND,
  INTEGRATION_TYPE,
  KIND_OF_ELEMENT_TYPE,
  PORTFOLIO_PROPERTY,
  PRODUCTS_PROPERTY,
  PROPERTY_TYPES,
  RELATION_MAPPING,
  RELATION_MARKER,
  RELATIONSHIP_TYPES,
  REQUIRED_DEFAULTS,
  USES_FIELDS,
  X_PROPERTY,
  formatValue,
  getField,
  isKarttaId,
  parseValue,
  relationAttributes,
  type EntityElementKind,
  type FieldSpec,
} from './mapping.js';
import { PLAN_PROPERTY_TYPES } from './plan.js';
import { PortfolioReader, type PortfolioHost, type PortfolioOrigin } from './import-portfolio.js';
import { parseLegacyPortfolio } from './portfolio.js';
import { RawReader, readRaw, type Position, type RawDocument, type ReadLimits } from './read-xml.js';

/**
 * Options of {@link fromArchimateXml} and {@link readArchimate}.
 *
 * @example
 * ```ts
 * import type { ArchimateImportOptions } from 'kartta';
 * const options: ArchimateImportOptions = { maxDepth: 64, maxLength: 200 * 1024 * 1024, maxObjects: 200_000 };
 * ```
 *
 * @category ArchiMate
 */
export interface ArchimateImportOptions {
  /** Deepest element nesting accepted (default 256). */
  readonly maxDepth?: number | undefined;
  /** Longest text accepted, in characters (default 256 Mi). */
  readonly maxLength?: number | undefined;
  /**
   * Most elements, relationships, view nodes, view connections and folder items accepted (default 2,000,000).
   * They are counted as the file is read, so an over-full file is refused before they are built. The import's
   * memory grows with them: see "Memory" in the ArchiMate guide for what was measured.
   */
  readonly maxObjects?: number | undefined;
}

/**
 * The result of an import: the Kartta model and what the file held beyond it.
 *
 * @example
 * ```ts
 * import { fromArchimateXml, type ArchimateImportResult } from 'kartta';
 * const result: ArchimateImportResult = fromArchimateXml(
 *   '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>M</name></model>',
 * );
 * console.log(result.model.name, result.extras.model.identifier); // 'M' 'm'
 * ```
 *
 * @category ArchiMate
 */
export interface ArchimateImportResult {
  /** The Kartta model of what the file held, validated. */
  readonly model: Model;
  /** Everything else the file held, to give back to toArchimateXml so that the file is written back as it was read. */
  readonly extras: ArchimateExtras;
}

const DEFAULT_LIMITS: ReadLimits = { maxDepth: 256, maxLength: 256 * 1024 * 1024, maxObjects: 2_000_000 };

const IMPORT_OPTIONS = optionsSchema({
  maxDepth: optionField.integer(1),
  maxLength: optionField.integer(1),
  maxObjects: optionField.integer(1),
});

function limitsOf(where: string, options: ArchimateImportOptions): ReadLimits {
  const { maxDepth, maxLength, maxObjects } = parseOptions(where, IMPORT_OPTIONS, options);
  return {
    maxDepth: maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxLength: maxLength ?? DEFAULT_LIMITS.maxLength,
    maxObjects: maxObjects ?? DEFAULT_LIMITS.maxObjects,
  };
}

/**
 * Reads an ArchiMate Model Exchange File (ArchiMate 3.0 or 3.1, from Archi or any other tool). BusinessActors,
 * BusinessServices, ApplicationComponents, Flows between components and the relationships Kartta writes for its
 * relations come back as Kartta organisations, services, systems, integrations and relations, and the portfolio's
 * WorkPackages, Groupings, funders and offerings (see the ArchiMate guide) as projects, themes, funders and
 * offerings; everything else
 * is returned in `extras`, which {@link toArchimateXml} writes back, so nothing is lost. A file Kartta wrote
 * imports back to the same model.
 *
 * `xml` is the text, or the file's bytes (a `Buffer` or `Uint8Array`), which are decoded in the encoding the XML
 * declaration names (UTF-8 when it names none) a piece at a time: for a large file, bytes (or
 * {@link readArchimate} on a stream) spare the memory of the whole text as one string.
 *
 * The parser is streaming and safe: a DOCTYPE is refused, no entity is ever expanded (only the five predefined
 * ones and character references are understood), nothing is fetched or read, and depth and length are limited.
 *
 * @throws {@link ArchimateImportError} with a code, and line and column where there is a place to point at.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { fromArchimateXml, toArchimateXml } from 'kartta';
 * const { model, extras } = fromArchimateXml(readFileSync('archi-export.xml'));
 * console.log(model.systems().length, extras.elements.length);
 * const again = toArchimateXml(model, { extras }); // the same elements, relationships, views and names
 * ```
 *
 * @category ArchiMate
 */
export function fromArchimateXml(
  xml: string | Uint8Array,
  options: ArchimateImportOptions = {},
): ArchimateImportResult {
  if (typeof xml === 'string') return interpret(readRaw(xml, limitsOf('fromArchimateXml', options)));
  if (!(xml instanceof Uint8Array))
    throw new ArchimateImportError(
      'xml.malformed',
      'expected the XML as a string or as bytes (a Buffer or Uint8Array)',
    );
  // Bytes are decoded a piece at a time, so the whole text never exists as one string beside what is read from it.
  const reader = new RawReader(limitsOf('fromArchimateXml', options));
  const bytes = new XmlBytes();
  for (let at = 0; at < xml.length; at += BYTES_PIECE)
    reader.write(bytes.decode(xml.subarray(at, Math.min(at + BYTES_PIECE, xml.length))));
  reader.write(bytes.end());
  return interpret(reader.close());
}

/** How many bytes of a byte input are decoded and parsed at a time. */
const BYTES_PIECE = 1024 * 1024;

/**
 * Like {@link fromArchimateXml}, but reads the text as it arrives from a stream (a file read stream, an HTTP
 * body): chunks of text or UTF-8 bytes.
 *
 * @throws {@link ArchimateImportError} (as a rejection) as {@link fromArchimateXml} does.
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { readArchimate } from 'kartta';
 * const { model } = await readArchimate(createReadStream('big-model.xml'));
 * console.log(model.systems().length);
 * ```
 *
 * @category ArchiMate
 */
export async function readArchimate(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ArchimateImportOptions = {},
): Promise<ArchimateImportResult> {
  const reader = new RawReader(limitsOf('readArchimate', options));
  const bytes = new XmlBytes();
  try {
    for await (const chunk of source) reader.write(typeof chunk === 'string' ? chunk : bytes.decode(chunk));
  } catch (error) {
    if (error instanceof KarttaError) throw error;
    // The stream failed (a file that vanished, a network error) or gave something that is not text or bytes.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ArchimateImportError(
      'archimate.source-failed',
      `readArchimate: reading the source failed: ${capped(reason)}`,
      undefined,
      [],
      error,
    );
  }
  reader.write(bytes.end());
  return interpret(reader.close());
}

// ---------------------------------------------------------------------------------------------------------------

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function textOf(node: XmlNode): string {
  let text = '';
  for (const child of node.children ?? []) if (typeof child === 'string') text += child;
  return text;
}

const validText = (text: string) => text.length > 0 && text.length <= MAX_TEXT;

/** A Kartta name from names read, and the extras needed to write them back as they were. */
function nameOf(names: readonly LangString[], fallback: string, extras: Writable<ConceptExtras>): Name {
  const single = names.length === 1 ? names[0] : undefined;
  if (single !== undefined && single.lang === undefined && validText(single.text)) return single.text;
  const languages = new Set<string>();
  const ok =
    names.length > 0 &&
    names.every(
      (n) =>
        n.lang !== undefined &&
        LANGUAGE.test(n.lang) &&
        validText(n.text) &&
        !languages.has(n.lang) &&
        (languages.add(n.lang), true),
    );
  if (ok) {
    const name: Record<string, string> = {};
    for (const n of names)
      Object.defineProperty(name, n.lang as string, {
        value: n.text,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    // The export writes languages alphabetically unless told the file's order.
    const order = names.map((n) => n.lang as string);
    if (order.some((language, i) => i > 0 && (order[i - 1] as string) > language)) extras.nameOrder = order;
    return name;
  }
  const first = names.find((n) => validText(n.text))?.text ?? (validText(fallback) ? fallback : 'unnamed');
  extras.names = [...names];
  extras.nameUsed = first;
  return first;
}

/** The description (the first documentation, when Kartta can hold it) and the rest for the extras. */
function descriptionOf(documentation: readonly LangString[], extras: Writable<ConceptExtras>): string | undefined {
  const [first, ...rest] = documentation;
  if (first === undefined) return undefined;
  if (!validText(first.text)) {
    extras.documentation = [...documentation];
    return undefined;
  }
  if (first.lang !== undefined) extras.descriptionLang = first.lang;
  if (rest.length > 0) extras.documentation = rest;
  return first.text;
}

/** The attributes of a concept other than the structural ones. */
function otherAttributes(
  attributes: Readonly<Record<string, string>>,
  structural: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in attributes) {
    if (!structural.includes(key))
      Object.defineProperty(out, key, { value: attributes[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function sameAttributes(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function hasContent(extras: ConceptExtras): boolean {
  for (const key in extras) if (key !== 'id' && key !== 'type' && key !== 'from' && key !== 'to') return true;
  return false;
}

type Located = XmlNode | ConceptRecord;

const isRecord = (value: Located): value is ConceptRecord => 'tag' in value;

/**
 * The Kartta relation types each ArchiMate relationship type may stand for, with the kinds of its source and
 * target in the file, in the order of `relationTypes` (the last that fits wins).
 */
const RELATION_CANDIDATES: ReadonlyMap<
  string,
  readonly { type: RelationType; source: EntityElementKind; target: EntityElementKind; marked: boolean }[]
> = (() => {
  const byType = new Map<
    string,
    { type: RelationType; source: EntityElementKind; target: EntityElementKind; marked: boolean }[]
  >();
  for (const type of relationTypes) {
    const mapping = RELATION_MAPPING[type];
    const [fromKind, toKind] = relationEnds[type] as readonly [EntityElementKind, EntityElementKind];
    const [source, target] = mapping.reversed ? [toKind, fromKind] : [fromKind, toKind];
    let list = byType.get(mapping.type);
    if (list === undefined) byType.set(mapping.type, (list = []));
    list.push({ type, source, target, marked: mapping.marked });
  }
  return byType;
})();

const ELEMENT_STRUCTURE = ['identifier', 'xsi:type'] as const;
const RELATIONSHIP_STRUCTURE = ['identifier', 'xsi:type', 'source', 'target'] as const;
const NO_ATTRIBUTES: Readonly<Record<string, string>> = {};

class Interpreter {
  readonly raw: RawDocument;
  /** Identifier -> record, for every element and relationship. */
  readonly concepts = new Map<string, ConceptRecord>();
  readonly definitions = new Map<string, { name: string | undefined; type: string | undefined }>();
  /** Identifier -> Kartta id and kind, for the elements that became Kartta entities. */
  readonly entities = new Map<string, { readonly id: string; readonly kind: EntityElementKind }>();
  /** The identifiers folder entries name (collected by the checks). */
  readonly filed = new Set<string>();
  readonly usedIds = new Set<string>();
  readonly usedRelations = new Set<string>();

  constructor(raw: RawDocument) {
    this.raw = raw;
  }

  position(at: Located): Position | undefined {
    return isRecord(at) ? { line: at.line, column: at.column } : this.raw.positions.get(at);
  }

  fail(code: KarttaErrorCode, message: string, at: Located): never {
    throw new ArchimateImportError(code, message, this.position(at));
  }

  /**
   * The attribute `name` of `at`, which must have it. `what` names the owner, `identifier` (when given) is put in
   * its words: the words are only made for a failure, not for each of a million concepts.
   */
  attribute(at: Located, name: string, what: string, identifier?: string): string {
    const value = at.attributes?.[name];
    if (value === undefined) {
      const owner = identifier === undefined ? what : `${what} '${identifier}'`;
      this.fail('archimate.missing-attribute', `${owner} has no ${name} attribute`, at);
    }
    return value;
  }

  /** Checks identifiers, types and references, as Archi does before it imports. */
  check(): void {
    const seen = new Set<string>();
    // The model's own identifier is an xs:ID of the same document: no concept may repeat it.
    const rootIdentifier = this.raw.rootAttributes.identifier;
    if (rootIdentifier !== undefined) seen.add(rootIdentifier);
    const claim = (at: Located, what: string, concept = false) => {
      const identifier = this.attribute(at, 'identifier', what);
      // Elements and relationships are claimed in the index of concepts, the rest in `seen`.
      if (seen.has(identifier) || this.concepts.has(identifier)) {
        const owner = identifier === rootIdentifier ? 'the model itself' : 'another object of the file';
        this.fail(
          'archimate.duplicate-identifier',
          `the identifier '${cap(identifier)}' of this ${what} is already used by ${owner}`,
          at,
        );
      }
      if (!concept) seen.add(identifier);
      return identifier;
    };
    for (const node of this.raw.propertyDefinitions) {
      const identifier = claim(node, 'property definition');
      const name = node.children?.find(
        (c): c is XmlNode => typeof c !== 'string' && c.name === 'name' && c.ns === undefined,
      );
      this.definitions.set(identifier, { name: name ? textOf(name) : undefined, type: node.attributes?.type });
    }
    for (const record of this.raw.elements) {
      const identifier = claim(record, 'element', true);
      const type = this.attribute(record, 'xsi:type', 'the element', identifier);
      // Own keys only: a type named `toString` or `__proto__` is unknown, not something Object.prototype holds.
      if (!Object.hasOwn(ELEMENT_FOLDERS, type))
        this.fail('archimate.unknown-type', `the element '${identifier}' has the unknown type '${type}'`, record);
      this.concepts.set(identifier, record);
    }
    for (const record of this.raw.relationships) {
      const identifier = claim(record, 'relationship', true);
      const type = this.attribute(record, 'xsi:type', 'the relationship', identifier);
      if (!RELATIONSHIP_TYPES.has(type))
        this.fail('archimate.unknown-type', `the relationship '${identifier}' has the unknown type '${type}'`, record);
      this.concepts.set(identifier, record);
    }
    for (const record of this.raw.relationships) {
      const identifier = record.attributes.identifier as string;
      for (const end of ['source', 'target'] as const) {
        const ref = this.attribute(record, end, 'the relationship', identifier);
        if (!this.concepts.has(ref))
          this.fail(
            'archimate.missing-element',
            `the ${end} '${ref}' of the relationship '${identifier}' does not exist`,
            record,
          );
      }
    }
    const checkProperty = (ref: string | undefined, owner: string, at: Located) => {
      if (ref === undefined)
        this.fail('archimate.missing-attribute', `a property of ${owner} has no propertyDefinitionRef attribute`, at);
      if (!this.definitions.has(ref))
        this.fail('archimate.missing-element', `the property definition '${ref}' used by ${owner} does not exist`, at);
    };
    const checkProperties = (node: XmlNode, owner: string) => {
      for (const child of node.children ?? []) {
        if (typeof child === 'string' || child.name !== 'properties' || child.ns !== undefined) continue;
        for (const property of child.children ?? [])
          if (typeof property !== 'string') checkProperty(property.attributes?.propertyDefinitionRef, owner, property);
      }
    };
    for (const records of [this.raw.elements, this.raw.relationships]) {
      for (const record of records) {
        for (const property of record.properties) {
          // The owner's words are only made for the message of a failure.
          if (property.ref === undefined || !this.definitions.has(property.ref))
            checkProperty(property.ref, `'${record.attributes.identifier}'`, record);
        }
      }
    }
    for (const node of this.raw.head)
      if (node.name === 'properties' && node.ns === undefined)
        checkProperties({ name: 'model', children: [node] }, 'the model');
    this.checkViews(claim, checkProperties);
    const checkItems = (node: XmlNode) => {
      for (const child of node.children ?? []) {
        if (typeof child === 'string' || child.ns !== undefined) continue;
        if (child.name === 'item') {
          if (child.attributes?.identifier !== undefined) claim(child, 'folder');
          checkItems(child);
        }
      }
    };
    for (const node of this.raw.organizations) checkItems(node);
    const checkRefs = (node: XmlNode) => {
      for (const child of node.children ?? []) {
        if (typeof child === 'string' || child.ns !== undefined || child.name !== 'item') continue;
        const ref = child.attributes?.identifierRef;
        if (ref !== undefined) {
          if (!seen.has(ref) && !this.concepts.has(ref))
            this.fail('archimate.missing-element', `the folder entry '${ref}' names nothing in the file`, child);
          this.filed.add(ref);
        }
        checkRefs(child);
      }
    };
    for (const node of this.raw.organizations) checkRefs(node);
  }

  checkViews(
    claim: (at: Located, what: string) => string,
    checkProperties: (node: XmlNode, owner: string) => void,
  ): void {
    const views = this.raw.views;
    if (!views) return;
    const childrenNamed = (node: XmlNode | undefined, name: string) =>
      (node?.children ?? []).filter(
        (c): c is XmlNode => typeof c !== 'string' && c.name === name && c.ns === undefined,
      );
    for (const viewpoint of childrenNamed(childrenNamed(views, 'viewpoints')[0], 'viewpoint'))
      claim(viewpoint, 'viewpoint');
    const all = childrenNamed(childrenNamed(views, 'diagrams')[0], 'view');
    for (const view of all) claim(view, 'view');
    for (const view of all) {
      const viewId = view.attributes?.identifier as string;
      const viewType = view.attributes?.['xsi:type'];
      if (viewType !== undefined && viewType !== 'Diagram')
        this.fail('archimate.unknown-type', `the view '${viewId}' has the unknown type '${viewType}'`, view);
      checkProperties(view, `the view '${viewId}'`);
      const nodes = new Set<string>();
      const visit = (parent: XmlNode) => {
        for (const node of childrenNamed(parent, 'node')) {
          const identifier = claim(node, 'view node');
          nodes.add(identifier);
          const type = node.attributes?.['xsi:type'];
          if (type !== 'Element' && type !== 'Label' && type !== 'Container') {
            this.fail(
              'archimate.unknown-type',
              `the node '${identifier}' of the view '${viewId}' has the unknown type '${type ?? '(none)'}'`,
              node,
            );
          }
          if (type === 'Element') {
            const ref = this.attribute(node, 'elementRef', 'the node', identifier);
            if (this.concepts.get(ref)?.tag !== 'element') {
              this.fail(
                'archimate.missing-element',
                `the node '${identifier}' of the view '${viewId}' shows the element '${ref}', which does not exist`,
                node,
              );
            }
          }
          visit(node);
        }
      };
      visit(view);
      // Connections may end on other connections of the view, written before or after them: claim them all first.
      const connections = childrenNamed(view, 'connection');
      for (const connection of connections) nodes.add(claim(connection, 'view connection'));
      for (const connection of connections) {
        const identifier = connection.attributes?.identifier as string;
        const type = connection.attributes?.['xsi:type'];
        if (type !== 'Relationship' && type !== 'Line' && type !== 'NestingRelationship') {
          this.fail(
            'archimate.unknown-type',
            `the connection '${identifier}' of the view '${viewId}' has the unknown type '${type ?? '(none)'}'`,
            connection,
          );
        }
        if (type !== 'Line') {
          const ref = this.attribute(connection, 'relationshipRef', 'the connection', identifier);
          if (this.concepts.get(ref)?.tag !== 'relationship') {
            this.fail(
              'archimate.missing-element',
              `the connection '${identifier}' of the view '${viewId}' shows the relationship '${ref}', which does not exist`,
              connection,
            );
          }
        }
        for (const end of ['source', 'target'] as const) {
          const ref = connection.attributes?.[end];
          if (ref !== undefined && !nodes.has(ref)) {
            this.fail(
              'archimate.missing-element',
              `the ${end} '${cap(ref)}' of the connection '${cap(identifier)}' is neither a node nor a connection of the view '${cap(viewId)}'`,
              connection,
            );
          }
        }
      }
    }
  }

  /** A Kartta id for the concept with this identifier: the id it was derived from, else the identifier itself. */
  claimId(identifier: string): string {
    const derived = idFromEntityIdentifier(identifier);
    if (derived !== undefined && !this.usedIds.has(derived) && isKarttaId(derived)) return this.take(derived);
    if (!this.usedIds.has(identifier) && isKarttaId(identifier)) return this.take(identifier);
    const base = identifier.slice(0, 180);
    for (let n = 2; ; n++) {
      const candidate = `${base}~${n}`;
      if (!this.usedIds.has(candidate)) return this.take(candidate);
    }
  }

  take(id: string): string {
    this.usedIds.add(id);
    return id;
  }

  definitionName(property: PropertyRecord): string | undefined {
    return property.ref === undefined ? undefined : this.definitions.get(property.ref)?.name;
  }

  /**
   * Moves the properties that fit Kartta fields into `target`; the others stay in the extras (and are returned).
   * `special` handles the bookkeeping properties (the relation marker...), returning true when it took one.
   */
  fields(
    properties: readonly PropertyRecord[],
    specs: readonly FieldSpec[],
    target: Record<string, unknown>,
    extras: Writable<ConceptExtras>,
    special: (name: string, value: string) => boolean = () => false,
  ): PropertyRecord[] {
    const kept: PropertyRecord[] = [];
    if (properties.length === 0) return kept;
    // A concept has a few properties: a list is cheaper than a set per concept.
    const taken: string[] = [];
    let langs: Record<string, string> | undefined;
    // Keys are Kartta's own field names, never text from the file.
    let texts: Record<string, string> | undefined;
    for (const property of properties) {
      const name = this.definitionName(property);
      if (name === undefined || property.node !== undefined || taken.includes(name)) {
        kept.push(property);
        continue;
      }
      const value = property.text;
      let spec: FieldSpec | undefined;
      for (const candidate of specs) if (candidate.name === name) spec = candidate;
      let ok = false;
      if (spec) {
        const parsed = parseValue(value, spec);
        if (parsed !== undefined) {
          if (spec.path.length === 1) target[spec.path[0]] = parsed;
          else {
            const outer = (target[spec.path[0]] ??= {}) as Record<string, unknown>;
            outer[spec.path[1]] = parsed;
          }
          ok = true;
        }
      } else if (name === X_PROPERTY) {
        const x = parseJsonOrUndefined(value);
        if (isJsonObject(x)) {
          target.x = x;
          ok = true;
        }
      } else {
        ok = special(name, value);
      }
      if (!ok) {
        kept.push(property);
        continue;
      }
      taken.push(name);
      // `0100` and `250.0` read as 100 and 250: keep the text so that an unchanged value is written as it was.
      if (spec !== undefined && formatValue(getField(target, spec)) !== value) {
        texts ??= {};
        texts[spec.name] = value;
      }
      if (property.lang !== undefined) {
        langs ??= {};
        Object.defineProperty(langs, name, {
          value: property.lang,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    if (kept.length > 0) extras.properties = kept.map(propertyNode);
    if (langs !== undefined) extras.valueLangs = langs;
    if (texts !== undefined) extras.valueTexts = texts;
    return kept;
  }

  /** Common to every mapped concept: extension elements and attributes. */
  concept(
    record: ConceptRecord,
    structural: readonly string[],
    expectedAttributes: Readonly<Record<string, string>>,
  ): Writable<ConceptExtras> {
    const extras: Writable<ConceptExtras> = {};
    if (record.any.length > 0) extras.any = [...record.any];
    // Nearly every concept has only its structural attributes: no copy of them is made then.
    let others = false;
    for (const key in record.attributes) {
      if (!structural.includes(key)) {
        others = true;
        break;
      }
    }
    if (!others) {
      for (const _key in expectedAttributes) {
        extras.attributes = {};
        break;
      }
      return extras;
    }
    const attributes = otherAttributes(record.attributes, structural);
    if (!sameAttributes(attributes, expectedAttributes)) extras.attributes = attributes;
    return extras;
  }

  run(): ArchimateImportResult {
    this.check();
    // The checks were the last use of the index of concepts; what no folder holds is known now too. From here on
    // each record is let go as soon as it is mapped, so that records and the document they become are not all
    // alive at once.
    const unfiled = unfiledIdentifiers(this.raw, this.filed);
    this.concepts.clear();
    this.raw.positions.clear();
    const elementRecords = this.raw.elements as (ConceptRecord | undefined)[];
    const relationshipRecords = this.raw.relationships as (ConceptRecord | undefined)[];
    const organisations: Organisation[] = [];
    const services: Service[] = [];
    const systems: System[] = [];
    const integrations: Integration[] = [];
    const relations: Relation[] = [];
    const entityExtras: EntityExtras[] = [];
    const relationExtras: RelationExtras[] = [];
    const extraElements: XmlNode[] = [];
    const extraRelationships: XmlNode[] = [];
    const portfolio = new PortfolioReader(this.portfolioHost(), this.raw.elements, this.raw.relationships);
    const integrationIds = new Map<string, string>();

    for (let i = 0; i < elementRecords.length; i++) {
      const record = elementRecords[i] as ConceptRecord;
      elementRecords[i] = undefined;
      if (portfolio.element(record)) continue;
      const identifier = record.attributes.identifier as string;
      const type = record.attributes['xsi:type'] as string;
      const kind = Object.hasOwn(KIND_OF_ELEMENT_TYPE, type) ? KIND_OF_ELEMENT_TYPE[type] : undefined;
      if (kind === undefined) {
        extraElements.push(rebuild(record));
        continue;
      }
      const id = this.claimId(identifier);
      this.entities.set(identifier, { id, kind });
      const extras = this.concept(record, ELEMENT_STRUCTURE, NO_ATTRIBUTES);
      const entity: Record<string, unknown> = { id };
      entity.name = nameOf(record.names, identifier, extras);
      const description = descriptionOf(record.documentation, extras);
      let emptyContract = false;
      this.fields(record.properties, FIELDS_OF_KIND[kind], entity, extras, (name, value) => {
        if (kind === 'system' && name === EMPTY_CONTRACT_PROPERTY && value === '{}') return (emptyContract = true);
        return false;
      });
      if (emptyContract) entity.contract ??= {};
      let defaults: Record<string, string> | undefined;
      const required = REQUIRED_DEFAULTS[kind];
      for (const field in required) {
        if (entity[field] === undefined) {
          entity[field] = required[field];
          (defaults ??= {})[field] = required[field] as string;
        }
      }
      if (defaults !== undefined) extras.defaults = defaults;
      if (description !== undefined) entity.description = description;
      if (fastEntityIdentifier(id) !== identifier) extras.identifier = identifier;
      if (hasContent(extras)) entityExtras.push({ id, ...extras });
      if (kind === 'organisation') organisations.push(entity as unknown as Organisation);
      else if (kind === 'service') services.push(entity as unknown as Service);
      else systems.push(entity as unknown as System);
    }

    const platforms = new Set(systems.filter((s) => s.platform === true).map((s) => s.id));
    const viaChecks: {
      integration: Record<string, unknown>;
      extras: Writable<EntityExtras>;
      record: ConceptRecord;
      kept: PropertyRecord[];
    }[] = [];
    for (let i = 0; i < relationshipRecords.length; i++) {
      const record = relationshipRecords[i] as ConceptRecord;
      relationshipRecords[i] = undefined;
      const attributes = record.attributes;
      const identifier = attributes.identifier as string;
      const type = attributes['xsi:type'] as string;
      const source = attributes.source as string;
      const target = attributes.target as string;
      const sourceEntity = this.entities.get(source);
      const targetEntity = this.entities.get(target);
      const sourceKind = sourceEntity?.kind;
      const targetKind = targetEntity?.kind;
      if (portfolio.relationship(record)) continue;
      if (type === INTEGRATION_TYPE && sourceKind === 'system' && targetKind === 'system') {
        const id = this.claimId(identifier);
        integrationIds.set(identifier, id);
        const extras = this.concept(record, RELATIONSHIP_STRUCTURE, NO_ATTRIBUTES);
        const integration: Record<string, unknown> = {
          id,
          source: sourceEntity?.id,
          target: targetEntity?.id,
        };
        if (record.names.length > 0) extras.names = [...record.names];
        const description = descriptionOf(record.documentation, extras);
        const kept = this.fields(record.properties, FIELDS_OF_KIND.integration, integration, extras);
        if (description !== undefined) integration.description = description;
        if (fastEntityIdentifier(id) !== identifier) extras.identifier = identifier;
        const entry: Writable<EntityExtras> = { id, ...extras };
        // Only entries with something to say are kept (those with `via` may get it from the check below).
        if (integration.via !== undefined) {
          viaChecks.push({ integration, extras: entry, record, kept });
          entityExtras.push(entry);
        } else if (hasContent(entry)) entityExtras.push(entry);
        integrations.push(integration as unknown as Integration);
        continue;
      }
      const relation = this.relationOf(record, type, sourceEntity, targetEntity);
      if (relation === undefined) {
        extraRelationships.push(rebuild(record));
        continue;
      }
      relations.push(relation.relation);
      if (hasContent(relation.extras)) relationExtras.push(relation.extras);
    }
    portfolio.finish((identifier) => integrationIds.get(identifier), extraElements, extraRelationships);
    entityExtras.push(...portfolio.extras);
    // `via` must name a platform system; when it does not, the property stays as it was read.
    for (const { integration, extras, record, kept } of viaChecks) {
      if (platforms.has(integration.via as string)) continue;
      delete integration.via;
      const via = record.properties.find((p) => this.definitionName(p) === 'via' && !kept.includes(p));
      extras.properties = record.properties.filter((p) => p === via || kept.includes(p)).map(propertyNode);
      if (extras.valueLangs) {
        const { via: _via, ...rest } = extras.valueLangs;
        if (Object.keys(rest).length > 0) extras.valueLangs = rest;
        else delete extras.valueLangs;
      }
    }

    // The model itself.
    const model = compact(
      { name: 'model', children: this.raw.head.filter((n) => n.ns !== undefined || n.name !== 'metadata') },
      'element',
      1,
      1,
    );
    const modelExtras: Writable<ArchimateExtras['model']> = {};
    const rootIdentifier = this.raw.rootAttributes.identifier;
    if (rootIdentifier === undefined)
      throw new ArchimateImportError('archimate.missing-attribute', 'the model has no identifier attribute', {
        line: 1,
        column: 1,
      });
    if (rootIdentifier !== generatedIdentifier('model')) modelExtras.identifier = rootIdentifier;
    const rootOther: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.raw.rootAttributes)) {
      if (key === 'identifier' || key === 'xsi:schemaLocation') continue;
      if (key === 'version') modelExtras.version = value;
      else rootOther[key] = value;
    }
    if (Object.keys(rootOther).length > 0) modelExtras.attributes = rootOther;
    const doc: Record<string, unknown> = { format: 'kartta/1' };
    doc.name = nameOf(model.names, rootIdentifier, modelExtras);
    const description = descriptionOf(model.documentation, modelExtras);
    if (description !== undefined) doc.description = description;
    let products: unknown[] = [];
    const modelFields: Record<string, unknown> = {};
    let legacy: Record<string, unknown[]> | undefined;
    this.fields(model.properties, [], modelFields, modelExtras, (name, value) => {
      if (name === PORTFOLIO_PROPERTY) {
        // Written by versions before the portfolio had concepts of its own: still read, no longer written.
        legacy = parseLegacyPortfolio(value);
        return legacy !== undefined;
      }
      if (name !== PRODUCTS_PROPERTY) return false;
      const json = parseJsonOrUndefined(value);
      if (!z.array(productSchema).safeParse(json).success) return false;
      // The JSON as written, not zod's copy: the load validates and copies it like any other document's.
      products = json as unknown[];
      return true;
    });
    if (modelFields.x !== undefined) doc.x = modelFields.x;
    if (model.any.length > 0) modelExtras.any = [...model.any];
    const metadata = this.raw.head.find((n) => n.ns === undefined && n.name === 'metadata');
    if (metadata) modelExtras.metadata = metadata;
    Object.assign(doc, { products, organisations, services, systems, integrations, relations });
    const origins = new Map<string, readonly PortfolioOrigin[]>();
    for (const collection of ['themes', 'funders', 'offerings', 'projects'] as const) {
      const items = [...portfolio.collections[collection], ...(legacy?.[collection] ?? [])];
      if (items.length > 0) doc[collection] = items;
      origins.set(collection, portfolio.origins[collection]);
    }

    // The records are all read now. Let them go before the load: on a national file they take gigabytes, and
    // with them alive the collector marks them again and again (the load of a 100k import measured 11.5 s, against
    // 5.5 to 8 s for a bare load of the same model).
    this.raw.elements.length = 0;
    this.raw.relationships.length = 0;
    viaChecks.length = 0;
    this.entities.clear();
    this.filed.clear();
    this.usedIds.clear();
    this.usedRelations.clear();

    const loaded = safeLoadOwned(doc);
    if (!loaded.ok) {
      // Portfolio problems name the element they are on (the loader only knows the place in the document).
      const originOf = (issue: { path: readonly (string | number)[] }) =>
        typeof issue.path[1] === 'number' ? origins.get(String(issue.path[0]))?.[issue.path[1]] : undefined;
      const first = loaded.issues.map(originOf).find((origin) => origin !== undefined);
      throw new ArchimateImportError(
        'archimate.invalid-model',
        `the file does not make a valid Kartta model:\n${loaded.issues
          .map((i) => {
            const origin = originOf(i);
            const where =
              origin === undefined
                ? ''
                : ` (the ${origin.type} '${cap(origin.identifier)}', ${cap(origin.name)}, line ${origin.line})`;
            return `  - ${i.path.join('.')}${where}: ${i.message} [${i.code}]`;
          })
          .join('\n')}`,
        first === undefined ? undefined : { line: first.line, column: first.column },
        loaded.issues,
      );
    }

    // The model holds its own copies: let the document's entities go before the folders are compared.
    for (const list of [products, organisations, services, systems, integrations, relations]) list.length = 0;

    const extras: ArchimateExtras = {
      format: 'kartta-archimate-extras/1',
      model: modelExtras,
      elements: extraElements,
      relationships: extraRelationships,
      entities: entityExtras.filter(hasContent).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      relations: relationExtras.sort((a, b) => compareRelations(a, b)),
      organizations: [],
      propertyDefinitions: this.raw.propertyDefinitions.filter((node) => !isKarttaDefinition(node)),
      ...(this.raw.views ? { views: this.raw.views } : {}),
    };
    // What the file put in no folder stays in none (all of it when the file has no folders at all). Keep the
    // folders unless they are exactly the ones the export writes for this model and these extras.
    if (unfiled.length > 0) extras.unfiled = unfiled;
    if (this.raw.organizations.length > 0) {
      const generated = mergeFolders(
        [],
        karttaFolders(karttaFolderInput(loaded.model, extras)),
        () => true,
        new Set(unfiled),
      );
      if (!sameNodes(generated, this.raw.organizations)) extras.organizations = this.raw.organizations;
    }
    return { model: loaded.model, extras };
  }

  relationOf(
    record: ConceptRecord,
    type: string,
    source: { readonly id: string; readonly kind: EntityElementKind } | undefined,
    target: { readonly id: string; readonly kind: EntityElementKind } | undefined,
  ): { relation: Relation; extras: RelationExtras } | undefined {
    if (source === undefined || target === undefined) return undefined;
    let relationType: RelationType | undefined;
    for (const candidate of RELATION_CANDIDATES.get(type) ?? []) {
      if (candidate.source !== source.kind || candidate.target !== target.kind) continue;
      if (candidate.marked && this.marker(record) !== candidate.type) continue;
      relationType = candidate.type;
    }
    if (relationType === undefined) return undefined;
    const mapping = RELATION_MAPPING[relationType];
    const from = mapping.reversed ? target.id : source.id;
    const to = mapping.reversed ? source.id : target.id;
    const key = relationKey({ type: relationType, from, to });
    if (from === to || this.usedRelations.has(key)) return undefined;
    this.usedRelations.add(key);
    const extras = this.concept(record, RELATIONSHIP_STRUCTURE, relationAttributes(relationType));
    const relation: Record<string, unknown> = { type: relationType, from, to };
    if (record.names.length > 0) extras.names = [...record.names];
    const description = descriptionOf(record.documentation, extras);
    this.fields(
      record.properties,
      relationType === 'uses' ? USES_FIELDS : [],
      relation,
      extras,
      (name) => mapping.marked && name === RELATION_MARKER,
    );
    if (description !== undefined) relation.description = description;
    const identifier = record.attributes.identifier as string;
    if (fastRelationIdentifier({ type: relationType, from, to }) !== identifier) extras.identifier = identifier;
    return { relation: relation as unknown as Relation, extras: { type: relationType, from, to, ...extras } };
  }

  /** What the portfolio reader needs of the importer. */
  portfolioHost(): PortfolioHost {
    return {
      claimId: (identifier) => this.claimId(identifier),
      definitionName: (property) => this.definitionName(property),
      concept: (record, structural, expected) => this.concept(record, structural, expected),
      fields: (properties, specs, target, extras, special) => this.fields(properties, specs, target, extras, special),
      nameOf,
      descriptionOf,
      entity: (identifier) => this.entities.get(identifier),
    };
  }

  marker(record: ConceptRecord): string | undefined {
    for (const property of record.properties) {
      if (property.node === undefined && this.definitionName(property) === RELATION_MARKER) return property.text;
    }
    return undefined;
  }
}

/** Deep equality of kept XML. */
function sameNodes(a: readonly (XmlNode | string)[], b: readonly (XmlNode | string)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as XmlNode | string;
    const y = b[i] as XmlNode | string;
    if (typeof x === 'string' || typeof y === 'string') {
      if (x !== y) return false;
      continue;
    }
    if (x.name !== y.name || x.ns !== y.ns || x.prefix !== y.prefix) return false;
    if (!sameAttributes(x.attributes ?? NO_ATTRIBUTES, y.attributes ?? NO_ATTRIBUTES)) return false;
    if (!sameNodes(x.children ?? [], y.children ?? [])) return false;
  }
  return true;
}

/** A property definition exactly as Kartta writes it (so it is written again without being kept). */
function isKarttaDefinition(node: XmlNode): boolean {
  const identifier = node.attributes?.identifier;
  const attributes = Object.keys(node.attributes ?? {});
  const children = node.children ?? [];
  const name = children[0];
  if (
    children.length !== 1 ||
    typeof name === 'string' ||
    name?.name !== 'name' ||
    name.ns !== undefined ||
    name.attributes !== undefined
  )
    return false;
  const text = textOf(name);
  const type = PROPERTY_TYPES.get(text) ?? PLAN_PROPERTY_TYPES.get(text);
  return (
    attributes.length === 2 && identifier === generatedIdentifier('propdef', text) && node.attributes?.type === type
  );
}

/** The identifiers of the file's elements, relationships and views that no folder entry names, in file order. */
function unfiledIdentifiers(raw: RawDocument, filed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const add = (identifier: string | undefined) => {
    if (identifier !== undefined && !filed.has(identifier)) out.push(identifier);
  };
  for (const record of raw.elements) add(record.attributes.identifier);
  for (const record of raw.relationships) add(record.attributes.identifier);
  for (const view of viewsOf(raw.views)) add(view.attributes?.identifier);
  return out;
}

function viewsOf(views: XmlNode | undefined): XmlNode[] {
  const diagrams = (views?.children ?? []).flatMap((c) =>
    typeof c !== 'string' && c.name === 'diagrams' && c.ns === undefined ? (c.children ?? []) : [],
  );
  return diagrams.filter((v): v is XmlNode => typeof v !== 'string' && v.name === 'view' && v.ns === undefined);
}

/** What the export files in Kartta's folders when it writes this model and these extras back unedited. */
function karttaFolderInput(model: Model, extras: ArchimateExtras): FolderInput {
  const identifier = (node: XmlNode) => node.attributes?.identifier as string;
  const ids = conceptIdentifiers(extras);
  const { portfolioElements, portfolioRelationships } = portfolioIdentifiers(model, ids);
  return {
    ...modelIdentifiers(model, ids),
    portfolioElements,
    portfolioRelationships,
    planElements: [],
    planRelationships: [],
    extraElements: extras.elements.map((node) => ({
      identifier: identifier(node),
      type: node.attributes?.['xsi:type'] ?? '',
    })),
    extraRelationships: extras.relationships.map(identifier),
    views: viewsOf(extras.views).map(identifier),
  };
}

function interpret(raw: RawDocument): ArchimateImportResult {
  return new Interpreter(raw).run();
}
