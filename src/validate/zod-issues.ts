/**
 * Turns zod's issues into Kartta issues with stable codes. Detection stays in the schemas; this module only
 * names and words what they found.
 */
import type { z } from 'zod';
import { issueCodes, type IssueCode } from '../codes.js';
import { capped, echo, formatPath } from '../errors.js';
import { findUnholdable, MAX_DEPTH, unholdableMessage } from '../schema/json.js';
import type { Issue } from '../types.js';

const ISSUE_CODES: ReadonlySet<string> = new Set(issueCodes);

/** A code a schema put in its issue's params, when it is one of the listed issue codes. */
function issueCodeOf(code: unknown): IssueCode | undefined {
  return typeof code === 'string' && ISSUE_CODES.has(code) ? (code as IssueCode) : undefined;
}

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

/** Describes a JSON value's type in words for a message: `a string`, `null`, `an array`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    case 'number':
      return Number.isFinite(value) ? 'a number' : String(value);
    case 'bigint':
      return 'a BigInt';
    default:
      return `a ${typeof value}`;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return { found: false, value: undefined };
    if (!Object.prototype.hasOwnProperty.call(current, key)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return { found: true, value: current };
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

function toPath(path: readonly PropertyKey[]): Path {
  return path.map((key) => (typeof key === 'number' ? key : String(key)));
}

/**
 * Maps the zod issues of one element (parsed from `input`) to Kartta issues under `base`.
 */
export function mapZodIssues(issues: readonly ZodIssue[], input: unknown, base: Path): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) mapOne(issue, input, base, out);
  return out;
}

function mapOne(issue: ZodIssue, input: unknown, base: Path, out: Issue[]): void {
  const local = toPath(issue.path);
  const path = [...base, ...local];
  const { found, value } = valueAt(input, issue.path);
  // A value no document can hold (a cycle, deep nesting, a BigInt) is reported as what it is, at its own path;
  // custom rules (such as the one for `x`) already speak about the value.
  const unholdable = found && issue.code !== 'custom' ? findUnholdable(value, MAX_DEPTH) : undefined;
  if (unholdable) {
    const inside =
      unholdable.kind === 'cyclic' && unholdable.path.length > 0
        ? ` (at ${capped(formatPath(unholdable.path))} inside it)`
        : '';
    out.push({
      code: `value.${unholdable.kind}`,
      path,
      message: `${unholdableMessage(unholdable.kind, MAX_DEPTH)}${inside}`,
    });
    return;
  }
  if (!found && (issue.code === 'invalid_type' || issue.code === 'invalid_value') && local.length > 0) {
    out.push({ code: 'field.required', path, message: `required field '${String(local.at(-1))}' is missing` });
    return;
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (!found) {
        out.push({ code: 'field.required', path, message: `required field '${String(local.at(-1))}' is missing` });
      } else if (issue.expected === 'int') {
        out.push({ code: 'number.not-integer', path, message: `expected a whole number, got ${echo(value)}` });
      } else {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        out.push({ code: 'type.invalid', path, message: `expected ${expected}, got ${describeValue(value)}` });
      }
      return;
    }
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        out.push({
          code: 'field.unknown',
          path: [...path, key],
          message: `unknown field '${capped(key)}' (put tool-specific data under 'x')`,
        });
      }
      return;
    case 'invalid_value': {
      if (local.length === 1 && local[0] === 'format' && base.length === 0) {
        out.push({ code: 'format.unsupported', path, message: `expected format "kartta/1", got ${echo(value)}` });
        return;
      }
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      out.push({ code: 'value.invalid', path, message: `expected one of ${allowed}, got ${echo(value)}` });
      return;
    }
    case 'too_small':
      if (issue.origin === 'string') out.push({ code: 'string.empty', path, message: 'must not be empty' });
      else if (issue.origin === 'array') out.push({ code: 'array.empty', path, message: 'must not be empty' });
      else
        out.push({
          code: 'number.negative',
          path,
          message: `must be at least ${String(issue.minimum)}, got ${echo(value)}`,
        });
      return;
    case 'too_big':
      if (issue.origin === 'string') {
        out.push({
          code: 'string.too-long',
          path,
          message: `must be at most ${String(issue.maximum)} characters, got ${typeof value === 'string' ? value.length : '?'}`,
        });
      } else {
        out.push({ code: 'number.too-large', path, message: `must be at most ${String(issue.maximum)}` });
      }
      return;
    case 'custom': {
      const code = issueCodeOf(issue.params?.code) ?? 'value.invalid';
      out.push({ code, path, message: issue.message });
      return;
    }
    case 'invalid_key': {
      // zod puts the offending key at the end of the path already.
      const key = String(local.at(-1));
      for (const inner of issue.issues) {
        const code = (inner.code === 'custom' ? issueCodeOf(inner.params?.code) : undefined) ?? 'key.invalid';
        out.push({ code, path, message: `${inner.message}, got ${echo(key)}` });
      }
      return;
    }
    case 'invalid_union':
      mapUnion(issue, input, base, path, local, found, value, out);
      return;
    default:
      out.push({ code: 'value.invalid', path, message: issue.message });
  }
}

/**
 * A union failed. For a discriminated union zod says no discriminator matched; for the name union (string or
 * language object) the issues of the branch that fits the value's type are the useful ones.
 */
function mapUnion(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  input: unknown,
  base: Path,
  path: Path,
  local: Path,
  found: boolean,
  value: unknown,
  out: Issue[],
): void {
  if (issue.errors.length === 0) {
    // A discriminated union whose discriminator matched no branch; zod points the path at the discriminator.
    const discriminator = String(local.at(-1) ?? 'type');
    if (!found) {
      out.push({ code: 'field.required', path, message: `required field '${discriminator}' is missing` });
      return;
    }
    const options = (issue as { options?: unknown[] }).options;
    const allowed =
      Array.isArray(options) && options.length > 0
        ? `; expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`
        : '';
    out.push({ code: 'value.invalid', path, message: `unknown ${discriminator} ${echo(value)}${allowed}` });
    return;
  }
  if (!found) {
    out.push({ code: 'field.required', path, message: `required field '${String(local.at(-1))}' is missing` });
    return;
  }
  const branch =
    typeof value === 'string' ? 0 : value !== null && typeof value === 'object' && !Array.isArray(value) ? 1 : -1;
  const chosen = branch >= 0 ? issue.errors[branch] : undefined;
  if (!chosen) {
    out.push({
      code: 'type.invalid',
      path,
      message: `expected a string or an object of language codes, got ${describeValue(value)}`,
    });
    return;
  }
  for (const inner of chosen) {
    mapOne({ ...inner, path: [...issue.path, ...inner.path] }, input, base, out);
  }
}
