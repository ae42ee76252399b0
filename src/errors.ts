/**
 * Typed errors. Every error Kartta throws on purpose is a {@link KarttaError} with a stable `code`, so a script
 * can branch on `error.code` instead of parsing messages.
 *
 * @module
 */
import type { KarttaErrorCode } from './codes.js';
import type { Issue } from './types.js';

/**
 * Where an error points, in the same fields on every {@link KarttaError}: the option at fault, the id of the
 * entity, step or concept concerned, the path inside the input, and the underlying error.
 *
 * @example
 * ```ts
 * import type { KarttaErrorDetails } from 'kartta';
 * const details: KarttaErrorDetails = { option: 'scope', path: ['scope'], id: 'nowhere' };
 * ```
 *
 * @category Errors
 */
export interface KarttaErrorDetails {
  /** The top-level option at fault (`scope`, `views`, `rules`), for `option.invalid` and option-driven errors. */
  readonly option?: string | undefined;
  /** The id of the entity, plan step, rule or ArchiMate concept concerned, where there is one. */
  readonly id?: string | undefined;
  /** Where inside the input (options, document or plan) the problem is, e.g. `['views', 'parallel']`. */
  readonly path?: readonly (string | number)[] | undefined;
  /** The error that caused this one, where there is one (a JSON syntax error, a failing stream). */
  readonly cause?: unknown;
}

/**
 * Base class of every error Kartta throws on purpose. Every subclass has the same shape: a stable `code`, a
 * `message` that says what, where and what to do, and where it applies `option`, `id`, `path` and `cause`.
 *
 * @example
 * ```ts
 * import { KarttaError, Model, harmonisationCandidates } from 'kartta';
 * try {
 *   Model.load('{ "format": "kartta/2" }');
 * } catch (error) {
 *   if (error instanceof KarttaError) console.error(error.code); // 'model.invalid'
 * }
 * const model = Model.load({ format: 'kartta/1', name: 'Empty' });
 * try {
 *   harmonisationCandidates(model, { scopee: 'pop' } as never);
 * } catch (error) {
 *   if (error instanceof KarttaError) console.error(error.code, error.option); // 'option.invalid' 'scopee'
 * }
 * ```
 *
 * @category Errors
 */
export class KarttaError extends Error {
  /** A stable, dotted identifier of what went wrong, e.g. `model.invalid`, `option.invalid` (see `errorCodes`). */
  readonly code: KarttaErrorCode;
  /** The top-level option at fault, where the error is about an option. */
  readonly option: string | undefined;
  /** The id of the entity, plan step, rule or ArchiMate concept concerned, where there is one. */
  readonly id: string | undefined;
  /** Where inside the input the problem is, where there is one place to point at. */
  readonly path: readonly (string | number)[] | undefined;

  /**
   * An error with a code from the typed list, a message for a person, and where it points (`option`, `id`, `path`,
   * `cause`). Kartta throws its subclasses; a tool built on Kartta may throw its own.
   */
  constructor(code: KarttaErrorCode, message: string, details: KarttaErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.option = details.option;
    this.id = details.id;
    this.path = details.path;
  }
}

/**
 * Thrown by every public function for options it cannot use: an unknown option (a typo such as `scopee`), a value
 * of the wrong type or range, or options that are not an object. Code `option.invalid`; `option` names the
 * top-level option, `path` the place inside it (`['views', 'parallel']`), and the message says what is expected.
 *
 * @example
 * ```ts
 * import { Model, OptionError, parallelSystems } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'Empty' });
 * try {
 *   parallelSystems(model, { asOf: '2022-02-30' });
 * } catch (error) {
 *   if (error instanceof OptionError) console.log(error.code, error.option); // 'option.invalid' 'asOf'
 * }
 * ```
 *
 * @category Errors
 */
export class OptionError extends KarttaError {
  /** The top-level option at fault; for options that are not an object at all, `''`. */
  declare readonly option: string;

  /** An `option.invalid` error about `details.option`; the public functions build it through their options schema. */
  constructor(message: string, details: KarttaErrorDetails & { readonly option: string }) {
    super('option.invalid', message, details);
  }
}

/** Longest echo of a value in a message, in characters, before it is cut with an ellipsis and its length. */
export const ECHO_LIMIT = 80;

/**
 * A value as a message quotes it, never longer than about 80 characters: strings in double
 * quotes (cut as `"abc…" (52428800 characters)`), numbers, booleans, `10n` for a BigInt, and a word for
 * anything else (`an array`, `an object`, `a function`). It never throws and never walks into the value, so a
 * cyclic, deeply nested or hostile value is quoted as safely as a short string.
 *
 * @category Errors
 * @example
 * ```ts
 * import { echo } from 'kartta';
 * echo('x'.repeat(1000)); // '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (1000 characters)'
 * echo(10n); // '10n'
 * echo([1, 2]); // 'an array'
 * ```
 */
export function echo(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length <= ECHO_LIMIT
        ? JSON.stringify(value)
        : `${JSON.stringify(value.slice(0, ECHO_LIMIT)).slice(0, -1)}…" (${value.length} characters)`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return capped(`${String(value)}n`);
    case 'undefined':
      return 'nothing';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      try {
        return Array.isArray(value) ? 'an array' : 'an object';
      } catch {
        // A revoked proxy cannot even say whether it is an array.
        return 'an object';
      }
  }
}

