/** Content hashes of models and entities, so a scenario can say which base it was written against. */
import { createHash } from 'node:crypto';
import type { Model } from '../model/model.js';

/** The prefix of every hash Kartta writes: the algorithm, so that another one can follow without ambiguity. */
export const HASH_PREFIX = 'sha256:';

/** `sha256:` and the lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Text(text: string): string {
  return `${HASH_PREFIX}${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * The content hash of a model: `sha256:` followed by the lower-case hex SHA-256 of the UTF-8 bytes of
 * `JSON.stringify(model.toJSON())` (the canonical document: entities sorted by id, relations by type, from and
 * to, keys in schema order, no white space). Two models with the same canonical document have the same hash,
 * whatever order they were loaded or edited in.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, modelHash } from 'kartta';
 * const a = Model.load({ format: 'kartta/1', name: 'X', services: [{ id: 'b', name: 'B', domain: 'd' }, { id: 'a', name: 'A', domain: 'd' }] });
 * const b = Model.load({ format: 'kartta/1', name: 'X', services: [{ id: 'a', name: 'A', domain: 'd' }, { id: 'b', name: 'B', domain: 'd' }] });
 * modelHash(a) === modelHash(b); // true
 * modelHash(a).startsWith('sha256:'); // true
 * ```
 */
export function modelHash(model: Model): string {
  return sha256Text(JSON.stringify(model.toJSON()));
}
