/**
 * The derived index of a model: the graphology graph, the product catalogue and the reverse `via` index. It is
 * built once at load and then moved from model to model by edits, each applying only its change.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, Integration, NodeAttributes, Product, Relation } from '../types.js';
import type { Delta } from './delta.js';
import { graphKey } from './graph-key.js';
import { relationKey } from './keys.js';

export type RawGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export interface IndexState {
  readonly graph: RawGraph;
  readonly products: Map<string, Product>;
  /** Platform system id to the ids of the integrations that run through it. */
  readonly via: Map<string, Set<string>>;
}

export function emptyState(): IndexState {
  return {
    graph: new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: true }),
    products: new Map(),
    via: new Map(),
  };
}

function addVia(state: IndexState, integration: Integration): void {
  if (integration.via === undefined) return;
  let set = state.via.get(integration.via);
  if (!set) state.via.set(integration.via, (set = new Set()));
  set.add(integration.id);
}

function removeVia(state: IndexState, integration: Integration): void {
  if (integration.via === undefined) return;
  const set = state.via.get(integration.via);
  if (!set) return;
  set.delete(integration.id);
  if (set.size === 0) state.via.delete(integration.via);
}

/**
 * Applies a validated delta to the state. Removals go first, so an entity replaced by a new version of itself
 * (same id) keeps its place and its edges.
 */
export function commitDelta(state: IndexState, delta: Delta): void {
  const { graph } = state;
  const addedNodeIds = new Set<string>();
  for (const item of delta.added) {
    if (item.collection === 'organisations' || item.collection === 'services' || item.collection === 'systems') {
      addedNodeIds.add((item.entity as { id: string }).id);
    }
  }
  for (const item of delta.removed) {
    switch (item.collection) {
      case 'integrations': {
        const integration = item.entity as Integration;
        const key = graphKey(integration.id);
        if (graph.hasEdge(key)) graph.dropEdge(key);
        removeVia(state, integration);
        break;
      }
      case 'relations': {
        const key = relationKey(item.entity as Relation);
        if (graph.hasEdge(key)) graph.dropEdge(key);
        break;
      }
      case 'products':
        state.products.delete((item.entity as Product).id);
        break;
      default:
        break;
    }
  }
  for (const item of delta.removed) {
    if (item.collection !== 'organisations' && item.collection !== 'services' && item.collection !== 'systems')
      continue;
    const id = (item.entity as { id: string }).id;
    if (!addedNodeIds.has(id) && graph.hasNode(graphKey(id))) graph.dropNode(graphKey(id));
  }
  for (const item of delta.added) {
    switch (item.collection) {
      case 'organisations':
      case 'services':
      case 'systems': {
        const entity = item.entity as { id: string };
        const kind =
          item.collection === 'organisations' ? 'organisation' : item.collection === 'services' ? 'service' : 'system';
        const attributes = Object.freeze({ kind, entity }) as NodeAttributes;
        const key = graphKey(entity.id);
        if (graph.hasNode(key)) graph.replaceNodeAttributes(key, attributes);
        else graph.addNode(key, attributes);
        break;
      }
      case 'products': {
        const product = item.entity as Product;
        state.products.set(product.id, product);
        break;
      }
      default:
        break;
    }
  }
  for (const item of delta.added) {
    if (item.collection === 'integrations') {
      const integration = item.entity as Integration;
      const attributes = Object.freeze({ kind: 'integration', entity: integration });
      graph.addDirectedEdgeWithKey(
        graphKey(integration.id),
        graphKey(integration.source),
        graphKey(integration.target),
        attributes,
      );
      addVia(state, integration);
    } else if (item.collection === 'relations') {
      const relation = item.entity as Relation;
      const attributes = Object.freeze({ kind: relation.type, entity: relation }) as EdgeAttributes;
      graph.addDirectedEdgeWithKey(relationKey(relation), graphKey(relation.from), graphKey(relation.to), attributes);
    }
  }
}
