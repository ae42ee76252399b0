/**
 * Running a recipe or a patch list against a document with immer, so that whatever the caller hands in, the
 * outcome is a new document with its patches or a typed error, and the base document is never touched.
 *
 * Kartta uses an immer instance of its own with auto-freezing off: immer's freeze walks every new value
 * recursively, so a 20,000-deep value set in an edit would overflow the call stack before validation could report
 * it at its path. The model freezes a document itself once it has been validated (and so is of bounded depth).
 * The patches plugin is enabled on first use, not at import, so importing Kartta changes nothing in the shared
 * immer module (the package is declared free of side effects).
 */
import { enablePatches, Immer, isDraft, type Draft } from 'immer';
import { EditError, ModelValidationError, echo } from '../errors.js';
import { collections } from '../schema/document.js';
import type { KarttaDocument, Patch } from '../types.js';
import { findUnholdable, isRecord } from '../schema/json.js';
import { headerIssues } from '../validate/check.js';
import { checkPatchList, MAX_VALUE_DEPTH } from './patches.js';

const collectionSet: ReadonlySet<string> = new Set(collections);

const immer = new Immer({ autoFreeze: false });
let patchesEnabled = false;

function patchingImmer(): Immer {
  if (!patchesEnabled) {
    enablePatches();
    patchesEnabled = true;
  }
  return immer;
}

/** Whether a value is a promise or anything else with a `then` method (read without letting a getter throw). */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/** A document a recipe returned: a plain object with a `format`, as opposed to the value of an arrow's last expression. */
function isReturnedDocument(value: unknown, draft: unknown): value is Record<string, unknown> {
  if (value === draft || !isRecord(value) || isDraft(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && 'format' in value;
}

/** Load treats an absent collection as an empty one; so does an edit. */
function fillCollections(target: Record<string, unknown>): void {
  for (const collection of collections) if (target[collection] === undefined) target[collection] = [];
}

/**
 * immer walks every new value when it finishes an edit, recursively: a value nested thousands of levels deep
 * overflows the call stack there, before validation could name it. The top-level fields are few, so they are
 * looked at first and reported exactly as a load reports them (`extension.invalid` at `x`).
 */
function refuseUnholdableHeader(doc: Record<string, unknown>): void {
  const header: Record<string, unknown> = {};
  let unholdable = false;
  for (const key of Object.keys(doc)) {
    if (collectionSet.has(key)) continue;
    const value = doc[key];
    Object.defineProperty(header, key, { value, enumerable: true, configurable: true, writable: true });
    if (!isDraft(value) && findUnholdable(value, MAX_VALUE_DEPTH)) unholdable = true;
  }
  if (unholdable) throw new ModelValidationError(headerIssues(header));
}

/** Carries an error thrown by the caller's recipe through immer, to tell it apart from one immer throws. */
class RecipeThrew extends Error {
  constructor(readonly error: unknown) {
    super('the edit recipe threw');
  }
}

export interface Transaction {
  readonly doc: KarttaDocument;
  readonly patches: Patch[];
  readonly inversePatches: Patch[];
}

/** Runs an edit recipe on a draft of `base`. */
export function runRecipe(base: KarttaDocument, recipe: unknown): Transaction {
  if (typeof recipe !== 'function') {
    throw new EditError('edit.recipe-invalid', `edit expects a recipe function (draft) => void, got ${echo(recipe)}`);
  }
  let returnedDocument = false;
  const producer = (draft: Draft<KarttaDocument>) => {
    let result: unknown;
    try {
      result = (recipe as (draft: Draft<KarttaDocument>) => unknown)(draft);
    } catch (error) {
      throw new RecipeThrew(error);
    }
    if (isThenable(result)) {
      // The recipe goes on after its first await with a draft that is revoked by then: keep its rejection from
      // becoming an unhandled one, and refuse the whole edit.
      Promise.resolve(result).then(undefined, () => undefined);
      throw new EditError(
        'edit.recipe-async',
        'the edit recipe returned a promise; edits are synchronous transactions: await what you need first, then edit with it (nothing was changed)',
      );
    }
    if (isReturnedDocument(result, draft)) {
      returnedDocument = true;
      const replacement = { ...result };
      refuseUnholdableHeader(replacement);
      fillCollections(replacement);
      return replacement as unknown as KarttaDocument;
    }
    if (isRecord(draft)) {
      refuseUnholdableHeader(draft);
      fillCollections(draft);
    }
    return undefined;
  };
  try {
    const [doc, patches, inversePatches] = patchingImmer().produceWithPatches(base, producer);
    return { doc, patches: patches, inversePatches: inversePatches };
  } catch (error) {
    if (error instanceof EditError || error instanceof ModelValidationError) throw error;
    if (error instanceof RecipeThrew) {
      if (error.error instanceof EditError || error.error instanceof ModelValidationError) throw error.error;
      const what = error.error instanceof Error ? `${error.error.name}: ${error.error.message}` : echo(error.error);
      throw new EditError('edit.recipe-failed', `the edit recipe threw (nothing was changed): ${what.slice(0, 300)}`, {
        cause: error.error,
      });
    }
    if (returnedDocument) {
      throw new EditError(
        'edit.recipe-invalid',
        'the edit recipe both changed the draft and returned a document: do one or the other (nothing was changed)',
        {
          cause: error,
        },
      );
    }
    if (error instanceof RangeError) {
      throw new EditError(
        'edit.value-too-deep',
        'a value set by the edit is nested too deeply, or contains itself (nothing was changed)',
        { cause: error },
      );
    }
    throw error;
  }
}

/** Applies a checked patch list to `base`, one patch at a time so that a failure names its patch. */
export function runPatches(base: KarttaDocument, patches: unknown): KarttaDocument {
  const issues = checkPatchList(base as unknown as Record<string, unknown>, patches);
  if (issues.length > 0) throw new ModelValidationError(issues);
  const list = patches as readonly Patch[];
  const engine = patchingImmer();
  let failed: { index: number; error: unknown } | undefined;
  const doc = engine.produce(base, (draft) => {
    let current: unknown = draft;
    for (let index = 0; index < list.length; index++) {
      try {
        // A patch that replaces the whole document hands back a new root; later patches apply to it.
        current = engine.applyPatches(current as object, [list[index] as Parameters<Immer['applyPatches']>[1][number]]);
      } catch (error) {
        failed = { index, error };
        return undefined;
      }
    }
    if (current !== draft) {
      const replacement = isRecord(current) ? { ...current } : current;
      if (isRecord(replacement)) fillCollections(replacement);
      return replacement as KarttaDocument;
    }
    if (isRecord(draft)) fillCollections(draft);
    return undefined;
  });
  if (failed) {
    const message = failed.error instanceof Error ? failed.error.message : echo(failed.error);
    throw new ModelValidationError([
      { code: 'patch.invalid', path: [], message: `patch ${failed.index} does not apply: ${message.slice(0, 300)}` },
    ]);
  }
  return doc;
}
