/**
 * What `parallelSystems` and the parallel lint rule share: the parallel groups of a scope (TOSI systems in use of
 * two or more products per service), how two systems are linked (directly, through a platform, or not), and the
 * gaps of a group counted without visiting every pair, so that a group of thousands of systems costs in proportion
 * to its systems and integrations, not to the square of its size. Internal: not exported from the package.
 */
import type { Model } from '../model/model.js';
import type { Integration, System } from '../types.js';
import { integrationPositions, scopeOf } from './integration-index.js';
import { compareStrings, productFact, servicesOf, sortedUnique, type ProductFact } from './facts.js';

const IN_USE = new Set(['production', 'phasingOut']);
const NONE: readonly string[] = Object.freeze([]);
const NONE_POSITIONS: readonly number[] = Object.freeze([]);

/** One parallel group before its pairs are looked at. */
export interface ParallelGroupCore {
  readonly service: string;
  /** The systems, sorted by id. */
  readonly systems: readonly string[];
  /** The product key of each system, in the order of `systems`. */
  readonly productKeys: readonly string[];
  /** Each product key with its fact and systems, sorted by key. */
  readonly products: readonly { readonly key: string; readonly fact: ProductFact; readonly systems: string[] }[];
}

/** The services of a scope with TOSI systems in use of two or more products, sorted by service id. */
export function parallelGroupsOf(model: Model, scopeId: string | undefined): ParallelGroupCore[] {
  const scope = scopeOf(model, scopeId);
  const byService = new Map<string, string[]>();
  const facts = new Map<string, ProductFact>();
  for (const id of scope.systems) {
    const system = model.system(id) as System;
    if (system.class !== 'TOSI' || !IN_USE.has(system.lifecycle)) continue;
    facts.set(id, productFact(model, system));
    for (const service of servicesOf(model, id)) {
      const list = byService.get(service);
      if (list) list.push(id);
      else byService.set(service, [id]);
    }
  }
  const groups: ParallelGroupCore[] = [];
  for (const service of [...byService.keys()].sort(compareStrings)) {
    const systems = (byService.get(service) as string[]).sort(compareStrings);
    const byProduct = new Map<string, { key: string; fact: ProductFact; systems: string[] }>();
    const productKeys = systems.map((id) => {
      const fact = facts.get(id) as ProductFact;
      const entry = byProduct.get(fact.key);
      if (entry) entry.systems.push(id);
      else byProduct.set(fact.key, { key: fact.key, fact, systems: [id] });
      return fact.key;
    });
    if (byProduct.size < 2) continue;
    const products = [...byProduct.values()].sort((a, b) => compareStrings(a.key, b.key));
    groups.push({ service, systems, productKeys, products });
  }
  return groups;
}

/** How two systems of a pair are linked, with the integrations and platforms that make it so. */
export interface PairLink {
  readonly status: 'direct' | 'platform' | 'none';
  readonly integrations: readonly string[];
  readonly platforms: readonly string[];
  readonly ignored: readonly string[];
}

/** A system's integrations, sorted out once: by the other end, and the live platforms it is integrated with. */
interface SystemLinks {
  /** For each other end, the integrations between the two. */
  readonly between: Map<string, Integration[]>;
  /** Each live platform at the other end of one of its integrations, with those integrations. */
  readonly hubs: Map<string, string[]>;
}

/** Integrations between systems and with platforms, indexed once per query, each system on first use. */
export class ParallelLinks {
  readonly #model: Model;
  readonly #of = new Map<string, SystemLinks>();
  readonly #live = new Map<string, boolean>();

  constructor(model: Model) {
    this.#model = model;
  }

