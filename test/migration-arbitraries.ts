/**
 * Random migration instances for the property tests: a model and a plan built from raw numbers (the `after`
 * links may still close a cycle), with integration weights.
 */
import fc from 'fast-check';
import type { KarttaDocumentInput, MigrationPlan } from '../src/index.js';

type Action = 'retire' | 'consolidate' | 'replace' | 'rehost';

interface RawStep {
  action: Action;
  target: number;
  after: number[];
  deadline: number | null;
  notBefore: number | null;
}

export interface RawInstance {
  systems: { tori: boolean; product: number; retired: boolean }[];
  deps: [number, number][];
  integrations: [number, number, number][];
  steps: RawStep[];
  capacity: number | null;
  waveMonths: number;
  start: string;
  calendar: boolean;
}

export interface Instance {
  doc: KarttaDocumentInput;
  plan: MigrationPlan;
  weights: Map<string, number>;
}

function monthDate(offsetMonths: number, day: number): string {
  const date = new Date(Date.UTC(2019, offsetMonths, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export function rawInstanceArb(maxSteps: number, maxSystems: number, latestNotBefore = 24): fc.Arbitrary<RawInstance> {
  return fc.record({
    systems: fc.array(
      fc.record({
        tori: fc.boolean(),
        product: fc.integer({ min: 0, max: 2 }),
        retired: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
      }),
      {
        minLength: maxSteps + 2,
        maxLength: maxSystems,
      },
    ),
    deps: fc.array(fc.tuple(fc.nat({ max: maxSystems - 1 }), fc.nat({ max: maxSystems - 1 })), {
      maxLength: Math.ceil(maxSystems * 0.8),
    }),
    integrations: fc.array(
      fc.tuple(fc.nat({ max: maxSystems - 1 }), fc.nat({ max: maxSystems - 1 }), fc.integer({ min: 1, max: 3 })),
      { maxLength: maxSystems * 2 },
    ),
    steps: fc.array(
      fc.record({
        action: fc.constantFrom<Action>('retire', 'consolidate', 'replace', 'rehost'),
        target: fc.nat({ max: 1000 }),
        after: fc.oneof(
          { arbitrary: fc.constant<number[]>([]), weight: 2 },
          { arbitrary: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 2 }), weight: 1 },
        ),
        deadline: fc.oneof(
          { arbitrary: fc.constant(null), weight: 1 },
          { arbitrary: fc.integer({ min: 0, max: 30 }), weight: 1 },
        ),
        notBefore: fc.oneof(
          { arbitrary: fc.constant(null), weight: 3 },
          { arbitrary: fc.integer({ min: 0, max: latestNotBefore }), weight: 1 },
        ),
      }),
      { maxLength: maxSteps },
    ),
    capacity: fc.oneof(
      { arbitrary: fc.constant(null), weight: 1 },
      { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 },
    ),
    waveMonths: fc.integer({ min: 1, max: 7 }),
    // Month ends exercise the clamping: 2019-01-31 plus one month is 2019-02-28.
    start: fc.constantFrom('2019-01-01', '2019-01-31', '2019-03-15', '2020-01-31', '2019-08-31', '2019-11-30'),
    calendar: fc.boolean(),
  });
}

/** Turns raw numbers into a valid model and plan (the `after` links may still close a cycle). */
export function build(raw: RawInstance): Instance {
  const systems = raw.systems.map((s, i) => ({
    id: `s${i}`,
    name: `S${i}`,
    class: s.tori ? ('TORI' as const) : ('TOSI' as const),
    product: `P${s.product}`,
    lifecycle: (s.retired ? 'retired' : 'production') as 'production',
  }));
  const m = systems.length;
  const relations: KarttaDocumentInput['relations'] = [];
  const seenDeps = new Set<string>();
  for (const [a, b] of raw.deps) {
    const from = a % m;
    const to = b % m;
    if (from === to || seenDeps.has(`${from}-${to}`)) continue;
    seenDeps.add(`${from}-${to}`);
    relations.push({ type: 'dependsOn', from: `s${from}`, to: `s${to}` });
  }
  const integrations = raw.integrations
    .map(([a, b], k) => ({ id: `i${k}`, source: `s${a % m}`, target: `s${b % m}` }))
    .filter((i) => i.source !== i.target);
  const weights = new Map<string, number>();
  raw.integrations.forEach(([, , w], k) => weights.set(`i${k}`, w));
  const n = raw.steps.length;
  const steps = raw.steps.map((step, i) => {
    // Step i moves system i; targets are any other system (consolidate: one of the same product).
    const own = systems[i] as (typeof systems)[number];
    let action = step.action;
    let target: string | undefined;
    if (action === 'consolidate') {
      const same = systems.filter((s, k) => k !== i && s.product === own.product);
      if (same.length === 0) action = 'replace';
      else target = (same[step.target % same.length] as (typeof systems)[number]).id;
    }
    if (action === 'replace') {
      const others = systems.filter((_, k) => k !== i);
      target = (others[step.target % others.length] as (typeof systems)[number]).id;
    }
    const after = [...new Set(step.after.map((a) => (n > 0 ? a % n : 0)))].map((a) => `t${a}`);
    return {
      id: `t${i}`,
      action,
      system: own.id,
      ...(target !== undefined ? { target } : {}),
      ...(after.length > 0 ? { after } : {}),
      ...(step.deadline !== null ? { deadline: monthDate(step.deadline, 28 + (step.deadline % 4)) } : {}),
      ...(step.notBefore !== null ? { notBefore: monthDate(step.notBefore, 1 + (step.notBefore % 20)) } : {}),
    };
  });
  const plan: MigrationPlan = {
    ...(raw.calendar ? { start: raw.start, waveMonths: raw.waveMonths } : {}),
    ...(raw.capacity !== null ? { capacity: raw.capacity } : {}),
    steps,
  };
  return { doc: { format: 'kartta/1', name: 'Random', systems, integrations, relations }, plan, weights };
}
