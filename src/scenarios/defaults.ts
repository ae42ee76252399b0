/**
 * Values that mean the same as an absent field, so that differences and conflict checks see only real changes:
 * a model written by another tool (an ArchiMate import, a spreadsheet) may spell out a default that Kartta
 * leaves out, or the other way round.
 */
import { isPlainObject } from './json-values.js';

/** Document collections in the order of the format. */
export const diffCollections = [
  'products',
  'organisations',
  'services',
  'systems',
  'integrations',
  'relations',
] as const;
export type DiffCollectionName = (typeof diffCollections)[number];

/**
 * The value of `key` as it counts, or `undefined` when it is absent or a default: an integration's `direction`
 * `oneWay`, a system's `platform` `false`, an empty `aliases` list, an empty `contract` or `x` object.
 */
export function effective(collection: DiffCollectionName | 'header', key: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (collection === 'integrations' && key === 'direction' && value === 'oneWay') return undefined;
  if (collection === 'systems' && key === 'platform' && value === false) return undefined;
  if (collection === 'products' && key === 'aliases' && Array.isArray(value) && value.length === 0) return undefined;
  if ((key === 'contract' || key === 'x') && isPlainObject(value) && Object.keys(value).length === 0) return undefined;
  return value;
}

/** An entity with its default-valued fields left out (a fresh object; hostile keys stay data). */
export function withoutDefaults(
  collection: DiffCollectionName,
  entity: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(entity)) {
    const value = effective(collection, key, entity[key]);
    if (value !== undefined)
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
