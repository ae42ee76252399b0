/**
 * Laws of the view pruning on random views: nested nodes of every depth, connections between nodes and between
 * connections in any order, any set of removed elements and relationships, and identifiers that name
 * Object.prototype members.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArchimateExportChange, XmlNode } from '../src/index.js';
import { pruneView } from '../src/archimate/view-pruning.js';

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', '__proto__', 'constructor', 'toString', 'hasOwnProperty');

interface Shape {
  readonly nodes: { element: string; parent: number | undefined }[];
  readonly connections: { relationship: string; source: number; target: number }[];
}

/** Nodes each nested in an earlier node (or on the view); connections whose ends are nodes or other connections. */
const shapes: fc.Arbitrary<Shape> = fc.array(fc.tuple(ids, fc.nat()), { minLength: 1, maxLength: 12 }).chain((raw) => {
  const nodes = raw.map(([element, p], i) => ({ element, parent: i === 0 || p % 3 === 0 ? undefined : p % i }));
  return fc.array(fc.tuple(ids, fc.nat(), fc.nat()), { maxLength: 10 }).map((conns) => ({
    nodes,
    connections: conns.map(([relationship, s, t]) => ({
      relationship,
      source: s % (nodes.length + conns.length),
      target: t % (nodes.length + conns.length),
    })),
  }));
});

const nodeId = (i: number) => `n${i}`;
const endId = (shape: Shape, i: number) => (i < shape.nodes.length ? nodeId(i) : `c${i - shape.nodes.length}`);

function build(shape: Shape): XmlNode {
  const xml: XmlNode[] = shape.nodes.map((n, i) => ({
    name: 'node',
    attributes: {
      identifier: nodeId(i),
      elementRef: n.element,
      'xsi:type': 'Element',
      x: String(i),
      y: String(i),
      w: '1',
      h: '1',
    },
  }));
  const top: XmlNode[] = [];
  shape.nodes.forEach((n, i) => {
    const node = xml[i] as XmlNode;
    if (n.parent === undefined) top.push(node);
    else ((xml[n.parent] as XmlNode).children ??= []).push(node);
  });
  const connections: XmlNode[] = shape.connections.map((c, i) => ({
    name: 'connection',
    attributes: {
      identifier: `c${i}`,
      'xsi:type': 'Relationship',
      relationshipRef: c.relationship,
      source: endId(shape, c.source),
      target: endId(shape, c.target),
    },
  }));
  return {
    name: 'view',
    attributes: { identifier: 'v', 'xsi:type': 'Diagram' },
    children: [{ name: 'name', children: ['V'] }, ...top, ...connections],
  };
}

function placed(view: XmlNode): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const visit = (node: XmlNode, parent: string | undefined) => {
    for (const child of node.children ?? []) {
      if (typeof child === 'string' || child.name !== 'node') continue;
      out.set(child.attributes?.identifier as string, parent);
      visit(child, child.attributes?.identifier);
    }
  };
  visit(view, undefined);
  return out;
}

describe('pruneView', () => {
  it('keeps every node of a kept element under its nearest kept ancestor, and exactly the connections whose relationship and ends survive', () => {
    fc.assert(
      fc.property(
        shapes,
        fc.subarray(['a', 'b', 'c', 'd', 'e', '__proto__', 'constructor', 'toString', 'hasOwnProperty']),
        fc.subarray(['a', 'b', 'c', '__proto__', 'toString']),
        (shape, removedElements, removedRelationships) => {
          const elements = new Set(
            ['a', 'b', 'c', 'd', 'e', '__proto__', 'constructor', 'toString', 'hasOwnProperty'].filter(
              (e) => !removedElements.includes(e),
            ),
          );
          const relationships = new Set(
            ['a', 'b', 'c', 'd', 'e', '__proto__', 'constructor', 'toString', 'hasOwnProperty'].filter(
              (r) => !removedRelationships.includes(r),
            ),
          );
          const view = build(shape);
          const before = JSON.stringify(view);
          const changes: ArchimateExportChange[] = [];
          const pruned = pruneView(view, { elements, relationships, views: new Set() }, changes);
          expect(JSON.stringify(view)).toBe(before);
          const after = placed(pruned);
          const keptNode = (i: number) => elements.has(shape.nodes[i]?.element as string);
          const nearest = (i: number): string | undefined => {
            let p = shape.nodes[i]?.parent;
            while (p !== undefined && !keptNode(p)) p = shape.nodes[p]?.parent;
            return p === undefined ? undefined : nodeId(p);
          };
          const expectedNodes = shape.nodes.map((_, i) => i).filter(keptNode);
          expect([...after.keys()].sort()).toEqual(expectedNodes.map(nodeId).sort());
          for (const i of expectedNodes) expect(after.get(nodeId(i))).toBe(nearest(i));
          // Connections: the greatest set closed under "relationship kept and both ends kept".
          let alive = new Set(
            shape.connections
              .map((_, i) => i)
              .filter((i) => relationships.has(shape.connections[i]?.relationship as string)),
          );
          const endAlive = (e: number) => (e < shape.nodes.length ? keptNode(e) : alive.has(e - shape.nodes.length));
          for (;;) {
            const next = new Set(
              [...alive].filter(
                (i) =>
                  endAlive(shape.connections[i]?.source as number) && endAlive(shape.connections[i]?.target as number),
              ),
            );
            if (next.size === alive.size) break;
            alive = next;
          }
          const connections = (pruned.children ?? [])
            .filter((c): c is XmlNode => typeof c !== 'string' && c.name === 'connection')
            .map((c) => c.attributes?.identifier);
          expect(connections.sort()).toEqual([...alive].map((i) => `c${i}`).sort());
          // Every removal and lift is reported, nothing else.
          const removedNodes = changes
            .filter((c) => c.object === 'node' && c.action === 'removed')
            .map((c) => c.identifier)
            .sort();
          expect(removedNodes).toEqual(
            shape.nodes
              .map((_, i) => i)
              .filter((i) => !keptNode(i))
              .map(nodeId)
              .sort(),
          );
          const removedConnections = changes
            .filter((c) => c.object === 'connection')
            .map((c) => c.identifier)
            .sort();
          expect(removedConnections).toEqual(
            shape.connections
              .map((_, i) => i)
              .filter((i) => !alive.has(i))
              .map((i) => `c${i}`)
              .sort(),
          );
          for (const lift of changes.filter((c) => c.action === 'lifted'))
            expect(after.get(lift.identifier)).toBe(lift.parent);
          if (changes.length === 0) expect(pruned).toBe(view);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});
