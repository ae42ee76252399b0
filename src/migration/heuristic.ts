/**
 * The heuristic planner for plans too large to search exhaustively. List scheduling by the hard rules (each wave
 * takes the ready steps with the most urgent deadline first, up to the capacity), then local moves and swaps of
 * single steps that improve the objective, then closing empty waves. Every phase keeps the hard rules and the
 * capacity, and each costs about (steps + links + integrations) * log(steps) per pass.
 */
import { MinHeap, NO_DEADLINE, type Problem } from './problem.js';

/** Largest finite priority; steps without a deadline come after every step with one. */
const LATE = 1e15;
/** Passes of local moves at most (each pass is linear; a pass without improvement ends the search). */
const MAX_PASSES = 25;
/** Swap partners tried per target wave, to keep a pass linear when waves are large. */
const SWAP_TRIES = 24;
/** Waves scanned for a free place when a step could still meet its deadline. */
const SCAN_LIMIT = 64;

/** Earliest wave of each step under the hard rules and `notBefore`, ignoring the capacity. */
export function earliestWaves(problem: Problem): number[] {
  const est = problem.minWave.slice();
  for (const i of problem.topo) {
    let e = est[i] as number;
    for (const p of problem.preds[i] ?? []) e = Math.max(e, (est[p] as number) + 1);
    est[i] = e;
  }
  return est;
}

/** Latest wave of each step that leaves room for its own deadline and those of the steps after it. */
export function latestWaves(problem: Problem): number[] {
  const lst = problem.maxWave.slice();
  for (let k = problem.topo.length - 1; k >= 0; k--) {
    const i = problem.topo[k] as number;
    let l = lst[i] as number;
    for (const s of problem.succs[i] ?? []) l = Math.min(l, (lst[s] as number) - 1);
    lst[i] = l;
  }
  return lst;
}

/** A placement that keeps the hard rules and the capacity, found by list scheduling and local search. */
export function heuristicPlacement(problem: Problem): Int32Array {
  const wave = listSchedule(problem);
  improve(problem, wave);
  if (closeEmptyWaves(problem, wave)) improve(problem, wave);
  return wave;
}

/** Wave by wave, the ready steps with the earliest latest-wave go first (ties: tie-break order). */
function listSchedule(problem: Problem): Int32Array {
  const { n, capacity } = problem;
  const lst = latestWaves(problem);
  const wave = new Int32Array(n);
  const missing = problem.preds.map((p) => p.length);
  const release = problem.minWave.slice();
  const waiting = new MinHeap();
  const ready = new MinHeap();
  const priority = (i: number): number => {
    const l = lst[i] as number;
    return l === NO_DEADLINE ? LATE : l;
  };
  for (let i = 0; i < n; i++) if (missing[i] === 0) waiting.push(i, release[i] as number);
  let placed = 0;
  let k = 1;
  while (placed < n) {
    while (waiting.size > 0 && waiting.peekKey() <= k) {
      const i = waiting.pop();
      ready.push(i, priority(i));
    }
    if (ready.size === 0) {
      k = waiting.peekKey();
      continue;
    }
    const chosen: number[] = [];
    while (ready.size > 0 && chosen.length < capacity) chosen.push(ready.pop());
    for (const i of chosen) {
      wave[i] = k;
      placed++;
    }
    for (const i of chosen) {
      for (const s of problem.succs[i] ?? []) {
        release[s] = Math.max(release[s] as number, k + 1);
        const left = (missing[s] as number) - 1;
        missing[s] = left;
        if (left === 0) waiting.push(s, release[s]);
      }
    }
    k++;
  }
  return wave;
}

interface State {
  readonly wave: Int32Array;
  readonly load: number[];
  readonly members: Set<number>[];
  last: number;
  readonly epsilon: number;
}

function stateOf(problem: Problem, wave: Int32Array): State {
  let last = 0;
  for (const w of wave) last = Math.max(last, w);
  const load = new Array<number>(last + 2).fill(0);
  const members: Set<number>[] = Array.from({ length: last + 2 }, () => new Set<number>());
  wave.forEach((w, i) => {
    load[w] = (load[w] as number) + 1;
    members[w]?.add(i);
  });
  let total = 0;
  for (const list of problem.neighbours) for (const [, weight] of list) total += weight;
  return { wave, load, members, last, epsilon: 1e-9 * Math.max(1, total) };
}

/** The waves a step may move to while its neighbours in the precedence graph stay: [lo, hi]. */
function windowOf(problem: Problem, state: State, s: number): [number, number] {
  let lo = problem.minWave[s] as number;
  for (const p of problem.preds[s] ?? []) lo = Math.max(lo, (state.wave[p] as number) + 1);
  let hi = state.last;
  for (const q of problem.succs[s] ?? []) hi = Math.min(hi, (state.wave[q] as number) - 1);
  return [lo, hi];
}

function missedAt(problem: Problem, s: number, w: number): number {
  return w > (problem.maxWave[s] as number) ? 1 : 0;
}

