/**
 * Overlapping development: projects of different organisations or regions that work on the same theme, product or
 * service at the same time. They are the candidates for joint or national development, the question national ICT
 * coordination was set up to answer before funding went to the same thing twice.
 */
import type { Model } from '../model/model.js';
import type { Project } from '../types.js';
import type { EntityName } from '../names.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { formatEuros, toEuros } from './money.js';
import {
  compareStrings,
  isOrganisation,
  nameFor,
  OPEN_END,
  periodsOverlap,
  projectMoney,
  projectName,
  regionsOf,
} from './facts.js';
import { projectsInScope } from './scope.js';
import type { FunderAmount } from './funding.js';

const SCHEMA = optionsSchema({ scope: optionField.id(), includeCancelled: optionField.boolean() });

/**
 * Options of {@link overlappingDevelopment}.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { OverlapOptions } from 'kartta';
 * const options: OverlapOptions = { scope: 'pop' };
 * ```
 */
export interface OverlapOptions {
  /**
   * Only groups with a project that has an implementer or funder among this organisation and its members
   * (transitively); the group still lists the projects elsewhere that it overlaps with.
   */
  readonly scope?: string | undefined;
  /** Count cancelled projects too (default false). */
  readonly includeCancelled?: boolean | undefined;
}

/**
 * What the projects of an {@link OverlapGroup} share: a theme of the catalogue, a product (from their deliverables'
 * systems or products) or a service (delivered, or supported by a delivered system).
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { OverlapSubject } from 'kartta';
 * const subject: OverlapSubject = { kind: 'theme', id: 'case-management', name: 'Case management' };
 * ```
 */
export interface OverlapSubject {
  /** What the projects share: a theme of the catalogue, a product, or a service. */
  readonly kind: 'theme' | 'product' | 'service';
  /** The theme or service id, or the product key (catalogue id or normalised name). */
  readonly id: string;
  /** Its display name (the product's name for a product). */
  readonly name: string;
}

/**
 * Why an {@link OverlapGroup} was found, and whether national development on it exists.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { OverlapReason } from 'kartta';
 * const reason: OverlapReason = { code: 'overlap.no-national', message: 'no national project or offering works on it' };
 * ```
 */
export interface OverlapReason {
  /** `overlap.same-subject` (what they share), `overlap.periods` (when they run together), `overlap.national-exists` or `overlap.no-national`. */
  readonly code: 'overlap.same-subject' | 'overlap.periods' | 'overlap.national-exists' | 'overlap.no-national';
  /** The reason in a sentence, names next to ids. */
  readonly message: string;
}

/**
 * Projects of different organisations that work on the same subject in overlapping periods.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import type { OverlapGroup } from 'kartta';
 * const line = (group: OverlapGroup) => `${group.subject.name}: ${group.projects.join(', ')} (${group.euros} €)`;
 * ```
 */
export interface OverlapGroup {
  /** The theme, product or service the projects work on. */
  readonly subject: OverlapSubject;
  /** The projects, sorted by id: each overlaps in time with another of the group that shares no implementer with it. */
  readonly projects: readonly string[];
  /** Their implementing organisations, sorted. */
  readonly organisations: readonly string[];
  /** The regions those organisations belong to, sorted. */
  readonly regions: readonly string[];
  /** The first day of the earliest project. */
  readonly start: string;
  /** The last day of the latest project; `null` when one is open-ended. */
  readonly end: string | null;
  /** The days on which at least two of the projects run at once: from the first to the last such day. */
  readonly overlap: {
    /** The first day on which two of the projects run at once. */
    readonly start: string;
    /** The last such day; `null` when open-ended. */
    readonly end: string | null;
  };
  /** The combined budget, in whole cents. */
  readonly cents: number;
  /** The same in euros. */
  readonly euros: number;
  /** The combined funding by funder, largest first; the unfunded part last. */
  readonly funders: readonly FunderAmount[];
  /** National projects (`level: 'national'`) on the same subject, at any time, sorted. */
  readonly national: readonly string[];
  /** National offerings on the same theme or service, sorted. */
  readonly offerings: readonly string[];
  /** Whether national development on the subject exists: a national project or offering. */
  readonly nationalExists: boolean;
  /** Why the projects form a group, and whether national development exists. */
  readonly reasons: readonly OverlapReason[];
  /** The name of every project, organisation, region, national project and offering listed, sorted by id. */
  readonly names: readonly EntityName[];
}

