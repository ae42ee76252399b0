/**
 * Spreadsheet inventories in and out: `kartta/spreadsheet`. Kept apart from the main entry so that the core never
 * loads the spreadsheet code.
 *
 * @example
 * ```ts
 * import { readInventory, writeInventory } from 'kartta/spreadsheet';
 * const { model, products } = readInventory(['oulu.xlsx', 'kempele.xlsx'], { mapping: '{"columns": {}}' });
 * const bytes = writeInventory(model);
 * ```
 *
 * @module kartta/spreadsheet
 */
export { readInventory } from './read-inventory.js';
export type { InventorySource, ReadInventoryOptions, InventoryResult } from './read-inventory.js';
export { writeInventory, writeTemplate } from './write-inventory.js';
export type { WriteInventoryOptions } from './write-inventory.js';
export { SpreadsheetError, SpreadsheetInventoryError } from './errors.js';
export type { InventoryProblem, InventoryNote, CellLocation } from './problems.js';
export type { ProductCluster, ProductSpelling, ClusterRule } from './products.js';
export type { IdCollision } from './ids.js';
export type { ColumnMapping } from './mapping.js';
export { writeInventoryCsv } from './inventory-csv.js';
export type { WriteInventoryCsvOptions, InventoryCsvFile } from './inventory-csv.js';
export { writeResultWorkbook, writeResultCsv } from './result-table.js';
export type { ResultTable, ResultColumn, ResultCell, ResultCsvOptions } from './result-table.js';
export { harmonisationTable, parallelTable, migrationPlanTables, lintTable } from './result-tables.js';
