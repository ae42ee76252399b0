/**
 * Parallel systems: TOSI systems of different products in use for one service, and whether data flows between
 * each pair (directly, through an integration platform, or not at all).
 */
import type { Model } from '../model/model.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import type { EntityName } from '../names.js';
import { namesOf, todayUtc } from './facts.js';
import {
  ParallelLinks,
  gapSummary,
  parallelGroupsOf,
  statusSummary,
  type ParallelGroupCore,
} from './parallel-links.js';

/**
 * Options of {@link parallelSystems}.
 *
 * @example
 * ```ts
 * import type { ParallelOptions } from 'kartta';
 * const options: ParallelOptions = { scope: 'pop', allowedUntil: '2021-12-31', asOf: '2022-06-01' };
 * ```
 *
 * @category Queries
 */
export interface ParallelOptions {
  /** Organisation whose members (transitively) and their systems are in scope; without it, the whole model. */
  readonly scope?: string | undefined;
  /** Last day parallel operation is allowed by policy (`YYYY-MM-DD`). */
  readonly allowedUntil?: string | undefined;
  /** The day to judge `overdue` on (`YYYY-MM-DD`); default today (UTC) when `allowedUntil` is given. */
  readonly asOf?: string | undefined;
  /**
   * How many pairs each group lists in `pairs`, and how many gaps its `parallel.gaps` reason lists: the first ones
   * in order of their ids. Default 10, as in {@link LintConfig}; `Infinity` lists every pair. The counts
   * (`pairCounts`, `gaps`) always cover every pair, and cost no more with a small limit than the group's systems
   * and integrations; listing every pair of a group of thousands of systems costs the square of it.
   */
  readonly maxPairs?: number | undefined;
}

/**
 * How many pairs of systems of different products there are, by status.
 *
 * @example
 * ```ts
 * import type { ParallelPairCounts } from 'kartta';
 * const counts: ParallelPairCounts = { total: 12, direct: 2, platform: 4, none: 6 };
 * const share = counts.none / counts.total; // half of the pairs exchange no data
 * ```
 *
 * @category Queries
 */
export interface ParallelPairCounts {
  /** All the pairs: `direct + platform + none`. */
  readonly total: number;
  /** Pairs with status `direct`. */
  readonly direct: number;
  /** Pairs with status `platform`. */
  readonly platform: number;
  /** Pairs with status `none` (gaps). */
  readonly none: number;
}

/**
 * How two parallel systems exchange data: `direct` (an integration between them not through a platform),
 * `platform` (an integration between them through a platform, or both integrated with one platform system) or
 * `none` (a gap to close).
 *
 * @example
 * ```ts
 * import type { PairStatus } from 'kartta';
 * const isGap = (status: PairStatus) => status === 'none';
 * ```
 *
 * @category Queries
 */
export type PairStatus = 'direct' | 'platform' | 'none';

/**
 * One pair of systems of different products in a parallel group, with the integrations that make its status.
 *
 * @example
 * ```ts
 * import type { ParallelPair } from 'kartta';
 * const pair: ParallelPair = {
 *   systems: ['esko-ppshp', 'lifecare-oulu'], systemNames: ['Esko (PPSHP)', 'Lifecare (Oulu)'],
 *   products: ['esko', 'lifecare'], status: 'platform',
 *   integrations: ['i-17'], platforms: ['pop-esb'], ignored: [],
 * };
 * ```
 *
 * @category Queries
 */
export interface ParallelPair {
  /** The two systems, sorted by id. */
  readonly systems: readonly [string, string];
  /** The two systems' names, in the order of `systems`. */
  readonly systemNames: readonly [string, string];
  /** Their product keys, in the order of `systems`. */
  readonly products: readonly [string, string];
  /** How the two are connected: `direct`, through a shared `platform`, or `none` (a gap). */
  readonly status: PairStatus;
  /**
   * What makes the status, sorted: for `direct` the integrations between the two not through a platform; for
   * `platform` the integrations between the two through a platform plus each one's integrations with a shared
   * platform; for `none`, nothing.
   */
  readonly integrations: readonly string[];
  /** The platform systems behind a `platform` status, sorted; empty otherwise. */
  readonly platforms: readonly string[];
  /** Integrations between the two that do not count because the platform they run through is retired. */
  readonly ignored: readonly string[];
}

