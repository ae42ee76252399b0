/** The first step of every loader: from text or a value to a plain object, or the issue that says why not. */
import { capped, echo } from '../errors.js';
import { isPlainObject } from '../schema/json.js';
import type { Issue } from '../types.js';

/** What {@link readJsonObject} gives: the object, or the one issue that says why there is none. */
export type JsonObjectInput =
  { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly issues: Issue[] };

/**
 * Reads the input of a loader: JSON text is parsed, anything else taken as it is, and the result must be a plain
 * object. `what` names the expected document in the message (`a kartta/1 document`, `a migration plan`).
 */
export function readJsonObject(input: unknown, what: string): JsonObjectInput {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, issues: [{ code: 'json.syntax', path: [], message: `not valid JSON: ${capped(reason)}` }] };
    }
  }
  if (!isPlainObject(value)) {
    return {
      ok: false,
      issues: [{ code: 'type.invalid', path: [], message: `expected ${what} (a JSON object), got ${echo(value)}` }],
    };
  }
  return { ok: true, value };
}
