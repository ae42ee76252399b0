/**
 * Payback: for the harmonisation candidates a project delivers, the project's cost against the yearly savings the
 * harmonisation brings (the known yearly cost of the installations that would go).
 */
import type { Model } from '../model/model.js';
import type { HarmonisationCandidate } from '../queries/harmonisation.js';
import { harmonisationCandidates } from '../queries/harmonisation.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import type { Project } from '../types.js';
import { formatEuros, toCents, toEuros } from './money.js';
import { compareStrings, projectMoney, projectName } from './facts.js';
import { projectsInScope } from './scope.js';

const SCHEMA = optionsSchema({ scope: optionField.id(), includeCancelled: optionField.boolean() });

/**
 * Options of {@link projectPayback}.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { PaybackOptions } from 'kartta';
 * const options: PaybackOptions = { scope: 'pop' };
 * ```
 */
export interface PaybackOptions {
  /** Harmonisation candidates and projects within this organisation and its members (transitively). */
  readonly scope?: string | undefined;
  /** Count cancelled projects too (default false). */
  readonly includeCancelled?: boolean | undefined;
}

/**
 * A harmonisation candidate a project delivers.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { DeliveredCandidate } from 'kartta';
 * const c: DeliveredCandidate = { kind: 'sameProduct', key: 'dynasty', name: 'Dynasty', systems: ['a', 'b'], savingsCents: 1_200_000, unknownCosts: [] };
 * ```
 */
export interface DeliveredCandidate {
  /** Same product or same service, as in {@link harmonisationCandidates}. */
  readonly kind: HarmonisationCandidate['kind'];
  /** The product key (same product) or the service id (same service). */
  readonly key: string;
  /** The product's or service's display name. */
  readonly name: string;
  /** The systems of the candidate, sorted by id. */
  readonly systems: readonly string[];
  /** Known yearly savings in cents; 0 when no cost of the systems that would go is known. */
  readonly savingsCents: number;
  /** Systems that would go but whose yearly cost is unknown. */
  readonly unknownCosts: readonly string[];
}

/**
 * A project's cost against the yearly savings of the harmonisation it delivers.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { ProjectPayback } from 'kartta';
 * const line = (p: ProjectPayback) => `${p.projectName}: ${p.paybackYears ?? '∞'} years`;
 * ```
 */
export interface ProjectPayback {
  /** The project's id. */
  readonly project: string;
  /** The project's display name. */
  readonly projectName: string;
  /** The project's budget in cents. */
  readonly costCents: number;
  /** The same in euros. */
  readonly costEuros: number;
  /** The candidates it delivers, by kind and key. */
  readonly candidates: readonly DeliveredCandidate[];
  /** The known yearly savings of those candidates, in cents: each installation that would go counted once. */
  readonly yearlySavingsCents: number;
  /** The same in euros. */
  readonly yearlySavingsEuros: number;
  /** Cost divided by yearly savings, in years with two decimals; `null` when no savings are known. */
  readonly paybackYears: number | null;
  /** The payback in words, or why it is unknown. */
  readonly reasons: readonly {
    /** The reason's code: `payback.years` or `payback.unknown`. */
    readonly code: 'payback.years' | 'payback.unknown';
    /** The reason in a sentence, names next to ids. */
    readonly message: string;
  }[];
}

/**
 * For every project that delivers harmonisation candidates (a candidate's system among its delivered systems, its
 * product among the delivered products, or its service among the delivered services), the project's cost against
 * the candidates' known yearly savings, and the years until the savings have paid for the project. Sorted by
 * project id; projects that deliver no candidate are left out.
 *
 * @category Portfolio
 * @throws {@link OptionError} for a bad option; {@link QueryError} for a `scope` that is not an organisation.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, projectPayback } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * for (const p of projectPayback(model)) console.log(p.project, p.costEuros, p.yearlySavingsEuros, p.paybackYears);
 * ```
 */
export function projectPayback(model: Model, options: PaybackOptions = {}): ProjectPayback[] {
  const { scope, includeCancelled } = parseOptions('projectPayback', SCHEMA, options);
  const projects = projectsInScope(model, scope, includeCancelled ?? false).filter((p) => p.deliverables);
  if (projects.length === 0) return [];
  const candidates = harmonisationCandidates(model, scope === undefined ? {} : { scope });
  const out: ProjectPayback[] = [];
  for (const project of projects) {
    const delivered = candidates.filter((candidate) => delivers(project, candidate));
    if (delivered.length === 0) continue;
    const list: DeliveredCandidate[] = delivered.map((candidate) => ({
      kind: candidate.kind,
      key: candidate.kind === 'sameProduct' ? candidate.product : candidate.service,
      name: candidate.kind === 'sameProduct' ? candidate.productName : candidate.serviceName,
      systems: candidate.systems,
      savingsCents: candidate.savings === null ? 0 : toCents(candidate.savings),
      unknownCosts: candidate.unknownCosts,
    }));
    list.sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.key, b.key));
    const costCents = projectMoney(project).cents;
    // Two candidates can retire the same installation (same product, and same service); count each one once.
    const going = new Map<string, number | null>();
    for (const candidate of delivered) for (const [system, cost] of goingOf(candidate)) going.set(system, cost);
    const yearly = [...going.values()].reduce((sum: number, cost) => sum + (cost === null ? 0 : toCents(cost)), 0);
    const paybackYears = yearly === 0 ? null : Math.round((costCents * 100) / yearly) / 100;
    out.push({
      project: project.id,
      projectName: projectName(project),
      costCents,
      costEuros: toEuros(costCents),
      candidates: list,
      yearlySavingsCents: yearly,
      yearlySavingsEuros: toEuros(yearly),
      paybackYears,
      reasons: [
        paybackYears === null
          ? {
              code: 'payback.unknown',
              message: `'${project.id}' costs ${formatEuros(costCents)}; no yearly cost of the systems it would retire is known`,
            }
          : {
              code: 'payback.years',
              message: `'${project.id}' costs ${formatEuros(costCents)} and saves ${formatEuros(yearly)} a year: paid back in ${paybackYears} years`,
            },
      ],
    });
  }
  return out;
}

/** The installations a candidate would retire, with their yearly cost (`null` when unknown). */
function goingOf(candidate: HarmonisationCandidate): [string, number | null][] {
  const cost = new Map(candidate.costs.map((c) => [c.system, c.annualCost]));
  const going =
    candidate.kind === 'sameProduct'
      ? candidate.systems.filter((system) => system !== candidate.keep)
      : candidate.productGroups
          .filter((group) => group.product !== candidate.keepProduct)
          .flatMap((group) => group.systems);
  return going.map((system) => [system, cost.get(system) ?? null]);
}

function delivers(project: Project, candidate: HarmonisationCandidate): boolean {
  const d = project.deliverables;
  if (!d) return false;
  if ((d.systems ?? []).some((id) => candidate.systems.includes(id))) return true;
  if (candidate.kind === 'sameProduct') return (d.products ?? []).includes(candidate.product);
  return (d.services ?? []).includes(candidate.service);
}
