/**
 * Turns a placement into the public result: waves with dates, bridges, missed deadlines with their causes,
 * violations, and for every step the reasons it sits where it does, as data and in words.
 */
import { compareStrings } from '../queries/facts.js';
import type { WaveCalendar } from './calendar.js';
import { earliestWaves } from './heuristic.js';
import type { MigrationPlan, MigrationStep } from './plan-schema.js';
import { NO_DEADLINE, type Problem } from './problem.js';
import type {
  MigrationBridge,
  MigrationMethod,
  MigrationResult,
  MigrationViolation,
  MigrationWave,
  MissedDeadline,
  PlacementReason,
  PlacementReasonData,
  PlanReason,
  StepPlacement,
} from './result.js';
import type { HardConstraint } from './rules.js';

/** An integration between the systems of two different steps. */
export interface StepIntegration {
  readonly id: string;
  /** The steps moving its source and its target. */
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}

export interface AssembleInput {
  readonly plan: MigrationPlan;
  readonly classOf: ReadonlyMap<string, 'TORI' | 'TOSI'>;
  /** The name of a system, for the placements. */
  readonly nameOf: (systemId: string) => string;
  readonly problem: Problem;
  readonly wave: ArrayLike<number>;
  readonly constraints: readonly HardConstraint[];
  readonly violations: readonly MigrationViolation[];
  readonly calendar: WaveCalendar | undefined;
  /** Sorted by id. */
  readonly integrations: readonly StepIntegration[];
  readonly optimal: boolean;
  readonly method: MigrationMethod;
  /** A lower bound of the optimal cost, or `cost` when the placement is optimal. */
  readonly lowerBound: number | 'cost';
  readonly reasons: readonly PlanReason[];
}

export function assemble(input: AssembleInput): MigrationResult {
  const { problem, calendar } = input;
  const numberOf = new Map<string, number>();
  problem.ids.forEach((id, i) => numberOf.set(id, i));
  // Keyed by ids: without a prototype, an id such as '__proto__' or 'toString' is an ordinary key.
  const waveOf = Object.create(null) as Record<string, number>;
  const sortedIds = [...problem.ids].sort(compareStrings);
  for (const id of sortedIds) waveOf[id] = input.wave[numberOf.get(id) as number] as number;
  const waveOfId = (id: string): number => waveOf[id] as number;
  let last = 0;
  for (const id of sortedIds) last = Math.max(last, waveOfId(id));

  const members: string[][] = Array.from({ length: last + 1 }, () => []);
  for (const id of sortedIds) members[waveOfId(id)]?.push(id);
  const waves: MigrationWave[] = [];
  for (let k = 1; k <= last; k++) {
    waves.push(
      calendar
        ? { index: k, start: calendar.waveStart(k), end: calendar.waveEnd(k), steps: members[k] ?? [] }
        : { index: k, steps: members[k] ?? [] },
    );
  }

  const bridges: MigrationBridge[] = [];
  let cost = 0;
  for (const integration of input.integrations) {
    const a = waveOfId(integration.source);
    const b = waveOfId(integration.target);
    if (a === b) continue;
    bridges.push({
      integration: integration.id,
      steps: [integration.source, integration.target],
      waves: [a, b],
      weight: integration.weight,
    });
    cost += integration.weight;
  }

  const est = earliestWaves(problem);
  const context: Context = { input, numberOf, waveOfId, members, est };
  const missedDeadlines: MissedDeadline[] = [];
  const stepById = new Map<string, MigrationStep>(input.plan.steps.map((s) => [s.id, s]));
  const placements: StepPlacement[] = [];
  const explanations: Record<string, string[]> = {};
  const byLater = groupBy(input.constraints, (c) => c.after);
  const byEarlier = groupBy(input.constraints, (c) => c.before);
  const linksOf = groupIntegrations(input.integrations);
  for (const id of sortedIds) {
    const step = stepById.get(id) as MigrationStep;
    const missed = missedDeadlineOf(context, step, byLater.get(id) ?? []);
    if (missed) missedDeadlines.push(missed);
    const reasons: PlacementReason[] = reasonsOf(
      context,
      step,
      byLater.get(id) ?? [],
      byEarlier.get(id) ?? [],
      linksOf.get(id) ?? new Map(),
    ).map((reason) => ({ ...reason, message: describe(context, step, reason, missed) }));
    const i = numberOf.get(id) as number;
    const maxWave = problem.maxWave[i] as number;
    placements.push({
      step: id,
      wave: waveOfId(id),
      action: step.action,
      system: step.system,
      systemName: input.nameOf(step.system),
      ...(step.target !== undefined ? { target: step.target, targetName: input.nameOf(step.target) } : {}),
      class: input.classOf.get(id) ?? 'TOSI',
      earliestWave: est[i] as number,
      ...(maxWave !== NO_DEADLINE ? { latestWave: maxWave } : {}),
      reasons,
    });
    explanations[id] = reasons.map((reason) => reason.message);
  }

  const lowerBound = input.lowerBound === 'cost' ? cost : Math.min(cost, input.lowerBound);
  return {
    waves,
    waveOf,
    bridges,
    cost,
    optimal: input.optimal,
    proven: input.optimal,
    method: input.method,
    lowerBound,
    gap: cost > 0 ? (cost - lowerBound) / cost : 0,
    reasons: input.reasons,
    missedDeadlines,
    violations: input.violations,
    explanations,
    placements,
    constraints: input.constraints,
  };
}

