import { describe, expect, it } from 'vitest';
import { readValue, splitList } from '../src/spreadsheet/values.js';
import { csv, problemsOf } from './spreadsheet-support.js';

const HEAD = 'Järjestelmä;Omistaja;Luokka;Elinkaaren vaihe';

describe('values as people type them', () => {
  it('reads Finnish and ISO dates and Excel serials, and refuses impossible or two-digit-year dates with a suggestion', () => {
    expect(readValue('date', '31.12.2019')).toEqual({ ok: true, value: '2019-12-31' });
    expect(readValue('date', '1.2.2020')).toEqual({ ok: true, value: '2020-02-01' });
    expect(readValue('date', '2019-12-31')).toEqual({ ok: true, value: '2019-12-31' });
    expect(readValue('date', '2019-12-31T00:00:00Z')).toEqual({ ok: true, value: '2019-12-31' });
    expect(readValue('date', 43830)).toEqual({ ok: true, value: '2019-12-31' });
    expect(readValue('date', '43830')).toEqual({ ok: true, value: '2019-12-31' });
    expect(readValue('date', '30.2.2021')).toMatchObject({ ok: false });
    expect(readValue('date', '31.12.19')).toMatchObject({ ok: false, suggestion: '31.12.2019' });
    expect(readValue('date', 'ensi vuonna')).toMatchObject({
      ok: false,
      expected: expect.stringContaining('31.12.2025'),
    });
  });

  it('reads money with space, no-break space or dot thousands, comma decimals and a euro sign', () => {
    expect(readValue('money', '12 500,00 €')).toEqual({ ok: true, value: 12500 });
    expect(readValue('money', '12\u00a0500,50 €')).toEqual({ ok: true, value: 12500.5 });
    expect(readValue('money', '12.500')).toEqual({ ok: true, value: 12500 });
    expect(readValue('money', '1.234.567,89 EUR')).toEqual({ ok: true, value: 1234567.89 });
    expect(readValue('money', '850000')).toEqual({ ok: true, value: 850000 });
    expect(readValue('money', '4 000 €/v')).toEqual({ ok: true, value: 4000 });
    expect(readValue('money', 99.5)).toEqual({ ok: true, value: 99.5 });
    expect(readValue('money', '-5 €')).toMatchObject({ ok: false });
    expect(readValue('money', 'paljon')).toMatchObject({ ok: false });
  });

  it('reads counts and notice periods', () => {
    expect(readValue('count', '2 400')).toEqual({ ok: true, value: 2400 });
    expect(readValue('count', 'n. 300')).toEqual({ ok: true, value: 300 });
    expect(readValue('count', '2,5')).toMatchObject({ ok: false });
    expect(readValue('months', '6 kk')).toEqual({ ok: true, value: 6 });
    expect(readValue('months', '3 mån')).toEqual({ ok: true, value: 3 });
    expect(readValue('months', '1 vuosi')).toEqual({ ok: true, value: 12 });
    expect(readValue('months', 12)).toEqual({ ok: true, value: 12 });
    expect(readValue('months', 'heti')).toMatchObject({ ok: false });
  });

  it('reads yes/no in Finnish, Swedish and English, and x', () => {
    for (const word of ['kyllä', 'Kyllä', 'ja', 'yes', 'x', 'X', true, 1])
      expect(readValue('boolean', word)).toEqual({ ok: true, value: true });
    for (const word of ['ei', 'nej', 'no', 'NO', false, 0])
      expect(readValue('boolean', word)).toEqual({ ok: true, value: false });
    expect(readValue('boolean', 'ehkä')).toMatchObject({ ok: false });
  });

  it('reads lifecycle, criticality, class, direction, mode and organisation kinds in three languages', () => {
    expect(readValue('lifecycle', 'Tuotannossa')).toEqual({ ok: true, value: 'production' });
    expect(readValue('lifecycle', 'i produktion')).toEqual({ ok: true, value: 'production' });
    expect(readValue('lifecycle', 'PHASING OUT')).toEqual({ ok: true, value: 'phasingOut' });
    expect(readValue('lifecycle', 'avvecklad')).toEqual({ ok: true, value: 'retired' });
    expect(readValue('lifecycle', 'tuotanossa')).toMatchObject({ ok: false, suggestion: 'Tuotannossa' });
    expect(readValue('criticality', 'kriittinen')).toEqual({ ok: true, value: 'critical' });
    expect(readValue('criticality', 'hög')).toEqual({ ok: true, value: 'high' });
    expect(readValue('criticality', 'Medium')).toEqual({ ok: true, value: 'medium' });
    expect(readValue('class', 'tosi')).toEqual({ ok: true, value: 'TOSI' });
    expect(readValue('class', 'toimialariippumaton')).toEqual({ ok: true, value: 'TORI' });
    expect(readValue('direction', 'kaksisuuntainen')).toEqual({ ok: true, value: 'twoWay' });
    expect(readValue('mode', 'eräajo')).toEqual({ ok: true, value: 'batch' });
    expect(readValue('mode', 'realtid')).toEqual({ ok: true, value: 'realtime' });
    expect(readValue('kind', 'Kuntayhtymä')).toEqual({ ok: true, value: 'jointAuthority' });
    expect(readValue('kind', 'kommun')).toEqual({ ok: true, value: 'municipality' });
  });

  it('splits several values on commas, semicolons and line breaks', () => {
    expect(splitList('Perusterveydenhuolto, Suun terveydenhuolto;Kotihoito\nVanhuspalvelut')).toEqual([
      'Perusterveydenhuolto',
      'Suun terveydenhuolto',
      'Kotihoito',
      'Vanhuspalvelut',
    ]);
    expect(splitList('["Lifecare, Tieto", " LifeCare "]')).toEqual(['Lifecare, Tieto', ' LifeCare ']);
    expect(splitList('[kesken], valmis')).toEqual(['[kesken]', 'valmis']);
    const { model } = csv('s.csv', [
      `${HEAD};Palvelut`,
      'Effica;Oulu;TOSI;käytössä;"Kotihoito\nVanhuspalvelut; Suun terveys"',
    ]);
    expect(model.relations('supports').map((r) => r.to)).toEqual(['kotihoito', 'suun-terveys', 'vanhuspalvelut']);
  });

  it('reads CSV separated by commas, and by semicolons with a BOM, and Windows-1252 text', () => {
    const comma = csv('a.csv', ['System,Owner,Class,Lifecycle,Annual cost', 'Esko,Oulu,TOSI,production,"12,500.00"']);
    expect(comma.model.system('oulu-esko')?.contract?.annualCost).toBe(12500);
    const bom = csv('b.csv', [`\ufeff${HEAD}`, 'Esko;Oulu;TOSI;käytössä']);
    expect(bom.model.system('oulu-esko')?.lifecycle).toBe('production');
    const latin = Buffer.from(`${HEAD}\nPäätös;Hämeenlinna;TORI;käytössä\n`, 'latin1');
    const result = csvBytes('c.csv', latin);
    expect(result.model.system('hameenlinna-paatos')?.name).toBe('Päätös');
  });

  it('names every bad cell in one pass, with the Excel reference, the value, what was expected and a suggestion', () => {
    const problems = problemsOf(() =>
      csv('jarjestelmat.csv', [
        `${HEAD};Sopimus päättyy;Vuosikustannus;Käyttäjämäärä`,
        'Esko;Oulu;TOSI;tuotanossa;31.12.19;paljon;2,5',
        'Effica;Oulu;TOSA;käytössä;;;',
      ]),
    );
    expect(problems.map((p) => [p.cell, p.code, p.suggestion])).toEqual([
      ['jarjestelmat!D2', 'spreadsheet.cell-invalid', 'Tuotannossa'],
      ['jarjestelmat!E2', 'spreadsheet.cell-invalid', '31.12.2019'],
      ['jarjestelmat!F2', 'spreadsheet.cell-invalid', undefined],
      ['jarjestelmat!G2', 'spreadsheet.cell-invalid', undefined],
      ['jarjestelmat!C3', 'spreadsheet.cell-invalid', 'TOSI'],
    ]);
    const first = problems[0];
    expect(first).toMatchObject({
      file: 'jarjestelmat.csv',
      sheet: 'jarjestelmat',
      row: 2,
      column: 'Elinkaaren vaihe',
      value: 'tuotanossa',
    });
    expect(first?.message).toContain('did you mean "Tuotannossa"?');
  });
});

function csvBytes(file: string, data: Uint8Array) {
  return readInventoryBytes(file, data);
}
import { readInventory } from '../src/spreadsheet/index.js';
function readInventoryBytes(file: string, data: Uint8Array) {
  return readInventory([{ file, data }]);
}
