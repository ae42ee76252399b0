/** Kept views reconciled with an edited model. */
import type { XmlNode } from './extras.js';

/** Copies a kept view without nodes of elements and connections of relationships that are no longer written. */
export function pruneView(view: XmlNode, elements: ReadonlySet<string>, relationships: ReadonlySet<string>, views: ReadonlySet<string>): XmlNode {
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
