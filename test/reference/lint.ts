// The implementation before issue 16, kept verbatim (imports re-pointed) as the reference oracle of the property tests.

/**
 * Lint: rules that find what a valid model can still get wrong (an installation nobody owns, an integration
 * into a retired system, a gap between parallel systems), as findings a script or CI can act on.
 */
import { z } from 'zod';
import type { Model } from '../../src/model/model.js';
import { describe, optionError, optionField, optionsSchema, parseOptions } from '../../src/options.js';
import { isRecord } from '../../src/schema/json.js';
import { normaliseProductName } from '../../src/schema/products.js';
import type { Integration, Name, System } from '../../src/types.js';
import { compareStrings, displayName, sortedUnique, todayUtc } from '../../src/queries/facts.js';
import { harmonisationCandidates } from './harmonisation.js';
import { parallelSystems } from './parallel.js';

/**
 * How much a finding matters: `error`, `warning` or `info`.
 *
 * @example
 * ```ts
 * import type { LintSeverity } from 'kartta';
 * const failBuildOn: LintSeverity = 'error';
 * ```
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
 */
export interface LintRule {
  readonly id: LintRuleId;
  /** The default severity. */
  readonly severity: LintSeverity;
  /** What the rule finds. */
  readonly description: string;
  /** Why it matters. */
  readonly rationale: string;
}

/**
 * Extra facts of a finding, as plain data (strings, numbers, booleans, null or lists of strings).
 *
 * @example
 * ```ts
 * import type { LintData } from 'kartta';
 * const data: LintData = { ends: '2020-12-31', asOf: '2022-01-01' };
 * ```
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
 */
export interface LintFinding {
  /** The rule's dotted id. */
  readonly rule: LintRuleId;
  readonly severity: LintSeverity;
  /** The id of the entity the finding is about (for a group: the smallest id in it). */
  readonly entity: string;
  /** Its name (the id itself for an integration or an id the model does not have). */
  readonly entityName: string;
  /** Other entities involved, sorted (the rest of a duplicate group or cycle, the systems of a pair, ...). */
  readonly related: readonly string[];
  readonly message: string;
  readonly data: LintData;
}

/**
 * Configuration of {@link lint}.
 *
 * @example
 * ```ts
 * import type { LintConfig } from 'kartta';
 * const config: LintConfig = { rules: { 'system.no-owner': 'error', 'system.no-product': 'off' }, asOf: '2022-01-01', scope: 'pop' };
 * ```
 */
export interface LintConfig {
  /** Severity overrides by rule id; `off` skips the rule. */
  readonly rules?: { readonly [rule in LintRuleId]?: LintLevel } | undefined;
  /** The day contracts are judged on (`YYYY-MM-DD`); default today (UTC). */
  readonly asOf?: string | undefined;
  /**
   * Only lint what is in the scope of this organisation: its members (transitively), their systems (retired
   * ones included), integrations with an end among them, services they provide or support.
   */
  readonly scope?: string | undefined;
}

/**
 * The lint rules, sorted by id: each with its default severity, what it finds and why.
 *
 * @example
 * ```ts
 * import { lintRules } from 'kartta';
 * const errors = lintRules.filter((rule) => rule.severity === 'error').map((rule) => rule.id);
 * ```
 */
