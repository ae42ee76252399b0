/**
 * Money as whole cents. The document gives euros as JSON numbers with at most two decimals (the loader refuses
 * more); every sum and split Kartta makes is done on integer cents, so 0.10 + 0.20 is 0.30 and a split of a
 * budget by shares adds up to the budget to the cent.
 */

/** Euros with at most two decimals (as the loader accepts them) to whole cents. */
export function toCents(euros: number): number {
  return Math.round(euros * 100);
}

/** A share in percent with at most two decimals to hundredths of a percent (100 % is 10,000). */
export function toBasisPoints(share: number): number {
  return Math.round(share * 100);
}

/** Whole cents to euros, for JSON output: exact for every amount the loader accepts. */
export function toEuros(cents: number): number {
  return cents / 100;
}

/**
 * Cents written for people in messages and tables: `20,000.00 €`, `-5.50 €`. Grouping by commas, two decimals,
 * independent of the locale of the machine.
 *
 * @example
 * ```ts
 * formatEuros(2_000_000); // '20,000.00 €'
 * ```
 */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${rest} €`;
}

/** Hundredths of a percent written for people: `70 %`, `12.5 %`. */
export function formatShare(basisPoints: number): string {
  return `${String(basisPoints / 100)} %`;
}

/**
 * Splits `total` cents in proportion to `weights` (any non-negative integers) so that the parts add up to
 * `total` exactly: each part is rounded down, and the cents left over go one by one to the largest remainders
 * (ties to the earlier weight). With all weights zero, everything is zero.
 *
 * @example
 * ```ts
 * allocate(100, [1, 1, 1]); // [34, 33, 33]
 * ```
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  // BigInt for the products: a total of 10^14 cents times a weight of 10^4 is beyond 2^53.
  const big = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((weight) => (big * BigInt(weight)) / bigSum);
  const remainders = weights.map((weight, index) => ({ index, remainder: (big * BigInt(weight)) % bigSum }));
  let left = total - parts.reduce((a, b) => a + Number(b), 0);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const out = parts.map(Number);
  for (const { index } of remainders) {
    if (left <= 0) break;
    out[index] = (out[index] as number) + 1;
    left--;
  }
  return out;
}
