/**
 * Every TypeScript example in README.md and docs/*.md runs, against the built package imported as `kartta`, so
 * no example can rot. Where the guide shows what an example prints (a ```text output block right after it), the
 * output must be exactly that.
 *
 * The rules, for whoever writes a guide:
 * - A ```ts (or ```typescript) block is a program: it imports what it uses and runs on its own, in a directory
 *   where `examples/` is the sample region, `test/corpus/` the repository's Archi files (both copies),
 *   `region.json` and `region.plan.json` what `npx kartta sample -o region.json` writes, and
 *   `node_modules/kartta` the package, as in a clone after `npm run build` or a project that installed it.
 * - A block without any `import` continues the blocks before it in the same file (back to the last one with
 *   imports), like a reader who keeps typing into the same file.
 * - A block that is deliberately a fragment (it shows lines that throw, for instance) has the line
 *   `<!-- example: fragment -->` just above it; those are listed in FRAGMENTS below, so a new one is a decision
 *   made in review.
 * - A ```text output block after a program, before any other fence, is what the program prints.
 *
 * The package is built once for this file (ES modules only, no declarations: a few seconds) into a temporary
 * directory, so the test works on a clean clone and never touches dist/.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'tsup';
import { libraryEntries } from '../tsup.config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
// tsx's loader in this process's node: TypeScript as a reader would run it with `npx tsx`, in one process.
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

const FRAGMENT_MARKER = '<!-- example: fragment -->';

/** The deliberate fragments, as `file:line` of their opening fence. */
const FRAGMENTS: readonly string[] = [
  // Each line throws, to show the OptionError messages.
  'docs/queries.md:98',
];

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly fragment: boolean;
  /** The `text output` block after it, if any. */
  readonly output: string | undefined;
}

const FENCE = /^(\s*)(`{3,})\s*([^`]*)$/;

/** The fenced blocks of a Markdown file, in order, with their info string and their first line number. */
function fences(text: string): { info: string; line: number; body: string; before: string }[] {
  const lines = text.split('\n');
  const out: { info: string; line: number; body: string; before: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', ticks = '', info = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trimStart().startsWith(ticks) && line.trim() === ticks) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    out.push({ info: info.trim(), line: i + 1, body: body.join('\n'), before: k >= 0 ? lines[k]!.trim() : '' });
    i = j;
  }
  return out;
}

function examplesOf(file: string): Example[] {
  const blocks = fences(readFileSync(join(root, file), 'utf8'));
  const examples: Example[] = [];
  blocks.forEach((block, index) => {
    const language = block.info.split(/\s+/)[0];
    if (language !== 'ts' && language !== 'typescript') return;
    const next = blocks[index + 1];
    examples.push({
      file,
      line: block.line,
      code: block.body,
      fragment: block.before === FRAGMENT_MARKER,
      output: next && next.info === 'text output' ? next.body : undefined,
    });
  });
  return examples;
}

const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const examples = files.flatMap(examplesOf);
const hasImport = (code: string) => /^\s*import\s/m.test(code);

/** The program an example runs: itself, after the blocks it continues. */
function programOf(example: Example): string {
  if (hasImport(example.code)) return example.code;
  const earlier = examples.filter(
    (other) => other.file === example.file && other.line < example.line && !other.fragment,
  );
  const chain: string[] = [example.code];
  for (let i = earlier.length - 1; i >= 0; i--) {
    const block = earlier[i]!;
    chain.unshift(block.code);
    if (hasImport(block.code)) break;
  }
  return chain.join('\n');
}

let work = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kartta-examples-'));
  const pkg = join(work, 'node_modules/kartta');
  mkdirSync(pkg, { recursive: true });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  cpSync(join(root, 'examples'), join(pkg, 'examples'), { recursive: true });
  // The package's dependencies, as an install would put them next to it (theirs resolve from their real place).
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies)) {
    mkdirSync(join(work, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(work, 'node_modules', name));
  }
  await build({
    config: false,
    silent: true,
    entry: Object.fromEntries(Object.entries(libraryEntries).map(([name, path]) => [name, join(root, path)])),
    outDir: join(pkg, 'dist'),
    format: ['esm'],
    dts: false,
    splitting: true,
    target: 'node20',
  });
  // Copies, so that an example that writes a file cannot change the repository.
  cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
  cpSync(join(root, 'test/corpus'), join(work, 'test/corpus'), { recursive: true });
  // What `npx kartta sample -o region.json` writes (the same bytes, test/cli checks it).
  cpSync(join(root, 'examples/pohjois-pohjanmaa.json'), join(work, 'region.json'));
  cpSync(join(root, 'examples/pohjois-pohjanmaa.plan.json'), join(work, 'region.plan.json'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.concurrent('the examples of the README and the guides', () => {
  it('the fragments that do not run are the listed ones', () => {
    expect(examples.filter((example) => example.fragment).map((example) => `${example.file}:${example.line}`)).toEqual(
      FRAGMENTS,
    );
  });

  for (const example of examples.filter((candidate) => !candidate.fragment)) {
    it(`${example.file}:${example.line} runs${example.output === undefined ? '' : ' and prints what the guide shows'}`, async () => {
      const file = join(work, `example-${example.file.replace(/\W/g, '-')}-${example.line}.mts`);
      writeFileSync(file, `${programOf(example)}\n`);
      const { stdout } = await run(process.execPath, ['--import', tsx, file], {
        cwd: work,
        env: { ...process.env, NO_COLOR: '1' },
      });
      if (example.output !== undefined) {
        const trim = (text: string) => text.replace(/[ \t]+$/gm, '').trimEnd();
        expect(trim(stdout)).toBe(trim(example.output));
      }
    });
  }
});