const KIND_ORDER = { theme: 0, product: 1, service: 2 } as const;

/**
 * Groups of projects in different organisations (no implementer in common) that work on the same theme, product
 * or service in overlapping periods, with their combined budget and funders, and whether a national project or
 * offering on the subject exists: the candidates for joint or national development. A group is the connected set
 * of such pairs on one subject; national projects are never grouped, they are what the group is told about.
 * Projects without implementers are left out (there is no telling whose they are). Sorted by subject (themes,
 * products, services) and id.
 *
 * @category Portfolio
 * @throws {@link OptionError} for a bad option; {@link QueryError} for a `scope` that is not an organisation.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, overlappingDevelopment } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * for (const group of overlappingDevelopment(model)) console.log(group.subject.name, group.projects, group.nationalExists);
 * ```
 */
export function overlappingDevelopment(model: Model, options: OverlapOptions = {}): OverlapGroup[] {
  const { scope, includeCancelled } = parseOptions('overlappingDevelopment', SCHEMA, options);
  const all = projectsInScope(model, undefined, includeCancelled ?? false);
  const inScope = new Set(projectsInScope(model, scope, includeCancelled ?? false).map((p) => p.id));
  const bySubject = new Map<string, { subject: OverlapSubject; projects: Project[]; national: Project[] }>();
  for (const project of all) {
    for (const subject of subjectsOf(model, project)) {
      const key = `${subject.kind}\u0000${subject.id}`;
      let entry = bySubject.get(key);
      if (!entry) bySubject.set(key, (entry = { subject, projects: [], national: [] }));
      if (project.level === 'national') entry.national.push(project);
      else if ((project.implementers ?? []).length > 0) entry.projects.push(project);
    }
  }
  const groups: OverlapGroup[] = [];
  for (const { subject, projects, national } of bySubject.values()) {
    for (const component of components(projects)) {
      // A scope sees every group one of its projects is in: who else develops the same thing is the point.
      if (component.projects.some((project) => inScope.has(project.id)))
        groups.push(describe(model, subject, component, national));
    }
  }
  groups.sort(
    (a, b) =>
      KIND_ORDER[a.subject.kind] - KIND_ORDER[b.subject.kind] ||
      compareStrings(a.subject.id, b.subject.id) ||
      compareStrings(a.projects[0] as string, b.projects[0] as string),
  );
  return groups;
}

/** The themes, products and services a project works on. */
function subjectsOf(model: Model, project: Project): OverlapSubject[] {
  const out = new Map<string, OverlapSubject>();
  const add = (subject: OverlapSubject) => out.set(`${subject.kind}\u0000${subject.id}`, subject);
  for (const theme of project.themes ?? []) add({ kind: 'theme', id: theme, name: nameFor(model, theme) });
  const deliverables = project.deliverables;
  for (const product of deliverables?.products ?? [])
    add({ kind: 'product', id: product, name: nameFor(model, product) });
  for (const service of deliverables?.services ?? [])
    add({ kind: 'service', id: service, name: nameFor(model, service) });
  for (const system of deliverables?.systems ?? []) {
    const product = model.productOf(system);
    if (product) add({ kind: 'product', id: product.key, name: product.name });
    for (const relation of model.relationsOut(system, 'supports'))
      add({ kind: 'service', id: relation.to, name: nameFor(model, relation.to) });
  }
  return [...out.values()];
}

function disjoint(a: Project, b: Project): boolean {
  const mine = new Set(a.implementers ?? []);
  return !(b.implementers ?? []).some((id) => mine.has(id));
}

/** The connected sets (of two or more) of projects joined by overlapping periods and no shared implementer. */
function components(projects: readonly Project[]): { projects: Project[]; overlaps: [string, string][] }[] {
  const parent = projects.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const windows = new Map<number, [string, string][]>();
  for (let i = 0; i < projects.length; i++) {
    for (let j = i + 1; j < projects.length; j++) {
      const a = projects[i] as Project;
      const b = projects[j] as Project;
      if (!periodsOverlap(a, b) || !disjoint(a, b)) continue;
      const start = a.start > b.start ? a.start : b.start;
      const ae = a.end ?? OPEN_END;
      const be = b.end ?? OPEN_END;
      const window: [string, string] = [start, ae < be ? ae : be];
      parent[find(i)] = find(j);
      (windows.get(i) ?? windows.set(i, []).get(i))?.push(window);
    }
  }
  const grouped = new Map<number, { projects: Project[]; overlaps: [string, string][] }>();
  projects.forEach((project, i) => {
    const root = find(i);
    let group = grouped.get(root);
    if (!group) grouped.set(root, (group = { projects: [], overlaps: [] }));
    group.projects.push(project);
    group.overlaps.push(...(windows.get(i) ?? []));
  });
  return [...grouped.values()].filter((group) => group.projects.length > 1);
}

