/**
 * The working copy a scenario is applied to: the base's canonical document as maps by id (relations by key),
 * changed entity by entity (never in place), remembering which change last touched each entity so that a rule
 * the result breaks can be traced to the change that broke it.
 */
import type { Model } from '../model/model.js';
import { compareRelations } from '../model/canonical.js';
import { relationKey } from '../graph/keys.js';
import type { KarttaDocument, Relation } from '../types.js';
import { diffCollections, type DiffCollectionName } from './defaults.js';
import { defineOwn } from './json-values.js';

export type Item = Record<string, unknown>;
export const entityCollections = ['products', 'organisations', 'services', 'systems', 'integrations'] as const;
export type EntityCollection = (typeof entityCollections)[number];

export class Working {
  readonly #items = new Map<DiffCollectionName, Map<string, Item>>();
  header: Item;
  /** `collection`, NUL, id to the index of the last change that touched it. */
  readonly touched = new Map<string, number>();

  constructor(model: Model) {
    const doc = model.toJSON() as unknown as Record<string, unknown>;
    for (const collection of diffCollections) {
      const map = new Map<string, Item>();
      for (const item of doc[collection] as Item[]) map.set(keyOf(collection, item), item);
      this.#items.set(collection, map);
    }
    const header: Item = { format: doc.format, name: doc.name };
    if (doc.description !== undefined) header.description = doc.description;
    if (doc.x !== undefined) header.x = doc.x;
    this.header = header;
  }

  map(collection: DiffCollectionName): ReadonlyMap<string, Item> {
    return this.#items.get(collection) as Map<string, Item>;
  }

  get(collection: DiffCollectionName, id: string): Item | undefined {
    return this.map(collection).get(id);
  }

  /** The entity collection holding `id`, if any. */
  kindOf(id: string): EntityCollection | undefined {
    for (const collection of entityCollections) if (this.map(collection).has(id)) return collection;
    return undefined;
  }

  set(collection: DiffCollectionName, id: string, item: Item, change: number): void {
    (this.#items.get(collection) as Map<string, Item>).set(id, item);
    this.touched.set(`${collection}\u0000${id}`, change);
  }

  delete(collection: DiffCollectionName, id: string, change: number): void {
    (this.#items.get(collection) as Map<string, Item>).delete(id);
    this.touched.set(`${collection}\u0000${id}`, change);
  }

  /** Relations as a list (a snapshot: the working copy may change while the caller walks it). */
  relations(): Relation[] {
    return [...this.map('relations').values()] as unknown as Relation[];
  }

  addRelation(relation: Item, change: number): void {
    this.set('relations', relationKey(relation as unknown as Relation), relation, change);
  }

  toDocument(): KarttaDocument {
    const doc: Item = {};
    for (const [key, value] of Object.entries(this.header)) defineOwn(doc, key, value);
    for (const collection of diffCollections) {
      const items = [...this.map(collection).values()];
      if (collection === 'relations')
        items.sort((a, b) => compareRelations(a as unknown as Relation, b as unknown as Relation));
      else
        items.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0));
      doc[collection] = items;
    }
    return doc as unknown as KarttaDocument;
  }
}

export function keyOf(collection: DiffCollectionName, item: Item): string {
  return collection === 'relations' ? relationKey(item as unknown as Relation) : (item.id as string);
}
