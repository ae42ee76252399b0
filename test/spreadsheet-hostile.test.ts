import { describe, expect, it } from 'vitest';
import { KarttaError } from '../src/index.js';
import { SpreadsheetError, readInventory, writeInventory } from '../src/spreadsheet/index.js';
import { writeZip } from '../src/spreadsheet/zip-write.js';
import { rawWorkbook } from './spreadsheet-support.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const HEADER_ROW =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Järjestelmä</t></is></c><c r="B1" t="inlineStr"><is><t>Omistaja</t></is></c><c r="C1" t="inlineStr"><is><t>Luokka</t></is></c><c r="D1" t="inlineStr"><is><t>Elinkaaren vaihe</t></is></c></row>';

function sheet(rows: string): string {
  return `<?xml version="1.0"?><worksheet ${NS}><sheetData>${HEADER_ROW}${rows}</sheetData></worksheet>`;
}

function refusal(data: Uint8Array | string, options = {}, file = 'x.xlsx'): SpreadsheetError {
  try {
    readInventory([{ file, data }], options);
  } catch (error) {
    expect(error).toBeInstanceOf(SpreadsheetError);
    expect(error).toBeInstanceOf(KarttaError);
    return error as SpreadsheetError;
  }
  throw new Error('expected the file to be refused');
}

describe('hostile spreadsheets', () => {
  it('refuses a zip bomb: a part that inflates far beyond its size, or beyond the byte budget', () => {
    const padding = `<row r="2"><c r="A2" t="inlineStr"><is><t>${' '.repeat(30 * 1024 * 1024)}</t></is></c></row>`;
    const bomb = rawWorkbook(sheet(padding));
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(bomb).code).toBe('spreadsheet.zip-bomb');
    const error = refusal(bomb, { maxBytes: 1024 * 1024, maxCompressionRatio: 100_000 });
    expect(error.code).toBe('spreadsheet.too-large');
    expect(error.message).toContain('maxBytes');
  });

  it('refuses parts that overlap each other (the overlapping-files zip bomb)', () => {
    const zip = writeZip([
      { name: 'a.xml', data: '<a/>' },
      { name: 'b.xml', data: '<b/>' },
    ]);
    const end = zip.length - 22;
    const directory = zip.readUInt32LE(end + 16);
    const second = directory + 46 + 'a.xml'.length;
    zip.writeUInt32LE(0, second + 42);
    expect(refusal(zip).code).toBe('spreadsheet.zip-bomb');
  });

  it('refuses a DOCTYPE with entities (billion laughs) and external entities inside a sheet, before expanding anything', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet ${NS}><sheetData><row r="1"><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    const error = refusal(rawWorkbook(laughs));
    expect(error.code).toBe('spreadsheet.xml-unsafe');
    expect(error.message).not.toContain('aaaaaaaaaa');
    const xxe = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData><row><c t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`;
    expect(refusal(rawWorkbook(xxe)).code).toBe('spreadsheet.xml-unsafe');
    const undefinedEntity = sheet('<row r="2"><c t="inlineStr"><is><t>&evil;</t></is></c></row>');
    expect(refusal(rawWorkbook(undefinedEntity)).code).toBe('spreadsheet.unreadable');
  });

  it('refuses files that are not workbooks, and broken XML, with typed errors', () => {
    expect(refusal(new Uint8Array([1, 2, 3])).code).toBe('spreadsheet.unreadable');
    expect(refusal(Buffer.from('PK\u0003\u0004 not really')).code).toBe('spreadsheet.unreadable');
    expect(refusal(rawWorkbook('<worksheet><sheetData><row>')).code).toBe('spreadsheet.unreadable');
    expect(refusal(writeZip([{ name: 'xl/other.xml', data: '<x/>' }])).message).toContain('xl/workbook.xml');
    expect(() => readInventory(['/nonexistent/oulu.xlsx'])).toThrow(
      expect.objectContaining({ code: 'spreadsheet.unreadable' }),
    );
  });

  it('bounds rows and cells, in XLSX and in CSV', () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>S${i}</t></is></c></row>`,
    ).join('');
    expect(refusal(rawWorkbook(sheet(rows)), { maxRows: 20 }).code).toBe('spreadsheet.too-large');
    expect(refusal(rawWorkbook(sheet(rows)), { maxCells: 20 }).code).toBe('spreadsheet.too-large');
    const csv = `Järjestelmä;Omistaja\n${'a;b\n'.repeat(100)}`;
    expect(refusal(csv, { maxRows: 50 }, 'x.csv').code).toBe('spreadsheet.too-large');
    expect(refusal(csv, { maxBytes: 100 }, 'x.csv').code).toBe('spreadsheet.too-large');
  });

  it('treats __proto__ and constructor as ordinary text in headers, values, sheet names and the mapping', () => {
    const csv = [
      '__proto__;constructor;Järjestelmä;Omistaja;Luokka;Elinkaaren vaihe;Tuote;Palvelut',
      'x;y;__proto__;constructor;TOSI;käytössä;__proto__;toString',
      'x;y;constructor;__proto__;TORI;käytössä;constructor;__proto__',
    ].join('\n');
    const mapping = JSON.parse(
      '{"columns": {"__proto__": null, "constructor": "systems.description"}, "sheets": {"__proto__": "systems"}}',
    ) as object;
    const { model, notes } = readInventory([{ file: '__proto__.csv', data: csv }], { mapping });
    expect(model.systems().map((s) => [s.id, s.name, s.description])).toEqual([
      ['constructor-proto', '__proto__', 'y'],
      ['proto-constructor', 'constructor', 'y'],
    ]);
    expect(
      model
        .organisations()
        .map((o) => o.id)
        .sort(),
    ).toEqual(['constructor', 'proto']);
    expect(
      model
        .services()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['proto-service', 'tostring']);
    expect(notes.every((note) => typeof note.message === 'string')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
    // And back out and in again.
    expect(readInventory([{ file: 'back.xlsx', data: writeInventory(model) }]).model.toJSON()).toEqual(model.toJSON());
  });
});
