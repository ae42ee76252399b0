/**
 * The development portfolio as ArchiMate concepts, the way an architect reads it in Archi: a project is a
 * WorkPackage to which its implementing organisations are assigned, which its funders are associated with
 * (`kartta:relation` `funds`, with the share or amount) and which realises a Deliverable per system, service,
 * integration, product or migration step it delivers; a theme is a Grouping aggregating its projects and
 * offerings; an external funder is a BusinessActor; an offering is a BusinessService realised by the offering
 * organisation and aggregating the services it offers. Every relationship is one the ArchiMate 3.2 table allows
 * (the tests check them against `relationships.xml`). This module decides what is written; `writer.ts` writes it
 * and `import.ts` reads it back.
 */
import { z } from 'zod';
import type { Model } from '../model/model.js';
import { funderSchema, offeringSchema, projectSchema, themeSchema } from '../schema/portfolio.js';
import type { Deliverables, Funder, Funding, Name, Offering, Project, Theme } from '../types.js';
import { generatedIdentifier } from './ids.js';

/** The portfolio concepts that have an id of their own. */
export type PortfolioConcept = 'project' | 'offering' | 'theme' | 'funder';

/** The ArchiMate element type of each portfolio concept. */
export const PORTFOLIO_ELEMENT_TYPE: Readonly<Record<PortfolioConcept | 'deliverable', string>> = {
  project: 'WorkPackage',
  offering: 'BusinessService',
  theme: 'Grouping',
  funder: 'BusinessActor',
  deliverable: 'Deliverable',
};

/** What a deliverable is about: the list of `deliverables` it comes from. */
export type DeliverableKind = keyof Deliverables;

/** The lists of a project's deliverables, in the order they are written and read. */
export const DELIVERABLE_KINDS: readonly DeliverableKind[] = [
  'systems',
  'services',
  'integrations',
  'products',
  'migrationSteps',
];

/** An element of the portfolio layer that is not one of the four concepts: a Deliverable. */
export interface DeliverableElement {
  readonly identifier: string;
  readonly name: string;
  /** The property naming what it is about, for products and migration steps (which have no element). */
  readonly property: readonly [string, string] | undefined;
}

/** A relationship of the portfolio layer. */
export interface PortfolioRelationship {
  readonly identifier: string;
  readonly type: 'Assignment' | 'Association' | 'Aggregation' | 'Realization';
  readonly source: string;
  readonly target: string;
  /** The funding a `funds` association carries. */
  readonly funding?: Funding | undefined;
}

/** The portfolio as the export writes it, in the order it writes it. */
export interface PortfolioLayer {
  readonly themes: readonly Theme[];
  readonly funders: readonly Funder[];
  readonly offerings: readonly Offering[];
  readonly projects: readonly Project[];
  readonly deliverables: readonly DeliverableElement[];
  readonly relationships: readonly PortfolioRelationship[];
}

function displayName(name: Name | undefined, fallback: string): string {
  if (name === undefined) return fallback;
  if (typeof name === 'string') return name;
  return name.fi ?? name.en ?? name[Object.keys(name).sort()[0] as string] ?? fallback;
}

/** The identifier of a project's deliverable: its project, its list and what it is about (the position for steps). */
export function deliverableIdentifier(project: string, kind: DeliverableKind, ref: string, index: number): string {
  // Migration steps are free text the loader does not check: one may be listed twice, so the position tells them apart.
  return kind === 'migrationSteps'
    ? generatedIdentifier('portfolio', 'deliverable', project, kind, index)
    : generatedIdentifier('portfolio', 'deliverable', project, kind, ref);
}

