/**
 * `npm run bench:startup`: what each entry of the built package costs to load, as ES module and with require():
 * the median time of the load in fresh processes, and the files and bytes it loads (Kartta's own chunks and its
 * dependencies'). Run `npm run build` first; it measures `dist/`. docs/performance.md ("Startup cost") has the
 * numbers and reads them.
 *
 *   tsx bench/startup.ts [--runs=21] [--entries=core,archimate,index]
 *
 * test/entries.test.ts uses {@link modulesLoaded} to check which packages an entry loads (never how long it takes).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type EntryFormat = 'esm' | 'cjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const child = join(root, 'bench/startup-child.mjs');
const hooks = join(root, 'test/cli/record-loads.mjs');

interface ChildResult {
  readonly ms: number;
  readonly cpuMs: number;
  readonly required: readonly string[];
}

function runChild(file: string, format: EntryFormat, nodeArgs: readonly string[], env: NodeJS.ProcessEnv): ChildResult {
  const run = spawnSync(process.execPath, [...nodeArgs, child, resolve(file), format], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  if (run.status !== 0) throw new Error(`loading ${file} (${format}) failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

/**
 * Every module a fresh Node process loads for `file` and nothing else: absolute paths of files (the entry, its
 * chunks, the dependencies' files) and `node:` built-ins, sorted. ES module loads come from a resolve hook,
 * CommonJS ones from the CommonJS loader.
 */
export function modulesLoaded(file: string, format: EntryFormat): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'kartta-loads-'));
  const list = join(folder, 'loads.txt');
  try {
    const { required } = runChild(file, format, ['--import', hooks], { KARTTA_LOADS_FILE: list });
    let hooked: string[] = [];
    try {
      hooked = readFileSync(list, 'utf8').split('\n').filter(Boolean);
    } catch {
      // A require() of a CommonJS entry may resolve nothing through the ES module hook.
    }
    const paths = [...hooked, ...required].map((entry) =>
      entry.startsWith('file:')
        ? fileURLToPath(entry)
        : isAbsolute(entry) || entry.startsWith('node:')
          ? entry
          : `node:${entry}`,
    );
    // The child script, the hook and what they import are how we measure, not what the entry loads.
    const tools = new Set([
      child,
      hooks,
      join(root, 'test/cli/record-loads-hooks.mjs'),
      'node:module',
      'node:perf_hooks',
      'node:url',
    ]);
    return [...new Set(paths)].filter((path) => !tools.has(path)).sort();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The npm package a loaded file belongs to (`@dagrejs/dagre`), `kartta` for the built package, or the built-in. */
export function packageOf(path: string): string {
  if (path.startsWith('node:')) return path;
  const at = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return 'kartta';
  const [scope, name] = path.slice(at + `${sep}node_modules${sep}`.length).split(sep);
  return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? path);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Row {
  readonly entry: string;
  readonly format: EntryFormat;
  readonly ms: number;
  readonly cpuMs: number;
  readonly minCpuMs: number;
  readonly files: number;
  readonly ownBytes: number;
  readonly dependencyBytes: number;
  readonly packages: readonly string[];
}

function measure(entries: readonly string[], runs: number): Row[] {
  const cases = entries.flatMap((entry) =>
    (['esm', 'cjs'] as const).map((format) => ({
      entry,
      format,
      file: join(root, 'dist', `${entry}.${format === 'esm' ? 'js' : 'cjs'}`),
    })),
  );
  const times = new Map(cases.map((c) => [c, [] as number[]]));
  const cpuTimes = new Map(cases.map((c) => [c, [] as number[]]));
  // Interleaved, so that a slow moment of a shared machine falls on every case alike; the first round warms the
  // file cache and is dropped.
  for (let round = 0; round <= runs; round++)
    for (const c of cases) {
      const { ms, cpuMs } = runChild(c.file, c.format, [], {});
      if (round > 0) {
        times.get(c)!.push(ms);
        cpuTimes.get(c)!.push(cpuMs);
      }
    }
  return cases.map((c) => {
    const files = modulesLoaded(c.file, c.format).filter((path) => !path.startsWith('node:'));
    const size = (path: string) => statSync(path).size;
    const own = files.filter((path) => packageOf(path) === 'kartta');
    const dependencies = files.filter((path) => packageOf(path) !== 'kartta');
    return {
      entry: c.entry,
      format: c.format,
      ms: median(times.get(c)!),
      cpuMs: median(cpuTimes.get(c)!),
      minCpuMs: Math.min(...cpuTimes.get(c)!),
      files: files.length,
      ownBytes: own.reduce((sum, path) => sum + size(path), 0),
      dependencyBytes: dependencies.reduce((sum, path) => sum + size(path), 0),
      packages: [...new Set(dependencies.map(packageOf))].sort(),
    };
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const args = process.argv.slice(2);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 21);
  const entries = args
    .find((a) => a.startsWith('--entries='))
    ?.slice('--entries='.length)
    .split(',') ?? ['core', 'archimate', 'index', 'sample', 'report'];
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(`Node ${process.version}, ${runs} fresh processes per case, medians\n`);
  console.log(
    '| entry | format | load (ms) | CPU (ms) | least CPU (ms) | files | Kartta code | dependencies | packages |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of measure(entries, runs)) {
    const name = row.entry === 'index' ? 'kartta' : `kartta/${row.entry}`;
    console.log(
      `| \`${name}\` | ${row.format === 'esm' ? 'import' : 'require'} | ${row.ms.toFixed(0)} | ${row.cpuMs.toFixed(0)} | ${row.minCpuMs.toFixed(0)} | ` +
        `${row.files} | ` +
        `${kib(row.ownBytes)} | ${kib(row.dependencyBytes)} | ${row.packages.join(', ')} |`,
    );
  }
}
