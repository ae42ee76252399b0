/** `kartta export archimate` and `kartta import archimate`: Archi-ready files, atomic writes, lossless round trips, hostile XML. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model } from '../../src/model/model.js';
import { toArchimateXml } from '../../src/archimate/export.js';
import { parsePlan } from '../../src/migration/validate.js';
import { archimateDir, schemaErrors, skipShared } from '../archimate-support.js';
import { binary, hasStack, kartta, root, sampleModel, samplePlan, scratch } from './run.js';

const model = Model.load(readFileSync(sampleModel, 'utf8'));

describe('kartta export archimate', () => {
  it('writes the same file as toArchimateXml, with views and the plan, and says what it wrote', async () => {
    const folder = scratch();
    const out = join(folder, 'region.xml');
    const run = await kartta(['export', 'archimate', sampleModel, '-o', out, '--views', '--plan', samplePlan]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^wrote ${out} \\(\\d+\\.\\d MB, with views, with the plan\\)\\n$`));
    const plan = parsePlan(model, readFileSync(samplePlan, 'utf8'));
    expect(readFileSync(out, 'utf8')).toBe(toArchimateXml(model, { views: true, plan }));
    expect(readdirSync(folder)).toEqual(['region.xml']);
  });

  it.skipIf(skipShared)('writes a file that validates against the Open Group schema', async () => {
    const run = await kartta(['export', 'archimate', sampleModel, '--views', '--plan', samplePlan]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<?xml')).toBe(true);
    expect(await schemaErrors(run.stdout)).toEqual([]);
  });

  it('leaves an existing file untouched when the export fails half-way, and no temporary file behind', async () => {
    const folder = scratch();
    const out = join(folder, 'region.xml');
    writeFileSync(out, 'the good file from yesterday');
    // A name with U+0000, which XML 1.0 cannot carry: the export fails when it reaches that system, after other chunks.
    const document = JSON.parse(readFileSync(sampleModel, 'utf8'));
    document.systems.at(-1).name = 'broken\u0000name';
    const run = await kartta(['export', 'archimate', '-', '-o', out, '--views'], { input: JSON.stringify(document) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\[archimate\.unrepresentable-text\]/);
    expect(hasStack(run.stderr)).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe('the good file from yesterday');
    expect(readdirSync(folder)).toEqual(['region.xml']);
  });

  it('refuses an invalid plan (exit 2) before writing anything', async () => {
    const folder = scratch();
    const planFile = join(folder, 'plan.json');
    writeFileSync(planFile, JSON.stringify({ steps: [{ id: 'x', action: 'retire', system: 'nowhere' }] }));
    const run = await kartta(['export', 'archimate', sampleModel, '-o', join(folder, 'out.xml'), '--plan', planFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a valid plan');
    expect(readdirSync(folder)).toEqual(['plan.json']);
  });
});

describe('progress', () => {
  // `script` (util-linux) runs the command on a pseudo-terminal, as a person at a terminal would.
  function onTerminal(args: string): string {
    const run = spawnSync('script', ['-qec', `"${process.execPath}" "${binary}" ${args}`, '/dev/null'], {
      encoding: 'utf8',
      // A person's terminal: CI (set when CI runs this suite) turns the spinner into plain lines, on purpose.
      env: { ...withoutCi(process.env), TERM: 'xterm', NO_COLOR: '1' },
    });
    return run.stdout;
  }

  it('shows a spinner on stderr only on a terminal, and not with --quiet', async () => {
    const folder = scratch();
    const terminal = onTerminal(`export archimate "${sampleModel}" -o "${join(folder, 'a.xml')}" --views`);
    expect(terminal).toContain(`writing ${join(folder, 'a.xml')}`);
    expect(terminal).toContain('\u001b[?25l'); // the spinner hides the cursor while it turns
    const quiet = onTerminal(`export archimate "${sampleModel}" -o "${join(folder, 'b.xml')}" --views --quiet`);
    expect(quiet).toBe('');
    const piped = await kartta(['export', 'archimate', sampleModel, '-o', join(folder, 'c.xml'), '--views']);
    expect(piped.stderr).toBe(
      `wrote ${join(folder, 'c.xml')} (${piped.stderr.match(/\((\d+\.\d) MB/)?.[1]} MB, with views)\n`,
    );
  });
});

describe('kartta import archimate', () => {
  it('reads back what export wrote: the same model', async () => {
    const folder = scratch();
    const xml = join(folder, 'region.xml');
    expect((await kartta(['export', 'archimate', sampleModel, '-o', xml, '--views'])).code).toBe(0);
    const run = await kartta(['import', 'archimate', xml, '-o', join(folder, 'model.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^imported \d+ organisations, \d+ services, \d+ systems, \d+ integrations to .*model\.json/,
    );
    expect(Model.load(readFileSync(join(folder, 'model.json'), 'utf8')).toJSONText()).toBe(model.toJSONText());
  });

  it.skipIf(skipShared)(
    'keeps what Kartta has no concept for in --extras-out, and export --extras writes it back',
    async () => {
      const folder = scratch();
      const archi = join(archimateDir, 'examples', 'archi-sample1.xml');
      const imported = await kartta([
        'import',
        'archimate',
        archi,
        '-o',
        join(folder, 'model.json'),
        '--extras-out',
        join(folder, 'extras.json'),
      ]);
      expect(imported.code, imported.stderr).toBe(0);
      const extras = JSON.parse(readFileSync(join(folder, 'extras.json'), 'utf8'));
      expect(extras.format).toBe('kartta-archimate-extras/1');
      expect(extras.elements.length + extras.relationships.length).toBeGreaterThan(0);
      const withExtras = await kartta([
        'export',
        'archimate',
        join(folder, 'model.json'),
        '--extras',
        join(folder, 'extras.json'),
      ]);
      expect(withExtras.code, withExtras.stderr).toBe(0);
      const without = await kartta(['export', 'archimate', join(folder, 'model.json')]);
      const identifier =
        (extras.elements[0] ?? extras.relationships[0]).attributes?.identifier ??
        extras.elements[0]?.attributes?.identifier;
      if (identifier) {
        expect(withExtras.stdout).toContain(`identifier="${identifier}"`);
        expect(without.stdout).not.toContain(`identifier="${identifier}"`);
      }
      expect(await schemaErrors(withExtras.stdout)).toEqual([]);
      // Without --extras-out the command says there was more in the file.
      const note = await kartta(['import', 'archimate', archi]);
      expect(note.stderr).toContain('keep them with --extras-out');
    },
  );

  it('reads standard input and writes the model to standard output', async () => {
    const xml = toArchimateXml(model);
    const run = await kartta(['import', 'archimate', '-', '-q'], { input: xml });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(Model.load(run.stdout).toJSONText()).toBe(model.toJSONText());
  });

  it('refuses hostile or broken XML with exit 2, a clear message and no stack', async () => {
    const cases: [string, RegExp][] = [
      [
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<model>&lol2;</model>',
        /DOCTYPE|DTD/i,
      ],
      ['<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>Open', /<stdin>: .*\[xml\.[a-z-]+\]/],
      ['this is not xml', /<stdin>: /],
      ['<a/>', /<stdin>: the root element/],
      [
        `<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</model>`,
        /<stdin>: .*(deep|depth|nest)/i,
      ],
    ];
    for (const [input, message] of cases) {
      const run = await kartta(['import', 'archimate', '-'], { input });
      expect(run.code, input.slice(0, 40)).toBe(2);
      expect(run.stderr, input.slice(0, 40)).toMatch(message);
      expect(hasStack(run.stderr)).toBe(false);
      expect(run.stdout).toBe('');
    }
    const missing = await kartta(['import', 'archimate', join(root, 'no-such.xml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
  });
});

function withoutCi(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.CI;
  return copy;
}
