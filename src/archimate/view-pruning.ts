/**
 * Kept views reconciled with an edited model. A node of an element that is no longer written goes, but the nodes
 * nested in it that show elements still written are lifted to its parent (the exchange format's coordinates are
 * absolute, so they stay where they were on the diagram). A connection goes when its relationship goes or when one
 * of its ends (a node or another connection) goes, transitively. Everything removed or lifted is recorded.
 */
import type { ArchimateChangeReason, ArchimateExportChange } from './export-changes.js';
import type { XmlNode } from './extras.js';

/** What is still written, by identifier. */
export interface Written {
  readonly elements: ReadonlySet<string>;
  readonly relationships: ReadonlySet<string>;
  readonly views: ReadonlySet<string>;
}

const isNamed = (child: XmlNode | string, name: string): child is XmlNode =>
  typeof child !== 'string' && child.ns === undefined && child.name === name;

function firstText(node: XmlNode, name: string): string {
  for (const child of node.children ?? []) {
    if (isNamed(child, name)) return (child.children ?? []).filter((c): c is string => typeof c === 'string').join('');
  }
  return '';
}

const reason = (code: ArchimateChangeReason['code'], message: string): ArchimateChangeReason => ({ code, message });

/**
 * A copy of `view` with what `written` no longer has taken out, as described above; `changes` receives what was
 * removed or lifted. Returns the view itself when nothing changed.
 */
export function pruneView(view: XmlNode, written: Written, changes: ArchimateExportChange[]): XmlNode {
  const where = { identifier: view.attributes?.identifier ?? '', name: firstText(view, 'name') };
  const nodes = new Set<string>();
  let changed = false;

  /**
   * The children of a kept node (or of the view) with removed nodes replaced by their kept descendants.
   * `parent` is the identifier of the node they are in (undefined on the view); `liftedFrom`, when set, names the
   * removed node whose children these are.
   */
  const keepChildren = (
    children: readonly (XmlNode | string)[],
    parent: string | undefined,
    liftedFrom: string | undefined,
  ): (XmlNode | string)[] => {
    const out: (XmlNode | string)[] = [];
    for (const child of children) {
      if (isNamed(child, 'node')) {
        const identifier = child.attributes?.identifier ?? '';
        const elementRef = child.attributes?.elementRef;
        if (elementRef !== undefined && !written.elements.has(elementRef)) {
          changed = true;
          changes.push({
            action: 'removed',
            object: 'node',
            identifier,
            view: where,
            ref: elementRef,
            reasons: [
              reason(
                'archimate.element-removed',
                `it showed the element '${elementRef}', which is no longer in the model`,
              ),
            ],
          });
          // Only its nodes survive it: its label, style and other children belonged to it.
          for (const lifted of keepChildren(
            (child.children ?? []).filter((c) => isNamed(c, 'node')),
            parent,
            identifier,
          ))
            out.push(lifted);
          continue;
        }
        nodes.add(identifier);
        if (liftedFrom !== undefined) {
          changes.push({
            action: 'lifted',
            object: 'node',
            identifier,
            view: where,
            ...(elementRef !== undefined ? { ref: elementRef } : {}),
            parent,
            reasons: [
              reason(
                'archimate.parent-removed',
                `its parent node '${liftedFrom}' showed an element that is no longer in the model`,
              ),
            ],
          });
        }
        out.push(child.children ? { ...child, children: keepChildren(child.children, identifier, undefined) } : child);
        continue;
      }
      if (isNamed(child, 'viewRef')) {
        const ref = child.attributes?.ref ?? '';
        if (!written.views.has(ref)) {
          changed = true;
          changes.push({
            action: 'removed',
            object: 'view-reference',
            identifier: parent ?? where.identifier,
            view: where,
            ref,
            reasons: [reason('archimate.view-removed', `the view '${ref}' it referred to is no longer in the file`)],
          });
          continue;
        }
      }
      out.push(child);
    }
    return out;
  };

  const children = keepChildren(view.children ?? [], undefined, undefined);

  // Connections may end on connections, in any order: drop the ones whose relationship or ends are gone, and then,
  // transitively, the ones that end on a dropped one.
  const connections = children.filter((c): c is XmlNode => isNamed(c, 'connection'));
  const ids = new Set<string>();
  for (const connection of connections) ids.add(connection.attributes?.identifier ?? '');
  const dropped = new Map<string, ArchimateChangeReason>();
  const dependents = new Map<string, XmlNode[]>();
  for (const connection of connections) {
    const identifier = connection.attributes?.identifier ?? '';
    const relationshipRef = connection.attributes?.relationshipRef;
    if (relationshipRef !== undefined && !written.relationships.has(relationshipRef)) {
      dropped.set(
        identifier,
        reason(
          'archimate.relationship-removed',
          `it showed the relationship '${relationshipRef}', which is no longer in the file`,
        ),
      );
      continue;
    }
    for (const end of ['source', 'target'] as const) {
      const ref = connection.attributes?.[end] ?? '';
      if (nodes.has(ref)) continue;
      if (ids.has(ref)) {
        const list = dependents.get(ref);
        if (list) list.push(connection);
        else dependents.set(ref, [connection]);
        continue;
      }
      if (!dropped.has(identifier))
        dropped.set(identifier, reason('archimate.end-removed', `its ${end} '${ref}' was removed from the view`));
    }
  }
  const queue = [...dropped.keys()];
  while (queue.length > 0) {
    const gone = queue.pop() as string;
    for (const connection of dependents.get(gone) ?? []) {
      const identifier = connection.attributes?.identifier ?? '';
      if (dropped.has(identifier)) continue;
      const end = connection.attributes?.source === gone ? 'source' : 'target';
      dropped.set(
        identifier,
        reason('archimate.end-removed', `its ${end} '${gone}' (a connection) was removed from the view`),
      );
      queue.push(identifier);
    }
  }
  if (dropped.size === 0 && !changed) return view;
  for (const connection of connections) {
    const identifier = connection.attributes?.identifier ?? '';
    const why = dropped.get(identifier);
    if (why === undefined) continue;
    const relationshipRef = connection.attributes?.relationshipRef;
    changes.push({
      action: 'removed',
      object: 'connection',
      identifier,
      view: where,
      ...(relationshipRef !== undefined ? { ref: relationshipRef } : {}),
      reasons: [why],
    });
  }
  return {
    ...view,
    children: children.filter((c) => !isNamed(c, 'connection') || !dropped.has(c.attributes?.identifier ?? '')),
  };
}