/** The portfolio layer of a model; `identifierOf` gives the identifier of any concept with an id. */
export function buildPortfolioLayer(model: Model, identifierOf: (id: string) => string): PortfolioLayer {
  const relationships: PortfolioRelationship[] = [];
  const deliverables: DeliverableElement[] = [];
  const themeLinks = (themes: readonly string[] | undefined, target: string, id: string) => {
    for (const theme of themes ?? [])
      relationships.push({
        identifier: generatedIdentifier('portfolio', 'theme', theme, id),
        type: 'Aggregation',
        source: identifierOf(theme),
        target,
      });
  };
  for (const offering of model.offerings()) {
    const element = identifierOf(offering.id);
    relationships.push({
      identifier: generatedIdentifier('portfolio', 'offers', offering.id),
      type: 'Realization',
      source: identifierOf(offering.provider),
      target: element,
    });
    for (const service of offering.services)
      relationships.push({
        identifier: generatedIdentifier('portfolio', 'offers', offering.id, service),
        type: 'Aggregation',
        source: element,
        target: identifierOf(service),
      });
    themeLinks(offering.themes, element, offering.id);
  }
  const nameOf = (id: string) => {
    const found = model.get(id);
    if (found?.kind === 'integration') {
      const { source, target } = found.entity;
      const end = (ref: string) => displayName((model.get(ref)?.entity as { name?: Name } | undefined)?.name, ref);
      return `${end(source)} → ${end(target)}`;
    }
    return displayName(found === undefined ? undefined : (found.entity as { name?: Name }).name, id);
  };
  for (const project of model.projects()) {
    const element = identifierOf(project.id);
    for (const organisation of project.implementers ?? [])
      relationships.push({
        identifier: generatedIdentifier('portfolio', 'implements', project.id, organisation),
        type: 'Assignment',
        source: identifierOf(organisation),
        target: element,
      });
    (project.funding ?? []).forEach((funding, index) =>
      relationships.push({
        // The position too: a funder listed twice is refused by the loader, but must not collide before that.
        identifier: generatedIdentifier('portfolio', 'funds', project.id, index, funding.funder),
        type: 'Association',
        source: identifierOf(funding.funder),
        target: element,
        funding,
      }),
    );
    themeLinks(project.themes, element, project.id);
    for (const kind of DELIVERABLE_KINDS) {
      (project.deliverables?.[kind] ?? []).forEach((ref, index) => {
        const identifier = deliverableIdentifier(project.id, kind, ref, index);
        const about = kind === 'migrationSteps' ? undefined : kind === 'products' ? undefined : identifierOf(ref);
        deliverables.push({
          identifier,
          name: kind === 'migrationSteps' ? ref : nameOf(ref),
          property:
            kind === 'products' ? ['product', ref] : kind === 'migrationSteps' ? ['migrationStep', ref] : undefined,
        });
        relationships.push({
          identifier: `${identifier}.work`,
          type: 'Realization',
          source: element,
          target: identifier,
        });
        if (about !== undefined)
          relationships.push({
            identifier: `${identifier}.about`,
            // A Deliverable realises a component or a service; an integration is a Flow, which only an association
            // may point at.
            type: kind === 'integrations' ? 'Association' : 'Realization',
            source: identifier,
            target: about,
          });
      });
    }
  }
  return {
    themes: model.themes(),
    funders: model.funders(),
    offerings: model.offerings(),
    projects: model.projects(),
    deliverables,
    relationships,
  };
}

/**
 * The lists and objects of a project or offering that are present but empty (`funding: []`, `budget: {}`), as
 * dotted paths: nothing else in the file would say they are there.
 */
export function emptyParts(item: Project | Offering): string[] {
  const out: string[] = [];
  const record = item as unknown as Record<string, unknown>;
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(path);
    } else if (value !== null && typeof value === 'object' && path !== 'x') {
      const keys = Object.keys(value);
      if (keys.length === 0) out.push(path);
      for (const key of keys) visit((value as Record<string, unknown>)[key], `${path}.${key}`);
    }
  };
  for (const key of ['budget', 'funding', 'implementers', 'themes', 'deliverables', 'obligation'])
    if (record[key] !== undefined) visit(record[key], key);
  return out;
}

/** Sets the empty parts named by {@link emptyParts} on a read project or offering; `false` when the text is not such a list. */
export function restoreEmptyParts(target: Record<string, unknown>, text: string): boolean {
  let paths: unknown;
  try {
    paths = JSON.parse(text);
  } catch {
    return false;
  }
  const allowed =
    /^(budget|funding|implementers|themes|deliverables|obligation)(\.(lines|systems|services|integrations|products|migrationSteps))?$/;
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && allowed.test(p))) return false;
  for (const path of paths as string[]) {
    const [outer, inner] = path.split('.') as [string, string | undefined];
    if (inner === undefined) {
      target[outer] ??= outer === 'budget' || outer === 'deliverables' || outer === 'obligation' ? {} : [];
      continue;
    }
    const parent = (target[outer] ??= {}) as Record<string, unknown>;
    parent[inner] ??= [];
  }
  return true;
}

// --- The property of earlier versions -------------------------------------------------------------------------

const legacySchema = z.strictObject({
  themes: z.array(themeSchema).optional(),
  funders: z.array(funderSchema).optional(),
  offerings: z.array(offeringSchema).optional(),
  projects: z.array(projectSchema).optional(),
});

/**
 * The portfolio collections read from the `kartta:portfolio` property that versions before the mapping wrote, or
 * `undefined` when the text is not one (it then stays in the extras as read).
 */
export function parseLegacyPortfolio(text: string): Record<string, unknown[]> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = legacySchema.safeParse(value);
  return parsed.success ? (value as Record<string, unknown[]>) : undefined;
}
