/** Comparisons and copies of JSON values that treat `__proto__` and other hostile keys as ordinary data. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Deep equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const key of ka) {
    if (!hasOwn(b, key)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Sets an own property, so that a key such as `__proto__` stays data and never changes a prototype. */
export function defineOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A shallow copy of a plain object that keeps hostile keys as own data properties. */
export function shallowCopy(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) defineOwn(out, key, object[key]);
  return out;
}

/** `value` shortened for a message: at most `limit` characters, with an ellipsis and the full length. */
export function capText(text: string, limit = 80): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - 1)}… (${text.length} characters)`;
}

/** A value for a message or a rendering: plain words as they are, anything else as capped JSON. */
export function showValue(value: unknown, limit = 80): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string' && /^[\p{L}\p{N}][\p{L}\p{N} ._:/()+-]*$/u.test(value)) return capText(value, limit);
  return capText(JSON.stringify(value) ?? typeof value, limit);
}
