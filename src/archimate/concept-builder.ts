/**
 * Reads one `element` or `relationship` straight into a {@link ConceptRecord}, from the parser's events, without
 * building a tree for the common parts (names, documentation, properties with one value): on large files most of
 * the import's time would otherwise go to allocating and collecting those trees. Anything unusual (an attribute
 * of another namespace, an element where text was expected) switches that part to a generic tree, so the record
 * still rebuilds exactly what the file held.
 */
import type { SaxesTagNS } from 'saxes';
import type { LangString, XmlNode } from './extras.js';
import { ARCHIMATE_NAMESPACES, XML_NS, XMLNS_NS } from './mapping.js';
import { compact, propertyNode, type ConceptRecord, type PropertyRecord } from './records.js';
import { ownString, type CommonStrings } from './own-string.js';

/** A child of the concept: a generic node, text, or a part read without a tree. */
type Slot =
  | XmlNode
  | string
  | { readonly part: 'name' | 'documentation'; readonly value: LangString }
  | { readonly part: 'properties'; readonly list: PropertyRecord[] };

/** How the reader makes a generic node of a tag. */
export type MakeNode = (tag: SaxesTagNS) => XmlNode;

/** The tag's `xml:lang` when that is its only attribute, `null` when it has none, `undefined` otherwise. */
function onlyLang(tag: SaxesTagNS): string | null | undefined {
  let lang: string | null = null;
  const attributes = tag.attributes;
  for (const name in attributes) {
    const attribute = attributes[name] as (typeof attributes)[string];
    if (attribute.uri === XMLNS_NS || name === 'xmlns') continue;
    if (attribute.uri !== XML_NS || attribute.local !== 'lang') return undefined;
    lang = ownString(attribute.value);
  }
  return lang;
}

/** The tag's `propertyDefinitionRef` when that is its only attribute. */
function onlyRef(tag: SaxesTagNS): string | undefined {
  let ref: string | undefined;
  const attributes = tag.attributes;
  for (const name in attributes) {
    const attribute = attributes[name] as (typeof attributes)[string];
    if (attribute.uri === XMLNS_NS || name === 'xmlns') continue;
    if (attribute.uri !== '' || attribute.local !== 'propertyDefinitionRef' || ref !== undefined) return undefined;
    ref = attribute.value;
  }
  return ref;
}

function tidy(node: XmlNode): void {
  const children = node.children as (XmlNode | string)[];
  if (!children.some((c) => typeof c !== 'string')) return;
  if (children.some((c) => typeof c === 'string' && !/^[ \t\r\n]*$/.test(c))) return;
  node.children = children.filter((c) => typeof c !== 'string');
}

function appendText(node: XmlNode, text: string): void {
  const children = (node.children ??= []);
  const last = children.length - 1;
  if (last >= 0 && typeof children[last] === 'string') children[last] += ownString(text);
  else children.push(ownString(text));
}

function textNode(name: string, text: string, lang: string | undefined): XmlNode {
  const node: XmlNode = { name };
  if (lang !== undefined) node.attributes = { 'xml:lang': lang };
  if (text !== '') node.children = [text];
  return node;
}

const WHITESPACE = /^[ \t\r\n]*$/;

/** The one empty list records share (never written to: records are read-only). */
const NONE: readonly never[] = Object.freeze([]);
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Levels relative to the concept: 1 its children (name, documentation, properties, others), 2 the properties,
 * 3 a property's value, 4 inside a value.
 */
export class ConceptBuilder {
  readonly #tag: 'element' | 'relationship';
  readonly #node: XmlNode;
  readonly #line: number;
  readonly #column: number;
  /** The children, in order, as generic nodes or as the parts they will be rebuilt from. */
  readonly #children: Slot[] = [];
  #depth = 0;
  /** Generic trees being built: the open nodes, and the level of the outermost one. */
  readonly #generic: XmlNode[] = [];
  #genericLevel = 0;
  // Level 1 text capture (name or documentation).
  #textName: 'name' | 'documentation' | undefined;
  #textLang: string | undefined;
  #text = '';
  // Level 1 properties block, level 2 property, level 3 value.
  #properties: PropertyRecord[] | undefined;
  #propertyRef: string | undefined;
  #propertyValue: LangString | undefined;
  #valueLang: string | undefined;
  #valueOpen = false;
  #valueText = '';

