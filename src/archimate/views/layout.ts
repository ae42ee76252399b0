/**
 * Layered layout with dagre, reduced to what views need: whole-pixel boxes (top-left corner and size) and, for
 * edges that dagre routes past other ranks, the bend points of the route. Internal.
 */
import { Graph, layout } from '@dagrejs/dagre';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutNode {
  readonly key: string;
  readonly w: number;
  readonly h: number;
}

export interface LayoutEdge {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly weight?: number;
  readonly minlen?: number;
  /**
   * Leave the edge out of the ranking and route it afterwards along the side of its rank, on a track of its
   * own in the gap after the rank (between nodes of one rank only). Keeps big drawings cheap to lay out.
   */
  readonly side?: boolean;
}

export interface LayeredOptions {
  readonly rankdir: 'LR' | 'TB';
  readonly nodesep?: number;
  readonly ranksep?: number;
  readonly edgesep?: number;
  /** Free space around the drawing; also keeps every coordinate positive, as the exchange format requires. */
  readonly margin?: number;
}

export interface LayeredResult {
  readonly boxes: Map<string, Box>;
  /** Bend points per edge key, in the edge's direction; a straight edge has none. */
  readonly routes: Map<string, Point[]>;
}

/** Margin around every generated drawing, in pixels. */
export const MARGIN = 24;

/** Above these sizes dagre skips its crossing-reduction sweeps. */
const LARGE_NODES = 80;
const LARGE_EDGES = 200;

/** Room each line gets where several run side by side between two ranks. */
const TRACK = 10;

/**
 * Lays the nodes out in ranks with dagre, then routes every edge orthogonally: out of its source along the rank
 * direction, across in the gap between two ranks on a track of its own, on through each rank it passes at the
 * place dagre reserved for it (a dummy node, so no node is in the way), and into its target. Tracks in a gap are
 * ordered so that lines fanning out or in do not cross, and a gap is widened when its tracks need the room.
 *
 * dagre is deterministic for a given insertion order, so callers pass nodes and edges sorted; the same input
 * then always gives the same boxes and routes.
 */
