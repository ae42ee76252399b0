/**
 * Differences between two models, computed from their documents: every product, organisation, service, system,
 * integration and relation added, removed or changed, with the changed fields. One pass over each collection with
 * a map by id (relations by type, from and to), so the cost grows with the size of the models.
 */
import type { Model } from '../model/model.js';
import { relationKey } from '../graph/keys.js';
import { QueryError } from '../errors.js';
import type { Relation } from '../types.js';
import { diffCollections, effective, type DiffCollectionName } from './defaults.js';
import { hasOwn, isPlainObject, jsonEqual } from './json-values.js';
import { nameIn, relationText } from './names.js';

/**
 * A collection of the document: `products`, `organisations`, `services`, `systems`, `integrations` or
 * `relations`.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { DiffCollection } from 'kartta';
 * const collection: DiffCollection = 'systems';
 * ```
 */
export type DiffCollection = 'products' | 'organisations' | 'services' | 'systems' | 'integrations' | 'relations';

/**
 * One changed field: its path inside the entity (or the document, for header fields) and the values before and
 * after. An absent value (the field is not there, or holds its default) is left out.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { FieldChange } from 'kartta';
 * const change: FieldChange = { path: ['contract', 'ends'], before: '2020-12-31', after: '2021-12-31' };
 * ```
 */
export interface FieldChange {
  /** Property names from the entity down to the changed value, e.g. `['contract', 'ends']`. */
  readonly path: readonly string[];
  /** The value before; absent when the field was absent. */
  readonly before?: unknown;
  /** The value after; absent when the field is gone. */
  readonly after?: unknown;
}

/**
 * One added, removed or changed entity or relation.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { DiffEntry } from 'kartta';
 * const entry: DiffEntry = {
 *   change: 'changed', collection: 'systems', id: 'lifecare-oulu', name: 'Lifecare (Oulu)',
 *   fields: [{ path: ['lifecycle'], before: 'production', after: 'retired' }],
 * };
 * ```
 */
export interface DiffEntry {
  /** `added` (only in the second model), `removed` (only in the first) or `changed` (in both, different). */
  readonly change: 'added' | 'removed' | 'changed';
  /** The collection of the document it is in. */
  readonly collection: DiffCollection;
  /** The entity's id; for a relation its key `type: from -> to` (see `relationKey`). */
  readonly id: string;
  /** A readable name: the entity's name (Finnish first), an integration's ends, a relation in words. */
  readonly name: string;
  /** For a relation: its type and ends. */
  readonly relation?: Pick<Relation, 'type' | 'from' | 'to'> | undefined;
  /** The whole entity as it was, for `removed`. */
  readonly before?: unknown;
  /** The whole entity as it is, for `added`. */
  readonly after?: unknown;
  /** For `changed`: the fields that differ, in the order of the format. Empty otherwise. */
  readonly fields: readonly FieldChange[];
}

/**
 * How many entries of each kind of change.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { DiffCounts } from 'kartta';
 * const counts: DiffCounts = { added: 1, removed: 0, changed: 2 };
 * ```
 */
export interface DiffCounts {
  /** Entities, products and relations only in the second model. */
  readonly added: number;
  /** Those only in the first model. */
  readonly removed: number;
  /** Those in both, with different fields. */
  readonly changed: number;
}

/**
 * The differences between two models (see {@link diffModels}).
 *
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, diffModels, type ModelDiff } from 'kartta';
 * const a = Model.load({ format: 'kartta/1', name: 'A' });
 * const diff: ModelDiff = diffModels(a, a);
 * console.log(diff.equal); // true
 * ```
 */
export interface ModelDiff {
  /** True when nothing differs. */
  readonly equal: boolean;
  /** Changed fields of the document itself: `name`, `description`, `x`. */
  readonly header: readonly FieldChange[];
  /** Every added, removed and changed entity and relation: by collection (in the order of the format), then
   * change (added, removed, changed), then id. */
  readonly entries: readonly DiffEntry[];
  /** Counts over all entries. */
  readonly counts: DiffCounts;
}

