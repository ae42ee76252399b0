/**
 * The synthetic migration plan generator: consolidations, replacements, retirements and rehostings over the
 * systems of a document, with `after` links, deadlines from contracts, and no cycle among the hard rules.
 */
import type { MigrationStep } from '../migration/plan-schema.js';
import { normaliseProductName, productKeys } from '../schema/products.js';
import type { Organisation, Product, Relation, System } from '../types.js';
import { optionError, optionField, optionsSchema, parseOptions } from '../options.js';
import { countField, seedField } from './generate.js';
import { identity } from './catalogue.js';
import { Random } from './random.js';

/**
 * Options of {@link generateMigrationPlan}.
 *
 * @example
 * ```ts
 * import type { MigrationPlanOptions } from 'kartta/testing';
 * const options: MigrationPlanOptions = { seed: 1, steps: 1_000, waveMonths: 3 };
 * ```
 *
 * @category Testing
 */
export interface MigrationPlanOptions {
  /** The seed: the same seed, options and document always give the same plan. */
  readonly seed: number | string;
  /** Exactly how many steps. */
  readonly steps: number;
  /** Only systems owned by this organisation and its (transitive) members; default the whole document. */
  readonly scope?: string | undefined;
  /** First day of wave 1; default `2019-01-01`. */
  readonly start?: string | undefined;
  /** Length of a wave in months; default 3. */
  readonly waveMonths?: number | undefined;
  /** Steps per wave at most; default one twenty-fifth of the steps, at least 3. */
  readonly capacity?: number | undefined;
}

/**
 * One step of a generated plan: a {@link MigrationStep}, the step of every migration plan.
 *
 * @example
 * ```ts
 * import type { GeneratedStep } from 'kartta/testing';
 * const step: GeneratedStep = { id: 'step-0001', action: 'consolidate', system: 'basware-kempele', target: 'basware-oulu' };
 * ```
 *
 * @category Testing
 */
export type GeneratedStep = MigrationStep;

/**
 * A generated migration plan document: `start`, `waveMonths`, `capacity` and the steps.
 *
 * @example
 * ```ts
 * import type { GeneratedPlan } from 'kartta/testing';
 * const plan: GeneratedPlan = { start: '2019-01-01', waveMonths: 6, capacity: 3, steps: [] };
 * ```
 *
 * @category Testing
 */
export interface GeneratedPlan {
  /** First day of wave 1: the `start` option, default `2019-01-01`. */
  start: string;
  /** Length of a wave in months: the `waveMonths` option, default 3. */
  waveMonths: number;
  /** Most steps per wave: the `capacity` option, default one in 25 of the steps (at least 3). */
  capacity: number;
  /** The steps, in an order that meets their `after` links. */
  steps: GeneratedStep[];
}

/**
 * What {@link generateMigrationPlan} reads from a document: its products, organisations, systems and relations.
 * Any `kartta/1` document (or `model.toJSON()`) fits.
 *
 * @example
 * ```ts
 * import type { PlanSource } from 'kartta/testing';
 * const source: PlanSource = { systems: [], relations: [] };
 * ```
 *
 * @category Testing
 */
export interface PlanSource {
  /** The product catalogue, to group installations of one product. */
  readonly products?: readonly Product[] | undefined;
  /** The organisations, to find the scope and the owners. */
  readonly organisations?: readonly Organisation[] | undefined;
  /** The systems the steps move. */
  readonly systems?: readonly System[] | undefined;
  /** The relations: membership, ownership, support and dependencies. */
  readonly relations?: readonly Relation[] | undefined;
}

const WHERE = 'generateMigrationPlan';
const PLAN_OPTIONS = optionsSchema({
  seed: seedField,
  steps: countField(0, 1_000_000),
  scope: optionField.id(),
  start: optionField.date(),
  waveMonths: optionField.integer(1, 1200),
  capacity: optionField.integer(1),
});

interface Candidate {
  readonly action: GeneratedStep['action'];
  readonly system: string;
  readonly target?: string;
  readonly description: string;
  /** Earlier candidates it should follow, by system id (resolved to steps when both are kept). */
  readonly follows?: string;
}

interface PlacedStep {
  readonly step: GeneratedStep;
  /** Steps that must come before this one, and after it, by index. */
  readonly before: number[];
  readonly later: number[];
}

