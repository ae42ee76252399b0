/** Id-addressed patches: the low-level changes of a scenario, as `scenarioFromDiff` writes them. */
import { elementSchemas } from '../schema/document.js';
import { mapZodIssues } from '../validate/zod-issues.js';
import { diffCollections, effective, withoutDefaults, type DiffCollectionName } from './defaults.js';
import { defineOwn, hasOwn, isPlainObject, jsonEqual, shallowCopy } from './json-values.js';
import { q, report, type ChangeContext } from './operations.js';
import type { ScenarioPatch } from './scenario-schema.js';
import { keyOf, type Item, type Working } from './working.js';

const HEADER_FIELDS = new Set(['name', 'description', 'x']);
const collectionSet: ReadonlySet<string> = new Set(diffCollections);

function valueAt(root: unknown, path: readonly string[]): { found: boolean; value: unknown } {
  let current = root;
  for (const key of path) {
    if (!isPlainObject(current) || !hasOwn(current, key)) return { found: false, value: undefined };
    current = current[key];
  }
  return { found: current !== undefined, value: current };
}

/** A copy of `root` with `value` at `path` (removed when undefined); copies only along the path. */
function withValueAt(root: Item, path: readonly string[], value: unknown): Item {
  const [head, ...rest] = path as [string, ...string[]];
  const out = shallowCopy(root);
  if (rest.length === 0) {
    if (value === undefined) delete out[head];
    else defineOwn(out, head, value);
    return out;
  }
  const child = hasOwn(root, head) && isPlainObject(root[head]) ? (root[head] as Item) : {};
  defineOwn(out, head, withValueAt(child, rest, value));
  return out;
}

/** Equal as the format means it: defaults count as absent. */
function sameValue(collection: DiffCollectionName | 'header', key: string, a: unknown, b: unknown): boolean {
  if (isPlainObject(a) && isPlainObject(b) && key === '') {
    return jsonEqual(
      withoutDefaults(collection as DiffCollectionName, a),
      withoutDefaults(collection as DiffCollectionName, b),
    );
  }
  return jsonEqual(effective(collection, key, a), effective(collection, key, b));
}

function checkEntity(ctx: ChangeContext, collection: DiffCollectionName, key: string, value: unknown): boolean {
  const result = elementSchemas[collection].safeParse(value);
  if (!result.success) {
    for (const issue of mapZodIssues(result.error.issues, value, [])) {
      report(
        ctx,
        issue.code,
        ['value', ...issue.path],
        `the ${collection === 'relations' ? 'relation' : 'entity'} is invalid: ${issue.message}`,
      );
    }
    return false;
  }
  if (keyOf(collection, value as Item) !== key) {
    const what = collection === 'relations' ? "its 'type: from -> to' key" : 'its id';
    report(
      ctx,
      'scenario.key-mismatch',
      ['value'],
      `the path names ${q(key)}, but ${what} is ${q(keyOf(collection, value as Item))}`,
      key,
    );
    return false;
  }
  return true;
}

function patchHeader(w: Working, ctx: ChangeContext, patch: ScenarioPatch): void {
  const { path } = patch;
  const current = valueAt(w.header, path);
  if (!expectCurrent(ctx, patch, 'header', path[0] as string, current, 'the document field')) return;
  w.header = withValueAt(w.header, path, patch.op === 'remove' ? undefined : patch.value);
}

/** Checks the current value against what the patch expects; false (with a problem) when it does not hold. */
function expectCurrent(
  ctx: ChangeContext,
  patch: ScenarioPatch,
  collection: DiffCollectionName | 'header',
  key: string,
  current: { found: boolean; value: unknown },
  what: string,
): boolean {
  const where = patch.path.join('.');
  // A field holding its default counts as absent, as it does in differences.
  if (current.found && key !== '' && effective(collection, key, current.value) === undefined)
    current = { found: false, value: undefined };
  if (
    !current.found &&
    patch.op !== 'add' &&
    hasOwn(patch, 'was') &&
    sameValue(collection, key, undefined, patch.was)
  ) {
    return true;
  }
  if (patch.op === 'add') {
    if (current.found && !sameValue(collection, key, current.value, patch.value)) {
      report(
        ctx,
        'scenario.entity-exists',
        ['path'],
        `${what} ${q(where)} exists already with another value`,
        patch.path[1],
      );
      return false;
    }
    return true;
  }
  if (!current.found) {
    report(
      ctx,
      'scenario.entity-missing',
      ['path'],
      `${what} ${q(where)} is not in the ${ctx.conflict ? 'base any more' : 'base'}`,
      patch.path[1],
    );
    return false;
  }
  if (hasOwn(patch, 'was') && !sameValue(collection, key, current.value, patch.was)) {
    report(
      ctx,
      'scenario.entity-changed',
      ['was'],
      `${what} ${q(where)} is not what the scenario expects: it changed in the base`,
      patch.path[1],
    );
    return false;
  }
  return true;
}

/** Applies one patch to the working copy, or reports why it cannot. */
export function applyPatch(w: Working, ctx: ChangeContext, patch: ScenarioPatch): void {
  const [head, id, ...field] = patch.path as [string, ...string[]];
  if (HEADER_FIELDS.has(head)) {
    patchHeader(w, ctx, patch);
    return;
  }
  if (!collectionSet.has(head) || id === undefined) {
    report(
      ctx,
      'scenario.path-invalid',
      ['path'],
      `a path starts with a collection (${diffCollections.join(', ')}) and an id, or with name, description or x; got ${q(patch.path.join('.'))}`,
    );
    return;
  }
  const collection = head as DiffCollectionName;
  ctx.touches.add(id);
  const entity = w.get(collection, id);
  if (field.length === 0) {
    if (
      !expectCurrent(
        ctx,
        patch,
        collection,
        '',
        { found: entity !== undefined, value: entity },
        collection === 'relations' ? 'relation' : 'entity',
      )
    )
      return;
    if (patch.op === 'remove') {
      w.delete(collection, id, ctx.index);
      return;
    }
    if (!checkEntity(ctx, collection, id, patch.value)) return;
    w.set(collection, id, patch.value as Item, ctx.index);
    return;
  }
  if (entity === undefined) {
    report(
      ctx,
      'scenario.entity-missing',
      ['path'],
      `${collection === 'relations' ? 'relation' : 'entity'} ${q(id)} is not in the ${ctx.conflict ? 'base any more' : 'base'}`,
      id,
    );
    return;
  }
  const top = field[0] as string;
  if (top === 'id' || (collection === 'relations' && (top === 'type' || top === 'from' || top === 'to'))) {
    report(
      ctx,
      'scenario.path-invalid',
      ['path'],
      `${q(top)} identifies the ${collection === 'relations' ? 'relation' : 'entity'}: remove it and add another instead`,
      id,
    );
    return;
  }
  const current = valueAt(entity, field);
  const atTop = field.length === 1;
  if (!expectCurrent(ctx, patch, atTop ? collection : 'header', atTop ? top : '-', current, 'field')) return;
  const next = withValueAt(entity, field, patch.op === 'remove' ? undefined : patch.value);
  if (!checkEntity(ctx, collection, id, next)) return;
  w.set(collection, id, next, ctx.index);
}
