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

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      spreadsheet: 'src/spreadsheet/index.ts',
      report: 'src/report/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // dist/bin/ belongs to the command's build below, which runs at the same time.
    clean: ['!bin/**'],
    target: 'node20',
    // One copy of shared code (error classes) for both entry points, so instanceof works across them.
    splitting: true,
    treeshake: true,
  },
  commandBuild,
]);
