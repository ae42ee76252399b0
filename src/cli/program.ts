/**
 * Builds the commander program from the list of command modules and turns every way a run can end (a result,
 * a usage error, a refusal, a crash) into an exit code and a message for a person.
 */
import { Command, CommanderError } from 'commander';
import type { CliCommand, CliContext } from './command.js';
import { KarttaError } from '../errors.js';
import { CliError, ExitCode, quote } from './exit.js';
import { formatIssueLine, InvalidDocumentError } from './model-input.js';

const ISSUES_SHOWN_ON_ERROR = 20;

/** The commander program for `commands`. Commands whose name has several words hang under a group command. */
export function buildProgram(
  context: CliContext,
  commands: readonly CliCommand[],
  record: (code: ExitCode) => void,
): Command {
  const program = new Command('kartta');
  program
    .description("Validate, lint, query and exchange kartta/1 models of a region's enterprise architecture.")
    .version(context.version, '-V, --version', 'print the version of Kartta')
    .option('--debug', 'show the stack of an error')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .helpCommand(false)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => void context.stdout.write(text),
      writeErr: (text) => void context.stderr.write(text),
      outputError: (text, write) => write(context.stderr.style.red(text)),
    })
    .addHelpText(
      'after',
      `\nRun 'kartta help COMMAND' (or 'kartta COMMAND --help') for a command's options and an example.\nExit codes: 0 success, 1 findings that fail the run, 2 usage error, unreadable or refused input, or a crash.`,
    );

  const groups = new Map<string, Command>();
  for (const spec of commands) {
    const words = spec.name.split(' ');
    let parent = program;
    for (const word of words.slice(0, -1)) {
      const key = `${parent.name()} ${word}`;
      let group = groups.get(key);
      if (!group) {
        group = parent.command(word).description(`${word} commands`).helpCommand(false);
        groups.set(key, group);
      }
      parent = group;
    }
    const command = parent
      .command(words[words.length - 1] as string)
      .summary(spec.summary)
      .description(spec.description ?? spec.summary);
    spec.define(command);
    command.addHelpText(
      'after',
      `\nExample${spec.examples.length > 1 ? 's' : ''}:\n${spec.examples.map((line) => `  $ ${line}`).join('\n')}`,
    );
    command.action(async (...parameters: unknown[]) => {
      // commander passes the declared arguments, then the options object, then the command itself.
      const self = parameters[parameters.length - 1] as Command;
      const args = parameters
        .slice(0, -2)
        .flatMap((value) =>
          Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value],
        ) as string[];
      record(await spec.run(context, args, self.opts()));
    });
  }

  program
    .command('help')
    .argument('[command...]', 'the command, e.g. validate or export archimate')
    .summary('show the help of a command')
    .description('Shows the help of a command (the same as kartta COMMAND --help).')
    .addHelpText('after', '\nExample:\n  $ kartta help export archimate')
    .action((words: string[]) => {
      let target: Command = program;
      for (const word of words) {
        const next = target.commands.find((candidate) => candidate.name() === word);
        if (!next)
          throw new CliError(
            'usage.unknown-command',
            `no command ${quote(words.join(' '))}; 'kartta --help' lists the commands`,
          );
        target = next;
      }
      target.outputHelp();
      record(ExitCode.ok);
    });
  return program;
}

/** Reports an error that ended a run and returns its exit code. Only `--debug` shows a stack. */
export function reportError(context: CliContext, error: unknown): ExitCode {
  const style = context.stderr.style;
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help, or the version).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    return ExitCode.failure;
  }
  if (error instanceof InvalidDocumentError) {
    context.stderr.write(`${style.red('kartta:')} ${error.message}\n`);
    for (const issue of error.issues.slice(0, ISSUES_SHOWN_ON_ERROR))
      context.stderr.write(`  ${formatIssueLine(error.source, issue, style)}\n`);
    if (error.issues.length > ISSUES_SHOWN_ON_ERROR)
      context.stderr.write(`  ... and ${error.issues.length - ISSUES_SHOWN_ON_ERROR} more\n`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    context.stderr.write(`${style.red('kartta:')} ${error.message}\n`);
    if (context.debug && error.stack) context.stderr.write(`${style.dim(error.stack)}\n`);
    return error.exitCode;
  }
  if (error instanceof KarttaError) {
    // The library refused the input or the request, and its message says why.
    context.stderr.write(`${style.red('kartta:')} ${error.message} ${style.dim(`[${error.code}]`)}\n`);
    if (context.debug && error.stack) context.stderr.write(`${style.dim(error.stack)}\n`);
    else context.stderr.write(style.dim('(run with --debug to see where it was raised)\n'));
    return ExitCode.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  context.stderr.write(`${style.red('kartta: internal error:')} ${message}\n`);
  if (context.debug && error instanceof Error && error.stack) context.stderr.write(`${style.dim(error.stack)}\n`);
  else
    context.stderr.write(
      'This is a bug in Kartta. Run the same command with --debug and report the stack it prints.\n',
    );
  return ExitCode.failure;
}
