/**
 * Validation of a change against the current index. A fresh load is the change "everything added" against an
 * empty index, so loading and editing share one set of rules and one set of codes.
 */
import { collections, documentHeaderSchema, elementSchemas } from '../schema/document.js';
import { cloneJson, deepFreeze } from '../schema/json.js';
import type { EntityKind, Integration, Issue, Organisation, Product, Relation, System } from '../types.js';
import type { AddedItem, Delta, DeltaItem } from '../graph/delta.js';
import { collectionKind, relationEnds, relationKey, type Collection } from '../graph/keys.js';
import type { IndexState } from '../graph/state.js';
import { graphKey } from '../graph/graph-key.js';
import { describeValue, mapZodIssues } from './zod-issues.js';
import { productKeys } from '../schema/products.js';
import { withArticle } from '../words.js';
import { capped } from '../errors.js';
import { checkPortfolio, hasPortfolio } from './portfolio.js';

type Path = (string | number)[];

const TOP_LEVEL = new Set<string>(['format', 'name', 'description', 'x', ...collections]);

interface Registered {
  readonly kind: EntityKind;
  readonly collection: Collection;
  readonly index: number;
  readonly entity: unknown;
}

export interface CheckResult {
  readonly issues: Issue[];
  /** The delta with each added element replaced by its parsed copy (when copying was asked for). */
  readonly delta: Delta;
}

function kindName(kind: EntityKind | 'relation'): string {
  return kind;
}

/** Collections whose input elements a consuming check may let go once copied: no later step reads them. */
const CONSUMABLE: ReadonlySet<Collection> = new Set<Collection>([
  'organisations',
  'services',
  'systems',
  'integrations',
  'relations',
]);

/**
 * Checks a delta. With `copy`, each added element is replaced by zod's parsed copy (with `x` deep-copied), so
 * the model never shares objects with the caller's input. With `consume` as well (only for a document nobody else
 * holds, such as one an importer has just built), each input element of the large collections is dropped from
 * `doc` and from `delta` as soon as its copy exists, so the input and the copy are never both whole in memory.
 */