  #livePlatform(id: string): boolean {
    let live = this.#live.get(id);
    if (live === undefined) {
      const system = this.#model.system(id);
      live = system?.platform === true && system.lifecycle !== 'retired';
      this.#live.set(id, live);
    }
    return live;
  }

  #links(id: string): SystemLinks {
    let found = this.#of.get(id);
    if (found) return found;
    const between = new Map<string, Integration[]>();
    const hubs = new Map<string, string[]>();
    const all = this.#model.integrations();
    for (const position of integrationPositions(this.#model).get(id) ?? NONE_POSITIONS) {
      const integration = all[position] as Integration;
      // The index also holds the integrations this system carries as a platform; only its own count here.
      if (integration.source !== id && integration.target !== id) continue;
      const other = integration.source === id ? integration.target : integration.source;
      const list = between.get(other);
      if (list) list.push(integration);
      else between.set(other, [integration]);
      if (other === id || !this.#livePlatform(other)) continue;
      const via = hubs.get(other);
      if (via) via.push(integration.id);
      else hubs.set(other, [integration.id]);
    }
    found = { between, hubs };
    this.#of.set(id, found);
    return found;
  }

  /** The live platforms a system is integrated with. */
  hubsOf(id: string): ReadonlyMap<string, readonly string[]> {
    return this.#links(id).hubs;
  }

  /**
   * True when data flows between the two without a shared platform: an integration between them not through a
   * platform, or through a live one.
   */
  linkedByIntegration(a: string, b: string): boolean {
    const between = this.#links(a).between.get(b);
    if (!between) return false;
    return between.some((i) => i.via === undefined || this.#livePlatform(i.via));
  }

  /** True when an integration between the two runs not through a platform: the pair's status is `direct`. */
  linkedDirectly(a: string, b: string): boolean {
    const between = this.#links(a).between.get(b);
    return between !== undefined && between.some((i) => i.via === undefined);
  }

  /** The other ends of a system's integrations. */
  partners(id: string): IterableIterator<string> {
    return this.#links(id).between.keys();
  }

  /** The status of a pair, with what makes it. */
  pair(a: string, b: string): PairLink {
    const between = this.#links(a).between.get(b) ?? [];
    const direct = between.filter((i) => i.via === undefined).map((i) => i.id);
    if (direct.length > 0)
      return { status: 'direct', integrations: direct.sort(compareStrings), platforms: NONE, ignored: NONE };
    let ignored: string[] | undefined;
    let integrations: Set<string> | undefined;
    let platforms: Set<string> | undefined;
    for (const integration of between) {
      const via = integration.via as string;
      if (!this.#livePlatform(via)) {
        (ignored ??= []).push(integration.id);
        continue;
      }
      (integrations ??= new Set()).add(integration.id);
      (platforms ??= new Set()).add(via);
    }
    const hubsA = this.#links(a).hubs;
    const hubsB = this.#links(b).hubs;
    const [small, large] = hubsA.size <= hubsB.size ? [hubsA, hubsB] : [hubsB, hubsA];
    for (const platform of small.keys()) {
      if (!large.has(platform) || platform === a || platform === b) continue;
      (platforms ??= new Set()).add(platform);
      integrations ??= new Set();
      for (const id of hubsA.get(platform) as string[]) integrations.add(id);
      for (const id of hubsB.get(platform) as string[]) integrations.add(id);
    }
    const ignoredIds = ignored ? ignored.sort(compareStrings) : NONE;
    if (platforms)
      return {
        status: 'platform',
        integrations: sortedUnique(integrations as Set<string>),
        platforms: sortedUnique(platforms),
        ignored: ignoredIds,
      };
    return { status: 'none', integrations: NONE, platforms: NONE, ignored: ignoredIds };
  }

  /** True when the pair's status is `none`: no integration between them counts and they share no live platform. */
  isGap(a: string, b: string): boolean {
    if (this.linkedByIntegration(a, b)) return false;
    const hubsA = this.#links(a).hubs;
    const hubsB = this.#links(b).hubs;
    const [small, large] = hubsA.size <= hubsB.size ? [hubsA, hubsB] : [hubsB, hubsA];
    for (const platform of small.keys()) if (large.has(platform)) return false;
    return true;
  }
}

/** The gaps of one group: how many, how many each system has, and the first ones in order of their ids. */
export interface GapSummary {
  /** Pairs of systems of different products with status `none`. */
  readonly total: number;
  /** For each system of the group (in its order), how many gaps it is in. */
  readonly perSystem: readonly number[];
  /** The first gaps in order of their ids (the pairs `parallelSystems` lists with status `none`), at most `limit`. */
  readonly first: readonly (readonly [string, string])[];
}

/** Subsets of more hubs than this are not listed; a system with more is paired with every other one by one. */
const MAX_SUBSET_HUBS = 6;

/**
 * Counts a group's gaps without visiting every pair. Two systems of different products are linked when an
 * integration between them counts or they share a live platform. Sharing is counted by inclusion and exclusion
 * over the subsets of each system's platforms (`count[S]` systems have every platform of `S`), integrations one by
 * one, and the few systems integrated with very many platforms pair by pair. Then, knowing how many gaps each
 * system has with the systems after it, only those pairs are looked at to list the first `limit` gaps: the cost
 * grows with the group's systems, integrations and `limit`, not with the square of the group.
 */
export function gapSummary(links: ParallelLinks, group: ParallelGroupCore, limit: number): GapSummary {
  const { systems, productKeys } = group;
  const n = systems.length;
  const position = new Map<string, number>();
  systems.forEach((id, i) => position.set(id, i));
  const hubIndex = new Map<string, number>();
  const hubs: number[][] = systems.map((id) =>
    [...links.hubsOf(id).keys()]
      .map((hub) => {
        let index = hubIndex.get(hub);
        if (index === undefined) hubIndex.set(hub, (index = hubIndex.size));
        return index;
      })
      .sort((a, b) => a - b),
  );
  const heavy = (i: number): boolean => (hubs[i] as number[]).length > MAX_SUBSET_HUBS;
  const shareHub = (i: number, j: number): boolean => {
    const a = hubs[i] as number[];
    const b = hubs[j] as number[];
    let x = 0;
    let y = 0;
    while (x < a.length && y < b.length) {
      const d = (a[x] as number) - (b[y] as number);
      if (d === 0) return true;
      if (d < 0) x++;
      else y++;
    }
    return false;
  };
  const differ = (i: number, j: number): boolean => productKeys[i] !== productKeys[j];
  const subsets = (i: number): { key: string; sign: number }[] => {
    const own = hubs[i] as number[];
    const out: { key: string; sign: number }[] = [];
    for (let mask = 1; mask < 1 << own.length; mask++) {
      const members: number[] = [];
      for (let bit = 0; bit < own.length; bit++) if (mask & (1 << bit)) members.push(own[bit] as number);
      out.push({ key: members.join(','), sign: members.length % 2 === 1 ? 1 : -1 });
    }
    return out;
  };
  const perProduct = new Map<string, number>();
  for (const key of productKeys) perProduct.set(key, (perProduct.get(key) ?? 0) + 1);

  // Linked pairs of different products counted per system, all of them (`linked`) and those with a later system
  // (`linkedAfter`): light systems' shared platforms by inclusion and exclusion over counters filled from the end,
  // pairs with a heavy system and pairs linked only by an integration one by one.
  const linked = new Array<number>(n).fill(0);
  const linkedAfter = new Array<number>(n).fill(0);
  const count = new Map<string, number>();
  const countOfProduct = new Map<string, number>();
  const sharedWith = (i: number): number => {
    let total = 0;
    for (const { key, sign } of subsets(i))
      total += sign * ((count.get(key) ?? 0) - (countOfProduct.get(`${productKeys[i]}\u0000${key}`) ?? 0));
    return total;
  };
  const register = (i: number): void => {
    for (const { key } of subsets(i)) {
      count.set(key, (count.get(key) ?? 0) + 1);
      const productKey = `${productKeys[i]}\u0000${key}`;
      countOfProduct.set(productKey, (countOfProduct.get(productKey) ?? 0) + 1);
    }
  };
  const light: number[] = [];
  const heavyOnes: number[] = [];
  for (let i = 0; i < n; i++) (heavy(i) ? heavyOnes : light).push(i);
  for (let k = light.length - 1; k >= 0; k--) {
    const i = light[k] as number;
    linkedAfter[i] = (linkedAfter[i] as number) + sharedWith(i);
    register(i);
  }
  for (const i of light) linked[i] = (linked[i] as number) + sharedWith(i);
  for (const h of heavyOnes) {
    for (let j = 0; j < n; j++) {
      if (j === h || !differ(h, j) || (heavy(j) && j < h)) continue;
      if (!shareHub(h, j) && !links.linkedByIntegration(systems[h] as string, systems[j] as string)) continue;
      (linked[h] as number)++;
      (linked[j] as number)++;
      (linkedAfter[Math.min(h, j)] as number)++;
    }
  }
  for (const i of light) {
    const a = systems[i] as string;
    for (const b of links.partners(a)) {
      const j = position.get(b);
      if (j === undefined || j === i || heavy(j) || !differ(i, j) || shareHub(i, j)) continue;
      if (!links.linkedByIntegration(a, b)) continue;
      (linked[i] as number)++;
      if (j > i) (linkedAfter[i] as number)++;
    }
  }

  const perSystem = systems.map(
    (_, i) => n - (perProduct.get(productKeys[i] as string) as number) - (linked[i] as number),
  );
  let total = 0;
  for (const gaps of perSystem) total += gaps;
  total /= 2;

  // Later systems of another product, minus the linked ones: the gaps each system opens.
  const laterOfOther = new Array<number>(n);
  const seenOfProduct = new Map<string, number>();
  for (let i = n - 1; i >= 0; i--) {
    const key = productKeys[i] as string;
    const same = seenOfProduct.get(key) ?? 0;
    laterOfOther[i] = n - 1 - i - same;
    seenOfProduct.set(key, same + 1);
  }
  const first: [string, string][] = [];
  for (let i = 0; i < n && first.length < limit; i++) {
    let open = (laterOfOther[i] as number) - (linkedAfter[i] as number);
    for (let j = i + 1; j < n && open > 0 && first.length < limit; j++) {
      if (!differ(i, j) || !links.isGap(systems[i] as string, systems[j] as string)) continue;
      first.push([systems[i] as string, systems[j] as string]);
      open--;
    }
  }
  return { total, perSystem, first };
}

/** How many of a group's pairs of systems of different products have each status, in all and per system. */
export interface StatusSummary {
  readonly direct: number;
  readonly platform: number;
  readonly none: number;
  /** For each system of the group (in its order), its pairs by status. */
  readonly perSystem: readonly { readonly direct: number; readonly platform: number; readonly none: number }[];
}

/**
 * Counts a group's pairs by status without visiting every pair: `none` from the gaps' summary, `direct` from each
 * system's integrations, and `platform` as the rest of the pairs of different products.
 */
export function statusSummary(links: ParallelLinks, group: ParallelGroupCore, gaps: GapSummary): StatusSummary {
  const { systems, productKeys } = group;
  const n = systems.length;
  const position = new Map<string, number>();
  systems.forEach((id, i) => position.set(id, i));
  const perProduct = new Map<string, number>();
  for (const key of productKeys) perProduct.set(key, (perProduct.get(key) ?? 0) + 1);
  let direct = 0;
  let platform = 0;
  const perSystem = systems.map((a, i) => {
    let own = 0;
    for (const b of links.partners(a)) {
      const j = position.get(b);
      if (j === undefined || j === i || productKeys[j] === productKeys[i]) continue;
      if (links.linkedDirectly(a, b)) own++;
    }
    const none = gaps.perSystem[i] as number;
    const others = n - (perProduct.get(productKeys[i] as string) as number);
    direct += own;
    platform += others - own - none;
    return { direct: own, platform: others - own - none, none };
  });
  return { direct: direct / 2, platform: platform / 2, none: gaps.total, perSystem };
}