const FIELD_ORDER: Record<DiffCollectionName | 'header', readonly string[]> = {
  header: ['format', 'name', 'description', 'x'],
  products: ['id', 'name', 'vendor', 'aliases', 'description', 'x'],
  organisations: ['id', 'kind', 'name', 'businessId', 'municipalityCode', 'description', 'x'],
  services: ['id', 'name', 'domain', 'code', 'description', 'x'],
  systems: [
    'id',
    'name',
    'class',
    'product',
    'version',
    'lifecycle',
    'criticality',
    'users',
    'platform',
    'hosting',
    'contract',
    'description',
    'x',
  ],
  integrations: [
    'id',
    'source',
    'target',
    'direction',
    'data',
    'protocol',
    'mode',
    'via',
    'criticality',
    'description',
    'x',
  ],
  relations: ['type', 'from', 'to', 'users', 'description', 'x'],
};

const CHANGE_RANK = { added: 0, removed: 1, changed: 2 } as const;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The keys of two objects: the known ones in the order of the format, then any others sorted. */
function unionKeys(order: readonly string[], a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const known = new Set(order);
  const extra = new Set<string>();
  for (const key of Object.keys(a)) if (!known.has(key)) extra.add(key);
  for (const key of Object.keys(b)) if (!known.has(key)) extra.add(key);
  return [...order, ...[...extra].sort(compareStrings)];
}

function own(object: Record<string, unknown>, key: string): unknown {
  return hasOwn(object, key) ? object[key] : undefined;
}

/** The changed fields between two versions of an entity; nested plain objects are followed to the leaves. */
export function fieldChanges(
  collection: DiffCollectionName | 'header',
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of unionKeys(FIELD_ORDER[collection], before, after)) {
    const a = effective(collection, key, own(before, key));
    const b = effective(collection, key, own(after, key));
    if (a === b || jsonEqual(a, b)) continue;
    if (isPlainObject(a) && isPlainObject(b)) nestedChanges([key], a, b, out);
    else out.push(change([key], a ?? defaultOf(collection, key), b ?? defaultOf(collection, key)));
  }
  return out;
}

/** The value an absent field stands for, where the format defines one. */
function defaultOf(collection: DiffCollectionName | 'header', key: string): unknown {
  if (collection === 'integrations' && key === 'direction') return 'oneWay';
  if (collection === 'systems' && key === 'platform') return false;
  return undefined;
}

function nestedChanges(
  path: string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  out: FieldChange[],
): void {
  const order = path.length === 1 && path[0] === 'contract' ? ['ends', 'noticeMonths', 'annualCost'] : [];
  for (const key of unionKeys(order, before, after)) {
    const a = own(before, key);
    const b = own(after, key);
    if (jsonEqual(a, b)) continue;
    if (isPlainObject(a) && isPlainObject(b)) nestedChanges([...path, key], a, b, out);
    else out.push(change([...path, key], a, b));
  }
}

function change(path: string[], before: unknown, after: unknown): FieldChange {
  const out: { path: string[]; before?: unknown; after?: unknown } = { path };
  if (before !== undefined) out.before = before;
  if (after !== undefined) out.after = after;
  return out;
}

function keyed(model: Model, collection: DiffCollectionName): Map<string, Record<string, unknown>> {
  const items = model.document[collection] as readonly unknown[];
  const map = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    const key = collection === 'relations' ? relationKey(item as Relation) : (item as { id: string }).id;
    map.set(key, item as Record<string, unknown>);
  }
  return map;
}

