/**
 * What an edit changed, as entities removed and added. Immer shares every untouched element between the old and
 * the new document, so comparing elements by reference at the indexes the patches name finds exactly the
 * changed ones, at a cost proportional to the patches, not to the document.
 */
import type { KarttaDocument, Patch } from '../types.js';
import { collections } from '../schema/document.js';
import type { Collection } from './keys.js';

export interface DeltaItem {
  readonly collection: Collection;
  readonly entity: unknown;
}

export interface AddedItem extends DeltaItem {
  /** Position in the new document's collection, for issue paths. */
  readonly index: number;
}

export interface Delta {
  readonly removed: readonly DeltaItem[];
  readonly added: readonly AddedItem[];
  /** Whether the top-level fields (format, name, description, x, unknown keys) need checking. */
  readonly header: boolean;
  /** Collections that are no longer arrays. */
  readonly broken: readonly Collection[];
}

const collectionSet: ReadonlySet<string> = new Set(collections);

/** Everything in `doc` as added: the delta of a fresh load. */
export function fullDelta(doc: Record<string, unknown>): Delta {
  const added: AddedItem[] = [];
  const broken: Collection[] = [];
  for (const collection of collections) {
    const items = doc[collection];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      broken.push(collection);
      continue;
    }
    for (let index = 0; index < items.length; index++) added.push({ collection, entity: items[index], index });
  }
  return { removed: [], added, header: true, broken };
}

/** The delta between two documents that the given patches lead from one to the other. */
export function patchDelta(before: KarttaDocument, after: KarttaDocument, patches: readonly Patch[]): Delta {
  const touched = new Map<Collection, Set<number> | 'all'>();
  let header = false;
  for (const patch of patches) {
    const [head, index] = patch.path;
    if (patch.path.length === 0) {
      // The whole document was replaced.
      header = true;
      for (const collection of collections) touched.set(collection, 'all');
      continue;
    }
    if (typeof head !== 'string' || !collectionSet.has(head)) {
      header = true;
      continue;
    }
    const collection = head as Collection;
    if (typeof index !== 'number' || touched.get(collection) === 'all') {
      touched.set(collection, 'all');
      continue;
    }
    let set = touched.get(collection) as Set<number> | undefined;
    if (!set) touched.set(collection, (set = new Set()));
    set.add(index);
    if (patch.path.length === 2 && patch.op !== 'replace') {
      // An insertion or removal shifts everything after it (immer itself only does so at the end).
      const oldItems = (before as unknown as Record<string, unknown[]>)[collection];
      const newItems = (after as unknown as Record<string, unknown[]>)[collection];
      const end = Math.max(
        Array.isArray(oldItems) ? oldItems.length : 0,
        Array.isArray(newItems) ? newItems.length : 0,
      );
      for (let i = index + 1; i < end; i++) set.add(i);
    }
  }
  const removed: DeltaItem[] = [];
  const added: AddedItem[] = [];
  const broken: Collection[] = [];
  for (const [collection, where] of touched) {
    const oldItems = (before as unknown as Record<string, unknown>)[collection];
    const newItems = (after as unknown as Record<string, unknown>)[collection];
    const oldArray = Array.isArray(oldItems) ? oldItems : [];
    if (!Array.isArray(newItems)) {
      broken.push(collection);
      header = true;
      continue;
    }
    const indexes = where === 'all' ? range(Math.max(oldArray.length, newItems.length)) : [...where];
    const oldAt = new Set<unknown>();
    const newAt = new Set<unknown>();
    for (const i of indexes) {
      if (i < oldArray.length) oldAt.add(oldArray[i]);
      if (i < newItems.length) newAt.add(newItems[i]);
    }
    for (const i of indexes.sort((a, b) => a - b)) {
      if (i < oldArray.length && !newAt.has(oldArray[i])) removed.push({ collection, entity: oldArray[i] });
      if (i < newItems.length && !oldAt.has(newItems[i])) added.push({ collection, entity: newItems[i], index: i });
    }
  }
  return { removed, added, header, broken };
}

/**
 * The delta that undoes `delta`: what it added is removed and what it removed is added. For moving an index
 * between two valid documents, so the positions (which only issue paths need) are not known and not needed.
 */
export function inverseDelta(delta: Delta): Delta {
  return {
    removed: delta.added.map(({ collection, entity }) => ({ collection, entity })),
    added: delta.removed.map(({ collection, entity }) => ({ collection, entity, index: -1 })),
    header: false,
    broken: [],
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
