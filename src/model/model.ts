/** The immutable model: a validated `kartta/1` document with its graph and typed reads. */
import type { Draft } from 'immer';
import { capped, echo, ModelValidationError, QueryError } from '../errors.js';
import type {
  EditResult,
  EntityRef,
  Integration,
  KarttaDocument,
  LoadResult,
  Name,
  Organisation,
  Patch,
  Product,
  Relation,
  RelationType,
  Scope,
  ScopeOptions,
  Service,
  System,
  Theme,
  Funder,
  Offering,
  Project,
  PortfolioRef,
} from '../types.js';
import { checkDelta } from '../validate/check.js';
import { canonicalDocument, compareRelations } from './canonical.js';
import { fullDelta, inverseDelta, patchDelta, type Delta } from '../graph/delta.js';
import { normaliseProductName, productKeys } from '../schema/products.js';
import { graphKey } from '../graph/graph-key.js';
import { readonlyGraph, type ReadonlyGraph } from './readonly-graph.js';
import { commitDelta, emptyState, type IndexState, type RawGraph } from '../graph/state.js';
import { collections } from '../schema/document.js';
import { describeValue } from '../validate/zod-issues.js';
import { cloneJson, deepFreeze, isPlainObject } from '../schema/json.js';
import { readJsonObject } from '../validate/read-json.js';
import { runPatches, runRecipe } from './transaction.js';
import { withArticle } from '../words.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { displayName } from '../names.js';

/**
 * The product a system is an installation of, after normalisation against the catalogue.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({
 *   format: 'kartta/1', name: 'X',
 *   products: [{ id: 'lifecare', name: 'Lifecare', aliases: ['Tieto Lifecare'] }],
 *   systems: [{ id: 's', name: 'S', class: 'TOSI', product: 'TIETO  lifecare', lifecycle: 'production' }],
 * });
 * model.productOf('s'); // { key: 'lifecare', name: 'Lifecare', catalogue: true }
 * ```
 *
 * @category Model
 */
export interface ProductRef {
  /** The comparison key: the catalogue product's id, or the normalised name of a product outside the catalogue. */
  readonly key: string;
  /** A readable name: the catalogue name, or the name as the system gave it. */
  readonly name: string;
  /** Whether the product was found in the catalogue. */
  readonly catalogue: boolean;
}

interface Sorted {
  organisations?: readonly Organisation[];
  services?: readonly Service[];
  systems?: readonly System[];
  integrations?: readonly Integration[];
  products?: readonly Product[];
  relations?: readonly Relation[];
  themes?: readonly Theme[];
  funders?: readonly Funder[];
  offerings?: readonly Offering[];
  projects?: readonly Project[];
}

/** Set by the class's static block: the private constructor, for the loader at the end of this module. */
let construct: (doc: KarttaDocument, state: IndexState | null) => Model;

/** Where a model's index went: the model holding it (or nearer to it), and the delta that brings it back. */
interface Link {
  readonly model: Model;
  readonly back: Delta;
}

/**
 * An immutable, validated region model. Load one with {@link Model.load} or {@link Model.safeLoad}; change it
 * with {@link Model.edit}, which returns a new model and the patches that lead there.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * const model = Model.load({
 *   format: 'kartta/1',
 *   name: 'Pohjois-Pohjanmaa',
 *   organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }],
 *   systems: [{ id: 'lifecare-oulu', name: 'Lifecare', class: 'TOSI', lifecycle: 'production' }],
 *   relations: [{ type: 'owns', from: 'oulu', to: 'lifecare-oulu' }],
 * });
 * console.log(model.system('lifecare-oulu')?.class); // 'TOSI'
 * ```
 *
 * @category Model
 */
export class Model {
  readonly #doc: KarttaDocument;
  /**
   * The derived index, or null while another model holds it. Models derived from one another by edits pass one
   * index between them instead of each building its own (see `#ensureState`).
   */
  #state: IndexState | null;
  /** Where the index is while this model does not hold it: the model it went to, and how to bring it back. */
  #link: Link | null = null;
  /** Set once `graph` has been handed out: a caller may be walking this index, so no other model may take it. */
  #pinned = false;
  #graph: ReadonlyGraph | undefined;
  #sorted: Sorted = {};
  #relationsByType: Map<RelationType, readonly Relation[]> | undefined;
  #catalogue: Map<string, Product> | undefined;
  #portfolio: Map<string, PortfolioRef> | undefined;

