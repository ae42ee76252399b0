/**
 * Recognising one product across the ways people spell it: `Lifecare`, `LifeCare 4.x`, `Tieto Lifecare`,
 * `lifecare (Tieto)` and a catalogue alias meet. The result is a report the user confirms or corrects in the
 * mapping file; spellings the user put in different products are never merged.
 */
import { normaliseProductName } from '../schema/products.js';
import { slug } from './ids.js';

/** Why a spelling joined a product.
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { ClusterRule } from 'kartta/spreadsheet';
 * const rule: ClusterRule = 'version-suffix'; // 'LifeCare 4.x' joined 'Lifecare'
 * ```
 */
export type ClusterRule =
  'same' | 'case-or-spacing' | 'punctuation' | 'version-suffix' | 'vendor-name' | 'catalogue' | 'mapping';

/** One spelling of a product, as typed, with how many rows used it and why it joined the product.
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { ProductSpelling } from 'kartta/spreadsheet';
 * const spelling: ProductSpelling = { spelling: 'Tieto Lifecare', rows: 3, firstCell: 'Järjestelmät!F4', rule: 'vendor-name' };
 * ```
 */
export interface ProductSpelling {
  /** The spelling as typed (trimmed). */
  readonly spelling: string;
  /** How many system rows used it. */
  readonly rows: number;
  /** The first cell it was seen in. */
  readonly firstCell: string;
  /** Why it belongs to the product. */
  readonly rule: ClusterRule;
}

/** A product recognised across spellings: what the import proposes (or, with a mapping, was told) as a catalogue entry.
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readInventory } from 'kartta/spreadsheet';
 * const { products } = readInventory(['examples/inventory/oulu.xlsx', 'examples/inventory/kempele.xlsx']);
 * for (const product of products) console.log(product.name, product.spellings.map((s) => s.spelling));
 * ```
 */
export interface ProductCluster {
  /** The id of the catalogue product. */
  readonly id: string;
  /** The name chosen for it: a catalogue name, the mapping's name, or the most used spelling without version. */
  readonly name: string;
  /** The vendor: from the catalogue, the mapping, a vendor column or a vendor name in the spelling. */
  readonly vendor?: string;
  /** Every spelling seen, most used first. */
  readonly spellings: readonly ProductSpelling[];
  /** Where the product came from: the Products sheet or catalogue, the mapping file, or a proposal of the import. */
  readonly source: 'catalogue' | 'mapping' | 'proposed';
}

/** A product the user declared: in the Products sheet, or in the mapping file. */
export interface DeclaredProduct {
  readonly id?: string | undefined;
  readonly name: string;
  readonly vendor?: string | undefined;
  readonly aliases: readonly string[];
  readonly source: 'catalogue' | 'mapping';
}

/** A product spelling seen on a system row. */
export interface SeenSpelling {
  readonly spelling: string;
  readonly vendor?: string | undefined;
  readonly cell: string;
}

/** Vendor names often written in front of or after a product's name. */
const KNOWN_VENDORS = [
  'tietoevry',
  'tieto',
  'cgi',
  'cerner',
  'oracle',
  'dedalus',
  'visma',
  'sap',
  'microsoft',
  'ibm',
  'fujitsu',
  'atos',
  'abilita',
  'medtronic',
  'istekki',
  'uranus',
  'triplan',
  'trimble',
  'cgi suomi',
  'enfo',
  'innofactor',
  'sarastia',
  'kuntien tiera',
  'tiera',
  'medbit',
];

const VERSION = /(\s+(v|ver|versio|version|r|rel|release)?\s*\d+([.\s]\d+)*([.\s]?x)?(\s*(sp|r)\s*\d+)?)+$/u;