/**
 * Every difference between two models: the entities and relations only in `before` (removed), only in `after`
 * (added), and in both with different fields (changed, with each field's value before and after). Computed from
 * the two documents, not from edit patches, so any two models compare: two versions of one file, a model and
 * its ArchiMate round trip, a base and a scenario's target.
 *
 * Order and defaults make no difference: entities are matched by id and relations by type, from and to; object
 * keys are compared without regard to order; a field holding its default (`direction: 'oneWay'`,
 * `platform: false`, an empty `aliases`, `contract` or `x`) counts as absent. Entries are sorted by collection
 * (in the order of the format), then change (added, removed, changed), then id. Names sit next to ids.
 *
 * Render it with {@link formatDiff}.
 *
 * @throws {@link QueryError} `option.invalid` when either argument is not a model.
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, diffModels } from 'kartta';
 * const before = Model.load({
 *   format: 'kartta/1', name: 'X',
 *   systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }],
 * });
 * const { model: after } = before.edit((doc) => { doc.systems[0]!.lifecycle = 'retired'; });
 * const diff = diffModels(before, after);
 * console.log(diff.entries[0]?.fields); // [{ path: ['lifecycle'], before: 'production', after: 'retired' }]
 * ```
 */
export function diffModels(before: Model, after: Model): ModelDiff {
  for (const [label, value] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (
      value === null ||
      typeof value !== 'object' ||
      typeof value.toJSON !== 'function' ||
      value.document === undefined
    ) {
      throw new QueryError(
        'option.invalid',
        `diffModels: '${label}' must be a Model (load one with Model.load), got ${value === null ? 'null' : typeof value}`,
        label,
      );
    }
  }
  const models = [after, before];
  const header = fieldChanges('header', headerOf(before), headerOf(after));
  const entries: DiffEntry[] = [];
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const collection of diffCollections) {
    const found: DiffEntry[] = [];
    const old = keyed(before, collection);
    const now = keyed(after, collection);
    const nameOf = (key: string, entity: Record<string, unknown>): string =>
      collection === 'relations' ? relationText(models, entity as unknown as Relation) : nameIn(models, key);
    const relationOf = (entity: Record<string, unknown>): DiffEntry['relation'] => {
      if (collection !== 'relations') return undefined;
      const relation = entity as unknown as Relation;
      return { type: relation.type, from: relation.from, to: relation.to };
    };
    for (const [key, entity] of old) {
      const next = now.get(key);
      if (next === undefined) {
        found.push(
          entry({
            change: 'removed',
            collection,
            id: key,
            name: nameOf(key, entity),
            relation: relationOf(entity),
            before: entity,
            fields: [],
          }),
        );
        removed++;
        continue;
      }
      if (next === entity) continue;
      const fields = fieldChanges(collection, entity, next);
      if (fields.length === 0) continue;
      found.push(
        entry({ change: 'changed', collection, id: key, name: nameOf(key, next), relation: relationOf(next), fields }),
      );
      changed++;
    }
    for (const [key, entity] of now) {
      if (old.has(key)) continue;
      found.push(
        entry({
          change: 'added',
          collection,
          id: key,
          name: nameOf(key, entity),
          relation: relationOf(entity),
          after: entity,
          fields: [],
        }),
      );
      added++;
    }
    found.sort((a, b) => CHANGE_RANK[a.change] - CHANGE_RANK[b.change] || compareStrings(a.id, b.id));
    for (const item of found) entries.push(item);
  }
  return { equal: header.length === 0 && entries.length === 0, header, entries, counts: { added, removed, changed } };
}

function headerOf(model: Model): Record<string, unknown> {
  const doc = model.document;
  return { name: doc.name, description: doc.description, x: doc.x };
}

function entry(value: DiffEntry): DiffEntry {
  const out: Record<string, unknown> = {
    change: value.change,
    collection: value.collection,
    id: value.id,
    name: value.name,
  };
  if (value.relation !== undefined) out.relation = value.relation;
  if (value.before !== undefined) out.before = value.before;
  if (value.after !== undefined) out.after = value.after;
  out.fields = value.fields;
  return out as unknown as DiffEntry;
}
