/**
 * planMigrationOptimal: the MIP solver against the exhaustive search (the reference) on random plans of up to
 * 12 steps, hand-checked examples, the time limit, the fallbacks and hostile step ids.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MigrationCycleError,
  Model,
  OptionError,
  planMigration,
  planMigrationOptimal,
  type MigrationResult,
} from '../src/index.js';
import { setSolverLoader } from '../src/migration/solver.js';
import { build, rawInstanceArb } from './migration-arbitraries.js';

const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
const samplePlan: unknown = JSON.parse(
  readFileSync(new URL('../examples/pohjois-pohjanmaa.plan.json', import.meta.url), 'utf8'),
);

afterEach(() => setSolverLoader(undefined));

/** A chain of integrated TOSI systems s0 - s1 - ... with one step each (capacity 2 forces bridges). */
function chain(ids: readonly string[], capacity: number): { model: Model; plan: object } {
  const systems = ids.map((_, k) => ({
    id: `s${k}`,
    name: `S${k}`,
    class: 'TOSI' as const,
    lifecycle: 'production' as const,
  }));
  const integrations = ids.slice(1).map((_, k) => ({ id: `i${k}`, source: `s${k}`, target: `s${k + 1}` }));
  const model = Model.load({ format: 'kartta/1', name: 'Chain', systems, integrations });
  const plan = { capacity, steps: ids.map((id, k) => ({ id, action: 'retire', system: `s${k}` })) };
  return { model, plan };
}