  private constructor(doc: KarttaDocument, state: IndexState | null) {
    this.#doc = doc;
    this.#state = state;
  }

  /**
   * Loads a `kartta/1` document given as an object or as JSON text. The input is copied; the caller's object is
   * never kept or changed.
   *
   * @throws {@link ModelValidationError} naming every problem found, each with a code and a path.
   * @example
   * ```ts
   * import { readFileSync } from 'node:fs';
   * import { Model } from 'kartta';
   * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
   * console.log(model.systems().length);
   * ```
   */
  static load(input: unknown): Model {
    const result = Model.safeLoad(input);
    if (!result.ok) throw new ModelValidationError(result.issues);
    return result.model;
  }

  /**
   * Like {@link Model.load}, but returns `{ ok: true, model }` or `{ ok: false, issues }` instead of throwing.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const result = Model.safeLoad({ format: 'kartta/1', name: 'X', systems: [{ id: 'a b' }] });
   * if (!result.ok) for (const issue of result.issues) console.log(issue.code, issue.path);
   * ```
   */
  static safeLoad(input: unknown): LoadResult<Model> {
    try {
      return loadDocument(input);
    } catch (error) {
      // Validation is written not to throw; an exotic input (a getter that throws, a revoked proxy) still
      // must come back as an issue, never as an untyped exception.
      return {
        ok: false,
        issues: [
          {
            code: 'input.unreadable',
            path: [],
            message: `the input could not be read: ${(error as Error)?.message ?? String(error)}`,
          },
        ],
      };
    }
  }

  static {
    // The only way to make a model from a document without validating it, and it does not leave this module.
    construct = (doc, state) => new Model(doc, state);
  }

  /** The model's name as the document gives it. */
  get name(): Name {
    return this.#doc.name;
  }

  /**
   * The document as held, frozen: collections in the order they were loaded and edited. Use
   * {@link Model.toJSON} for the sorted, deterministic form.
   */
  get document(): Readonly<KarttaDocument> {
    return this.#doc;
  }

