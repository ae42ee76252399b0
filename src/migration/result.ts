/** The public result types of {@link planMigration}. */
import type { ReasonCode } from '../codes.js';
import type { HardRule } from './errors.js';
import type { MigrationAction } from './plan-schema.js';
import type { HardConstraint } from './rules.js';

/**
 * One wave of a migration: its number, its dates (when the plan has `start` and `waveMonths`) and its steps,
 * sorted by id. Waves without steps are listed too (a step can wait for its `notBefore`).
 *
 * @example
 * ```ts
 * import type { MigrationWave } from 'kartta';
 * const wave: MigrationWave = { index: 1, start: '2019-01-01', end: '2019-06-30', steps: ['iam'] };
 * ```
 *
 * @category Migration
 */
export interface MigrationWave {
  /** The wave number, from 1. */
  readonly index: number;
  /** The wave's first day (`YYYY-MM-DD`); absent when the plan has no `start` and `waveMonths`. */
  readonly start?: string | undefined;
  /** The wave's last day (`YYYY-MM-DD`), the day before the next wave starts; absent like `start`. */
  readonly end?: string | undefined;
  /** The ids of the steps in this wave, sorted; empty for a wave that only waits. */
  readonly steps: readonly string[];
}

/**
 * An integration that must be kept alive across old and new for a while: both its systems are moved by steps, in
 * different waves. `steps` and `waves` are in the order of the integration's `source` and `target`.
 *
 * @example
 * ```ts
 * import type { MigrationBridge } from 'kartta';
 * const bridge: MigrationBridge = { integration: 'i-17', steps: ['ptj-oulu', 'ptj-kuusamo'], waves: [2, 3], weight: 1 };
 * ```
 *
 * @category Migration
 */
export interface MigrationBridge {
  /** The id of the integration to keep alive between an old and a new system. */
  readonly integration: string;
  /** The steps that move the integration's source system and its target system. */
  readonly steps: readonly [string, string];
  /** The waves of those two steps; they differ, which is what makes the integration a bridge. */
  readonly waves: readonly [number, number];
  /**
   * What the bridge costs the plan: the `weight` option of planMigration gives it (1 for every integration by
   * default).
   */
  readonly weight: number;
}

/**
 * Why a deadline was missed: `calendar` (even wave 1 ends after it), `not-before` (the step's own `notBefore`
 * comes too late), `precedence` (a chain of hard rules makes the step's earliest wave too late, even with
 * unlimited capacity) or `capacity` (the waves that would meet it are full, or its predecessors were delayed
 * by full waves).
 *
 * @example
 * ```ts
 * import type { MissedDeadlineCause } from 'kartta';
 * const cause: MissedDeadlineCause = 'precedence';
 * ```
 *
 * @category Migration
 */
export type MissedDeadlineCause = 'calendar' | 'not-before' | 'precedence' | 'capacity';

/**
 * A deadline the plan cannot meet, with what forced the step later.
 *
 * @example
 * ```ts
 * import type { MissedDeadline } from 'kartta';
 * const missed: MissedDeadline = {
 *   step: 'ptj-kempele', deadline: '2019-06-30', wave: 3, waveEnd: '2020-06-30', earliestWave: 2,
 *   cause: 'precedence', chain: ['esb-rehost'],
 *   message: 'must come after esb-rehost under the hard rules, so wave 2 at the earliest, ending 2019-12-31',
 * };
 * ```
 *
 * @category Migration
 */
export interface MissedDeadline {
  /** The id of the step whose deadline is missed. */
  readonly step: string;
  /** The step's `deadline` (`YYYY-MM-DD`), which its wave ends after. */
  readonly deadline: string;
  /** The wave the step is placed in. */
  readonly wave: number;
  /** The last day of that wave. */
  readonly waveEnd: string;
  /** The earliest wave the hard rules and `notBefore` allow, whatever the capacity. */
  readonly earliestWave: number;
  /** What forced the step past its deadline. */
  readonly cause: MissedDeadlineCause;
  /**
   * For `precedence`: the steps that hold it back, first to last (each must come before the next, the last
   * before this step). For `capacity`: the predecessor delayed by full waves, when that is what held it back.
   */
  readonly chain: readonly string[];
  /** The same in words. */
  readonly message: string;
}

