/** The frame of the `kartta` command: version, help, usage errors, colours, startup. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { hasColour, hasStack, kartta, root, sampleModel, scratch } from './run.js';

const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;

describe('kartta', () => {
  it('prints its version, the one in package.json', async () => {
    const run = await kartta(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });

  it('lists every command in --help, each with an example in its own --help', async () => {
    const help = await kartta(['--help']);
    expect(help.code).toBe(0);
    for (const command of commands) {
      expect(help.stdout).toContain(command.name.split(' ')[0]);
      const own = await kartta([...command.name.split(' '), '--help']);
      expect(own.code, command.name).toBe(0);
      expect(own.stdout, command.name).toMatch(/Examples?:\n\s+\$ kartta /);
      const viaHelp = await kartta(['help', ...command.name.split(' ')]);
      expect(viaHelp).toEqual(own);
    }
  });

  it('refuses usage errors with exit 2 and says what is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['validat', 'x.json'], /Did you mean validate\?/],
      [['validate'], /missing required argument 'file'/],
      [['validate', sampleModel, '--format', 'xml'], /Allowed choices are text, json, sarif/],
      [['validate', sampleModel, '--colour'], /unknown option '--colour'/],
      [['help', 'frobnicate'], /no command "frobnicate"/],
      [[], /Usage: kartta/],
    ];
    for (const [args, message] of cases) {
      const run = await kartta(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(hasStack(run.stderr)).toBe(false);
    }
  });

  it('colours only a terminal or FORCE_COLOR, and never with NO_COLOR or --no-color', async () => {
    const bad = join(scratch(), 'bad.json');
    const text = '{ "format": "kartta/1", "name": "X", "systems": [{ "id": "a" }] }';
    const piped = await kartta(['validate', '-'], { input: text });
    expect(piped.code).toBe(1);
    expect(hasColour(piped.stdout)).toBe(false);
    const forced = await kartta(['validate', '-'], { input: text, env: { FORCE_COLOR: '1' } });
    expect(hasColour(forced.stdout)).toBe(true);
    const noColour = await kartta(['validate', '-'], { input: text, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(hasColour(noColour.stdout)).toBe(false);
    expect(noColour.stdout).toBe(piped.stdout);
    const flag = await kartta(['validate', '-', '--no-color'], { input: text, env: { FORCE_COLOR: '1' } });
    expect(hasColour(flag.stdout)).toBe(false);
    const toFile = await kartta(['validate', '-', '-o', bad], { input: text, env: { FORCE_COLOR: '1' } });
    expect(toFile.code).toBe(1);
    expect(hasColour(readFileSync(bad, 'utf8'))).toBe(false);
  });

  it('exits 2, never 1, when its installation is broken', async () => {
    const { cpSync, readdirSync: list } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const copy = join(scratch(), 'bin');
    cpSync(join(root, 'dist/bin'), copy, { recursive: true });
    for (const file of list(copy)) if (file.startsWith('run-')) rmSync(join(copy, file));
    const run = spawnSync(process.execPath, [join(copy, 'kartta.js'), '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^kartta: could not start: /);
  });

  it('exits quietly when the reader of its output goes away (kartta schema | head -1)', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" dist/bin/kartta.js schema | head -c 10; exit "\${PIPESTATUS:-0}"`],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stdout).toBe('{\n  "$sche');
    expect(run.stderr).toBe('');
  });
});

describe('startup', () => {
  /** The modules a run resolved, recorded by a loader hook (test/cli/record-loads.mjs). */
  async function loadedModules(args: string[]): Promise<string[]> {
    const file = join(scratch(), 'loads.txt');
    const run = await kartta(args, {
      nodeArgs: ['--import', join(root, 'test/cli/record-loads.mjs')],
      env: { KARTTA_LOADS_FILE: file },
    });
    expect(run.code, run.stderr).toBe(0);
    const loads = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    rmSync(file);
    return loads;
  }

  it('kartta --version loads neither the model code (zod) nor the layout engine nor the XML parser', async () => {
    const loads = await loadedModules(['--version']);
    expect(loads.some((url) => url.includes('/commander/'))).toBe(true);
    expect(loads.filter((url) => /\/(zod|@dagrejs|saxes)\//.test(url))).toEqual([]);
  });

  it('the check can fail: export --views loads dagre, import loads saxes', async () => {
    const exported = await loadedModules([
      'export',
      'archimate',
      sampleModel,
      '--views',
      '-o',
      join(scratch(), 'out.xml'),
    ]);
    expect(exported.some((url) => url.includes('/@dagrejs/'))).toBe(true);
    const folder = scratch();
    await kartta(['export', 'archimate', sampleModel, '-o', join(folder, 'in.xml')]);
    const imported = await loadedModules([
      'import',
      'archimate',
      join(folder, 'in.xml'),
      '-o',
      join(folder, 'model.json'),
    ]);
    expect(imported.some((url) => url.includes('/saxes/'))).toBe(true);
  });

  it('kartta validate loads zod but neither dagre nor saxes', async () => {
    const loads = await loadedModules(['validate', sampleModel]);
    expect(loads.some((url) => url.includes('/zod/'))).toBe(true);
    expect(loads.filter((url) => /\/(@dagrejs|saxes)\//.test(url))).toEqual([]);
  });
});
