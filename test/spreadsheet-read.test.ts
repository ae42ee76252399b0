import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
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

describe('readInventory: the development portfolio', () => {
  /** A portfolio as an architect fills it in by hand: Finnish headers, names for references, typed amounts. */
  async function handFilled(shares: (string | number | { value: number; numFmt: string })[]) {
    const workbook = new ExcelJS.Workbook();
    /** A cell given as `{ value, numFmt }` is written with that number format, as Excel's % button does. */
    const formatted = (cell: unknown): cell is { value: number; numFmt: string } =>
      cell !== null && typeof cell === 'object' && 'numFmt' in cell;
    const add = (name: string, rows: unknown[][]) => {
      const sheet = workbook.addWorksheet(name);
      for (const row of rows) {
        const added = sheet.addRow(row.map((cell) => (formatted(cell) ? cell.value : cell)));
        row.forEach((cell, index) => {
          if (formatted(cell)) added.getCell(index + 1).numFmt = cell.numFmt;
        });
      }
    };
    add('Organisaatiot', [
      ['Nimi', 'Tyyppi'],
      ['Oulu', 'kaupunki'],
      ['Kalajoki', 'kaupunki'],
      ['Valtori', 'valtion virasto'],
    ]);
    add('Palvelut', [
      ['Palvelu', 'Toimiala'],
      ['Asianhallinta', 'hallinto'],
    ]);
    add('Teemat', [['Teema'], ['Maakunnan ICT-valmistelu']]);
    add('Rahoittajat', [
      ['Rahoittaja', 'Kuvaus'],
      ['EAKR', 'EU:n aluekehitysrahasto'],
      ['Muut', null],
    ]);
    add('Palvelutarjonta', [
      ['Tarjonta', 'Tarjoaja', 'Palvelut', 'Saatavilla alkaen', 'Käyttövelvoite alkaen'],
      ['Kansallinen asianhallinta', 'Valtori', 'Asianhallinta', '1.1.2019', new Date(Date.UTC(2021, 0, 1))],
    ]);
    add('Hankkeet', [
      ['Hanke', 'Hankesalkku', 'Tyyppi', 'Tila', 'Taso', 'Alkaa', 'Päättyy', 'Budjetti (€)', 'Toteuttajat', 'Teemat'],
      [
        'POP-IT',
        'Digiagenda 2014–2020',
        'valmistelu',
        'päättynyt',
        'alueellinen',
        '13.2.2017',
        new Date(Date.UTC(2017, 11, 31)),
        '20 000,00 €',
        'Oulu; Kalajoki',
        'Maakunnan ICT-valmistelu',
      ],
    ]);
    add('Budjetti', [
      ['Hanke', 'Vuosi', 'Kustannuslaji', 'Summa (€)'],
      ['POP-IT', 2017, 'palkat', '4 032,00 €'],
      ['pop-it', '2017', 'ostopalvelut', 15000],
      ['POP-IT', 2017, 'flat rate', 968],
    ]);
    add('Rahoitus', [
      ['Hanke', 'Rahoittaja', 'Osuus (%)'],
      ['POP-IT', 'EAKR', shares[0]],
      ['POP-IT', 'Oulu', shares[1]],
      ['POP-IT', 'Muut', shares[2]],
    ]);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('reads projects, budget lines and funding as filled in by hand: names for references, 70 %, 12.5 and 17,5 % shares', async () => {
    const data = await handFilled(['70 %', 12.5, { value: 0.175, numFmt: '0.0%' }]);
    const { model } = readInventory([{ file: 'salkku.xlsx', data }]);
    expect(model.project('pop-it')).toEqual({
      id: 'pop-it',
      name: 'POP-IT',
      portfolio: 'Digiagenda 2014–2020',
      kind: 'preparation',
      level: 'regional',
      status: 'completed',
      start: '2017-02-13',
      end: '2017-12-31',
      budget: {
        total: 20000,
        lines: [
          { year: 2017, category: 'palkat', amount: 4032 },
          { year: 2017, category: 'ostopalvelut', amount: 15000 },
          { year: 2017, category: 'flat rate', amount: 968 },
        ],
      },
      funding: [
        { funder: 'eakr', share: 70 },
        { funder: 'oulu', share: 12.5 },
        { funder: 'muut', share: 17.5 },
      ],
      implementers: ['oulu', 'kalajoki'],
      themes: ['maakunnan-ict-valmistelu'],
    });
    expect(model.offering('kansallinen-asianhallinta')).toMatchObject({
      provider: 'valtori',
      services: ['asianhallinta'],
      available: '2019-01-01',
      obligation: { from: '2021-01-01' },
    });
    expect(model.funders().map((f) => [f.id, f.name])).toEqual([
      ['eakr', 'EAKR'],
      ['muut', 'Muut'],
    ]);
  });

  it('reads a share in a percent-formatted cell as a percentage, and the same number unformatted as percent points', async () => {
    const formatted = await handFilled([{ value: 0.7, numFmt: '0%' }, { value: 0.125, numFmt: '0.00%' }, '17,5%']);
    expect(readInventory([{ file: 'a.xlsx', data: formatted }]).model.project('pop-it')?.funding).toEqual([
      { funder: 'eakr', share: 70 },
      { funder: 'oulu', share: 12.5 },
      { funder: 'muut', share: 17.5 },
    ]);
    // 0.7, 0.1 and 0.2 in plain cells are fractions of a per cent: the sum says so, with the likely cause.
    const plain = await handFilled([0.7, 0.1, 0.2]);
    const problems = problemsOf(() => readInventory([{ file: 'b.xlsx', data: plain }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'spreadsheet.model-invalid', cell: 'Rahoitus!C2', column: 'Osuus (%)' });
    expect(problems[0]?.message).toContain('the funding shares add up to 1 %, not 100 %');
    expect(problems[0]?.message.endsWith('[funding.share-sum]')).toBe(true);
    expect(problems[0]?.message).toContain('the rows: Rahoitus!A2, Rahoitus!A3, Rahoitus!A4');
    expect(problems[0]?.message).toContain('typed as fractions?');
    // A fraction with more decimals than a share has is a cell problem with the percentage it likely means.
    const eighths = await handFilled([0.7, 0.125, 0.175]);
    expect(
      problemsOf(() => readInventory([{ file: 'c.xlsx', data: eighths }])).map((p) => [p.cell, p.suggestion]),
    ).toEqual([
      ['Rahoitus!C3', '12,5 %'],
      ['Rahoitus!C4', '17,5 %'],
    ]);
  });

  it('names every bad portfolio cell with its reference and a did-you-mean', () => {
    const problems = problemsOf(() =>
      readInventory([
        { file: 'Organisaatiot.csv', data: 'Nimi;Tyyppi\nOulu;kaupunki\n' },
        { file: 'Rahoittajat.csv', data: 'Rahoittaja\nEAKR\n' },
        {
          file: 'Hankkeet.csv',
          data: 'Hanke;Tila;Alkaa;Taso;Budjetti (€)\nPOP-IT;päätynyt;13.2.17;maakunnalinen;20 000,125\n',
        },
        { file: 'Budjetti.csv', data: 'Hanke;Vuosi;Kustannuslaji;Summa (€)\nPOP-IT;31.12.2017;palkat;4032,123\n' },
        {
          file: 'Rahoitus.csv',
          data: 'Hanke;Rahoittaja;Osuus (%);Summa (€)\nPOP-IT;EAKRR;170 %;\nPOP-IT;Oulu;;\nPOP-IT;Oulu;30;100\n',
        },
      ]),
    );
    const byCell = new Map(problems.map((p) => [p.cell, p]));
    expect(byCell.get('Hankkeet!B2')).toMatchObject({
      sheet: 'Hankkeet',
      code: 'spreadsheet.cell-invalid',
      suggestion: 'Päättynyt',
    });
    expect(byCell.get('Hankkeet!C2')?.suggestion).toBe('13.2.2017');
    expect(problems.find((p) => p.cell === 'Hankkeet!D2')?.suggestion).toBe('Maakunnallinen');
    expect(problems.find((p) => p.cell === 'Hankkeet!E2')?.suggestion).toBe('20000,13');
    expect(problems.find((p) => p.cell === 'Budjetti!B2')).toMatchObject({
      expected: 'a year such as 2017',
      suggestion: '2017',
    });
    expect(problems.find((p) => p.cell === 'Budjetti!D2')?.suggestion).toBe('4032,12');
    const funding = problems.filter((p) => p.sheet === 'Rahoitus').map((p) => [p.cell, p.code, p.suggestion]);
    expect(funding).toEqual([
      ['Rahoitus!C2', 'spreadsheet.cell-invalid', undefined],
      ['Rahoitus!C3', 'spreadsheet.value-missing', undefined],
      ['Rahoitus!D4', 'spreadsheet.cell-invalid', undefined],
    ]);
    expect(problems.find((p) => p.cell === 'Rahoitus!C2')?.message).toContain('"170 %" is not a share in percent');
    expect(problems.find((p) => p.cell === 'Rahoitus!D4')?.message).toContain('not both');
    // The bad share hides nothing else on the row: the unknown funder is named too, once the share is fixed.
    const unknown = problemsOf(() =>
      readInventory([
        { file: 'Rahoittajat.csv', data: 'Rahoittaja\nEAKR\n' },
        { file: 'Hankkeet.csv', data: 'Hanke;Tila;Alkaa\nPOP-IT;päättynyt;13.2.2017\n' },
        { file: 'Rahoitus.csv', data: 'Hanke;Rahoittaja;Osuus (%)\nPOP-IT;EAKRR;100\nPOPIT;EAKR;100\n' },
      ]),
    );
    expect(unknown.map((p) => [p.cell, p.code, p.suggestion])).toEqual([
      ['Rahoitus!B2', 'spreadsheet.reference-unknown', 'EAKR'],
      ['Rahoitus!A3', 'spreadsheet.reference-unknown', 'POP-IT'],
    ]);
    expect(unknown[0]?.message).toBe(
      'Rahoitus!B2 (Rahoitus.csv): no funder or organisation "EAKRR" in the inventory; did you mean "EAKR"?',
    );
  });

  it('reports the portfolio rules the model checks at the sheet and row that gave the value', () => {
    const problems = problemsOf(() =>
      readInventory([
        { file: 'Organisaatiot.csv', data: 'Nimi;Tyyppi\nOulu;kaupunki\n' },
        { file: 'Rahoittajat.csv', data: 'Rahoittaja\nEAKR\n' },
        {
          file: 'Hankkeet.csv',
          data: 'Tunnus;Hanke;Tila;Alkaa;Päättyy;Budjetti (€)\na;A;käynnissä;1.1.2018;31.12.2017;100\nb;B;käynnissä;1.1.2018;;1000\n',
        },
        { file: 'Budjetti.csv', data: 'Hanke;Vuosi;Kustannuslaji;Summa (€)\nb;2018;palkat;600\nb;2016;palkat;300\n' },
        { file: 'Rahoitus.csv', data: 'Hanke;Rahoittaja;Osuus (%)\nb;EAKR;60\nb;Oulu;30\n' },
      ]),
    );
    expect(problems.map((p) => [p.cell, /\[([a-z.-]+)\]$/.exec(p.message)?.[1]])).toEqual([
      ['Budjetti!B3', 'budget.year-outside'],
      ['Hankkeet!E2', 'date.order'],
      ['Hankkeet!F3', 'budget.sum'],
      ['Rahoitus!C2', 'funding.share-sum'],
    ]);
    expect(problems.find((p) => p.sheet === 'Rahoitus')?.message).toContain(
      'the funding shares add up to 90 %, not 100 %',
    );
  });

  it('with partial, leaves out a project whose funding or budget has a bad row, whole, and keeps the others', () => {
    const result = readInventory(
      [
        { file: 'Organisaatiot.csv', data: 'Nimi;Tyyppi\nOulu;kaupunki\n' },
        { file: 'Hankkeet.csv', data: 'Tunnus;Hanke;Tila;Alkaa\na;A;käynnissä;1.1.2018\nb;B;käynnissä;1.1.2018\n' },
        { file: 'Rahoitus.csv', data: 'Hanke;Rahoittaja;Osuus (%)\na;Oulu;100\nb;Oulu;60\nb;Nobody;40\n' },
      ],
      { partial: true },
    );
    expect(result.model.projects().map((p) => [p.id, p.funding])).toEqual([['a', [{ funder: 'oulu', share: 100 }]]]);
    expect(result.problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([
      ['Hankkeet', 'Hankkeet!A3', 'spreadsheet.reference-skipped'],
      ['Rahoitus', 'Rahoitus!A3', 'spreadsheet.reference-skipped'],
      ['Rahoitus', 'Rahoitus!B4', 'spreadsheet.reference-unknown'],
    ]);
  });
});
