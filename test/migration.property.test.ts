/**
 * Laws of planMigration on random instances:
 * - no result ever breaks a hard rule, `notBefore` or the capacity (small plans and ~30-step heuristic plans);
 * - a MigrationCycleError names a real cycle of hard rules;
 * - on small plans the result is the optimum of a plain brute-force enumeration of every wave assignment.
 *
 * The hard rules, the month arithmetic and the objective are written again here, plainly and independently of
 * the library (JS Date for the calendar, closures by depth-first search for the rules).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, rawInstanceArb, type Instance } from './migration-arbitraries.js';
import { MigrationCycleError, Model, planMigration, type MigrationPlan, type MigrationResult } from '../src/index.js';

// ---------------------------------------------------------------------------------------------------------------
// The rules, written plainly.

interface Reference {
  ids: string[];
  /** before[i] = steps that must come before step i, with the rule. */
  before: Map<string, Set<string>>;
  minWave: Map<string, number>;
  maxWave: Map<string, number>;
  capacity: number;
  classOf: Map<string, string>;
  /** [step a, step b, weight] for every integration between two steps' systems. */
  links: [string, string, number][];
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** start + months, a day the month lacks becoming its last day (JS Date arithmetic). */
function plusMonths(start: string, months: number): string {
  const d = parse(start);
  const firstOfTarget = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(
    new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))),
  );
}

function waveStart(plan: MigrationPlan, k: number): string {
  return plusMonths(plan.start as string, (k - 1) * (plan.waveMonths as number));
}

function waveEnd(plan: MigrationPlan, k: number): string {
  const next = parse(waveStart(plan, k + 1));
  return iso(new Date(next.getTime() - 86_400_000));
}

function reference(instance: Instance): Reference {
  const { doc, plan } = instance;
  const systems = new Map((doc.systems ?? []).map((s) => [s.id, s]));
  const deps = new Map<string, string[]>();
  for (const r of doc.relations ?? []) {
    if (r.type !== 'dependsOn' || systems.get(r.from)?.lifecycle === 'retired') continue;
    deps.set(r.from, [...(deps.get(r.from) ?? []), r.to]);
  }
  const closure = (root: string): Set<string> => {
    const seen = new Set<string>();
    const visit = (x: string): void => {
      for (const y of deps.get(x) ?? []) {
        if (seen.has(y)) continue;
        seen.add(y);
        visit(y);
      }
    };
    visit(root);
    seen.delete(root);
    return seen;
  };
  const before = new Map<string, Set<string>>(plan.steps.map((s) => [s.id, new Set<string>()]));
  const ready = (s: MigrationPlan['steps'][number]) => (s.action === 'rehost' ? s.system : s.target);
  const removed = (s: MigrationPlan['steps'][number]) => (s.action === 'rehost' ? undefined : s.system);
  for (const s of plan.steps) {
    for (const a of s.after ?? []) before.get(s.id)?.add(a);
    const r = ready(s);
    const needsReady = r === undefined ? new Set<string>() : closure(r);
    const needsAlive = closure(s.system);
    for (const t of plan.steps) {
      if (t.id === s.id) continue;
      const tr = ready(t);
      if (tr !== undefined && tr !== r && needsReady.has(tr)) before.get(s.id)?.add(t.id); // rule 2
      const gone = removed(t);
      if (gone !== undefined && needsAlive.has(gone)) before.get(t.id)?.add(s.id); // rule 3
    }
  }
  const minWave = new Map<string, number>();
  const maxWave = new Map<string, number>();
  const dated = plan.start !== undefined && plan.waveMonths !== undefined;
  for (const s of plan.steps) {
    if (!dated) continue;
    if (s.notBefore !== undefined) {
      let k = 1;
      while (waveStart(plan, k) < s.notBefore) k++;
      minWave.set(s.id, k);
    }
    if (s.deadline !== undefined) {
      let k = 0;
      while (waveEnd(plan, k + 1) <= s.deadline) k++;
      maxWave.set(s.id, k);
    }
  }
  const stepOf = new Map(plan.steps.map((s) => [s.system, s.id]));
  const links: [string, string, number][] = [];
  for (const i of doc.integrations ?? []) {
    const a = stepOf.get(i.source);
    const b = stepOf.get(i.target);
    if (a !== undefined && b !== undefined && a !== b) links.push([a, b, instance.weights.get(i.id) ?? 1]);
  }
  return {
    ids: plan.steps.map((s) => s.id),
    before,
    minWave,
    maxWave,
    capacity: plan.capacity ?? Math.max(1, plan.steps.length),
    classOf: new Map(plan.steps.map((s) => [s.id, systems.get(s.system)?.class ?? 'TOSI'])),
    links,
  };
}