  readonly #make: MakeNode;
  readonly #common: CommonStrings;

  constructor(
    tag: 'element' | 'relationship',
    node: XmlNode,
    line: number,
    column: number,
    make: MakeNode,
    common: CommonStrings,
  ) {
    this.#make = make;
    this.#common = common;
    this.#tag = tag;
    this.#node = node;
    this.#line = line;
    this.#column = column;
  }

  open(tag: SaxesTagNS): void {
    const level = ++this.#depth;
    if (this.#generic.length > 0) {
      const node = this.#make(tag);
      const parent = this.#generic[this.#generic.length - 1] as XmlNode;
      (parent.children ??= []).push(node);
      this.#generic.push(node);
      return;
    }
    const archimate = ARCHIMATE_NAMESPACES.has(tag.uri);
    const local = tag.local;
    if (level === 1) {
      const lang =
        archimate && (local === 'name' || local === 'documentation' || local === 'properties')
          ? onlyLang(tag)
          : undefined;
      if (lang !== undefined && local !== 'properties') {
        this.#textName = local as 'name' | 'documentation';
        this.#textLang = lang ?? undefined;
        this.#text = '';
      } else if (lang === null && local === 'properties') {
        this.#properties = [];
      } else {
        this.#startGeneric(this.#make(tag), 1);
      }
      return;
    }
    if (level === 2 && this.#properties !== undefined) {
      const ref = archimate && local === 'property' ? onlyRef(tag) : undefined;
      if (ref !== undefined) {
        this.#propertyRef = this.#common.get(ref);
        this.#propertyValue = undefined;
      } else {
        this.#startGeneric(this.#make(tag), 2);
      }
      return;
    }
    if (level === 2 && this.#textName !== undefined) {
      // An element inside a name: the name becomes a generic tree.
      const name = textNode(this.#textName, '', this.#textLang);
      if (this.#text !== '') name.children = [this.#text];
      this.#textName = undefined;
      this.#startGeneric(name, 1);
      this.#pushGeneric(this.#make(tag));
      return;
    }
    if (level === 3 && this.#propertyRef !== undefined) {
      const lang = archimate && local === 'value' && this.#propertyValue === undefined ? onlyLang(tag) : undefined;
      if (lang !== undefined) {
        this.#valueOpen = true;
        this.#valueLang = lang ?? undefined;
        this.#valueText = '';
      } else {
        this.#startGeneric(this.#materialiseProperty(), 2);
        this.#pushGeneric(this.#make(tag));
      }
      return;
    }
    // level 4: an element inside a value.
    const property = this.#materialiseProperty();
    const value = textNode('value', '', this.#valueLang);
    if (this.#valueText !== '') value.children = [this.#valueText];
    (property.children ??= []).push(value);
    this.#valueOpen = false;
    this.#startGeneric(property, 2);
    this.#generic.push(value);
    this.#pushGeneric(this.#make(tag));
  }

  /** The property captured so far, as a generic node (the value read so far included). */
  #materialiseProperty(): XmlNode {
    const node: XmlNode = { name: 'property', attributes: { propertyDefinitionRef: this.#propertyRef as string } };
    if (this.#propertyValue !== undefined)
      node.children = [textNode('value', this.#propertyValue.text, this.#propertyValue.lang)];
    this.#propertyRef = undefined;
    this.#propertyValue = undefined;
    return node;
  }

  #startGeneric(node: XmlNode, level: number): void {
    this.#generic.push(node);
    this.#genericLevel = level;
  }

  #pushGeneric(node: XmlNode): void {
    const parent = this.#generic[this.#generic.length - 1] as XmlNode;
    (parent.children ??= []).push(node);
    this.#generic.push(node);
  }

  text(text: string): void {
    if (this.#generic.length > 0) {
      appendText(this.#generic[this.#generic.length - 1] as XmlNode, text);
      return;
    }
    const level = this.#depth;
    if (level === 1 && this.#textName !== undefined) this.#text += ownString(text);
    else if (level === 3 && this.#valueOpen) this.#valueText += ownString(text);
    else if (WHITESPACE.test(text)) return;
    else if (level === 0) this.#children.push(ownString(text));
    else if (level === 1 && this.#properties !== undefined) {
      // Text among the properties: the block becomes a generic tree.
      const block: XmlNode = {
        name: 'properties',
        children: [...this.#properties.map(propertyNode), ownString(text)],
      };
      this.#properties = undefined;
      this.#startGeneric(block, 1);
    } else if (level === 2 && this.#propertyRef !== undefined) {
      const property = this.#materialiseProperty();
      appendText(property, text);
      this.#startGeneric(property, 2);
    }
  }

  close(): void {
    const level = this.#depth--;
    if (this.#generic.length > 0) {
      const node = this.#generic.pop() as XmlNode;
      if (node.children) tidy(node);
      if (this.#generic.length > 0) return;
      if (this.#genericLevel === 1) this.#children.push(node);
      else (this.#properties as PropertyRecord[]).push({ ref: node.attributes?.propertyDefinitionRef, node });
      return;
    }
    if (level === 1) {
      if (this.#textName !== undefined) {
        this.#children.push({
          part: this.#textName,
          value: this.#textLang === undefined ? { text: this.#text } : { text: this.#text, lang: this.#textLang },
        });
        this.#textName = undefined;
      } else if (this.#properties !== undefined) {
        this.#children.push({ part: 'properties', list: this.#properties });
        this.#properties = undefined;
      }
    } else if (level === 2 && this.#propertyRef !== undefined) {
      const value = this.#propertyValue;
      const ref = this.#propertyRef;
      (this.#properties as PropertyRecord[]).push(
        value !== undefined
          ? { ref, text: value.text, lang: value.lang }
          : { ref, node: { name: 'property', attributes: { propertyDefinitionRef: ref } } },
      );
      this.#propertyRef = undefined;
      this.#propertyValue = undefined;
    } else if (level === 3 && this.#valueOpen) {
      this.#propertyValue = { text: this.#valueText, lang: this.#valueLang };
      this.#valueOpen = false;
    }
  }

  /** The record of the concept, once its end tag was read. */
  finish(): ConceptRecord {
    // Most concepts have no documentation and no extensions: they share one empty list instead of a list each.
    let names: LangString[] | undefined;
    let documentation: LangString[] | undefined;
    let any: XmlNode[] | undefined;
    let properties: readonly PropertyRecord[] = NONE;
    let stage = 0; // as in compact: names, documentation, extensions, properties
    let simple = true;
    for (const slot of this.#children) {
      if (typeof slot === 'string') simple = false;
      else if ('list' in slot) {
        if (stage > 2 || slot.list.length === 0) simple = false;
        stage = 3;
        properties = properties.length === 0 ? slot.list : [...properties, ...slot.list];
      } else if ('part' in slot) {
        if (slot.part === 'name') {
          if (stage > 0) simple = false;
          (names ??= []).push(slot.value);
        } else {
          if (stage > 1) simple = false;
          stage = 1;
          (documentation ??= []).push(slot.value);
        }
      } else if (
        slot.ns === undefined &&
        (slot.name === 'name' || slot.name === 'documentation' || slot.name === 'properties')
      ) {
        simple = false;
      } else {
        if (stage > 2) simple = false;
        stage = 2;
        (any ??= []).push(slot);
      }
    }
    if (simple) {
      return {
        tag: this.#tag,
        attributes: this.#node.attributes ?? NO_ATTRIBUTES,
        names: names ?? NONE,
        documentation: documentation ?? NONE,
        any: any ?? NONE,
        properties,
        node: undefined,
        line: this.#line,
        column: this.#column,
      };
    }
    // Unusual content: the whole tree, read by the general rules.
    const node = this.#node;
    node.children = this.#children.map((slot) =>
      typeof slot === 'string' || !('part' in slot)
        ? slot
        : 'list' in slot
          ? { name: 'properties', ...(slot.list.length > 0 ? { children: slot.list.map(propertyNode) } : {}) }
          : textNode(slot.part, slot.value.text, slot.value.lang),
    );
    return compact(node, this.#tag, this.#line, this.#column);
  }
}
