/**
 * A lower bound of the bridge weight of any placement that keeps the hard rules:
 *
 * - two integrated steps one of which must come before the other (through any chain of hard links) are always
 *   in different waves, so their integrations are always bridges;
 * - among the remaining integrations, a connected group of steps larger than the capacity cannot share one
 *   wave, so at least one of its integrations is a bridge: its lightest one.
 *
 * Reachability uses one bit set per step; when that would be too costly (very large plans) only direct links are
 * used, which still gives a valid, weaker bound.
 */
import type { Problem } from './problem.js';

/** Bit-set work allowed for reachability (words OR-ed). */
const REACH_BUDGET = 50_000_000;

export function bridgeLowerBound(problem: Problem): number {
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

  let bound = 0;
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
  const lightest = new Map<number, number>();
  const free: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (const [j, weight] of problem.neighbours[i] ?? []) {
      if (j <= i) continue;
      if (isForced(i, j)) bound += weight;
      else free.push([i, j, weight]);
    }
  }
  for (const [i, j] of free) parent[find(i)] = find(j);
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
  for (const [i, , weight] of free) {
    const root = find(i);
    lightest.set(root, Math.min(lightest.get(root) ?? Number.POSITIVE_INFINITY, weight));
  }
  for (const [root, weight] of lightest) if ((size.get(root) ?? 0) > problem.capacity) bound += weight;
  return bound;
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