export const lintRules: readonly LintRule[] = Object.freeze(
  [
    {
      id: 'contract.expired',
      severity: 'warning',
      description: 'A system not retired whose contract ended before the `asOf` date.',
      rationale: 'Running on an expired contract is a legal and procurement risk; renew it or plan the exit.',
    },
    {
      id: 'contract.notice-due',
      severity: 'info',
      description:
        'A system not retired whose contract notice period has begun (`ends` minus `noticeMonths` is on or before `asOf`) but which has not yet ended.',
      rationale: 'After the last day to give notice the contract renews or must run to its end: decide now.',
    },
    {
      id: 'integration.duplicate',
      severity: 'warning',
      description:
        'Two or more integrations between the same systems with the same direction, data, protocol, mode and platform.',
      rationale: 'A duplicate is usually a modelling slip; a real one is double maintenance and double cost.',
    },
    {
      id: 'integration.self',
      severity: 'error',
      description: 'An integration whose source and target are the same system.',
      rationale: 'Data does not flow from a system to itself; the other end is missing or wrong.',
    },
    {
      id: 'integration.to-retired',
      severity: 'warning',
      description: 'An integration between a retired system and one that is not retired.',
      rationale:
        'Data cannot flow into or out of a retired system: the integration should be retired or moved to the successor.',
    },
    {
      id: 'integration.via-non-platform',
      severity: 'error',
      description:
        "An integration whose `via` is not a working platform for it: the platform is retired, or it is one of the integration's own ends.",
      rationale:
        'A flow through a retired platform does not run; naming an end as the platform hides how the data really moves.',
    },
    {
      id: 'name.duplicate',
      severity: 'warning',
      description:
        'Two or more organisations, services or systems of the same kind sharing a name (ignoring case and runs of white space, in any language).',
      rationale: 'People cannot tell them apart in reports and diagrams; often the same thing was entered twice.',
    },
    {
      id: 'organisation.member-cycle',
      severity: 'error',
      description: 'Organisations that are members of each other through `memberOf` relations.',
      rationale: "Membership is a hierarchy; a cycle makes every organisation in it part of every other's scope.",
    },
    {
      id: 'organisation.orphan',
      severity: 'warning',
      description: 'An organisation with no relations at all: no membership, members, services or systems.',
      rationale: 'It falls outside every scope and every query; a membership or its systems are probably missing.',
    },
    {
      id: 'service.no-system',
      severity: 'info',
      description: 'A service that no system (not retired) supports.',
      rationale: 'Either the service runs without IT, or the systems behind it are missing from the model.',
    },
    {
      id: 'system.dependency-cycle',
      severity: 'warning',
      description: 'Systems that depend on each other through `dependsOn` relations.',
      rationale: 'A dependency cycle has no order to migrate or restart in; one of the relations is usually wrong.',
    },
    {
      id: 'system.no-owner',
      severity: 'warning',
      description: 'A system not retired that no organisation owns.',
      rationale: 'Someone must administer the installation and hold its contract.',
    },
    {
      id: 'system.no-product',
      severity: 'info',
      description: 'A system not retired that names no product.',
      rationale:
        'Without a product it cannot be matched with other installations of the same product for harmonisation.',
    },
    {
      id: 'system.no-service',
      severity: 'warning',
      description: 'A system not retired that supports no service, is not a platform and that no system depends on.',
      rationale: 'A system that serves nothing is a cost to cut, or its `supports` relations are missing.',
    },
    {
      id: 'system.retired-in-use',
      severity: 'warning',
      description: 'A retired system that an organisation still uses or a system not retired still depends on.',
      rationale: 'Either it is not retired yet, or the `uses`/`dependsOn` relations should move to its successor.',
    },
    {
      id: 'tori.parallel',
      severity: 'warning',
      description:
        'A service supported by TORI systems of two or more different products within one region (see harmonisationCandidates); without a scope, each region is checked on its own.',
      rationale: 'Domain-independent services should converge on one shared system per region.',
    },
    {
      id: 'tosi.parallel-unintegrated',
      severity: 'error',
      description:
        'Two TOSI systems in use of different products supporting one service in one region with no integration between them, direct or through a platform (see parallelSystems); without a scope, each region is checked on its own.',
      rationale: 'Domain-specific systems may run in parallel during the transition only if data flows between them.',
    },
  ].map((rule) => Object.freeze(rule as LintRule)),
);

const RULES: ReadonlyMap<string, LintRule> = new Map(lintRules.map((rule) => [rule.id, rule]));
const LEVELS = new Set<string>(['error', 'warning', 'info', 'off']);
const SEVERITY_RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

/** What the rules look at: the whole model, or a scope of it. */
interface Subject {
  readonly model: Model;
  readonly scope: string | undefined;
  readonly asOf: string;
  readonly organisations: readonly string[];
  readonly systems: readonly System[];
  readonly integrations: readonly Integration[];
  readonly services: readonly string[];
}

type Emit = (entity: string, message: string, related?: readonly string[], data?: LintData) => void;

