/**
 * Parallel systems: TOSI systems of different products in use for one service, and whether data flows between
 * each pair (directly, through an integration platform, or not at all).
 */
import type { Model } from '../model/model.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import type { EntityName } from '../names.js';
import { namesOf, todayUtc } from './facts.js';
import { ParallelLinks, parallelGroupsOf, type ParallelGroupCore } from './parallel-links.js';

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
      /** Those pairs, each sorted, in the order of the group's `pairs`. */
      readonly pairs: readonly (readonly [string, string])[];
      /** The same in words, with names next to ids. */
      readonly message: string;
    };

/**
 * A product in a parallel group.
 *
 * @example
 * ```ts
 * import type { ParallelProduct } from 'kartta';
 * const product: ParallelProduct = { product: 'esko', name: 'Esko', catalogue: true, known: true, systems: ['esko-ppshp'] };
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
}

/**
 * The TOSI systems in use of two or more products that support one service.
 *
 * @example
 * ```ts
 * import type { ParallelGroup } from 'kartta';
 * const gaps = (group: ParallelGroup) => group.pairs.filter((p) => p.status === 'none').map((p) => p.systems.join(' - '));
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
  /** Every pair of systems of different products, sorted by their ids. */
  readonly pairs: readonly ParallelPair[];
  /** How many pairs have status `none`. */
  readonly gaps: number;
  /** Each product with its systems, sorted by product key. */
  readonly productGroups: readonly ParallelProduct[];
  /** Why the group is one, whether it is overdue, and its gaps: plain data with a stable `code`, and a sentence. */
  readonly reasons: readonly ParallelReason[];
  /** The name of the service and of every system and platform the group lists, sorted by id. */
  readonly names: readonly EntityName[];
}

const OPTIONS = optionsSchema({ scope: optionField.id(), allowedUntil: optionField.date(), asOf: optionField.date() });

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
 * @throws {@link QueryError} `scope.unknown` or `scope.not-organisation`; {@link OptionError} `option.invalid` for
 *   an unknown option or a date that is not an existing `YYYY-MM-DD`.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, parallelSystems } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * for (const group of parallelSystems(model, { scope: 'pop', allowedUntil: '2021-12-31', asOf: '2022-06-01' })) {
 *   console.log(group.service, group.overdue ? 'OVERDUE' : '');
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

  const nameOf = (id: string): string => model.nameOf(id) ?? id;
  const links = new ParallelLinks(model);
  const groups: ParallelGroup[] = [];
  for (const core of parallelGroupsOf(model, scopeId)) {
    const { service, systems, productKeys: keyOf } = core;
    const names = systems.map(nameOf);
    const pairs: ParallelPair[] = [];
    for (let i = 0; i < systems.length; i++) {
      const a = systems[i] as string;
      const pa = keyOf[i] as string;
      for (let j = i + 1; j < systems.length; j++) {
        const pb = keyOf[j] as string;
        if (pa === pb) continue;
        const b = systems[j] as string;
        const link = links.pair(a, b);
        pairs.push({
          systems: [a, b],
          systemNames: [names[i] as string, names[j] as string],
          products: [pa, pb],
          status: link.status,
          integrations: link.integrations,
          platforms: link.platforms,
          ignored: link.ignored,
        });
      }
    }
    const productGroups = new Map(core.products.map((p) => [p.key, p]));
    const productKeys = core.products.map((p) => p.key);
    const gapPairs = pairs.filter((p) => p.status === 'none').map((p) => p.systems);
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
    if (gapPairs.length > 0) {
      reasons.push({
        code: 'parallel.gaps',
        pairs: gapPairs,
        message: `no data flows between ${gapPairs.map((p) => `'${p[0]}' and '${p[1]}'`).join(', ')}`,
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
      gaps: gapPairs.length,
      productGroups: productKeys.map((key) => {
        const group = productGroups.get(key) as ParallelGroupCore['products'][number];
        return {
          product: key,
          name: group.fact.name,
          catalogue: group.fact.catalogue,
          known: group.fact.known,
          systems: group.systems,
        };
      }),
      reasons,
      names: namesOf(model, [service, ...systems, ...pairs.flatMap((p) => p.platforms)]),
    });
  }
  return groups;
}
