/**
 * Obligations: systems of a region that support a service which, from a date, must be taken from a national
 * offering. They are migration candidates; the lint rule `system.obligated-offering` reports the same facts.
 */
import type { Model } from '../model/model.js';
import type { EntityName } from '../names.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { compareStrings, nameFor } from './facts.js';

const SCHEMA = optionsSchema({ scope: optionField.id(), asOf: optionField.date() });

/**
 * Options of {@link obligations}.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { ObligationOptions } from 'kartta';
 * const options: ObligationOptions = { scope: 'pop', asOf: '2019-06-01' };
 * ```
 */
export interface ObligationOptions {
  /** Only systems owned or used by this organisation and its members (transitively). */
  readonly scope?: string | undefined;
  /** The day to judge whether an obligation already applies (`YYYY-MM-DD`); default today (UTC). */
  readonly asOf?: string | undefined;
}

/**
 * A system that supports a service for which an obligated national offering exists.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { ObligatedSystem } from 'kartta';
 * const line = (o: ObligatedSystem) => `${o.systemName} → ${o.offeringName} from ${o.from}${o.applies ? '' : ' (upcoming)'}`;
 * ```
 */
export interface ObligatedSystem {
  /** The system's id. */
  readonly system: string;
  /** The system's display name. */
  readonly systemName: string;
  /** The organisations that own the system, sorted. */
  readonly owners: readonly string[];
  /** The service it supports that the offering covers. */
  readonly service: string;
  /** The service's display name. */
  readonly serviceName: string;
  /** The obligated offering's id. */
  readonly offering: string;
  /** The offering's display name. */
  readonly offeringName: string;
  /** The organisation that offers it. */
  readonly provider: string;
  /** The providing organisation's display name. */
  readonly providerName: string;
  /** The first day the obligation applies. */
  readonly from: string;
  /** Whether the obligation already applies on `asOf`. */
  readonly applies: boolean;
  /** What the obligation rests on, when the offering says. */
  readonly basis: string | null;
  /** Whether the obligation applies or is upcoming, in words. */
  readonly reasons: readonly {
    /** The reason's code: `obligation.applies` or `obligation.upcoming`. */
    readonly code: 'obligation.applies' | 'obligation.upcoming';
    /** The reason in a sentence, names next to ids. */
    readonly message: string;
  }[];
  /** Names of the system, owners, service, offering and provider, sorted by id. */
  readonly names: readonly EntityName[];
}

/**
 * Systems that support a service for which a national offering with an obligation to use it exists, with the date
 * from which the obligation applies: one entry per system, service and offering, sorted by system, service and
 * offering. Retired systems and systems the provider itself owns are left out.
 *
 * @category Portfolio
 * @throws {@link OptionError} for a bad option; {@link QueryError} for a `scope` that is not an organisation.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, obligations } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * for (const o of obligations(model, { asOf: '2019-06-01' })) console.log(o.system, o.offering, o.from, o.applies);
 * ```
 */
export function obligations(model: Model, options: ObligationOptions = {}): ObligatedSystem[] {
  const parsed = parseOptions('obligations', SCHEMA, options);
  const asOf = parsed.asOf ?? new Date().toISOString().slice(0, 10);
  return obligatedSystems(model, model.scope(parsed.scope).systems, asOf);
}

/** The obligations of the given systems (ids of systems not retired). @internal */
export function obligatedSystems(model: Model, systems: readonly string[], asOf: string): ObligatedSystem[] {
  const obligated = model.offerings().filter((offering) => offering.obligation !== undefined);
  if (obligated.length === 0) return [];
  const out: ObligatedSystem[] = [];
  for (const systemId of systems) {
    const system = model.system(systemId);
    if (!system || system.lifecycle === 'retired') continue;
    const owners = model
      .relationsIn(systemId, 'owns')
      .map((r) => r.from)
      .sort(compareStrings);
    const services = new Set(model.relationsOut(systemId, 'supports').map((r) => r.to));
    for (const offering of obligated) {
      if (owners.includes(offering.provider)) continue;
      for (const service of [...offering.services].sort(compareStrings)) {
        if (!services.has(service)) continue;
        const from = offering.obligation?.from as string;
        const applies = from <= asOf;
        const systemName = nameFor(model, systemId);
        const offeringName = nameFor(model, offering.id);
        const providerName = nameFor(model, offering.provider);
        const serviceName = nameFor(model, service);
        const ids = [systemId, ...owners, service, offering.id, offering.provider];
        out.push({
          system: systemId,
          systemName,
          owners,
          service,
          serviceName,
          offering: offering.id,
          offeringName,
          provider: offering.provider,
          providerName,
          from,
          applies,
          basis: offering.obligation?.basis ?? null,
          reasons: [
            {
              code: applies ? 'obligation.applies' : 'obligation.upcoming',
              message: `'${systemId}' (${systemName}) supports '${service}' (${serviceName}), which ${applies ? 'since' : 'from'} ${from} must be taken from '${offering.id}' (${offeringName}) of '${offering.provider}' (${providerName})`,
            },
          ],
          names: [...new Set(ids)].sort(compareStrings).map((id) => ({ id, name: nameFor(model, id) })),
        });
      }
    }
  }
  return out.sort(
    (a, b) =>
      compareStrings(a.system, b.system) ||
      compareStrings(a.service, b.service) ||
      compareStrings(a.offering, b.offering),
  );
}