describe('planMigrationOptimal', () => {
  it('agrees with the exhaustive search on random plans of up to 12 steps', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(rawInstanceArb(12, 16, 6), async (raw) => {
        const instance = build(raw);
        const model = Model.load(instance.doc);
        const options = { weight: (i: { id: string }) => instance.weights.get(i.id) ?? 1 };
        let exact: MigrationResult;
        try {
          exact = planMigration(model, instance.plan, { ...options, exhaustiveLimit: 12 });
        } catch (error) {
          expect(error).toBeInstanceOf(MigrationCycleError);
          await expect(planMigrationOptimal(model, instance.plan, { ...options, method: 'mip' })).rejects.toThrow(
            MigrationCycleError,
          );
          return;
        }
        const mip = await planMigrationOptimal(model, instance.plan, { ...options, method: 'mip', timeLimit: 60 });
        compared++;
        expect(mip.proven).toBe(true);
        expect(mip.optimal).toBe(true);
        expect(mip.gap).toBe(0);
        expect(mip.waveOf).toEqual(exact.waveOf);
        expect(mip.cost).toBe(exact.cost);
        expect(mip.lowerBound).toBe(exact.cost);
      }),
      { numRuns: 200 },
    );
    // About half the random plans have a cycle (refused by both); at least a third must be compared.
    expect(compared).toBeGreaterThan(66);
  }, 300_000);

  it('proves the sample plan optimal and places it as the exhaustive search does', async () => {
    const exact = planMigration(sample, samplePlan);
    const mip = await planMigrationOptimal(sample, samplePlan, { method: 'mip', timeLimit: 60 });
    expect(mip.method).toBe('mip');
    expect(mip.proven).toBe(true);
    expect(mip.reasons.map((r) => r.code)).toEqual(['plan.mip-optimal']);
    expect(mip.waveOf).toEqual(exact.waveOf);
    expect(mip.cost).toBe(3);
    expect(mip.gap).toBe(0);
    // auto: the exhaustive search answers a 12-step plan.
    const auto = await planMigrationOptimal(sample, samplePlan);
    expect(auto.method).toBe('exhaustive');
    expect(auto.waveOf).toEqual(exact.waveOf);
  });

  it('takes an extra wave to save a bridge: a chain of four under capacity 2', async () => {
    // a-b-c-d integrated in a chain, two steps a wave: {a,b} {c,d} costs one bridge (b-c), the least possible.
    const { model, plan } = chain(['a', 'b', 'c', 'd'], 2);
    const result = await planMigrationOptimal(model, plan, { method: 'mip' });
    expect(result.proven).toBe(true);
    expect(result.cost).toBe(1);
    expect(result.waves.map((w) => w.steps)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('maps hostile step ids to column numbers: the solver never sees them', async () => {
    const ids = ['__proto__', 'constructor', 'toString', 'x'.repeat(200), 'a\\c:"d"', 'hasOwnProperty'];
    const { model, plan } = chain(ids, 2);
    const mip = await planMigrationOptimal(model, plan, { method: 'mip' });
    const exact = planMigration(model, plan);
    expect(mip.proven).toBe(true);
    expect(mip.waveOf).toEqual(exact.waveOf);
    expect(Object.keys(mip.waveOf).sort()).toEqual([...ids].sort());
    expect(Object.getPrototypeOf(mip.waveOf)).toBe(null);
  });

  it('with a time limit of 0 returns the heuristic plan and its bound, not proven', async () => {
    const { model, plan } = chain(
      Array.from({ length: 30 }, (_, k) => `t${String(k).padStart(2, '0')}`),
      4,
    );
    const result = await planMigrationOptimal(model, plan, { timeLimit: 0 });
    const heuristic = planMigration(model, plan, { exhaustiveLimit: 0 });
    expect(result.method).toBe('heuristic');
    expect(result.proven).toBe(false);
    expect(result.optimal).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['plan.mip-time-limit']);
    expect(result.waveOf).toEqual(heuristic.waveOf);
    expect(result.lowerBound).toBeLessThanOrEqual(result.cost);
    expect(result.gap).toBeCloseTo((result.cost - result.lowerBound) / result.cost, 12);
  });

  it('falls back to the heuristic, with the reason, when the solver cannot be loaded', async () => {
    setSolverLoader(() => Promise.reject(new Error('no wasm here')));
    const { model, plan } = chain(['a', 'b', 'c'], 1);
    const result = await planMigrationOptimal(model, plan, { method: 'mip' });
    expect(result.method).toBe('heuristic');
    expect(result.proven).toBe(false);
    expect(result.reasons).toEqual([
      { code: 'plan.mip-unavailable', message: expect.stringContaining('no wasm here') as string },
    ]);
    expect(result.waveOf).toEqual(planMigration(model, plan, { exhaustiveLimit: 0 }).waveOf);
  });

  it('falls back to the heuristic when the solver throws', async () => {
    setSolverLoader(() =>
      Promise.resolve({
        createModel: () => {
          throw new Error('out of memory');
        },
      } as never),
    );
    const { model, plan } = chain(['a', 'b', 'c'], 1);
    const result = await planMigrationOptimal(model, plan, { method: 'mip' });
    expect(result.method).toBe('heuristic');
    expect(result.reasons.map((r) => r.code)).toEqual(['plan.mip-failed']);
  });

  it('refuses bad options with OptionError', async () => {
    const { model, plan } = chain(['a', 'b'], 1);
    await expect(planMigrationOptimal(model, plan, { method: 'best' as never })).rejects.toThrow(OptionError);
    await expect(planMigrationOptimal(model, plan, { timeLimit: -1 })).rejects.toThrow(/timeLimit/);
    await expect(planMigrationOptimal(model, plan, { timeLimit: Number.NaN })).rejects.toThrow(OptionError);
    await expect(planMigrationOptimal(model, plan, { timeLimt: 1 } as never)).rejects.toThrow(/did you mean/);
    const big = chain(
      Array.from({ length: 21 }, (_, k) => `t${k}`),
      3,
    );
    await expect(planMigrationOptimal(big.model, big.plan, { method: 'exhaustive' })).rejects.toMatchObject({
      code: 'option.invalid',
      option: 'method',
    });
  });

  it('heuristic method answers as planMigration does for large plans', async () => {
    const { model, plan } = chain(
      Array.from({ length: 15 }, (_, k) => `t${k}`),
      2,
    );
    const result = await planMigrationOptimal(model, plan, { method: 'heuristic' });
    expect(result.method).toBe('heuristic');
    expect(result).toEqual(planMigration(model, plan, { exhaustiveLimit: 0 }));
  });
});
