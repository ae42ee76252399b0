/** Text normalisation and "did you mean" suggestions shared by header detection and value reading. */

/**
 * The comparison form of a word typed by a person: accents and case dropped, punctuation and runs of white space
 * made one space. `Elinkaaren  vaihe`, `elinkaaren vaihe` and `ELINKAAREN-VAIHE` meet.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Levenshtein distance, stopping early once it is above `limit`. */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The candidate closest to `typed` (compared folded, and also without spaces), when it is close enough to be a
 * likely typo: at most one edit for short words, two for longer ones, or a prefix of at least four letters.
 */
export function suggest(typed: string, candidates: Iterable<string>): string | undefined {
  const folded = fold(typed);
  if (folded === '') return undefined;
  const squeezed = folded.replaceAll(' ', '');
  const limit = folded.length <= 4 ? 1 : folded.length <= 12 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const other = fold(candidate);
    const d = Math.min(distance(folded, other, limit), distance(squeezed, other.replaceAll(' ', ''), limit));
    const prefix = squeezed.length >= 4 && other.replaceAll(' ', '').startsWith(squeezed) ? 1 : limit + 1;
    const score = Math.min(d, prefix);
    if (score < bestDistance || (score === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = score;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** A value echoed in a message: at most 80 characters, with an ellipsis and the full length when cut. */
export function cap(text: string, limit = 80): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}
