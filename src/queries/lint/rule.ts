/**
 * The shape of a lint rule and of what it finds: the public types ({@link LintRule}, {@link LintFinding}, ...) and
 * the definition each rule module exports, metadata and check in one object.
 */
import type { Model } from '../../model/model.js';
import type { Integration, RelationType, System } from '../../types.js';
import { sortedUnique } from '../facts.js';

/**
 * How much a finding matters: `error`, `warning` or `info`.
 *
 * @example
 * ```ts
 * import type { LintSeverity } from 'kartta';
 * const failBuildOn: LintSeverity = 'error';
 * ```
 *
 * @category Lint
 */
export type LintSeverity = 'error' | 'warning' | 'info';

/**
 * A rule's configured level: a severity, or `off` to not run it.
 *
 * @example
 * ```ts
 * import type { LintLevel } from 'kartta';
 * const levels: Record<string, LintLevel> = { 'system.no-product': 'off', 'system.no-owner': 'error' };
 * ```
 *
 * @category Lint
 */
export type LintLevel = LintSeverity | 'off';

/**
 * The ids of the lint rules, sorted.
 *
 * @example
 * ```ts
 * import { lintRuleIds } from 'kartta';
 * lintRuleIds.includes('system.no-owner'); // true
 * ```
 *
 * @category Lint
 */
export const lintRuleIds = [
  'contract.expired',
  'contract.notice-due',
  'integration.duplicate',
  'integration.self',
  'integration.to-retired',
  'integration.via-non-platform',
  'name.duplicate',
  'organisation.member-cycle',
  'organisation.orphan',
  'service.no-system',
  'system.dependency-cycle',
  'system.no-owner',
  'system.no-product',
  'system.no-service',
  'system.obligated-offering',
  'system.retired-in-use',
  'tori.parallel',
  'tosi.parallel-unintegrated',
] as const;

/**
 * The id of a lint rule: a dotted namespace and hyphenated words, e.g. `system.no-owner`.
 *
 * @example
 * ```ts
 * import type { LintRuleId } from 'kartta';
 * const rule: LintRuleId = 'tosi.parallel-unintegrated';
 * ```
 *
 * @category Lint
 */
export type LintRuleId = (typeof lintRuleIds)[number];

/**
 * A lint rule: its dotted id, default severity, what it finds and why that matters.
 *
 * @example
 * ```ts
 * import { lintRules } from 'kartta';
 * for (const rule of lintRules) console.log(rule.id, rule.severity, rule.rationale);
 * ```
 *
 * @category Lint
 */
export interface LintRule {
  /** The rule's dotted id. */
  readonly id: LintRuleId;
  /** The default severity. */
  readonly severity: LintSeverity;
  /** What the rule finds. */
  readonly description: string;
  /** Why it matters. */
  readonly rationale: string;
  /** Where the rule is documented: the rule table of the lint guide. */
  readonly docs: string;
}

/**
 * Extra facts of a finding, as plain data (strings, numbers, booleans, null or lists of strings).
 *
 * @example
 * ```ts
 * import type { LintData } from 'kartta';
 * const data: LintData = { ends: '2020-12-31', asOf: '2022-01-01' };
 * ```
 *
 * @category Lint
 */
export type LintData = { readonly [key: string]: string | number | boolean | null | readonly string[] };

/**
 * One thing a lint rule found.
 *
 * @example
 * ```ts
 * import type { LintFinding } from 'kartta';
 * const finding: LintFinding = {
 *   rule: 'system.no-owner', severity: 'warning', entity: 'esko-ppshp', entityName: 'Esko', related: [], data: {},
 *   message: "system 'esko-ppshp' (Esko) has no owner",
 * };
 * ```
 *
 * @category Lint
 */
export interface LintFinding {
  /** The rule's dotted id. */
  readonly rule: LintRuleId;
  /** The finding's severity: the rule's default, or what `LintConfig.rules` set. */
  readonly severity: LintSeverity;
  /** The id of the entity the finding is about (for a group: the smallest id in it). */
  readonly entity: string;
  /** Its name (the id itself for an integration or an id the model does not have). */
  readonly entityName: string;
  /** Other entities involved, sorted (the rest of a duplicate group or cycle, the systems of a pair, ...). */
  readonly related: readonly string[];
  /** What is wrong and where, in words, with names next to ids. */
  readonly message: string;
  /**
   * The facts behind the message as plain data (dates, counts, the platform of a pair, ...), keys depending on the
   * rule.
   */
  readonly data: LintData;
  /**
   * For a finding that stands for many pairs of systems (`tosi.parallel-unintegrated`: one finding per service
   * and region, not one per pair): how many pairs, and the first ones.
   */
  readonly pairs?: LintPairs;
}

/**
 * The pairs of systems a grouped finding stands for: all of them counted, the first ones listed.
 *
 * @example
 * ```ts
 * import type { LintPairs } from 'kartta';
 * const pairs: LintPairs = { count: 3, shown: [['esko-ppshp', 'lifecare-oulu']] };
 * const more = pairs.count - pairs.shown.length; // 2 not listed
 * ```
 *
 * @category Queries
 */
export interface LintPairs {
  /** How many pairs there are. */
  readonly count: number;
  /** The first pairs in order of their ids (each pair's two ids sorted), at most `maxPairs` of {@link LintConfig}. */
  readonly shown: readonly (readonly [string, string])[];
}

