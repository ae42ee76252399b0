/**
 * Impact of a system: what depends on it (services, organisations, systems) and what is integrated with it,
 * near or far.
 */
import { QueryError } from '../errors.js';
import type { Model } from '../model/model.js';
import type { Integration } from '../types.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import type { EntityName } from '../names.js';
import { compareStrings, namesOf, sortedUnique } from './facts.js';
import { builtIntegrationPositions } from './integration-index.js';
import { withArticle } from '../words.js';

/**
 * Options of {@link impactOf}.
 *
 * @example
 * ```ts
 * import type { ImpactOptions } from 'kartta';
 * const options: ImpactOptions = { depth: 2 };
 * ```
 *
 * @category Queries
 */
export interface ImpactOptions {
  /** How far to follow integrations for `integrated` (a non-negative integer; default unlimited). */
  readonly depth?: number | undefined;
  /** Follow retired systems too (default false: a retired system depends on nothing and carries no data). */
  readonly includeRetired?: boolean | undefined;
}

/**
 * A system reached over integrations, with how far and how.
 *
 * @example
 * ```ts
 * import type { IntegratedSystem } from 'kartta';
 * const reached: IntegratedSystem = { system: 'lifecare-oulu', distance: 1, from: 'esko-ppshp', integrations: ['i-17'], platforms: ['pop-esb'] };
 * ```
 *
 * @category Queries
 */
export interface IntegratedSystem {
  /** The id of the system reached. */
  readonly system: string;
  /** Number of hops from the system asked about; a hop through a platform counts as one. */
  readonly distance: number;
  /** The system one hop nearer that it was reached from (the smallest id among equals). */
  readonly from: string;
  /** The integrations of that hop, sorted. */
  readonly integrations: readonly string[];
  /** The platforms that hop runs through, sorted; empty for a direct integration. */
  readonly platforms: readonly string[];
}

/**
 * A system that depends on the one asked about, with the link that brought it in.
 *
 * @example
 * ```ts
 * import type { DependentSystem } from 'kartta';
 * const dependent: DependentSystem = { system: 'lifecare-oulu', dependsOn: 'oulu-ad', distance: 1 };
 * ```
 *
 * @category Queries
 */
export interface DependentSystem {
  /** The id of the dependent system. */
  readonly system: string;
  /** The system it has a `dependsOn` relation to on the way (the smallest id among equals). */
  readonly dependsOn: string;
  /** 1 for a direct dependent, 2 for a dependent of a dependent, ... */
  readonly distance: number;
}

/**
 * Why a service is affected: the affected systems (the system asked about or its dependents) that support it.
 *
 * @example
 * ```ts
 * import type { ServiceImpact } from 'kartta';
 * const impact: ServiceImpact = { service: 'primary-care', systems: ['esko-ppshp'] };
 * ```
 *
 * @category Queries
 */
export interface ServiceImpact {
  /** The id of the affected service. */
  readonly service: string;
  /** The systems through which it is affected (the one asked about or its dependents) that support it, sorted. */
  readonly systems: readonly string[];
}

/**
 * Why an organisation is affected: the affected systems (the system asked about or its dependents) it owns or
 * uses.
 *
 * @example
 * ```ts
 * import type { OrganisationImpact } from 'kartta';
 * const impact: OrganisationImpact = { organisation: 'oulu', owns: [], uses: ['esko-ppshp'] };
 * ```
 *
 * @category Queries
 */
export interface OrganisationImpact {
  /** The id of the affected organisation. */
  readonly organisation: string;
  /** The affected systems it owns, sorted. */
  readonly owns: readonly string[];
  /** The affected systems it uses (a `uses` relation), sorted. */
  readonly uses: readonly string[];
}

/**
 * Why something is in an {@link Impact}, as data with a stable `code` and in words (`message`):
 * `impact.dependent` (a system depends on the one asked about, through `dependsOn`), `impact.service` (a service
 * is supported by affected systems) and `impact.organisation` (an organisation owns or uses affected systems).
 *
 * @example
 * ```ts
 * import type { ImpactReason } from 'kartta';
 * const reason: ImpactReason = {
 *   code: 'impact.service', service: 'primary-care', systems: ['esko-ppshp'],
 *   message: "service 'primary-care' is supported by esko-ppshp",
 * };
 * ```
 *
 * @category Queries
 */
