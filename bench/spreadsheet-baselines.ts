/**
 * The floors of the spreadsheet bench: what reading and writing the same workbook costs with the libraries Kartta
 * builds on (Node's zlib for the zip, saxes for the XML), without any of Kartta's work on top.
 *
 * - Bare read: unzip the shared strings and every worksheet (the same bounded zlib inflate) and parse each with the
 *   same saxes setup into arrays of cell texts per row. No header detection, no typing of values, no ids, no model.
 * - Bare write: the same cells (what `writeInventory` writes, computed before the clock starts) as minimal
 *   worksheets of inline strings and numbers, string-joined and deflated into a zip. No styles, widths, frozen
 *   panes or validation lists.
 */
import { columnLetters } from '../src/spreadsheet/table.js';
import { parseXml } from '../src/spreadsheet/xml-parse.js';
import { type OutSheet, xmlText } from '../src/spreadsheet/xlsx-write.js';
import { ZipArchive } from '../src/spreadsheet/zip-read.js';
import { writeZip } from '../src/spreadsheet/zip-write.js';

/** Unzips and parses every worksheet into rows of cell texts; returns the number of rows. */
export function bareXlsxRead(data: Uint8Array): number {
  const zip = new ZipArchive(data, 'bench.xlsx', { maxBytes: 2 ** 31 - 1, maxRatio: 1_000_000 });
  const shared: string[] = [];
  const strings = zip.read('xl/sharedStrings.xml');
  if (strings !== undefined) {
    let text = '';
    parseXml(strings, 'bench.xlsx', 'xl/sharedStrings.xml', {
      open: (name) => {
        if (name === 'si') text = '';
      },
      close: (name) => {
        if (name === 'si') shared.push(text);
      },
      text: (value) => {
        text += value;
      },
    });
  }
  let rows = 0;
  for (let i = 1; zip.has(`xl/worksheets/sheet${i}.xml`); i++) {
    const sheet: string[][] = [];
    let row: string[] = [];
    let text = '';
    let inText = false;
    parseXml(zip.read(`xl/worksheets/sheet${i}.xml`) as Buffer, 'bench.xlsx', `sheet${i}`, {
      open: (name) => {
        if (name === 'row') row = [];
        else if (name === 'v' || name === 't') {
          inText = true;
          text = '';
        }
      },
      close: (name) => {
        if (name === 'v' || name === 't') {
          inText = false;
          row.push(text);
        } else if (name === 'row') sheet.push(row);
      },
      text: (value) => {
        if (inText) text += value;
      },
    });
    rows += sheet.length;
  }
  return rows;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function bareSheet(sheet: OutSheet): string {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`];
  const rows = [sheet.header, ...sheet.rows];
  rows.forEach((cells, r) => {
    let row = `<row r="${r + 1}">`;
    cells.forEach((cell, c) => {
      if (cell === undefined || cell === '') return;
      const ref = `${columnLetters(c)}${r + 1}`;
      if (typeof cell === 'number') row += `<c r="${ref}"><v>${cell}</v></c>`;
      else if (typeof cell === 'boolean') row += `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
      else if (typeof cell === 'object')
        row += `<c r="${ref}"><v>${'date' in cell ? serial(cell.date) : 'euros' in cell ? cell.euros : cell.percent / 100}</v></c>`;
      else row += `<c r="${ref}" t="inlineStr"><is><t>${xmlText(cell)}</t></is></c>`;
    });
    parts.push(`${row}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** The same cells as a minimal workbook: string-joined worksheets, deflated into a zip. */
export function bareXlsxWrite(sheets: readonly OutSheet[]): Uint8Array {
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((sheet, i) => `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: bareSheet(sheet) })),
  ]);
}
