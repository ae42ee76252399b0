/**
 * No import cycles in src (issue 10): a module may only depend on modules below it, so each can be read, tested
 * and moved on its own. Type-only imports count too: a cycle through a doc-link import still ties the modules
 * together for the reader and the compiler.
 *
 * madge would answer this as well, but it brings a tree of parser packages for what the TypeScript compiler
 * (already here) does in a few lines: `ts.preProcessFile` lists a file's imports and re-exports without
 * type-checking it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Each source file's relative imports, resolved to files (`./x.js` is `./x.ts` on disk). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name.replace(/\.js$/u, '.ts')));
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files along it (relative to src). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open')
        found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(SRC, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

describe('the modules of src', () => {
  it('import each other without cycles', () => {
    expect(cycles(importGraph()).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('form layers in the core: model above validate above graph above schema, never back', () => {
    const core = new Set(['schema', 'graph', 'validate', 'model'].map((folder) => join(SRC, folder)));
    const folders = new Map<string, string[]>();
    for (const [file, targets] of importGraph()) {
      const from = dirname(file);
      if (!core.has(from)) continue;
      const list = folders.get(from) ?? [];
      for (const target of targets)
        if (dirname(target) !== from && core.has(dirname(target))) list.push(dirname(target));
      folders.set(from, [...new Set(list)]);
    }
    expect(folders.size).toBe(4);
    expect(cycles(folders).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('the check itself finds a cycle', () => {
    const graph = new Map([
      [`${SRC}/a.ts`, [`${SRC}/b.ts`]],
      [`${SRC}/b.ts`, [`${SRC}/c.ts`]],
      [`${SRC}/c.ts`, [`${SRC}/a.ts`]],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(importGraph().size).toBeGreaterThan(50);
  });
});
