/** The `kartta` command's run: the context, the program, and the exit code. Started by `main.ts`. */
import { commands } from './commands/index.js';
import type { CliContext, Output } from './command.js';
import { ExitCode } from './exit.js';
import { buildProgram, reportError } from './program.js';
import { styleFor, type ColourSettings } from './style.js';
import { version } from '../../package.json';

function output(stream: NodeJS.WriteStream, settings: ColourSettings): Output {
  return {
    write: (text) => stream.write(text),
    isTTY: stream.isTTY === true,
    style: styleFor(stream, settings),
    stream,
  };
}

/** Flags that shape how errors are reported must be known even when parsing the rest fails. */
function earlyFlags(argv: readonly string[]): { debug: boolean; quiet: boolean; colour: boolean } {
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  return {
    debug: flags.includes('--debug'),
    quiet: flags.includes('--quiet') || flags.includes('-q'),
    colour: !flags.includes('--no-color'),
  };
}

/** Runs `kartta` with the process's arguments; sets the exit code, never exits while output is pending. */
export async function main(argv: readonly string[]): Promise<void> {
  const flags = earlyFlags(argv.slice(2));
  const settings: ColourSettings = { allowed: flags.colour, env: process.env };
  const context: CliContext = {
    stdout: output(process.stdout, settings),
    stderr: output(process.stderr, settings),
    stdin: process.stdin,
    env: process.env,
    debug: flags.debug,
    quiet: flags.quiet,
    version,
  };
  // A reader that closes the pipe early (`kartta schema | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
  });
  // Whatever escapes (an error in a callback, a rejected promise nobody awaited) is a crash: exit 2, never 1.
  const crash = (error: unknown) => {
    process.exitCode = reportError(context, error);
    process.exit(process.exitCode);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);

  let exitCode: ExitCode = ExitCode.ok;
  const program = buildProgram(context, commands, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    exitCode = reportError(context, error);
  }
  // Set, not exit: the output written so far must reach a pipe in full.
  process.exitCode = exitCode;
}