/**
 * Configuration of {@link lint}.
 *
 * @example
 * ```ts
 * import type { LintConfig } from 'kartta';
 * const config: LintConfig = { rules: { 'system.no-owner': 'error', 'system.no-product': 'off' }, asOf: '2022-01-01', scope: 'pop' };
 * ```
 *
 * @category Lint
 */
export interface LintConfig {
  /** Severity overrides by rule id; `off` skips the rule. */
  readonly rules?: Readonly<Partial<Record<LintRuleId, LintLevel>>> | undefined;
  /** The day contracts are judged on (`YYYY-MM-DD`); default today (UTC). */
  readonly asOf?: string | undefined;
  /**
   * Only lint what is in the scope of this organisation: its members (transitively), their systems (retired
   * ones included), integrations with an end among them, services they provide or support.
   */
  readonly scope?: string | undefined;
  /**
   * How many pairs a grouped finding lists in {@link LintFinding.pairs} (`shown`); it counts them all. Default 10;
   * `Infinity` lists every pair.
   */
  readonly maxPairs?: number | undefined;
}

/** Where the rules are documented (the rule table of the queries guide). @internal */
export const LINT_DOCS = 'https://github.com/kartta-ea/kartta/blob/main/docs/queries.md#lint';

/** What the rules look at: the whole model, or a scope of it. @internal */
export interface Subject {
  readonly model: Model;
  readonly scope: string | undefined;
  readonly asOf: string;
  readonly organisations: readonly string[];
  readonly systems: readonly System[];
  readonly integrations: readonly Integration[];
  readonly services: readonly string[];
  /** How many pairs a grouped finding lists. */
  readonly maxPairs: number;
  /** The model's relations by type and end, read once for all rules. */
  readonly relations: RelationIndex;
}

const NO_IDS: readonly string[] = Object.freeze([]);

/**
 * The relations of a model by type and end, each type read once per lint run: the rules ask about every system
 * and organisation, and asking the model each time would walk each one's edges and sort them per call.
 *
 * @internal
 */
export class RelationIndex {
  readonly #model: Model;
  readonly #out = new Map<RelationType, Map<string, string[]>>();
  readonly #in = new Map<RelationType, Map<string, string[]>>();
  #ends: Set<string> | undefined;

  constructor(model: Model) {
    this.#model = model;
  }

  /** One pass over the relations as held (unsorted: the rules sort what they list), every type at once. */
  #build(): void {
    const ends = new Set<string>();
    for (const relation of this.#model.document.relations) {
      let out = this.#out.get(relation.type);
      let into = this.#in.get(relation.type);
      if (!out || !into) {
        this.#out.set(relation.type, (out = new Map<string, string[]>()));
        this.#in.set(relation.type, (into = new Map<string, string[]>()));
      }
      const targets = out.get(relation.from);
      if (targets) targets.push(relation.to);
      else out.set(relation.from, [relation.to]);
      const sources = into.get(relation.to);
      if (sources) sources.push(relation.from);
      else into.set(relation.to, [relation.from]);
      ends.add(relation.from);
      ends.add(relation.to);
    }
    this.#ends = ends;
  }

  /** The targets of the `type` relations from `id`, in no particular order. */
  out(id: string, type: RelationType): readonly string[] {
    if (!this.#ends) this.#build();
    return this.#out.get(type)?.get(id) ?? NO_IDS;
  }

  /** The sources of the `type` relations to `id`, in no particular order. */
  in(id: string, type: RelationType): readonly string[] {
    if (!this.#ends) this.#build();
    return this.#in.get(type)?.get(id) ?? NO_IDS;
  }

  /** True when `id` is an end of any relation. */
  isEnd(id: string): boolean {
    if (!this.#ends) this.#build();
    return (this.#ends as Set<string>).has(id);
  }
}

/** Reports one finding of the rule being run. @internal */
export type Emit = (
  entity: string,
  message: string,
  related?: readonly string[],
  data?: LintData,
  pairs?: LintPairs,
) => void;

export function subjectOf(model: Model, scope: string | undefined, asOf: string, maxPairs: number): Subject {
  const inScope = model.scope(scope, { includeRetired: true });
  const systems = inScope.systems.map((id) => model.system(id) as System);
  if (scope === undefined) {
    return {
      model,
      scope,
      asOf,
      maxPairs,
      relations: new RelationIndex(model),
      organisations: inScope.organisations,
      systems,
      integrations: model.integrations(),
      services: model.services().map((s) => s.id),
    };
  }
  const systemIds = new Set(inScope.systems);
  const integrations = model.integrations().filter((i) => systemIds.has(i.source) || systemIds.has(i.target));
  const services = new Set<string>();
  for (const organisation of inScope.organisations)
    for (const r of model.relationsOut(organisation, 'provides')) services.add(r.to);
  for (const id of inScope.systems) for (const r of model.relationsOut(id, 'supports')) services.add(r.to);
  return {
    model,
    scope,
    asOf,
    maxPairs,
    relations: new RelationIndex(model),
    organisations: inScope.organisations,
    systems,
    integrations,
    services: sortedUnique(services),
  };
}

/**
 * One rule: its metadata and its check together, so that a rule without a check cannot be written (the check is
 * required by the type, and the registry requires a definition for every {@link LintRuleId}).
 *
 * @internal
 */
export interface LintRuleDefinition<Id extends LintRuleId = LintRuleId> extends LintRule {
  readonly id: Id;
  /** Looks at the subject and calls `emit` once per finding. */
  readonly check: (subject: Subject, emit: Emit) => void;
}
