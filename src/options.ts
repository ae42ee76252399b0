/**
 * The one way every public function checks its options. Each function declares its options as a zod strict
 * object schema, built from the field helpers below, and calls {@link parseOptions} first thing. An unknown
 * option (a typo: `scopee`), a value of the wrong type or range, or options that are not an object are refused
 * the same way everywhere: an {@link OptionError} with code `option.invalid`, `option` the top-level option,
 * `path` the place inside it, and a message that says what was expected and what was given (capped).
 *
 * Usage, for a new public function:
 *
 * ```ts
 * import { z } from 'zod';
 * import { optionField, optionsSchema, parseOptions } from '../options.js';
 *
 * const schema = optionsSchema({
 *   scope: optionField.id(),              // optional non-empty string
 *   asOf: optionField.date(),             // optional YYYY-MM-DD that exists
 *   format: z.enum(['text', 'json'], { error: "must be 'text' or 'json'" }).optional(),
 * });
 * export type MyOptions = z.input<typeof schema>;
 *
 * export function myQuery(model: Model, options: MyOptions = {}) {
 *   const { scope, asOf, format = 'text' } = parseOptions('myQuery', schema, options);
 *   // ...
 * }
 * ```
 *
 * Give every field an `error` message that completes "option 'x' ..." (`must be true or false`): it is what the
 * user reads. Fields whose checks need the model (does this id exist?) are checked after parsing and throw
 * {@link QueryError} or an {@link OptionError} built with {@link optionError}. Internal: not exported from the package.
 *
 * @module
 */
import { z } from 'zod';
import { OptionError } from './errors.js';
import { isIsoDate } from './schema/primitives.js';

type Shape = Record<string, z.ZodType>;

/** A strict object schema of options: keys not in `shape` are refused. */
export function optionsSchema<S extends Shape>(shape: S): z.ZodObject<S, z.core.$strict> {
  return z.strictObject(shape);
}

/**
 * Checks `options` against `schema` and returns the parsed options. `undefined` and `null` stand for no options.
 *
 * @param where the public function's name, as the message starts with it (`harmonisationCandidates: ...`).
 * @throws {@link OptionError} `option.invalid` naming the first bad option (in order of the keys given).
 */
export function parseOptions<S extends Shape>(
  where: string,
  schema: z.ZodObject<S, z.core.$strict>,
  options: unknown,
): z.output<z.ZodObject<S, z.core.$strict>> {
  const input = options === undefined || options === null ? {} : options;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw toOptionError(where, schema, input, result.error.issues);
}

/** An {@link OptionError} for a check made after parsing (one that needs the model or several options at once). */
export function optionError(
  where: string,
  path: readonly (string | number)[],
  message: string,
  id?: string,
): OptionError {
  const option = String(path[0] ?? '');
  return new OptionError(`${where}: option '${showPath(path)}' ${message}`, { option, path, id });
}

/** Field schemas for the kinds of option Kartta takes, each with the message a user reads when it is wrong. */
export const optionField = {
  /** An optional id (a non-empty string); whether it exists is for the function to check against the model. */
  id: () =>
    z
      .string({ error: 'must be an id (a non-empty string)' })
      .min(1, { error: 'must be an id (a non-empty string)' })
      .optional(),
  /** An optional ISO date `YYYY-MM-DD` that exists in the calendar. */
  date: () =>
    z
      .string({ error: 'must be an existing calendar date as YYYY-MM-DD' })
      .refine(isIsoDate, { error: 'must be an existing calendar date as YYYY-MM-DD' })
      .optional(),
  /** An optional boolean. */
  boolean: () => z.boolean({ error: 'must be true or false' }).optional(),
  /** An optional whole number from `min` to `max` (inclusive). */
  integer: (min: number, max = Number.MAX_SAFE_INTEGER) =>
    z
      .custom<number>((value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max, {
        error:
          max === Number.MAX_SAFE_INTEGER
            ? `must be a whole number of at least ${min}`
            : `must be a whole number from ${min} to ${max}`,
      })
      .optional(),
  /** An optional finite number from `min` to `max`. */
  number: (min: number, max: number) =>
    z
      .custom<number>((value) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max, {
        error: `must be a number from ${min} to ${max}`,
      })
      .optional(),
  /** An optional limit: a whole number of at least 0, or `Infinity` for none. */
  limit: () =>
    z
      .custom<number>(
        (value) =>
          typeof value === 'number' && (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value >= 0)),
        {
          error: 'must be a non-negative integer or Infinity',
        },
      )
      .optional(),
  /** An optional function; `what` completes "must be a function of ...". */
  function: <F extends (...args: never[]) => unknown>(what: string) =>
    z.custom<F>((value) => typeof value === 'function', { error: `must be a function of ${what}` }).optional(),
};

