/*
 * REFERENCE COPY, not used by the library: the ArchiMate reader as it was before the fused reader (issue 16), kept
 * unchanged (imports aside) as the oracle of test/archimate-fused-oracle.test.ts. Do not optimise or fix it here.
 */
/**
 * Compact records of the elements and relationships of an imported file. The reader turns each one into a record
 * as soon as it is closed, so that the small trees it was read into die young (cheap for the garbage collector)
 * and only what the import needs stays; a record rebuilds exactly the tree it came from when the concept ends up
 * in the extras.
 */
import type { LangString, XmlNode } from '../../../src/archimate/extras.js';

/** A property: its definition reference and its one value, or the node as read when it is not that simple. */
export type PropertyRecord =
  | {
      readonly ref: string | undefined;
      readonly text: string;
      readonly lang: string | undefined;
      readonly node?: undefined;
    }
  | { readonly ref: string | undefined; readonly node: XmlNode };

export interface ConceptRecord {
  readonly tag: 'element' | 'relationship';
  readonly attributes: Readonly<Record<string, string>>;
  readonly names: readonly LangString[];
  readonly documentation: readonly LangString[];
  /** Other children (extension elements), in order. */
  readonly any: readonly XmlNode[];
  readonly properties: readonly PropertyRecord[];
  /** The node as read, when the parts above would not rebuild it exactly (unusual order, text, attributes). */
  readonly node: XmlNode | undefined;
  readonly line: number;
  readonly column: number;
}

/** The text of a `name`, `documentation` or `value` node with nothing but an optional `xml:lang` and text. */
function simpleText(node: XmlNode): LangString | undefined {
  const attributes = node.attributes;
  let lang: string | undefined;
  if (attributes !== undefined) {
    for (const key in attributes) {
      if (key !== 'xml:lang') return undefined;
      lang = attributes[key];
    }
  }
  const children = node.children;
  if (children !== undefined && (children.length !== 1 || typeof children[0] !== 'string')) return undefined;
  const text = children === undefined ? '' : (children[0] as string);
  return lang === undefined ? { text } : { text, lang };
}

function anyText(node: XmlNode): LangString {
  let text = '';
  for (const child of node.children ?? []) if (typeof child === 'string') text += child;
  const lang = node.attributes?.['xml:lang'];
  return lang === undefined ? { text } : { text, lang };
}

function simpleProperty(node: XmlNode): PropertyRecord {
  const ref = node.attributes?.propertyDefinitionRef;
  const attributes = node.attributes;
  let attributeCount = 0;
  for (const _key in attributes) attributeCount++;
  const children = node.children;
  const value = children?.length === 1 ? children[0] : undefined;
  if (
    attributeCount === 1 &&
    ref !== undefined &&
    value !== undefined &&
    typeof value !== 'string' &&
    value.name === 'value' &&
    value.ns === undefined
  ) {
    const text = simpleText(value);
    if (text !== undefined) return { ref, text: text.text, lang: text.lang };
  }
  return { ref, node };
}

/** The record of an `element` or `relationship` node. */
export function compact(node: XmlNode, tag: 'element' | 'relationship', line: number, column: number): ConceptRecord {
  const names: LangString[] = [];
  const documentation: LangString[] = [];
  const any: XmlNode[] = [];
  const properties: PropertyRecord[] = [];
  let exact = true;
  let stage = 0; // 0 names, 1 documentation, 2 extensions, 3 properties
  for (const child of node.children ?? []) {
    if (typeof child === 'string') {
      exact = false;
      continue;
    }
    if (child.ns === undefined && child.name === 'name') {
      if (stage > 0) exact = false;
      const text = simpleText(child);
      if (text === undefined) exact = false;
      names.push(text ?? anyText(child));
    } else if (child.ns === undefined && child.name === 'documentation') {
      if (stage > 1) exact = false;
      stage = 1;
      const text = simpleText(child);
      if (text === undefined) exact = false;
      documentation.push(text ?? anyText(child));
    } else if (child.ns === undefined && child.name === 'properties') {
      if (stage > 2 || child.attributes !== undefined || !child.children || child.children.length === 0) exact = false;
      stage = 3;
      for (const property of child.children ?? []) {
        if (typeof property === 'string') exact = false;
        else properties.push(simpleProperty(property));
      }
    } else {
      if (stage > 2) exact = false;
      stage = 2;
      any.push(child);
    }
  }
  return {
    tag,
    attributes: node.attributes ?? {},
    names,
    documentation,
    any,
    properties,
    node: exact ? undefined : node,
    line,
    column,
  };
}

function textNode(name: string, text: string, lang: string | undefined): XmlNode {
  const node: XmlNode = { name };
  if (lang !== undefined) node.attributes = { 'xml:lang': lang };
  if (text !== '') node.children = [text];
  return node;
}

/** The node a property record came from. */
export function propertyNode(property: PropertyRecord): XmlNode {
  if (property.node !== undefined) return property.node;
  return {
    name: 'property',
    attributes: { propertyDefinitionRef: property.ref as string },
    children: [textNode('value', property.text, property.lang)],
  };
}

/** The node a record came from, exactly as the reader built it. */
export function rebuild(record: ConceptRecord): XmlNode {
  if (record.node !== undefined) return record.node;
  const children: XmlNode[] = [];
  for (const name of record.names) children.push(textNode('name', name.text, name.lang));
  for (const documentation of record.documentation)
    children.push(textNode('documentation', documentation.text, documentation.lang));
  children.push(...record.any);
  if (record.properties.length > 0)
    children.push({ name: 'properties', children: record.properties.map(propertyNode) });
  const node: XmlNode = { name: record.tag };
  if (Object.keys(record.attributes).length > 0) node.attributes = record.attributes;
  if (children.length > 0) node.children = children;
  return node;
}