/**
 * Why a group is reported and whether it is overdue, as data.
 *
 * @example
 * ```ts
 * import type { ParallelReason } from 'kartta';
 * const reason: ParallelReason = { code: 'parallel.overdue', allowedUntil: '2021-12-31', asOf: '2022-06-01', message: 'parallel operation was allowed until 2021-12-31; it is 2022-06-01' };
 * ```
 *
 * @category Queries
 */
export type ParallelReason =
  | {
      /** Systems of several products support one service. */
      readonly code: 'service.parallel';
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
      /** Whether parallel operation has gone on past the policy date (`parallel.overdue`) or not. */
      readonly code: 'parallel.overdue' | 'parallel.within-policy';
      /** The policy date, the `allowedUntil` option. */
      readonly allowedUntil: string;
      /** The day it was judged on. */
      readonly asOf: string;
      /** The same in words. */
      readonly message: string;
    }
  | {
      /** Pairs of parallel systems with no integration between them. */
      readonly code: 'parallel.gaps';
      /** How many such pairs the group has. */
      readonly count: number;
      /** The first of them in order of their ids (each pair sorted), at most `maxPairs` of {@link ParallelOptions}. */
      readonly pairs: readonly (readonly [string, string])[];
      /** The same in words: the pairs listed, and how many more there are. */
      readonly message: string;
    };

/**
 * A product in a parallel group.
 *
 * @example
 * ```ts
 * import type { ParallelProduct } from 'kartta';
 * const product: ParallelProduct = {
 *   product: 'esko', name: 'Esko', catalogue: true, known: true, systems: ['esko-ppshp'],
 *   pairCounts: { total: 8, direct: 2, platform: 4, none: 2 },
 * };
 * ```
 *
 * @category Queries
 */
export interface ParallelProduct {
  /** Product key: catalogue id, normalised name, or `system:<id>` for a system that names no product. */
  readonly product: string;
  /** The catalogue name, the product as a system wrote it, or the system's name for a system without product. */
  readonly name: string;
  /** True when the product is in the model's product catalogue. */
  readonly catalogue: boolean;
  /** False for a system without product (it stands for a product of its own). */
  readonly known: boolean;
  /** The group's systems of this product, sorted by id. */
  readonly systems: readonly string[];
  /** The pairs of these systems with the other products' systems, by status. */
  readonly pairCounts: ParallelPairCounts;
}

/**
 * The TOSI systems in use of two or more products that support one service.
 *
 * @example
 * ```ts
 * import type { ParallelGroup } from 'kartta';
 * const share = (group: ParallelGroup) => group.pairCounts.none / group.pairCounts.total;
 * ```
 *
 * @category Queries
 */
export interface ParallelGroup {
  /** The id of the service the systems support. */
  readonly service: string;
  /** The service's name. */
  readonly serviceName: string;
  /** Product keys, sorted. */
  readonly products: readonly string[];
  /** The systems, sorted by id. */
  readonly systems: readonly string[];
  /** True when `allowedUntil` was given and `asOf` is later than it. */
  readonly overdue: boolean;
  /** The policy date used, or `null`. */
  readonly allowedUntil: string | null;
  /** The day `overdue` was judged on (given, or today when only `allowedUntil` was given), or `null`. */
  readonly asOf: string | null;
  /**
   * The first pairs of systems of different products in order of their ids, at most `maxPairs` of
   * {@link ParallelOptions} (default 10; `Infinity` for every pair). `pairCounts` counts them all.
   */
  readonly pairs: readonly ParallelPair[];
  /** How many pairs of systems of different products there are, by status. */
  readonly pairCounts: ParallelPairCounts;
  /** How many pairs have status `none` (`pairCounts.none`). */
  readonly gaps: number;
  /** Each product with its systems, sorted by product key. */
  readonly productGroups: readonly ParallelProduct[];
  /** Why the group is one, whether it is overdue, and its gaps: plain data with a stable `code`, and a sentence. */
  readonly reasons: readonly ParallelReason[];
  /** The name of the service and of every system, and platform of a pair listed, sorted by id. */
  readonly names: readonly EntityName[];
}

