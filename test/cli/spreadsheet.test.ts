/**
 * `kartta import spreadsheet`, `export spreadsheet`, `template`, and the query commands' XLSX and CSV output, run
 * as the built binary: every bad cell named, nothing written on refusal, hostile files refused with exit 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Model } from '../../src/model/model.js';
import { harmonisationCandidates } from '../../src/queries/harmonisation.js';
import { readInventory, writeInventory } from '../../src/spreadsheet/index.js';
import { rawWorkbook } from '../spreadsheet-support.js';
import { binary, hasStack, kartta, root, sampleModel, samplePlan, scratch } from './run.js';

const inventory = ['oulu.xlsx', 'kempele.xlsx', 'ppshp.xlsx'].map((file) => join(root, 'examples/inventory', file));
const withErrors = ['oulu.xlsx', 'kempele.xlsx', 'ppshp.xlsx'].map((file) =>
  join(root, 'examples/inventory-with-errors', file),
);
const model = Model.load(readFileSync(sampleModel, 'utf8'));

async function open(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('kartta import spreadsheet', () => {
  it('reads the collected workbooks into the model the library makes, and reports the products it recognised', async () => {
    const folder = scratch();
    const out = join(folder, 'region.json');
    const run = await kartta(['import', 'spreadsheet', ...inventory, '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(readInventory(inventory).document);
    expect(run.stderr).toMatch(
      /^imported 3 organisations, 4 services, 9 systems, 3 integrations to .* from 3 files \(19 rows\)\n/,
    );
    expect(run.stderr).toContain('"Tieto Effica 4.x" ×1 (vendor-name, Järjestelmät!E2)');
    expect(run.stderr).toContain('--mapping-out FILE');
  });

  it('writes the recognised products as a mapping file that, given back, makes the same model', async () => {
    const folder = scratch();
    const mapping = join(folder, 'mapping.json');
    const first = await kartta([
      'import',
      'spreadsheet',
      ...inventory,
      '-o',
      join(folder, 'a.json'),
      '--mapping-out',
      mapping,
    ]);
    expect(first.code, first.stderr).toBe(0);
    const written = JSON.parse(readFileSync(mapping, 'utf8'));
    expect(written.products).toContainEqual({
      id: 'effica',
      name: 'Effica',
      vendor: 'Tietoevry',
      aliases: ['Tieto Effica 4.x'],
    });
    const second = await kartta([
      'import',
      'spreadsheet',
      ...inventory,
      '-o',
      join(folder, 'b.json'),
      '--mapping',
      mapping,
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('[mapping]');
    expect(readFileSync(join(folder, 'b.json'), 'utf8')).toBe(readFileSync(join(folder, 'a.json'), 'utf8'));
  });

  it('names every bad cell, writes nothing and exits 1 when rows are bad; an existing file stays as it was', async () => {
    const folder = scratch();
    const out = join(folder, 'region.json');
    writeFileSync(out, 'yesterday');
    const run = await kartta(['import', 'spreadsheet', ...withErrors, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('the inventory has 4 problems; nothing was written');
    expect(run.stderr).toContain('Järjestelmät!G3');
    expect(run.stderr).toContain('did you mean "Tuotannossa"?');
    expect(run.stderr).toContain('Organisaatiot!C4');
    expect(run.stderr).toContain('[spreadsheet.reference-unknown]');
    expect(hasStack(run.stderr)).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
    expect(readdirSync(folder)).toEqual(['region.json']);
  });

  it('with --partial imports the good rows and lists the skipped ones', async () => {
    const folder = scratch();
    const out = join(folder, 'region.json');
    const run = await kartta(['import', 'spreadsheet', ...withErrors, '--partial', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('(19 rows, 8 skipped)');
    expect(run.stderr).toContain('System!B2');
    expect(run.stderr).toContain('[spreadsheet.reference-skipped]');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(readInventory(withErrors, { partial: true }).document);
  });

  it('--format json prints the report for tools: problems with their cells, or the products of an import', async () => {
    const folder = scratch();
    const bad = await kartta([
      'import',
      'spreadsheet',
      ...withErrors,
      '--format',
      'json',
      '-o',
      join(folder, 'x.json'),
    ]);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.imported).toBe(false);
    expect(report.problems.map((problem: { cell: string }) => problem.cell)).toEqual([
      'Integraatiot!B4',
      'Järjestelmät!G3',
      'Järjestelmät!I5',
      'Organisaatiot!C4',
    ]);
    expect(report.problems[1]).toMatchObject({ suggestion: 'Tuotannossa', column: 'Elinkaaren vaihe', row: 3 });
    expect(existsSync(join(folder, 'x.json'))).toBe(false);
    const good = await kartta(['import', 'spreadsheet', ...inventory, '-f', 'json', '-o', join(folder, 'y.json')]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ imported: true, rows: { read: 19, skipped: 0 } });
    expect(JSON.parse(good.stdout).products).toHaveLength(6);
    const noOutput = await kartta(['import', 'spreadsheet', ...inventory, '-f', 'json']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('add -o MODEL.json');
  });

  it('reports a system given twice with different values as a conflict with both places (exit 1)', async () => {
    const folder = scratch();
    const a = join(folder, 'oulu.csv');
    const b = join(folder, 'oulu-2.csv');
    writeFileSync(a, 'Järjestelmä;Omistaja;Luokka;Elinkaaren vaihe\nEffica;Oulu;TOSI;Tuotannossa\n');
    writeFileSync(b, 'Järjestelmä;Omistaja;Luokka;Elinkaaren vaihe\nEffica;Oulu;TOSI;Poistumassa\n');
    const run = await kartta(['import', 'spreadsheet', a, b, '-o', join(folder, 'm.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[spreadsheet.conflict]');
    expect(run.stderr).toContain('oulu.csv');
    expect(run.stderr).toContain('oulu-2.csv');
    const same = await kartta(['import', 'spreadsheet', a, a, '-o', join(folder, 'm.json')]);
    expect(same.code, same.stderr).toBe(0);
  });

  it('refuses files that are not workbooks, zip bombs, DOCTYPEs and files past the limits (exit 2, no stack)', async () => {
    const folder = scratch();
    const notZip = join(folder, 'oulu.xlsx');
    writeFileSync(notZip, 'this is not a workbook');
    const padding = `<row r="2"><c r="A2" t="inlineStr"><is><t>${' '.repeat(30 * 1024 * 1024)}</t></is></c></row>`;
    const bomb = join(folder, 'bomb.xlsx');
    writeFileSync(
      bomb,
      rawWorkbook(`<?xml version="1.0"?><worksheet ${NS}><sheetData>${padding}</sheetData></worksheet>`),
    );
    const laughs = join(folder, 'laughs.xlsx');
    writeFileSync(
      laughs,
      rawWorkbook(
        `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet ${NS}><sheetData><row r="1"><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`,
      ),
    );
    const cases: [string[], string][] = [
      [[notZip], 'spreadsheet.unreadable'],
      [[join(folder, 'missing.xlsx')], 'spreadsheet.unreadable'],
      [[bomb], 'spreadsheet.zip-bomb'],
      [[bomb, '--max-compression-ratio', '100000', '--max-bytes', '1048576'], 'spreadsheet.too-large'],
      [[laughs], 'spreadsheet.xml-unsafe'],
      [[...inventory, '--max-rows', '5'], 'spreadsheet.too-large'],
      [[...inventory, '--max-cells', '20'], 'spreadsheet.too-large'],
    ];
    for (const [args, code] of cases) {
      const out = join(folder, 'model.json');
      const run = await kartta(['import', 'spreadsheet', ...args, '-o', out]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain(`[${code}]`);
      expect(hasStack(run.stderr)).toBe(false);
      expect(existsSync(out)).toBe(false);
    }
    const badLimit = await kartta(['import', 'spreadsheet', ...inventory, '--max-rows', '0']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--max-rows must be a whole number of 1 or more, got "0"');
    const badMapping = join(folder, 'mapping.json');
    writeFileSync(badMapping, '{"columns": {"Vaihe": "systems.nothing"}}');
    const mappingRun = await kartta(['import', 'spreadsheet', ...inventory, '--mapping', badMapping]);
    expect(mappingRun.code).toBe(2);
    expect(mappingRun.stderr).toContain('[spreadsheet.mapping-invalid]');
  });
});

describe('kartta export spreadsheet and kartta template', () => {
  it('writes the workbook writeInventory writes; importing it gives the same model; an existing file is replaced', async () => {
    const folder = scratch();
    const out = join(folder, 'inventory.xlsx');
    writeFileSync(out, 'old');
    const run = await kartta(['export', 'spreadsheet', sampleModel, '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^wrote .*inventory\.xlsx \(\d+ kB, 80 systems, 108 integrations, 14 projects\)\n$/);
    expect(Buffer.from(writeInventory(model)).equals(readFileSync(out))).toBe(true);
    const back = await kartta(['import', 'spreadsheet', out, '-o', join(folder, 'back.json')]);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, 'back.json'), 'utf8'))).toEqual(model.toJSON());
    expect(readdirSync(folder).sort()).toEqual(['back.json', 'inventory.xlsx']);
  });

  it('writes Swedish sheet names with --lang sv, and CSV files into a folder that import back to the same model', async () => {
    const folder = scratch();
    const sv = join(folder, 'inventering.xlsx');
    expect((await kartta(['export', 'spreadsheet', sampleModel, '--lang', 'sv', '-o', sv])).code).toBe(0);
    expect((await open(sv)).worksheets.map((sheet) => sheet.name)).toContain('System');
    const csvFolder = join(folder, 'csv');
    const run = await kartta(['export', 'spreadsheet', sampleModel, '--format', 'csv', '-o', csvFolder]);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(csvFolder).sort();
    expect(files).toEqual([
      'Budjetti.csv',
      'Hankkeet.csv',
      'Integraatiot.csv',
      'Järjestelmät.csv',
      'Malli.csv',
      'Organisaatiot.csv',
      'Palvelut.csv',
      'Palvelutarjonta.csv',
      'Rahoittajat.csv',
      'Rahoitus.csv',
      'Suhteet.csv',
      'Teemat.csv',
      'Tuotteet.csv',
    ]);
    const back = await kartta(['import', 'spreadsheet', ...files.map((file) => join(csvFolder, file))]);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual(model.toJSON());
    const slash = await kartta(['export', 'spreadsheet', sampleModel, '-o', `${join(folder, 'other')}/`]);
    expect(slash.code).toBe(0);
    expect(readdirSync(join(folder, 'other'))).toHaveLength(13);
  });

  it('refuses CSV without a folder, a file where the folder should be, and an invalid model, changing nothing', async () => {
    const folder = scratch();
    const noFolder = await kartta(['export', 'spreadsheet', sampleModel, '--format', 'csv']);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('give the folder with -o');
    const file = join(folder, 'taken');
    writeFileSync(file, 'x');
    const onFile = await kartta(['export', 'spreadsheet', sampleModel, '--format', 'csv', '-o', file]);
    expect(onFile.code).toBe(2);
    expect(hasStack(onFile.stderr)).toBe(false);
    const out = join(folder, 'inventory.xlsx');
    writeFileSync(out, 'good');
    const invalid = await kartta(['export', 'spreadsheet', '-', '-o', out], { input: '{"format": "kartta/1"' });
    expect(invalid.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('good');
    const badLang = await kartta(['export', 'spreadsheet', sampleModel, '--lang', 'de', '-o', out]);
    expect(badLang.code).toBe(2);
    expect(readdirSync(folder).sort()).toEqual(['inventory.xlsx', 'taken']);
  });

  it('kartta template writes the empty collection template in each language', async () => {
    const folder = scratch();
    for (const [lang, sheet] of [
      ['fi', 'Ohjeet'],
      ['sv', 'Anvisningar'],
      ['en', 'Instructions'],
    ] as const) {
      const out = join(folder, `${lang}.xlsx`);
      const run = await kartta(['template', '--lang', lang, '-o', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe(`wrote ${out}\n`);
      const workbook = await open(out);
      expect(workbook.worksheets[0]?.name).toBe(sheet);
      expect(workbook.worksheets).toHaveLength(11);
    }
    const empty = await kartta(['import', 'spreadsheet', join(folder, 'fi.xlsx')]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(JSON.parse(empty.stdout).systems).toEqual([]);
    // Piped, the bytes go to standard output.
    const piped = await kartta(['template']);
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('PK')).toBe(true);
    expect((await kartta(['template', '--lang', 'de'])).code).toBe(2);
  });
});

describe('query results as XLSX and CSV', () => {
  it('harmonise -o FILE.xlsx writes a workbook (the format from the extension) with names next to ids', async () => {
    const folder = scratch();
    const out = join(folder, 'candidates.xlsx');
    const run = await kartta(['harmonise', sampleModel, '--scope', 'pop', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const sheet = (await open(out)).getWorksheet('Harmonisation');
    const expected = harmonisationCandidates(model, { scope: 'pop' });
    expect(sheet?.rowCount).toBe(expected.length + 1);
    const header = sheet?.getRow(1).values as unknown[];
    const first = sheet?.getRow(2).values as unknown[];
    const cell = (name: string) => first[header.indexOf(name)];
    expect(cell('Keep (id)')).toBe('lifecare-oulu');
    expect(cell('Keep')).toBe('Lifecare (Oulu)');
    expect(cell('Saving a year (€)')).toBe(expected[0]?.savings);
  });

  it('plan --format xlsx writes the waves, bridges, missed deadlines and violations; lint writes CSV and keeps its exit code', async () => {
    const folder = scratch();
    const plan = join(folder, 'plan.xlsx');
    const run = await kartta(['plan', sampleModel, samplePlan, '--format', 'xlsx', '-o', plan]);
    expect(run.code, run.stderr).toBe(0);
    expect((await open(plan)).worksheets.map((sheet) => sheet.name)).toEqual([
      'Waves',
      'Bridges',
      'Missed deadlines',
      'Violations',
    ]);
    const findings = join(folder, 'findings.csv');
    const lint = await kartta(['lint', sampleModel, '--as-of', '2019-01-01', '-o', findings]);
    expect(lint.code).toBe(1);
    const records = parse<Record<string, string>>(readFileSync(findings, 'utf8'), { columns: true });
    expect(Object.keys(records[0] ?? {})).toEqual(['severity', 'rule', 'entity', 'entity_name', 'related', 'message']);
    expect(records.some((record) => record.severity === 'error')).toBe(true);
    const xlsx = await kartta([
      'lint',
      sampleModel,
      '--as-of',
      '2019-01-01',
      '-f',
      'xlsx',
      '-o',
      join(folder, 'l.xlsx'),
    ]);
    expect(xlsx.code).toBe(1);
    expect((await open(join(folder, 'l.xlsx'))).getWorksheet('Lint findings')?.rowCount).toBe(records.length + 1);
  });

  it('neutralises formula injection from hostile names in CSV and XLSX', async () => {
    const folder = scratch();
    const document = JSON.parse(readFileSync(sampleModel, 'utf8'));
    const lifecare = document.systems.find((system: { id: string }) => system.id === 'lifecare-oulu');
    const organisation = document.organisations.find((o: { id: string }) => o.id === 'oulu');
    organisation.name = '=HYPERLINK("http://evil.example","click")';
    lifecare.name = '@SUM(1+1)';
    const hostile = join(folder, 'hostile.json');
    writeFileSync(hostile, JSON.stringify(document));
    const csv = await kartta(['parallel', hostile, '-f', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const hostileRows: string[][] = parse(csv.stdout);
    for (const record of hostileRows) for (const cell of record) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);
    const out = join(folder, 'candidates.xlsx');
    expect((await kartta(['harmonise', hostile, '-o', out])).code).toBe(0);
    const sheet = (await open(out)).getWorksheet('Harmonisation');
    sheet?.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type === ExcelJS.ValueType.Formula, cell.text).toBe(false)),
    );
    const names: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => names.push(cell.text)));
    expect(names).toContain('@SUM(1+1)');
  });

  it('writes a workbook to a pipe, but never to a terminal (exit 2, asks for -o)', async () => {
    const run = await kartta(['harmonise', sampleModel, '-f', 'xlsx']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('PK')).toBe(true);
    // `script` (util-linux) runs the command on a pseudo-terminal, as a person at a terminal would.
    const terminal = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${binary}" template; echo "exit $?"`, '/dev/null'],
      {
        encoding: 'utf8',
        env: { ...process.env, TERM: 'xterm', NO_COLOR: '1' },
      },
    );
    expect(terminal.stdout).toContain('an XLSX workbook is not for the terminal: write it to a file with -o FILE');
    expect(terminal.stdout).toContain('exit 2');
    expect(terminal.stdout).not.toContain('PK');
  });
});
