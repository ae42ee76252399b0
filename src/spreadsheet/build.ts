/**
 * From row records to a `kartta/1` document: identities and stable ids, references by id or by name, the same
 * entity given in several places merged (identical) or reported (different), relations from the columns that
 * stand for them, and the product catalogue from the clustering. Rows with problems are left out of everything.
 */
import type { Issue, KarttaDocument, Name, Relation } from '../types.js';
import type { RelationType } from '../types.js';
import { type IdCollision, type IdRequest, assignIds, slug } from './ids.js';
import type { ParsedMapping } from './mapping.js';
import type { CellLocation, InventoryNote, InventoryProblem } from './problems.js';
import {
  type DeclaredProduct,
  type ProductCluster,
  type SeenSpelling,
  catalogueEntry,
  clusterProducts,
} from './products.js';
import { buildPortfolio } from './build-portfolio.js';
import type { Collection, Doc, Entity } from './build-entity.js';
import { nameOf, namesOf } from './row-names.js';
import type { RowRecord } from './sheets.js';
import { readValue } from './values.js';
import { cap, fold, suggest } from './words.js';

/** What one build produced. */
export interface Built {
  readonly document: KarttaDocument;
  readonly problems: InventoryProblem[];
  readonly notes: InventoryNote[];
  readonly products: ProductCluster[];
  readonly collisions: IdCollision[];
  /**
   * For each document path `[collection, index]` (and, in the portfolio, deeper ones such as
   * `[projects, 2, funding, 1]`), joined with NUL, the record that gave it.
   */
  readonly provenance: Map<string, RowRecord>;
  /** For a path whose element came from several rows (a project's funding), all of them. */
  readonly groups: Map<string, readonly RowRecord[]>;
}

/** Options of a build. */
export interface BuildOptions {
  readonly partial: boolean;
  readonly name: string | undefined;
  readonly clustering: boolean | undefined;
}

const RELATION_COLUMNS: readonly {
  kind: RowRecord['kind'];
  field: string;
  type: RelationType;
  target: Collection;
  reverse: boolean;
}[] = [
  { kind: 'organisations', field: 'memberOf', type: 'memberOf', target: 'organisations', reverse: false },
  { kind: 'organisations', field: 'provides', type: 'provides', target: 'services', reverse: false },
  { kind: 'systems', field: 'owner', type: 'owns', target: 'organisations', reverse: true },
  { kind: 'systems', field: 'usedBy', type: 'uses', target: 'organisations', reverse: true },
  { kind: 'systems', field: 'services', type: 'supports', target: 'services', reverse: false },
  { kind: 'systems', field: 'dependsOn', type: 'dependsOn', target: 'systems', reverse: false },
];

const RELATION_ENDS = new Map<RelationType, [Collection, Collection]>([
  ['memberOf', ['organisations', 'organisations']],
  ['provides', ['organisations', 'services']],
  ['owns', ['organisations', 'systems']],
  ['uses', ['organisations', 'systems']],
  ['supports', ['systems', 'services']],
  ['dependsOn', ['systems', 'systems']],
  ['replaces', ['systems', 'systems']],
]);

const SINGULAR = new Map<Collection, string>([
  ['organisations', 'organisation'],
  ['services', 'service'],
  ['products', 'product'],
  ['systems', 'system'],
  ['integrations', 'integration'],
  ['themes', 'theme'],
  ['funders', 'funder'],
  ['offerings', 'offering'],
  ['projects', 'project'],
]);

