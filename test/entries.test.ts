/**
 * The package's entry points, built as `npm run build` builds them (without declarations, into a scratch folder):
 * `kartta/core` loads neither the XML parser, the layout engine, Observable Plot nor linkedom; and the entries
 * share one copy of every class, so a model or an error from one is `instanceof` the class of another, in ES
 * modules and in CommonJS. Loads are recorded in fresh Node processes (bench/startup.ts), never timed here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modulesLoaded, packageOf, type EntryFormat } from '../bench/startup.js';
import { libraryBuild } from '../tsup.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository, so that the built chunks find the dependencies in node_modules/.
const out = join(root, '.scratch', `entries-${process.pid}`);
const formats: readonly EntryFormat[] = ['esm', 'cjs'];
const fileOf = (entry: string, format: EntryFormat) => join(out, `${entry}.${format === 'esm' ? 'js' : 'cjs'}`);
// highs (the MIP solver, WebAssembly) is imported by planMigrationOptimal on its first call, never at load.
const heavy = ['@dagrejs/dagre', 'saxes', '@observablehq/plot', 'linkedom', 'csv-parse', 'highs'];

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  await build({ ...libraryBuild, dts: false, sourcemap: false, outDir: out, clean: true, config: false, silent: true });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The npm packages (and built-ins) a fresh process loads for one entry. */
function packagesOf(entry: string, format: EntryFormat): string[] {
  return [...new Set(modulesLoaded(fileOf(entry, format), format).map(packageOf))].sort();
}

describe.each(formats)('what each entry loads (%s)', (format) => {
  it('kartta/core loads the model code and none of dagre, saxes, Observable Plot, linkedom, highs or node:stream', () => {
    const packages = packagesOf('core', format);
    expect(packages).toEqual(expect.arrayContaining(['kartta', 'zod', 'graphology', 'immer']));
    expect(packages.filter((name) => heavy.includes(name) || name.startsWith('node:stream'))).toEqual([]);
  });

  it('the check can fail: kartta and kartta/archimate load dagre and saxes, kartta/report Plot and linkedom', () => {
    for (const entry of ['index', 'archimate'])
      expect(packagesOf(entry, format)).toEqual(expect.arrayContaining(['@dagrejs/dagre', 'saxes', 'node:stream']));
    expect(packagesOf('report', format)).toEqual(expect.arrayContaining(['@observablehq/plot', 'linkedom']));
  });

  it('kartta/archimate and kartta/sample load neither Observable Plot nor linkedom; the sample no XML or layout', () => {
    expect(packagesOf('archimate', format).filter((name) => ['@observablehq/plot', 'linkedom'].includes(name))).toEqual(
      [],
    );
    expect(packagesOf('sample', format).filter((name) => heavy.includes(name))).toEqual([]);
  });
});

/**
 * Loads several entries into one process, as a user mixing them would, and checks that they share classes. The
 * script prints "ok" or throws.
 */
const mixing = `
  const { Model, KarttaError, OptionError, QueryError } = core;
  if (archimate.Model !== undefined) throw new Error('kartta/archimate should not export Model itself');
  if (all.Model !== Model || all.KarttaError !== KarttaError || all.toArchimateXml !== archimate.toArchimateXml)
    throw new Error('kartta is not kartta/core and kartta/archimate');
  const region = sample.sampleRegion();
  if (!(region instanceof Model)) throw new Error('the sample region is not a Model of kartta/core');
  const { model } = archimate.fromArchimateXml(archimate.toArchimateXml(Model.load({ format: 'kartta/1', name: 'K' })));
  if (!(model instanceof Model)) throw new Error('an imported model is not a Model of kartta/core');
  const thrown = (run) => { try { run(); } catch (error) { return error; } throw new Error('did not throw'); };
  const xml = thrown(() => archimate.fromArchimateXml('<not-a-model/>'));
  if (!(xml instanceof KarttaError) || !(xml instanceof archimate.ArchimateImportError)) throw new Error('import error: ' + xml);
  const option = thrown(() => archimate.toArchimateXml(region, { colour: 'red' }));
  if (!(option instanceof OptionError)) throw new Error('archimate option error is not an OptionError of kartta/core');
  const views = thrown(() => archimate.buildViews(region, { organisation: 'nowhere' }));
  if (!(views instanceof KarttaError)) throw new Error('buildViews error is not a KarttaError of kartta/core: ' + views);
  if (!(thrown(() => sample.sampleScenario('nope')) instanceof all.OptionError)) throw new Error('sample error');
  const generated = Model.load(testing.generateRegionModel({ seed: 1, systems: 200 }));
  if (core.parallelSystems(generated).length < 0 || !(thrown(() => core.impactOf(region, 'nowhere')) instanceof QueryError))
    throw new Error('queries');
  console.log('ok');
`;

describe('mixing entries in one process', () => {
  it('with require(): one Model, one KarttaError across kartta, kartta/core, kartta/archimate, kartta/sample', () => {
    const script =
      `const [core, archimate, all, sample, testing] = ${JSON.stringify(['core', 'archimate', 'index', 'sample', 'testing'].map((e) => fileOf(e, 'cjs')))}.map((f) => require(f));` +
      mixing;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('ok\n');
  });

  it('with import: the same', () => {
    const script =
      `const [core, archimate, all, sample, testing] = await Promise.all(${JSON.stringify(['core', 'archimate', 'index', 'sample', 'testing'].map((e) => fileOf(e, 'esm')))}.map((f) => import(f)));` +
      mixing;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('ok\n');
  });
});
