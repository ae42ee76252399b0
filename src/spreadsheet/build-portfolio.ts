/**
 * The development portfolio from its sheets: Themes, Funders, Offerings and Projects give one element a row, the
 * Budget and Funding sheets give a project's budget lines and funders a row each, joined to their project by its id
 * or name. A project and its budget and funding rows stand or fall together: with a bad row among them the project
 * is left out whole, so that no sum is checked on a half-read project.
 */
import type { Name } from '../types.js';
import type { Collection, Doc, Entity } from './build-entity.js';
import { slug } from './ids.js';
import type { CellLocation, InventoryProblem } from './problems.js';
import { nameOf, namesOf } from './row-names.js';
import type { RowRecord } from './sheets.js';
import { cap, fold, suggest } from './words.js';

/** What the portfolio needs of the build of the rest of the inventory. */
export interface PortfolioContext {
  /** Every record read, bad ones included (to tell a skipped project's rows). */
  readonly records: readonly RowRecord[];
  /** The records without problems at the start of this pass. */
  readonly good: readonly RowRecord[];
  readonly partial: boolean;
  readonly entities: ReadonlyMap<Collection, Map<string, Entity>>;
  /** Adds an entity under an identity; the same identity again is merged when identical, a conflict otherwise. */
  readonly add: (
    collection: Collection,
    identity: string,
    record: RowRecord,
    doc: Doc,
    names: string[],
  ) => Entity | undefined;
  /** An entity's id from a cell's id or name, or `undefined` with a problem at the cell. */
  readonly resolve: (
    wanted: Collection | readonly Collection[],
    typed: string,
    record: RowRecord,
    field: string,
    preferOwner?: string,
  ) => string | undefined;
  readonly fail: (record: RowRecord, problem: InventoryProblem) => void;
  /** Drops the index of a collection by name after its entities were re-keyed by their final ids. */
  readonly reindex: (collection: Collection) => void;
  /** Ids in use; the generated ids of the portfolio are added. */
  readonly taken: Set<string>;
  /** The product catalogue as built. */
  readonly products: readonly Doc[];
  readonly provenance: Map<string, RowRecord>;
  readonly groups: Map<string, readonly RowRecord[]>;
  readonly problems: InventoryProblem[];
}

/** The portfolio collections of the document, each sorted by id. */
export interface PortfolioDocs {
  readonly themes: Doc[];
  readonly funders: Doc[];
  readonly offerings: Doc[];
  readonly projects: Doc[];
}

const SINGULAR = new Map<Collection, string>([
  ['themes', 'theme'],
  ['funders', 'funder'],
  ['offerings', 'offering'],
  ['projects', 'project'],
]);

/** The deliverables of a project: document key, column key, collection. */
const DELIVERABLES: readonly [string, string, Collection][] = [
  ['systems', 'deliversSystems', 'systems'],
  ['services', 'deliversServices', 'services'],
  ['integrations', 'deliversIntegrations', 'integrations'],
  ['products', 'deliversProducts', 'products'],
];

const byId = (a: Doc, b: Doc): number =>
  (a['id'] as string) < (b['id'] as string) ? -1 : (a['id'] as string) > (b['id'] as string) ? 1 : 0;

