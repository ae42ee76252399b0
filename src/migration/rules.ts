/**
 * The hard rules of a plan as precedence links between steps, and the systems outside the plan that a step
 * would leave without something they depend on.
 *
 * "Depends on" means: directly or through further `dependsOn` relations. A retired system needs nothing, so the
 * `dependsOn` relations of retired systems are ignored.
 */
import type { Model } from '../model/model.js';
import { compareStrings } from '../queries/facts.js';
import type { HardRule } from './errors.js';
import type { MigrationStep } from './plan-schema.js';

/**
 * A hard precedence between two steps: `before` comes in an earlier wave than `after`.
 *
 * - `after`: the later step lists the earlier one in its `after`.
 * - `ready`: `system` (the later step's target, or the system it rehosts) depends on `dependsOn`, which the
 *   earlier step puts in place (as its target or rehosted system).
 * - `in-use`: `system` (the earlier step's system) depends on `dependsOn`, which the later step takes out of use.
 *
 * @example
 * ```ts
 * import type { HardConstraint } from 'kartta';
 * const link: HardConstraint = { before: 'iam', after: 'ptj-oulu', rule: 'ready', system: 'esko-pop', dependsOn: 'pop-iam' };
 * ```
 *
 * @category Migration
 */
export interface HardConstraint {
  /** The id of the step that must be in an earlier wave. */
  readonly before: string;
  /** The id of the step that must be in a later wave. */
  readonly after: string;
  /** The hard rule that ties them. */
  readonly rule: HardRule;
  /** For `ready` and `in-use`: the system whose dependency ties the two steps. */
  readonly system?: string | undefined;
  /** For `ready` and `in-use`: the system it depends on. */
  readonly dependsOn?: string | undefined;
}

/** A step that takes a system out of use while systems outside the plan depend on it. */
export interface OutsideDependents {
  readonly step: string;
  /** The system taken out of use. */
  readonly system: string;
  /** The systems outside the plan that depend on it, sorted. */
  readonly dependents: readonly string[];
}

/** What the step puts in place and must be ready before steps moving onto it: its target, or the rehosted system. */
export function readySystemOf(step: MigrationStep): string | undefined {
  return step.action === 'rehost' ? step.system : step.target;
}

/** What the step takes out of use: its system, except when it is rehosted. */
export function removedSystemOf(step: MigrationStep): string | undefined {
  return step.action === 'rehost' ? undefined : step.system;
}

/** Reverse `dependsOn` adjacency (system -> the systems that depend on it directly), without retired systems. */
export function dependentsIndex(model: Model): Map<string, string[]> {
  const dependents = new Map<string, string[]>();
  for (const relation of model.relations('dependsOn')) {
    if (model.system(relation.from)?.lifecycle === 'retired') continue;
    let list = dependents.get(relation.to);
    if (!list) dependents.set(relation.to, (list = []));
    list.push(relation.from);
  }
  return dependents;
}

/** Every system that depends on `root`, directly or transitively (not `root` itself), in breadth-first order. */
function dependentsOf(root: string, dependents: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>([root]);
  const out: string[] = [];
  const queue: string[] = [root];
  for (let head = 0; head < queue.length; head++) {
    for (const next of dependents.get(queue[head] as string) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
      queue.push(next);
    }
  }
  return out;
}

function group(
  steps: readonly MigrationStep[],
  key: (step: MigrationStep) => string | undefined,
): Map<string, MigrationStep[]> {
  const map = new Map<string, MigrationStep[]>();
  for (const step of steps) {
    const k = key(step);
    if (k === undefined) continue;
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(step);
  }
  return map;
}

/**
 * The hard precedence links of a plan (rules 1 to 3), and for rule 3 the dependents outside the plan. Links are
 * sorted by before, after and rule; a pair tied by two rules appears once per rule.
 */
export function hardConstraints(
  model: Model,
  steps: readonly MigrationStep[],
): { constraints: HardConstraint[]; outside: OutsideDependents[] } {
  const dependents = dependentsIndex(model);
  const found = new Map<string, HardConstraint>();
  const add = (link: HardConstraint): void => {
    const key = `${link.before}\u0000${link.after}\u0000${link.rule}`;
    const known = found.get(key);
    // Keep one witness per pair and rule: the smallest system, then dependency, for a deterministic answer.
    if (
      !known ||
      compareStrings(
        `${link.system ?? ''}\u0000${link.dependsOn ?? ''}`,
        `${known.system ?? ''}\u0000${known.dependsOn ?? ''}`,
      ) < 0
    ) {
      found.set(key, link);
    }
  };

  for (const step of steps)
    for (const earlier of step.after ?? []) add({ before: earlier, after: step.id, rule: 'after' });

  const readyBy = group(steps, readySystemOf);
  for (const [provided, providers] of readyBy) {
    for (const system of dependentsOf(provided, dependents)) {
      for (const later of readyBy.get(system) ?? []) {
        for (const earlier of providers) {
          if (earlier.id !== later.id)
            add({ before: earlier.id, after: later.id, rule: 'ready', system, dependsOn: provided });
        }
      }
    }
  }

  const stepOfSystem = new Map<string, MigrationStep>();
  for (const step of steps) stepOfSystem.set(step.system, step);
  const outside: OutsideDependents[] = [];
  const removedBy = group(steps, removedSystemOf);
  for (const [removed, removers] of removedBy) {
    const strangers: string[] = [];
    for (const system of dependentsOf(removed, dependents)) {
      const earlier = stepOfSystem.get(system);
      if (!earlier) {
        strangers.push(system);
        continue;
      }
      for (const later of removers) {
        if (earlier.id !== later.id)
          add({ before: earlier.id, after: later.id, rule: 'in-use', system, dependsOn: removed });
      }
    }
    if (strangers.length > 0) {
      strangers.sort(compareStrings);
      for (const remover of removers) outside.push({ step: remover.id, system: removed, dependents: strangers });
    }
  }

  const ruleOrder: Record<HardRule, number> = { after: 0, ready: 1, 'in-use': 2 };
  const constraints = [...found.values()].sort(
    (a, b) =>
      compareStrings(a.before, b.before) || compareStrings(a.after, b.after) || ruleOrder[a.rule] - ruleOrder[b.rule],
  );
  outside.sort((a, b) => compareStrings(a.step, b.step));
  return { constraints, outside };
}
