/**
 * The identifiers of `ids.ts`, with a fast path for the common case of ids that need no escaping (ASCII letters,
 * digits and `-`). The results are exactly those of `entityIdentifier` and `relationIdentifier` (a property
 * test checks it); only the cost differs, which matters when a large model is written.
 */
import type { Relation } from '../types.js';
import { escapeIdPart } from './ids.js';

const PLAIN = /^[A-Za-z0-9-]+$/;

/** `escapeIdPart`, skipping the per-character work when nothing needs escaping. */
export function fastEscape(value: string): string {
  return PLAIN.test(value) ? value : escapeIdPart(value);
}

/** Same as `entityIdentifier`. */
export function fastEntityIdentifier(id: string): string {
  return `id-${fastEscape(id)}`;
}

/** Same as `relationIdentifier`. */
export function fastRelationIdentifier(relation: Pick<Relation, 'type' | 'from' | 'to'>): string {
  return `rel.${relation.type}.${fastEscape(relation.from)}.${fastEscape(relation.to)}`;
}
