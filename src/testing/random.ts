/**
 * A small seeded pseudo-random generator (mulberry32) with the few helpers the generators need. Its own, so the
 * output depends only on the seed, never on `Math.random` or on the engine.
 */

/** Hashes a string seed to 32 bits (FNV-1a), so that `'pop'` and `42` are both usable seeds. */
function hashSeed(seed: number | string): number {
  if (typeof seed === 'number') return (seed >>> 0) ^ (Math.floor(seed / 2 ** 32) >>> 0);
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A deterministic random source: the same seed gives the same sequence of draws. */
export class Random {
  #state: number;

  constructor(seed: number | string) {
    // Mix the seed once, so that seeds 1 and 2 do not start with nearly equal states.
    this.#state = (hashSeed(seed) ^ 0x9e3779b9) >>> 0;
    this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A heavy-tailed positive number (Pareto with the given shape), at least `min`. */
  pareto(min: number, shape: number): number {
    return min / Math.pow(1 - this.next(), 1 / shape);
  }

  /** A new array with the elements shuffled (Fisher-Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}

/** Weighted choice in O(log n) by binary search over cumulative weights. */
export class WeightedPicker<T> {
  readonly #items: readonly T[];
  readonly #cumulative: Float64Array;
  readonly #total: number;

  constructor(items: readonly T[], weight: (item: T) => number) {
    this.#items = items;
    this.#cumulative = new Float64Array(items.length);
    let total = 0;
    items.forEach((item, i) => {
      total += Math.max(0, weight(item));
      this.#cumulative[i] = total;
    });
    this.#total = total;
  }

  get size(): number {
    return this.#items.length;
  }

  pick(random: Random): T {
    const x = random.next() * this.#total;
    let lo = 0;
    let hi = this.#items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo] as T;
  }
}