export function checkDelta(
  doc: Record<string, unknown>,
  delta: Delta,
  state: IndexState,
  copy: boolean,
  consume = false,
): CheckResult {
  const issues: Issue[] = [];
  if (delta.header) checkHeader(doc, issues);
  for (const collection of delta.broken) {
    issues.push({
      code: 'type.invalid',
      path: [collection],
      message: `expected an array, got ${describeValue(doc[collection])}`,
    });
  }

  // 1. Shape of every added element.
  const added: AddedItem[] = [];
  const valid = new Set<AddedItem>();
  for (let k = 0; k < delta.added.length; k++) {
    const item = delta.added[k] as AddedItem;
    const schema = elementSchemas[item.collection];
    const parsed = schema.safeParse(item.entity);
    const base: Path = [item.collection, item.index];
    if (!parsed.success) {
      issues.push(...mapZodIssues(parsed.error.issues, item.entity, base));
      added.push(item);
      continue;
    }
    let entity: unknown = item.entity;
    if (copy) {
      const data = parsed.data as { x?: unknown };
      if (data.x !== undefined) data.x = cloneJson(data.x);
      entity = deepFreeze(data);
    }
    const next = copy ? { ...item, entity } : item;
    if (copy && consume && CONSUMABLE.has(item.collection)) {
      (doc[item.collection] as unknown[])[item.index] = undefined;
      (delta.added as AddedItem[])[k] = next;
    }
    added.push(next);
    valid.add(next);
  }

  // 2. Ids: unique across all entities and products.
  const removedObjects = new Set<unknown>(delta.removed.map((item) => item.entity));
  const removedIds = new Set<string>();
  for (const item of delta.removed) {
    if (item.collection !== 'relations') removedIds.add((item.entity as { id: string }).id);
  }
  const registered = new Map<string, Registered>();
  // Every kind a duplicated id was claimed by, so references to it do not pile up follow-on issues.
  const duplicateKinds = new Map<string, Set<EntityKind>>();
  const noteDuplicate = (id: string, ...kinds: EntityKind[]) => {
    let set = duplicateKinds.get(id);
    if (!set) duplicateKinds.set(id, (set = new Set()));
    for (const kind of kinds) set.add(kind);
  };
  const existingKind = (id: string): EntityKind | undefined => {
    const { graph } = state;
    const key = graphKey(id);
    if (graph.hasNode(key)) return graph.getNodeAttribute(key, 'kind');
    if (graph.hasEdge(key)) return 'integration';
    if (state.products.has(id)) return 'product';
    return undefined;
  };
  const kindOf = (id: string): EntityKind | undefined => {
    const mine = registered.get(id);
    if (mine) return mine.kind;
    if (removedIds.has(id)) return undefined;
    return existingKind(id);
  };
  for (const item of added) {
    const kind = collectionKind[item.collection];
    if (kind === null) continue;
    const id = (item.entity as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') continue;
    const first = registered.get(id);
    if (first) {
      const path: Path = [item.collection, item.index, 'id'];
      issues.push({
        code: 'id.duplicate',
        path,
        message: `id '${id}' is already used by the ${kindName(first.kind)} at ${first.collection}.${first.index}`,
      });
      noteDuplicate(id, first.kind, kind);
      continue;
    }
    const existing = removedIds.has(id) ? undefined : existingKind(id);
    if (existing) {
      const path: Path = [item.collection, item.index, 'id'];
      issues.push({
        code: 'id.duplicate',
        path,
        message: `id '${id}' is already used by ${withArticle(kindName(existing))}`,
      });
      noteDuplicate(id, existing, kind);
      continue;
    }
    registered.set(id, { kind, collection: item.collection, index: item.index, entity: item.entity });
  }

  const isPlatform = (id: string): boolean => {
    const mine = registered.get(id);
    if (mine) return mine.kind === 'system' && (mine.entity as System).platform === true;
    if (removedIds.has(id)) return false;
    const { graph } = state;
    const key = graphKey(id);
    if (!graph.hasNode(key)) return false;
    const attributes = graph.getNodeAttributes(key);
    return attributes.kind === 'system' && attributes.entity.platform === true;
  };

  // Paths are built only when there is something to report: a load checks hundreds of thousands of references.
  const expectKind = (id: string, expected: EntityKind, base: Path, field: string, role: string): void => {
    const actual = kindOf(id);
    if (actual === expected || duplicateKinds.get(id)?.has(expected)) return;
    if (actual === undefined) {
      issues.push({ code: 'reference.missing', path: [...base, field], message: `${role} '${id}' does not exist` });
    } else {
      issues.push({
        code: 'reference.kind',
        path: [...base, field],
        message: `${role} '${id}' must be ${withArticle(expected)}, but it is ${withArticle(actual)}`,
      });
    }
  };

  const checkIntegration = (integration: Integration, base: Path): void => {
    expectKind(integration.source, 'system', base, 'source', 'source');
    expectKind(integration.target, 'system', base, 'target', 'target');
    if (integration.via !== undefined) {
      const viaKind = kindOf(integration.via);
      if (viaKind === undefined)
        issues.push({
          code: 'reference.missing',
          path: [...base, 'via'],
          message: `via '${integration.via}' does not exist`,
        });
      else if (viaKind !== 'system')
        issues.push({
          code: 'reference.kind',
          path: [...base, 'via'],
          message: `via '${integration.via}' must be a system, but it is ${withArticle(viaKind)}`,
        });
      else if (!isPlatform(integration.via)) {
        issues.push({
          code: 'via.not-platform',
          path: [...base, 'via'],
          message: `via '${integration.via}' is not a system with platform: true`,
        });
      }
    }
  };

  const checkRelationEnds = (relation: Relation, base: Path): void => {
    const [fromKind, toKind] = relationEnds[relation.type];
    expectKind(relation.from, fromKind, base, 'from', `${relation.type} from`);
    expectKind(relation.to, toKind, base, 'to', `${relation.type} to`);
  };

  // 3. References of added integrations and relations.
  const removedRelationKeys = new Set<string>();
  for (const item of delta.removed)
    if (item.collection === 'relations') removedRelationKeys.add(relationKey(item.entity as Relation));
  const addedRelationKeys = new Map<string, Path>();
  for (const item of added) {
    if (!valid.has(item)) continue;
    const base: Path = [item.collection, item.index];
    if (item.collection === 'integrations') checkIntegration(item.entity as Integration, base);
    if (item.collection !== 'relations') continue;
    const relation = item.entity as Relation;
    if (relation.from === relation.to) {
      issues.push({
        code: 'relation.self',
        path: [...base, 'to'],
        message: `a '${relation.type}' relation cannot join '${relation.from}' to itself`,
      });
    }
    checkRelationEnds(relation, base);
    const key = relationKey(relation);
    const first = addedRelationKeys.get(key);
    if (first) {
      issues.push({
        code: 'relation.duplicate',
        path: base,
        message: `the relation '${key}' already stands at ${first.join('.')}`,
      });
    } else if (state.graph.hasEdge(key) && !removedRelationKeys.has(key)) {
      issues.push({ code: 'relation.duplicate', path: base, message: `the relation '${key}' already exists` });
    } else {
      addedRelationKeys.set(key, base);
    }
  }

  // 4. What still points at a removed entity, or at one that changed kind or stopped being a platform.
  checkRemovedTargets(doc, delta.removed, removedObjects, registered, state, issues, {
    checkIntegration,
    checkRelationEnds,
  });

  // 5. The development portfolio, checked whole: it is small, and its references reach into every collection.
  if (hasPortfolio(doc)) {
    const organisation = (id: string): Organisation | undefined => {
      const mine = registered.get(id);
      if (mine) return mine.kind === 'organisation' ? (mine.entity as Organisation) : undefined;
      if (removedIds.has(id) || !state.graph.hasNode(graphKey(id))) return undefined;
      const attributes = state.graph.getNodeAttributes(graphKey(id));
      return attributes.kind === 'organisation' ? attributes.entity : undefined;
    };
    checkPortfolio(doc, { kindOf, organisation }, issues);
  }

  // 6. The product catalogue: names and aliases must not be claimed by two products.
  if (
    delta.header ||
    added.some((item) => item.collection === 'products') ||
    delta.removed.some((item) => item.collection === 'products')
  ) {
    checkCatalogue(doc, issues);
  }

  issues.sort(compareIssues);
  return { issues, delta: { ...delta, added } };
}

/** The problems of a document's top-level fields (format, name, description, x, unknown fields). */
export function headerIssues(doc: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  checkHeader(doc, issues);
  return issues;
}

function checkHeader(doc: Record<string, unknown>, issues: Issue[]): void {
  const header: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL.has(key)) {
      issues.push({
        code: 'field.unknown',
        path: [key],
        message: `unknown field '${capped(key)}' (put tool-specific data under 'x')`,
      });
    } else if (!(collections as readonly string[]).includes(key)) {
      header[key] = doc[key];
    }
  }
  const parsed = documentHeaderSchema.safeParse(header);
  if (!parsed.success) issues.push(...mapZodIssues(parsed.error.issues, header, []));
}

