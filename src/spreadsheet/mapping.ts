/**
 * The column-mapping file: what the user tells the import when detection is not enough. It overrides header
 * detection, names what sheets hold, and confirms or corrects the product clustering. Keys are the user's header
 * and sheet texts, so they are read into Maps (folded), never used as keys of plain objects.
 */
import { z } from 'zod';
import { SpreadsheetError } from './errors.js';
import { FIELDS, type SheetKind } from './fields.js';
import { fold } from './words.js';

/**
 * A column-mapping file (JSON).
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { ColumnMapping } from 'kartta/spreadsheet';
 * const mapping: ColumnMapping = {
 *   columns: { 'Järj. nimi': 'systems.name', 'Yhteyshenkilö': null },
 *   sheets: { 'Oulun järjestelmät': 'systems' },
 *   products: [{ name: 'Lifecare', vendor: 'Tietoevry', aliases: ['Tieto Lifecare', 'LifeCare 4.x'] }],
 *   distinctProducts: [['Pegasos', 'Pegasos Oberon']],
 * };
 * ```
 */
export interface ColumnMapping {
  /** Header text → field (`systems.name`, or `name` for every sheet kind that has it), or `null` to ignore it. */
  readonly columns?: Readonly<Record<string, string | null>>;
  /** Sheet name → what it holds (`systems`, `integrations`, ...), or `null` to ignore it. */
  readonly sheets?: Readonly<Record<string, string | null>>;
  /** Products confirmed by the user: their spellings are one product, and never merged with another. */
  readonly products?: readonly {
    /** The product's id in the catalogue; made from the name when absent. */
    readonly id?: string;
    /** The product's name, as the model should spell it. */
    readonly name: string;
    /** Who sells or develops it. */
    readonly vendor?: string;
    /** The other spellings the inventories use for it. */
    readonly aliases?: readonly string[];
  }[];
  /** Groups of spellings that are different products, however alike they look. */
  readonly distinctProducts?: readonly (readonly string[])[];
}

/** The mapping as the import uses it. */
export interface ParsedMapping {
  /** Folded header → sheet kind (or `*`) → field key or null. */
  readonly columns: Map<string, Map<SheetKind | '*', string | null>>;
  readonly sheets: Map<string, SheetKind | null>;
  readonly products: { id?: string; name: string; vendor?: string; aliases: string[] }[];
  readonly distinct: string[][];
}

const text = z.string().min(1).max(1000);
const productEntry = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  name: text,
  vendor: text.optional(),
  aliases: z.array(text).optional(),
});
const stringMap = z.custom<Record<string, unknown>>(
  (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
  { message: 'expected an object' },
);
const mappingSchema = z.strictObject({
  columns: stringMap.optional(),
  sheets: stringMap.optional(),
  products: z.array(productEntry).optional(),
  distinctProducts: z.array(z.array(text).min(2)).optional(),
});

const KINDS: readonly SheetKind[] = [...FIELDS.keys()];

function invalid(where: string, message: string): SpreadsheetError {
  return new SpreadsheetError('spreadsheet.mapping-invalid', `The column mapping is invalid at ${where}: ${message}`);
}

/** Reads and checks a mapping given as an object or as JSON text. */
export function parseMapping(input: ColumnMapping | string | undefined): ParsedMapping {
  const parsed: ParsedMapping = { columns: new Map(), sheets: new Map(), products: [], distinct: [] };
  if (input === undefined) return parsed;
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw invalid('(file)', `not JSON (${(error as Error).message})`);
    }
  }
  const result = mappingSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalid(
      issue === undefined || issue.path.length === 0 ? '(top level)' : issue.path.join('.'),
      issue?.message ?? 'unexpected shape',
    );
  }
  for (const [header, target] of Object.entries(result.data.columns ?? {})) {
    if (target !== null && typeof target !== 'string')
      throw invalid(`columns["${header}"]`, 'expected a field such as "systems.name", or null');
    let kind: SheetKind | '*' = '*';
    let field = target;
    if (typeof target === 'string' && target.includes('.')) {
      const [k, f] = target.split('.', 2) as [string, string];
      if (!KINDS.includes(k as SheetKind))
        throw invalid(`columns["${header}"]`, `"${k}" is not a sheet kind (${KINDS.join(', ')})`);
      kind = k as SheetKind;
      field = f;
    }
    if (field !== null) {
      const known =
        kind === '*'
          ? [...FIELDS.values()].some((fields) => fields.some((spec) => spec.key === field))
          : (FIELDS.get(kind) ?? []).some((spec) => spec.key === field);
      if (!known) throw invalid(`columns["${header}"]`, `"${target}" is not a known field`);
    }
    const key = fold(header);
    const entry = parsed.columns.get(key) ?? new Map<SheetKind | '*', string | null>();
    entry.set(kind, field);
    parsed.columns.set(key, entry);
  }
  for (const [sheet, kind] of Object.entries(result.data.sheets ?? {})) {
    if (kind !== null && !KINDS.includes(kind as SheetKind))
      throw invalid(`sheets["${sheet}"]`, `expected one of ${KINDS.join(', ')}, or null`);
    parsed.sheets.set(fold(sheet), kind as SheetKind | null);
  }
  for (const product of result.data.products ?? []) {
    parsed.products.push({
      ...(product.id === undefined ? {} : { id: product.id }),
      name: product.name,
      ...(product.vendor === undefined ? {} : { vendor: product.vendor }),
      aliases: [...(product.aliases ?? [])],
    });
  }
  for (const group of result.data.distinctProducts ?? []) parsed.distinct.push([...group]);
  return parsed;
}