/** Canonical JSON (sorted keys) to compare two entities given in different places. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Doc)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const KIND_WORDS: readonly [RegExp, string][] = [
  [/hyvinvointialue|valfardsomrade|wellbeing/, 'region'],
  [/sairaanhoitopiiri|sjukvardsdistrikt|hospital district|\bshp\b/, 'hospitalDistrict'],
  [/kuntayhtyma|samkommun/, 'jointAuthority'],
  [/maakuntaliitto|landskapsforbund/, 'regionalCouncil'],
  [/\boy\b|\boyj\b|\bab\b|\bltd\b/, 'company'],
  [/kaupunki|kunta|\bstad\b|kommun|municipality|\bcity\b/, 'municipality'],
];

function guessKind(name: string): string {
  const folded = fold(name);
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(folded)) return kind;
  return 'other';
}

/** Builds the document from the records that have no problems. */
export function build(records: readonly RowRecord[], mapping: ParsedMapping, options: BuildOptions): Built {
  const problems: InventoryProblem[] = [];
  const notes: InventoryNote[] = [];
  const provenance = new Map<string, RowRecord>();
  const good = records.filter((record) => !record.bad);
  const skippedNames = new Map<Collection, Map<string, RowRecord>>();
  for (const record of records) {
    if (!record.bad) continue;
    const collection = SINGULAR.has(record.kind as Collection) ? (record.kind as Collection) : undefined;
    if (collection === undefined) continue;
    const map = skippedNames.get(collection) ?? new Map<string, RowRecord>();
    for (const name of [record.values.get('id'), record.values.get('name'), record.values.get('source')])
      if (typeof name === 'string') map.set(fold(name), record);
    skippedNames.set(collection, map);
  }

  const fail = (record: RowRecord, problem: InventoryProblem): void => {
    record.bad = true;
    problems.push(problem);
  };
  /** A row that depends on a row with problems: skipped too, said as a problem only when importing partially. */
  const dependent = (record: RowRecord, location: CellLocation, typed: string, other: RowRecord): void => {
    record.bad = true;
    if (options.partial) {
      problems.push({
        ...location,
        code: 'spreadsheet.reference-skipped',
        message: `${location.cell ?? location.sheet} (${location.file}): "${cap(typed)}" is the row at ${other.location.cell} (${other.location.file}), which has problems of its own, so this row is skipped too`,
        value: cap(typed),
      });
    }
  };

  // The model's header.
  let modelName: Name | undefined = options.name;
  let description: string | undefined;
  let extension: Doc | undefined;
  let clustering = options.clustering;
  for (const record of good.filter((r) => r.kind === 'model')) {
    modelName ??= nameOf(record);
    description ??= record.values.get('description') as string | undefined;
    extension ??= record.values.get('x') as Doc | undefined;
    if (clustering === undefined && record.values.has('clustering'))
      clustering = record.values.get('clustering') as boolean;
  }
  clustering ??= true;

  // Entities, grouped by identity; the same identity twice is merged when identical, a conflict otherwise.
  const entities = new Map<Collection, Map<string, Entity>>();
  for (const collection of SINGULAR.keys()) entities.set(collection, new Map());
  // Entities by folded name and id, so that a reference by name is a look-up, not a scan of the collection (a scan
  // a reference made 300,000 integrations by name quadratic). Built on first use, kept up to date as entities come.
  const nameIndexes = new Map<Collection, Map<string, Entity[]>>();
  const indexEntity = (index: Map<string, Entity[]>, entity: Entity): void => {
    for (const key of new Set([fold(entity.id), ...entity.names.map(fold)])) {
      const list = index.get(key);
      if (list === undefined) index.set(key, [entity]);
      else list.push(entity);
    }
  };
  /** The entities of a collection one of whose names or whose id folds to `folded` (callers check which). */
  const named = (collection: Collection, folded: string): readonly Entity[] => {
    let index = nameIndexes.get(collection);
    if (index === undefined) {
      index = new Map();
      for (const entity of (entities.get(collection) as Map<string, Entity>).values()) indexEntity(index, entity);
      nameIndexes.set(collection, index);
    }
    return index.get(folded) ?? [];
  };
  const remember = (collection: Collection, key: string, entity: Entity): void => {
    (entities.get(collection) as Map<string, Entity>).set(key, entity);
    const index = nameIndexes.get(collection);
    if (index !== undefined) indexEntity(index, entity);
  };
  const add = (
    collection: Collection,
    identity: string,
    record: RowRecord,
    doc: Doc,
    names: string[],
  ): Entity | undefined => {
    const map = entities.get(collection) as Map<string, Entity>;
    const existing = map.get(identity);
    if (existing === undefined) {
      const entity: Entity = {
        collection,
        id: typeof doc['id'] === 'string' ? doc['id'] : identity,
        doc,
        records: [record],
        names,
      };
      remember(collection, identity, entity);
      return entity;
    }
    const first = existing.records[0] as RowRecord;
    if (canonical(existing.doc) === canonical(doc)) {
      existing.records.push(record);
      return existing;
    }
    const differing = [...new Set([...Object.keys(existing.doc), ...Object.keys(doc)])]
      .filter((key) => canonical(existing.doc[key]) !== canonical(doc[key]))
      .sort();
    const message = `${record.location.cell} (${record.location.file}) and ${first.location.cell} (${first.location.file}) give the same ${SINGULAR.get(collection)} "${cap(names[0] ?? identity)}" with different ${differing.join(', ')}; make them agree, or give one a different name or id`;
    fail(record, { ...record.location, code: 'spreadsheet.conflict', message, other: first.location });
    if (!first.bad) {
      first.bad = true;
      problems.push({ ...first.location, code: 'spreadsheet.conflict', message, other: record.location });
    }
    return undefined;
  };

  const explicitIds = new Set<string>();
  for (const record of good) {
    const id = record.values.get('id');
    if (typeof id === 'string') explicitIds.add(id);
  }

  // Organisations and services given as rows.
  for (const record of good.filter((r) => r.kind === 'organisations')) {
    const name = nameOf(record);
    const id = (record.values.get('id') as string | undefined) ?? slug(namesOf(name)[0] ?? '');
    const doc: Doc = { id, kind: record.values.get('kind'), name };
    for (const key of ['businessId', 'municipalityCode', 'description', 'x'])
      if (record.values.has(key)) doc[key] = record.values.get(key);
    add('organisations', id, record, doc, namesOf(name));
  }
  for (const record of good.filter((r) => r.kind === 'services')) {
    const name = nameOf(record);
    const id = (record.values.get('id') as string | undefined) ?? slug(namesOf(name)[0] ?? '');
    const doc: Doc = { id, name, domain: record.values.get('domain') ?? 'unspecified' };
    for (const key of ['code', 'description', 'x']) if (record.values.has(key)) doc[key] = record.values.get(key);
    add('services', id, record, doc, namesOf(name));
  }
  const declaredOrganisations =
    (entities.get('organisations') as Map<string, Entity>).size > 0 || records.some((r) => r.kind === 'organisations');
  const declaredServices =
    (entities.get('services') as Map<string, Entity>).size > 0 || records.some((r) => r.kind === 'services');

  const declaredThemes = records.some((r) => r.kind === 'themes');
  /** Ids generated by later steps (products, the portfolio), so that an entity created from a name avoids them. */
  let laterIds = new Set<string>();

  /**
   * Finds an entity by id or name in one collection, or in several (a funder is an external funder or an
   * organisation); creates organisations, services and themes from names when the inventory declares none.
   */
  const resolve = (
    wanted: Collection | readonly Collection[],
    typed: string,
    record: RowRecord,
    field: string,
    preferOwner?: string,
  ): string | undefined => {
    // The common case first, without allocating: a reference by id to one collection.
    if (typeof wanted === 'string') {
      const byId = (entities.get(wanted) as Map<string, Entity>).get(typed);
      if (byId !== undefined) return byId.id;
    }
    const collections: readonly Collection[] = typeof wanted === 'string' ? [wanted] : wanted;
    for (const collection of collections) {
      const byId = (entities.get(collection) as Map<string, Entity>).get(typed);
      if (byId !== undefined) return byId.id;
    }
    const single = collections.length === 1 ? (collections[0] as Collection) : undefined;
    // Built only when the reference goes wrong: most references resolve, and a location per cell is what made a
    // 100,000-system inventory run out of memory.
    const location = record.cell(field) ?? record.location;
    const folded = fold(typed);
    let candidates = collections.flatMap((collection) =>
      named(collection, folded).filter(
        (entity) => entity.names.some((name) => fold(name) === folded) || fold(entity.id) === folded,
      ),
    );
    const qualified = /^(.*)\(([^()]+)\)\s*$/.exec(typed);
    if (candidates.length === 0 && qualified && single === 'systems') {
      const owner = fold(qualified[2] as string);
      const ownerIds = new Set(
        named('organisations', owner)
          .filter((o) => o.names.some((n) => fold(n) === owner) || fold(o.id) === owner)
          .map((o) => o.id),
      );
      const systemName = fold(qualified[1] as string);
      candidates = named('systems', systemName).filter(
        (entity) =>
          entity.names.some((name) => fold(name) === systemName) &&
          entity.owner !== undefined &&
          ownerIds.has(entity.owner),
      );
    }
    if (candidates.length > 1 && preferOwner !== undefined) {
      const same = candidates.filter((entity) => entity.owner === preferOwner);
      if (same.length === 1) candidates = same;
    }
    if (candidates.length > 1) {
      const same = candidates.filter((entity) => entity.records.some((r) => r.place.file === record.place.file));
      if (same.length === 1) candidates = same;
    }
    if (candidates.length === 1) return (candidates[0] as Entity).id;
    if (candidates.length > 1) {
      const ids = candidates.map((c) => c.id).sort();
      fail(record, {
        ...location,
        code: 'spreadsheet.reference-ambiguous',
        message: `${location.cell} (${location.file}): "${cap(typed)}" names ${candidates.length} ${collections.join(' or ')}: ${ids.join(', ')}; write the id${single === 'systems' ? `, or the name with its organisation as "${cap(typed, 40)} (Organisation)"` : ''}`,
        value: cap(typed),
        expected: `one of the ids ${ids.join(', ')}`,
        suggestion: ids[0],
      });
      return undefined;
    }
    if (
      (single === 'organisations' && !declaredOrganisations) ||
      (single === 'services' && !declaredServices) ||
      (single === 'themes' && !declaredThemes)
    ) {
      const map = entities.get(single) as Map<string, Entity>;
      // Organisations are all created (from owner and user cells) before any service, so a service whose slug an
      // organisation or an explicit id already has gets a suffix, whatever the order of the rows.
      let id = slug(typed);
      const clash = (candidate: string): boolean =>
        explicitIds.has(candidate) ||
        laterIds.has(candidate) ||
        (single !== 'organisations' && (entities.get('organisations') as Map<string, Entity>).has(candidate)) ||
        (single === 'themes' && (entities.get('services') as Map<string, Entity>).has(candidate));
      if (clash(id)) id = `${id}-${SINGULAR.get(single) as string}`;
      if (!map.has(id)) {
        const doc: Doc =
          single === 'organisations'
            ? { id, kind: guessKind(typed), name: typed }
            : single === 'services'
              ? { id, name: typed, domain: 'unspecified' }
              : { id, name: typed };
        remember(single, id, { collection: single, id, doc, records: [record], names: [typed] });
        laterIds.add(id);
        notes.push({
          ...location,
          code: `spreadsheet.${SINGULAR.get(single)}-created`,
          message:
            single === 'organisations'
              ? `Organisation "${cap(typed)}" (id ${id}, kind ${doc['kind'] as string}) was created from ${location.cell} (${location.file}): the inventory has no Organisations sheet`
              : single === 'services'
                ? `Service "${cap(typed)}" (id ${id}, domain unspecified) was created from ${location.cell} (${location.file}): the inventory has no Services sheet`
                : `Theme "${cap(typed)}" (id ${id}) was created from ${location.cell} (${location.file}): the inventory has no Themes sheet`,
        });
      }
      return id;
    }
    // A row that went bad earlier in this pass is not in the start-of-pass index: look through the rows again.
    let skipped: RowRecord | undefined;
    for (const collection of collections) {
      skipped ??=
        skippedNames.get(collection)?.get(folded) ??
        records.find(
          (r) =>
            r.bad &&
            r.kind === collection &&
            [r.values.get('id'), r.values.get('name')].some(
              (name) => typeof name === 'string' && fold(name) === folded,
            ),
        );
    }
    if (skipped !== undefined) {
      dependent(record, location, typed, skipped);
      return undefined;
    }
    const names = collections.flatMap((collection) =>
      [...(entities.get(collection) as Map<string, Entity>).values()].flatMap((entity) => [entity.id, ...entity.names]),
    );
    const guess = suggest(typed, names);
    const what = collections.map((collection) => SINGULAR.get(collection) as string).join(' or ');
    fail(record, {
      ...location,
      code: 'spreadsheet.reference-unknown',
      message: `${location.cell} (${location.file}): no ${what} "${cap(typed)}" in the inventory${guess === undefined ? '' : `; did you mean "${guess}"?`}`,
      value: cap(typed),
      expected: `the id or name of ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`,
      ...(guess === undefined ? {} : { suggestion: guess }),
    });
    return undefined;
  };

  // Systems: identity from the explicit id, or the owner and the name.
  const systemRequests: { record: RowRecord; request: IdRequest; doc: Doc; owners: string[]; names: string[] }[] = [];
  const seen: SeenSpelling[] = [];
  for (const record of good.filter((r) => r.kind === 'systems')) {
    const typedOwners =
      (record.values.get('owner') as string[] | undefined) ??
      (record.defaultOwner === undefined ? [] : [record.defaultOwner]);
    const owners: string[] = [];
    for (const owner of typedOwners) {
      const id = resolve('organisations', owner, record, record.values.has('owner') ? 'owner' : 'name');
      if (id !== undefined) owners.push(id);
    }
    if (record.bad) continue;
    const name = nameOf(record);
    const doc: Doc = { name, class: record.values.get('class'), lifecycle: record.values.get('lifecycle') };
    for (const key of ['product', 'version', 'criticality', 'users', 'platform', 'hosting', 'description', 'x'])
      if (record.values.has(key)) doc[key] = record.values.get(key);
    const contract: Doc = {};
    if (record.values.has('contractEnds')) contract['ends'] = record.values.get('contractEnds');
    if (record.values.has('noticeMonths')) contract['noticeMonths'] = record.values.get('noticeMonths');
    if (record.values.has('annualCost')) contract['annualCost'] = record.values.get('annualCost');
    if (Object.keys(contract).length > 0) doc['contract'] = contract;
    const explicit = record.values.get('id') as string | undefined;
    const base = explicit ?? slug(`${owners[0] ?? ''} ${namesOf(name)[0] ?? ''}`);
    systemRequests.push({
      record,
      request: { base, content: record.content, location: record.location.cell },
      doc,
      owners,
      names: namesOf(name),
    });
    if (typeof doc['product'] === 'string') {
      const vendor = record.values.get('vendor') as string | undefined;
      seen.push({
        spelling: doc['product'],
        ...(vendor === undefined ? {} : { vendor }),
        cell: record.cell('product')?.cell ?? record.location.cell,
      });
    }
  }
  const systemEntities: Entity[] = [];
  for (const { record, request, doc, owners, names } of systemRequests) {
    // Explicit and generated ids are different identities: a row may not merge with another by its generated id.
    const identity = `${record.values.has('id') ? 'id' : 'generated'}\u0000${request.base}`;
    const entity = add('systems', identity, record, { id: request.base, ...doc }, names);
    if (entity !== undefined && entity.records.length === 1) {
      if (owners[0] !== undefined) entity.owner = owners[0];
      systemEntities.push(entity);
    }
  }
  const liveSystems = systemEntities.filter((entity) => entity.records.every((r) => !r.bad));

  // Generated ids must not take an explicit id or an id of another collection.
  const taken = new Set(explicitIds);
  for (const collection of ['organisations', 'services'] as const)
    for (const entity of (entities.get(collection) as Map<string, Entity>).values()) taken.add(entity.id);
  const collisions: IdCollision[] = [];
  {
    const generated = liveSystems.filter((entity) => !(entity.records[0] as RowRecord).values.has('id'));
    const result = assignIds(
      generated.map((entity) => ({
        base: entity.id,
        content: (entity.records[0] as RowRecord).content,
        location: (entity.records[0] as RowRecord).location.cell,
      })),
      taken,
    );
    generated.forEach((entity, index) => {
      entity.id = result.ids[index] as string;
      entity.doc['id'] = entity.id;
    });
    for (const collision of result.collisions) collisions.push(collision);
    for (const entity of liveSystems) taken.add(entity.id);
  }
  const systemsById = new Map<string, Entity>();
  for (const entity of liveSystems) systemsById.set(entity.id, entity);
  (entities.get('systems') as Map<string, Entity>).clear();
  nameIndexes.delete('systems');
  for (const entity of liveSystems) (entities.get('systems') as Map<string, Entity>).set(entity.id, entity);

  // Relations from columns.
  const relations = new Map<string, { relation: Relation; record: RowRecord }>();
  const addRelation = (relation: Relation, record: RowRecord): void => {
    const key = `${relation.type}\u0000${relation.from}\u0000${relation.to}`;
    const existing = relations.get(key);
    if (existing === undefined) relations.set(key, { relation, record });
    else if (canonical(existing.relation) !== canonical(relation)) {
      const message = `${record.location.cell} (${record.location.file}) and ${existing.record.location.cell} (${existing.record.location.file}) give the ${relation.type} relation ${relation.from} → ${relation.to} with different details`;
      fail(record, { ...record.location, code: 'spreadsheet.conflict', message, other: existing.record.location });
    }
  };
  const ownersOfRecord = new Map<RowRecord, string[]>();
  for (const request of systemRequests)
    if (!ownersOfRecord.has(request.record)) ownersOfRecord.set(request.record, request.owners);
  for (const entity of liveSystems) {
    const record = entity.records[0] as RowRecord;
    const owners = ownersOfRecord.get(record) ?? [];
    for (const owner of owners) addRelation({ type: 'owns', from: owner, to: entity.id }, record);
  }
  const ownerOfRecord = new Map<RowRecord, string>();
  for (const entity of liveSystems)
    if (entity.owner !== undefined) for (const r of entity.records) ownerOfRecord.set(r, entity.owner);
  for (const spec of RELATION_COLUMNS) {
    if (spec.field === 'owner') continue;
    const sources =
      spec.kind === 'systems' ? liveSystems : [...(entities.get('organisations') as Map<string, Entity>).values()];
    for (const entity of sources) {
      for (const record of entity.records) {
        if (record.kind !== spec.kind) continue;
        for (const typed of (record.values.get(spec.field) as string[] | undefined) ?? []) {
          const other = resolve(spec.target, typed, record, spec.field, entity.owner);
          if (other === undefined) continue;
          addRelation(
            spec.reverse
              ? { type: spec.type, from: other, to: entity.id }
              : { type: spec.type, from: entity.id, to: other },
            record,
          );
        }
      }
    }
  }

  // Integrations.
  const integrationRequests: { record: RowRecord; doc: Doc; request: IdRequest }[] = [];
  // The organisation of a sheet, looked up once a sheet's owner rather than once a row.
  const sheetOwners = new Map<string, string | undefined>();
  for (const record of good.filter((r) => r.kind === 'integrations')) {
    const preferOwner = record.defaultOwner === undefined ? undefined : fold(record.defaultOwner);
    let ownerId: string | undefined;
    if (preferOwner !== undefined) {
      if (!sheetOwners.has(preferOwner))
        sheetOwners.set(
          preferOwner,
          [...(entities.get('organisations') as Map<string, Entity>).values()].find((o) =>
            o.names.some((n) => fold(n) === preferOwner),
          )?.id,
        );
      ownerId = sheetOwners.get(preferOwner);
    }
    const source = resolve('systems', record.values.get('source') as string, record, 'source', ownerId);
    const target = resolve('systems', record.values.get('target') as string, record, 'target', ownerId);
    const via = record.values.has('via')
      ? resolve('systems', record.values.get('via') as string, record, 'via', ownerId)
      : undefined;
    if (record.bad || source === undefined || target === undefined) continue;
    const doc: Doc = { source, target };
    for (const key of ['direction', 'data', 'protocol', 'mode', 'criticality', 'description', 'x'])
      if (record.values.has(key)) doc[key] = record.values.get(key);
    if (via !== undefined) doc['via'] = via;
    const explicit = record.values.get('id') as string | undefined;
    const identity = explicit ?? `${source}\u0000${target}\u0000${fold((doc['data'] as string | undefined) ?? '')}`;
    integrationRequests.push({
      record,
      doc,
      request: { base: explicit ?? slug(`${source}-${target}`), content: identity, location: record.location.cell },
    });
  }
  {
    const live: { entity: Entity; request: IdRequest; explicit: boolean }[] = [];
    for (const { record, doc, request } of integrationRequests) {
      const explicit = record.values.has('id');
      const entity = add('integrations', request.content, record, doc, [request.base]);
      if (entity !== undefined && entity.records.length === 1) live.push({ entity, request, explicit });
    }
    const alive = live.filter(({ entity }) => entity.records.every((r) => !r.bad));
    const generated = alive.filter((entry) => !entry.explicit);
    for (const entry of alive) if (entry.explicit) taken.add(entry.request.base);
    const result = assignIds(
      generated.map(({ request }) => request),
      taken,
    );
    generated.forEach(({ entity }, index) => {
      entity.id = result.ids[index] as string;
    });
    for (const { entity, request, explicit } of alive) if (explicit) entity.id = request.base;
    for (const collision of result.collisions) if (collision.rows.length > 1) collisions.push(collision);
    const map = entities.get('integrations') as Map<string, Entity>;
    map.clear();
    nameIndexes.delete('integrations');
    for (const { entity } of alive) map.set(entity.id, entity);
  }

  // Relations from the Relations sheet.
  for (const record of good.filter((r) => r.kind === 'relations')) {
    const type = record.values.get('type') as RelationType;
    const ends = RELATION_ENDS.get(type) as [Collection, Collection];
    const from = resolve(ends[0], record.values.get('from') as string, record, 'from');
    const to = resolve(ends[1], record.values.get('to') as string, record, 'to');
    if (record.bad || from === undefined || to === undefined) continue;
    const relation: Doc = { type, from, to };
    for (const key of ['users', 'description', 'x']) if (record.values.has(key)) relation[key] = record.values.get(key);
    addRelation(relation as unknown as Relation, record);
  }

  // Products: declared in Products sheets and the mapping, clustered with the spellings of system rows.
  const declared: DeclaredProduct[] = [];
  const productRecords = new Map<string, RowRecord>();
  for (const record of good.filter((r) => r.kind === 'products')) {
    const id = record.values.get('id') as string | undefined;
    declared.push({
      id,
      name: record.values.get('name') as string,
      vendor: record.values.get('vendor') as string | undefined,
      aliases: (record.values.get('aliases') as string[] | undefined) ?? [],
      source: 'catalogue',
    });
    productRecords.set(record.values.get('name') as string, record);
  }
  for (const product of mapping.products) declared.push({ ...product, source: 'mapping' });
  const declaredKeys = new Set(declared.flatMap((p) => [p.name, ...p.aliases].map(fold)));
  for (const group of mapping.distinct)
    for (const spelling of group)
      if (!declaredKeys.has(fold(spelling))) declared.push({ name: spelling, aliases: [], source: 'mapping' });
  const liveProducts = new Set(liveSystems.map((entity) => entity.doc['product']));
  const liveSeen = seen.filter((entry) => liveProducts.has(entry.spelling));
  const clusters = clusterProducts(clustering ? liveSeen : [], declared, taken);
  const productDocs: Doc[] = [];
  for (const cluster of clusters) {
    const record = productRecords.get(cluster.name);
    const declaredProduct = declared.find((p) => p.name === cluster.name && p.source === cluster.source);
    if (cluster.source === 'proposed' && cluster.spellings.length < 2 && cluster.vendor === undefined) continue;
    const entry = catalogueEntry(
      cluster,
      record?.values.get('description') as string | undefined,
      record?.values.get('x') as Doc | undefined,
    );
    if (declaredProduct !== undefined) {
      const aliases = [...declaredProduct.aliases];
      for (const alias of entry.aliases ?? []) if (!aliases.includes(alias)) aliases.push(alias);
      if (aliases.length > 0) entry.aliases = aliases;
      else delete entry.aliases;
    }
    productDocs.push(entry);
    if (record !== undefined) provenance.set(`products\u0000${productDocs.length - 1}`, record);
    taken.add(cluster.id);
  }
  if (!clustering) {
    // Without clustering, spellings are still reported one by one, so the user sees what the catalogue left alone.
    clusters.push(...clusterProducts(liveSeen, [], taken).filter((c) => c.spellings.length > 1));
  }

  // The development portfolio, once every entity it refers to has its final id.
  const groups = new Map<string, readonly RowRecord[]>();
  laterIds = taken;
  const portfolio = buildPortfolio({
    records,
    good,
    partial: options.partial,
    entities,
    add,
    resolve,
    fail,
    reindex: (collection) => nameIndexes.delete(collection),
    taken,
    products: productDocs,
    provenance,
    groups,
    problems,
  });

  // The document, sorted by id as the model writes it.
  const byId = (a: Doc, b: Doc): number =>
    (a['id'] as string) < (b['id'] as string) ? -1 : (a['id'] as string) > (b['id'] as string) ? 1 : 0;
  const collect = (collection: Collection): Doc[] => {
    const list = [...(entities.get(collection) as Map<string, Entity>).values()]
      .filter((entity) => entity.records.every((r) => !r.bad))
      .map((entity) => ({ entity, doc: collection === 'integrations' ? { id: entity.id, ...entity.doc } : entity.doc }))
      .sort((a, b) => byId(a.doc, b.doc));
    list.forEach(({ entity }, index) => provenance.set(`${collection}\u0000${index}`, entity.records[0] as RowRecord));
    return list.map(({ doc }) => doc);
  };
  const relationList = [...relations.values()].filter(({ record }) => !record.bad);
  relationList.forEach(({ record }, index) => provenance.set(`relations\u0000${index}`, record));
  const document = {
    format: 'kartta/1',
    name: modelName ?? 'Inventaario',
    ...(description === undefined ? {} : { description }),
    products: productDocs,
    organisations: collect('organisations'),
    services: collect('services'),
    systems: collect('systems'),
    integrations: collect('integrations'),
    relations: relationList.map(({ relation }) => relation),
    ...(portfolio.themes.length === 0 ? {} : { themes: portfolio.themes }),
    ...(portfolio.funders.length === 0 ? {} : { funders: portfolio.funders }),
    ...(portfolio.offerings.length === 0 ? {} : { offerings: portfolio.offerings }),
    ...(portfolio.projects.length === 0 ? {} : { projects: portfolio.projects }),
    ...(extension === undefined ? {} : { x: extension }),
  } as unknown as KarttaDocument;
  // The report lists what went into the catalogue, and clusters of several spellings; a lone spelling is no news.
  const report = clusters.filter((c) => c.source !== 'proposed' || c.spellings.length > 1 || c.vendor !== undefined);
  return { document, problems, notes, products: report, collisions, provenance, groups };
}

