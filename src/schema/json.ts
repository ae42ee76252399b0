/** Plain-JSON checks and copies that cannot be fooled by `__proto__` keys, cycles or very deep nesting. */

/** Deepest nesting accepted inside an `x` extension object. */
export const MAX_DEPTH = 64;

/**
 * True for any object that is not an array (a record to read fields from). Stricter: {@link isPlainObject}, which
 * also refuses class instances.
 */
/** The value of JSON text, or `undefined` when the text is not JSON (a property value that may be plain text). */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True for an object made by `{}`, JSON.parse or `Object.create(null)`: not an array, class instance or proxy of one. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True when `value` is a JSON value no deeper than {@link MAX_DEPTH} (no cycles, no functions, finite numbers). */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
      if (!isPlainObject(value)) return false;
      for (const key of Object.keys(value)) if (!isJsonValue(value[key], depth + 1)) return false;
      return true;
    default:
      return false;
  }
}

/** True when `value` is a plain JSON object (see {@link isJsonValue}). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && isJsonValue(value);
}

/**
 * Deep copy of a JSON value. Keys are defined, not assigned, so a `__proto__` key stays an ordinary own
 * property and never changes a prototype.
 */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => cloneJson(item)) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: cloneJson((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}

/** Copy of a JSON value with object keys sorted, for byte-stable output. */
export function sortKeysDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => sortKeysDeep(item)) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(out, key, {
      value: sortKeysDeep((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}

/** Freezes a JSON value and everything in it; already frozen parts are skipped. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) deepFreeze(item);
  } else {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** What makes a value impossible to hold in a JSON document, and where in it. */
export interface Unholdable {
  /** `cyclic`: it contains itself; `too-deep`: nested past the limit; `not-json`: a BigInt, function or symbol. */
  readonly kind: 'cyclic' | 'too-deep' | 'not-json';
  /** Where in the value, from its root. */
  readonly path: readonly (string | number)[];
}

/**
 * Finds the first part of a value that no JSON document can hold: a cycle, nesting deeper than `maxDepth`, a
 * BigInt, a function or a symbol. Walks with an explicit stack, so the deepest value cannot overflow the call
 * stack, and stops at the first find.
 */
export function findUnholdable(value: unknown, maxDepth: number): Unholdable | undefined {
  const stack: { value: unknown; path: (string | number)[]; ancestors: ReadonlySet<object> }[] = [
    { value, path: [], ancestors: new Set() },
  ];
  while (stack.length > 0) {
    const { value: current, path, ancestors } = stack.pop() as (typeof stack)[number];
    const type = typeof current;
    if (type === 'bigint' || type === 'function' || type === 'symbol') return { kind: 'not-json', path };
    if (current === null || type !== 'object') continue;
    const object = current as object;
    if (ancestors.has(object)) return { kind: 'cyclic', path };
    if (path.length >= maxDepth) return { kind: 'too-deep', path };
    const inner = new Set(ancestors).add(object);
    if (Array.isArray(object)) {
      for (let i = object.length - 1; i >= 0; i--)
        stack.push({ value: object[i], path: [...path, i], ancestors: inner });
    } else {
      const keys = Object.keys(object);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: (object as Record<string, unknown>)[key], path: [...path, key], ancestors: inner });
      }
    }
  }
  return undefined;
}

/** The words for a value no JSON document can hold. */
export function unholdableMessage(kind: Unholdable['kind'], maxDepth: number): string {
  if (kind === 'cyclic') return 'the value contains itself';
  if (kind === 'too-deep') return `the value is nested more than ${maxDepth} levels deep`;
  return 'a BigInt, function or symbol cannot be held in a JSON document';
}
