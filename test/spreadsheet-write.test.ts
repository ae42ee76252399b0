import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model } from '../src/index.js';
import { generateRegionModel } from '../src/testing/index.js';
import { readInventory, writeInventory, writeTemplate } from '../src/spreadsheet/index.js';
import { ZipArchive } from '../src/spreadsheet/zip-read.js';

// The whole sample, development portfolio included: every sheet, XLSX and CSV, must give it back exactly.
const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));

function roundTrip(model: Model, language?: 'fi' | 'sv' | 'en') {
  return readInventory([
    { file: 'inventory.xlsx', data: writeInventory(model, language === undefined ? {} : { language }) },
  ]).model.toJSON();
}

async function openWithExcelJs(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('writeInventory', () => {
  it('round trip: model → XLSX → model gives the same document, in each language', () => {
    for (const language of ['fi', 'sv', 'en'] as const) expect(roundTrip(sample, language)).toEqual(sample.toJSON());
  });

  it('round trip of generated regions, with names in several languages, extensions and relations with details', () => {
    for (const seed of [1, 2, 3]) {
      const model = Model.load(generateRegionModel({ seed, systems: 120 }));
      expect(roundTrip(model)).toEqual(model.toJSON());
    }
  });

  it('round trip keeps hostile text: formula characters, __proto__, control characters, _x escapes, Sámi letters', () => {
    const text = fc.oneof(
      fc.constantFrom(
        '=1+1',
        '+358 40',
        '-',
        '@SUM(A1)',
        '\tx',
        '__proto__',
        'constructor',
        '_x0041_',
        'a\u0001b',
        'Čáhcesuolu',
        'Ŋ đ ŧ',
        'x'.repeat(5000),
      ),
      fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.trim() !== ''),
    );
    fc.assert(
      fc.property(text, text, (name, description) => {
        const model = Model.load({
          format: 'kartta/1',
          name: 'Testi',
          organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }],
          systems: [{ id: 'constructor', name, class: 'TORI', lifecycle: 'production', description }],
          relations: [{ type: 'owns', from: 'oulu', to: 'constructor' }],
        });
        expect(roundTrip(model)).toEqual(model.toJSON());
      }),
      { numRuns: 60 },
    );
  });

  it('writes the same bytes for the same model', () => {
    expect(Buffer.from(writeInventory(sample)).equals(Buffer.from(writeInventory(Model.load(sample.toJSON()))))).toBe(
      true,
    );
  });

  it('styles and freezes the header, fits widths, offers lists for enumerated columns, and neutralises formulas', async () => {
    const model = Model.load({
      format: 'kartta/1',
      name: 'Testi',
      systems: [
        {
          id: 's',
          name: '=HYPERLINK("http://evil.example","klikkaa")',
          class: 'TORI',
          lifecycle: 'production',
          description: '@cmd',
        },
      ],
    });
    const workbook = await openWithExcelJs(writeInventory(model));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Malli',
      'Organisaatiot',
      'Palvelut',
      'Tuotteet',
      'Järjestelmät',
      'Integraatiot',
      'Suhteet',
      'Teemat',
      'Rahoittajat',
      'Palvelutarjonta',
      'Hankkeet',
      'Budjetti',
      'Rahoitus',
    ]);
    const systems = workbook.getWorksheet('Järjestelmät') as ExcelJS.Worksheet;
    expect(systems.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = systems.getRow(1);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.values).toContain('Elinkaaren vaihe');
    const nameCell = systems.getCell('B2');
    expect(nameCell.value).toBe('=HYPERLINK("http://evil.example","klikkaa")');
    expect(nameCell.formula).toBeUndefined();
    // exceljs does not surface quotePrefix, so the part itself is checked: the cell is a string with the quote style.
    const archive = new ZipArchive(writeInventory(model), 'x.xlsx', { maxBytes: 1e8, maxRatio: 1000 });
    const sheetXml = archive.read('xl/worksheets/sheet5.xml')?.toString('utf8') ?? '';
    expect(sheetXml).toContain('<c r="B2" s="4" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;');
    expect(archive.read('xl/styles.xml')?.toString('utf8')).toMatch(
      /<cellXfs count="10">(<xf[^>]*\/>|<xf[^>]*>.*?<\/xf>){4}<xf [^>]*quotePrefix="1"/,
    );
    const lifecycleColumn = (header.values as unknown[]).indexOf('Elinkaaren vaihe');
    const validation = systems.getCell(2, lifecycleColumn).dataValidation;
    expect(validation).toMatchObject({
      type: 'list',
      formulae: ['"Suunniteltu,Kehityksessä,Tuotannossa,Poistumassa,Poistettu"'],
    });
    expect(systems.getColumn(2).width).toBeGreaterThan(40);
  });
});