/** Where a model issue's field is in a row: document field names to the columns that gave them. */
const ISSUE_FIELDS = new Map<string, string>([
  ['contract.ends', 'contractEnds'],
  ['contract.noticeMonths', 'noticeMonths'],
  ['contract.annualCost', 'annualCost'],
  ['from', 'from'],
  ['to', 'to'],
  ['budget', 'budgetTotal'],
  ['budget.total', 'budgetTotal'],
  ['deliverables.systems', 'deliversSystems'],
  ['deliverables.services', 'deliversServices'],
  ['deliverables.integrations', 'deliversIntegrations'],
  ['deliverables.products', 'deliversProducts'],
  ['deliverables.migrationSteps', 'migrationSteps'],
  ['obligation', 'obligationFrom'],
  ['obligation.from', 'obligationFrom'],
  ['obligation.basis', 'obligationBasis'],
  ['obligation.description', 'obligationDescription'],
]);

/** The column of a whole project's funding that an issue about all of it points at. */
const FUNDING_FIELDS = new Map<string, string>([
  ['funding.amount-sum', 'amount'],
  ['funding.share-sum', 'share'],
]);

/** Turns the issues of the model's own validation into problems at the rows and cells that caused them. */
export function issueProblems(issues: readonly Issue[], built: Built): InventoryProblem[] {
  const problems: InventoryProblem[] = [];
  for (const issue of issues) {
    // The deepest part of the path a row gave: a funding row of a project rather than the project's row.
    let record: RowRecord | undefined;
    let depth = issue.path.length + 1;
    while (record === undefined && --depth >= 2)
      record = built.provenance.get(issue.path.slice(0, depth).join('\u0000'));
    if (record === undefined) {
      problems.push({
        file: '(inventory)',
        sheet: '',
        code: 'spreadsheet.model-invalid',
        message: `The inventory as a whole breaks a rule of the model: ${issue.message} [${issue.code}]`,
      });
      continue;
    }
    const key = issue.path.slice(0, depth).join('\u0000');
    const rest = issue.path.slice(depth).filter((part): part is string => typeof part === 'string');
    const field = rest.length === 0 ? (FUNDING_FIELDS.get(issue.code) ?? '') : rest.join('.');
    const column = ISSUE_FIELDS.get(field) ?? field;
    const cell = record.cell(column) ?? record.location;
    record.bad = true;
    // A problem in a project's budget or funding leaves the project out whole on the next pass.
    const owner = built.provenance.get(issue.path.slice(0, 2).join('\u0000'));
    if (owner !== undefined) owner.bad = true;
    const group = built.groups.get(key);
    const raw = cell.cell === undefined ? undefined : record.values.get(column);
    problems.push({
      ...cell,
      code: 'spreadsheet.model-invalid',
      message: `${cell.cell ?? cell.sheet} (${cell.file}${'column' in cell && cell.column !== undefined ? `, column "${cap(cell.column, 40)}"` : ''}): ${issue.message}${group === undefined || group.length < 2 ? '' : ` (the rows: ${group.map((row) => row.location.cell).join(', ')})`}${issue.code === 'funding.share-sum' && group !== undefined && fractions(group) ? '; typed as fractions? Write 70 or 70 % for seventy per cent' : ''} [${issue.code}]`,
      ...(typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? { value: cap(String(raw)) }
        : {}),
      expected: issue.message,
    });
  }
  return problems;
}

/** True when a project's shares add up to about 1: fractions (0.7) typed where percentages (70) were meant. */
function fractions(rows: readonly RowRecord[]): boolean {
  let sum = 0;
  for (const row of rows) sum += (row.values.get('share') as number | undefined) ?? 0;
  return sum > 0.99 && sum < 1.01;
}

export { readValue };
