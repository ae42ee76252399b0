/** Graph keys and the per-relation rules shared by the validator, the graph and the queries. */
import type { EntityKind, Relation, RelationType } from '../types.js';

/**
 * The graph edge key of a relation in {@link Model.graph}. Ids never contain white space, so these keys can
 * collide neither with each other nor with integration ids (which are edge keys too).
 *
 * @example
 * ```ts
 * import { relationKey } from 'kartta';
 * relationKey({ type: 'owns', from: 'oulu', to: 'lifecare-oulu' }); // 'owns: oulu -> lifecare-oulu'
 * ```
 *
 * @category Model
 */
export function relationKey(relation: Pick<Relation, 'type' | 'from' | 'to'>): string {
  return `${relation.type}: ${relation.from} -> ${relation.to}`;
}

/** The kinds of entity each relation type joins. */
export const relationEnds: Record<RelationType, readonly [EntityKind, EntityKind]> = {
  memberOf: ['organisation', 'organisation'],
  provides: ['organisation', 'service'],
  owns: ['organisation', 'system'],
  uses: ['organisation', 'system'],
  supports: ['system', 'service'],
  dependsOn: ['system', 'system'],
  replaces: ['system', 'system'],
};

/** The entity kind held by each collection of the document. */
export const collectionKind = {
  products: 'product',
  organisations: 'organisation',
  services: 'service',
  systems: 'system',
  integrations: 'integration',
  relations: null,
  // The portfolio is not in the graph: it is checked as a whole (validate/portfolio.ts) and read from the document.
  themes: null,
  funders: null,
  offerings: null,
  projects: null,
} as const satisfies Record<string, EntityKind | null>;

export type Collection = keyof typeof collectionKind;
