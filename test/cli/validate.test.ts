/** `kartta validate`: text, JSON and SARIF, exit codes, stdin, positions, hostile input. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasStack, kartta, sampleModel, scratch } from './run.js';
import { sarifErrors } from './sarif.js';

const broken = `{
  "format": "kartta/1",
  "name": "Broken",
  "organisations": [{ "id": "oulu", "kind": "town", "name": "Oulu" }],
  "systems": [
    { "id": "lifecare-oulu", "name": { "fi": "Lifecare (Oulu)" }, "class": "TOSI", "lifecycle": "production",
      "contract": { "ends": "2020-02-30" } }
  ],
  "relations": [{ "type": "owns", "from": "oulu", "to": "nowhere" }]
}
`;

function brokenFile(): string {
  const path = join(scratch(), 'broken.json');
  writeFileSync(path, broken);
  return path;
}

describe('kartta validate', () => {
  it('accepts the sample with exit 0 and says what it holds', async () => {
    const run = await kartta(['validate', sampleModel]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /✔ .*pohjois-pohjanmaa\.json is a valid kartta\/1 model: \d+ organisations, \d+ services, \d+ systems/,
    );
    expect(run.stderr).toBe('');
  });

  it('lists every problem with file, line, column, code, path and entity, and exits 1', async () => {
    const file = brokenFile();
    const run = await kartta(['validate', file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      `${file}:4:37  value.invalid  organisations[0].kind  ${lines[0]?.split('  ')[3]}  (organisation 'oulu' (Oulu))`,
    );
    expect(run.stdout).toContain(`${file}:7:21  date.invalid  systems[0].contract.ends`);
    expect(run.stdout).toContain("(system 'lifecare-oulu' (Lifecare (Oulu)))");
    expect(run.stdout).toContain(`${file}:9:51  reference.missing  relations[0].to`);
    expect(run.stdout).toContain('(relation owns oulu → nowhere)');
    expect(lines[3]).toBe(`✖ ${file}: 3 problems`);
  });

  it('reads standard input with - and writes JSON that parses back', async () => {
    const run = await kartta(['validate', '-', '--format', 'json'], { input: broken });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.file).toBe('<stdin>');
    expect(report.valid).toBe(false);
    expect(report.issues.map((issue: { code: string }) => issue.code)).toEqual([
      'value.invalid',
      'date.invalid',
      'reference.missing',
    ]);
    expect(report.issues[1]).toMatchObject({
      path: ['systems', 0, 'contract', 'ends'],
      pathText: 'systems[0].contract.ends',
      line: 7,
      column: 21,
      entity: { kind: 'system', id: 'lifecare-oulu', name: 'Lifecare (Oulu)' },
    });
    const valid = JSON.parse(
      (await kartta(['validate', '-', '-f', 'json'], { input: readFileSync(sampleModel) })).stdout,
    );
    expect(valid).toMatchObject({ valid: true, issues: [] });
    expect(valid.counts.systems).toBeGreaterThan(10);
  });

  it('writes SARIF 2.1.0 that validates against the schema, with a region for each problem', async () => {
    const file = brokenFile();
    const run = await kartta(['validate', file, '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[1]).toMatchObject({
      ruleId: 'date.invalid',
      level: 'error',
      locations: [
        {
          physicalLocation: { region: { startLine: 7, startColumn: 21 } },
          logicalLocations: [{ fullyQualifiedName: 'systems[0].contract.ends' }],
        },
      ],
    });
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'date.invalid',
      'reference.missing',
      'value.invalid',
    ]);
    const clean = JSON.parse((await kartta(['validate', sampleModel, '--format', 'sarif'])).stdout);
    expect(sarifErrors(clean)).toEqual([]);
    expect(clean.runs[0].results).toEqual([]);
    const fromStdin = JSON.parse((await kartta(['validate', '-', '--format', 'sarif'], { input: broken })).stdout);
    expect(sarifErrors(fromStdin)).toEqual([]);
    expect(log.runs[0].artifacts[0].location.uri).toBe(pathToFileURL(file).href);
    const relative = JSON.parse(
      (await kartta(['validate', 'broken.json', '-f', 'sarif'], { cwd: dirname(file) })).stdout,
    );
    expect(sarifErrors(relative)).toEqual([]);
    expect(relative.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('broken.json');
    // Sanity check of the checker: a log without a version is not SARIF.
    expect(sarifErrors({ ...log, version: undefined })).not.toEqual([]);
  });

  it('refuses input that is not JSON with exit 2, naming the line and column, without a stack', async () => {
    const cases: [string | Buffer, RegExp][] = [
      ['{ "format": "kartta/1",\n  "name": "X",,\n}', /<stdin>:2:15: not valid JSON: expected a property name/],
      ['', /<stdin>:1:1: not valid JSON: the input is empty/],
      ['{ "a": 1 } trailing', /<stdin>:1:12: not valid JSON: unexpected character/],
      ['{ "a": 1 }\n{ "b": 2 }', /<stdin>:2:1: not valid JSON: unexpected text after the end of the document/],
      ['{ /* a comment */ }', /comments are not allowed in JSON/],
      [Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]), /<stdin> is not UTF-8 text/],
    ];
    for (const [input, message] of cases) {
      const run = await kartta(['validate', '-'], { input });
      expect(run.code, String(input)).toBe(2);
      expect(run.stderr, String(input)).toMatch(message);
      expect(hasStack(run.stderr)).toBe(false);
      expect(run.stdout).toBe('');
    }
  });

  it('refuses a missing file or a folder with exit 2; --debug adds the stack', async () => {
    const folder = scratch();
    const missing = await kartta(['validate', join(folder, 'nope.json')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe(`kartta: cannot read "${join(folder, 'nope.json')}": no such file or folder\n`);
    const dir = await kartta(['validate', folder]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('it is a folder, not a file');
    const debug = await kartta(['validate', join(folder, 'nope.json'), '--debug']);
    expect(debug.code).toBe(2);
    expect(hasStack(debug.stderr)).toBe(true);
  });

  it('survives hostile documents: deep nesting, prototype keys, huge strings, a BOM', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepRun = await kartta(['validate', '-'], { input: deep });
    expect([1, 2]).toContain(deepRun.code);
    expect(hasStack(deepRun.stderr + deepRun.stdout)).toBe(false);

    const proto =
      '{ "format": "kartta/1", "name": "X", "__proto__": { "polluted": true }, "systems": [{ "id": "constructor", "name": "toString", "class": "TORI", "lifecycle": "production" }] }';
    const protoRun = await kartta(['validate', '-', '--format', 'json'], { input: proto });
    expect(protoRun.code).toBe(1);
    const report = JSON.parse(protoRun.stdout);
    expect(report.issues.map((issue: { path: unknown[] }) => issue.path)).toContainEqual(['__proto__']);

    const huge = JSON.stringify({
      format: 'kartta/1',
      name: 'X',
      organisations: [{ id: 'x'.repeat(1_000_000), kind: 'town', name: 'X' }],
    });
    const hugeRun = await kartta(['validate', '-'], { input: huge });
    expect(hugeRun.code).toBe(1);
    expect(hugeRun.stdout.length).toBeLessThan(10_000);

    const bom = `\uFEFF${readFileSync(sampleModel, 'utf8')}`;
    expect((await kartta(['validate', '-'], { input: bom })).code).toBe(0);
  });

  it('writes its report atomically with -o and leaves no temporary file behind', async () => {
    const folder = scratch();
    const out = join(folder, 'report.sarif');
    const run = await kartta(['validate', brokenFile(), '-f', 'sarif', '-o', out]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(sarifErrors(JSON.parse(readFileSync(out, 'utf8')))).toEqual([]);
    expect(readdirSync(folder)).toEqual(['report.sarif']);
    const nowhere = await kartta(['validate', sampleModel, '-o', join(folder, 'missing-folder', 'x.txt')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/cannot write ".*x\.txt": no such file or folder/);
    mkdirSync(join(folder, 'sub'));
    expect(existsSync(join(folder, 'sub', 'x.txt'))).toBe(false);
  });
});
