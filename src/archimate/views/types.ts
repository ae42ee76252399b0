/**
 * The shape of a generated view, independent of XML: the exporter serialises these as `<view xsi:type="Diagram">`
 * with one `<node xsi:type="Element">` per node and one `<connection xsi:type="Relationship">` per connection.
 * Coordinates are whole pixels of 0 or more and absolute (relative to the diagram's origin), nested `children`
 * and bend points included, as the exchange format wants them. A connection's `source` and `target` are nodes of
 * the same view that show the relationship's own source and target, in the same direction.
 *
 * @module
 */

/**
 * One generated diagram.
 *
 * @example
 * ```ts
 * import type { ViewSpec } from 'kartta';
 * const view: ViewSpec = { identifier: 'view.landscape.oulu', name: 'Oulu: landscape', nodes: [], connections: [] };
 * ```
 *
 * @category ArchiMate
 */
export interface ViewSpec {
  /** The identifier of the view in the exchange file; unique in the file. */
  identifier: string;
  /** The name of the view, as Archi lists it. */
  name: string;
  /** What the view shows, as its documentation. */
  documentation?: string;
  /** The top-level nodes, each with its nested nodes. */
  nodes: ViewNodeSpec[];
  /** The connections between nodes. */
  connections: ViewConnectionSpec[];
}

/**
 * One element on a diagram: which element it shows (`elementRef`, an element identifier of the export) and its
 * bounds in pixels.
 *
 * @example
 * ```ts
 * import type { ViewNodeSpec } from 'kartta';
 * const node: ViewNodeSpec = { identifier: 'view.landscape.oulu.n.0', elementRef: 'id-oulu', x: 12, y: 12, w: 120, h: 55 };
 * ```
 *
 * @category ArchiMate
 */
export interface ViewNodeSpec {
  /** The identifier of the node; unique in the file. */
  identifier: string;
  /** The identifier of the element it shows (an exported element). */
  elementRef: string;
  /** Left edge in view pixels, from the left of the view (not of the parent node). */
  x: number;
  /** Top edge in view pixels, from the top of the view. */
  y: number;
  /** Width in view pixels. */
  w: number;
  /** Height in view pixels. */
  h: number;
  /** Nodes drawn inside this one. */
  children?: ViewNodeSpec[];
}

/**
 * One line on a diagram: which relationship it shows (`relationshipRef`) between two nodes of the same view, with
 * optional bend points in absolute pixels.
 *
 * @example
 * ```ts
 * import type { ViewConnectionSpec } from 'kartta';
 * const connection: ViewConnectionSpec = {
 *   identifier: 'view.landscape.oulu.c.0', relationshipRef: 'rel.owns.oulu.lifecare-oulu',
 *   source: 'view.landscape.oulu.n.0', target: 'view.landscape.oulu.n.1',
 * };
 * ```
 *
 * @category ArchiMate
 */
export interface ViewConnectionSpec {
  /** The identifier of the connection; unique in the file. */
  identifier: string;
  /** The identifier of the relationship it shows. */
  relationshipRef: string;
  /** The identifier of the node it starts at (showing the relationship's source). */
  source: string;
  /** The identifier of the node it ends at. */
  target: string;
  /** Points the line bends at, in view pixels, from source to target; a straight line without. */
  bendpoints?: {
    /** Pixels from the left of the view. */
    x: number;
    /** Pixels from the top of the view. */
    y: number;
  }[];
}
