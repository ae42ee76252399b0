/**
 * The numeric form of a planning problem that the solvers work on. Steps are numbered in tie-break order: TORI
 * steps by id, then TOSI steps by id, so "TORI before TOSI, then step id" is simply "smaller numbers earlier".
 */
import { compareStrings } from '../queries/facts.js';
import type { CycleLink, HardRule } from './errors.js';
import { MigrationCycleError } from './errors.js';
import type { HardConstraint } from './rules.js';

/** No deadline: any wave will do. */
export const NO_DEADLINE = Number.POSITIVE_INFINITY;

export interface Problem {
  readonly n: number;
  /** Step ids by number. */
  readonly ids: readonly string[];
  /** Direct hard predecessors and successors, by number, sorted. */
  readonly preds: readonly (readonly number[])[];
  readonly succs: readonly (readonly number[])[];
  /** A topological order of the hard links (Kahn's algorithm, smallest number first). */
  readonly topo: readonly number[];
  /** Earliest wave allowed by `notBefore` (1 when none). */
  readonly minWave: readonly number[];
  /** Latest wave that meets the deadline (`NO_DEADLINE` when none; 0 when no wave can). */
  readonly maxWave: readonly number[];
  /** Steps per wave at most. */
  readonly capacity: number;
  /** Integration weight between two steps' systems, both ways: neighbours[i] = [j, weight][]. */
  readonly neighbours: readonly (readonly (readonly [number, number])[])[];
}

export interface ProblemInput {
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  readonly constraints: readonly HardConstraint[];
  readonly minWave: ReadonlyMap<string, number>;
  readonly maxWave: ReadonlyMap<string, number>;
  readonly capacity: number;
  /** Pairs of step ids with the summed weight of the integrations between their systems. */
  readonly weights: readonly (readonly [string, string, number])[];
}

/**
 * Numbers the steps, builds the precedence graph and checks it for cycles.
 *
 * @throws MigrationCycleError when the hard links form a cycle.
 */
export function buildProblem(input: ProblemInput): Problem {
  const order = input.ids.map((id, k) => ({ id, tori: input.classes[k] === 'TORI' }));
  order.sort((a, b) => Number(b.tori) - Number(a.tori) || compareStrings(a.id, b.id));
  const ids = order.map((o) => o.id);
  const n = ids.length;
  const number = new Map<string, number>();
  ids.forEach((id, k) => number.set(id, k));
  const num = (id: string): number => number.get(id) as number;

  const predSets: Set<number>[] = ids.map(() => new Set<number>());
  const succSets: Set<number>[] = ids.map(() => new Set<number>());
  for (const link of input.constraints) {
    const a = num(link.before);
    const b = num(link.after);
    predSets[b]?.add(a);
    succSets[a]?.add(b);
  }
  const sortNumbers = (set: Set<number>): number[] => [...set].sort((x, y) => x - y);
  const preds = predSets.map(sortNumbers);
  const succs = succSets.map(sortNumbers);
  const topo = topologicalOrder(n, preds, succs);
  if (topo.length < n) throw cycleError(ids, preds, topo, input.constraints);

  const neighbourLists: [number, number][][] = ids.map(() => []);
  for (const [a, b, weight] of input.weights) {
    const i = num(a);
    const j = num(b);
    neighbourLists[i]?.push([j, weight]);
    neighbourLists[j]?.push([i, weight]);
  }
  for (const list of neighbourLists) list.sort((x, y) => x[0] - y[0]);

  return {
    n,
    ids,
    preds,
    succs,
    topo,
    minWave: ids.map((id) => input.minWave.get(id) ?? 1),
    maxWave: ids.map((id) => input.maxWave.get(id) ?? NO_DEADLINE),
    capacity: input.capacity,
    neighbours: neighbourLists,
  };
}