function breaches(ref: Reference, waveOf: Record<string, number>): string[] {
  const out: string[] = [];
  const load = new Map<number, number>();
  for (const id of ref.ids) {
    const w = waveOf[id];
    if (w === undefined || !Number.isInteger(w) || w < 1) {
      out.push(`${id} has no wave`);
      continue;
    }
    load.set(w, (load.get(w) ?? 0) + 1);
    for (const b of ref.before.get(id) ?? [])
      if (!((waveOf[b] ?? Infinity) < w)) out.push(`${id} (wave ${w}) not after ${b} (wave ${waveOf[b]})`);
    if (w < (ref.minWave.get(id) ?? 1)) out.push(`${id} before its notBefore`);
  }
  for (const [w, count] of load) if (count > ref.capacity) out.push(`wave ${w} holds ${count} > ${ref.capacity}`);
  return out;
}

interface Objective {
  missed: number;
  cost: number;
  waves: number;
  order: number[];
}

function objective(ref: Reference, waveOf: Record<string, number>): Objective {
  let missed = 0;
  let waves = 0;
  for (const id of ref.ids) {
    const w = waveOf[id] as number;
    if (w > (ref.maxWave.get(id) ?? Infinity)) missed++;
    waves = Math.max(waves, w);
  }
  let cost = 0;
  for (const [a, b, weight] of ref.links) if (waveOf[a] !== waveOf[b]) cost += weight;
  const tieOrder = [...ref.ids].sort((a, b) => {
    const ca = ref.classOf.get(a) === 'TORI' ? 0 : 1;
    const cb = ref.classOf.get(b) === 'TORI' ? 0 : 1;
    return ca - cb || (a < b ? -1 : a > b ? 1 : 0);
  });
  return { missed, cost, waves, order: tieOrder.map((id) => waveOf[id] as number) };
}

function compare(a: Objective, b: Objective): number {
  if (a.missed !== b.missed) return a.missed - b.missed;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.waves !== b.waves) return a.waves - b.waves;
  for (let i = 0; i < a.order.length; i++)
    if (a.order[i] !== b.order[i]) return (a.order[i] as number) - (b.order[i] as number);
  return 0;
}

/**
 * Every assignment of waves 1..W to the steps, W = M + n - 1 where M is the latest notBefore wave: an optimal
 * plan never needs more, since an empty wave at or after M could be removed by moving every later step one wave
 * earlier, which keeps every hard rule and makes each criterion better or equal. Steps are assigned one by one;
 * a branch stops as soon as an assigned pair breaks a hard rule or a wave overflows (every assignment below it
 * breaks it too); every complete assignment is scored with `objective`.
 */
function bruteForce(ref: Reference): { best: Objective; waveOf: Record<string, number> } | undefined {
  const n = ref.ids.length;
  const index = new Map(ref.ids.map((id, k) => [id, k]));
  const limit = Math.max(1, ...[...ref.minWave.values()]) + n - 1;
  // For step k, the earlier-assigned steps it must follow, and those it must precede.
  const follows: number[][] = ref.ids.map(() => []);
  const precedes: number[][] = ref.ids.map(() => []);
  ref.ids.forEach((id, k) => {
    for (const b of ref.before.get(id) ?? []) {
      const j = index.get(b) as number;
      if (j < k) follows[k]?.push(j);
      else if (j > k) precedes[j]?.push(k);
      else follows[k]?.push(k); // after itself: nothing is feasible
    }
  });
  const minWave = ref.ids.map((id) => ref.minWave.get(id) ?? 1);
  const wave = new Array<number>(n).fill(0);
  const load = new Array<number>(limit + 1).fill(0);
  let best: { best: Objective; waveOf: Record<string, number> } | undefined;
  // The objective of `objective`, on numbers: it is evaluated at every leaf.
  const maxWave = ref.ids.map((id) => ref.maxWave.get(id) ?? Infinity);
  const links = ref.links.map(([a, b, w]) => [index.get(a) as number, index.get(b) as number, w] as const);
  const tieOrder = objective(ref, Object.fromEntries(ref.ids.map((id, k) => [id, k]))).order;
  const assign = (k: number): void => {
    if (k === n) {
      let missed = 0;
      let waves = 0;
      for (let j = 0; j < n; j++) {
        if ((wave[j] as number) > (maxWave[j] as number)) missed++;
        waves = Math.max(waves, wave[j] as number);
      }
      let cost = 0;
      for (const [a, b, w] of links) if (wave[a] !== wave[b]) cost += w;
      const value: Objective = { missed, cost, waves, order: tieOrder.map((j) => wave[j] as number) };
      if (!best || compare(value, best.best) < 0)
        best = { best: value, waveOf: Object.fromEntries(ref.ids.map((id, j) => [id, wave[j] as number])) };
      return;
    }
    next: for (let w = minWave[k] as number; w <= limit; w++) {
      if ((load[w] as number) >= ref.capacity) continue;
      for (const j of follows[k] ?? []) if (j === k || (wave[j] as number) >= w) continue next;
      for (const j of precedes[k] ?? []) if ((wave[j] as number) <= w) continue next;
      wave[k] = w;
      load[w] = (load[w] as number) + 1;
      assign(k + 1);
      load[w] = (load[w] as number) - 1;
    }
  };
  assign(0);
  return best;
}

