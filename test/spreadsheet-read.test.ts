import { describe, expect, it } from 'vitest';
import { KarttaError } from '../src/index.js';
import { SpreadsheetError, readInventory } from '../src/spreadsheet/index.js';
import { csv, excelWorkbook, problemsOf } from './spreadsheet-support.js';

const HEAD = 'Järjestelmä;Omistaja;Luokka;Elinkaaren vaihe';

describe('readInventory: layouts and headers', () => {
  it('reads a workbook with Systems, Integrations, Organisations and Services sheets written by another program', async () => {
    const data = await excelWorkbook({
      Organisaatiot: [
        ['Nimi', 'Tyyppi', 'Y-tunnus', 'Kuntanumero'],
        ['Oulu', 'kaupunki', '0187690-1', '564'],
        ['PPSHP', 'sairaanhoitopiiri', null, null],
      ],
      Palvelut: [
        ['Palvelu', 'Toimiala'],
        ['Perusterveydenhuolto', 'terveys'],
      ],
      Järjestelmät: [
        ['Ohje: täytä yksi rivi järjestelmää kohden'],
        [
          'Järjestelmä',
          'Omistaja',
          'Palvelut',
          'Luokka',
          'Tuote',
          'Elinkaaren vaihe',
          'Sopimus päättyy',
          'Vuosikustannus',
          'Integraatioalusta',
        ],
        [
          'Effica',
          'Oulu',
          'Perusterveydenhuolto',
          'TOSI',
          'Effica',
          'Tuotannossa',
          new Date(Date.UTC(2020, 11, 31)),
          12500,
          'ei',
        ],
        ['Esko', 'PPSHP', 'Perusterveydenhuolto', 'TOSI', 'Esko', 'Tuotannossa', '31.12.2024', '850 000,00 €', null],
        ['ESB', 'PPSHP', null, 'TORI', null, 'Tuotannossa', null, null, 'kyllä'],
      ],
      Integraatiot: [
        [
          'Lähdejärjestelmä',
          'Kohdejärjestelmä',
          'Siirrettävät tiedot',
          'Suunta',
          'Siirtotapa',
          'Integraatioalusta',
          'Kriittisyys',
        ],
        ['Effica', 'Esko', 'lähetteet', 'kaksisuuntainen', 'reaaliaikainen', 'ESB', 'korkea'],
      ],
    });
    const { model, document } = readInventory([{ file: 'ppshp.xlsx', data }]);
    expect(document.organisations.map((o) => [o.id, o.kind])).toEqual([
      ['oulu', 'municipality'],
      ['ppshp', 'hospitalDistrict'],
    ]);
    expect(model.system('oulu-effica')).toMatchObject({
      class: 'TOSI',
      lifecycle: 'production',
      platform: false,
      contract: { ends: '2020-12-31', annualCost: 12500 },
    });
    expect(model.system('ppshp-esko')?.contract).toEqual({ ends: '2024-12-31', annualCost: 850000 });
    expect(document.integrations).toEqual([
      {
        id: 'oulu-effica-ppshp-esko',
        source: 'oulu-effica',
        target: 'ppshp-esko',
        data: 'lähetteet',
        direction: 'twoWay',
        mode: 'realtime',
        via: 'ppshp-esb',
        criticality: 'high',
      },
    ]);
    expect(model.relations('supports').map((r) => `${r.from}>${r.to}`)).toEqual([
      'oulu-effica>perusterveydenhuolto',
      'ppshp-esko>perusterveydenhuolto',
    ]);
  });

  it('reads one sheet per organisation: the sheet name is the owner', async () => {
    const data = await excelWorkbook({
      'Oulun kaupunki': [
        ['Järjestelmä', 'Luokka', 'Elinkaaren vaihe', 'Tuote'],
        ['Effica', 'TOSI', 'käytössä', 'Effica'],
      ],
      Kempele: [
        ['System', 'Class', 'Lifecycle', 'Product'],
        ['Effica', 'TOSI', 'in production', 'Effica'],
      ],
    });
    const { model } = readInventory([{ file: 'alue.xlsx', data }]);
    expect(model.organisations().map((o) => [o.id, o.kind])).toEqual([
      ['kempele', 'other'],
      ['oulun-kaupunki', 'municipality'],
    ]);
    expect(model.systems().map((s) => s.id)).toEqual(['kempele-effica', 'oulun-kaupunki-effica']);
  });

  it('recognises headers in Swedish and English, whatever their case and accents', () => {
    const sv = csv('system.csv', [
      'SYSTEM;ägare;Klass;LIVSCYKELFAS;Arskostnad',
      'Pegasos;Vasa;TOSI;i produktion;1 000 €',
    ]);
    expect(sv.model.system('vasa-pegasos')).toMatchObject({ lifecycle: 'production', contract: { annualCost: 1000 } });
    const en = csv('systems.csv', [
      'system name,owner,class,lifecycle phase,notice period',
      'Abilita,Oulu,TORI,retired,6 months',
    ]);
    expect(en.model.system('oulu-abilita')).toMatchObject({ lifecycle: 'retired', contract: { noticeMonths: 6 } });
  });

  it('uses the column-mapping file over detection, and can ignore columns and name sheets', () => {
    const mapping = {
      columns: { 'Järj.': 'systems.name', Vaihe: 'lifecycle', Lisätiedot: null },
      sheets: { data: 'systems' },
    };
    const { model, notes } = readInventory(
      [{ file: 'data.csv', data: 'Järj.;Omistaja;Luokka;Vaihe;Lisätiedot\nEsko;Oulu;TOSI;käytössä;x\n' }],
      { mapping },
    );
    expect(model.system('oulu-esko')?.description).toBeUndefined();
    expect(notes.filter((n) => n.code === 'spreadsheet.column-ignored')).toEqual([]);
    expect(() =>
      readInventory([{ file: 'a.csv', data: 'x\n' }], { mapping: { columns: { A: 'systems.colour' } } }),
    ).toThrow(expect.objectContaining({ code: 'spreadsheet.mapping-invalid' }));
    expect(() => readInventory([{ file: 'a.csv', data: 'x\n' }], { mapping: '{ not json' })).toThrow(SpreadsheetError);
  });

  it('notes unknown columns with a did-you-mean, and refuses a sheet without a required column', () => {
    const { notes } = csv('s.csv', [`${HEAD};Yhteyshenkilö;Toimitaja`, 'Esko;Oulu;TOSI;käytössä;Matti;CGI']);
    expect(
      notes
        .filter((n) => n.code === 'spreadsheet.column-ignored')
        .map((n) => [n.column, n.message.includes('did you mean "Toimittaja"')]),
    ).toEqual([
      ['Yhteyshenkilö', false],
      ['Toimitaja', true],
    ]);
    const problems = problemsOf(() =>
      csv('s.csv', ['Järjestelmä;Omistaja;Luokka;Elinkaarenvaih', 'Esko;Oulu;TOSI;käytössä']),
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'spreadsheet.column-missing', suggestion: 'Elinkaarenvaih' }),
    ]);
  });

  it('refuses unknown options with option.invalid', () => {
    expect(() => readInventory([{ file: 'a.csv', data: '' }], { partal: true } as never)).toThrow(
      expect.objectContaining({ code: 'option.invalid', message: expect.stringContaining('partal') }),
    );
    expect(() => readInventory([{ file: 'a.csv', data: '' }], { maxRows: 0 })).toThrow(KarttaError);
    expect(() => readInventory([])).toThrow(expect.objectContaining({ code: 'option.invalid' }));
  });
});

