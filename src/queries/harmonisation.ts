/**
 * Harmonisation candidates: what could become one. Same product installed more than once in a scope, and TORI
 * services supported by systems of more than one product.
 */
import type { Model } from '../model/model.js';
import type { Integration, Lifecycle, System } from '../types.js';
import type { EntityName } from '../names.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { integrationPositions, scopeOf } from './integration-index.js';
import {
  compareStrings,
  displayName,
  namesOf,
  productFact,
  servicesOf,
  sortedUnique,
  type ProductFact,
  type UsersSource,
} from './facts.js';

/**
 * Options of {@link harmonisationCandidates}.
 *
 * @example
 * ```ts
 * import type { HarmonisationOptions } from 'kartta';
 * const options: HarmonisationOptions = { scope: 'pop', includeRetired: false };
 * ```
 *
 * @category Queries
 */
export interface HarmonisationOptions {
  /** Organisation whose members (transitively) and their systems are in scope; without it, the whole model. */
  readonly scope?: string | undefined;
  /** Count retired installations too (default false). They are never chosen to keep while one in use exists. */
  readonly includeRetired?: boolean | undefined;
}

/**
 * What a candidate knows about one installation: what the choice of `keep` was made on, and its cost.
 *
 * @example
 * ```ts
 * import type { InstallationFacts } from 'kartta';
 * const facts: InstallationFacts = {
 *   system: 'pro-oulu', name: 'ProConsona (Oulu)', product: 'proconsona', lifecycle: 'production',
 *   users: 900, usersFrom: 'system', integrations: 4, contractEnds: '2021-12-31', annualCost: 120000,
 *   organisations: ['oulu'], services: ['social-work'],
 * };
 * ```
 *
 * @category Queries
 */
export interface InstallationFacts {
  /** The id of the installation (a system). */
  readonly system: string;
  /** The system's display name. */
  readonly name: string;
  /** The product key (see {@link HarmonisationCandidate}). */
  readonly product: string;
  /** The system's lifecycle; a `retired` one is only listed with `includeRetired`. */
  readonly lifecycle: Lifecycle;
  /** The system's `users`, else the sum of `users` on `uses` relations from organisations in scope, else 0. */
  readonly users: number;
  /** Where `users` came from: the system's own field, its `uses` relations, or nowhere (`none`, counted as 0). */
  readonly usersFrom: UsersSource;
  /** How many integrations start, end or (for a platform) run through it. */
  readonly integrations: number;
  /** The last day of the system's contract (`YYYY-MM-DD`), or `null` when the model does not say. */
  readonly contractEnds: string | null;
  /**
   * What the installation costs a year in euros, or `null` when the model does not say (it then adds nothing to
   * savings).
   */
  readonly annualCost: number | null;
  /** Organisations in scope that own or use it. */
  readonly organisations: readonly string[];
  /** Services it supports. */
  readonly services: readonly string[];
}

/**
 * The rules that choose the installation to keep, in order: in use before retired, most users, most
 * integrations, latest contract end, smallest id.
 *
 * @example
 * ```ts
 * import type { KeepRule } from 'kartta';
 * const rule: KeepRule = 'contractEnds';
 * ```
 *
 * @category Queries
 */
export type KeepRule = 'inUse' | 'users' | 'integrations' | 'contractEnds' | 'id';

/**
 * The rules that choose the product to keep for a service, in order: a named product before a system without
 * product, most users, most installations, smallest product key.
 *
 * @example
 * ```ts
 * import type { KeepProductRule } from 'kartta';
 * const rule: KeepProductRule = 'installations';
 * ```
 *
 * @category Queries
 */
export type KeepProductRule = 'known' | 'users' | 'installations' | 'product';

/**
 * Why a candidate is one, and why its choice was made: plain data with a stable `code`, and a sentence.
 *
 * - `product.shared`: the installations share one normalised product.
 * - `service.shared`: TORI systems of several products support one service.
 * - `keep.system` / `keep.product`: the first rule that separated the chosen installation (or product) from the
 *   runner-up, with both values.
 * - `savings`: which installations' costs were added up, and which are unknown.
 *
 * @example
 * ```ts
 * import type { HarmonisationReason } from 'kartta';
 * const reason: HarmonisationReason = {
 *   code: 'keep.system', rule: 'users', keep: 'a', runnerUp: 'b', keepValue: 900, runnerUpValue: 300,
 *   message: "keep 'a': more users (900) than 'b' (300)",
 * };
 * ```
 *
 * @category Queries
 */