/**
 * Generates a migration plan for a document (typically one made by `generateRegionModel`): rehosting of the
 * regions' identity management and platforms, consolidation of installations of one product into the one kept,
 * replacement of systems by their planned successors (`replaces` relations), retirement of systems being phased
 * out, and replacement of local identity management. Steps carry deadlines from contracts, some `notBefore`
 * dates and `after` links. Candidates that would close a cycle among the hard rules (`after`, "what a step moves
 * onto is ready first", "nothing is retired under something that still needs it") are left out, so the plan
 * always has a valid order.
 *
 * @throws {@link OptionError} (`option.invalid`) when an option is unknown, is out of range or the document offers fewer steps than asked.
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * import { generateMigrationPlan, generateRegionModel } from 'kartta/testing';
 * const doc = generateRegionModel({ seed: 3, systems: 10_000 });
 * const plan = generateMigrationPlan(doc, { seed: 3, steps: 1_000 });
 * console.log(plan.steps.length); // 1000
 * ```
 *
 * @category Testing
 */
export function generateMigrationPlan(doc: PlanSource, given: MigrationPlanOptions): GeneratedPlan {
  const options = parseOptions(WHERE, PLAN_OPTIONS, given);
  const seed = options.seed;
  const stepCount = options.steps;
  const waveMonths = options.waveMonths ?? 3;
  const capacity = options.capacity ?? Math.max(3, Math.ceil(stepCount / 25));
  const start = options.start ?? '2019-01-01';
  const random = new Random(seed);

  const systems = new Map<string, System>();
  for (const system of doc.systems ?? []) systems.set(system.id, system);
  const relations = doc.relations ?? [];
  const dependsOn = new Map<string, string[]>();
  const owner = new Map<string, string>();
  const parents = new Map<string, string[]>();
  const successors: [string, string][] = [];
  for (const relation of relations) {
    if (relation.type === 'dependsOn') {
      let list = dependsOn.get(relation.from);
      if (!list) dependsOn.set(relation.from, (list = []));
      list.push(relation.to);
    } else if (relation.type === 'owns') owner.set(relation.to, relation.from);
    else if (relation.type === 'memberOf') {
      let list = parents.get(relation.from);
      if (!list) parents.set(relation.from, (list = []));
      list.push(relation.to);
    } else if (relation.type === 'replaces') successors.push([relation.to, relation.from]);
  }

  // Scope: organisations that are the scope or (transitively) its members.
  const inScopeOrg = (org: string | undefined): boolean => {
    if (options.scope === undefined) return true;
    if (org === undefined) return false;
    const seen = new Set<string>();
    const queue = [org];
    while (queue.length > 0) {
      const current = queue.pop() as string;
      if (current === options.scope) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      queue.push(...(parents.get(current) ?? []));
    }
    return false;
  };
  if (options.scope !== undefined && !(doc.organisations ?? []).some((o) => o.id === options.scope)) {
    throw optionError(
      WHERE,
      ['scope'],
      `names '${options.scope}', which is not an organisation of the document`,
      options.scope,
    );
  }
  const scopeCache = new Map<string, boolean>();
  const inScope = (system: string): boolean => {
    const org = owner.get(system);
    const key = org ?? '';
    let result = scopeCache.get(key);
    if (result === undefined) scopeCache.set(key, (result = inScopeOrg(org)));
    return result;
  };
  const active = (id: string): boolean => {
    const system = systems.get(id);
    return (
      system !== undefined && (system.lifecycle === 'production' || system.lifecycle === 'phasingOut') && inScope(id)
    );
  };

  // Transitive dependencies, memoised; cycles in dependsOn (legal in a document) are cut by the visited set.
  const closures = new Map<string, ReadonlySet<string>>();
  const closure = (id: string): ReadonlySet<string> => {
    const known = closures.get(id);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [...(dependsOn.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === id || seen.has(next)) continue;
      seen.add(next);
      stack.push(...(dependsOn.get(next) ?? []));
    }
    closures.set(id, seen);
    return seen;
  };

  const catalogue = new Map<string, string>();
  for (const product of doc.products ?? [])
    for (const key of productKeys(product)) if (!catalogue.has(key)) catalogue.set(key, product.id);
  const productKey = (system: System): string | undefined => {
    if (system.product === undefined) return undefined;
    const key = normaliseProductName(system.product);
    return catalogue.get(key) ?? key;
  };
  const usersOf = (system: System): number => system.users ?? 0;

  // Candidates: infrastructure first, then applications and local identity management mixed.
  const infra: Candidate[] = [];
  const consolidations: Candidate[] = [];
  const replacements: Candidate[] = [];
  const retirements: Candidate[] = [];
  const identityMoves: Candidate[] = [];
  const platformIds = [...systems.values()].filter((s) => s.platform === true && active(s.id)).map((s) => s.id);
  const groups = new Map<string, string[]>();
  for (const system of systems.values()) {
    if (!active(system.id) || system.platform === true) continue;
    const key = productKey(system);
    if (key === undefined) continue;
    // Group per region-level owner chain: the first parent of the owner approximates "same region".
    const org = owner.get(system.id) ?? '';
    const region = topOf(org, parents);
    const groupKey = `${region}\u0000${key}`;
    let list = groups.get(groupKey);
    if (!list) groups.set(groupKey, (list = []));
    list.push(system.id);
  }
  // Identity management: per region, the region's own installation is kept and rehosted first; local ones are
  // replaced by it at the end.
  const identityByRegion = new Map<string, string[]>();
  for (const [groupKey, members] of groups) {
    const [region, key] = groupKey.split('\u0000') as [string, string];
    if (!identityKeys.has(key)) continue;
    let list = identityByRegion.get(region);
    if (!list) identityByRegion.set(region, (list = []));
    list.push(...members);
  }
  for (const [region, members] of identityByRegion) {
    const sorted = [...members].sort(
      (a, b) => Number(owner.get(b) === region) - Number(owner.get(a) === region) || (a < b ? -1 : 1),
    );
    const keep = sorted[0] as string;
    infra.push({
      action: 'rehost',
      system: keep,
      description: `Rehost the regional identity management ${keep} first: everything authenticates through it.`,
    });
    for (const other of sorted.slice(1)) {
      identityMoves.push({
        action: 'replace',
        system: other,
        target: keep,
        description: `Move the users of ${other} to the regional identity management ${keep}.`,
      });
    }
  }
  for (const [groupKey, members] of groups) {
    if (members.length < 2 || identityKeys.has(groupKey.split('\u0000')[1] as string)) continue;
    const sorted = [...members].sort(
      (a, b) => usersOf(systems.get(b) as System) - usersOf(systems.get(a) as System) || (a < b ? -1 : 1),
    );
    const keep = sorted[0] as string;
    const keptSystem = systems.get(keep) as System;
    let previous: string | undefined;
    for (const other of sorted.slice(1)) {
      consolidations.push({
        action: 'consolidate',
        system: other,
        target: keep,
        description: `Consolidate ${other} into ${keep} (${String(typeof keptSystem.name === 'string' ? keptSystem.name : Object.values(keptSystem.name)[0])}).`,
        ...(previous !== undefined && random.chance(0.3) ? { follows: previous } : {}),
      });
      previous = other;
    }
  }
  for (const platform of platformIds)
    infra.push({
      action: 'rehost',
      system: platform,
      description: `Rehost the integration platform ${platform} before systems move onto it.`,
    });
  for (const [old, successor] of successors) {
    if (!active(old) || !systems.has(successor)) continue;
    replacements.push({
      action: 'replace',
      system: old,
      target: successor,
      description: `Replace ${old} by its planned successor ${successor}.`,
    });
  }
  for (const system of systems.values()) {
    if (system.lifecycle === 'phasingOut' && active(system.id))
      retirements.push({
        action: 'retire',
        system: system.id,
        description: `Retire ${system.id}, already being phased out.`,
      });
  }

  const ordered = [
    ...random.shuffled(infra),
    ...interleave(random, [
      random.shuffled(consolidations),
      random.shuffled(replacements),
      random.shuffled(retirements),
      random.shuffled(identityMoves),
    ]),
  ];

  // Greedy placement: keep a candidate only when its hard-rule edges close no cycle.
  const placed: PlacedStep[] = [];
  const moved = new Set<string>();
  const targets = new Set<string>();
  const stepOfSystem = new Map<string, number>();
  const providers = new Map<string, number[]>(); // system made ready (target, or rehosted) -> steps
  const removers = new Map<string, number[]>(); // system taken out of use -> steps
  const needsReady = new Map<string, number[]>(); // system a step's target (or rehost) depends on -> steps
  const needsAlive = new Map<string, number[]>(); // system a step's system depends on -> steps
  const push = (map: Map<string, number[]>, key: string, value: number): void => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(value);
  };
  const reaches = (from: readonly number[], to: ReadonlySet<number>): boolean => {
    if (to.size === 0 || from.length === 0) return false;
    const seen = new Set<number>();
    const stack = [...from];
    while (stack.length > 0) {
      const next = stack.pop() as number;
      if (to.has(next)) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      for (const later of (placed[next] as PlacedStep).later) stack.push(later);
    }
    return false;
  };
  const width = Math.max(4, String(stepCount).length);
  for (const candidate of ordered) {
    if (placed.length >= stepCount) break;
    const { system, target, action } = candidate;
    if (moved.has(system) || targets.has(system) || (target !== undefined && moved.has(target))) continue;
    const ready = action === 'rehost' ? system : target;
    const removes = action === 'rehost' ? undefined : system;
    const before = new Set<number>();
    const after = new Set<number>();
    // Rule 1: after, explicit: following the previous consolidation into the same target, or now and then any
    // earlier step (a decision the architects took for reasons outside the model).
    let explicit = candidate.follows !== undefined ? stepOfSystem.get(candidate.follows) : undefined;
    if (explicit === undefined && placed.length > 0 && random.chance(0.05)) explicit = random.int(0, placed.length - 1);
    if (explicit !== undefined) before.add(explicit);
    // Rule 2: what this step moves onto must be ready; and steps moving onto what this one readies wait for it.
    if (ready !== undefined) {
      for (const dependency of closure(ready)) for (const index of providers.get(dependency) ?? []) before.add(index);
      for (const index of needsReady.get(ready) ?? []) after.add(index);
    }
    // Rule 3: nothing is retired under a step's system that still needs it, in either direction.
    if (removes !== undefined) for (const index of needsAlive.get(removes) ?? []) before.add(index);
    for (const dependency of closure(system)) for (const index of removers.get(dependency) ?? []) after.add(index);
    if ([...before].some((index) => after.has(index)) || reaches([...after], before)) continue;

    const index = placed.length;
    // Built as a mutable copy of the step type, then handed out as a MigrationStep; the random draws stay in order.
    const step: { -readonly [K in keyof GeneratedStep]: GeneratedStep[K] } = {
      id: `step-${String(index + 1).padStart(width, '0')}`,
      action,
      system,
    };
    if (target !== undefined) step.target = target;
    const ends = systems.get(system)?.contract?.ends;
    if (ends !== undefined && ends > start && random.chance(0.8)) step.deadline = ends;
    if (random.chance(0.05))
      step.notBefore = `${Number(start.slice(0, 4)) + random.int(0, 2)}-${random.pick(['01', '04', '07', '10'])}-01`;
    if (explicit !== undefined) step.after = [(placed[explicit] as PlacedStep).step.id];
    const beforeList = [...before].sort((a, b) => a - b);
    step.description = candidate.description;
    placed.push({ step, before: beforeList, later: [...after] });
    for (const i of before) (placed[i] as PlacedStep).later.push(index);
    moved.add(system);
    stepOfSystem.set(system, index);
    if (target !== undefined) targets.add(target);
    if (ready !== undefined) {
      push(providers, ready, index);
      for (const dependency of closure(ready)) push(needsReady, dependency, index);
    }
    if (removes !== undefined) push(removers, removes, index);
    for (const dependency of closure(system)) push(needsAlive, dependency, index);
  }
  if (placed.length < stepCount) {
    throw optionError(
      WHERE,
      ['steps'],
      `asks for ${stepCount}, but the document offers only ${placed.length} acyclic migration steps${options.scope !== undefined ? ` in scope '${options.scope}'` : ''}`,
    );
  }

  return { start, waveMonths, capacity, steps: placed.map((p) => p.step) };
}

function topOf(org: string, parents: ReadonlyMap<string, readonly string[]>): string {
  let current = org;
  const seen = new Set<string>();
  for (;;) {
    const up = parents.get(current);
    if (!up || up.length === 0 || seen.has(current)) return current;
    seen.add(current);
    // The first parent that is itself a member of something leads further up; otherwise the first parent.
    current = up.find((p) => (parents.get(p)?.length ?? 0) === 0) ?? (up[0] as string);
  }
}

/** Identity-management products of the generator's catalogue, handled as infrastructure. */
const identityKeys: ReadonlySet<string> = new Set(identity.products.map((p) => p.id));

function interleave<T>(random: Random, lists: readonly T[][]): T[] {
  const out: T[] = [];
  const cursors = lists.map(() => 0);
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  while (out.length < total) {
    const remaining = lists.map((list, i) => list.length - (cursors[i] as number));
    let x = random.next() * remaining.reduce((a, b) => a + b, 0);
    let i = 0;
    while (i < lists.length - 1 && x >= (remaining[i] as number)) x -= remaining[i++] as number;
    out.push((lists[i] as T[])[cursors[i] as number] as T);
    cursors[i] = (cursors[i] as number) + 1;
  }
  return out;
}