function plan(instance: Instance, options: { exhaustiveLimit?: number } = {}): MigrationResult | MigrationCycleError {
  const model = Model.load(instance.doc);
  try {
    return planMigration(model, instance.plan, { weight: (i) => instance.weights.get(i.id) ?? 1, ...options });
  } catch (error) {
    if (error instanceof MigrationCycleError) return error;
    throw error;
  }
}

function expectRealCycle(ref: Reference, error: MigrationCycleError): void {
  expect(error.code).toBe('plan.cycle');
  expect(error.cycle.length).toBeGreaterThan(0);
  expect(new Set(error.cycle).size).toBe(error.cycle.length);
  error.cycle.forEach((step, k) => {
    const next = error.cycle[(k + 1) % error.cycle.length] as string;
    expect(ref.before.get(next)?.has(step), `${step} must come before ${next}`).toBe(true);
  });
}

function expectConsistent(result: MigrationResult, ref: Reference): void {
  expect(breaches(ref, result.waveOf)).toEqual([]);
  const value = objective(ref, result.waveOf);
  expect(result.missedDeadlines.length).toBe(value.missed);
  expect(result.cost).toBe(value.cost);
  expect(result.waves.length).toBe(value.waves);
  expect(result.waves.flatMap((w) => w.steps).sort()).toEqual([...ref.ids].sort());
  for (const wave of result.waves) for (const step of wave.steps) expect(result.waveOf[step]).toBe(wave.index);
  expect(result.lowerBound ?? 0).toBeLessThanOrEqual(result.cost);
  expect(Object.keys(result.explanations).sort()).toEqual([...ref.ids].sort());
}

describe('planMigration laws', () => {
  it('never breaks a hard rule, notBefore or the capacity on small plans, and cycles are real', () => {
    fc.assert(
      fc.property(rawInstanceArb(8, 14), (raw) => {
        const instance = build(raw);
        const ref = reference(instance);
        const result = plan(instance);
        if (result instanceof MigrationCycleError) expectRealCycle(ref, result);
        else {
          expect(result.optimal).toBe(true);
          expectConsistent(result, ref);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never breaks a hard rule, notBefore or the capacity with the heuristic on ~30-step plans', () => {
    fc.assert(
      fc.property(rawInstanceArb(32, 44), (raw) => {
        const instance = build(raw);
        const ref = reference(instance);
        const result = plan(instance, { exhaustiveLimit: 0 });
        if (result instanceof MigrationCycleError) expectRealCycle(ref, result);
        else {
          expect(result.optimal).toBe(ref.ids.length === 0);
          expectConsistent(result, ref);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('matches a brute-force enumeration of all wave assignments on small plans', () => {
    let compared = 0;
    fc.assert(
      fc.property(rawInstanceArb(7, 10, 4), (raw) => {
        const instance = build(raw);
        const ref = reference(instance);
        const result = plan(instance);
        if (result instanceof MigrationCycleError) {
          // A real cycle of hard rules: no assignment can keep them all.
          expectRealCycle(ref, result);
          return;
        }
        const brute = bruteForce(ref);
        compared++;
        expect(brute).toBeDefined();
        const value = objective(ref, result.waveOf);
        expect(value).toEqual(brute?.best);
        // The objective ends with a total order, so the optimum is one placement.
        expect(result.waveOf).toEqual(brute?.waveOf);
      }),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(250);
  });
});
