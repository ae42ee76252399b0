/**
 * The rules of the development portfolio that need more than one field: ids unique across the document, every
 * reference to an entity of the right kind, dates in order, budget lines that add up and funding that covers the
 * budget exactly. A portfolio is small beside the systems it works on (tens or hundreds of projects), so it is
 * checked whole on every load and edit that has one, in one pass that names every problem.
 */
import { portfolioCollections } from '../schema/document.js';
import type { EntityKind, Funding, Issue, Organisation, ProjectBudget } from '../types.js';
import { z } from 'zod';
import { budgetSchema, fundingSchema, obligationSchema } from '../schema/portfolio.js';
import { dateSchema } from '../schema/primitives.js';
import { isRecord } from '../schema/json.js';
import { formatEuros, formatShare, toBasisPoints, toCents } from '../portfolio/money.js';
import { withArticle } from '../words.js';
import { capped } from '../errors.js';

type Path = (string | number)[];
type PortfolioKind = 'theme' | 'funder' | 'offering' | 'project';
type AnyKind = EntityKind | PortfolioKind;

const KIND_OF: Readonly<Record<(typeof portfolioCollections)[number], PortfolioKind>> = {
  themes: 'theme',
  funders: 'funder',
  offerings: 'offering',
  projects: 'project',
};

/** The kinds an organisation offering national services may have. */
const PROVIDER_KINDS: ReadonlySet<string> = new Set(['stateAgency', 'company']);

/** What the portfolio check needs to know about the rest of the document. */
export interface PortfolioLookup {
  /** The kind of the entity or product with this id after the change, or `undefined`. */
  readonly kindOf: (id: string) => EntityKind | undefined;
  /** The organisation with this id after the change. */
  readonly organisation: (id: string) => Organisation | undefined;
}

/** True when the document has anything in a portfolio collection (only then is there something to check). */
export function hasPortfolio(doc: Record<string, unknown>): boolean {
  return portfolioCollections.some((collection) => {
    const items = doc[collection];
    return Array.isArray(items) && items.length > 0;
  });
}

