/**
 * What a command module is and what it gets to run. One command, one module under `commands/`, listed once
 * in `commands/index.ts`; see the comment at the top of `main.ts`.
 */
import type { Command } from 'commander';
import type { ExitCode } from './exit.js';
import type { Style } from './style.js';

/** A stream the command writes to, with its colours. */
export interface Output {
  write(text: string): boolean;
  /** True when a person is watching (a terminal), false for a pipe or a file. */
  readonly isTTY: boolean;
  readonly style: Style;
  /** The underlying stream, for writing large outputs with back-pressure. */
  readonly stream: NodeJS.WritableStream;
}

/** Everything a command needs from the process, so that nothing reaches for globals. */
export interface CliContext {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  /** `--debug`: errors show their stack. */
  readonly debug: boolean;
  /** `--quiet`: no progress and no notes on stderr; results and errors still appear. */
  readonly quiet: boolean;
  /** The version of Kartta, for tool metadata (SARIF) and `--version`. */
  readonly version: string;
}

/** One command of `kartta`. */
export interface CliCommand<Options = Record<string, unknown>> {
  /** The words that call it: `validate`, or `export archimate` for a command under a group. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** A longer description for `--help`, when the summary is not enough. */
  readonly description?: string;
  /** Example command lines shown under `--help` (and run by the tests, so they stay true). */
  readonly examples: readonly string[];
  /** Declares the arguments and options on the commander command. */
  readonly define: (command: Command) => void;
  /**
   * Does the work and returns the exit code. Import heavy parts of the library (the ArchiMate writer, the
   * layout engine, the XML parser) inside `run`, with `await import(...)`, never at the top of the module: every
   * command module is loaded for every run, so a top-level import would slow `kartta --version`.
   */
  readonly run: (context: CliContext, args: readonly string[], options: Options) => Promise<ExitCode>;
}

/** Declares a command with typed options (the types must match what `define` declares). */
export function defineCommand<Options>(command: CliCommand<Options>): CliCommand {
  return command as unknown as CliCommand;
}