function describe(
  model: Model,
  subject: OverlapSubject,
  component: { projects: Project[]; overlaps: [string, string][] },
  nationalProjects: readonly Project[],
): OverlapGroup {
  const projects = [...component.projects].sort((a, b) => compareStrings(a.id, b.id));
  const organisations = new Set<string>();
  const regions = new Set<string>();
  const funders = new Map<string | null, number>();
  let cents = 0;
  let start = OPEN_END;
  let end = '';
  for (const project of projects) {
    for (const id of project.implementers ?? []) {
      organisations.add(id);
      for (const region of regionsOf(model, id)) regions.add(region);
    }
    const money = projectMoney(project);
    cents += money.cents;
    for (const part of money.funding) funders.set(part.funder, (funders.get(part.funder) ?? 0) + part.cents);
    if (project.start < start) start = project.start;
    const projectEnd = project.end ?? OPEN_END;
    if (projectEnd > end) end = projectEnd;
  }
  const overlapStart = component.overlaps.reduce((min, [s]) => (s < min ? s : min), OPEN_END);
  const overlapEnd = component.overlaps.reduce((max, [, e]) => (e > max ? e : max), '');
  const national = nationalProjects.map((p) => p.id).sort(compareStrings);
  const offerings = model
    .offerings()
    .filter((offering) =>
      subject.kind === 'theme'
        ? (offering.themes ?? []).includes(subject.id)
        : subject.kind === 'service' && offering.services.includes(subject.id),
    )
    .map((offering) => offering.id);
  const funderList: FunderAmount[] = [...funders]
    .filter(([, amount]) => amount > 0)
    .map(([funder, amount]) => ({
      funder,
      name: funder === null ? 'unfunded' : nameFor(model, funder),
      kind: funder === null ? 'unfunded' : isOrganisation(model, funder) ? 'organisation' : 'external',
      cents: amount,
      euros: toEuros(amount),
      percent: cents === 0 ? 0 : Math.round((amount * 10_000) / cents) / 100,
    }));
  funderList.sort((a, b) =>
    a.funder === null ? 1 : b.funder === null ? -1 : b.cents - a.cents || compareStrings(a.funder, b.funder),
  );
  const nationalExists = national.length > 0 || offerings.length > 0;
  const listed = [...projects.map((p) => p.id), ...organisations, ...regions, ...national, ...offerings];
  const names = [...new Set(listed)].sort(compareStrings).map((id) => ({ id, name: nameFor(model, id) }));
  const label = (ids: readonly string[]) => ids.map((id) => `'${id}' (${nameFor(model, id)})`).join(', ');
  const reasons: OverlapReason[] = [
    {
      code: 'overlap.same-subject',
      message: `${projects.length} projects of different organisations work on the ${subject.kind} '${subject.id}' (${subject.name}): ${projects.map((p) => `'${p.id}' (${projectName(p)})`).join(', ')}`,
    },
    {
      code: 'overlap.periods',
      message: `they run at the same time from ${overlapStart} to ${overlapEnd === OPEN_END ? 'an open end' : overlapEnd}, with ${formatEuros(cents)} between them`,
    },
    nationalExists
      ? {
          code: 'overlap.national-exists',
          message: `national development on it exists: ${label([...national, ...offerings])}; join it rather than fund this twice`,
        }
      : {
          code: 'overlap.no-national',
          message: 'no national project or offering works on it: a candidate for joint or national development',
        },
  ];
  return {
    subject,
    projects: projects.map((p) => p.id),
    organisations: [...organisations].sort(compareStrings),
    regions: [...regions].sort(compareStrings),
    start,
    end: end === OPEN_END ? null : end,
    overlap: { start: overlapStart, end: overlapEnd === OPEN_END ? null : overlapEnd },
    cents,
    euros: toEuros(cents),
    funders: funderList,
    national,
    offerings,
    nationalExists,
    reasons,
    names,
  };
}
