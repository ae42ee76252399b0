/**
 * Exit codes of the `kartta` command and the error a command throws to stop with a message for a person.
 * Internal to the command line: not exported from the library.
 */

/**
 * 0: success, no findings that fail the run. 1: findings that fail the run (an invalid model, lint errors,
 * more warnings than allowed, a plan that breaks its rules). 2: a usage error, input that cannot be read or
 * is refused, or a crash. A crash is never 0 or 1, so a script never mistakes a bug for a verdict.
 */
export const ExitCode = { ok: 0, findings: 1, failure: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A failure the command line explains itself: a file that cannot be read, an option that makes no sense.
 * `code` is a stable dotted id like the library's; `where` is the file (and line/column) it is about.
 */
export class CliError extends Error {
  readonly code: string;
  readonly where: string | undefined;
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, where?: string, exitCode: ExitCode = ExitCode.failure) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.where = where;
    this.exitCode = exitCode;
  }
}

/** A user's value echoed in a message, capped so that a hostile 10 MB argument does not flood the terminal. */
export function quote(value: string, limit = 80): string {
  return JSON.stringify(capped(value, limit));
}

/** A user's value cut to `limit` characters, with an ellipsis and its length when it was longer. */
export function capped(value: string, limit = 80): string {
  return value.length > limit ? `${value.slice(0, limit)}… (${value.length} characters)` : value;
}