const OPTIONS = optionsSchema({
  scope: optionField.id(),
  allowedUntil: optionField.date(),
  asOf: optionField.date(),
  maxPairs: optionField.limit(),
});

/** Pairs a group lists unless `maxPairs` says otherwise, as many as a lint finding lists. */
const DEFAULT_MAX_PAIRS = 10;

/**
 * For each service in scope, the TOSI systems in use (`production` or `phasingOut`) of two or more different
 * products that support it, and for every pair of systems of different products whether data flows between
 * them:
 *
 * - `direct`: an integration between the two (either direction) not through a platform;
 * - `platform`: an integration between the two `via` a platform, or both are an end of an integration with one
 *   system marked `platform: true`; a retired platform does not count (such integrations are listed in
 *   `ignored`);
 * - `none`: a gap to close.
 *
 * A system without product counts as a product of its own. Only systems in scope take part; a service is in the
 * result when such systems support it. With `allowedUntil`, a group is `overdue` when `asOf` (default: today,
 * UTC) is later than `allowedUntil`. Groups are sorted by service id, systems and pairs by id.
 *
 * Each group counts its pairs by status (`pairCounts`, per product in `productGroups`) and lists the first
 * `maxPairs` (default 10, `Infinity` for all): a group of hundreds of systems has tens of thousands of pairs, and
 * counting them costs in proportion to its systems and integrations, listing them all to the square of its size.
 *
 * @throws {@link QueryError} `scope.unknown` or `scope.not-organisation`; {@link OptionError} `option.invalid` for
 *   an unknown option or a date that is not an existing `YYYY-MM-DD`.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, parallelSystems } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * for (const group of parallelSystems(model, { scope: 'pop', allowedUntil: '2021-12-31', asOf: '2022-06-01' })) {
 *   console.log(group.service, `${group.pairCounts.none} of ${group.pairCounts.total} pairs without data flow`);
 *   for (const pair of group.pairs) console.log(`  ${pair.systems.join(' - ')}: ${pair.status}`);
 * }
 * ```
 *
 * @category Queries
 */