interface Context {
  readonly input: AssembleInput;
  readonly numberOf: ReadonlyMap<string, number>;
  readonly waveOfId: (id: string) => number;
  readonly members: readonly (readonly string[])[];
  readonly est: readonly number[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(item);
  }
  return map;
}

/** For each step: the other steps it is integrated with, and through which integrations (sorted). */
function groupIntegrations(integrations: readonly StepIntegration[]): Map<string, Map<string, string[]>> {
  const map = new Map<string, Map<string, string[]>>();
  const add = (from: string, to: string, id: string): void => {
    let inner = map.get(from);
    if (!inner) map.set(from, (inner = new Map<string, string[]>()));
    let list = inner.get(to);
    if (!list) inner.set(to, (list = []));
    list.push(id);
  };
  for (const integration of integrations) {
    add(integration.source, integration.target, integration.id);
    add(integration.target, integration.source, integration.id);
  }
  return map;
}

/** The wave a step could take given where its predecessors are: after all of them, and not before `notBefore`. */
function actualEarliest(
  context: Context,
  step: MigrationStep,
  earlier: readonly HardConstraint[],
): { wave: number; holder: string | undefined } {
  const i = context.numberOf.get(step.id) as number;
  let wave = context.input.problem.minWave[i] as number;
  let holder: string | undefined;
  for (const link of earlier) {
    const w = context.waveOfId(link.before) + 1;
    if (w > wave || (w === wave && holder !== undefined && compareStrings(link.before, holder) < 0)) {
      wave = w;
      holder = link.before;
    }
  }
  return { wave, holder };
}

/** The chain of hard predecessors that sets a step's earliest wave, first to last. */
function criticalChain(context: Context, id: string): string[] {
  const { problem } = context.input;
  const chain: string[] = [];
  let current = context.numberOf.get(id) as number;
  for (;;) {
    const e = context.est[current] as number;
    if (e <= (problem.minWave[current] as number)) break;
    const binding = (problem.preds[current] ?? [])
      .filter((p) => (context.est[p] as number) + 1 === e)
      .sort((a, b) => compareStrings(problem.ids[a] as string, problem.ids[b] as string));
    const next = binding[0];
    if (next === undefined) break;
    chain.push(problem.ids[next] as string);
    current = next;
  }
  return chain.reverse();
}

