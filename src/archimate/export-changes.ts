/**
 * What an export after an edit leaves out of, or moves in, what an imported file held: so that nothing is lost
 * silently, a tool or a person can show the list (see {@link archimateExportChanges}).
 */

/**
 * Why something was removed or moved.
 *
 * - `archimate.element-removed`: the node showed an element that is no longer in the file.
 * - `archimate.relationship-removed`: the connection showed a relationship that is no longer in the file.
 * - `archimate.end-removed`: an end of the connection or relationship (a node, a connection, an element or a
 *   relationship) is no longer in the file.
 * - `archimate.parent-removed`: the node was nested in a node that was removed; it was lifted to that node's parent.
 * - `archimate.concept-removed`: the concept (an element, relationship or view of the file) is no longer written,
 *   so its properties or its folder entry are not either.
 * - `archimate.view-removed`: the node referred to a view that is no longer in the file.
 *
 * @example
 * ```ts
 * import type { ArchimateChangeReason } from 'kartta';
 * const reason: ArchimateChangeReason = { code: 'archimate.parent-removed', message: "its parent node 'n1' showed a removed element" };
 * ```
 *
 * @category ArchiMate
 */
export interface ArchimateChangeReason {
  /** A stable code (see above). */
  readonly code:
    | 'archimate.element-removed'
    | 'archimate.relationship-removed'
    | 'archimate.end-removed'
    | 'archimate.parent-removed'
    | 'archimate.concept-removed'
    | 'archimate.view-removed';
  /** The reason in words. */
  readonly message: string;
}

/**
 * One thing an export with extras removed or lifted, compared with the imported file.
 *
 * @example
 * ```ts
 * import type { ArchimateExportChange } from 'kartta';
 * const change: ArchimateExportChange = {
 *   action: 'lifted', object: 'node', identifier: 'n-crm', view: { identifier: 'v1', name: 'Landscape' },
 *   ref: 'id-crm', parent: undefined,
 *   reasons: [{ code: 'archimate.parent-removed', message: "its parent node 'n-erp' showed a removed element" }],
 * };
 * ```
 *
 * @category ArchiMate
 */
export interface ArchimateExportChange {
  /** `removed`: left out of the file. `lifted`: a nested node moved up to the parent of a removed node. */
  readonly action: 'removed' | 'lifted';
  /** What kind of object of the file it is. */
  readonly object: 'node' | 'connection' | 'relationship' | 'element' | 'property' | 'folder-entry' | 'view-reference';
  /**
   * The identifier of the object: the node, connection, relationship or element; for a property, the concept it
   * belonged to; for a folder entry, the concept it named; for a view reference, the node holding it.
   */
  readonly identifier: string;
  /** The view it was on (identifier and name), for nodes, connections and view references. */
  readonly view?:
    | {
        /** The identifier of the view. */
        readonly identifier: string;
        /** The name of the view, as Archi lists it. */
        readonly name: string;
      }
    | undefined;
  /**
   * What it pointed at: a node's `elementRef`, a connection's `relationshipRef`, a property's
   * `propertyDefinitionRef`, a view reference's view.
   */
  readonly ref?: string | undefined;
  /** For a lifted node: the node it is now nested in, or `undefined` when it now sits on the view itself. */
  readonly parent?: string | undefined;
  /** Why (at least one). */
  readonly reasons: readonly ArchimateChangeReason[];
}

const ORDER = ['element', 'relationship', 'property', 'folder-entry', 'node', 'view-reference', 'connection'];

/** Sorted: by view identifier (concepts without a view first), kind of object, identifier. */
export function sortChanges(changes: ArchimateExportChange[]): ArchimateExportChange[] {
  const key = (c: ArchimateExportChange) => c.view?.identifier ?? '';
  return changes.sort((a, b) => {
    const va = key(a);
    const vb = key(b);
    if (va !== vb) return va < vb ? -1 : 1;
    const oa = ORDER.indexOf(a.object);
    const ob = ORDER.indexOf(b.object);
    if (oa !== ob) return oa - ob;
    if (a.identifier !== b.identifier) return a.identifier < b.identifier ? -1 : 1;
    return (a.ref ?? '') < (b.ref ?? '') ? -1 : (a.ref ?? '') > (b.ref ?? '') ? 1 : 0;
  });
}