export function parallelSystems(model: Model, options: ParallelOptions = {}): ParallelGroup[] {
  const parsed = parseOptions('parallelSystems', OPTIONS, options);
  const scopeId = parsed.scope;
  const allowedUntil = parsed.allowedUntil ?? null;
  const givenAsOf = parsed.asOf ?? null;
  const asOf = givenAsOf ?? (allowedUntil !== null ? todayUtc() : null);
  const overdue = allowedUntil !== null && asOf !== null && asOf > allowedUntil;

  const maxPairs = parsed.maxPairs ?? DEFAULT_MAX_PAIRS;

  const nameOf = (id: string): string => model.nameOf(id) ?? id;
  const links = new ParallelLinks(model);
  const groups: ParallelGroup[] = [];
  for (const core of parallelGroupsOf(model, scopeId)) {
    const { service, systems, productKeys: keyOf } = core;
    const gapsOf = gapSummary(links, core, maxPairs);
    const counts = statusSummary(links, core, gapsOf);
    const pairs = firstPairs(core, maxPairs, links, nameOf);
    const productGroups = new Map(core.products.map((p) => [p.key, p]));
    const productKeys = core.products.map((p) => p.key);
    const perProduct = new Map<string, { direct: number; platform: number; none: number }>();
    counts.perSystem.forEach((own, i) => {
      const entry = perProduct.get(keyOf[i] as string);
      if (!entry) perProduct.set(keyOf[i] as string, { ...own });
      else {
        entry.direct += own.direct;
        entry.platform += own.platform;
        entry.none += own.none;
      }
    });
    const gapPairs = gapsOf.first;
    const reasons: ParallelReason[] = [
      {
        code: 'service.parallel',
        service,
        products: productKeys,
        systems,
        message: `TOSI systems in use of ${productKeys.length} products support '${service}': ${productKeys
          .map((key) => {
            const group = productGroups.get(key) as ParallelGroupCore['products'][number];
            return `${group.fact.name} (${group.systems.join(', ')})`;
          })
          .join('; ')}`,
      },
    ];
    if (gapsOf.total > 0) {
      const more = gapsOf.total - gapPairs.length;
      const listed = gapPairs.map((p) => `'${p[0]}' and '${p[1]}'`).join(', ');
      reasons.push({
        code: 'parallel.gaps',
        count: gapsOf.total,
        pairs: gapPairs,
        message:
          listed === ''
            ? `no data flows between ${gapsOf.total === 1 ? 'one pair' : `${gapsOf.total} pairs`} of them`
            : `no data flows between ${listed}${more > 0 ? ` (and ${more} more)` : ''}`,
      });
    }
    if (allowedUntil !== null && asOf !== null) {
      reasons.push({
        code: overdue ? 'parallel.overdue' : 'parallel.within-policy',
        allowedUntil,
        asOf,
        message: overdue
          ? `parallel operation was allowed until ${allowedUntil}; it is ${asOf}`
          : `parallel operation is allowed until ${allowedUntil}; it is ${asOf}`,
      });
    }
    groups.push({
      service,
      serviceName: nameOf(service),
      products: productKeys,
      systems,
      overdue,
      allowedUntil,
      asOf,
      pairs,
      pairCounts: countsOf(counts),
      gaps: gapsOf.total,
      productGroups: productKeys.map((key) => {
        const group = productGroups.get(key) as ParallelGroupCore['products'][number];
        return {
          product: key,
          name: group.fact.name,
          catalogue: group.fact.catalogue,
          known: group.fact.known,
          systems: group.systems,
          pairCounts: countsOf(perProduct.get(key) as { direct: number; platform: number; none: number }),
        };
      }),
      reasons,
      names: namesOf(model, [service, ...systems, ...pairs.flatMap((p) => p.platforms)]),
    });
  }
  return groups;
}

function countsOf(counts: { readonly direct: number; readonly platform: number; readonly none: number }) {
  const { direct, platform, none } = counts;
  return { total: direct + platform + none, direct, platform, none };
}

/** The first `limit` pairs of systems of different products in order of their ids, each with its status. */
function firstPairs(
  core: ParallelGroupCore,
  limit: number,
  links: ParallelLinks,
  nameOf: (id: string) => string,
): ParallelPair[] {
  const { systems, productKeys: keyOf } = core;
  const pairs: ParallelPair[] = [];
  for (let i = 0; i < systems.length && pairs.length < limit; i++) {
    const a = systems[i] as string;
    const pa = keyOf[i] as string;
    for (let j = i + 1; j < systems.length && pairs.length < limit; j++) {
      const pb = keyOf[j] as string;
      if (pa === pb) continue;
      const b = systems[j] as string;
      const link = links.pair(a, b);
      pairs.push({
        systems: [a, b],
        systemNames: [nameOf(a), nameOf(b)],
        products: [pa, pb],
        status: link.status,
        integrations: link.integrations,
        platforms: link.platforms,
        ignored: link.ignored,
      });
    }
  }
  return pairs;
}