/** Builds themes, funders, offerings and projects from the good records, into sorted document lists. */
export function buildPortfolio(context: PortfolioContext): PortfolioDocs {
  const { good, entities, add, resolve, fail, taken } = context;
  const generated = new Map<Collection, Entity[]>();

  /** Adds an element with an explicit id or one made from its name (fixed once all its rows are in). */
  const element = (collection: Collection, record: RowRecord, doc: Doc): Entity | undefined => {
    const name = nameOf(record);
    const names = namesOf(name);
    const explicit = record.values.get('id') as string | undefined;
    const base = explicit ?? slug(names[0] ?? '');
    const entity = add(
      collection,
      explicit ?? `\u0000generated\u0000${base}`,
      record,
      { id: base, name, ...doc },
      names,
    );
    if (entity !== undefined && explicit === undefined && entity.records.length === 1) {
      const list = generated.get(collection) ?? [];
      list.push(entity);
      generated.set(collection, list);
    }
    return entity;
  };
  const copy = (record: RowRecord, doc: Doc, keys: readonly string[]): Doc => {
    for (const key of keys) if (record.values.has(key)) doc[key] = record.values.get(key);
    return doc;
  };
  /** Gives generated ids that no other element has, in the order of the names, and keys the collection by id. */
  const settle = (collection: Collection): void => {
    const singular = SINGULAR.get(collection) as string;
    const list = (generated.get(collection) ?? []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const entity of list) {
      let id = entity.id;
      if (taken.has(id)) id = `${entity.id}-${singular}`;
      for (let n = 2; taken.has(id); n++) id = `${entity.id}-${singular}-${n}`;
      entity.id = id;
      entity.doc['id'] = id;
    }
    const map = entities.get(collection) as Map<string, Entity>;
    const all = [...map.values()];
    map.clear();
    for (const entity of all) {
      map.set(entity.id, entity);
      if (entity.records.every((r) => !r.bad)) taken.add(entity.id);
    }
    context.reindex(collection);
  };
  const refs = (
    record: RowRecord,
    field: string,
    collection: Collection | readonly Collection[],
    preferOwner?: string,
  ): string[] | undefined => {
    const typed = record.values.get(field) as string[] | undefined;
    if (typed === undefined) return undefined;
    const ids: string[] = [];
    for (const each of typed) {
      const id = resolve(collection, each, record, field, preferOwner);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  };

  for (const record of good.filter((r) => r.kind === 'themes'))
    element('themes', record, copy(record, {}, ['description', 'x']));
  settle('themes');
  for (const record of good.filter((r) => r.kind === 'funders'))
    element('funders', record, copy(record, {}, ['description', 'x']));
  settle('funders');

  for (const record of good.filter((r) => r.kind === 'offerings')) {
    const provider = resolve('organisations', record.values.get('provider') as string, record, 'provider');
    const services = refs(record, 'services', 'services');
    const themes = refs(record, 'themes', 'themes');
    const obligation = copy(record, {}, ['obligationFrom', 'obligationBasis', 'obligationDescription']);
    if (Object.keys(obligation).length > 0 && obligation['obligationFrom'] === undefined) {
      const location = record.cell('obligationFrom') ?? record.location;
      fail(record, {
        ...location,
        code: 'spreadsheet.value-missing',
        message: `${location.cell ?? location.sheet} (${location.file}): the offering's obligation has a basis or description but no date from which it applies`,
        expected: 'the date from which the offering must be used',
      });
    }
    if (record.bad || provider === undefined) continue;
    const doc: Doc = { provider, services };
    if (themes !== undefined) doc['themes'] = themes;
    copy(record, doc, ['available']);
    if (obligation['obligationFrom'] !== undefined) {
      doc['obligation'] = {
        from: obligation['obligationFrom'],
        ...(obligation['obligationBasis'] === undefined ? {} : { basis: obligation['obligationBasis'] }),
        ...(obligation['obligationDescription'] === undefined
          ? {}
          : { description: obligation['obligationDescription'] }),
      };
    }
    element('offerings', record, copy(record, doc, ['description', 'x']));
  }
  settle('offerings');

  const productIndex = indexProducts(context.products);
  for (const record of good.filter((r) => r.kind === 'projects')) {
    const doc: Doc = {};
    copy(record, doc, ['portfolio', 'kind', 'level', 'status', 'start', 'end']);
    const implementers = refs(record, 'implementers', 'organisations');
    if (implementers !== undefined) doc['implementers'] = implementers;
    const themes = refs(record, 'themes', 'themes');
    if (themes !== undefined) doc['themes'] = themes;
    const deliverables: Doc = {};
    for (const [key, field, collection] of DELIVERABLES) {
      const ids =
        collection === 'products'
          ? products(record, field, productIndex, context.products, fail)
          : refs(record, field, collection, implementers?.[0]);
      if (ids !== undefined) deliverables[key] = ids;
    }
    if (record.values.has('migrationSteps')) deliverables['migrationSteps'] = record.values.get('migrationSteps');
    if (Object.keys(deliverables).length > 0) doc['deliverables'] = deliverables;
    if (record.values.has('budgetTotal')) doc['budget'] = { total: record.values.get('budgetTotal') };
    copy(record, doc, ['source', 'description', 'x']);
    if (record.bad) continue;
    element('projects', record, doc);
  }
  settle('projects');

  // Budget lines and funding, in the order of their rows, under the project each names.
  const lines = new Map<Entity, RowRecord[]>();
  const funding = new Map<Entity, RowRecord[]>();
  const funders = new Map<RowRecord, string>();
  const projects = entities.get('projects') as Map<string, Entity>;
  for (const record of good) {
    if (record.kind !== 'budget' && record.kind !== 'funding') continue;
    const project = resolve('projects', record.values.get('project') as string, record, 'project');
    if (record.kind === 'funding') {
      const funder = resolve(['funders', 'organisations'], record.values.get('funder') as string, record, 'funder');
      if (funder !== undefined) funders.set(record, funder);
      const share = record.values.has('share');
      const amount = record.values.has('amount');
      if (share === amount) {
        const location = record.cell(share ? 'amount' : 'share') ?? record.location;
        fail(record, {
          ...location,
          code: share ? 'spreadsheet.cell-invalid' : 'spreadsheet.value-missing',
          message: `${location.cell ?? location.sheet} (${location.file}): give the funder either a share (percent) or an amount (euros)${share ? ', not both' : ''}`,
          expected: 'a share or an amount, not both',
        });
      }
    }
    const entity = project === undefined ? undefined : projects.get(project);
    if (entity === undefined) continue;
    const map = record.kind === 'budget' ? lines : funding;
    const list = map.get(entity) ?? [];
    list.push(record);
    map.set(entity, list);
  }

  // A project with a bad budget or funding row is left out whole.
  const badRows = new Map<string, RowRecord>();
  for (const record of context.records) {
    if (!record.bad || (record.kind !== 'budget' && record.kind !== 'funding')) continue;
    const typed = record.values.get('project');
    if (typeof typed === 'string' && !badRows.has(fold(typed))) badRows.set(fold(typed), record);
  }
  const projectDocs: { doc: Doc; entity: Entity }[] = [];
  for (const entity of projects.values()) {
    if (entity.records.some((r) => r.bad)) continue;
    const record = entity.records[0] as RowRecord;
    const bad = [entity.id, ...entity.names].map((name) => badRows.get(fold(name))).find((r) => r !== undefined);
    if (bad !== undefined) {
      for (const r of entity.records) r.bad = true;
      if (context.partial)
        context.problems.push({
          ...record.location,
          code: 'spreadsheet.reference-skipped',
          message: `${record.location.cell} (${record.location.file}): the project's ${bad.kind} row at ${bad.location.cell} (${bad.location.file}) has problems, so the project is skipped too (its sums would be incomplete)`,
          value: cap(entity.id),
        });
      continue;
    }
    const doc: Doc = { ...entity.doc };
    const budgetRows = lines.get(entity) ?? [];
    if (budgetRows.length > 0) {
      doc['budget'] = {
        ...(doc['budget'] as Doc | undefined),
        lines: budgetRows.map((row) => copy(row, {}, ['year', 'category', 'amount', 'description'])),
      };
    }
    const fundingRows = funding.get(entity) ?? [];
    if (fundingRows.length > 0) {
      doc['funding'] = fundingRows.map((row) => {
        const part = copy(row, {}, ['share', 'amount', 'description']);
        return { funder: funders.get(row), ...part };
      });
    }
    projectDocs.push({ doc, entity });
  }
  projectDocs.sort((a, b) => byId(a.doc, b.doc));
  projectDocs.forEach(({ entity }, index) => {
    const at = `projects\u0000${index}`;
    context.provenance.set(at, entity.records[0] as RowRecord);
    (lines.get(entity) ?? []).forEach((row, line) =>
      context.provenance.set(`${at}\u0000budget\u0000lines\u0000${line}`, row),
    );
    const rows = funding.get(entity) ?? [];
    if (rows.length > 0) {
      context.provenance.set(`${at}\u0000funding`, rows[0] as RowRecord);
      context.groups.set(`${at}\u0000funding`, rows);
    }
    rows.forEach((row, part) => context.provenance.set(`${at}\u0000funding\u0000${part}`, row));
  });

  const collect = (collection: Collection): Doc[] => {
    const list = [...(entities.get(collection) as Map<string, Entity>).values()]
      .filter((entity) => entity.records.every((r) => !r.bad))
      .sort((a, b) => byId(a.doc, b.doc));
    list.forEach((entity, index) =>
      context.provenance.set(`${collection}\u0000${index}`, entity.records[0] as RowRecord),
    );
    return list.map((entity) => entity.doc);
  };
  return {
    themes: collect('themes'),
    funders: collect('funders'),
    offerings: collect('offerings'),
    projects: projectDocs.map(({ doc }) => doc),
  };
}

/** Folded ids, names and aliases of the catalogue's products → their ids. */
function indexProducts(products: readonly Doc[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const product of products) {
    const id = product['id'] as string;
    const spellings = [
      id,
      ...namesOf(product['name'] as Name | undefined),
      ...((product['aliases'] as string[] | undefined) ?? []),
    ];
    for (const key of new Set(spellings.map(fold))) {
      const list = index.get(key) ?? [];
      list.push(id);
      index.set(key, list);
    }
  }
  return index;
}

/** The products a project delivers, by id, name or alias in the catalogue as built. */
function products(
  record: RowRecord,
  field: string,
  index: Map<string, string[]>,
  catalogue: readonly Doc[],
  fail: PortfolioContext['fail'],
): string[] | undefined {
  const typed = record.values.get(field) as string[] | undefined;
  if (typed === undefined) return undefined;
  const ids: string[] = [];
  for (const each of typed) {
    const exact = index.get(fold(each)) ?? [];
    const found = exact.includes(each) ? [each] : [...new Set(exact)];
    if (found.length === 1) {
      ids.push(found[0] as string);
      continue;
    }
    const location: CellLocation = record.cell(field) ?? record.location;
    const guess =
      found.length === 0
        ? suggest(
            each,
            catalogue.flatMap((p) => [p['id'] as string, ...namesOf(p['name'] as Name | undefined)]),
          )
        : undefined;
    fail(record, {
      ...location,
      code: found.length === 0 ? 'spreadsheet.reference-unknown' : 'spreadsheet.reference-ambiguous',
      message:
        found.length === 0
          ? `${location.cell} (${location.file}): no product "${cap(each)}" in the catalogue${guess === undefined ? '' : `; did you mean "${guess}"?`}`
          : `${location.cell} (${location.file}): "${cap(each)}" names ${found.length} products: ${found.sort().join(', ')}; write the id`,
      value: cap(each),
      expected: found.length === 0 ? 'the id, name or alias of a product' : `one of the ids ${found.join(', ')}`,
      ...(guess === undefined ? {} : { suggestion: guess }),
      ...(found.length > 1 ? { suggestion: found[0] } : {}),
    });
  }
  return ids;
}