export type ImpactReason =
  | (DependentSystem & {
      /** A system depends on the one asked about, directly or through others. */
      readonly code: 'impact.dependent';
      /** The same in words, with names next to ids. */
      readonly message: string;
    })
  | (ServiceImpact & {
      /** A service is supported by the system or a dependent. */
      readonly code: 'impact.service';
      /** The same in words, with names next to ids. */
      readonly message: string;
    })
  | (OrganisationImpact & {
      /** An organisation owns or uses the system or a dependent. */
      readonly code: 'impact.organisation';
      /** The same in words, with names next to ids. */
      readonly message: string;
    });

/**
 * The result of {@link impactOf}.
 *
 * @example
 * ```ts
 * import type { Impact } from 'kartta';
 * const summary = (impact: Impact) => `${impact.system}: ${impact.services.length} services, ${impact.dependents.length} dependent systems`;
 * ```
 *
 * @category Queries
 */
export interface Impact {
  /** The id of the system asked about. */
  readonly system: string;
  /** The system's name. */
  readonly systemName: string;
  /** Services supported by the system or by a system that depends on it (transitively). Sorted. */
  readonly services: readonly string[];
  /**
   * Organisations that own or use the system or a dependent. Sorted. (Organisations that merely provide an
   * affected service are not listed: they may well run it on other systems.)
   */
  readonly organisations: readonly string[];
  /** Integrations that start, end or (for a platform) run through the system. Sorted. */
  readonly integrations: readonly string[];
  /** Systems that depend on it through `dependsOn`, directly or transitively. Sorted. */
  readonly dependents: readonly string[];
  /** Systems reachable over integrations, nearest first, then by id. */
  readonly integrated: readonly IntegratedSystem[];
  /**
   * The paths behind `dependents`, `services` and `organisations`, in that order: each dependent nearest first,
   * then services and organisations by id.
   */
  readonly reasons: readonly ImpactReason[];
  /** The name of every system, service and organisation the impact lists, sorted by id. */
  readonly names: readonly EntityName[];
}

interface Hop {
  integrations: Set<string>;
  platforms: Set<string>;
}

const OPTIONS = optionsSchema({ depth: optionField.limit(), includeRetired: optionField.boolean() });

/**
 * What a change to, outage of, or retirement of one system touches.
 *
 * - `dependents`: systems with a `dependsOn` path to it.
 * - `services`: what it and its dependents support; `organisations`: who owns or uses it or a dependent.
 * - `integrated`: systems reachable over integrations in either direction, breadth first, with the distance. A
 *   platform does not lengthen a path: the two ends of an integration `via` a platform are one hop apart, each
 *   is one hop from the platform, and two systems that are both an end of an integration with one platform are
 *   one hop apart. `depth` limits the distance.
 *
 * Retired systems are passed over unless `includeRetired` (the system asked about is always reported).
 *
 * @throws {@link QueryError} `entity.unknown` when no entity has the id, `entity.wrong-kind` when it is not a
 *   system; {@link OptionError} `option.invalid` for an unknown or malformed option.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, impactOf } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const impact = impactOf(model, 'esko-ppshp', { depth: 2 });
 * console.log(impact.services, impact.dependents);
 * for (const reached of impact.integrated) console.log(reached.distance, reached.system);
 * ```
 *
 * @category Queries
 */