/**
 * What a plan breaks or could not check, without being reordered for it:
 *
 * - `retires-dependency`: the step takes a system out of use that systems outside the plan depend on
 *   (`systems`, directly or transitively);
 * - `dates-unchecked`: the step has a `deadline` or `notBefore`, but the plan has no `start` and `waveMonths`,
 *   so the waves have no dates and the date could not be checked;
 * - `calendar-incomplete`: the plan gives only one of `start` and `waveMonths`;
 * - `target-retired`: the step moves onto a system whose lifecycle is `retired`.
 *
 * @example
 * ```ts
 * import type { MigrationViolation } from 'kartta';
 * const violation: MigrationViolation = {
 *   code: 'retires-dependency', step: 'iam', system: 'oulu-ad', systems: ['oulu-intra'],
 *   message: "iam takes oulu-ad out of use, but oulu-intra (outside the plan) depends on it",
 * };
 * ```
 *
 * @category Migration
 */
export interface MigrationViolation {
  /** What is wrong (see above). */
  readonly code: 'retires-dependency' | 'dates-unchecked' | 'calendar-incomplete' | 'target-retired';
  /** The step concerned; absent for `calendar-incomplete`, which concerns the whole plan. */
  readonly step?: string | undefined;
  /** The system concerned: the one taken out of use, or the retired target. */
  readonly system?: string | undefined;
  /** For `retires-dependency`: the systems outside the plan that depend on `system`, sorted. */
  readonly systems?: readonly string[] | undefined;
  /** The same in words, with names next to ids. */
  readonly message: string;
}

/**
 * One reason a step sits in its wave: a stable `code`, the facts as data, and the same in words (`message`; the
 * `explanations` of the result list these messages):
 *
 * - `placement.precedence`: a hard rule (`kind`) ties it to `step`: it comes after it (`direction: 'after'`) or
 *   before it;
 * - `placement.not-before`: its `notBefore` date makes `wave` the first it may take;
 * - `placement.capacity`: the earlier waves it could have taken were full;
 * - `placement.deadline`: its deadline, met or not, and the end of its wave;
 * - `placement.grouped`: it shares its wave with `step`, so `integrations` are not bridges;
 * - `placement.bridge`: `integrations` to `step` in another wave are bridges;
 * - `placement.waits`: it could have come as early as `earliest`, but that would not have been better;
 * - `placement.free`: nothing holds it back: it is in the first wave it may take.
 *
 * @example
 * ```ts
 * import type { PlacementReason } from 'kartta';
 * const reason: PlacementReason = {
 *   code: 'placement.precedence', kind: 'after', direction: 'after', step: 'iam', wave: 1, message: 'after: iam (wave 1)',
 * };
 * ```
 *
 * @category Migration
 */
export type PlacementReason = PlacementReasonData & {
  /** The same in words, with names next to ids; the result's `explanations` list these. */
  readonly message: string;
};

/**
 * The facts of a {@link PlacementReason}, without its `message`.
 *
 * @example
 * ```ts
 * import type { PlacementReasonData } from 'kartta';
 * const data: PlacementReasonData = { code: 'placement.not-before', date: '2019-06-01', wave: 2 };
 * ```
 *
 * @category Migration
 */