export type HarmonisationReason =
  | {
      /** The installations share one normalised product. */
      readonly code: 'product.shared';
      /** The product key they share. */
      readonly product: string;
      /** The installations, sorted by id. */
      readonly systems: readonly string[];
      /** The same in words, with names next to ids. */
      readonly message: string;
    }
  | {
      /** TORI systems of several products support one service. */
      readonly code: 'service.shared';
      /** The id of the service. */
      readonly service: string;
      /** The product keys, sorted. */
      readonly products: readonly string[];
      /** The systems, sorted by id. */
      readonly systems: readonly string[];
      /** The same in words, with names next to ids. */
      readonly message: string;
    }
  | {
      /** Why this installation is the one to keep. */
      readonly code: 'keep.system';
      /** The first rule that separated it from the runner-up. */
      readonly rule: KeepRule;
      /** The id of the installation to keep. */
      readonly keep: string;
      /** The id of the installation that came second. */
      readonly runnerUp: string;
      /** The kept installation's value under `rule` (users, integrations, contract end, ...). */
      readonly keepValue: string | number | boolean | null;
      /** The runner-up's value under `rule`. */
      readonly runnerUpValue: string | number | boolean | null;
      /** The same in words, with names next to ids. */
      readonly message: string;
    }
  | {
      /** Why this product is the one to converge on. */
      readonly code: 'keep.product';
      /** The first rule that separated it from the runner-up. */
      readonly rule: KeepProductRule;
      /** The product key to keep. */
      readonly keep: string;
      /** The product key that came second. */
      readonly runnerUp: string;
      /** The kept product's value under `rule`. */
      readonly keepValue: string | number | boolean;
      /** The runner-up's value under `rule`. */
      readonly runnerUpValue: string | number | boolean;
      /** The same in words, with names next to ids. */
      readonly message: string;
    }
  | {
      /** How the savings were added up. */
      readonly code: 'savings.total';
      /** The savings in euros a year, or `null` when no cost is known. */
      readonly amount: number | null;
      /** The installations given up whose `annualCost` is known and counted, sorted. */
      readonly known: readonly string[];
      /** The installations given up whose cost the model does not give, sorted. */
      readonly unknown: readonly string[];
      /** The same in words, with names next to ids. */
      readonly message: string;
    };

/**
 * A product in a same-service candidate, with what its rank was decided on.
 *
 * @example
 * ```ts
 * import type { ProductGroup } from 'kartta';
 * const group: ProductGroup = { product: 'sap', name: 'SAP', catalogue: true, known: true, systems: ['sap-pop'], users: 1200, installations: 1 };
 * ```
 *
 * @category Queries
 */
export interface ProductGroup {
  /** The product key: catalogue id, normalised name, or `system:<id>` for a system that names no product. */
  readonly product: string;
  /** The catalogue name, the product as a system wrote it, or the system's name for a system without product. */
  readonly name: string;
  /** True when the product is in the model's product catalogue. */
  readonly catalogue: boolean;
  /** False for a system without product (it stands for a product of its own). */
  readonly known: boolean;
  /** Its installations in the candidate, sorted by id. */
  readonly systems: readonly string[];
  /** Sum of the installations' users. */
  readonly users: number;
  /** How many installations support the service. */
  readonly installations: number;
}

/**
 * A yearly cost of one system, `null` when the model does not give it.
 *
 * @example
 * ```ts
 * import type { SystemCost } from 'kartta';
 * const cost: SystemCost = { system: 'pro-ii', annualCost: null };
 * ```
 *
 * @category Queries
 */
export interface SystemCost {
  /** The id of the installation given up. */
  readonly system: string;
  /** What it costs a year in euros, or `null` when the model does not say. */
  readonly annualCost: number | null;
}

