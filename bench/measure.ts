/** Timing helpers shared by the bench orchestrator and its workers. */

/** One operation's timings: the median of the runs in milliseconds, or why there is none. */
export interface Measurement {
  median: number | null;
  runs: number[];
  error?: string;
  skipped?: string;
}

export interface RunPolicy {
  /** Runs wanted. */
  readonly runs: number;
  /** Unmeasured runs first (JIT warm-up). */
  readonly warmup: number;
  /** Stop early once the measured runs took this long in total; at least one run is always made. */
  readonly budgetMs: number;
  /** Wall-clock time (epoch ms) after which no further run starts. */
  readonly deadline: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** A full collection, twice (finalisers may free more), when node runs with --expose-gc. */
export function collect(): void {
  if (gc) {
    gc();
    gc();
  }
}

export const hasGc = gc !== undefined;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Milliseconds with three significant digits or so. */
export function fmt(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}

/** Times `fn` under the policy; `keep` receives every result (so that the last one can be used afterwards). */
export function measure<T>(label: string, fn: () => T, policy: RunPolicy, keep?: (value: T) => void): Measurement {
  const runs: number[] = [];
  try {
    for (let i = 0; i < policy.warmup && Date.now() < policy.deadline; i++) keep?.(fn());
    collect();
    let spent = 0;
    while (
      runs.length < policy.runs &&
      (runs.length === 0 || (spent < policy.budgetMs && Date.now() < policy.deadline))
    ) {
      const start = performance.now();
      const value = fn();
      const ms = performance.now() - start;
      runs.push(ms);
      spent += ms;
      keep?.(value);
    }
    const m = median(runs);
    process.stderr.write(
      `  ${label.padEnd(38)} ${fmt(m).padStart(10)} ms  (${runs.length} run${runs.length === 1 ? '' : 's'})\n`,
    );
    return { median: round(m), runs: runs.map(round) };
  } catch (error) {
    process.stderr.write(`  ${label.padEnd(38)} FAILED ${errorText(error)}\n`);
    return { median: null, runs: runs.map(round), error: errorText(error) };
  }
}

/** A measurement that was not made. */
export function skipped(label: string, reason: string): Measurement {
  process.stderr.write(`  ${label.padEnd(38)} skipped: ${reason}\n`);
  return { median: null, runs: [], skipped: reason };
}

export function failed(label: string, error: unknown): Measurement {
  process.stderr.write(`  ${label.padEnd(38)} FAILED ${errorText(error)}\n`);
  return { median: null, runs: [], error: errorText(error) };
}