/** Text from outside (an id, a name) as a message quotes it, cut like {@link echo} cuts strings, without quotes. */
export function capped(text: string): string {
  return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT)}… (${text.length} characters)`;
}

/** Formats at most `limit` issues as indented lines, for error messages. */
export function formatIssues(issues: readonly Issue[], limit = 20): string {
  const lines = issues
    .slice(0, limit)
    .map((issue) => `  - ${formatPath(issue.path)}: ${issue.message} [${issue.code}]`);
  if (issues.length > limit) lines.push(`  ... and ${issues.length - limit} more`);
  return lines.join('\n');
}

/**
 * Renders an issue path the way a reader finds it in the document: `systems[3].contract.ends`. A key longer than
 * 80 characters is cut, as {@link echo} cuts strings.
 *
 * @example
 * ```ts
 * import { formatPath } from 'kartta';
 * formatPath(['systems', 3, 'contract', 'ends']); // 'systems[3].contract.ends'
 * ```
 *
 * @category Errors
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (segment.length <= ECHO_LIMIT && /^[A-Za-z_$][\w$]*$/.test(segment))
      out += out === '' ? segment : `.${segment}`;
    else out += `[${echo(segment)}]`;
  }
  return out;
}

/**
 * Thrown by {@link Model.load} and {@link Model.edit} when a document breaks the `kartta/1` rules. It carries
 * every problem found, not only the first.
 *
 * @example
 * ```ts
 * import { Model, ModelValidationError } from 'kartta';
 * try {
 *   Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a' }] });
 * } catch (error) {
 *   if (error instanceof ModelValidationError) {
 *     for (const issue of error.issues) console.log(issue.code, issue.path.join('.'));
 *   }
 * }
 * ```
 *
 * @category Errors
 */
export class ModelValidationError extends KarttaError {
  /** Every problem found, in document order. */
  readonly issues: readonly Issue[];

  /**
   * The error of a document with `issues`: code `model.invalid` (or `plan.invalid` when `what` is `'plan'`), the
   * message listing every issue.
   */
  constructor(issues: readonly Issue[], what = 'model') {
    super(
      `${what === 'plan' ? 'plan.invalid' : 'model.invalid'}`,
      `Invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`,
    );
    this.issues = issues;
  }
}

/**
 * Thrown by {@link Model.edit} and {@link Model.applyPatches} when what they were given cannot be an edit at all,
 * before any document rule is checked. `code` is one of:
 * - `edit.recipe-invalid`: the recipe is not a function, or it both changed the draft and returned a document;
 * - `edit.recipe-async`: the recipe returned a promise (or any thenable). Edits are synchronous transactions:
 *   do the asynchronous work first, then edit with its results;
 * - `edit.recipe-failed`: the recipe threw; the original error is the `cause`;
 * - `edit.value-too-deep`: a value the recipe set is nested too deeply (or refers to itself) to be taken in.
 *
 * The model is never changed by a failed edit.
 *
 * @category Errors
 * @example
 * ```ts
 * import { EditError, Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * try {
 *   model.edit(async (doc) => { doc.name = 'Y'; });
 * } catch (error) {
 *   if (error instanceof EditError) console.log(error.code); // 'edit.recipe-async'
 * }
 * ```
 */
export class EditError extends KarttaError {
  /** An error of an edit recipe, with one of the `edit.*` codes. */
  constructor(
    code: 'edit.recipe-invalid' | 'edit.recipe-async' | 'edit.recipe-failed' | 'edit.value-too-deep',
    message: string,
    details: KarttaErrorDetails = {},
  ) {
    super(code, message, details);
  }
}

/**
 * Thrown when a query is given an id that does not exist or is of the wrong kind (for example a `scope` that is
 * not an organisation). `code` is one of `scope.unknown`, `scope.not-organisation`, `entity.unknown`,
 * `entity.wrong-kind`; `id` is the id the query could not use. Malformed options are an {@link OptionError}.
 *
 * @example
 * ```ts
 * import { QueryError, parallelSystems, Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'Empty' });
 * try {
 *   parallelSystems(model, { scope: 'nowhere' });
 * } catch (error) {
 *   if (error instanceof QueryError) console.log(error.code, error.id); // 'scope.unknown' 'nowhere'
 * }
 * ```
 *
 * @category Errors
 */
export class QueryError extends KarttaError {
  /** A query error with its code, and `id`, the id the query was asked about. */
  constructor(code: KarttaErrorCode, message: string, id?: string, details: KarttaErrorDetails = {}) {
    super(code, message, { ...details, id });
  }
}

/**
 * Thrown when code tries to change the read-only graph of a {@link Model}. Change a model through
 * {@link Model.edit} instead.
 *
 * @example
 * ```ts
 * import { Model, ReadOnlyGraphError } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'Empty' });
 * try {
 *   (model.graph as any).addNode('x');
 * } catch (error) {
 *   console.log(error instanceof ReadOnlyGraphError); // true
 * }
 * ```
 *
 * @category Errors
 */
export class ReadOnlyGraphError extends KarttaError {
  /** The error for a call of the mutating graph method `method`. */
  constructor(method: string) {
    super(
      'graph.read-only',
      `model.graph is read-only: '${method}' is not allowed; change the model with model.edit()`,
    );
  }
}