/** Kahn's algorithm taking the smallest ready number first; shorter than n when there is a cycle. */
function topologicalOrder(
  n: number,
  preds: readonly (readonly number[])[],
  succs: readonly (readonly number[])[],
): number[] {
  const indegree = preds.map((p) => p.length);
  const heap = new MinHeap();
  for (let i = 0; i < n; i++) if (indegree[i] === 0) heap.push(i, i);
  const out: number[] = [];
  while (heap.size > 0) {
    const i = heap.pop();
    out.push(i);
    for (const j of succs[i] ?? []) {
      const d = (indegree[j] as number) - 1;
      indegree[j] = d;
      if (d === 0) heap.push(j, j);
    }
  }
  return out;
}

/**
 * One cycle among the steps Kahn's algorithm could not order. Every such step has a predecessor among them, so
 * walking predecessors (the smallest id each time) must come back to a step already seen.
 */
function cycleError(
  ids: readonly string[],
  preds: readonly (readonly number[])[],
  ordered: readonly number[],
  constraints: readonly HardConstraint[],
): MigrationCycleError {
  const done = new Set(ordered);
  const left = ids.map((_, i) => i).filter((i) => !done.has(i));
  const byId = (a: number, b: number): number => compareStrings(ids[a] as string, ids[b] as string);
  left.sort(byId);
  let current = left[0] as number;
  const position = new Map<number, number>();
  const walk: number[] = [];
  while (!position.has(current)) {
    position.set(current, walk.length);
    walk.push(current);
    const candidates = (preds[current] ?? []).filter((p) => !done.has(p)).sort(byId);
    current = candidates[0] as number;
  }
  // walk[k] has walk[k+1] as a predecessor: reversed, the loop runs forward in time.
  const loop = walk.slice(position.get(current)).reverse();
  const start = loop.reduce((best, step, k) => (byId(step, loop[best] as number) < 0 ? k : best), 0);
  const cycle = [...loop.slice(start), ...loop.slice(0, start)].map((i) => ids[i] as string);
  const rank: Record<HardRule, number> = { after: 0, ready: 1, 'in-use': 2 };
  const links: CycleLink[] = cycle.map((before, k) => {
    const after = cycle[(k + 1) % cycle.length] as string;
    const rules = constraints.filter((c) => c.before === before && c.after === after).map((c) => c.rule);
    rules.sort((a, b) => rank[a] - rank[b]);
    return { before, after, rule: rules[0] ?? 'after' };
  });
  return new MigrationCycleError(cycle, links);
}

/** A binary min-heap of numbers with numeric keys (ties broken by the number). */
export class MinHeap {
  #items: number[] = [];
  #keys: number[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(item: number, key: number): void {
    const items = this.#items;
    const keys = this.#keys;
    let k = items.length;
    items.push(item);
    keys.push(key);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.#less(k, parent)) break;
      this.#swap(k, parent);
      k = parent;
    }
  }

  peekKey(): number {
    return this.#keys[0] as number;
  }

  pop(): number {
    const items = this.#items;
    const keys = this.#keys;
    const top = items[0] as number;
    const lastItem = items.pop() as number;
    const lastKey = keys.pop() as number;
    if (items.length > 0) {
      items[0] = lastItem;
      keys[0] = lastKey;
      let k = 0;
      for (;;) {
        const left = 2 * k + 1;
        const right = left + 1;
        let best = k;
        if (left < items.length && this.#less(left, best)) best = left;
        if (right < items.length && this.#less(right, best)) best = right;
        if (best === k) break;
        this.#swap(k, best);
        k = best;
      }
    }
    return top;
  }

  #less(a: number, b: number): boolean {
    const ka = this.#keys[a] as number;
    const kb = this.#keys[b] as number;
    return ka < kb || (ka === kb && (this.#items[a] as number) < (this.#items[b] as number));
  }

  #swap(a: number, b: number): void {
    const items = this.#items;
    const keys = this.#keys;
    [items[a], items[b]] = [items[b] as number, items[a] as number];
    [keys[a], keys[b]] = [keys[b] as number, keys[a] as number];
  }
}
