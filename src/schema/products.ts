/** Product-name normalisation: case and runs of white space do not matter, declared aliases do. */
import type { Product } from '../types.js';

/**
 * The comparison key of a product name: trimmed, runs of white space made one space, lower case (locale
 * independent, so `Ä` and `ä` meet).
 *
 * @example
 * ```ts
 * import { normaliseProductName } from 'kartta';
 * normaliseProductName('  Tieto   LifeCare '); // 'tieto lifecare'
 * ```
 *
 * @category Model
 */
export function normaliseProductName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Every key a catalogue product answers to: its id, its name and its aliases, normalised. */
export function productKeys(product: Product): string[] {
  const keys = new Set<string>([normaliseProductName(product.id), normaliseProductName(product.name)]);
  for (const alias of product.aliases ?? []) if (typeof alias === 'string') keys.add(normaliseProductName(alias));
  return [...keys];
}