export function impactOf(model: Model, systemId: string, options: ImpactOptions = {}): Impact {
  const parsed = parseOptions('impactOf', OPTIONS, options);
  const depth = parsed.depth ?? Number.POSITIVE_INFINITY;
  const includeRetired = parsed.includeRetired ?? false;
  if (typeof systemId !== 'string')
    throw new QueryError('entity.unknown', `impactOf: expected a system id, got ${typeof systemId}`);
  const found = model.get(systemId);
  if (!found)
    throw new QueryError('entity.unknown', `impactOf: system '${systemId}' does not exist in the model`, systemId);
  if (found.kind !== 'system')
    throw new QueryError(
      'entity.wrong-kind',
      `impactOf: '${systemId}' is ${withArticle(found.kind)}, not a system`,
      systemId,
    );

  const live = (id: string): boolean => {
    const system = model.system(id);
    return system !== undefined && (includeRetired || system.lifecycle !== 'retired');
  };

  const dependents = dependentsOf(model, systemId, live);
  const affected = [systemId, ...dependents.map((d) => d.system)];

  const serviceSystems = new Map<string, Set<string>>();
  const organisations = new Map<string, { owns: Set<string>; uses: Set<string> }>();
  const organisationEntry = (id: string) => {
    let entry = organisations.get(id);
    if (!entry) organisations.set(id, (entry = { owns: new Set(), uses: new Set() }));
    return entry;
  };
  for (const id of affected) {
    for (const relation of model.relationsOut(id, 'supports')) {
      const set = serviceSystems.get(relation.to) ?? new Set<string>();
      set.add(id);
      serviceSystems.set(relation.to, set);
    }
    for (const relation of model.relationsIn(id)) {
      if (relation.type === 'owns') organisationEntry(relation.from).owns.add(id);
      if (relation.type === 'uses') organisationEntry(relation.from).uses.add(id);
    }
  }

  const services = [...serviceSystems.keys()].sort(compareStrings);
  const organisationIds = [...organisations.keys()].sort(compareStrings);
  const integrated = integratedWith(model, systemId, depth, live);
  return {
    system: systemId,
    systemName: model.nameOf(systemId) ?? systemId,
    services,
    organisations: organisationIds,
    integrations: model.integrationsOf(systemId, { includeVia: true }).map((i) => i.id),
    dependents: dependents.map((d) => d.system).sort(compareStrings),
    integrated,
    reasons: [
      ...[...dependents]
        .sort((a, b) => a.distance - b.distance || compareStrings(a.system, b.system))
        .map((d): ImpactReason => ({
          code: 'impact.dependent',
          ...d,
          message: `${d.system} depends on ${d.dependsOn}${d.distance === 1 ? '' : ` (${d.distance} steps from ${systemId})`}`,
        })),
      ...services.map((service): ImpactReason => {
        const systems = sortedUnique(serviceSystems.get(service) ?? []);
        return {
          code: 'impact.service',
          service,
          systems,
          message: `service '${service}' is supported by ${systems.join(', ')}`,
        };
      }),
      ...organisationIds.map((organisation): ImpactReason => {
        const entry = organisations.get(organisation) as { owns: Set<string>; uses: Set<string> };
        const owns = sortedUnique(entry.owns);
        const uses = sortedUnique(entry.uses);
        const parts = [
          ...(owns.length > 0 ? [`owns ${owns.join(', ')}`] : []),
          ...(uses.length > 0 ? [`uses ${uses.join(', ')}`] : []),
        ];
        return {
          code: 'impact.organisation',
          organisation,
          owns,
          uses,
          message: `${organisation} ${parts.join(' and ')}`,
        };
      }),
    ],
    names: namesOf(model, [
      systemId,
      ...services,
      ...organisationIds,
      ...dependents.map((d) => d.system),
      ...integrated.map((r) => r.system),
    ]),
  };
}

/** Breadth-first over reversed `dependsOn`, level by level in id order so the result never depends on input order. */
function dependentsOf(model: Model, systemId: string, live: (id: string) => boolean): DependentSystem[] {
  const seen = new Set<string>([systemId]);
  const out: DependentSystem[] = [];
  let level = [systemId];
  for (let distance = 1; level.length > 0; distance++) {
    const next: string[] = [];
    for (const current of level) {
      for (const relation of model.relationsIn(current, 'dependsOn')) {
        const dependent = relation.from;
        if (seen.has(dependent) || !live(dependent)) continue;
        seen.add(dependent);
        out.push({ system: dependent, dependsOn: current, distance });
        next.push(dependent);
      }
    }
    level = next.sort(compareStrings);
  }
  return out;
}

