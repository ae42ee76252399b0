/** Query results and inventories as CSV and XLSX: names next to ids, dates as dates, formulas never live. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harmonisationCandidates, lint, Model, parallelSystems, planMigration } from '../src/index.js';
import { generateRegionModel } from '../src/testing/index.js';
import { parsePlan } from '../src/migration/validate.js';
import {
  harmonisationTable,
  lintTable,
  migrationPlanTables,
  parallelTable,
  readInventory,
  writeInventoryCsv,
  writeResultCsv,
  writeResultWorkbook,
  type ResultTable,
} from '../src/spreadsheet/index.js';
import { OptionError } from '../src/errors.js';

const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
const samplePlan = parsePlan(
  sample,
  readFileSync(new URL('../examples/pohjois-pohjanmaa.plan.json', import.meta.url), 'utf8'),
);

async function open(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function records(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true, bom: true, delimiter: ';' });
}

const HOSTILE = ['=HYPERLINK("http://x","y")', '+358 40', '-2+3', '@SUM(A1)', '\tx', '\rx'];

describe('result tables', () => {
  it('harmonisation: one row per candidate in rank order, ids with names next to them, reasons in words', () => {
    const candidates = harmonisationCandidates(sample, { scope: 'pop' });
    const table = harmonisationTable(sample, candidates);
    const keys = table.columns.map((column) => column.key);
    expect(keys).toEqual([
      'rank',
      'kind',
      'subject',
      'subject_name',
      'systems',
      'system_ids',
      'keep',
      'keep_name',
      'organisations',
      'savings_eur',
      'unknown_costs',
      'reasons',
    ]);
    expect(table.rows).toHaveLength(candidates.length);
    const first = candidates[0];
    if (first?.kind !== 'sameProduct') throw new Error('expected a same-product candidate first');
    const row = new Map(keys.map((key, i) => [key, table.rows[0]?.[i]]));
    expect(row.get('keep')).toBe(first.keep);
    expect(row.get('keep_name')).toBe(sample.nameOf(first.keep));
    expect(row.get('savings_eur')).toBe(first.savings);
    expect(row.get('reasons')).toBe(first.reasons.map((reason) => reason.message).join('\n'));
  });

  it('parallel: one row per pair with both names; plan: four sheets with dates; lint: one row per finding', () => {
    const groups = parallelSystems(sample, { scope: 'pop' });
    const pairs = parallelTable(sample, groups);
    expect(pairs.rows).toHaveLength(groups.reduce((sum, group) => sum + group.pairs.length, 0));
    expect(pairs.rows[0]?.slice(2, 6)).toEqual([
      groups[0]?.pairs[0]?.systems[0],
      sample.nameOf(groups[0]?.pairs[0]?.systems[0] as string),
      groups[0]?.pairs[0]?.systems[1],
      sample.nameOf(groups[0]?.pairs[0]?.systems[1] as string),
    ]);
    const result = planMigration(sample, samplePlan);
    const tables = migrationPlanTables(sample, samplePlan, result);
    expect(tables.map((table) => table.name)).toEqual(['Waves', 'Bridges', 'Missed deadlines', 'Violations']);
    expect(tables[0]?.rows).toHaveLength(samplePlan.steps.length);
    expect(tables[1]?.rows).toHaveLength(result.bridges.length);
    expect(tables[2]?.rows).toHaveLength(result.missedDeadlines.length);
    const findings = lint(sample, { asOf: '2019-01-01' });
    const findingsTable = lintTable(sample, findings);
    expect(findingsTable.rows.map((row) => row[2])).toEqual(findings.map((finding) => finding.entity));
    expect(findingsTable.rows.map((row) => row[3])).toEqual(
      findings.map((finding) => sample.nameOf(finding.entity) ?? finding.entity),
    );
  });

  it('XLSX: a sheet per table, headers for people, dates as date cells, numbers as numbers', async () => {
    const result = planMigration(sample, samplePlan);
    const tables = migrationPlanTables(sample, samplePlan, result);
    const workbook = await open(writeResultWorkbook(tables));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Waves',
      'Bridges',
      'Missed deadlines',
      'Violations',
    ]);
    const waves = workbook.getWorksheet('Waves');
    expect(waves?.getRow(1).getCell(1).value).toBe('Wave');
    expect(waves?.rowCount).toBe(samplePlan.steps.length + 1);
    const start = waves?.getRow(2).getCell(2).value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString().slice(0, 10)).toBe(tables[0]?.rows[0]?.[1]);
    expect(typeof waves?.getRow(2).getCell(1).value).toBe('number');
    expect(waves?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('neutralises formula injection in XLSX (text cells with a quote prefix) and CSV (a leading quote)', async () => {
    const table: ResultTable = {
      name: 'Hostile',
      columns: [
        { key: 'id', header: 'Id', type: 'text' },
        { key: 'name', header: '=1+1', type: 'text' },
      ],
      rows: HOSTILE.map((text, i) => [`s${i}`, text]),
    };
    const workbook = await open(writeResultWorkbook([table]));
    const sheet = workbook.getWorksheet('Hostile');
    expect(sheet?.getRow(1).getCell(2).value).toBe('=1+1');
    HOSTILE.forEach((text, i) => {
      const cell = sheet?.getRow(i + 2).getCell(2);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(text);
    });
    const csv: string[][] = parse(writeResultCsv(table), { relax_column_count: true });
    expect(csv[0]).toEqual(['id', 'name']);
    expect(csv.slice(1).map((row) => row[1])).toEqual(HOSTILE.map((text) => `'${text}`));
    // Numbers are numbers: a negative amount is not text and keeps its sign.
    const numbers: ResultTable = { name: 'n', columns: [{ key: 'n', header: 'n', type: 'number' }], rows: [[-5]] };
    expect(writeResultCsv(numbers)).toBe('n\n-5\n');
    expect(writeResultCsv(numbers, { delimiter: ';', bom: true })).toBe('\ufeffn\n-5\n');
  });

  it('makes sheet names Excel accepts: 31 characters, no []:*?/\\, unique; hostile names are text', async () => {
    const table = (name: string): ResultTable => ({
      name,
      columns: [{ key: 'a', header: 'a', type: 'text' }],
      rows: [],
    });
    const long = 'x'.repeat(40);
    const workbook = await open(
      writeResultWorkbook([table('a/b:c*?[d]'), table(long), table(long), table('__proto__'), table('')]),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'a b c   d',
      'x'.repeat(31),
      `${'x'.repeat(29)} 2`,
      '__proto__',
      'Sheet5',
    ]);
  });

  it('refuses bad CSV options with a typed error', () => {
    const table: ResultTable = { name: 'n', columns: [], rows: [] };
    expect(() => writeResultCsv(table, { delimiter: '|' as ',' })).toThrow(OptionError);
    expect(() => writeResultCsv(table, { bom: 'yes' as unknown as boolean })).toThrow(OptionError);
  });
});

describe('writeInventoryCsv', () => {
  const roundTrip = (model: Model, options: Parameters<typeof writeInventoryCsv>[1] = {}) =>
    readInventory(
      writeInventoryCsv(model, options).map((file) => ({ file: file.name, data: file.text })),
    ).model.toJSON();

  it('writes one file per sheet, named after it, that read back as the same document in each language and separator', () => {
    expect(writeInventoryCsv(sample).map((file) => file.name)).toEqual([
      'Malli.csv',
      'Organisaatiot.csv',
      'Palvelut.csv',
      'Tuotteet.csv',
      'Järjestelmät.csv',
      'Integraatiot.csv',
      'Suhteet.csv',
      'Teemat.csv',
      'Rahoittajat.csv',
      'Palvelutarjonta.csv',
      'Hankkeet.csv',
      'Budjetti.csv',
      'Rahoitus.csv',
    ]);
    for (const language of ['fi', 'sv', 'en'] as const)
      for (const delimiter of [';', ','] as const)
        expect(roundTrip(sample, { language, delimiter })).toEqual(sample.toJSON());
    const systems = writeInventoryCsv(sample).find((file) => file.name === 'Järjestelmät.csv')?.text ?? '';
    expect(systems.startsWith('\ufeffTunnus;')).toBe(true);
    const costly = sample.systems().find((system) => system.contract?.annualCost !== undefined);
    const record = records(systems).find((candidate) => candidate['Tunnus'] === costly?.id);
    expect(record?.['Vuosikustannus']).toBe(String(costly?.contract?.annualCost).replace('.', ','));
    expect(record?.['Järjestelmä']).toBe(costly?.name);
  });

  it('round trip of generated regions, decimal numbers included', () => {
    for (const seed of [4, 5]) {
      const model = Model.load(generateRegionModel({ seed, systems: 120 }));
      expect(roundTrip(model)).toEqual(model.toJSON());
    }
    const decimals = Model.load({
      format: 'kartta/1',
      name: 'Testi',
      systems: [
        { id: 'a', name: 'A', class: 'TORI', lifecycle: 'production', contract: { annualCost: 12.125 } },
        { id: 'b', name: 'B', class: 'TORI', lifecycle: 'production', contract: { annualCost: 1.5 } },
      ],
    });
    expect(roundTrip(decimals)).toEqual(decimals.toJSON());
    expect(roundTrip(decimals, { delimiter: ',' })).toEqual(decimals.toJSON());
  });

  it('keeps hostile text exactly, formula characters neutralised on the way and restored on reading', () => {
    const text = fc.oneof(
      fc.constantFrom(...HOSTILE.filter((t) => t.trim() === t), "'=1", "''", "'''x", "'x", '__proto__', 'toString'),
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
        const files = writeInventoryCsv(model);
        const systems = files.find((file) => file.name === 'Järjestelmät.csv')?.text ?? '';
        const rows: string[][] = parse(systems, { bom: true, delimiter: ';' });
        for (const record of rows) for (const cell of record) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        expect(roundTrip(model)).toEqual(model.toJSON());
      }),
      { numRuns: 80 },
    );
  });

  it('refuses bad options with a typed error', () => {
    expect(() => writeInventoryCsv(sample, { delimiter: '\t' as ';' })).toThrow(OptionError);
    expect(() => writeInventoryCsv(sample, { language: 'de' as 'fi' })).toThrow(OptionError);
  });
});
