/**
 * Names for people: a multilingual name shown in one language, with one documented fallback order.
 *
 * @module
 */
import type { Name } from './types.js';

/**
 * The languages {@link displayName} falls back on, in order, after the one asked for: Finnish, Swedish, English,
 * Northern Sámi. Any other language comes after these, in code order.
 *
 * @example
 * ```ts
 * import { NAME_FALLBACK } from 'kartta';
 * NAME_FALLBACK; // ['fi', 'sv', 'en', 'se']
 * ```
 *
 * @category Model
 */
export const NAME_FALLBACK: readonly string[] = Object.freeze(['fi', 'sv', 'en', 'se']);

/**
 * A name as one string. A plain string is itself. A name in several languages gives the one in `lang` when there
 * is one, else the first of Finnish, Swedish, English and Northern Sámi it has ({@link NAME_FALLBACK}), else the
 * first of its other languages in code order; an empty name object gives `''`.
 *
 * @example
 * ```ts
 * import { displayName } from 'kartta';
 * const name = { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' };
 * displayName(name, 'sv'); // 'Norra Österbotten'
 * displayName(name, 'en'); // 'Pohjois-Pohjanmaa' (no English: Finnish comes first)
 * displayName(name); // 'Pohjois-Pohjanmaa'
 * displayName('Oulu', 'sv'); // 'Oulu'
 * ```
 *
 * @category Model
 */
export function displayName(name: Name, lang?: string): string {
  if (typeof name === 'string') return name;
  const own = (code: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(name, code) ? name[code] : undefined;
  if (lang !== undefined) {
    const asked = own(lang);
    if (asked !== undefined) return asked;
  }
  for (const code of NAME_FALLBACK) {
    const found = own(code);
    if (found !== undefined) return found;
  }
  const rest = Object.keys(name).sort();
  return rest.length > 0 ? (own(rest[0] as string) ?? '') : '';
}

/**
 * An id with the name a person reads for it.
 *
 * @example
 * ```ts
 * import type { EntityName } from 'kartta';
 * const named: EntityName = { id: 'esko-ppshp', name: 'Esko (PPSHP)' };
 * ```
 *
 * @category Model
 */
export interface EntityName {
  /** The entity's id. */
  readonly id: string;
  /** Its {@link displayName} (the id itself for an entity without a name, such as an integration). */
  readonly name: string;
}