function missedDeadlineOf(
  context: Context,
  step: MigrationStep,
  earlier: readonly HardConstraint[],
): MissedDeadline | undefined {
  const { problem, calendar } = context.input;
  if (!calendar || step.deadline === undefined) return undefined;
  const i = context.numberOf.get(step.id) as number;
  const wave = context.waveOfId(step.id);
  const latest = problem.maxWave[i] as number;
  if (wave <= latest) return undefined;
  const earliestWave = context.est[i] as number;
  const minWave = problem.minWave[i] as number;
  const base = { step: step.id, deadline: step.deadline, wave, waveEnd: calendar.waveEnd(wave), earliestWave };
  if (latest === 0) {
    return {
      ...base,
      cause: 'calendar',
      chain: [],
      message: `wave 1 already ends on ${calendar.waveEnd(1)}, after the deadline`,
    };
  }
  if (minWave > latest) {
    return {
      ...base,
      cause: 'not-before',
      chain: [],
      message: `notBefore ${step.notBefore ?? ''}: wave ${minWave} is the first it may take, and it ends ${calendar.waveEnd(minWave)}`,
    };
  }
  if (earliestWave > latest) {
    const chain = criticalChain(context, step.id);
    const root = chain[0];
    const rootNumber = root === undefined ? undefined : (context.numberOf.get(root) as number);
    const rootWait =
      rootNumber !== undefined && (problem.minWave[rootNumber] as number) > 1
        ? ` (${root} may not start before wave ${problem.minWave[rootNumber] as number})`
        : '';
    return {
      ...base,
      cause: 'precedence',
      chain,
      message: `must come after ${chain.join(' -> ')}${rootWait} under the hard rules, so wave ${earliestWave} at the earliest, ending ${calendar.waveEnd(earliestWave)}`,
    };
  }
  const { wave: possible, holder } = actualEarliest(context, step, earlier);
  if (possible > latest && holder !== undefined) {
    return {
      ...base,
      cause: 'capacity',
      chain: [holder],
      message: `its predecessor ${holder} is in wave ${context.waveOfId(holder)} (the waves before were full), so wave ${possible} at the earliest, ending ${calendar.waveEnd(possible)}`,
    };
  }
  const window = range(possible, latest);
  const full = window.filter((k) => (context.members[k]?.length ?? 0) >= problem.capacity);
  if (full.length === window.length) {
    return {
      ...base,
      cause: 'capacity',
      chain: [],
      message: `${wavesText(window)} ${window.length === 1 ? 'is' : 'are'} full (capacity ${problem.capacity})`,
    };
  }
  return {
    ...base,
    cause: 'capacity',
    chain: [],
    message: `the heuristic planner placed it later, although ${wavesText(window.filter((k) => !full.includes(k)))} had room`,
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(k);
  return out;
}

/** "wave 3", "waves 1-2", "waves 1, 3". */
function wavesText(list: readonly number[]): string {
  if (list.length === 1) return `wave ${list[0] as number}`;
  const contiguous = list.every((k, n) => n === 0 || k === (list[n - 1] as number) + 1);
  return contiguous ? `waves ${list[0] as number}-${list[list.length - 1] as number}` : `waves ${list.join(', ')}`;
}

function reasonsOf(
  context: Context,
  step: MigrationStep,
  earlier: readonly HardConstraint[],
  later: readonly HardConstraint[],
  links: ReadonlyMap<string, readonly string[]>,
): PlacementReasonData[] {
  const { problem, calendar } = context.input;
  const reasons: PlacementReasonData[] = [];
  const wave = context.waveOfId(step.id);
  const i = context.numberOf.get(step.id) as number;
  const ordered = (list: readonly HardConstraint[], other: (c: HardConstraint) => string) =>
    [...list].sort(
      (a, b) => context.waveOfId(other(b)) - context.waveOfId(other(a)) || compareStrings(other(a), other(b)),
    );
  for (const link of ordered(earlier, (c) => c.before)) {
    reasons.push({
      code: 'placement.precedence',
      kind: link.rule,
      direction: 'after',
      step: link.before,
      wave: context.waveOfId(link.before),
      ...witness(link),
    });
  }
  if (calendar && step.notBefore !== undefined)
    reasons.push({ code: 'placement.not-before', date: step.notBefore, wave: problem.minWave[i] as number });
  const { wave: possible } = actualEarliest(context, step, earlier);
  if (wave > possible) {
    const window = range(possible, wave - 1);
    const full = window.filter((k) => (context.members[k]?.length ?? 0) >= problem.capacity);
    if (full.length === window.length) reasons.push({ code: 'placement.capacity', waves: window });
    else reasons.push({ code: 'placement.waits', earliest: possible });
  } else if (earlier.length === 0 && !(calendar && step.notBefore !== undefined)) {
    reasons.push({ code: 'placement.free' });
  }
  if (calendar && step.deadline !== undefined) {
    reasons.push({
      code: 'placement.deadline',
      date: step.deadline,
      met: wave <= (problem.maxWave[i] as number),
      waveEnd: calendar.waveEnd(wave),
    });
  }
  const partners = [...links.keys()].sort(compareStrings);
  for (const other of partners) {
    if (context.waveOfId(other) === wave)
      reasons.push({ code: 'placement.grouped', step: other, integrations: links.get(other) ?? [] });
  }
  for (const other of partners) {
    const w = context.waveOfId(other);
    if (w !== wave)
      reasons.push({ code: 'placement.bridge', step: other, wave: w, integrations: links.get(other) ?? [] });
  }
  const successors = [...later].sort(
    (a, b) => context.waveOfId(a.after) - context.waveOfId(b.after) || compareStrings(a.after, b.after),
  );
  for (const link of successors) {
    reasons.push({
      code: 'placement.precedence',
      kind: link.rule,
      direction: 'before',
      step: link.after,
      wave: context.waveOfId(link.after),
      ...witness(link),
    });
  }
  return reasons;
}

function witness(link: HardConstraint): { system?: string; dependsOn?: string } {
  return link.rule === 'after' ? {} : { system: link.system, dependsOn: link.dependsOn };
}

function plural(word: string, list: readonly string[]): string {
  return `${word}${list.length === 1 ? '' : 's'} ${list.join(', ')}`;
}

function describe(
  context: Context,
  step: MigrationStep,
  reason: PlacementReasonData,
  missed: MissedDeadline | undefined,
): string {
  const { problem, calendar } = context.input;
  switch (reason.code) {
    case 'placement.precedence':
      return describePrecedence(step, reason);
    case 'placement.not-before':
      return `notBefore ${reason.date}: wave ${reason.wave} is the first to start on or after it`;
    case 'placement.capacity':
      return `capacity: ${wavesText(reason.waves)} ${reason.waves.length === 1 ? 'is' : 'are'} full (${problem.capacity} step${problem.capacity === 1 ? '' : 's'} per wave)`;
    case 'placement.waits':
      return `waits: wave ${reason.earliest} was allowed, but wave ${context.waveOfId(step.id)} keeps missed deadlines, bridges and waves lower`;
    case 'placement.free':
      return `free: nothing holds it back, wave ${context.waveOfId(step.id)} is the first it may take`;
    case 'placement.deadline': {
      const wave = context.waveOfId(step.id);
      if (reason.met) return `deadline ${reason.date} met by wave ${wave} ending ${reason.waveEnd}`;
      return `deadline ${reason.date} missed: wave ${wave} ends ${reason.waveEnd}${missed ? ` (${missed.message})` : ''}`;
    }
    case 'placement.grouped':
      return `grouped with ${reason.step} to avoid ${plural('bridge', reason.integrations)}`;
    case 'placement.bridge': {
      const dates = calendar ? `, ${calendar.waveStart(reason.wave)} to ${calendar.waveEnd(reason.wave)}` : '';
      return `${plural('bridge', reason.integrations)} to ${reason.step} (wave ${reason.wave}${dates})`;
    }
  }
}

function describePrecedence(
  step: MigrationStep,
  reason: Extract<PlacementReasonData, { code: 'placement.precedence' }>,
): string {
  const other = `${reason.step} (wave ${reason.wave})`;
  if (reason.direction === 'after') {
    switch (reason.kind) {
      case 'after':
        return `after: ${other}`;
      case 'ready':
        return `ready: ${step.action === 'rehost' ? 'rehosted system' : 'target'} ${reason.system ?? ''} depends on ${reason.dependsOn ?? ''}, which ${other} puts in place`;
      case 'in-use':
        return `in-use: takes ${reason.dependsOn ?? ''} out of use, which ${reason.system ?? ''} depends on; ${other} moves ${reason.system ?? ''} first`;
    }
  }
  switch (reason.kind) {
    case 'after':
      return `before: ${other}, which lists it in after`;
    case 'ready':
      return `before: ${other}, which moves onto ${reason.system ?? ''} that depends on ${reason.dependsOn ?? ''}, put in place here`;
    case 'in-use':
      return `before: ${other}, which takes ${reason.dependsOn ?? ''} out of use while ${reason.system ?? ''}, moved here, depends on it`;
  }
}