/** The value when it has the schema's shape, else `undefined` (its problems are reported by the shape check). */
function shaped<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
): T | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** The list when it is an array of strings, else `undefined`. */
function ids(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

const fundingListSchema = z.array(fundingSchema);

/**
 * Checks the whole portfolio of `doc`. The shape of each element is reported elsewhere; each rule here reads a
 * field only when it has its shape, so one pass names every problem (a bad amount does not hide dates in the
 * wrong order).
 */
export function checkPortfolio(doc: Record<string, unknown>, lookup: PortfolioLookup, issues: Issue[]): void {
  const owners = new Map<string, { kind: PortfolioKind; path: Path }>();
  const elements: { collection: (typeof portfolioCollections)[number]; item: Record<string, unknown>; base: Path }[] =
    [];
  for (const collection of portfolioCollections) {
    const items = doc[collection];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      const base: Path = [collection, index];
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') {
        const first = owners.get(id);
        const entity = lookup.kindOf(id);
        if (first) {
          issues.push({
            code: 'id.duplicate',
            path: [...base, 'id'],
            message: `id '${capped(id)}' is already used by the ${first.kind} at ${first.path.join('.')}`,
          });
        } else if (entity !== undefined) {
          issues.push({
            code: 'id.duplicate',
            path: [...base, 'id'],
            message: `id '${capped(id)}' is already used by ${withArticle(entity)}`,
          });
        } else {
          owners.set(id, { kind: KIND_OF[collection], path: base });
        }
      }
      if (isRecord(item)) elements.push({ collection, item, base });
    });
  }

  const kindOf = (id: string): AnyKind | undefined => owners.get(id)?.kind ?? lookup.kindOf(id);
  const refs = (ids: readonly string[] | undefined, base: Path, role: string, expected: readonly AnyKind[]) => {
    if (!ids) return;
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      const path = [...base, index];
      if (seen.has(id)) {
        issues.push({ code: 'reference.duplicate', path, message: `${role} '${capped(id)}' is listed twice` });
        return;
      }
      seen.add(id);
      expectKind(id, path, role, expected);
    });
  };
  const expectKind = (id: string, path: Path, role: string, expected: readonly AnyKind[]): boolean => {
    const actual = kindOf(id);
    if (actual !== undefined && expected.includes(actual)) return true;
    if (actual === undefined) {
      issues.push({ code: 'reference.missing', path, message: `${role} '${capped(id)}' does not exist` });
    } else {
      issues.push({
        code: 'reference.kind',
        path,
        message: `${role} '${capped(id)}' must be ${expected.map(withArticle).join(' or ')}, but it is ${withArticle(actual)}`,
      });
    }
    return false;
  };

  for (const { collection, item, base } of elements) {
    if (collection === 'offerings') checkOffering(item, base);
    else if (collection === 'projects') checkProject(item, base);
  }

  function checkOffering(offering: Record<string, unknown>, base: Path): void {
    const providerId = offering.provider;
    if (typeof providerId === 'string' && expectKind(providerId, [...base, 'provider'], 'provider', ['organisation'])) {
      const provider = lookup.organisation(providerId);
      if (provider && typeof provider.kind === 'string' && !PROVIDER_KINDS.has(provider.kind)) {
        issues.push({
          code: 'offering.provider-kind',
          path: [...base, 'provider'],
          message: `provider '${capped(providerId)}' is ${withArticle(provider.kind)}; a national offering comes from a stateAgency or a company`,
        });
      }
    }
    refs(ids(offering.services), [...base, 'services'], 'service', ['service']);
    refs(ids(offering.themes), [...base, 'themes'], 'theme', ['theme']);
    const available = shaped(dateSchema, offering.available);
    const obligation = shaped(obligationSchema, offering.obligation);
    if (available !== undefined && obligation !== undefined && obligation.from < available) {
      issues.push({
        code: 'date.order',
        path: [...base, 'obligation', 'from'],
        message: `the obligation starts on ${obligation.from}, before the offering is available on ${available}`,
      });
    }
  }

  function checkProject(project: Record<string, unknown>, base: Path): void {
    const start = shaped(dateSchema, project.start);
    const end = shaped(dateSchema, project.end);
    if (start !== undefined && end !== undefined && end < start) {
      issues.push({
        code: 'date.order',
        path: [...base, 'end'],
        message: `the project ends on ${end}, before it starts on ${start}`,
      });
    }
    refs(ids(project.implementers), [...base, 'implementers'], 'implementer', ['organisation']);
    refs(ids(project.themes), [...base, 'themes'], 'theme', ['theme']);
    const deliverables = project.deliverables;
    if (isRecord(deliverables)) {
      const at: Path = [...base, 'deliverables'];
      refs(ids(deliverables.systems), [...at, 'systems'], 'system', ['system']);
      refs(ids(deliverables.services), [...at, 'services'], 'service', ['service']);
      refs(ids(deliverables.integrations), [...at, 'integrations'], 'integration', ['integration']);
      refs(ids(deliverables.products), [...at, 'products'], 'product', ['product']);
    }
    const budget = shaped(budgetSchema, project.budget);
    const budgetCents = budget && start !== undefined ? checkBudget(budget, start, end, base) : undefined;
    // A budget of the wrong shape leaves the total unknown: the amounts are then not compared with it.
    const funding = shaped(fundingListSchema, project.funding);
    if (funding) checkFunding(funding, base, project.budget === undefined || budget ? budgetCents : undefined);
  }

  /** The project's budget total in cents (given, or the sum of the lines), or `undefined` without one. */
  function checkBudget(budget: ProjectBudget, start: string, end: string | undefined, base: Path): number | undefined {
    const startYear = Number(start.slice(0, 4));
    const endYear = end === undefined ? Infinity : Number(end.slice(0, 4));
    let sum = 0;
    (budget.lines ?? []).forEach((line, index) => {
      sum += toCents(line.amount);
      if (line.year < startYear || line.year > endYear) {
        issues.push({
          code: 'budget.year-outside',
          path: [...base, 'budget', 'lines', index, 'year'],
          message: `the budget line's year ${line.year} is outside the project's ${startYear}–${endYear === Infinity ? '' : endYear}`,
        });
      }
    });
    if (budget.total === undefined) return budget.lines === undefined ? undefined : sum;
    const total = toCents(budget.total);
    if (budget.lines !== undefined && sum !== total) {
      issues.push({
        code: 'budget.sum',
        path: [...base, 'budget', 'total'],
        message: `the budget lines add up to ${formatEuros(sum)}, not the total ${formatEuros(total)} (${formatEuros(sum - total)})`,
      });
    }
    return total;
  }

  function checkFunding(funding: readonly Funding[], base: Path, budgetCents: number | undefined): void {
    if (funding.length === 0) return;
    const at: Path = [...base, 'funding'];
    const funders = new Set<string>();
    funding.forEach((part, index) => {
      if (funders.has(part.funder)) {
        issues.push({
          code: 'funding.duplicate',
          path: [...at, index, 'funder'],
          message: `funder '${capped(part.funder)}' is listed twice; give each funder one share or amount`,
        });
      } else {
        funders.add(part.funder);
        expectKind(part.funder, [...at, index, 'funder'], 'funder', ['organisation', 'funder']);
      }
    });
    const shares = funding.filter((part) => part.share !== undefined);
    const amounts = funding.filter((part) => part.amount !== undefined);
    if (shares.length > 0 && amounts.length > 0) {
      issues.push({
        code: 'funding.mixed',
        path: at,
        message: `the funding mixes shares (${shares.length}) and amounts (${amounts.length}); use shares (percent) throughout or amounts (euros) throughout`,
      });
      return;
    }
    if (shares.length > 0) {
      const sum = shares.reduce((total, part) => total + toBasisPoints(part.share as number), 0);
      if (sum !== 10_000) {
        issues.push({
          code: 'funding.share-sum',
          path: at,
          message: `the funding shares add up to ${formatShare(sum)}, not 100 %`,
        });
      }
    } else if (budgetCents !== undefined) {
      const sum = amounts.reduce((total, part) => total + toCents(part.amount as number), 0);
      if (sum !== budgetCents) {
        issues.push({
          code: 'funding.amount-sum',
          path: at,
          message: `the funding amounts add up to ${formatEuros(sum)}, not the budget of ${formatEuros(budgetCents)} (${formatEuros(sum - budgetCents)})`,
        });
      }
    }
  }
}
