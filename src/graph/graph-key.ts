/**
 * The keys Kartta gives graphology for ids. graphology keeps each node's neighbours in plain objects keyed by
 * the neighbour's key, so a node called `__proto__` or `toString` would read (and, on insertion, write) the
 * shared `Object.prototype`. Such ids get a key that can never be an id (ids contain no white space) and never
 * names a prototype member; every other id is its own key, so the graph reads as the document does.
 */

/** Names a plain object answers for without owning them, captured before anyone could add to the list. */
const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** What escaped keys start with; the space keeps them apart from every possible id. */
const ESCAPE = 'id: ';

/**
 * The key of an entity (or integration) in {@link Model.graph}: the id itself, except for ids that are names of
 * `Object.prototype` members (`__proto__`, `constructor`, `toString`, ...), which become `'id: ' + id` so that
 * no plain object keyed by graph keys (graphology's own adjacency, or an algorithm you run) ever reaches the
 * shared prototype. Graph attributes always carry the entity with its real id.
 *
 * @category Model
 * @example
 * ```ts
 * import { graphKey } from 'kartta';
 * graphKey('lifecare-oulu'); // 'lifecare-oulu'
 * graphKey('constructor'); // 'id: constructor'
 * ```
 */
export function graphKey(id: string): string {
  return INHERITED.has(id) ? ESCAPE + id : id;
}

/**
 * The id a graph key stands for: the inverse of {@link graphKey}.
 *
 * @category Model
 * @example
 * ```ts
 * import { idOfGraphKey } from 'kartta';
 * idOfGraphKey('id: __proto__'); // '__proto__'
 * idOfGraphKey('oulu'); // 'oulu'
 * ```
 */
export function idOfGraphKey(key: string): string {
  return key.startsWith(ESCAPE) ? key.slice(ESCAPE.length) : key;
}
