/**
 * `writeInventoryCsv`: a model as CSV files, one per sheet of the workbook `writeInventory` writes, named after
 * the sheet (`Järjestelmät.csv`), so that reading the files back finds each sheet by its file name.
 */
import { z } from 'zod';
import type { Model } from '../model/model.js';
import { optionsSchema as optionsSchemaOf, parseOptions } from '../options.js';
import { writeCsvText } from './csv-write.js';
import { inventorySheets } from './write-inventory.js';

/**
 * Options of {@link writeInventoryCsv}.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { WriteInventoryCsvOptions } from 'kartta/spreadsheet';
 * const options: WriteInventoryCsvOptions = { language: 'en', delimiter: ',' };
 * ```
 */
export interface WriteInventoryCsvOptions {
  /** The language of file names, headers and enumerated words (default `fi`). Any of them reads back the same. */
  readonly language?: 'fi' | 'sv' | 'en';
  /**
   * The separator: `;` (default) as Finnish Excel writes and opens CSV, or `,`. Decimals are written with a comma
   * either way (`12,5`, quoted after `,`), the one spelling the reader never takes for a thousands separator.
   */
  readonly delimiter?: ';' | ',';
}

/**
 * One CSV file of an inventory.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { InventoryCsvFile } from 'kartta/spreadsheet';
 * const file: InventoryCsvFile = { name: 'Järjestelmät.csv', text: '\ufeffTunnus;Järjestelmä\n' };
 * ```
 */
export interface InventoryCsvFile {
  /** The file name: the sheet's name and `.csv`. */
  readonly name: string;
  /** The contents, starting with a UTF-8 byte-order mark so that Excel reads ä and ö right. */
  readonly text: string;
}

const optionsSchema = optionsSchemaOf({
  language: z.enum(['fi', 'sv', 'en'], { error: "must be 'fi', 'sv' or 'en'" }).optional(),
  delimiter: z.enum([';', ','], { error: "must be ';' or ','" }).optional(),
});

/**
 * Writes a model as CSV files, one per sheet of {@link writeInventory}'s workbook (Malli, Organisaatiot, Palvelut,
 * Tuotteet, Järjestelmät, Integraatiot, Suhteet, Teemat, Rahoittajat, Palvelutarjonta, Hankkeet, Budjetti,
 * Rahoitus, or their Swedish or English names). Reading all of them back gives the same document. Text a
 * spreadsheet would take for a formula is written with a leading `'`; funding shares as `12,5 %`.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
 * import { Model } from 'kartta';
 * import { writeInventoryCsv } from 'kartta/spreadsheet';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * mkdirSync('inventory', { recursive: true });
 * for (const file of writeInventoryCsv(model)) writeFileSync(`inventory/${file.name}`, file.text);
 * ```
 */
export function writeInventoryCsv(model: Model, options: WriteInventoryCsvOptions = {}): InventoryCsvFile[] {
  const { language = 'fi', delimiter = ';' } = parseOptions('writeInventoryCsv', optionsSchema, options);
  return inventorySheets(model, language).map((sheet) => ({
    name: `${sheet.name}.csv`,
    text: writeCsvText(sheet.header, sheet.rows, { delimiter, bom: true, decimalComma: true }),
  }));
}