function toOptionError(
  where: string,
  schema: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
): OptionError {
  const issue = pickIssue(issues);
  if (!issue) return new OptionError(`${where}: the options are invalid`, { option: '' });
  const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  if (path.length === 0 && issue.code !== 'unrecognized_keys') {
    return new OptionError(`${where}: the options must be an object, got ${describe(input)}`, { option: '', path: [] });
  }
  if (issue.code === 'unrecognized_keys') {
    const key = [...issue.keys].sort()[0] ?? '';
    const full = [...path, key];
    const known = knownKeys(schema, path);
    const suggestion = closest(key, known);
    const hint = suggestion
      ? `; did you mean '${showPath([...path, suggestion])}'?`
      : known.length > 0
        ? ` (known: ${known.join(', ')})`
        : '';
    return new OptionError(`${where}: '${showPath(full)}' is not an option${hint}`, {
      option: String(full[0]),
      path: full,
    });
  }
  const value = valueAt(input, path);
  return new OptionError(`${where}: option '${showPath(path)}' ${issue.message}, got ${describe(value)}`, {
    option: String(path[0]),
    path,
  });
}

/** The most specific issue: inside a union, the branch that got furthest into the value. */
function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | undefined {
  const first = issues[0];
  if (first?.code !== 'invalid_union') return first;
  let best: z.core.$ZodIssue | undefined;
  for (const branch of first.errors) {
    const inner = pickIssue(branch);
    if (inner && inner.path.length > 0 && (!best || inner.path.length > best.path.length)) best = inner;
  }
  return best ? { ...best, path: [...first.path, ...best.path] } : first;
}

/** The keys an object schema knows at `path`, looking through optional wrappers and unions. */
function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const key of [...path, null]) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodUnion) {
      current =
        current instanceof z.ZodOptional
          ? (current.unwrap() as z.ZodType)
          : (current.options as z.ZodType[]).find((o) => o instanceof z.ZodObject);
    }
    if (!(current instanceof z.ZodObject)) return [];
    if (key === null) return Object.keys(current.shape).sort();
    const shape: Shape = current.shape;
    current = shape[String(key)];
  }
  return [];
}

/** A known key within two edits of `key` (a typo), if exactly one is that close. */
function closest(key: string, known: readonly string[]): string | undefined {
  const near = known.filter((candidate) => editDistance(key.toLowerCase(), candidate.toLowerCase()) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 3;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key))
      return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** `views.parallel`, `rules["system.no-owner"]`: a path as a reader writes it. */
function showPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/u.test(key)) out += out === '' ? cap(key) : `.${cap(key)}`;
    else out += `[${JSON.stringify(cap(key))}]`;
  }
  return out;
}

const MAX_ECHO = 80;

/** A value as a message shows it: JSON where it has one, capped at about 80 characters with the full length. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint' || typeof value === 'symbol') return `a ${typeof value}`;
  if (Array.isArray(value) && value.length === 0) return 'an empty array';
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = Array.isArray(value) ? 'an array' : 'an object';
  }
  return cap(text);
}

/** Shortens a text to about 80 characters, saying how long it was. */
export function cap(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO)}… (${text.length} characters)`;
}
