/** Writing kept XML ({@link XmlNode}) back into an exchange file, with the namespace declarations it needs. */
import type { XmlNode } from './extras.js';
import { ARCHIMATE_NS, XSI_NS, XML_NS } from './mapping.js';
import { escapeAttribute, escapeText } from './xml-text.js';

/** Namespace bindings in effect where a node is written. */
export interface NsScope {
  readonly defaultNs: string;
  readonly prefixes: ReadonlyMap<string, string>;
}

/** The bindings the root element of an exchange file declares. */
export const ROOT_SCOPE: NsScope = {
  defaultNs: ARCHIMATE_NS,
  prefixes: new Map([
    ['xsi', XSI_NS],
    ['xml', XML_NS],
  ]),
};

const CLARK = /^\{([^}]*)\}(.+)$/;

function isWhitespace(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

/** True when a node holds element children only (text between them, if any, is white space). */
function elementOnly(children: readonly (XmlNode | string)[]): boolean {
  let elements = false;
  for (const child of children) {
    if (typeof child === 'string') {
      if (!isWhitespace(child)) return false;
    } else {
      elements = true;
    }
  }
  return elements;
}

/**
 * Appends `node` as XML to `out`. `indent` is the indentation of the node's own line; element-only content is
 * indented further, text and mixed content are written exactly as kept.
 */
export function writeXmlNode(node: XmlNode, out: string[], indent: string, scope: NsScope = ROOT_SCOPE): void {
  let tag = node.name;
  let declarations = '';
  let defaultNs = scope.defaultNs;
  let prefixes = scope.prefixes;
  const bind = (prefix: string, uri: string) => {
    if (prefixes === scope.prefixes) prefixes = new Map(prefixes);
    (prefixes as Map<string, string>).set(prefix, uri);
    declarations += ` xmlns:${prefix}="${escapeAttribute(uri)}"`;
  };
  const ns = node.ns ?? ARCHIMATE_NS;
  if (ns === ARCHIMATE_NS || (node.prefix === undefined && ns !== XML_NS)) {
    if (defaultNs !== ns) {
      defaultNs = ns;
      declarations += ` xmlns="${escapeAttribute(ns)}"`;
    }
  } else {
    const prefix = node.prefix !== undefined && node.prefix !== 'xmlns' ? node.prefix : 'ns';
    if (prefixes.get(prefix) !== ns && prefix !== 'xml') bind(prefix, ns);
    tag = `${prefix}:${node.name}`;
  }
  let attributes = '';
  if (node.attributes) {
    for (const key of Object.keys(node.attributes)) {
      const value = node.attributes[key] as string;
      const clark = CLARK.exec(key);
      let name = key;
      if (clark) {
        const uri = clark[1] as string;
        let prefix: string | undefined;
        for (const [p, u] of prefixes) if (u === uri) prefix = p;
        if (prefix === undefined) {
          let n = 1;
          while (prefixes.has(`ns${n}`)) n++;
          prefix = `ns${n}`;
          bind(prefix, uri);
        }
        name = `${prefix}:${clark[2]}`;
      } else if (key.startsWith('xsi:') && prefixes.get('xsi') !== XSI_NS) {
        bind('xsi', XSI_NS);
      }
      attributes += ` ${name}="${escapeAttribute(value)}"`;
    }
  }
  const children = node.children ?? [];
  const open = `${indent}<${tag}${declarations}${attributes}`;
  if (children.length === 0) {
    out.push(`${open}/>\n`);
    return;
  }
  const inner: NsScope = defaultNs === scope.defaultNs && prefixes === scope.prefixes ? scope : { defaultNs, prefixes };
  if (elementOnly(children)) {
    out.push(`${open}>\n`);
    const deeper = `${indent}  `;
    for (const child of children) if (typeof child !== 'string') writeXmlNode(child, out, deeper, inner);
    out.push(`${indent}</${tag}>\n`);
    return;
  }
  const parts: string[] = [`${open}>`];
  for (const child of children) {
    if (typeof child === 'string') {
      parts.push(escapeText(child));
    } else {
      const nested: string[] = [];
      writeXmlNode(child, nested, '', inner);
      // Inline: drop the line break the nested writer adds after each element.
      parts.push(nested.join('').replace(/\n$/, ''));
    }
  }
  parts.push(`</${tag}>\n`);
  out.push(parts.join(''));
}