function checkRemovedTargets(
  doc: Record<string, unknown>,
  removed: readonly DeltaItem[],
  removedObjects: ReadonlySet<unknown>,
  registered: ReadonlyMap<string, Registered>,
  state: IndexState,
  issues: Issue[],
  checks: {
    checkIntegration: (integration: Integration, base: Path) => void;
    checkRelationEnds: (relation: Relation, base: Path) => void;
  },
): void {
  const { graph } = state;
  const recheckedEdges = new Set<string>();
  for (const item of removed) {
    if (item.collection !== 'organisations' && item.collection !== 'services' && item.collection !== 'systems')
      continue;
    const old = item.entity as { id: string; platform?: boolean };
    const replacement = registered.get(old.id);
    const sameKind = replacement?.kind === collectionKind[item.collection];
    const platformLost =
      item.collection === 'systems' &&
      old.platform === true &&
      !(sameKind && (replacement?.entity as System).platform === true);
    if (!sameKind && graph.hasNode(graphKey(old.id))) {
      graph.forEachEdge(graphKey(old.id), (key, attributes) => {
        if (recheckedEdges.has(key) || removedObjects.has(attributes.entity)) return;
        recheckedEdges.add(key);
        const collection: Collection = attributes.kind === 'integration' ? 'integrations' : 'relations';
        const base: Path = [collection, indexIn(doc, collection, attributes.entity)];
        if (attributes.kind === 'integration') checks.checkIntegration(attributes.entity, base);
        else checks.checkRelationEnds(attributes.entity, base);
      });
    }
    if (platformLost || !sameKind) {
      for (const integrationId of state.via.get(old.id) ?? []) {
        const key = graphKey(integrationId);
        if (recheckedEdges.has(key) || !graph.hasEdge(key)) continue;
        const integration = graph.getEdgeAttribute(key, 'entity') as Integration;
        if (removedObjects.has(integration)) continue;
        recheckedEdges.add(key);
        checks.checkIntegration(integration, ['integrations', indexIn(doc, 'integrations', integration)]);
      }
    }
  }
}

/** Position of an unchanged element in the new document; only needed when reporting, so a scan is fine. */
function indexIn(doc: Record<string, unknown>, collection: Collection, entity: unknown): number {
  const items = doc[collection];
  return Array.isArray(items) ? items.indexOf(entity) : -1;
}

function checkCatalogue(doc: Record<string, unknown>, issues: Issue[]): void {
  const products = doc.products;
  if (!Array.isArray(products)) return;
  const owners = new Map<string, string>();
  products.forEach((product: Product, index) => {
    if (
      product === null ||
      typeof product !== 'object' ||
      typeof product.id !== 'string' ||
      typeof product.name !== 'string'
    )
      return;
    for (const key of productKeys(product)) {
      const owner = owners.get(key);
      if (owner !== undefined && owner !== product.id) {
        issues.push({
          code: 'product.ambiguous',
          path: ['products', index],
          message: `product '${product.id}' claims the name or alias "${key}", which already belongs to product '${owner}'`,
        });
      } else {
        owners.set(key, product.id);
      }
    }
  });
}

const ORDER = new Map<string, number>(['format', 'name', 'description', ...collections, 'x'].map((key, i) => [key, i]));

function compareIssues(a: Issue, b: Issue): number {
  const ra = ORDER.get(String(a.path[0])) ?? ORDER.size;
  const rb = ORDER.get(String(b.path[0])) ?? ORDER.size;
  if (ra !== rb) return ra - rb;
  const ia = typeof a.path[1] === 'number' ? a.path[1] : -1;
  const ib = typeof b.path[1] === 'number' ? b.path[1] : -1;
  return ia - ib;
}
