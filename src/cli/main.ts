#!/usr/bin/env node
/**
 * The `kartta` command.
 *
 * Adding a command
 * ----------------
 * 1. Write one module under `src/cli/commands/`, e.g. `diff.ts`, exporting `defineCommand({ name, summary,
 *    examples, define, run })` (see `command.ts`). A name of two words (`import spreadsheet`) hangs the command
 *    under a group (`import`), which is created on first use.
 * 2. In `define`, declare arguments and options on the commander command; give `--format` with `.choices()`.
 * 3. In `run`, import what the command needs from the library with `await import('../../...')`, never at the
 *    top of the module: every command module is loaded on every run, and a static import of the ArchiMate or
 *    layout code would make `kartta --version` and `kartta validate` load dagre and saxes (a test checks this).
 *    Read inputs with `readSource`/`loadModel` (paths or `-`), write results with `writeOutput` (stdout, or a
 *    file written atomically), query results with `writeTabular` (`--format text|json|csv|markdown`). Return an `ExitCode`; throw `CliError` for a
 *    refusal a person must fix (exit 2). Library errors (KarttaError) are reported for you.
 * 4. Add it to the list in `commands/index.ts`, a test in `test/cli/`, and a section in `docs/cli.md`.
 */

export {};

// Everything else is imported here, not above: if the installation is broken (a missing file), Node would exit
// with 1 before any handler runs, and 1 means "findings" to a script. This way a broken start exits 2 and says why.
try {
  const { main } = await import('./run.js');
  await main(process.argv);
} catch (error) {
  process.stderr.write(
    `kartta: could not start: ${error instanceof Error ? error.message : String(error)}\nReinstall the package (in the repository: npm run build).\n`,
  );
  process.exitCode = 2;
}
