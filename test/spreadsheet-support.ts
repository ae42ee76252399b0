import ExcelJS from 'exceljs';
import {
  SpreadsheetInventoryError,
  readInventory,
  type InventoryProblem,
  type ReadInventoryOptions,
} from '../src/spreadsheet/index.js';
import { writeZip } from '../src/spreadsheet/zip-write.js';

/** Reads CSV text given as lines joined by newlines. */
export function csv(file: string, lines: string[], options: ReadInventoryOptions = {}) {
  return readInventory([{ file, data: `${lines.join('\n')}\n` }], options);
}

/** The problems of an import that must fail. */
export function problemsOf(run: () => unknown): readonly InventoryProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SpreadsheetInventoryError) return error.problems;
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** A workbook written by a third-party producer (exceljs), as Excel-like files reach Kartta. */
export async function excelWorkbook(
  sheets: Record<string, (string | number | boolean | Date | null | { formula: string; result?: unknown })[][]>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A minimal workbook from raw parts, for hostile files. */
export function rawWorkbook(sheetXml: string, extra: { name: string; data: string | Buffer }[] = []): Buffer {
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Järjestelmät" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...extra,
  ]);
}
