import { defineConfig, type Options } from 'tsup';

/**
 * The `kartta` command: ES modules only, split so that each command's heavy parts (the ArchiMate writer, the
 * dagre layout, the saxes parser) sit in chunks loaded by `await import()` only when a command needs them.
 * Exported for the tests, which build it once (test/cli/global-setup.ts) without the slow declaration build.
 */
export const commandBuild: Options = {
  entry: { kartta: 'src/cli/main.ts' },
  outDir: 'dist/bin',
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  // esbuild already drops unused ES module code; rollup's extra pass would only slow the build.
  treeshake: false,
};

/**
 * The library's entry points (package.json `exports`). `kartta` is `kartta/core` and `kartta/archimate` together;
 * the others are subpaths a user imports only when needed, so that `kartta/core` never loads the XML parser, the
 * layout engine, Observable Plot or the spreadsheet code (test/entries.test.ts checks it on a build of these).
 */
export const libraryEntries: Record<string, string> = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  archimate: 'src/archimate/index.ts',
  sample: 'src/sample/index.ts',
  testing: 'src/testing/index.ts',
  spreadsheet: 'src/spreadsheet/index.ts',
  report: 'src/report/index.ts',
};

/** The library: both formats, with declarations. Exported for test/entries.test.ts, which builds it without them. */
export const libraryBuild: Options = {
  entry: libraryEntries,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // dist/bin/ belongs to the command's build below, which runs at the same time.
  clean: ['!bin/**'],
  target: 'node20',
  // One copy of shared code (the model, the error classes) for all entry points, in both formats, so that
  // instanceof works across them: code used by several entries goes to a chunk they all import.
  splitting: true,
  treeshake: true,
};

export default defineConfig([libraryBuild, commandBuild]);
