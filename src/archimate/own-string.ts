/**
 * Strings the import keeps, copied out of the text they were read from. V8 makes a substring of 13 characters or
 * more a view into its parent, and saxes cuts every attribute value and text out of the chunk it is parsing: an
 * identifier kept in the model would keep its whole chunk alive, so that a model read from a stream held on to
 * the entire file (twice its length in bytes when the file has a single letter outside ASCII) for as long as it
 * lived. Copies hold only themselves.
 */

/** The shortest substring V8 makes a view of its parent (`SlicedString::kMinLength`); shorter ones are copies. */
const VIEW_LENGTH = 13;

/** `text` as a string of its own, holding no reference to the text it was cut from. */
export function ownString(text: string): string {
  // The concatenation is flattened into a fresh string by the slice, whose result is (a view of) that string.
  return text.length < VIEW_LENGTH ? text : (' ' + text).slice(1);
}

/** How many distinct common strings are shared at most (a hostile file may make every value different). */
const MAX_COMMON = 4096;

/** Own copies of the strings a file repeats (types, property references): one copy for all their uses. */
export class CommonStrings {
  readonly #kept = new Map<string, string>();

  get(text: string): string {
    let kept = this.#kept.get(text);
    if (kept === undefined) {
      kept = ownString(text);
      if (this.#kept.size < MAX_COMMON) this.#kept.set(kept, kept);
    }
    return kept;
  }
}
