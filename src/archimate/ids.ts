/**
 * Identifiers in exchange files. Every identifier is a valid `xs:ID` (an NCName), derived from Kartta ids, stable
 * across exports and collision-free: only ASCII letters, digits and `-` are kept, every other character becomes
 * `_` + its hex code point + `_`. Because `_` and `.` are always escaped, the escaping is injective and `.` can
 * separate the parts of compound identifiers.
 */
import type { Relation } from '../types.js';

const KEPT = /^[A-Za-z0-9-]$/;

/**
 * Escapes a Kartta id for use inside an `xs:ID` (internal: the export's identifiers are `id-` and this).
 *
 * @example
 * ```ts
 * escapeIdPart('lifecare-oulu'); // 'lifecare-oulu'
 * escapeIdPart('hämeen_kaupunki'); // 'h_e4_meen_5f_kaupunki'
 * ```
 */
export function escapeIdPart(value: string): string {
  let out = '';
  for (const char of value) {
    out += KEPT.test(char) ? char : `_${(char.codePointAt(0) as number).toString(16)}_`;
  }
  return out;
}

/**
 * Reverses {@link escapeIdPart}; `undefined` when the text is not an escaped id.
 *
 * @example
 * ```ts
 * unescapeIdPart('h_e4_meen_5f_kaupunki'); // 'hämeen_kaupunki'
 * ```
 */
export function unescapeIdPart(value: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const char = value[i] as string;
    if (KEPT.test(char)) {
      out += char;
      i++;
      continue;
    }
    if (char !== '_') return undefined;
    const end = value.indexOf('_', i + 1);
    if (end < 0) return undefined;
    const hex = value.slice(i + 1, end);
    if (!/^[0-9a-f]{1,6}$/.test(hex)) return undefined;
    const codePoint = Number.parseInt(hex, 16);
    if (codePoint > 0x10ffff) return undefined;
    const decoded = String.fromCodePoint(codePoint);
    if (KEPT.test(decoded)) return undefined;
    out += decoded;
    i = end + 1;
  }
  return out;
}

/** Identifier of the element for an organisation, service or system, or of the Flow for an integration. */
export function entityIdentifier(id: string): string {
  return `id-${escapeIdPart(id)}`;
}

/** The Kartta id an identifier made by {@link entityIdentifier} came from, else `undefined`. */
export function idFromEntityIdentifier(identifier: string): string | undefined {
  return identifier.startsWith('id-') ? unescapeIdPart(identifier.slice(3)) : undefined;
}

/** Identifier of the relationship for a relation. */
export function relationIdentifier(relation: Pick<Relation, 'type' | 'from' | 'to'>): string {
  return `rel.${relation.type}.${escapeIdPart(relation.from)}.${escapeIdPart(relation.to)}`;
}

/** Identifier of any other generated object (plan elements, views, nodes, property definitions). */
export function generatedIdentifier(...parts: (string | number)[]): string {
  return parts.map((part) => escapeIdPart(String(part))).join('.');
}