export function layered(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayeredOptions,
): LayeredResult {
  const margin = options.margin ?? MARGIN;
  const horizontal = options.rankdir === 'LR';
  const graph = new Graph({ multigraph: true });
  graph.setGraph({
    rankdir: options.rankdir,
    nodesep: options.nodesep ?? 30,
    ranksep: options.ranksep ?? 70,
    edgesep: options.edgesep ?? 14,
    marginx: margin,
    marginy: margin,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  // dagre keeps nodes and its working state in plain objects keyed by node name: it gets names of its own, so
  // an id such as '__proto__' or 'constructor' never reaches it.
  const dagreName = new Map<string, string>();
  const nameOf = (key: string): string => {
    let name = dagreName.get(key);
    if (name === undefined) dagreName.set(key, (name = `n${dagreName.size}`));
    return name;
  };
  for (const node of nodes) graph.setNode(nameOf(node.key), { width: node.w, height: node.h });
  const routable = edges.filter((edge) => edge.source !== edge.target && !edge.side);
  const sideEdges = edges.filter((edge) => edge.source !== edge.target && edge.side);
  routable.forEach((edge, e) => {
    graph.setEdge(
      nameOf(edge.source),
      nameOf(edge.target),
      { weight: edge.weight ?? 1, minlen: edge.minlen ?? 1 },
      `e${e}`,
    );
  });
  // dagre's crossing reduction sweeps until four rounds bring no gain; on large drawings that costs seconds and
  // buys little, since a view of hundreds of nodes is read by searching, not at a glance.
  const large = nodes.length > LARGE_NODES || routable.length > LARGE_EDGES;
  layout(graph, large ? { disableOptimalOrderHeuristic: true } : {});

  // Main axis: the rank direction (x for LR); cross axis: along a rank.
  const main = (p: Point) => (horizontal ? p.x : p.y);
  const cross = (p: Point) => (horizontal ? p.y : p.x);
  const extent = (n: LayoutNode) => (horizontal ? n.w : n.h);
  const placed = new Map<string, { rank: number; main: number; cross: number }>();
  const rankCentre = new Map<number, number>();
  const rankHalf = new Map<number, number>();
  for (const node of nodes) {
    const label = graph.node(nameOf(node.key)) as { x: number; y: number; rank: number };
    placed.set(node.key, { rank: label.rank, main: main(label), cross: cross(label) });
    rankCentre.set(label.rank, main(label));
    rankHalf.set(label.rank, Math.max(rankHalf.get(label.rank) ?? 0, extent(node) / 2));
  }
  const ranks = [...rankCentre.keys()].sort((a, b) => a - b);
  const rankIndex = new Map(ranks.map((rank, i) => [rank, i]));

  // Each edge as the cross coordinates at consecutive ranks, from source to target.
  interface Segment {
    edge: number;
    step: number;
    gap: number;
    low: number;
    high: number;
  }
  const paths: { rank: number; cross: number }[][] = [];
  const segments: Segment[] = [];
  routable.forEach((edge, e) => {
    const source = placed.get(edge.source);
    const target = placed.get(edge.target);
    if (!source || !target) return;
    const label = graph.edge(nameOf(edge.source), nameOf(edge.target), `e${e}`) as { points?: Point[] } | undefined;
    const points = (label?.points ?? []).slice(1, -1);
    const path = [{ rank: rankIndex.get(source.rank) as number, cross: source.cross }];
    for (const point of points) {
      const i = ranks.findIndex((rank) => Math.abs((rankCentre.get(rank) as number) - main(point)) < 0.5);
      if (i >= 0) path.push({ rank: i, cross: cross(point) });
    }
    path.push({ rank: rankIndex.get(target.rank) as number, cross: target.cross });
    paths[e] = path;
    for (let step = 0; step + 1 < path.length; step++) {
      const a = path[step] as { rank: number; cross: number };
      const b = path[step + 1] as { rank: number; cross: number };
      if (Math.abs(a.cross - b.cross) < 0.5 || Math.abs(a.rank - b.rank) !== 1) continue;
      const [low, high] = a.rank < b.rank ? [a, b] : [b, a];
      segments.push({ edge: e, step, gap: low.rank, low: low.cross, high: high.cross });
    }
  });

  // Widen the gaps that need more room for their tracks, moving every later rank along.
  const perGap = new Map<number, Segment[]>();
  for (const segment of segments) {
    const list = perGap.get(segment.gap);
    if (list) list.push(segment);
    else perGap.set(segment.gap, [segment]);
  }

  // Side edges: a bracket from one node out into the gap after its rank and back to the other. Brackets whose
  // spans do not overlap share a track; shorter spans sit nearer the rank, so nested brackets do not cross.
  const sideTrack = new Map<string, { gap: number; track: number; from: number; to: number }>();
  const sideTracks = new Map<number, number>();
  {
    const perRank = new Map<number, { edge: LayoutEdge; low: number; high: number; from: number; to: number }[]>();
    for (const edge of sideEdges) {
      const a = placed.get(edge.source);
      const b = placed.get(edge.target);
      if (!a || !b || a.rank !== b.rank) continue;
      const gap = rankIndex.get(a.rank) as number;
      const item = {
        edge,
        low: Math.min(a.cross, b.cross),
        high: Math.max(a.cross, b.cross),
        from: a.cross,
        to: b.cross,
      };
      const list = perRank.get(gap);
      if (list) list.push(item);
      else perRank.set(gap, [item]);
    }
    for (const [gap, list] of perRank) {
      list.sort((x, y) => x.high - x.low - (y.high - y.low) || x.low - y.low || compareText(x.edge.key, y.edge.key));
      const ends: number[] = [];
      // A span joins the first track whose spans all end before it starts.
      for (const item of list) {
        let t = ends.findIndex((end) => end + TRACK <= item.low);
        if (t < 0) {
          t = ends.length;
          ends.push(item.high);
        } else ends[t] = Math.max(ends[t] as number, item.high);
        sideTrack.set(item.edge.key, { gap, track: t, from: item.from, to: item.to });
      }
      sideTracks.set(gap, ends.length);
    }
  }
  const shift = new Map<number, number>();
  let total = 0;
  ranks.forEach((rank, i) => {
    if (i > 0) {
      const previous = ranks[i - 1] as number;
      const free =
        (rankCentre.get(rank) as number) -
        (rankHalf.get(rank) as number) -
        ((rankCentre.get(previous) as number) + (rankHalf.get(previous) as number));
      const needed = ((perGap.get(i - 1)?.length ?? 0) + 1 + (sideTracks.get(i - 1) ?? 0)) * TRACK;
      if (needed > free) total += needed - free;
    }
    shift.set(i, total);
  });
  const centreOf = (i: number) => (rankCentre.get(ranks[i] as number) as number) + (shift.get(i) as number);
  const halfOf = (i: number) => rankHalf.get(ranks[i] as number) as number;

  // Tracks: lines going down (towards larger cross values) that start higher sit further along the gap, lines
  // going up mirror that; then they cross only where their spans must.
  const track = new Map<string, number>();
  for (const [gap, list] of perGap) {
    const down = list.filter((s) => s.high > s.low).sort((a, b) => b.low - a.low || b.high - a.high || a.edge - b.edge);
    const up = list.filter((s) => s.high < s.low).sort((a, b) => a.low - b.low || a.high - b.high || a.edge - b.edge);
    const ordered = [...down, ...up];
    const start = centreOf(gap) + halfOf(gap) + (sideTracks.get(gap) ?? 0) * TRACK;
    const end = centreOf(gap + 1) - halfOf(gap + 1);
    ordered.forEach((segment, j) =>
      track.set(`${segment.edge}:${segment.step}`, start + ((end - start) * (j + 1)) / (ordered.length + 1)),
    );
  }

  const toPoint = (m: number, c: number): Point => (horizontal ? { x: m, y: c } : { x: c, y: m });
  const boxes = new Map<string, Box>();
  for (const node of nodes) {
    const p = placed.get(node.key) as { rank: number; cross: number };
    const centre = toPoint(centreOf(rankIndex.get(p.rank) as number), p.cross);
    boxes.set(node.key, {
      x: Math.round(centre.x - node.w / 2),
      y: Math.round(centre.y - node.h / 2),
      w: node.w,
      h: node.h,
    });
  }
  const routes = new Map<string, Point[]>();
  routable.forEach((edge, e) => {
    const path = paths[e];
    if (!path) return;
    const bends: Point[] = [];
    for (let step = 0; step + 1 < path.length; step++) {
      const t = track.get(`${e}:${step}`);
      if (t === undefined) continue;
      const a = path[step] as { cross: number };
      const b = path[step + 1] as { cross: number };
      bends.push(toPoint(t, a.cross), toPoint(t, b.cross));
    }
    if (bends.length > 0)
      routes.set(edge.key, dropCollinear(bends.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }))));
  });
  for (const [key, side] of sideTrack) {
    const t = centreOf(side.gap) + halfOf(side.gap) + (side.track + 1) * TRACK;
    const a = toPoint(t, side.from);
    const b = toPoint(t, side.to);
    routes.set(key, [
      { x: Math.round(a.x), y: Math.round(a.y) },
      { x: Math.round(b.x), y: Math.round(b.y) },
    ]);
  }

  // dagre keeps nodes inside its margin, but not always the routes: move everything so both are.
  let minX = Infinity;
  let minY = Infinity;
  for (const box of boxes.values()) {
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
  }
  for (const route of routes.values()) {
    for (const p of route) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
    }
  }
  const dx = Number.isFinite(minX) ? margin - minX : 0;
  const dy = Number.isFinite(minY) ? margin - minY : 0;
  for (const box of boxes.values()) {
    box.x += dx;
    box.y += dy;
  }
  for (const route of routes.values()) {
    for (const p of route) {
      p.x += dx;
      p.y += dy;
    }
  }
  return { boxes, routes };
}

/** Removes bend points that lie on the straight line through their neighbours: they change nothing drawn. */
function dropCollinear(points: Point[]): Point[] {
  if (points.length < 3) return points;
  const out: Point[] = [points[0] as Point];
  for (let i = 1; i < points.length - 1; i++) {
    const a = out[out.length - 1] as Point;
    const b = points[i] as Point;
    const c = points[i + 1] as Point;
    const cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    if (Math.abs(cross) > 1e-9) out.push(b);
  }
  out.push(points[points.length - 1] as Point);
  return out;
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
