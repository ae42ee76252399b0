/**
 * Typed errors. Every error Kartta throws on purpose is a {@link KarttaError} with a stable `code`, so a script
 * can branch on `error.code` instead of parsing messages.
 *
 * @module
 */
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
 */
export class KarttaError extends Error {
  /** A stable, dotted identifier of what went wrong, e.g. `model.invalid`, `option.invalid`. */
  readonly code: string;
  /** The top-level option at fault, where the error is about an option. */
  readonly option: string | undefined;
  /** The id of the entity, plan step, rule or ArchiMate concept concerned, where there is one. */
  readonly id: string | undefined;
  /** Where inside the input the problem is, where there is one place to point at. */
  readonly path: readonly (string | number)[] | undefined;

  constructor(code: string, message: string, details: KarttaErrorDetails = {}) {
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
 */
export class OptionError extends KarttaError {
  /** The top-level option at fault; for options that are not an object at all, `''`. */
  declare readonly option: string;

  constructor(message: string, details: KarttaErrorDetails & { readonly option: string }) {
    super('option.invalid', message, details);
  }
}

/** Formats at most `limit` issues as indented lines, for error messages. */
export function formatIssues(issues: readonly Issue[], limit = 20): string {
  const lines = issues.slice(0, limit).map((issue) => `  - ${formatPath(issue.path)}: ${issue.message} [${issue.code}]`);
  if (issues.length > limit) lines.push(`  ... and ${issues.length - limit} more`);
  return lines.join('\n');
}

/**
 * Renders an issue path the way a reader finds it in the document: `systems[3].contract.ends`.
 *
 * @example
 * ```ts
 * import { formatPath } from 'kartta';
 * formatPath(['systems', 3, 'contract', 'ends']); // 'systems[3].contract.ends'
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
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
 */
export class ModelValidationError extends KarttaError {
  /** Every problem found, in document order. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], what = 'model') {
    super(
      `${what === 'plan' ? 'plan.invalid' : 'model.invalid'}`,
      `Invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`,
    );
    this.issues = issues;
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
 */
export class QueryError extends KarttaError {
  constructor(code: string, message: string, id?: string, details: KarttaErrorDetails = {}) {
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
 */
export class ReadOnlyGraphError extends KarttaError {
  constructor(method: string) {
    super('graph.read-only', `model.graph is read-only: '${method}' is not allowed; change the model with model.edit()`);
  }
}
