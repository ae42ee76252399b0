/**
 * A view under construction: nodes keyed by what they show, connections between node keys, then identifiers
 * and boxes once a layout has placed them. Internal.
 */
import { KarttaError } from '../../errors.js';
import type { Relation } from '../../types.js';
import { entityIdentifier, generatedIdentifier, relationIdentifier } from '../ids.js';
import { RELATION_MAPPING } from '../mapping.js';
import type { Box, Point } from './layout.js';
import { elementSize } from './size.js';
import type { ViewConnectionSpec, ViewNodeSpec, ViewSpec } from './types.js';

export type IdPart = string | number;

export interface DraftNode {
  readonly key: string;
  readonly elementRef: string;
  readonly w: number;
  readonly h: number;
  /** The node identifier is the view identifier, `n`, then these parts. */
  readonly idParts: readonly IdPart[];
}

export interface DraftConnection {
  readonly idParts: readonly IdPart[];
  readonly relationshipRef: string;
  /** Node keys, in the relationship's own direction. */
  readonly source: string;
  readonly target: string;
  bendpoints?: Point[];
}

/** Spacing between connections that join the same two nodes. */
const PARALLEL_SPACING = 16;

export class ViewDraft {
  readonly nodes = new Map<string, DraftNode>();
  readonly connections: DraftConnection[] = [];
  readonly identifier: string;

  constructor(readonly viewParts: readonly IdPart[]) {
    this.identifier = generatedIdentifier('view', ...viewParts);
  }

  /** Adds a node once per key, sized for its label. */
  node(
    key: string,
    elementRef: string,
    text: string,
    idParts: readonly IdPart[] = [key],
    size = elementSize(text),
  ): DraftNode {
    const existing = this.nodes.get(key);
    if (existing) return existing;
    const node: DraftNode = { key, elementRef, w: size.w, h: size.h, idParts };
    this.nodes.set(key, node);
    return node;
  }

  /** A connection for a model relation, in the direction the exporter writes its relationship. */
  relation(
    relation: Pick<Relation, 'type' | 'from' | 'to'>,
    fromKey = relation.from,
    toKey = relation.to,
  ): DraftConnection {
    const reversed = RELATION_MAPPING[relation.type].reversed;
    return this.connect(
      [relation.type, relation.from, relation.to],
      relationIdentifier(relation),
      reversed ? toKey : fromKey,
      reversed ? fromKey : toKey,
    );
  }

  /** A connection for an integration: its Flow runs from source to target. */
  flow(
    integration: { id: string; source: string; target: string },
    sourceKey = integration.source,
    targetKey = integration.target,
  ): DraftConnection {
    return this.connect(['flow', integration.id], entityIdentifier(integration.id), sourceKey, targetKey);
  }

  connect(idParts: readonly IdPart[], relationshipRef: string, source: string, target: string): DraftConnection {
    const connection: DraftConnection = { idParts, relationshipRef, source, target };
    this.connections.push(connection);
    return connection;
  }

  nodeIdentifier(key: string): string {
    const node = this.nodes.get(key);
    if (!node) throw new KarttaError('view.internal', `view ${this.identifier}: no node '${key}'`);
    return generatedIdentifier('view', ...this.viewParts, 'n', ...node.idParts);
  }

  /**
   * The finished view. `children` nests nodes (by key) in a parent node; every box is absolute. Nodes and
   * connections come sorted by identifier, so the output does not depend on the order they were added in.
   */
  finish(
    name: string,
    documentation: string | undefined,
    boxes: ReadonlyMap<string, Box>,
    children: ReadonlyMap<string, readonly string[]> = new Map(),
  ): ViewSpec {
    separateParallel(this.connections, boxes);
    const nested = new Set<string>();
    for (const list of children.values()) for (const key of list) nested.add(key);
    const build = (key: string): ViewNodeSpec => {
      const node = this.nodes.get(key) as DraftNode;
      const box = boxes.get(key);
      if (!box) throw new KarttaError('view.internal', `view ${this.identifier}: node '${key}' was not placed`);
      const spec: ViewNodeSpec = {
        identifier: this.nodeIdentifier(key),
        elementRef: node.elementRef,
        x: box.x,
        y: box.y,
        w: box.w,
        h: box.h,
      };
      const inner = children.get(key);
      if (inner && inner.length > 0) spec.children = byIdentifier(inner.map(build));
      return spec;
    };
    const nodes = byIdentifier([...this.nodes.keys()].filter((key) => !nested.has(key)).map(build));
    const seen = new Set<string>();
    const connections = byIdentifier(
      this.connections.map((c): ViewConnectionSpec => {
        const identifier = generatedIdentifier('view', ...this.viewParts, 'c', ...c.idParts);
        if (seen.has(identifier))
          throw new KarttaError('view.internal', `view ${this.identifier}: connection '${identifier}' twice`);
        seen.add(identifier);
        const spec: ViewConnectionSpec = {
          identifier,
          relationshipRef: c.relationshipRef,
          source: this.nodeIdentifier(c.source),
          target: this.nodeIdentifier(c.target),
        };
        if (c.bendpoints && c.bendpoints.length > 0) spec.bendpoints = c.bendpoints.map((p) => ({ x: p.x, y: p.y }));
        return spec;
      }),
    );
    const view: ViewSpec = { identifier: this.identifier, name, nodes, connections };
    if (documentation !== undefined) view.documentation = documentation;
    return view;
  }
}

function byIdentifier<T extends { identifier: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
}

export function centre(box: Box): Point {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

/**
 * Straight connections between the same two nodes would be drawn on top of each other. Each gets one bend point
 * at the middle of the line, shifted sideways so that they fan out, the middle one (if any) staying straight.
 */
function separateParallel(connections: readonly DraftConnection[], boxes: ReadonlyMap<string, Box>): void {
  const groups = new Map<string, DraftConnection[]>();
  for (const connection of connections) {
    if (connection.bendpoints && connection.bendpoints.length > 0) continue;
    const [a, b] =
      connection.source < connection.target
        ? [connection.source, connection.target]
        : [connection.target, connection.source];
    const key = `${a}\u0000${b}`;
    const group = groups.get(key);
    if (group) group.push(connection);
    else groups.set(key, [connection]);
  }
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    group.sort((x, y) => compareParts(x.idParts, y.idParts));
    const [a, b] = key.split('\u0000') as [string, string];
    const boxA = boxes.get(a);
    const boxB = boxes.get(b);
    if (!boxA || !boxB) continue;
    const p = centre(boxA);
    const q = centre(boxB);
    const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    // The normal of the line from the smaller key to the larger, so both directions fan out alike.
    const nx = -(q.y - p.y) / length;
    const ny = (q.x - p.x) / length;
    group.forEach((connection, i) => {
      const offset = (i - (group.length - 1) / 2) * PARALLEL_SPACING;
      if (offset === 0) return;
      connection.bendpoints = [
        {
          x: Math.max(0, Math.round((p.x + q.x) / 2 + nx * offset)),
          y: Math.max(0, Math.round((p.y + q.y) / 2 + ny * offset)),
        },
      ];
    });
  }
}

function compareParts(a: readonly IdPart[], b: readonly IdPart[]): number {
  const x = a.join('\u0000');
  const y = b.join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}
