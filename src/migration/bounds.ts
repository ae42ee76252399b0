/**
 * A lower bound of the bridge weight of any placement that keeps the hard rules:
 *
 * - two integrated steps one of which must come before the other (through any chain of hard links) are always
 *   in different waves, so their integrations are always bridges;
 * - when `missed` (the missed deadlines of a plan at hand) is only the deadlines no plan can meet, every optimal
 *   plan meets all the others: two integrated steps whose deadline windows do not overlap are in different
 *   waves;
 * - the rest of the integrations form a graph; take a maximum-weight spanning forest of it. In any plan, the
 *   integrations of the forest that are not bridges cut it into connected pieces, each inside one wave, so of
 *   at most `capacity` steps: the bridges weigh at least the least weight of forest edges whose removal leaves
 *   pieces of at most `capacity` steps, which a dynamic programme over each tree finds exactly.
 *
 * Reachability uses one bit set per step; when that would be too costly (very large plans) only direct links are
 * used, which still gives a valid, weaker bound.
 */
import type { Problem } from './problem.js';
import { deadlineWindows } from './windows.js';

/** Bit-set work allowed for reachability (words OR-ed). */
const REACH_BUDGET = 50_000_000;

export function bridgeLowerBound(problem: Problem, missed?: number): number {
  const { n } = problem;
  const words = Math.ceil(n / 32);
  let links = 0;
  for (const s of problem.succs) links += s.length;
  let isForced: (i: number, j: number) => boolean;
  if (links * words <= REACH_BUDGET && n * words <= REACH_BUDGET / 4) {
    const reach = reachability(problem, words);
    const has = (i: number, j: number): boolean => (((reach[i * words + (j >>> 5)] as number) >>> (j & 31)) & 1) === 1;
    isForced = (i, j) => has(i, j) || has(j, i);
  } else {
    const direct = new Set<number>();
    problem.succs.forEach((list, i) => {
      for (const s of list) direct.add(i * n + s);
    });
    isForced = (i, j) => direct.has(i * n + j) || direct.has(j * n + i);
  }

  let windows: { earliest: readonly number[]; latest: readonly number[] } | undefined;
  if (missed !== undefined) {
    const found = deadlineWindows(problem);
    if (found.forced.size === missed) windows = found;
  }
  const disjoint = (i: number, j: number): boolean =>
    windows !== undefined &&
    ((windows.latest[i] as number) < (windows.earliest[j] as number) ||
      (windows.latest[j] as number) < (windows.earliest[i] as number));

  let bound = 0;
  const free: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (const [j, weight] of problem.neighbours[i] ?? []) {
      if (j <= i) continue;
      if (isForced(i, j) || disjoint(i, j)) bound += weight;
      else free.push([i, j, weight]);
    }
  }
  return bound + forestBound(n, free, problem.capacity);
}

/**
 * The least weight of edges of a maximum spanning forest of `edges` whose removal leaves pieces of at most
 * `capacity` vertices.
 */
function forestBound(n: number, edges: readonly (readonly [number, number, number])[], capacity: number): number {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) {
      const up = parent[x] as number;
      parent[x] = root;
      x = up;
    }
    return root;
  };
  const sorted = [...edges].sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const adjacency: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [i, j, w] of sorted) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    parent[a] = b;
    adjacency[i]?.push([j, w]);
    adjacency[j]?.push([i, w]);
  }
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
  let total = 0;
  const done = new Uint8Array(n);
  for (let root = 0; root < n; root++) {
    if (done[root] || (size.get(find(root)) ?? 0) <= capacity) continue;
    total += treeBound(root, adjacency, capacity, done);
  }
  return total;
}

/** Dynamic programme over one tree: best[s] = least cut weight below v with v's piece of s vertices. */
function treeBound(
  root: number,
  adjacency: readonly (readonly [number, number][])[],
  capacity: number,
  done: Uint8Array,
): number {
  // An explicit post-order, so that a long path does not overflow the stack.
  const order: number[] = [];
  const up = new Map<number, [number, number]>();
  const stack = [root];
  done[root] = 1;
  while (stack.length > 0) {
    const v = stack.pop() as number;
    order.push(v);
    for (const [u, w] of adjacency[v] ?? []) {
      if (done[u]) continue;
      done[u] = 1;
      up.set(u, [v, w]);
      stack.push(u);
    }
  }
  const table = new Map<number, Float64Array>();
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] as number;
    let best = new Float64Array(capacity + 1).fill(Number.POSITIVE_INFINITY);
    best[1] = 0;
    for (const [u, w] of adjacency[v] ?? []) {
      if (up.get(u)?.[0] !== v) continue;
      const child = table.get(u) as Float64Array;
      table.delete(u);
      let cut = Number.POSITIVE_INFINITY;
      for (let s = 1; s <= capacity; s++) cut = Math.min(cut, child[s] as number);
      const next = new Float64Array(capacity + 1).fill(Number.POSITIVE_INFINITY);
      for (let s = 1; s <= capacity; s++) {
        const here = best[s] as number;
        if (here === Number.POSITIVE_INFINITY) continue;
        next[s] = Math.min(next[s] as number, here + w + cut);
        for (let t = 1; s + t <= capacity; t++)
          next[s + t] = Math.min(next[s + t] as number, here + (child[t] as number));
      }
      best = next;
    }
    table.set(v, best);
  }
  const top = table.get(root) as Float64Array;
  let answer = Number.POSITIVE_INFINITY;
  for (let s = 1; s <= capacity; s++) answer = Math.min(answer, top[s] as number);
  return answer;
}

/** Row i: the steps reachable from i over hard links. */
function reachability(problem: Problem, words: number): Uint32Array {
  const reach = new Uint32Array(problem.n * words);
  for (let k = problem.topo.length - 1; k >= 0; k--) {
    const i = problem.topo[k] as number;
    const row = i * words;
    for (const s of problem.succs[i] ?? []) {
      reach[row + (s >>> 5)] = (reach[row + (s >>> 5)] as number) | (1 << (s & 31));
      const other = s * words;
      for (let w = 0; w < words; w++) reach[row + w] = (reach[row + w] as number) | (reach[other + w] as number);
    }
  }
  return reach;
}
