/** The names a row gives an entity: the plain name column and the language columns such as `Nimi (sv)`. */
import type { Name } from '../types.js';
import type { RowRecord } from './sheets.js';

/** A name from a row: the plain name, or the language columns (with the plain name as Finnish when it is not given). */
export function nameOf(record: RowRecord): Name | undefined {
  const plain = record.values.get('name') as string | undefined;
  if (record.names.size === 0) return plain;
  const name: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [language, value] of [...record.names].sort((a, b) => (a[0] < b[0] ? -1 : 1))) name[language] = value;
  if (plain !== undefined && name['fi'] === undefined) name['fi'] = plain;
  return { ...name };
}

/** Every spelling of a name, to find its entity by any of them. */
export function namesOf(name: Name | undefined): string[] {
  if (name === undefined) return [];
  return typeof name === 'string' ? [name] : Object.values(name);
}