describe('readInventory: references, ids and merging', () => {
  it('reports unknown and ambiguous references with suggestions', () => {
    const problems = problemsOf(() =>
      readInventory([
        {
          file: 'j.csv',
          data: `${HEAD}\nEffica;Oulu;TOSI;käytössä\nEffica;Kempele;TOSI;käytössä\nEsko;Oulu;TOSI;käytössä\n`,
        },
        { file: 'integraatiot.csv', data: 'Lähde;Kohde\nEfica;Esko\nEffica;Esko\nEffica (Kempele);Esko\n' },
      ]),
    );
    expect(problems.map((p) => [p.cell, p.code, p.suggestion])).toEqual([
      ['integraatiot!A2', 'spreadsheet.reference-unknown', 'Effica'],
      ['integraatiot!A3', 'spreadsheet.reference-ambiguous', 'kempele-effica'],
    ]);
  });

  it('gives the same ids whatever the row order, and an explicit Id column wins', () => {
    const rows = ['Effica;Oulu;TOSI;käytössä', 'Esko;Oulu;TOSI;käytössä', 'Hämeen Päätös;Hämeenlinna;TORI;käytössä'];
    const a = csv('j.csv', [HEAD, ...rows]).document;
    const b = csv('j.csv', [HEAD, ...[...rows].reverse()]).document;
    expect(a).toEqual(b);
    expect(a.systems.map((s) => s.id)).toEqual(['hameenlinna-hameen-paatos', 'oulu-effica', 'oulu-esko']);
    const explicit = csv('j.csv', [`Tunnus;${HEAD}`, 'effica-1;Effica;Oulu;TOSI;käytössä']);
    expect(explicit.model.system('effica-1')?.name).toBe('Effica');
  });

  it('numbers colliding generated ids deterministically and reports them', () => {
    const lines = [`Tunnus;${HEAD}`, ';Effica;Oulu;TOSI;käytössä', 'oulu-effica;Vanha Effica;Oulu;TOSI;poistettu'];
    const result = csv('j.csv', lines);
    expect(result.model.system('oulu-effica')?.name).toBe('Vanha Effica');
    expect(result.model.system('oulu-effica-2')?.name).toBe('Effica');
    expect(result.idCollisions).toEqual([{ id: 'oulu-effica', rows: [{ location: 'j!A2', id: 'oulu-effica-2' }] }]);
    expect(csv('j.csv', [lines[0] as string, lines[2] as string, lines[1] as string]).document).toEqual(
      result.document,
    );
  });

  it('merges the same system given identically in two files, and reports a conflict with both places when it differs', () => {
    const oulu = { file: 'oulu.csv', data: `${HEAD};Käyttäjämäärä\nEsko;PPSHP;TOSI;käytössä;2 400\n` };
    const same = { file: 'ppshp.csv', data: `${HEAD};Käyttäjämäärä\nEsko;PPSHP;TOSI;käytössä;2400\n` };
    expect(readInventory([oulu, same]).model.system('ppshp-esko')?.users).toBe(2400);
    const other = { file: 'ppshp.csv', data: `${HEAD};Käyttäjämäärä\nEsko;PPSHP;TOSI;käytössä;2500\n` };
    const problems = problemsOf(() => readInventory([oulu, other]));
    expect(problems.map((p) => [p.file, p.cell, p.code, p.other?.file, p.other?.cell])).toEqual([
      ['oulu.csv', 'oulu!A2', 'spreadsheet.conflict', 'ppshp.csv', 'ppshp!A2'],
      ['ppshp.csv', 'ppshp!A2', 'spreadsheet.conflict', 'oulu.csv', 'oulu!A2'],
    ]);
    expect(problems[0]?.message).toContain('different users');
  });

  it('with partial, imports the good rows and lists the skipped ones, including rows that refer to them', () => {
    const result = readInventory(
      [
        {
          file: 'j.csv',
          data: `${HEAD}\nEsko;Oulu;TOSI;tuotanossa\nEffica;Oulu;TOSI;käytössä\nPegasos;Oulu;TOSI;käytössä\n`,
        },
        { file: 'i.csv', data: 'Lähde;Kohde\nEffica;Esko\nEffica;Pegasos\n' },
      ],
      { partial: true },
    );
    expect(result.model.systems().map((s) => s.id)).toEqual(['oulu-effica', 'oulu-pegasos']);
    expect(result.model.integrations().map((i) => i.id)).toEqual(['oulu-effica-oulu-pegasos']);
    expect(result.problems.map((p) => [p.cell, p.code])).toEqual([
      ['i!B2', 'spreadsheet.reference-skipped'],
      ['j!D2', 'spreadsheet.cell-invalid'],
    ]);
    expect(result.rows).toEqual({ read: 5, skipped: 2 });
    // Without partial the same files give nothing, and only the real problem.
    expect(
      problemsOf(() => readInventory([{ file: 'j.csv', data: `${HEAD}\nEsko;Oulu;TOSI;tuotanossa\n` }])).map(
        (p) => p.code,
      ),
    ).toEqual(['spreadsheet.cell-invalid']);
  });

  it('maps a broken model rule back to its cell (a Y-tunnus with a wrong check digit)', () => {
    const problems = problemsOf(() =>
      readInventory([
        { file: 'o.csv', data: 'Organisaatio;Tyyppi;Y-tunnus\nOulu;kunta;0187690-2\n' },
        { file: 'j.csv', data: `${HEAD}\nEsko;Oulu;TOSI;käytössä\n` },
      ]),
    );
    expect(problems.map((p) => [p.cell, p.code])).toEqual([['o!C2', 'spreadsheet.model-invalid']]);
    expect(problems[0]?.message).toContain('business-id.invalid');
  });
});