  /**
   * The model as a read-only graphology `MultiDirectedGraph`, for custom algorithms. Nodes are organisations,
   * services and systems; edges are integrations and relations (keyed `type: from -> to`, see {@link relationKey}).
   * Nodes and integrations are keyed by {@link graphKey} of their id: the id itself, except that an id naming an
   * `Object.prototype` member (`constructor`, `__proto__`, ...) is escaped, so no plain object keyed by graph keys
   * can reach the shared prototype. The attributes carry each entity with its real id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
   * model.graph.forEachNode((id, attributes) => console.log(id, attributes.kind));
   * ```
   */
  get graph(): ReadonlyGraph {
    return (this.#graph ??= readonlyGraph(() => {
      this.#pinned = true;
      return this.#ensureState().graph;
    }));
  }

  /** The live graph, for the model's own reads; never handed out (the public {@link Model.graph} is read-only). */
  #rawGraph(): RawGraph {
    return this.#ensureState().graph;
  }

  /**
   * This model's index. An edit moves the index to the new model and leaves the old one a link: the new model,
   * and the delta that turns the new model's index back into its own. Reading the old model again follows the
   * links to the model that holds the index and brings it back along them, applying each delta: a cost in
   * proportion to the edits in between, not to the model. So undo stacks and several branches from one base stay
   * fast. The index is rebuilt from the document instead when the way back is longer than the model, or when the
   * holder's graph was handed out (someone may be walking it).
   */
  #ensureState(): IndexState {
    if (this.#state) return this.#state;
    const path: Model[] = [this];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk starts at this model and moves on
    let holder: Model = this;
    let cost = 0;
    while (!holder.#state && holder.#link) {
      cost += holder.#link.back.removed.length + holder.#link.back.added.length;
      holder = holder.#link.model;
      path.push(holder);
    }
    const state = holder.#state;
    if (!state || holder.#pinned || cost > this.#size()) {
      const fresh = emptyState();
      commitDelta(fresh, fullDelta(this.#doc as unknown as Record<string, unknown>));
      this.#state = fresh;
      this.#link = null;
      return fresh;
    }
    for (let i = path.length - 2; i >= 0; i--) {
      const to = path[i] as Model;
      const from = path[i + 1] as Model;
      const back = (to.#link as Link).back;
      commitDelta(state, back);
      from.#state = null;
      from.#link = { model: to, back: inverseDelta(back) };
      to.#state = state;
      to.#link = null;
    }
    return state;
  }

  #size(): number {
    const doc = this.#doc;
    return (
      doc.products.length +
      doc.organisations.length +
      doc.services.length +
      doc.systems.length +
      doc.integrations.length +
      doc.relations.length
    );
  }

  /**
   * Changes the model as a transaction. The recipe gets an immer draft of the document to change in place; the
   * result is validated, and only what changed is checked and re-indexed. On success you get the new model and
   * the patches (and inverse patches) that lead there; on failure nothing changes.
   *
   * The recipe either changes the draft or returns a whole new document (a collection it leaves out is empty, as in
   * {@link Model.load}). It must be synchronous: a recipe that returns a promise is refused, since its draft is
   * gone by the time it resumes; do the asynchronous work first and edit with its results.
   *
   * @throws {@link ModelValidationError} when the edited document breaks a rule; this model stays as it was.
   * @throws {@link EditError} when the recipe is not a function, is asynchronous, throws (the original error is
   * the `cause`), both changes the draft and returns a document, or sets a value too deeply nested to take in.
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
   * const { model: next, patches } = model.edit((doc) => {
   *   doc.systems[0]!.lifecycle = 'phasingOut';
   * });
   * console.log(next.system('a')?.lifecycle, patches.length); // 'phasingOut' 1
   * ```
   */
  edit(recipe: (draft: Draft<KarttaDocument>) => unknown): EditResult<Model> {
    // Arrow recipes return whatever their last expression gives (`doc => doc.systems.push(x)` a number); only a
    // value that is itself a document (it has a `format`) replaces the draft, the rest is ignored.
    const { doc, patches, inversePatches } = runRecipe(this.#doc, recipe);
    if (patches.length === 0) return { model: this, patches: [], inversePatches: [] };
    const model = this.#derive(doc, patches);
    return { model, patches, inversePatches };
  }

  /**
   * Applies patches (from {@link Model.edit}, often its `inversePatches` to undo) and returns the new model.
   *
   * The list is applied whole or not at all: each patch is checked first (its shape, and that every index it
   * names exists in the collection at that point of the list), then the result is validated exactly like an edit.
   *
   * @throws {@link ModelValidationError} when the result breaks a rule, with the same codes and paths as
   * {@link Model.edit}, or with code `patch.invalid` naming the patch that cannot apply; this model stays as it was.
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'Before' });
   * const { model: next, inversePatches } = model.edit((doc) => { doc.name = 'After'; });
   * console.log(next.applyPatches(inversePatches).name); // 'Before'
   * ```
   */
  applyPatches(patches: readonly Patch[]): Model {
    const doc = runPatches(this.#doc, patches);
    if (doc === this.#doc) return this;
    return this.#derive(doc, patches);
  }

  #derive(doc: KarttaDocument, patches: readonly Patch[]): Model {
    if (!isPlainObject(doc)) {
      throw new ModelValidationError([
        {
          code: 'type.invalid',
          path: [],
          message: `expected the document to stay an object, got ${describeValue(doc)}`,
        },
      ]);
    }
    const state = this.#ensureState();
    const delta: Delta = patchDelta(this.#doc, doc, patches);
    const { issues } = checkDelta(doc, delta, state, false);
    if (issues.length > 0) throw new ModelValidationError(issues);
    // The index moves to the new model; this model rebuilds its own if it is read again.
    commitDelta(state, delta);
    const model = new Model(deepFreeze(doc), state);
    this.#state = null;
    this.#link = { model, back: inverseDelta(delta) };
    return model;
  }

  /**
   * The deterministic `kartta/1` document: entities sorted by id, relations by type, from and to, keys in a
   * fixed order. The same model always gives byte-identical `JSON.stringify` output.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X' });
   * const text = JSON.stringify(model.toJSON(), null, 2);
   * console.log(Model.load(text).toJSON().name); // 'X'
   * ```
   */
  toJSON(): KarttaDocument {
    return canonicalDocument(this.#doc);
  }

  /**
   * The deterministic document as JSON text (two-space indentation, a final newline): what to write to a file.
   *
   * @example
   * ```ts
   * import { writeFileSync } from 'node:fs';
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X' });
   * writeFileSync('/tmp/region.json', model.toJSONText());
   * ```
   */
  toJSONText(): string {
    return `${JSON.stringify(this.toJSON(), null, 2)}\n`;
  }

  /**
   * Any entity or product by id, tagged with its kind, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', services: [{ id: 'payroll', name: 'Palkanlaskenta', domain: 'administration' }] });
   * console.log(model.get('payroll')?.kind); // 'service'
   * ```
   */
  get(id: string): EntityRef | undefined {
    if (typeof id !== 'string') return undefined;
    const state = this.#ensureState();
    const { graph } = state;
    const key = graphKey(id);
    if (graph.hasNode(key)) return graph.getNodeAttributes(key);
    if (graph.hasEdge(key)) {
      const attributes = graph.getEdgeAttributes(key);
      if (attributes.kind === 'integration') return attributes;
    }
    const product = state.products.get(id);
    return product ? { kind: 'product', entity: product } : undefined;
  }

  /**
   * The name a person reads for an id, in `lang` where the name has it (see {@link displayName} for the fallback
   * order): an organisation's, service's, system's or product's name; an integration has no name, so its id.
   * `undefined` for an id the model does not have.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({
   *   format: 'kartta/1', name: 'X',
   *   organisations: [{ id: 'pop', kind: 'region', name: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' } }],
   * });
   * model.nameOf('pop', 'sv'); // 'Norra Österbotten'
   * model.nameOf('pop'); // 'Pohjois-Pohjanmaa'
   * model.nameOf('nowhere'); // undefined
   * ```
   */
  nameOf(id: string, lang?: string): string | undefined {
    const found = this.get(id) ?? this.portfolioItem(id);
    if (!found) return undefined;
    if (found.kind === 'integration') return found.entity.id;
    return displayName(found.entity.name, lang);
  }

  /**
   * The organisation with this id, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }] });
   * model.organisation('oulu')?.kind; // 'municipality'
   * ```
   */
  organisation(id: string): Organisation | undefined {
    const found = this.get(id);
    return found?.kind === 'organisation' ? found.entity : undefined;
  }

  /**
   * The service with this id, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', services: [{ id: 'payroll', name: 'Palkat', domain: 'administration' }] });
   * model.service('payroll')?.domain; // 'administration'
   * ```
   */
  service(id: string): Service | undefined {
    const found = this.get(id);
    return found?.kind === 'service' ? found.entity : undefined;
  }

  /**
   * The system with this id, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
   * model.system('a')?.class; // 'TORI'
   * ```
   */
  system(id: string): System | undefined {
    const found = this.get(id);
    return found?.kind === 'system' ? found.entity : undefined;
  }

  /**
   * The integration with this id, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X' });
   * model.integration('i-17'); // undefined
   * ```
   */
  integration(id: string): Integration | undefined {
    const found = this.get(id);
    return found?.kind === 'integration' ? found.entity : undefined;
  }

  /**
   * The catalogue product with this id, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', products: [{ id: 'esko', name: 'Esko' }] });
   * model.product('esko')?.name; // 'Esko'
   * ```
   */
  product(id: string): Product | undefined {
    return this.#ensureState().products.get(id);
  }

  /**
   * A theme, external funder, offering or project by id, tagged with its kind, or `undefined`. (The portfolio is
   * not in {@link Model.graph}; {@link Model.get} finds entities and products only.)
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', themes: [{ id: 'iam', name: 'Identity and access management' }] });
   * model.portfolioItem('iam')?.kind; // 'theme'
   * ```
   */
  portfolioItem(id: string): PortfolioRef | undefined {
    if (typeof id !== 'string') return undefined;
    if (!this.#portfolio) {
      const map = new Map<string, PortfolioRef>();
      for (const entity of this.#doc.themes ?? []) map.set(entity.id, { kind: 'theme', entity });
      for (const entity of this.#doc.funders ?? []) map.set(entity.id, { kind: 'funder', entity });
      for (const entity of this.#doc.offerings ?? []) map.set(entity.id, { kind: 'offering', entity });
      for (const entity of this.#doc.projects ?? []) map.set(entity.id, { kind: 'project', entity });
      this.#portfolio = map;
    }
    return this.#portfolio.get(id);
  }

  /**
   * All development projects, sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({
   *   format: 'kartta/1', name: 'X',
   *   projects: [{ id: 'pop-it', name: 'POP-IT', status: 'completed', start: '2017-02-13', end: '2017-12-31' }],
   * });
   * model.projects().map((p) => p.id); // ['pop-it']
   * ```
   */
  projects(): readonly Project[] {
    return this.#sortedOf('projects', () => sortById(this.#doc.projects ?? []));
  }

  /**
   * The project with this id, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', projects: [{ id: 'p', name: 'P', status: 'running', start: '2024-01-01' }] });
   * model.project('p')?.status; // 'running'
   * ```
   */
  project(id: string): Project | undefined {
    const found = this.portfolioItem(id);
    return found?.kind === 'project' ? found.entity : undefined;
  }

  /**
   * The themes catalogue, sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * Model.load({ format: 'kartta/1', name: 'X' }).themes(); // []
   * ```
   */
  themes(): readonly Theme[] {
    return this.#sortedOf('themes', () => sortById(this.#doc.themes ?? []));
  }

  /**
   * The theme with this id, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', themes: [{ id: 'iam', name: 'Identity and access management' }] });
   * model.theme('iam')?.name; // 'Identity and access management'
   * ```
   */
  theme(id: string): Theme | undefined {
    const found = this.portfolioItem(id);
    return found?.kind === 'theme' ? found.entity : undefined;
  }

  /**
   * The external funders (those that are not organisations of the model), sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * Model.load({ format: 'kartta/1', name: 'X' }).funders(); // []
   * ```
   */
  funders(): readonly Funder[] {
    return this.#sortedOf('funders', () => sortById(this.#doc.funders ?? []));
  }

  /**
   * The external funder with this id, or `undefined` (a funding organisation is an {@link Model.organisation}).
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', funders: [{ id: 'erdf', name: 'ERDF' }] });
   * model.funder('erdf')?.name; // 'ERDF'
   * ```
   */
  funder(id: string): Funder | undefined {
    const found = this.portfolioItem(id);
    return found?.kind === 'funder' ? found.entity : undefined;
  }

  /**
   * The national offerings, sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * Model.load({ format: 'kartta/1', name: 'X' }).offerings(); // []
   * ```
   */
  offerings(): readonly Offering[] {
    return this.#sortedOf('offerings', () => sortById(this.#doc.offerings ?? []));
  }

  /**
   * The offering with this id, or `undefined`.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * Model.load({ format: 'kartta/1', name: 'X' }).offering('national-iam'); // undefined
   * ```
   */
  offering(id: string): Offering | undefined {
    const found = this.portfolioItem(id);
    return found?.kind === 'offering' ? found.entity : undefined;
  }

  #sortedOf<K extends keyof Sorted>(key: K, compute: () => NonNullable<Sorted[K]>): NonNullable<Sorted[K]> {
    return (this.#sorted[key] ??= Object.freeze(compute()) as Sorted[K]) as NonNullable<Sorted[K]>;
  }

  /**
   * All organisations, sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X' });
   * model.organisations().map((o) => o.id); // []
   * ```
   */
  organisations(): readonly Organisation[] {
    return this.#sortedOf('organisations', () => sortById(this.#doc.organisations));
  }

  /**
   * All services, sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * Model.load({ format: 'kartta/1', name: 'X' }).services(); // []
   * ```
   */
  services(): readonly Service[] {
    return this.#sortedOf('services', () => sortById(this.#doc.services));
  }

  /**
   * All systems, sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * Model.load({ format: 'kartta/1', name: 'X' }).systems(); // []
   * ```
   */
  systems(): readonly System[] {
    return this.#sortedOf('systems', () => sortById(this.#doc.systems));
  }

  /**
   * All integrations, sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * Model.load({ format: 'kartta/1', name: 'X' }).integrations(); // []
   * ```
   */
  integrations(): readonly Integration[] {
    return this.#sortedOf('integrations', () => sortById(this.#doc.integrations));
  }

  /**
   * The product catalogue, sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * Model.load({ format: 'kartta/1', name: 'X' }).products(); // []
   * ```
   */
  products(): readonly Product[] {
    return this.#sortedOf('products', () => sortById(this.#doc.products));
  }

  /**
   * Relations, sorted by type, from and to; optionally only those of one type.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X' });
   * model.relations('memberOf'); // []
   * ```
   */
  relations(type?: RelationType): readonly Relation[] {
    const all = this.#sortedOf('relations', () => [...this.#doc.relations].sort(compareRelations));
    if (type === undefined) return all;
    // Indexed by type on first use: the model never changes, so each list is computed once, not per call.
    if (!this.#relationsByType) {
      const byType = new Map<RelationType, Relation[]>();
      for (const relation of all) {
        let list = byType.get(relation.type);
        if (!list) byType.set(relation.type, (list = []));
        list.push(relation);
      }
      this.#relationsByType = new Map([...byType].map(([key, list]) => [key, Object.freeze(list)]));
    }
    return this.#relationsByType.get(type) ?? NONE;
  }

  /**
   * The relations that start at an entity, optionally of one type, sorted by type and target.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({
   *   format: 'kartta/1', name: 'X',
   *   organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }, { id: 'pop', kind: 'region', name: 'POP' }],
   *   relations: [{ type: 'memberOf', from: 'oulu', to: 'pop' }],
   * });
   * model.relationsOut('oulu', 'memberOf').map((r) => r.to); // ['pop']
   * ```
   */
  relationsOut(id: string, type?: RelationType): readonly Relation[] {
    return this.#relationsAt(id, type, 'out');
  }

  /**
   * The relations that end at an entity, optionally of one type, sorted by type and source.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({
   *   format: 'kartta/1', name: 'X',
   *   organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }, { id: 'pop', kind: 'region', name: 'POP' }],
   *   relations: [{ type: 'memberOf', from: 'oulu', to: 'pop' }],
   * });
   * model.relationsIn('pop', 'memberOf').map((r) => r.from); // ['oulu']
   * ```
   */
  relationsIn(id: string, type?: RelationType): readonly Relation[] {
    return this.#relationsAt(id, type, 'in');
  }

  #relationsAt(id: string, type: RelationType | undefined, direction: 'in' | 'out'): readonly Relation[] {
    if (typeof id !== 'string') return NONE;
    const graph = this.#rawGraph();
    const key = graphKey(id);
    if (!graph.hasNode(key)) return NONE;
    const out: Relation[] = [];
    const visit = (_key: string, attributes: { kind: string; entity: unknown }) => {
      if (attributes.kind === 'integration') return;
      if (type === undefined || attributes.kind === type) out.push(attributes.entity as Relation);
    };
    if (direction === 'out') graph.forEachOutEdge(key, visit);
    else graph.forEachInEdge(key, visit);
    return Object.freeze(out.sort(compareRelations));
  }

  /**
   * The integrations that start or end at a system (or run `via` it, when it is a platform), sorted by id.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({
   *   format: 'kartta/1', name: 'X',
   *   systems: [
   *     { id: 'a', name: 'A', class: 'TOSI', lifecycle: 'production' },
   *     { id: 'b', name: 'B', class: 'TOSI', lifecycle: 'production' },
   *   ],
   *   integrations: [{ id: 'i1', source: 'a', target: 'b' }],
   * });
   * model.integrationsOf('b').map((i) => i.id); // ['i1']
   * ```
   */
  integrationsOf(systemId: string, options: { includeVia?: boolean } = {}): readonly Integration[] {
    const { includeVia } = parseOptions('integrationsOf', INTEGRATIONS_OF_OPTIONS, options);
    if (typeof systemId !== 'string') return [];
    const state = this.#ensureState();
    const { graph } = state;
    const key = graphKey(systemId);
    if (!graph.hasNode(key)) return NONE;
    const found = new Map<string, Integration>();
    graph.forEachEdge(key, (_key, attributes) => {
      if (attributes.kind === 'integration') found.set(attributes.entity.id, attributes.entity);
    });
    if (includeVia) {
      for (const id of state.via.get(systemId) ?? [])
        found.set(id, graph.getEdgeAttribute(graphKey(id), 'entity') as Integration);
    }
    return Object.freeze([...found.values()].sort(compareIds));
  }

  /**
   * The ids of the integrations that run through a platform system (`via`), sorted.
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X' });
   * model.integrationsVia('pop-esb'); // []
   * ```
   */
  integrationsVia(platformId: string): readonly string[] {
    return Object.freeze([...(this.#ensureState().via.get(platformId) ?? [])].sort());
  }

  /**
   * The members of an organisation: with `transitive` (the default), every organisation that is a member
   * directly or through further `memberOf` relations. Sorted by id; the organisation itself is not included.
   *
   * @throws {@link QueryError} `entity.unknown` or `entity.wrong-kind` when the id is not an organisation.
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({
   *   format: 'kartta/1', name: 'X',
   *   organisations: [
   *     { id: 'pop', kind: 'region', name: 'POP' },
   *     { id: 'ja', kind: 'jointAuthority', name: 'JA' },
   *     { id: 'ii', kind: 'municipality', name: 'Ii' },
   *   ],
   *   relations: [{ type: 'memberOf', from: 'ja', to: 'pop' }, { type: 'memberOf', from: 'ii', to: 'ja' }],
   * });
   * model.membersOf('pop'); // ['ii', 'ja']
   * model.membersOf('pop', { transitive: false }); // ['ja']
   * ```
   */
  membersOf(organisationId: string, options: { transitive?: boolean } = {}): readonly string[] {
    const parsed = parseOptions('membersOf', MEMBERS_OF_OPTIONS, options);
    this.#requireKind(organisationId, 'organisation', 'entity');
    const graph = this.#rawGraph();
    const transitive = parsed.transitive ?? true;
    const seen = new Set<string>([organisationId]);
    const queue = [organisationId];
    while (queue.length > 0) {
      const current = queue.pop() as string;
      graph.forEachInEdge(graphKey(current), (_key, attributes) => {
        if (attributes.kind !== 'memberOf') return;
        const source = attributes.entity.from;
        if (seen.has(source)) return;
        seen.add(source);
        if (transitive) queue.push(source);
      });
    }
    seen.delete(organisationId);
    return Object.freeze([...seen].sort());
  }

  /**
   * The scope of a query: an organisation with all its members (transitively) and the systems they own or use;
   * retired systems are left out unless `includeRetired`. Without an organisation, the whole model. The old form
   * `scope({ scope: 'pop' })` still works, and is deprecated.
   *
   * @throws {@link QueryError} `scope.unknown` or `scope.not-organisation`; {@link OptionError} for a bad option.
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({
   *   format: 'kartta/1', name: 'X',
   *   organisations: [{ id: 'pop', kind: 'region', name: 'POP' }, { id: 'oulu', kind: 'municipality', name: 'Oulu' }],
   *   systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }],
   *   relations: [{ type: 'memberOf', from: 'oulu', to: 'pop' }, { type: 'owns', from: 'oulu', to: 'a' }],
   * });
   * model.scope('pop').systems; // ['a']
   * model.scope('pop', { includeRetired: true }).organisations; // ['oulu', 'pop']
   * model.scope().systems; // ['a']: the whole model
   * ```
   */
  scope(organisation?: string, options?: { readonly includeRetired?: boolean | undefined }): Scope;
  /** @deprecated Pass the organisation first: `scope('pop')`, `scope('pop', { includeRetired: true })`. */
  scope(options: ScopeOptions): Scope;
  scope(first?: string | ScopeOptions, second?: { readonly includeRetired?: boolean | undefined }): Scope {
    const given: unknown =
      typeof first === 'string' || first === undefined
        ? { ...parseOptions('scope', SCOPE_RETIRED_OPTIONS, second), scope: first }
        : first;
    const options = parseOptions('scope', SCOPE_OPTIONS, given);
    const includeRetired = options.includeRetired ?? false;
    const keep = (system: System) => includeRetired || system.lifecycle !== 'retired';
    if (options.scope === undefined) {
      return {
        root: null,
        organisations: this.organisations().map((o) => o.id),
        systems: this.systems()
          .filter(keep)
          .map((s) => s.id),
      };
    }
    this.#requireKind(options.scope, 'organisation', 'scope');
    const organisations = [options.scope, ...this.membersOf(options.scope)].sort();
    const graph = this.#rawGraph();
    const systems = new Set<string>();
    for (const organisation of organisations) {
      graph.forEachOutEdge(graphKey(organisation), (_key, attributes, _source, target) => {
        if (attributes.kind !== 'owns' && attributes.kind !== 'uses') return;
        const node = graph.getNodeAttributes(target);
        if (node.kind === 'system' && keep(node.entity)) systems.add(node.entity.id);
      });
    }
    return { root: options.scope, organisations, systems: [...systems].sort() };
  }

  #requireKind(id: string, kind: 'organisation' | 'system', role: 'scope' | 'entity'): void {
    if (typeof id !== 'string') {
      throw new QueryError(
        'option.invalid',
        `${role === 'scope' ? 'scope' : `the ${kind}`} must be an id (a string), got ${echo(id)}`,
      );
    }
    const found = this.get(id);
    if (!found)
      throw new QueryError(
        `${role}.unknown`,
        `${role === 'scope' ? 'scope' : kind} '${capped(id)}' does not exist in the model`,
        id,
      );
    if (found.kind !== kind) {
      throw new QueryError(
        role === 'scope' ? 'scope.not-organisation' : 'entity.wrong-kind',
        `'${capped(id)}' is ${withArticle(found.kind)}, not ${withArticle(kind)}`,
        id,
      );
    }
  }

  /**
   * The product of a system, normalised: matched against the catalogue by id, name or alias regardless of case
   * and runs of white space; a product outside the catalogue is its own normalised name. `undefined` when the
   * system names no product (or does not exist).
   *
   * @example
   * ```ts
   * import { Model } from 'kartta';
   * const model = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 's', name: 'S', class: 'TORI', product: ' Dynasty  10 ', lifecycle: 'production' }] });
   * model.productOf('s'); // { key: 'dynasty 10', name: 'Dynasty 10', catalogue: false }
   * ```
   */
  productOf(systemId: string): ProductRef | undefined {
    const system = this.system(systemId);
    if (system?.product === undefined) return undefined;
    const catalogue = (this.#catalogue ??= buildCatalogue(this.#doc.products));
    const key = normaliseProductName(system.product);
    const product = catalogue.get(key);
    if (product) return { key: product.id, name: product.name, catalogue: true };
    return { key, name: system.product.trim().replace(/\s+/gu, ' '), catalogue: false };
  }
}

const INTEGRATIONS_OF_OPTIONS = optionsSchema({ includeVia: optionField.boolean() });
const MEMBERS_OF_OPTIONS = optionsSchema({ transitive: optionField.boolean() });
const SCOPE_OPTIONS = optionsSchema({ scope: optionField.id(), includeRetired: optionField.boolean() });
const SCOPE_RETIRED_OPTIONS = optionsSchema({ includeRetired: optionField.boolean() });

/** The empty list every read returns for nothing: frozen, like every list a model hands out. */
const NONE: readonly never[] = Object.freeze([]);

function buildCatalogue(products: readonly Product[]): Map<string, Product> {
  const map = new Map<string, Product>();
  for (const product of products) for (const key of productKeys(product)) if (!map.has(key)) map.set(key, product);
  return map;
}

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort(compareIds);
}

/**
 * Loads a document that nobody else holds (an importer's freshly built one), letting each of its elements go as
 * soon as the model's copy of it exists, so that a large import never has both whole in memory. The document's
 * large collections are emptied of what was copied; read nothing from it afterwards.
 */
export function safeLoadOwned(doc: Record<string, unknown>): LoadResult<Model> {
  return loadDocument(doc, true);
}

function loadDocument(input: unknown, owned = false): LoadResult<Model> {
  const read = readJsonObject(input, 'a kartta/1 document');
  if (!read.ok) return read;
  const { value } = read;
  const state = emptyState();
  const delta = fullDelta(value);
  // JSON text parsed here is ours alone, like an owned document: its elements can go once copied.
  const consume = owned || typeof input === 'string';
  const { issues, delta: copied } = checkDelta(value, delta, state, true, consume);
  if (issues.length > 0) return { ok: false, issues };
  const doc: Record<string, unknown> = { format: value.format, name: cloneName(value.name as Name) };
  if (value.description !== undefined) doc.description = value.description;
  for (const collection of collections) doc[collection] = [];
  for (const item of copied.added) (doc[item.collection] as unknown[]).push(item.entity);
  if (value.x !== undefined) doc.x = cloneX(value.x);
  commitDelta(state, copied);
  return { ok: true, model: construct(deepFreeze(doc as unknown as KarttaDocument), state) };
}

function cloneName(name: Name): Name {
  return typeof name === 'string' ? name : { ...name };
}

function cloneX(x: unknown): Record<string, unknown> {
  return cloneJson(x as Record<string, unknown>);
}
