/**
 * Facts about systems that several queries share: the normalised product key (with systems without a product
 * treated as a product of their own), the user count, the organisations behind a system, and integrations between
 * systems. Options are checked by `../options.ts`. Internal: not exported from the package.
 */
import type { Model } from '../model/model.js';
import { displayName, type EntityName } from '../names.js';

export { displayName };
import type { Integration, System } from '../types.js';

/** Plain code-point comparison: deterministic, unlike `localeCompare`, whatever the runtime's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted, de-duplicated copy. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/** The product a system counts as in queries. */
export interface ProductFact {
  /** Catalogue id, normalised product name, or `system:<id>` for a system that names no product. */
  readonly key: string;
  /** Catalogue name, the product as written, or the system's name for a system without product. */
  readonly name: string;
  readonly catalogue: boolean;
  /** False for a system without product: the key stands for the system alone. */
  readonly known: boolean;
}

/** Prefix of the product key of a system that names no product. */
export const UNKNOWN_PRODUCT_PREFIX = 'system:';

/**
 * The product key of a system. A system without product is its own product (key `system:<id>`): it is
 * certainly a different installation, and it may well be a different product, so it takes part in same-service
 * and parallel comparisons but never in same-product ones.
 */
export function productFact(model: Model, system: System): ProductFact {
  const product = model.productOf(system.id);
  if (product) return { key: product.key, name: product.name, catalogue: product.catalogue, known: true };
  return {
    key: `${UNKNOWN_PRODUCT_PREFIX}${system.id}`,
    name: displayName(system.name),
    catalogue: false,
    known: false,
  };
}

/** The names of ids, sorted by id, for a result's `names`: each entity's display name, or the id itself. */
export function namesOf(model: Model, ids: Iterable<string>): EntityName[] {
  return sortedUnique(ids).map((id) => ({ id, name: model.nameOf(id) ?? id }));
}

/**
 * Where a system's user count came from: its own `users` field, the `users` of its `uses` relations, or
 * nowhere (`none`, counted as 0).
 *
 * @example
 * ```ts
 * import type { UsersSource } from 'kartta';
 * const source: UsersSource = 'uses';
 * ```
 *
 * @category Queries
 */
export type UsersSource = 'system' | 'uses' | 'none';

/**
 * A system's users: its own `users`, else the sum of `users` on the `uses` relations from organisations in
 * `organisations` (all organisations when not given). Organisations outside the scope never count.
 */
export function usersOf(
  model: Model,
  system: System,
  organisations?: ReadonlySet<string>,
): { users: number; source: UsersSource } {
  if (system.users !== undefined) return { users: system.users, source: 'system' };
  let users = 0;
  let found = false;
  for (const relation of model.relationsIn(system.id, 'uses')) {
    if (organisations && !organisations.has(relation.from)) continue;
    if (relation.type === 'uses' && relation.users !== undefined) {
      users += relation.users;
      found = true;
    }
  }
  return found ? { users, source: 'uses' } : { users: 0, source: 'none' };
}

/** The organisations that own or use a system, restricted to `organisations` when given. Sorted. */
export function organisationsOf(model: Model, systemId: string, organisations?: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const relation of model.relationsIn(systemId)) {
    if (relation.type !== 'owns' && relation.type !== 'uses') continue;
    if (organisations && !organisations.has(relation.from)) continue;
    out.add(relation.from);
  }
  return sortedUnique(out);
}

/** The services a system supports, sorted. */
export function servicesOf(model: Model, systemId: string): string[] {
  return sortedUnique(model.relationsOut(systemId, 'supports').map((relation) => relation.to));
}

/** The integrations whose two ends are `a` and `b` (either direction), sorted by id. */
export function integrationsBetween(model: Model, a: string, b: string): Integration[] {
  return model
    .integrationsOf(a)
    .filter((i) => (i.source === a && i.target === b) || (i.source === b && i.target === a));
}

/** Today's date in UTC as `YYYY-MM-DD`: the default `asOf` of date-dependent queries. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