describe('readInventory: formulas are never evaluated', () => {
  it('reads the cached value of a formula, and refuses one without a value or with an error value', async () => {
    const data = await excelWorkbook({
      Järjestelmät: [
        ['Järjestelmä', 'Omistaja', 'Luokka', 'Elinkaaren vaihe', 'Vuosikustannus', 'Käyttäjämäärä'],
        ['Esko', 'Oulu', 'TOSI', 'käytössä', { formula: '1000*12', result: 12000 }, { formula: 'NOW()' }],
        ['Effica', 'Oulu', 'TOSI', 'käytössä', { formula: 'VLOOKUP(A1,B:B,2)', result: { error: '#N/A' } }, null],
      ],
    });
    const problems = problemsOf(() => readInventory([{ file: 'f.xlsx', data }]));
    expect(problems.map((p) => [p.cell, p.code])).toEqual([
      ['Järjestelmät!F2', 'spreadsheet.formula-no-value'],
      ['Järjestelmät!E3', 'spreadsheet.formula-error'],
    ]);
    const partial = readInventory([{ file: 'f.xlsx', data }], { partial: true });
    expect(partial.model.systems()).toEqual([]);
    const good = await excelWorkbook({
      Järjestelmät: [
        ['Järjestelmä', 'Omistaja', 'Luokka', 'Elinkaaren vaihe', 'Vuosikustannus'],
        ['Esko', 'Oulu', 'TOSI', 'käytössä', { formula: '1000*12', result: 12000 }],
      ],
    });
    expect(readInventory([{ file: 'g.xlsx', data: good }]).model.system('oulu-esko')?.contract?.annualCost).toBe(12000);
  });
});

describe('readInventory: the sample inventory', () => {
  const files = ['oulu.xlsx', 'kempele.xlsx', 'ppshp.xlsx'];
  it('reads the shipped sample, and names the four deliberate errors of the copy with errors', () => {
    const { model, products } = readInventory(files.map((f) => `examples/inventory/${f}`));
    expect(model.systems()).toHaveLength(9);
    expect(products.find((p) => p.id === 'effica')?.spellings.map((s) => s.spelling)).toEqual([
      'EFFICA',
      'Tieto Effica 4.x',
    ]);
    const problems = problemsOf(() => readInventory(files.map((f) => `examples/inventory-with-errors/${f}`)));
    expect(problems.map((p) => [p.cell, p.code])).toEqual([
      ['Integraatiot!B4', 'spreadsheet.reference-unknown'],
      ['Järjestelmät!G3', 'spreadsheet.cell-invalid'],
      ['Järjestelmät!I5', 'spreadsheet.cell-invalid'],
      ['Organisaatiot!C4', 'spreadsheet.model-invalid'],
    ]);
  });
});