export type PlacementReasonData =
  | {
      /** A hard rule ties the step to another step. */
      readonly code: 'placement.precedence';
      /** Which hard rule. */
      readonly kind: HardRule;
      /** Whether the step comes after the other step or before it. */
      readonly direction: 'after' | 'before';
      /** The id of the other step. */
      readonly step: string;
      /** The other step's wave. */
      readonly wave: number;
      /** For a dependency rule: the system that depends on `dependsOn`. */
      readonly system?: string | undefined;
      /** For a dependency rule: the system `system` depends on. */
      readonly dependsOn?: string | undefined;
    }
  | {
      /** The step's `notBefore` holds it back. */
      readonly code: 'placement.not-before';
      /** The step's `notBefore` (`YYYY-MM-DD`). */
      readonly date: string;
      /** The first wave that starts on or after that date. */
      readonly wave: number;
    }
  | {
      /** Earlier waves were full. */
      readonly code: 'placement.capacity';
      /** The waves it could have taken but that were full (the plan's `capacity`), ascending. */
      readonly waves: readonly number[];
    }
  | {
      /** The step's deadline, met or not. */
      readonly code: 'placement.deadline';
      /** The step's `deadline` (`YYYY-MM-DD`). */
      readonly date: string;
      /** True when the wave ends on or before the deadline. */
      readonly met: boolean;
      /** The last day of the step's wave. */
      readonly waveEnd: string;
    }
  | {
      /** The step shares its wave with an integrated step, which saves bridges. */
      readonly code: 'placement.grouped';
      /** The id of the step in the same wave. */
      readonly step: string;
      /** The integrations between the two steps' systems that need no bridge, sorted. */
      readonly integrations: readonly string[];
    }
  | {
      /** Integrations to a step in another wave must be bridged. */
      readonly code: 'placement.bridge';
      /** The id of the other step. */
      readonly step: string;
      /** The other step's wave. */
      readonly wave: number;
      /** The integrations that become bridges, sorted. */
      readonly integrations: readonly string[];
    }
  | {
      /** The step could have come earlier, but that would not have been better. */
      readonly code: 'placement.waits';
      /** The earliest wave it could have taken. */
      readonly earliest: number;
    }
  | {
      /** Nothing holds the step back: it is in the first wave it may take. */
      readonly code: 'placement.free';
    };

/**
 * Where one step was placed and why.
 *
 * @example
 * ```ts
 * import type { StepPlacement } from 'kartta';
 * const placement: StepPlacement = {
 *   step: 'iam', wave: 1, action: 'replace', system: 'oulu-ad', target: 'pop-iam', class: 'TORI',
 *   systemName: 'Oulu AD', targetName: 'POP IAM', earliestWave: 1,
 *   reasons: [{ code: 'placement.free', message: 'nothing holds it back: wave 1 is the first it may take' }],
 * };
 * ```
 *
 * @category Migration
 */
export interface StepPlacement {
  /** The id of the step. */
  readonly step: string;
  /** The wave the step is placed in, from 1. */
  readonly wave: number;
  /** The step's action, as in the plan. */
  readonly action: MigrationAction;
  /** The id of the system the step moves. */
  readonly system: string;
  /** The name of the step's system. */
  readonly systemName: string;
  /** The id of the system it moves to, for `consolidate` and `replace`. */
  readonly target?: string | undefined;
  /** The name of the target, when there is one. */
  readonly targetName?: string | undefined;
  /** The class of the step's system, which breaks ties (TORI steps first). */
  readonly class: 'TORI' | 'TOSI';
  /** The earliest wave the hard rules and `notBefore` allow, whatever the capacity. */
  readonly earliestWave: number;
  /** The last wave that meets the deadline (0 when none does); absent without a deadline or wave dates. */
  readonly latestWave?: number | undefined;
  /** Why the step sits in this wave, most binding first; never empty (`placement.free` when nothing holds it back). */
  readonly reasons: readonly PlacementReason[];
}

/**
 * How a migration placement was found:
 *
 * - `exhaustive`: the exact search of small plans (up to `exhaustiveLimit` steps); always optimal.
 * - `mip`: the HiGHS MIP solver, by {@link planMigrationOptimal}; optimal when `proven`, otherwise the best
 *   placement found within the time limit, with the solver's lower bound.
 * - `heuristic`: list scheduling and local moves; never proven optimal.
 *
 * @example
 * ```ts
 * import type { MigrationMethod } from 'kartta';
 * const method: MigrationMethod = 'mip';
 * ```
 *
 * @category Migration
 */
export type MigrationMethod = 'exhaustive' | 'mip' | 'heuristic';