/** A spelling folded for comparison: accents kept (they are part of a product name), case and punctuation not. */
function punctuationFree(spelling: string): string {
  return spelling
    .normalize('NFC')
    .toLowerCase()
    .replace(/[®™©]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function withoutVersion(key: string): string {
  const stripped = key.replace(VERSION, '').trim();
  return stripped === '' ? key : stripped;
}

function withoutVendor(key: string, vendors: readonly string[]): string {
  let out = key;
  for (const vendor of vendors) {
    if (vendor === '') continue;
    if (out.startsWith(`${vendor} `)) out = out.slice(vendor.length + 1);
    if (out.endsWith(` ${vendor}`)) out = out.slice(0, -vendor.length - 1);
  }
  return out.trim() === '' ? key : out.trim();
}

/** The key a spelling is clustered on, and the strongest rule that made it differ from its plain form. */
function clusterKey(spelling: string, vendors: readonly string[]): { key: string; rule: ClusterRule } {
  const plain = normaliseProductName(spelling);
  const punct = punctuationFree(spelling);
  const versionless = withoutVersion(punct);
  const vendorless = withoutVendor(versionless, vendors);
  const rule: ClusterRule =
    vendorless !== versionless
      ? 'vendor-name'
      : versionless !== punct
        ? 'version-suffix'
        : punct !== plain
          ? 'punctuation'
          : 'same';
  return { key: vendorless, rule };
}

function mostUsed(spellings: readonly ProductSpelling[]): string {
  const shouting = (text: string): number => (text === text.toUpperCase() && text !== text.toLowerCase() ? 1 : 0);
  return (
    [...spellings].sort(
      (a, b) =>
        b.rows - a.rows ||
        shouting(a.spelling) - shouting(b.spelling) ||
        a.spelling.length - b.spelling.length ||
        (a.spelling < b.spelling ? -1 : 1),
    )[0] as ProductSpelling
  ).spelling;
}

/**
 * Clusters the spellings seen on system rows with the declared products. Declared products keep their spellings
 * (their name and aliases); a spelling seen in rows joins a declared product when it matches one of its keys, and
 * two declared products are never merged, even when their names cluster together. Spellings that match no declared
 * product are clustered among themselves.
 */
export function clusterProducts(
  seen: readonly SeenSpelling[],
  declared: readonly DeclaredProduct[],
  takenIds: ReadonlySet<string>,
): ProductCluster[] {
  const vendors = new Set(KNOWN_VENDORS);
  for (const entry of seen) if (entry.vendor !== undefined) vendors.add(punctuationFree(entry.vendor));
  for (const product of declared) if (product.vendor !== undefined) vendors.add(punctuationFree(product.vendor));
  const vendorList = [...vendors].filter((v) => v !== '').sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

  // Counts and first cells of each spelling (compared as the model compares names: case and spacing).
  const bySpelling = new Map<
    string,
    { spelling: string; rows: number; firstCell: string; vendors: Map<string, number> }
  >();
  for (const entry of seen) {
    const plain = normaliseProductName(entry.spelling);
    let record = bySpelling.get(plain);
    if (record === undefined) {
      record = { spelling: entry.spelling.trim(), rows: 0, firstCell: entry.cell, vendors: new Map() };
      bySpelling.set(plain, record);
    }
    record.rows++;
    if (entry.vendor !== undefined) record.vendors.set(entry.vendor, (record.vendors.get(entry.vendor) ?? 0) + 1);
  }

  interface Group {
    declared?: DeclaredProduct;
    spellings: ProductSpelling[];
    vendors: Map<string, number>;
  }
  const groups: Group[] = [];
  const exact = new Map<string, Group>();
  const fuzzy = new Map<string, Group | null>();
  for (const product of declared) {
    const group: Group = { declared: product, spellings: [], vendors: new Map() };
    groups.push(group);
    for (const spelling of [product.name, ...product.aliases, ...(product.id === undefined ? [] : [product.id])]) {
      exact.set(normaliseProductName(spelling), group);
      const { key } = clusterKey(spelling, vendorList);
      // A fuzzy key claimed by two declared products belongs to neither: the user kept them apart.
      fuzzy.set(key, fuzzy.has(key) && fuzzy.get(key) !== group ? null : group);
    }
  }
  for (const [plain, record] of [...bySpelling].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const { key, rule } = clusterKey(record.spelling, vendorList);
    let group = exact.get(plain);
    let joined: ClusterRule = group === undefined ? rule : (group.declared?.source ?? 'catalogue');
    if (group === undefined) {
      const match = fuzzy.get(key);
      if (match === null) {
        group = { spellings: [], vendors: new Map() };
        groups.push(group);
        joined = 'same';
      } else if (match !== undefined) {
        group = match;
        if (group.declared === undefined && group.spellings.length > 0) {
          const first = group.spellings[0] as ProductSpelling;
          joined =
            first.spelling.toLowerCase() === record.spelling.toLowerCase()
              ? 'case-or-spacing'
              : rule === 'same'
                ? 'punctuation'
                : rule;
        } else if (group.declared !== undefined) joined = rule === 'same' ? 'punctuation' : rule;
      } else {
        group = { spellings: [], vendors: new Map() };
        groups.push(group);
        fuzzy.set(key, group);
        joined = 'same';
      }
    }
    group.spellings.push({ spelling: record.spelling, rows: record.rows, firstCell: record.firstCell, rule: joined });
    for (const [vendor, count] of record.vendors) group.vendors.set(vendor, (group.vendors.get(vendor) ?? 0) + count);
  }

  const taken = new Set(takenIds);
  const clusters: ProductCluster[] = [];
  for (const group of groups) {
    const spellings = [...group.spellings].sort((a, b) => b.rows - a.rows || (a.spelling < b.spelling ? -1 : 1));
    const declaredProduct = group.declared;
    let name = declaredProduct?.name ?? stripVendor(stripVersion(mostUsed(spellings)), vendorList);
    // A proposed name may not take a declared product's name: the spelling was kept apart from it on purpose.
    if (declaredProduct === undefined && exact.has(normaliseProductName(name))) name = mostUsed(spellings);
    const vendor = declaredProduct?.vendor ?? topVendor(group.vendors) ?? vendorInSpellings(spellings, vendorList);
    let id = declaredProduct?.id;
    if (id === undefined) {
      const base = slug(name);
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    }
    taken.add(id);
    const cluster: ProductCluster = {
      id,
      name,
      ...(vendor === undefined ? {} : { vendor }),
      spellings,
      source: declaredProduct?.source ?? 'proposed',
    };
    clusters.push(cluster);
  }
  return clusters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function stripVersion(spelling: string): string {
  const stripped = spelling
    .replace(/(\s+(v|ver|versio|version|r|rel|release)?\.?\s*\d+([.\s]\d+)*([.\s]?x)?)+$/iu, '')
    .trim();
  return stripped === '' ? spelling : stripped;
}

/** The name without a vendor's name in front of it or after it (`Tieto Effica` → `Effica`). */
function stripVendor(spelling: string, vendors: readonly string[]): string {
  const words = spelling.split(/\s+/);
  const first = punctuationFree(words[0] ?? '');
  const last = punctuationFree(words[words.length - 1] ?? '');
  if (words.length > 1 && vendors.includes(first)) return words.slice(1).join(' ');
  if (words.length > 1 && vendors.includes(last))
    return words
      .slice(0, -1)
      .join(' ')
      .replace(/[\s(,-]+$/, '');
  return spelling;
}

function topVendor(vendors: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let count = 0;
  for (const [vendor, n] of [...vendors].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n > count) {
      best = vendor;
      count = n;
    }
  }
  return best;
}

function vendorInSpellings(spellings: readonly ProductSpelling[], vendors: readonly string[]): string | undefined {
  for (const { spelling } of spellings) {
    const folded = punctuationFree(spelling);
    for (const vendor of vendors) {
      if (folded.startsWith(`${vendor} `) || folded.endsWith(` ${vendor}`)) {
        const words = spelling.split(/[\s()]+/).filter((w) => w !== '');
        const found = words.find((w) => punctuationFree(w) === vendor);
        if (found !== undefined) return found;
      }
    }
  }
  return undefined;
}

/** The catalogue entry of a cluster: aliases are the spellings the model's own normalisation would not match. */
export function catalogueEntry(
  cluster: ProductCluster,
  description?: string,
  x?: Record<string, unknown>,
): {
  id: string;
  name: string;
  vendor?: string;
  aliases?: string[];
  description?: string;
  x?: Record<string, unknown>;
} {
  const keys = new Set([normaliseProductName(cluster.name), normaliseProductName(cluster.id)]);
  const aliases: string[] = [];
  for (const { spelling } of cluster.spellings) {
    const key = normaliseProductName(spelling);
    if (keys.has(key)) continue;
    keys.add(key);
    aliases.push(spelling);
  }
  return {
    id: cluster.id,
    name: cluster.name,
    ...(cluster.vendor === undefined ? {} : { vendor: cluster.vendor }),
    ...(aliases.length === 0 ? {} : { aliases }),
    ...(description === undefined ? {} : { description }),
    ...(x === undefined ? {} : { x }),
  };
}