/** The one-hop neighbours of a system over integrations, platforms not lengthening a path. */
/**
 * The systems one hop from `id`. `expanded` holds the platforms whose other ends an earlier, nearer (or equally
 * near, smaller-id) system has already reached: every such end is seen, so walking the platform's integrations
 * again would only cost time, once per system integrated with it.
 */
function neighbours(
  model: Model,
  id: string,
  live: (id: string) => boolean,
  isPlatform: (id: string) => boolean,
  expanded: Set<string>,
  seen: ReadonlySet<string>,
): Map<string, Hop> {
  const hops = new Map<string, Hop>();
  // A system already reached is skipped by the caller whatever this hop holds: no need to build it.
  const add = (other: string, integrations: readonly string[], platform?: string) => {
    if (other === id || seen.has(other) || !live(other)) return;
    let hop = hops.get(other);
    if (!hop) hops.set(other, (hop = { integrations: new Set(), platforms: new Set() }));
    for (const integration of integrations) hop.integrations.add(integration);
    if (platform !== undefined) hop.platforms.add(platform);
  };
  const platformsOfMine = new Map<string, string[]>();
  for (const integration of ownIntegrations(model, id)) {
    const other = integration.source === id ? integration.target : integration.source;
    if (integration.via !== undefined && live(integration.via)) {
      add(other, [integration.id], integration.via);
      add(integration.via, [integration.id]);
    } else if (integration.via === undefined) {
      add(other, [integration.id]);
    }
    if (other !== id && isPlatform(other) && live(other)) {
      const list = platformsOfMine.get(other) ?? [];
      list.push(integration.id);
      platformsOfMine.set(other, list);
    }
  }
  // A platform reaches the ends of what runs through it.
  if (isPlatform(id)) {
    for (const integrationId of model.integrationsVia(id)) {
      const integration = model.integration(integrationId);
      if (!integration) continue;
      add(integration.source, [integrationId]);
      add(integration.target, [integrationId]);
    }
  }
  // Both ends of integrations with one platform: one hop apart.
  for (const [platform, mine] of platformsOfMine) {
    if (expanded.has(platform)) continue;
    expanded.add(platform);
    for (const integration of ownIntegrations(model, platform)) {
      const other = integration.source === platform ? integration.target : integration.source;
      if (other === platform) continue;
      add(other, [...mine, integration.id], platform);
    }
  }
  return hops;
}

/**
 * The integrations a system starts or ends, as `model.integrationsOf` gives them (sorted by id). From the
 * per-model index when a query has already built it (an impact at any depth reads most systems'); otherwise by a
 * walk of the system's own edges, so that a small answer never pays for a pass over the model.
 */
function ownIntegrations(model: Model, id: string): readonly Integration[] {
  const index = builtIntegrationPositions(model);
  if (!index) return model.integrationsOf(id);
  const all = model.integrations();
  const own: Integration[] = [];
  for (const position of index.get(id) ?? []) {
    const integration = all[position] as Integration;
    if (integration.source === id || integration.target === id) own.push(integration);
  }
  return own;
}

function integratedWith(
  model: Model,
  systemId: string,
  depth: number,
  live: (id: string) => boolean,
): IntegratedSystem[] {
  const isPlatform = (id: string) => model.system(id)?.platform === true;
  const seen = new Set<string>([systemId]);
  const expanded = new Set<string>();
  const out: IntegratedSystem[] = [];
  let level = [systemId];
  for (let distance = 1; distance <= depth && level.length > 0; distance++) {
    const reached: IntegratedSystem[] = [];
    for (const current of level) {
      const hops = neighbours(model, current, live, isPlatform, expanded, seen);
      for (const other of [...hops.keys()].sort(compareStrings)) {
        if (seen.has(other)) continue;
        seen.add(other);
        const hop = hops.get(other) as Hop;
        reached.push({
          system: other,
          distance,
          from: current,
          integrations: sortedUnique(hop.integrations),
          platforms: sortedUnique(hop.platforms),
        });
      }
    }
    reached.sort((a, b) => compareStrings(a.system, b.system));
    for (const item of reached) out.push(item);
    level = reached.map((r) => r.system);
  }
  return out;
}