/** Bridge weight change when `s` moves from its wave to `to`, ignoring its integration with `except`. */
function costDelta(problem: Problem, state: State, s: number, to: number, except: number): number {
  const from = state.wave[s] as number;
  let delta = 0;
  for (const [j, weight] of problem.neighbours[s] ?? []) {
    if (j === except) continue;
    const wj = state.wave[j] as number;
    delta += weight * ((wj !== to ? 1 : 0) - (wj !== from ? 1 : 0));
  }
  return delta;
}

/** Lexicographic sign of a change: missed deadlines, cost (with a tolerance for rounding), waves, order. */
function better(state: State, missed: number, cost: number, waves: number, order: number): boolean {
  if (missed !== 0) return missed < 0;
  if (Math.abs(cost) > state.epsilon) return cost < 0;
  if (waves !== 0) return waves < 0;
  return order < 0;
}

/** How the number of waves changes when one step leaves `from` and one enters `to`. */
function wavesDelta(state: State, from: number, to: number): number {
  if (to > state.last) return to - state.last;
  if (from !== state.last || state.load[from] !== 1 || to === from) return 0;
  let last = from - 1;
  while (last > to && state.load[last] === 0) last--;
  return last - state.last;
}

function move(state: State, s: number, to: number): void {
  const from = state.wave[s] as number;
  state.wave[s] = to;
  state.load[from] = (state.load[from] as number) - 1;
  state.load[to] = (state.load[to] as number) + 1;
  state.members[from]?.delete(s);
  state.members[to]?.add(s);
  while (state.last > 0 && state.load[state.last] === 0) state.last--;
}

/** Tries to improve the placement of `s`; true when it moved. */
function improveStep(problem: Problem, state: State, s: number): boolean {
  const from = state.wave[s] as number;
  const [lo, hi] = windowOf(problem, state, s);
  const candidates = new Set<number>();
  if (lo < from) candidates.add(lo);
  for (const [j] of problem.neighbours[s] ?? []) {
    const w = state.wave[j] as number;
    if (w !== from && w >= lo && w <= hi) candidates.add(w);
  }
  const deadline = problem.maxWave[s] as number;
  if (from > deadline) {
    const top = Math.min(hi, deadline);
    for (let w = lo, scanned = 0; w <= top && scanned < SCAN_LIMIT; w++, scanned++) candidates.add(w);
  }
  const sorted = [...candidates].sort((a, b) => a - b);
  for (const to of sorted) {
    if (to < lo || to > hi || to === from) continue;
    const dMissed = missedAt(problem, s, to) - missedAt(problem, s, from);
    const dCost = costDelta(problem, state, s, to, -1);
    if ((state.load[to] as number) < problem.capacity) {
      if (better(state, dMissed, dCost, wavesDelta(state, from, to), to - from)) {
        move(state, s, to);
        return true;
      }
      continue;
    }
    // The wave is full: swap with a step there that may take this step's wave.
    let tries = 0;
    for (const u of state.members[to] ?? []) {
      if (tries++ >= SWAP_TRIES) break;
      const [ulo, uhi] = windowOf(problem, state, u);
      if (from < ulo || from > uhi) continue;
      const missed = dMissed + missedAt(problem, u, from) - missedAt(problem, u, to);
      const cost = costDelta(problem, state, s, to, u) + costDelta(problem, state, u, from, s);
      const order = s < u ? to - from : from - to;
      if (better(state, missed, cost, 0, order)) {
        move(state, s, to);
        move(state, u, from);
        return true;
      }
    }
  }
  return false;
}

/** Local search: single moves and swaps, pass after pass, until a pass changes nothing. */
function improve(problem: Problem, wave: Int32Array): void {
  const state = stateOf(problem, wave);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (let s = 0; s < problem.n; s++) {
      // A step may improve several times in a row (each move is strictly better), bounded for safety.
      for (let again = 0; again < 8 && improveStep(problem, state, s); again++) changed = true;
    }
    if (!changed) break;
  }
}

/**
 * Removes empty waves where every later step may move one wave earlier (its `notBefore` allows it): the order of
 * the steps is kept, deadlines only get easier, bridges stay the same and there are fewer waves.
 */
function closeEmptyWaves(problem: Problem, wave: Int32Array): boolean {
  let last = 0;
  for (const w of wave) last = Math.max(last, w);
  const load = new Array<number>(last + 1).fill(0);
  for (const w of wave) load[w] = (load[w] as number) + 1;
  // slack[w]: how far every step in waves >= w may move earlier.
  const slack = new Array<number>(last + 2).fill(Number.POSITIVE_INFINITY);
  const ownSlack = new Array<number>(last + 1).fill(Number.POSITIVE_INFINITY);
  wave.forEach((w, i) => {
    ownSlack[w] = Math.min(ownSlack[w] as number, w - (problem.minWave[i] as number));
  });
  for (let w = last; w >= 1; w--) slack[w] = Math.min(slack[w + 1] as number, ownSlack[w] as number);
  const shift = new Array<number>(last + 1).fill(0);
  let removed = 0;
  for (let w = 1; w <= last; w++) {
    if (load[w] === 0 && (slack[w] as number) > removed) removed++;
    shift[w] = removed;
  }
  if (removed === 0) return false;
  for (let i = 0; i < wave.length; i++) wave[i] = (wave[i] as number) - (shift[wave[i] as number] as number);
  return true;
}
