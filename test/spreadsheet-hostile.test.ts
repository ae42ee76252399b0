import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KarttaError, Model } from '../src/index.js';
import { SpreadsheetError, readInventory, writeInventory, writeInventoryCsv } from '../src/spreadsheet/index.js';
import { ZipArchive } from '../src/spreadsheet/zip-read.js';
import { writeZip } from '../src/spreadsheet/zip-write.js';
import { problemsOf, rawWorkbook } from './spreadsheet-support.js';

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

describe('hostile values in the portfolio sheets', () => {
  /** A portfolio whose ids are prototype names and whose text looks like formulas, in every sheet. */
  function hostilePortfolio(text: string, id: string): Model {
    return Model.load({
      format: 'kartta/1',
      name: 'Testi',
      organisations: [{ id: 'constructor', kind: 'company', name: "=cmd|' /C calc'!A0" }],
      services: [{ id: 'toString', name: '@SUM(1+1)*cmd|" /C calc"!A0', domain: 'x' }],
      themes: [{ id: '__proto__', name: text }],
      funders: [{ id: 'hasOwnProperty', name: '+358 40 123', description: text }],
      offerings: [
        {
          id: 'valueOf',
          name: '-1+1',
          provider: 'constructor',
          services: ['toString'],
          themes: ['__proto__'],
          obligation: { from: '2021-01-01', basis: text },
        },
      ],
      projects: [
        {
          id,
          name: text,
          status: 'running',
          start: '2018-01-01',
          portfolio: text,
          budget: {
            total: 100.5,
            lines: [{ year: 2018, category: text, amount: 100.5, description: '=HYPERLINK("http://evil.example")' }],
          },
          funding: [
            { funder: 'hasOwnProperty', share: 33.33 },
            { funder: 'constructor', share: 66.67, description: text },
          ],
          implementers: ['constructor'],
          themes: ['__proto__'],
          deliverables: { services: ['toString'], migrationSteps: [text, '=1+1', 'a; b, c'] },
          source: text,
          x: JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<string, unknown>,
        },
      ],
    });
  }
  const roundTrips = (model: Model): void => {
    expect(readInventory([{ file: 'back.xlsx', data: writeInventory(model) }]).model.toJSON()).toEqual(model.toJSON());
    const files = writeInventoryCsv(model, { delimiter: ',' }).map((file) => ({ file: file.name, data: file.text }));
    expect(readInventory(files).model.toJSON()).toEqual(model.toJSON());
  };

  it('round-trips prototype ids, formula-looking text and huge cells through XLSX and CSV, never as formulas', () => {
    // 10,000 characters: the longest text the format takes.
    const model = hostilePortfolio(`=cmd|' /C calc'!A0 ${'x'.repeat(10_000 - 19)}`, 'constructor-project');
    roundTrips(model);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const archive = new ZipArchive(writeInventory(model), 'x.xlsx', { maxBytes: 1e8, maxRatio: 1000 });
    const projects = archive.read('xl/worksheets/sheet11.xml')?.toString('utf8') ?? '';
    // The project's name (column B) is a string with the quote-prefix style: shown as text, never evaluated.
    expect(projects).toMatch(/<c r="B2" s="4" t="inlineStr"><is><t xml:space="preserve">=cmd\|/);
    expect(projects).not.toContain('<f>');
    const csv = writeInventoryCsv(model).find((file) => file.name === 'Hankkeet.csv')?.text ?? '';
    expect(csv).toContain(";'=cmd|");
    const funding = writeInventoryCsv(model).find((file) => file.name === 'Rahoitus.csv')?.text ?? '';
    expect(funding).toContain('constructor-project;hasOwnProperty;33,33 %;;');
  });

  it('names a cell longer than the format takes, echoing only the start of it', () => {
    const problems = problemsOf(() =>
      readInventory([{ file: 'Hankkeet.csv', data: `Hanke;Tila;Alkaa\n${'=x'.repeat(20_000)};käynnissä;1.1.2018\n` }]),
    );
    expect(problems.map((p) => [p.cell, p.code])).toEqual([['Hankkeet!A2', 'spreadsheet.model-invalid']]);
    expect(problems[0]?.message).toContain('[string.too-long]');
    expect(problems[0]?.value).toBe(`${'=x'.repeat(40)}… (40000 characters)`);
  });

  it('keeps any text through the portfolio sheets (property)', () => {
    const text = fc.oneof(
      fc.constantFrom('=1+1', '+358', '-', '@x', '\tx', '__proto__', '[1]', 'a;b', ' x ', '_x0041_', "'=x", 'Čáhci'),
      fc.string({ minLength: 1, maxLength: 40 }),
    );
    const id = fc.constantFrom('__proto__-p', 'prototype', 'isPrototypeOf', 'p-1', 'Ä');
    fc.assert(
      fc.property(text, id, (value, projectId) => {
        // Control characters other than tab and line breaks are refused by the format itself, not by the sheets.
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        fc.pre(value.trim() !== '' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value));
        roundTrips(hostilePortfolio(value, projectId));
      }),
      { numRuns: 25 },
    );
  });
});