describe('writeInventory: the portfolio sheets', () => {
  it('writes amounts as euro cells and shares as percentage cells showing their decimals, with lists for statuses', async () => {
    const workbook = await openWithExcelJs(writeInventory(sample));
    const rowsOf = (name: string) => {
      const sheet = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      const header = sheet.getRow(1).values as unknown[];
      const rows: ExcelJS.Row[] = [];
      sheet.eachRow((row, number) => {
        if (number > 1) rows.push(row);
      });
      return { sheet, rows, column: (name: string) => header.indexOf(name) };
    };
    const funding = rowsOf('Rahoitus');
    const share = (project: string, funder: string) =>
      funding.rows
        .find((row) => row.getCell(1).value === project && row.getCell(2).value === funder)
        ?.getCell(funding.column('Osuus (%)'));
    expect([share('pop-it', 'erdf')?.value, share('pop-it', 'erdf')?.numFmt]).toEqual([0.7, '0%']);
    expect([share('pop-it', 'oulu')?.value, share('pop-it', 'oulu')?.numFmt]).toEqual([0.125, '0.0%']);
    const budget = rowsOf('Budjetti');
    const salaries = budget.rows.find(
      (row) => row.getCell(1).value === 'pop-it' && row.getCell(3).value === 'salaries',
    );
    expect(salaries?.getCell(budget.column('Summa (€)')).value).toBe(4032);
    expect(salaries?.getCell(budget.column('Summa (€)')).numFmt).toBe('#,##0.00');
    const projects = rowsOf('Hankkeet');
    expect(projects.sheet.getCell(2, projects.column('Tila')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Ehdotettu,Suunniteltu,Käynnissä,Päättynyt,Peruttu"'],
    });
    const popIt = projects.rows.find((row) => row.getCell(1).value === 'pop-it');
    expect(popIt?.getCell(projects.column('Alkaa')).value).toEqual(new Date(Date.UTC(2017, 1, 13)));
    expect(popIt?.getCell(projects.column('Toteuttajat')).value).toBe('oulu; kalajoki; raahe; popliitto; ppshp');
  });

  it('writes an empty portfolio as empty sheets, which read back as no portfolio', () => {
    const model = Model.load({ format: 'kartta/1', name: 'Tyhjä' });
    const back = roundTrip(model, 'en');
    expect(back).toEqual(model.toJSON());
    expect('projects' in back).toBe(false);
  });
});

describe('writeTemplate', () => {
  it('writes instructions in Finnish, Swedish and English and empty sheets that read back as an empty inventory', async () => {
    const bytes = writeTemplate();
    const workbook = await openWithExcelJs(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Ohjeet',
      'Organisaatiot',
      'Palvelut',
      'Järjestelmät',
      'Integraatiot',
      'Teemat',
      'Rahoittajat',
      'Palvelutarjonta',
      'Hankkeet',
      'Budjetti',
      'Rahoitus',
    ]);
    const instructions = (workbook.getWorksheet('Ohjeet') as ExcelJS.Worksheet)
      .getColumn(1)
      .values.map((value) => (typeof value === 'string' ? value : ''))
      .join('\n');
    expect(instructions).toContain('Suomeksi');
    expect(instructions).toContain('På svenska');
    expect(instructions).toContain('In English');
    const result = readInventory([{ file: 'pohja.xlsx', data: bytes }]);
    expect(result.model.systems()).toEqual([]);
    const sv = await openWithExcelJs(writeTemplate({ language: 'sv' }));
    expect((sv.getWorksheet('System') as ExcelJS.Worksheet).getRow(1).values).toContain('Livscykelfas');
    expect((sv.getWorksheet('Finansiering') as ExcelJS.Worksheet).getRow(1).values).toContain('Andel (%)');
    const en = await openWithExcelJs(writeTemplate({ language: 'en' }));
    expect((en.getWorksheet('Projects') as ExcelJS.Worksheet).getRow(1).values).toEqual([
      undefined,
      'Id',
      'Project',
      'Portfolio',
      'Kind',
      'Status',
      'Level',
      'Start',
      'End',
      'Budget (EUR)',
      'Implementers',
      'Themes',
      'Delivers systems',
      'Delivers services',
      'Delivers integrations',
      'Delivers products',
      'Migration steps',
      'Source',
      'Description',
    ]);
    expect(instructions).toContain('Rahoitus-välilehdelle');
    expect(() => writeTemplate({ language: 'de' } as never)).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
  });
});
