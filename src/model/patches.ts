/**
 * The checks a patch list passes before it touches a document. The delta of an edit is found from the indexes the
 * patches name, so every index must be one the collection really has at that point of the list: an `add` past
 * the end, a negative or fractional index or a path into a missing collection would otherwise slip past
 * validation or leave holes. Each problem names the patch by its position in the list.
 */
import { capped, echo, formatPath } from '../errors.js';
import { collections } from '../schema/document.js';
import { findUnholdable, isRecord, unholdableMessage } from '../schema/json.js';
import type { Issue, Patch } from '../types.js';

const OPS: ReadonlySet<unknown> = new Set(['add', 'replace', 'remove']);
const collectionSet: ReadonlySet<unknown> = new Set(collections);

/** Deeper than any valid document (64 levels of `x` inside an entity inside a collection). */
export const MAX_VALUE_DEPTH = 100;

function describePatch(index: number, patch: Record<string, unknown>): string {
  const path =
    Array.isArray(patch.path) && patch.path.every((s) => typeof s === 'string' || typeof s === 'number')
      ? formatPath(patch.path)
      : '?';
  return `patch ${index} (${typeof patch.op === 'string' ? capped(patch.op) : '?'} ${capped(path)})`;
}

/**
 * Problems with a patch list for `doc`: the list's shape, each patch's shape, indexes that the collection does
 * not have when the patch comes, and values no document can hold. Empty when the list can be applied.
 */
export function checkPatchList(doc: Readonly<Record<string, unknown>>, patches: unknown): Issue[] {
  if (!Array.isArray(patches)) {
    return [{ code: 'patch.invalid', path: [], message: `expected an array of patches, got ${echo(patches)}` }];
  }
  const issues: Issue[] = [];
  // The length of each collection as the list goes along; undefined while a collection is not an array.
  const lengths = new Map<string, number | undefined>();
  const lengthsOf = (source: unknown) => {
    for (const collection of collections) {
      const items = isRecord(source) ? source[collection] : undefined;
      lengths.set(collection, Array.isArray(items) ? items.length : items === undefined ? 0 : undefined);
    }
  };
  lengthsOf(doc);
  for (let i = 0; i < patches.length; i++) {
    const patch: unknown = patches[i];
    if (!isRecord(patch)) {
      issues.push({
        code: 'patch.invalid',
        path: [],
        message: `patch ${i} must be an object { op, path, value }, got ${echo(patch)}`,
      });
      continue;
    }
    const { op, path } = patch;
    const where = describePatch(i, patch);
    if (!OPS.has(op)) {
      issues.push({
        code: 'patch.invalid',
        path: [],
        message: `${where}: op must be "add", "replace" or "remove", got ${echo(op)}`,
      });
      continue;
    }
    if (
      !Array.isArray(path) ||
      !path.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0))
    ) {
      issues.push({
        code: 'patch.invalid',
        path: [],
        message: `${where}: path must be an array of property names and whole-number indexes from 0`,
      });
      continue;
    }
    const target = path as (string | number)[];
    if (op !== 'remove' && !('value' in patch)) {
      issues.push({ code: 'patch.invalid', path: target, message: `${where}: an "${String(op)}" patch needs a value` });
      continue;
    }
    if (op !== 'remove') {
      const unholdable = findUnholdable(patch.value, MAX_VALUE_DEPTH);
      if (unholdable) {
        const inside =
          unholdable.kind === 'cyclic' && unholdable.path.length > 0
            ? ` (at ${capped(formatPath(unholdable.path))} inside it)`
            : '';
        issues.push({
          code: `value.${unholdable.kind}`,
          path: target,
          message: `${where}: ${unholdableMessage(unholdable.kind, MAX_VALUE_DEPTH)}${inside}`,
        });
        continue;
      }
    }
    const problem = indexProblem(lengths, op as Patch['op'], target, patch.value);
    if (problem) {
      issues.push({ code: 'patch.invalid', path: target, message: `${where}: ${problem}` });
      continue;
    }
    if (target.length === 0) lengthsOf(patch.value);
  }
  return issues;
}

/** Checks a patch's collection index against the lengths so far, and updates them. */
function indexProblem(
  lengths: Map<string, number | undefined>,
  op: Patch['op'],
  path: readonly (string | number)[],
  value: unknown,
): string | undefined {
  if (path.length === 0) return op === 'replace' ? undefined : 'only "replace" can change the whole document';
  const [head, index] = path;
  if (!collectionSet.has(head)) return undefined;
  const collection = head as string;
  if (path.length === 1) {
    lengths.set(collection, op === 'remove' ? 0 : Array.isArray(value) ? value.length : undefined);
    return undefined;
  }
  const length = lengths.get(collection);
  if (length === undefined) return `${collection} is not an array here`;
  if (typeof index !== 'number') return `${collection} is indexed by whole numbers, got ${echo(index)}`;
  if (path.length > 2 || op === 'replace') {
    return index < length
      ? undefined
      : `index ${index} is past the end of ${collection} (${length} items at this point)`;
  }
  if (op === 'add') {
    if (index > length)
      return `index ${index} is past the end of ${collection} (${length} items at this point; add at ${length} to append)`;
    lengths.set(collection, length + 1);
    return undefined;
  }
  if (index >= length) return `index ${index} is past the end of ${collection} (${length} items at this point)`;
  lengths.set(collection, length - 1);
  return undefined;
}
