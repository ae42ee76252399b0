/**
 * Who pays for development: the portfolio's money grouped by funder, implementing organisation, year, theme or
 * portfolio, each group broken down by funder, with each organisation's own share. Exact in cents.
 */
import { z } from 'zod';
import type { Model } from '../model/model.js';
import type { Project } from '../types.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { allocate, formatEuros, toEuros } from './money.js';
import { compareStrings, isOrganisation, nameFor, projectMoney } from './facts.js';
import { projectsInScope } from './scope.js';

/**
 * What {@link fundingSummary} groups by.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { FundingGrouping } from 'kartta';
 * const by: FundingGrouping = 'funder';
 * ```
 */
export type FundingGrouping = 'funder' | 'organisation' | 'year' | 'theme' | 'portfolio';

const SCHEMA = optionsSchema({
  by: z.enum(['funder', 'organisation', 'year', 'theme', 'portfolio'], {
    error: "must be 'funder', 'organisation', 'year', 'theme' or 'portfolio'",
  }),
  scope: optionField.id(),
  includeCancelled: optionField.boolean(),
});

/**
 * Options of {@link fundingSummary}.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { FundingSummaryOptions } from 'kartta';
 * const options: FundingSummaryOptions = { by: 'year', scope: 'pop' };
 * ```
 */
export interface FundingSummaryOptions {
  /** What to group by: `funder`, `organisation` (implementing), `year`, `theme` or `portfolio`. */
  readonly by: FundingGrouping;
  /** Only projects with an implementer or funder among this organisation and its members (transitively). */
  readonly scope?: string | undefined;
  /** Count cancelled projects too (default false). */
  readonly includeCancelled?: boolean | undefined;
}

/**
 * One funder's money in a group.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { FunderAmount } from 'kartta';
 * const part: FunderAmount = { funder: 'erdf', name: 'ERDF', kind: 'external', cents: 1_400_000, euros: 14000, percent: 70 };
 * ```
 */
export interface FunderAmount {
  /** The funder's id; `null` for the part of the budgets no funding covers. */
  readonly funder: string | null;
  /** The funder's name (`unfunded` for the uncovered part). */
  readonly name: string;
  /** `organisation`: one of the model's organisations (its own money); `external`: a funder; `unfunded`. */
  readonly kind: 'organisation' | 'external' | 'unfunded';
  /** The amount in whole cents. */
  readonly cents: number;
  /** The same amount in euros. */
  readonly euros: number;
  /** Its share of the group, in percent with two decimals. */
  readonly percent: number;
}

/**
 * One group of a {@link FundingSummary}.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { FundingGroup } from 'kartta';
 * const show = (group: FundingGroup) => `${group.name}: ${group.euros} €, own ${group.ownCents / 100} €`;
 * ```
 */
export interface FundingGroup {
  /** The funder, organisation or theme id, the year (as text) or the portfolio; `null` for projects without one. */
  readonly key: string | null;
  /** Its name (for `null`: `no theme`, `no portfolio`, `no implementer`). */
  readonly name: string;
  /** The money in the group, in whole cents. */
  readonly cents: number;
  /** The same in euros. */
  readonly euros: number;
  /** The projects with money in the group, sorted by id. */
  readonly projects: readonly string[];
  /** The group's money by funder: largest first, then by id; the unfunded part last. */
  readonly funders: readonly FunderAmount[];
  /** The part paid by the model's own organisations (their own shares), in cents. */
  readonly ownCents: number;
  /** The part paid by external funders, in cents. */
  readonly externalCents: number;
  /** The part no funding covers, in cents. */
  readonly unfundedCents: number;
  /** How the group's money was counted. */
  readonly reasons: readonly {
    /** The reason's code: how the group's money was split. */
    readonly code: 'funding.split';
    /** The reason in a sentence, names next to ids. */
    readonly message: string;
  }[];
}

/**
 * The result of {@link fundingSummary}.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { FundingSummary } from 'kartta';
 * const total = (summary: FundingSummary) => summary.cents / 100;
 * ```
 */
export interface FundingSummary {
  /** What the money is grouped by: funder, organisation, year, theme or portfolio. */
  readonly by: FundingGrouping;
  /** All the money of the projects counted, in cents (every grouping adds up to it). */
  readonly cents: number;
  /** The same in euros. */
  readonly euros: number;
  /** The groups, sorted by key (years in order), the `null` group last. */
  readonly groups: readonly FundingGroup[];
}

interface Slice {
  readonly key: string | null;
  readonly cents: number;
}

/**
 * Totals of the development portfolio by funder, implementing organisation, year, theme or portfolio, each broken
 * down by funder with each organisation's own share. Exact in cents: a project's budget is split among its
 * funders by share (largest remainder, so the parts add up to the cent), among its implementers and themes in
 * equal parts, and among years by its budget lines or, without lines, by its days in each year. So every grouping
 * adds up to the same total.
 *
 * @category Portfolio
 * @throws {@link OptionError} for a bad option; {@link QueryError} for a `scope` that is not an organisation.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, fundingSummary } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * for (const group of fundingSummary(model, { by: 'funder' }).groups) console.log(group.name, group.euros);
 * ```
 */