/**
 * One note on how a plan was solved, with a stable code:
 *
 * - `plan.mip-optimal`: the MIP solver proved the placement optimal;
 * - `plan.mip-time-limit`: the solver reached the time limit before proving optimality (the result holds the
 *   best placement found and the solver's bound);
 * - `plan.mip-unavailable`: the solver could not be loaded; the heuristic answered;
 * - `plan.mip-failed`: the solver gave no usable answer (an error, or a status it should not have); the
 *   heuristic answered;
 * - `plan.mip-bound-only`: the plan is too large for the MIP to place within the limits; the heuristic placed it
 *   (improved a few waves at a time when `plan.mip-neighbourhoods` is there too);
 * - `plan.mip-neighbourhoods`: the solver improved the heuristic's placement by solving small problems of a few
 *   waves each (steps elsewhere kept in place): before the whole MIP, in at most a fifth of the time limit, or in
 *   all of it when the plan is too large for the whole MIP.
 *
 * @example
 * ```ts
 * import type { PlanReason } from 'kartta';
 * const reason: PlanReason = { code: 'plan.mip-time-limit', message: 'the MIP solver reached the time limit of 10 s' };
 * ```
 *
 * @category Migration
 */
export interface PlanReason {
  /** What happened, as a stable code (see above). */
  readonly code: PlanReasonCode;
  /** The same in words, with the limits and numbers involved. */
  readonly message: string;
}

/**
 * The code of a {@link PlanReason}.
 *
 * @example
 * ```ts
 * import type { PlanReasonCode } from 'kartta';
 * const code: PlanReasonCode = 'plan.mip-optimal';
 * ```
 *
 * @category Migration
 */
export type PlanReasonCode = Extract<ReasonCode, `plan.${string}`>;

/**
 * The result of {@link planMigration}.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, planMigration, type MigrationResult } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const result: MigrationResult = planMigration(model, JSON.parse(readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8')));
 * for (const wave of result.waves) console.log(wave.index, wave.start, wave.end, wave.steps.join(', '));
 * ```
 *
 * @category Migration
 */
export interface MigrationResult {
  /** Waves 1 to the last, each with its steps (sorted by id); empty waves in between are listed. */
  readonly waves: readonly MigrationWave[];
  /** The wave of each step. */
  readonly waveOf: Readonly<Record<string, number>>;
  /** Bridge integrations, sorted by integration id. */
  readonly bridges: readonly MigrationBridge[];
  /** Total weight of the bridges. */
  readonly cost: number;
  /** True when the placement is proven optimal (the exhaustive search, or the MIP solver within its time limit). */
  readonly optimal: boolean;
  /** The same as `optimal`, under the name the MIP solver's reports use. */
  readonly proven: boolean;
  /** How the placement was found: see {@link MigrationMethod}. */
  readonly method: MigrationMethod;
  /**
   * A value the optimal plan's `cost` cannot be below: `cost` itself when `optimal`. Otherwise the best bound
   * known: the weight of the integrations that every plan must bridge (between steps the hard rules put in
   * different waves, and the least one inside each integrated group too large for one wave), or, from
   * {@link planMigrationOptimal}, the MIP solver's bound when that is higher.
   */
  readonly lowerBound: number;
  /**
   * The proven gap of `cost`: `(cost - lowerBound) / cost`, 0 when `optimal` or when `cost` is 0. A gap of 0.05
   * says the optimal plan's bridges weigh at least 95 % of this plan's.
   */
  readonly gap: number;
  /** How the method went, in words: why the MIP stopped (time limit) or why it was not used. Sorted as found. */
  readonly reasons: readonly PlanReason[];
  /** Deadlines not met, sorted by step id. */
  readonly missedDeadlines: readonly MissedDeadline[];
  /** What the plan breaks or could not check, sorted by code and step. */
  readonly violations: readonly MigrationViolation[];
  /** For every step, the rules that placed it, in words. */
  readonly explanations: Readonly<Record<string, readonly string[]>>;
  /** For every step (sorted by id), where it went and why, as data. */
  readonly placements: readonly StepPlacement[];
  /** The hard precedence links between steps (rules 1 to 3), sorted by before, after and rule. */
  readonly constraints: readonly HardConstraint[];
}
