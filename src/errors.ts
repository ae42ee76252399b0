/**
 * Typed errors. Every error Kartta throws on purpose is a {@link KarttaError} with a stable `code`, so a script
 * can branch on `error.code` instead of parsing messages.
 *
 * @module
 */
import type { Issue } from './types.js';

/**
 * Base class of every error Kartta throws on purpose.
 *
 * @example
 * ```ts
 * import { KarttaError, Model } from 'kartta';
 * try {
 *   Model.load('{ "format": "kartta/2" }');
 * } catch (error) {
 *   if (error instanceof KarttaError) console.error(error.code); // 'model.invalid'
 * }
 * ```
 */
export class KarttaError extends Error {
  /** A stable, dotted identifier of what went wrong, e.g. `model.invalid`. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
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
 * `entity.wrong-kind`, `option.invalid`.
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
  /** The id the query could not use, where there is one. */
  readonly id: string | undefined;

  constructor(code: string, message: string, id?: string) {
    super(code, message);
    this.id = id;
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
