/**
 * Stable ids for rows that have no Id column: a slug of the organisation and the name, Finnish, Swedish and Sámi
 * letters transliterated (`Hämeenlinna` → `hameenlinna`, `Čáhcesuolu` → `cahcesuolu`). The same row gets the same
 * id whatever the order of rows; two rows that would get the same id are numbered in the order of their content,
 * not of their position, and reported.
 */

const LETTERS = new Map<string, string>([
  ['ä', 'a'],
  ['å', 'a'],
  ['ö', 'o'],
  ['ü', 'u'],
  ['ø', 'o'],
  ['æ', 'ae'],
  ['ß', 'ss'],
  ['đ', 'd'],
  ['ŋ', 'n'],
  ['ŧ', 't'],
  ['ʒ', 'z'],
  ['ǥ', 'g'],
  ['ǯ', 'z'],
]);

/**
 * A lower-case ASCII slug of a name: `Pohjois-Pohjanmaan hyvinvointialue` → `pohjois-pohjanmaan-hyvinvointialue`.
 *
 * @example
 * slug('Lifecare (Oulu) 4.x'); // 'lifecare-oulu-4-x'
 */
export function slug(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) out += LETTERS.get(char) ?? char;
  out = out
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (out.length > 80) out = out.slice(0, 80).replace(/-+$/, '');
  return out === '' ? 'x' : out;
}

/** One row asking for a generated id. */
export interface IdRequest {
  /** The id the row would get without collisions. */
  readonly base: string;
  /** A key of the row's content, to order rows that collide independently of their position. */
  readonly content: string;
  /** Where the row is, for the report and as the last tie-break. */
  readonly location: string;
}

/** A generated id that had to be numbered because another row wanted the same one.
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { IdCollision } from 'kartta/spreadsheet';
 * const collision: IdCollision = { id: 'oulu-effica', rows: [{ location: 'Järjestelmät!A2', id: 'oulu-effica' }, { location: 'Järjestelmät!A9', id: 'oulu-effica-2' }] };
 * ```
 */
export interface IdCollision {
  /** The id the rows asked for. */
  readonly id: string;
  /** The rows (by cell reference) and the ids they were given, in the order the ids were given. */
  readonly rows: readonly {
    /** The row, as a cell reference (`Järjestelmät!A9`). */
    readonly location: string;
    /** The id that row was given. */
    readonly id: string;
  }[];
}

/**
 * Gives every request an id not in `taken` (explicit ids and earlier collections): the first of a group of rows
 * asking for the same base, in content order, keeps it; the others get `-2`, `-3`, ...
 */
export function assignIds(
  requests: readonly IdRequest[],
  taken: Set<string>,
): { ids: string[]; collisions: IdCollision[] } {
  const groups = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const group = groups.get(request.base);
    if (group === undefined) groups.set(request.base, [index]);
    else group.push(index);
  });
  const ids: string[] = new Array<string>(requests.length);
  const collisions: IdCollision[] = [];
  for (const base of [...groups.keys()].sort()) {
    const members = (groups.get(base) as number[]).sort((a, b) => {
      const x = requests[a] as IdRequest;
      const y = requests[b] as IdRequest;
      return x.content < y.content
        ? -1
        : x.content > y.content
          ? 1
          : x.location < y.location
            ? -1
            : x.location > y.location
              ? 1
              : 0;
    });
    let counter = 1;
    const given: { location: string; id: string }[] = [];
    for (const index of members) {
      let id = counter === 1 ? base : `${base}-${counter}`;
      while (taken.has(id)) id = `${base}-${++counter}`;
      counter++;
      taken.add(id);
      ids[index] = id;
      given.push({ location: (requests[index] as IdRequest).location, id });
    }
    if (members.length > 1 || given[0]?.id !== base) collisions.push({ id: base, rows: given });
  }
  return { ids, collisions };
}