export function fundingSummary(model: Model, options: FundingSummaryOptions): FundingSummary {
  const { by, scope, includeCancelled } = parseOptions('fundingSummary', SCHEMA, options);
  const projects = projectsInScope(model, scope, includeCancelled ?? false);
  const groups = new Map<
    string | null,
    { cents: number; projects: Set<string>; funders: Map<string | null, number> }
  >();
  let total = 0;
  for (const project of projects) {
    const money = projectMoney(project);
    total += money.cents;
    for (const slice of slicesOf(project, by)) {
      let group = groups.get(slice.key);
      if (!group) groups.set(slice.key, (group = { cents: 0, projects: new Set(), funders: new Map() }));
      group.cents += slice.cents;
      if (slice.cents > 0 || money.cents === 0) group.projects.add(project.id);
      // The slice's money by funder: the project's funding split in proportion, to the cent.
      const parts = by === 'funder' ? [{ funder: slice.key, cents: slice.cents }] : money.funding;
      const split =
        by === 'funder'
          ? [slice.cents]
          : allocate(
              slice.cents,
              parts.map((part) => part.cents),
            );
      parts.forEach((part, index) => {
        group.funders.set(part.funder, (group.funders.get(part.funder) ?? 0) + (split[index] as number));
      });
    }
  }
  const out: FundingGroup[] = [...groups].map(([key, group]) => {
    const funders: FunderAmount[] = [...group.funders]
      .filter(([, cents]) => cents > 0 || group.cents === 0)
      .map(([funder, cents]) => ({
        funder,
        name: funder === null ? 'unfunded' : nameFor(model, funder),
        kind: funder === null ? 'unfunded' : isOrganisation(model, funder) ? 'organisation' : 'external',
        cents,
        euros: toEuros(cents),
        percent: group.cents === 0 ? 0 : Math.round((cents * 10_000) / group.cents) / 100,
      }));
    funders.sort((a, b) =>
      a.funder === null ? 1 : b.funder === null ? -1 : b.cents - a.cents || compareStrings(a.funder, b.funder),
    );
    const sum = (kind: FunderAmount['kind']) =>
      funders.filter((f) => f.kind === kind).reduce((acc, f) => acc + f.cents, 0);
    return {
      key,
      name: groupName(model, by, key),
      cents: group.cents,
      euros: toEuros(group.cents),
      projects: [...group.projects].sort(compareStrings),
      funders,
      ownCents: sum('organisation'),
      externalCents: sum('external'),
      unfundedCents: sum('unfunded'),
      reasons: [{ code: 'funding.split' as const, message: splitMessage(by, group.cents) }],
    };
  });
  out.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : compareStrings(a.key, b.key)));
  return { by, cents: total, euros: toEuros(total), groups: out };
}

/** A project's money in each group of the grouping, adding up to its budget. */
function slicesOf(project: Project, by: FundingGrouping): Slice[] {
  const money = projectMoney(project);
  switch (by) {
    case 'funder':
      return money.funding.map((part) => ({ key: part.funder, cents: part.cents }));
    case 'year':
      return [...money.years].map(([year, cents]) => ({ key: String(year), cents }));
    case 'portfolio':
      return [{ key: project.portfolio ?? null, cents: money.cents }];
    case 'organisation':
      return evenly(project.implementers, money.cents);
    case 'theme':
      return evenly(project.themes, money.cents);
  }
}

function evenly(keys: readonly string[] | undefined, cents: number): Slice[] {
  if (!keys || keys.length === 0) return [{ key: null, cents }];
  // Sorted, so the cent a split cannot divide goes to the same key whatever order the document lists them in.
  keys = [...keys].sort(compareStrings);
  const split = allocate(
    cents,
    keys.map(() => 1),
  );
  return keys.map((key, index) => ({ key, cents: split[index] as number }));
}

function groupName(model: Model, by: FundingGrouping, key: string | null): string {
  if (key === null) {
    return by === 'funder'
      ? 'unfunded'
      : by === 'organisation'
        ? 'no implementer'
        : by === 'theme'
          ? 'no theme'
          : by === 'portfolio'
            ? 'no portfolio'
            : 'no year';
  }
  return by === 'year' || by === 'portfolio' ? key : nameFor(model, key);
}

function splitMessage(by: FundingGrouping, cents: number): string {
  const how =
    by === 'funder'
      ? "each funder's amount, or its share of the budget"
      : by === 'organisation'
        ? 'each project’s budget split equally among its implementers'
        : by === 'theme'
          ? 'each project’s budget split equally among its themes'
          : by === 'year'
            ? 'each project’s budget lines by year, or its budget spread over its days in each year'
            : 'each project’s whole budget in its portfolio';
  return `${formatEuros(cents)}: ${how}, then by funder in proportion to the project's funding, to the cent`;
}