/** Fields every harmonisation candidate has. */
interface CandidateBase {
  /** Every system of the candidate, sorted by id. */
  readonly systems: readonly string[];
  /**
   * Known yearly cost of the systems that would go (all but `keep`, or all not of `keepProduct`); `null` when
   * none of them has a known `annualCost`.
   */
  readonly savings: number | null;
  /** Systems that would go but whose `annualCost` is unknown, so `savings` leaves them out. Sorted. */
  readonly unknownCosts: readonly string[];
  /** Organisations in scope that own or use any of the systems. Sorted. */
  readonly organisations: readonly string[];
  /** Services any of the systems supports. Sorted. */
  readonly services: readonly string[];
  /** Integrations that start, end or run through any of the systems. Sorted. */
  readonly integrations: readonly string[];
  /** Of those, the integrations joining two of the candidate's systems. Sorted. */
  readonly integrationsBetween: readonly string[];
  /** Each system's yearly cost, sorted by system id. */
  readonly costs: readonly SystemCost[];
  /** The facts behind the choice, in ranking order (the best first). */
  readonly installations: readonly InstallationFacts[];
  /** Why this is a candidate, why this choice, and where the savings come from. */
  readonly reasons: readonly HarmonisationReason[];
  /** The name of every system, organisation and service the candidate lists, sorted by id. */
  readonly names: readonly EntityName[];
}

/**
 * Two or more installations of one product in scope.
 *
 * @example
 * ```ts
 * import type { SameProductCandidate } from 'kartta';
 * function describe(c: SameProductCandidate): string {
 *   return `${c.productName}: keep ${c.keep}, save ${c.savings ?? 'unknown'} EUR a year`;
 * }
 * ```
 *
 * @category Queries
 */
export interface SameProductCandidate extends CandidateBase {
  /** Several installations of one product. */
  readonly kind: 'sameProduct';
  /** The product key: the catalogue id, or the normalised name of a product outside the catalogue. */
  readonly product: string;
  /** The catalogue name, or the product as a system wrote it. */
  readonly productName: string;
  /** The installation to keep. */
  readonly keep: string;
  /** The name of the installation to keep. */
  readonly keepName: string;
}

/**
 * TORI systems of two or more different products supporting one service in scope.
 *
 * @example
 * ```ts
 * import type { SameServiceCandidate } from 'kartta';
 * function describe(c: SameServiceCandidate): string {
 *   return `${c.service}: ${c.products.length} products, converge on ${c.keepProduct}`;
 * }
 * ```
 *
 * @category Queries
 */
export interface SameServiceCandidate extends CandidateBase {
  /** TORI systems of several products for one service. */
  readonly kind: 'sameService';
  /** The id of the service they support. */
  readonly service: string;
  /** The service's name. */
  readonly serviceName: string;
  /** Product keys, sorted. A system without product counts as a product of its own, `system:<id>`. */
  readonly products: readonly string[];
  /**
   * The products' names, in the order of `products`: the catalogue name, the product as written, or for a system
   * without product the system's name (never the internal `system:<id>` key).
   */
  readonly productNames: readonly string[];
  /** The product to converge on. */
  readonly keepProduct: string;
  /** Its name. */
  readonly keepProductName: string;
  /** Each product with what ranked it, the one to keep first. */
  readonly productGroups: readonly ProductGroup[];
}

/**
 * A harmonisation candidate: {@link SameProductCandidate} or {@link SameServiceCandidate}, told apart by `kind`.
 *
 * @example
 * ```ts
 * import type { HarmonisationCandidate } from 'kartta';
 * const label = (c: HarmonisationCandidate) => (c.kind === 'sameProduct' ? c.product : c.service);
 * ```
 *
 * @category Queries
 */
export type HarmonisationCandidate = SameProductCandidate | SameServiceCandidate;

interface Ranked {
  readonly facts: InstallationFacts;
  readonly retired: boolean;
}

type Value = string | number | boolean | null;

interface RankRule<T, R extends string> {
  readonly rule: R;
  readonly value: (x: T) => Value;
  readonly compare: (a: T, b: T) => number;
  readonly explain: (keepValue: Value, runnerUpValue: Value) => string;
}

const KEEP_RULES: readonly RankRule<Ranked, KeepRule>[] = [
  {
    rule: 'inUse',
    value: (r) => !r.retired,
    compare: (a, b) => Number(a.retired) - Number(b.retired),
    explain: () => 'it is in use and the other is retired',
  },
  {
    rule: 'users',
    value: (r) => r.facts.users,
    compare: (a, b) => b.facts.users - a.facts.users,
    explain: (k, r) => `${String(k)} users against ${String(r)}`,
  },
  {
    rule: 'integrations',
    value: (r) => r.facts.integrations,
    compare: (a, b) => b.facts.integrations - a.facts.integrations,
    explain: (k, r) => `users equal; ${String(k)} integrations against ${String(r)}`,
  },
  {
    rule: 'contractEnds',
    value: (r) => r.facts.contractEnds,
    // A known end date beats an unknown one; between known ones the later wins.
    compare: (a, b) => compareNullableDesc(a.facts.contractEnds, b.facts.contractEnds),
    explain: (k, r) =>
      `users and integrations equal; contract ends ${String(k)} against ${r === null ? 'unknown' : String(r)}`,
  },
  {
    rule: 'id',
    value: (r) => r.facts.system,
    compare: (a, b) => compareStrings(a.facts.system, b.facts.system),
    explain: () => 'users, integrations and contract end equal; the smaller id',
  },
];

function compareNullableDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareStrings(b, a);
}

const PRODUCT_RULES: readonly RankRule<ProductGroup, KeepProductRule>[] = [
  {
    rule: 'known',
    value: (g) => g.known,
    compare: (a, b) => Number(b.known) - Number(a.known),
    explain: () => 'a named product against a system without product',
  },
  {
    rule: 'users',
    value: (g) => g.users,
    compare: (a, b) => b.users - a.users,
    explain: (k, r) => `${String(k)} users against ${String(r)}`,
  },
  {
    rule: 'installations',
    value: (g) => g.installations,
    compare: (a, b) => b.installations - a.installations,
    explain: (k, r) => `users equal; ${String(k)} installations against ${String(r)}`,
  },
  {
    rule: 'product',
    value: (g) => g.product,
    compare: (a, b) => compareStrings(a.product, b.product),
    explain: () => 'users and installations equal; the smaller product key',
  },
];

function rankWith<T, R extends string>(items: readonly T[], rules: readonly RankRule<T, R>[]): T[] {
  return [...items].sort((a, b) => {
    for (const { compare } of rules) {
      const c = compare(a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
}

function decidingRule<T, R extends string>(
  first: T,
  second: T,
  rules: readonly RankRule<T, R>[],
): { rule: R; keepValue: Value; runnerUpValue: Value; explanation: string } {
  // The last rule compares unique keys, so some rule always decides.
  const decisive =
    rules.find((rule) => rule.compare(first, second) !== 0) ??
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the index may be undefined (noUncheckedIndexedAccess); the rule misses that after `??`
    (rules[rules.length - 1] as RankRule<T, R>);
  const keepValue = decisive.value(first);
  const runnerUpValue = decisive.value(second);
  return { rule: decisive.rule, keepValue, runnerUpValue, explanation: decisive.explain(keepValue, runnerUpValue) };
}

/** Everything the query needs to know about the scope, computed once. */
interface Context {
  readonly model: Model;
  readonly organisations: ReadonlySet<string>;
  readonly systems: readonly System[];
  readonly products: ReadonlyMap<string, ProductFact>;
  readonly facts: ReadonlyMap<string, InstallationFacts>;
  /**
   * Each system's integrations (platforms: those through them too) as positions in `integrationIds`, read once: a
   * system is in several candidates, and a candidate's list is then sorted as numbers, not as strings.
   */
  readonly integrations: ReadonlyMap<string, readonly number[]>;
  /** The ids of the integrations of the systems in scope, sorted: a position's id. */
  readonly integrationIds: readonly string[];
  /** The source of each integration of `integrationIds`, by position. */
  readonly sources: readonly string[];
  /** The target of each integration of `integrationIds`, by position. */
  readonly targets: readonly string[];
}

/**
 * Each system's integrations, as `integrationsOf` with `includeVia` gives them, for the systems given: positions
 * into the integrations that touch any of them (sorted by id), and those integrations' ids and ends.
 */
function integrationsOfSystems(model: Model, systems: ReadonlySet<string>) {
  const all = model.integrations();
  const index = integrationPositions(model);
  const global: number[] = [];
  for (const system of systems) for (const position of index.get(system) ?? []) global.push(position);
  global.sort((x, y) => x - y);
  const local = new Map<number, number>();
  const touching: Integration[] = [];
  for (const position of global) {
    if (local.has(position)) continue;
    local.set(position, touching.length);
    touching.push(all[position] as Integration);
  }
  // Global positions ascend in each system's list, and so do the local ones they map to.
  const integrations = new Map<string, number[]>();
  for (const system of systems) {
    const positions = index.get(system);
    if (positions)
      integrations.set(
        system,
        positions.map((position) => local.get(position) as number),
      );
  }
  return {
    integrations,
    integrationIds: touching.map((i) => i.id),
    sources: touching.map((i) => i.source),
    targets: touching.map((i) => i.target),
  };
}

/**
 * The users of a system and the organisations in scope that own or use it, from one walk of its incoming
 * relations: as `usersOf` and `organisationsOf` give them.
 */
function ownersAndUsers(model: Model, system: System, organisations: ReadonlySet<string>) {
  let users = 0;
  let found = false;
  const owners = new Set<string>();
  for (const relation of model.relationsIn(system.id)) {
    if (relation.type !== 'owns' && relation.type !== 'uses') continue;
    if (!organisations.has(relation.from)) continue;
    owners.add(relation.from);
    if (relation.type === 'uses' && relation.users !== undefined) {
      users += relation.users;
      found = true;
    }
  }
  const counted: { users: number; source: UsersSource } =
    system.users !== undefined
      ? { users: system.users, source: 'system' }
      : found
        ? { users, source: 'uses' }
        : { users: 0, source: 'none' };
  return { ...counted, organisations: sortedUnique(owners) };
}

function buildContext(
  model: Model,
  options: { scope?: string | undefined; includeRetired?: boolean | undefined; toriOnly?: boolean },
): Context {
  const scope = scopeOf(model, options.scope, options.includeRetired ?? false);
  const organisations = new Set(scope.organisations);
  const inScope = scope.systems.map((id) => model.system(id) as System);
  // Same-service candidates look at TORI systems only: the facts of the others would not be read.
  const systems = options.toriOnly ? inScope.filter((s) => s.class === 'TORI') : inScope;
  const products = new Map<string, ProductFact>();
  const facts = new Map<string, InstallationFacts>();
  const { integrations, integrationIds, sources, targets } = integrationsOfSystems(
    model,
    new Set(systems.map((s) => s.id)),
  );
  for (const system of systems) {
    const own = integrations.get(system.id) ?? [];
    const product = productFact(model, system);
    products.set(system.id, product);
    const users = ownersAndUsers(model, system, organisations);
    facts.set(system.id, {
      system: system.id,
      name: displayName(system.name),
      product: product.key,
      lifecycle: system.lifecycle,
      users: users.users,
      usersFrom: users.source,
      integrations: own.length,
      contractEnds: system.contract?.ends ?? null,
      annualCost: system.contract?.annualCost ?? null,
      organisations: users.organisations,
      services: servicesOf(model, system.id),
    });
  }
  return { model, organisations, systems, products, facts, integrations, integrationIds, sources, targets };
}

function commonFields(
  context: Context,
  systemIds: readonly string[],
  leaving: readonly string[],
  ranked: readonly InstallationFacts[],
) {
  const { model, facts } = context;
  const members = new Set(systemIds);
  const organisations = new Set<string>();
  const services = new Set<string>();
  let size = 0;
  for (const id of systemIds) size += (context.integrations.get(id) ?? []).length;
  // Positions in the sorted ids, with repeats: sorted as numbers, then read off once each.
  const positions = new Uint32Array(size);
  let filled = 0;
  for (const id of systemIds) {
    const fact = facts.get(id) as InstallationFacts;
    for (const o of fact.organisations) organisations.add(o);
    for (const s of fact.services) services.add(s);
    for (const position of context.integrations.get(id) ?? []) positions[filled++] = position;
  }
  positions.sort();
  const integrations: string[] = [];
  const between: string[] = [];
  for (let k = 0; k < positions.length; k++) {
    const position = positions[k] as number;
    if (k > 0 && positions[k - 1] === position) continue;
    const integration = context.integrationIds[position] as string;
    integrations.push(integration);
    if (members.has(context.sources[position] as string) && members.has(context.targets[position] as string))
      between.push(integration);
  }
  const known = leaving.filter((id) => facts.get(id)?.annualCost !== null);
  const unknown = leaving.filter((id) => facts.get(id)?.annualCost === null);
  const savings = known.length === 0 ? null : known.reduce((sum, id) => sum + (facts.get(id)?.annualCost ?? 0), 0);
  const savingsReason: HarmonisationReason = {
    code: 'savings.total',
    amount: savings,
    known,
    unknown,
    message:
      savings === null
        ? `no yearly cost is known for ${leaving.map(quote).join(', ')}`
        : `${savings} EUR a year from ${known.map(quote).join(', ')}${unknown.length > 0 ? `; unknown for ${unknown.map(quote).join(', ')}` : ''}`,
  };
  return {
    systems: [...systemIds],
    savings,
    unknownCosts: unknown,
    organisations: sortedUnique(organisations),
    services: sortedUnique(services),
    integrations,
    integrationsBetween: between,
    costs: systemIds.map((id) => ({ system: id, annualCost: facts.get(id)?.annualCost ?? null })),
    installations: ranked,
    names: namesOf(model, [...systemIds, ...organisations, ...services]),
    savingsReason,
  };
}

function quote(id: string): string {
  return `'${id}'`;
}

function sameProductCandidates(context: Context): SameProductCandidate[] {
  const byProduct = new Map<string, System[]>();
  for (const system of context.systems) {
    const product = context.products.get(system.id) as ProductFact;
    if (!product.known) continue;
    const list = byProduct.get(product.key);
    if (list) list.push(system);
    else byProduct.set(product.key, [system]);
  }
  const out: SameProductCandidate[] = [];
  for (const [key, systems] of byProduct) {
    if (systems.length < 2) continue;
    const ids = systems.map((s) => s.id).sort(compareStrings);
    const ranked = rankWith(
      systems.map((s) => ({ facts: context.facts.get(s.id) as InstallationFacts, retired: s.lifecycle === 'retired' })),
      KEEP_RULES,
    );
    const first = ranked[0] as Ranked;
    const second = ranked[1] as Ranked;
    const keep = first.facts.system;
    const decided = decidingRule(first, second, KEEP_RULES);
    const leaving = ids.filter((id) => id !== keep);
    const common = commonFields(
      context,
      ids,
      leaving,
      ranked.map((r) => r.facts),
    );
    const productName = (context.products.get(ids[0] as string) as ProductFact).name;
    const { savingsReason, ...fields } = common;
    out.push({
      kind: 'sameProduct',
      product: key,
      productName,
      keep,
      keepName: context.model.nameOf(keep) ?? keep,
      ...fields,
      reasons: [
        {
          code: 'product.shared',
          product: key,
          systems: ids,
          message: `${ids.length} installations of ${productName} in scope: ${ids.map(quote).join(', ')}`,
        },
        {
          code: 'keep.system',
          rule: decided.rule,
          keep,
          runnerUp: second.facts.system,
          keepValue: decided.keepValue,
          runnerUpValue: decided.runnerUpValue,
          message: `keep '${keep}' rather than '${second.facts.system}': ${decided.explanation}`,
        },
        savingsReason,
      ],
    });
  }
  return out;
}

function sameServiceCandidates(context: Context): SameServiceCandidate[] {
  const byService = new Map<string, System[]>();
  for (const system of context.systems) {
    if (system.class !== 'TORI') continue;
    for (const service of (context.facts.get(system.id) as InstallationFacts).services) {
      const list = byService.get(service);
      if (list) list.push(system);
      else byService.set(service, [system]);
    }
  }
  const out: SameServiceCandidate[] = [];
  for (const [service, systems] of byService) {
    const groups = new Map<string, { fact: ProductFact; systems: string[]; users: number }>();
    for (const system of systems) {
      const fact = context.products.get(system.id) as ProductFact;
      const group = groups.get(fact.key) ?? { fact, systems: [], users: 0 };
      group.systems.push(system.id);
      group.users += (context.facts.get(system.id) as InstallationFacts).users;
      groups.set(fact.key, group);
    }
    if (groups.size < 2) continue;
    const productGroups: ProductGroup[] = rankWith(
      [...groups.values()].map((g) => ({
        product: g.fact.key,
        name: g.fact.name,
        catalogue: g.fact.catalogue,
        known: g.fact.known,
        systems: [...g.systems].sort(compareStrings),
        users: g.users,
        installations: g.systems.length,
      })),
      PRODUCT_RULES,
    );
    const first = productGroups[0] as ProductGroup;
    const second = productGroups[1] as ProductGroup;
    const decided = decidingRule(first, second, PRODUCT_RULES);
    const ids = systems.map((s) => s.id).sort(compareStrings);
    const leaving = ids.filter((id) => context.facts.get(id)?.product !== first.product);
    const ranked = rankWith(
      systems.map((s) => ({ facts: context.facts.get(s.id) as InstallationFacts, retired: s.lifecycle === 'retired' })),
      KEEP_RULES,
    ).map((r) => r.facts);
    const products = productGroups.map((g) => g.product).sort(compareStrings);
    const { savingsReason, ...fields } = commonFields(context, ids, leaving, ranked);
    out.push({
      kind: 'sameService',
      service,
      serviceName: context.model.nameOf(service) ?? service,
      products,
      productNames: products.map((p) => productGroups.find((g) => g.product === p)?.name ?? p),
      keepProduct: first.product,
      keepProductName: first.name,
      productGroups,
      ...fields,
      reasons: [
        {
          code: 'service.shared',
          service,
          products,
          systems: ids,
          message: `TORI systems of ${products.length} products support '${service}': ${productGroups.map((g) => `${g.name} (${g.systems.join(', ')})`).join('; ')}`,
        },
        {
          code: 'keep.product',
          rule: decided.rule,
          keep: first.product,
          runnerUp: second.product,
          keepValue: decided.keepValue as string | number | boolean,
          runnerUpValue: decided.runnerUpValue as string | number | boolean,
          message: `converge on ${first.name} rather than ${second.name}: ${decided.explanation}`,
        },
        savingsReason,
      ],
    });
  }
  return out;
}

const OPTIONS = optionsSchema({ scope: optionField.id(), includeRetired: optionField.boolean() });

const KIND_ORDER = { sameProduct: 0, sameService: 1 } as const;

function compareCandidates(a: HarmonisationCandidate, b: HarmonisationCandidate): number {
  if (a.savings !== b.savings) {
    if (a.savings === null) return 1;
    if (b.savings === null) return -1;
    return b.savings - a.savings;
  }
  if (a.systems.length !== b.systems.length) return b.systems.length - a.systems.length;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return compareStrings(
    a.kind === 'sameProduct' ? a.product : a.service,
    b.kind === 'sameProduct' ? b.product : b.service,
  );
}

/**
 * The harmonisation candidates in a scope, best first.
 *
 * - **Same product**: two or more installations (systems in scope) of one normalised product: names compared
 *   without regard to case and runs of white space, catalogue aliases resolved. `keep` is chosen by, in order:
 *   in use before retired (matters only with `includeRetired`), most users (the system's `users`, else the sum
 *   of `users` on `uses` relations from organisations in scope), most integrations (started, ended, or run
 *   through it as a platform), latest contract end (a known date beats none), smallest id. `savings` adds up
 *   the known `annualCost` of the other installations.
 * - **Same service**: a service supported by TORI systems in scope of two or more different products. A system
 *   without product counts as a product of its own (`system:<id>`). `keepProduct` is chosen by: a named product
 *   before an unnamed one, most users over its installations supporting the service, most such installations,
 *   smallest product key. `savings` adds up the known `annualCost` of the systems of the other products.
 *
 * Ranked by `savings` (highest first, unknown last), then more systems, then same-product before same-service,
 * then product key or service id. Every candidate says why in `reasons`.
 *
 * @throws {@link QueryError} `scope.unknown` or `scope.not-organisation`; {@link OptionError} `option.invalid` for an
 *   unknown or malformed option.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, harmonisationCandidates } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * for (const c of harmonisationCandidates(model, { scope: 'pop' })) {
 *   if (c.kind === 'sameProduct') console.log(`${c.productName}: keep ${c.keep}, save ${c.savings ?? '?'} EUR/year`);
 *   else console.log(`${c.service}: converge ${c.products.join(', ')} on ${c.keepProduct}`);
 * }
 * ```
 *
 * @category Queries
 */
export function harmonisationCandidates(model: Model, options: HarmonisationOptions = {}): HarmonisationCandidate[] {
  const { scope, includeRetired } = parseOptions('harmonisationCandidates', OPTIONS, options);
  const context = buildContext(model, { scope, includeRetired });
  return [...sameProductCandidates(context), ...sameServiceCandidates(context)].sort(compareCandidates);
}

/**
 * The same-service candidates of a scope alone, as {@link harmonisationCandidates} gives them (in use only), for the
 * `tori.parallel` lint rule: it needs neither the same-product candidates nor the facts of TOSI systems. Internal.
 */
export function sameServiceCandidatesIn(model: Model, scope: string | undefined): SameServiceCandidate[] {
  return sameServiceCandidates(buildContext(model, { scope, toriOnly: true })).sort(compareCandidates);
}