function subjectOf(model: Model, scope: string | undefined, asOf: string): Subject {
  const inScope = model.scope(scope, { includeRetired: true });
  const systems = inScope.systems.map((id) => model.system(id) as System);
  if (scope === undefined) {
    return {
      model,
      scope,
      asOf,
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
    organisations: inScope.organisations,
    systems,
    integrations,
    services: sortedUnique(services),
  };
}

const retired = (system: System | undefined): boolean => system?.lifecycle === 'retired';

/**
 * Where the parallel rules look: the scope asked for; without one, each region in turn (systems of two regions
 * are not run in parallel, and pairing them across a national model would bury the real findings); a model
 * without regions as a whole.
 */
function parallelScopes(model: Model, scope: string | undefined): (string | undefined)[] {
  if (scope !== undefined) return [scope];
  const regions = model
    .organisations()
    .filter((o) => o.kind === 'region')
    .map((o) => o.id)
    .sort(compareStrings);
  return regions.length > 0 ? regions : [undefined];
}

/**
 * True the first time a service and set of systems is seen: an organisation in two regions puts it in both. With
 * one scope nothing can repeat, and nothing is remembered.
 */
function onceAcrossRegions(
  scopes: readonly (string | undefined)[],
): (service: string, systems: readonly string[]) => boolean {
  if (scopes.length < 2) return () => true;
  const seen = new Set<string>();
  return (service, systems) => {
    const key = `${service}\u0000${systems.join('\u0000')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

function label(model: Model, id: string): string {
  const found = model.get(id);
  if (found && (found.kind === 'system' || found.kind === 'organisation' || found.kind === 'service'))
    return `'${id}' (${displayName(found.entity.name)})`;
  return `'${id}'`;
}

/** `date` minus `months` calendar months, the day clamped to the month's length (2021-03-31 minus 1 is 2021-02-28). */
export function subtractMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Groups of nodes in a cycle (strongly connected components of two or more), each sorted, by smallest id. */
function cycles(nodes: readonly string[], next: (id: string) => readonly string[]): string[][] {
  // Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; edges: readonly string[]; i: number }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: [...next(node)].sort(compareStrings), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; edges: readonly string[]; i: number };
      if (frame.i < frame.edges.length) {
        const target = frame.edges[frame.i++] as string;
        if (!index.has(target)) open(target);
        else if (onStack.has(target))
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) out.push(component.sort(compareStrings));
      }
    }
  }
  return out.sort((a, b) => compareStrings(a[0] as string, b[0] as string));
}

/** Connected groups of ids that share a key, each sorted, only groups of two or more. */
function sharedKeyGroups(items: readonly { id: string; keys: readonly string[] }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  const owner = new Map<string, string>();
  for (const item of items) {
    parent.set(item.id, item.id);
    for (const key of item.keys) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, item.id);
      else {
        const a = find(first);
        const b = find(item.id);
        if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const root = find(item.id);
    const group = groups.get(root) ?? [];
    group.push(item.id);
    groups.set(root, group);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(compareStrings))
    .sort((a, b) => compareStrings(a[0] as string, b[0] as string));
}

function nameKeys(name: Name): string[] {
  const values = typeof name === 'string' ? [name] : Object.values(name);
  return sortedUnique(values.map((value) => normaliseProductName(value)));
}

function normalisedText(value: string | undefined): string {
  return value === undefined ? '' : normaliseProductName(value);
}

// A Record over every rule id: a rule without a check does not compile.
const CHECKS: Record<LintRuleId, (subject: Subject, emit: Emit) => void> = {
  'system.no-owner': ({ model, systems }, emit) => {
    for (const system of systems) {
      if (retired(system) || model.relationsIn(system.id, 'owns').length > 0) continue;
      emit(system.id, `system ${label(model, system.id)} has no owner`);
    }
  },
  'system.no-service': ({ model, systems }, emit) => {
    for (const system of systems) {
      if (retired(system) || system.platform === true) continue;
      if (model.relationsOut(system.id, 'supports').length > 0 || model.relationsIn(system.id, 'dependsOn').length > 0)
        continue;
      emit(
        system.id,
        `system ${label(model, system.id)} supports no service, is not a platform, and no system depends on it`,
      );
    }
  },
  'system.no-product': ({ model, systems }, emit) => {
    for (const system of systems) {
      if (!retired(system) && system.product === undefined)
        emit(system.id, `system ${label(model, system.id)} names no product`);
    }
  },
  'system.retired-in-use': ({ model, systems }, emit) => {
    for (const system of systems) {
      if (!retired(system)) continue;
      const usedBy = sortedUnique(model.relationsIn(system.id, 'uses').map((r) => r.from));
      const neededBy = sortedUnique(
        model
          .relationsIn(system.id, 'dependsOn')
          .map((r) => r.from)
          .filter((id) => !retired(model.system(id))),
      );
      if (usedBy.length === 0 && neededBy.length === 0) continue;
      const parts = [
        usedBy.length > 0 ? `used by ${usedBy.map((id) => `'${id}'`).join(', ')}` : '',
        neededBy.length > 0 ? `needed (dependsOn) by ${neededBy.map((id) => `'${id}'`).join(', ')}` : '',
      ].filter((p) => p !== '');
      emit(
        system.id,
        `retired system ${label(model, system.id)} is still ${parts.join(' and ')}`,
        sortedUnique([...usedBy, ...neededBy]),
        { usedBy, neededBy },
      );
    }
  },
  'system.dependency-cycle': ({ model, systems }, emit) => {
    const ids = systems.map((s) => s.id);
    for (const cycle of cycles(ids, (id) => model.relationsOut(id, 'dependsOn').map((r) => r.to))) {
      emit(
        cycle[0] as string,
        `systems depend on each other in a cycle: ${cycle.map((id) => `'${id}'`).join(', ')}`,
        cycle.slice(1),
        { cycle },
      );
    }
  },
  'integration.self': ({ model, integrations }, emit) => {
    for (const integration of integrations) {
      if (integration.source === integration.target) {
        emit(integration.id, `integration '${integration.id}' joins ${label(model, integration.source)} to itself`, [
          integration.source,
        ]);
      }
    }
  },
  'integration.to-retired': ({ model, integrations }, emit) => {
    for (const integration of integrations) {
      const sourceRetired = retired(model.system(integration.source));
      const targetRetired = retired(model.system(integration.target));
      if (sourceRetired === targetRetired) continue;
      const dead = sourceRetired ? integration.source : integration.target;
      const alive = sourceRetired ? integration.target : integration.source;
      emit(
        integration.id,
        `integration '${integration.id}' joins ${label(model, alive)} to retired system ${label(model, dead)}`,
        [dead, alive].sort(compareStrings),
        {
          retired: dead,
        },
      );
    }
  },
  'integration.via-non-platform': ({ model, integrations }, emit) => {
    for (const integration of integrations) {
      const via = integration.via;
      if (via === undefined) continue;
      const platform = model.system(via);
      let reason: string | undefined;
      if (platform?.platform !== true) reason = 'not-platform';
      else if (via === integration.source || via === integration.target) reason = 'own-end';
      else if (retired(platform)) reason = 'retired';
      if (reason === undefined) continue;
      const text =
        reason === 'own-end'
          ? `runs via ${label(model, via)}, which is one of its own ends`
          : reason === 'retired'
            ? `runs via ${label(model, via)}, a retired platform`
            : `runs via ${label(model, via)}, which is not a platform`;
      emit(integration.id, `integration '${integration.id}' ${text}`, [via], { via, reason });
    }
  },
  'integration.duplicate': ({ integrations }, emit) => {
    const groups = new Map<string, string[]>();
    for (const integration of integrations) {
      const ends =
        integration.direction === 'twoWay'
          ? [integration.source, integration.target].sort(compareStrings)
          : [integration.source, integration.target];
      const key = JSON.stringify([
        ends,
        integration.direction ?? '',
        normalisedText(integration.data),
        normalisedText(integration.protocol),
        integration.mode ?? '',
        integration.via ?? '',
      ]);
      const group = groups.get(key) ?? [];
      group.push(integration.id);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const ids = [...group].sort(compareStrings);
      emit(
        ids[0] as string,
        `integrations ${ids.map((id) => `'${id}'`).join(', ')} carry the same data the same way between the same systems`,
        ids.slice(1),
        {
          integrations: ids,
        },
      );
    }
  },
  'organisation.orphan': ({ model, organisations }, emit) => {
    for (const id of organisations) {
      if (model.relationsOut(id).length === 0 && model.relationsIn(id).length === 0)
        emit(id, `organisation ${label(model, id)} has no relations at all`);
    }
  },
  'organisation.member-cycle': ({ model, organisations }, emit) => {
    // Membership cycles can reach outside a scope; look at the whole model and report those touching the scope.
    const inScope = new Set(organisations);
    const all = model.organisations().map((o) => o.id);
    for (const cycle of cycles(all, (id) => model.relationsOut(id, 'memberOf').map((r) => r.to))) {
      if (!cycle.some((id) => inScope.has(id))) continue;
      emit(
        cycle[0] as string,
        `organisations are members of each other in a cycle: ${cycle.map((id) => `'${id}'`).join(', ')}`,
        cycle.slice(1),
        { cycle },
      );
    }
  },
  'service.no-system': ({ model, services }, emit) => {
    for (const id of services) {
      const supported = model.relationsIn(id, 'supports').some((r) => !retired(model.system(r.from)));
      if (!supported) emit(id, `service ${label(model, id)} is supported by no system in use`);
    }
  },
  'contract.expired': ({ model, systems, asOf }, emit) => {
    for (const system of systems) {
      const ends = system.contract?.ends;
      if (retired(system) || ends === undefined || ends >= asOf) continue;
      emit(system.id, `the contract of ${label(model, system.id)} ended on ${ends} (as of ${asOf})`, [], {
        ends,
        asOf,
      });
    }
  },
  'contract.notice-due': ({ model, systems, asOf }, emit) => {
    for (const system of systems) {
      const ends = system.contract?.ends;
      const months = system.contract?.noticeMonths;
      if (retired(system) || ends === undefined || months === undefined || ends < asOf) continue;
      const noticeBy = subtractMonths(ends, months);
      if (noticeBy > asOf) continue;
      emit(
        system.id,
        `the contract of ${label(model, system.id)} ends on ${ends}; notice (${months} months) was due by ${noticeBy}`,
        [],
        {
          ends,
          noticeMonths: months,
          noticeBy,
          asOf,
        },
      );
    }
  },
  'tori.parallel': ({ model, scope }, emit) => {
    const scopes = parallelScopes(model, scope);
    const once = onceAcrossRegions(scopes);
    for (const candidate of scopes.flatMap((s) => harmonisationCandidates(model, { scope: s }))) {
      if (candidate.kind !== 'sameService' || !once(candidate.service, candidate.systems)) continue;
      emit(
        candidate.service,
        `service ${label(model, candidate.service)} is supported by TORI systems of ${candidate.products.length} products: ${candidate.productGroups
          .map((g) => `${g.name} (${g.systems.join(', ')})`)
          .join('; ')}`,
        candidate.systems,
        { products: candidate.products, keepProduct: candidate.keepProduct },
      );
    }
  },
  'tosi.parallel-unintegrated': ({ model, scope }, emit) => {
    const scopes = parallelScopes(model, scope);
    const once = onceAcrossRegions(scopes);
    for (const group of scopes.flatMap((s) => parallelSystems(model, { scope: s }))) {
      for (const pair of group.pairs) {
        if (pair.status !== 'none' || !once(group.service, pair.systems)) continue;
        emit(
          group.service,
          `parallel systems ${label(model, pair.systems[0])} and ${label(model, pair.systems[1])} both support ${label(model, group.service)} but no data flows between them`,
          [...pair.systems],
          { products: [...pair.products] },
        );
      }
    }
  },
  'name.duplicate': ({ model, organisations, systems, services }, emit) => {
    const kinds: [string, { id: string; keys: string[] }[]][] = [
      ['organisations', organisations.map((id) => ({ id, keys: nameKeys(model.organisation(id)?.name ?? id) }))],
      ['services', services.map((id) => ({ id, keys: nameKeys(model.service(id)?.name ?? id) }))],
      ['systems', systems.map((s) => ({ id: s.id, keys: nameKeys(s.name) }))],
    ];
    for (const [kind, items] of kinds) {
      for (const group of sharedKeyGroups(items)) {
        emit(
          group[0] as string,
          `${kind} ${group.map((id) => label(model, id)).join(', ')} share a name`,
          group.slice(1),
          { kind },
        );
      }
    }
  },
};

const OPTIONS = optionsSchema({
  rules: z
    .custom<Readonly<Record<string, LintLevel>>>(isRecord, {
      error: 'must be an object of rule ids to levels',
    })
    .optional(),
  asOf: optionField.date(),
  scope: optionField.id(),
});

/** The level of every rule: its default, unless `rules` says otherwise. Rule ids are looked up in a Map, never on `rules`' prototype. */
function levelsOf(rules: Readonly<Record<string, unknown>> | undefined): Map<string, LintLevel> {
  const levels = new Map<string, LintLevel>(lintRules.map((rule) => [rule.id, rule.severity]));
  if (rules === undefined) return levels;
  for (const [id, level] of Object.entries(rules).sort(([a], [b]) => compareStrings(a, b))) {
    if (!RULES.has(id))
      throw optionError('lint', ['rules', id], `names no rule (known: ${[...RULES.keys()].join(', ')})`, id);
    if (typeof level !== 'string' || !LEVELS.has(level)) {
      throw optionError(
        'lint',
        ['rules', id],
        `must be 'error', 'warning', 'info' or 'off', got ${describe(level)}`,
        id,
      );
    }
    levels.set(id, level as LintLevel);
  }
  return levels;
}

/**
 * Checks a model against the {@link lintRules} and returns what they find, sorted by severity (errors first),
 * rule id, entity id, related ids and message. Each rule's severity can be changed, or the rule turned `off`.
 * `asOf` (default: today, UTC) is the day contracts are judged on; `scope` limits what is checked. Without a scope,
 * the parallel rules (`tori.parallel`, `tosi.parallel-unintegrated`) look within each region (organisation of
 * kind `region`) in turn, since systems of two regions do not run in parallel; a model without regions is one.
 *
 * @throws {@link OptionError} `option.invalid` for an unknown rule id (`id` the rule), a bad level, an unknown
 *   config key or a bad `asOf`; {@link QueryError} `scope.unknown` or `scope.not-organisation` for a bad scope.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, lint } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const findings = lint(model, { rules: { 'system.no-owner': 'error', 'system.no-product': 'off' }, asOf: '2019-01-01' });
 * for (const f of findings) console.log(`${f.severity} ${f.rule} ${f.entity}: ${f.message}`);
 * if (findings.some((f) => f.severity === 'error')) process.exitCode = 1;
 * ```
 */
export function lint(model: Model, config: LintConfig = {}): LintFinding[] {
  const parsed = parseOptions('lint', OPTIONS, config);
  const levels = levelsOf(parsed.rules);
  const asOf = parsed.asOf ?? todayUtc();
  const scope = parsed.scope;
  const subject = subjectOf(model, scope, asOf);
  const findings: LintFinding[] = [];
  for (const rule of lintRules) {
    const level = levels.get(rule.id) ?? rule.severity;
    if (level === 'off') continue;
    const check = CHECKS[rule.id];
    if (!check) continue;
    check(subject, (entity, message, related = [], data = {}) => {
      findings.push({
        rule: rule.id,
        severity: level,
        entity,
        entityName: model.nameOf(entity) ?? entity,
        related: [...related],
        message,
        data,
      });
    });
  }
  return sortFindings(findings);
}

/** Sorts by severity (errors first), rule, entity, related ids and message, joining each finding's related ids once rather than per comparison. */
function sortFindings(findings: LintFinding[]): LintFinding[] {
  const keyed = findings.map((finding) => ({ finding, related: finding.related.join('\u0000') }));
  keyed.sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      compareStrings(a.finding.rule, b.finding.rule) ||
      compareStrings(a.finding.entity, b.finding.entity) ||
      compareStrings(a.related, b.related) ||
      compareStrings(a.finding.message, b.finding.message),
  );
  return keyed.map((k) => k.finding);
}
