/** A read-only view of a model's graph: reads go to the live graph, every mutating method throws. */
import type { MultiDirectedGraph } from 'graphology';
import { ReadOnlyGraphError } from '../errors.js';
import type { EdgeAttributes, NodeAttributes } from '../types.js';
import type { RawGraph } from '../graph/state.js';

/**
 * Name prefixes of the graphology methods that change a graph; {@link ReadonlyGraph} leaves them out.
 *
 * @example
 * ```ts
 * import type { MutatingPrefix } from 'kartta';
 * const prefix: MutatingPrefix = 'drop';
 * ```
 *
 * @category Model
 */
export type MutatingPrefix = 'add' | 'merge' | 'update' | 'drop' | 'set' | 'remove' | 'replace' | 'clear' | 'import';

/**
 * The graph of a {@link Model}, typed without any method that changes it. Organisations, services and systems
 * are nodes ({@link NodeAttributes}); integrations and relations are edges ({@link EdgeAttributes}). Every
 * graphology read, iteration and standard-library algorithm works on it; a mutating method throws
 * {@link ReadOnlyGraphError}.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * const graph = model.graph;
 * console.log(graph.order, graph.size);
 * ```
 *
 * @category Model
 */
export type ReadonlyGraph = {
  readonly [
    K in keyof MultiDirectedGraph<NodeAttributes, EdgeAttributes> as K extends `${MutatingPrefix}${string}` ? never : K
  ]: MultiDirectedGraph<NodeAttributes, EdgeAttributes>[K];
};

const MUTATING = /^(add|merge|update|drop|set|remove|replace|clear|import)/;

/** Wraps a function that returns the live graph (which may be rebuilt) in a read-only proxy. */
export function readonlyGraph(resolve: () => RawGraph): ReadonlyGraph {
  const bound = new WeakMap<RawGraph, Map<PropertyKey, unknown>>();
  const handler: ProxyHandler<object> = {
    get(_target, property) {
      const graph = resolve();
      if (typeof property === 'string' && MUTATING.test(property)) {
        return () => {
          throw new ReadOnlyGraphError(property);
        };
      }
      const value: unknown = Reflect.get(graph, property, graph);
      if (typeof value !== 'function') return value;
      let cache = bound.get(graph);
      if (!cache) bound.set(graph, (cache = new Map<PropertyKey, unknown>()));
      let fn = cache.get(property);
      if (!fn) cache.set(property, (fn = (value as (...args: unknown[]) => unknown).bind(graph)));
      return fn;
    },
    set(_target, property) {
      throw new ReadOnlyGraphError(String(property));
    },
    defineProperty(_target, property) {
      throw new ReadOnlyGraphError(String(property));
    },
    deleteProperty(_target, property) {
      throw new ReadOnlyGraphError(String(property));
    },
    getPrototypeOf() {
      return Object.getPrototypeOf(resolve()) as object | null;
    },
    has(_target, property) {
      return Reflect.has(resolve(), property);
    },
  };
  return new Proxy({}, handler) as ReadonlyGraph;
}
