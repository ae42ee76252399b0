/**
 * What the portfolio questions share: a project's money in cents (budget, each funder's part, each year's part),
 * its period, the regions of its implementers, and names. Everything here is exact in cents: each split is done
 * with {@link allocate}, so the parts of a project always add up to its budget.
 */
import type { Model } from '../model/model.js';
import type { Project } from '../types.js';
import { displayName } from '../names.js';
import { allocate, toBasisPoints, toCents } from './money.js';

/** The day an open-ended project is taken to run until, when periods are compared. */
export const OPEN_END = '9999-12-31';

/** One funder's part of a project, in cents. `funder` is `null` for the part no funder covers. */
export interface FundingPart {
  readonly funder: string | null;
  readonly cents: number;
}

/** A project's money, in cents. */
export interface ProjectMoney {
  /** The budget: the total, else the sum of the lines, else the sum of funding amounts, else 0. */
  readonly cents: number;
  /** Whether the project gives any money figure at all. */
  readonly known: boolean;
  /** Each funder's part (shares split exactly by {@link allocate}), sorted by funder id; unfunded rest last. */
  readonly funding: readonly FundingPart[];
  /** The budget by year: the budget lines, else the budget spread over the project's days in each year. */
  readonly years: ReadonlyMap<number, number>;
  /** How `years` was found. */
  readonly yearsFrom: 'lines' | 'days';
}

const cache = new WeakMap<Project, ProjectMoney>();

/** The money of a project, in cents (computed once per project object: a model's projects never change). */
export function projectMoney(project: Project): ProjectMoney {
  let money = cache.get(project);
  if (!money) cache.set(project, (money = computeMoney(project)));
  return money;
}

function computeMoney(project: Project): ProjectMoney {
  const lines = project.budget?.lines;
  const lineSum = (lines ?? []).reduce((sum, line) => sum + toCents(line.amount), 0);
  const parts = [...(project.funding ?? [])].sort((a, b) => compareStrings(a.funder, b.funder));
  const amounts = parts.filter((part) => part.amount !== undefined);
  let cents = 0;
  let known = true;
  if (project.budget?.total !== undefined) cents = toCents(project.budget.total);
  else if (lines !== undefined) cents = lineSum;
  else if (amounts.length > 0) cents = amounts.reduce((sum, part) => sum + toCents(part.amount as number), 0);
  else known = false;

  const funding: FundingPart[] = [];
  if (amounts.length > 0) {
    for (const part of amounts) funding.push({ funder: part.funder, cents: toCents(part.amount as number) });
  } else if (parts.length > 0) {
    const split = allocate(
      cents,
      parts.map((part) => toBasisPoints(part.share ?? 0)),
    );
    parts.forEach((part, index) => funding.push({ funder: part.funder, cents: split[index] as number }));
  }
  const covered = funding.reduce((sum, part) => sum + part.cents, 0);
  if (covered < cents) funding.push({ funder: null, cents: cents - covered });

  const years = new Map<number, number>();
  let yearsFrom: ProjectMoney['yearsFrom'] = 'lines';
  if (lines !== undefined && lines.length > 0 && lineSum === cents) {
    for (const line of lines) years.set(line.year, (years.get(line.year) ?? 0) + toCents(line.amount));
  } else {
    yearsFrom = 'days';
    const spread = daysByYear(project.start, project.end ?? project.start);
    const split = allocate(
      cents,
      spread.map(([, days]) => days),
    );
    spread.forEach(([year], index) => {
      if ((split[index] as number) > 0 || spread.length === 1) years.set(year, split[index] as number);
    });
  }
  return { cents, known, funding, years: new Map([...years].sort((a, b) => a[0] - b[0])), yearsFrom };
}

/** How many days of [start, end] fall in each year, in year order. */
export function daysByYear(start: string, end: string): [number, number][] {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  const out: [number, number][] = [];
  const first = Number(start.slice(0, 4));
  const last = Number(end.slice(0, 4));
  for (let year = first; year <= last; year++) {
    const yearStart = Math.max(from, Date.UTC(year, 0, 1));
    const yearEnd = Math.min(to, Date.UTC(year, 11, 31));
    out.push([year, Math.max(0, Math.round((yearEnd - yearStart) / 86_400_000) + 1)]);
  }
  return out;
}

/** Whether two projects' periods share a day (an open end runs on for ever). */
export function periodsOverlap(a: Project, b: Project): boolean {
  return a.start <= (b.end ?? OPEN_END) && b.start <= (a.end ?? OPEN_END);
}

/**
 * The regions an organisation belongs to: itself when it is a region, and every region it is a member of,
 * directly or through further `memberOf` relations. Sorted.
 */
export function regionsOf(model: Model, organisation: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>([organisation]);
  const queue = [organisation];
  while (queue.length > 0) {
    const current = queue.pop() as string;
    if (model.organisation(current)?.kind === 'region') out.add(current);
    for (const relation of model.relationsOut(current, 'memberOf')) {
      if (seen.has(relation.to)) continue;
      seen.add(relation.to);
      queue.push(relation.to);
    }
  }
  return [...out].sort(compareStrings);
}

/** The name a person reads for an id of the model (entity, product or portfolio item), else the id. */
export function nameFor(model: Model, id: string): string {
  return model.nameOf(id) ?? id;
}

/** The name of a project. */
export function projectName(project: Project): string {
  return displayName(project.name);
}

/** Code-unit order, the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether the funder id is an organisation of the model (else an external funder). */
export function isOrganisation(model: Model, id: string): boolean {
  return model.organisation(id) !== undefined;
}
