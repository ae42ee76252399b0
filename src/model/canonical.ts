/** The deterministic form of a document: entities sorted by id, relations by type, from and to, keys in schema order. */
import {
  contractSchema,
  documentSchema,
  integrationSchema,
  organisationSchema,
  productSchema,
  serviceSchema,
  systemSchema,
  usesRelationSchema,
} from '../schema/document.js';
import { sortKeysDeep } from '../schema/json.js';
import {
  budgetLineSchema,
  budgetSchema,
  deliverablesSchema,
  funderSchema,
  fundingSchema,
  obligationSchema,
  offeringSchema,
  projectSchema,
  themeSchema,
} from '../schema/portfolio.js';
import type { KarttaDocument, Name, Relation } from '../types.js';
import { relationTypes } from '../schema/document.js';

const keyOrder = {
  document: Object.keys(documentSchema.shape),
  products: Object.keys(productSchema.shape),
  organisations: Object.keys(organisationSchema.shape),
  services: Object.keys(serviceSchema.shape),
  systems: Object.keys(systemSchema.shape),
  contract: Object.keys(contractSchema.shape),
  integrations: Object.keys(integrationSchema.shape),
  relations: Object.keys(usesRelationSchema.shape),
  themes: Object.keys(themeSchema.shape),
  funders: Object.keys(funderSchema.shape),
  offerings: Object.keys(offeringSchema.shape),
  obligation: Object.keys(obligationSchema.shape),
  projects: Object.keys(projectSchema.shape),
  budget: Object.keys(budgetSchema.shape),
  budgetLine: Object.keys(budgetLineSchema.shape),
  funding: Object.keys(fundingSchema.shape),
  deliverables: Object.keys(deliverablesSchema.shape),
};

function ordered(
  source: Record<string, unknown>,
  keys: readonly string[],
  nested?: (key: string, value: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = source[key];
    if (value === undefined) continue;
    out[key] = key === 'x' ? sortKeysDeep(value) : nested ? nested(key, value) : value;
  }
  return out;
}

function canonicalName(name: Name): Name {
  if (typeof name === 'string') return name;
  const out: Record<string, string> = {};
  for (const language of Object.keys(name).sort()) out[language] = name[language] as string;
  return out;
}

function entityNested(key: string, value: unknown): unknown {
  if (key === 'name') return canonicalName(value as Name);
  if (key === 'contract') return ordered(value as Record<string, unknown>, keyOrder.contract);
  if (key === 'aliases') return [...(value as string[])];
  return portfolioNested(key, value);
}

/** The nested objects of offerings and projects in schema key order; lists keep the order the user gave. */
function portfolioNested(key: string, value: unknown): unknown {
  const each = (keys: readonly string[]) => (value as Record<string, unknown>[]).map((item) => ordered(item, keys));
  switch (key) {
    case 'obligation':
      return ordered(value as Record<string, unknown>, keyOrder.obligation);
    case 'budget':
      return ordered(value as Record<string, unknown>, keyOrder.budget, (inner, lines) =>
        inner === 'lines'
          ? (lines as Record<string, unknown>[]).map((line) => ordered(line, keyOrder.budgetLine))
          : lines,
      );
    case 'funding':
      return each(keyOrder.funding);
    case 'deliverables':
      return ordered(value as Record<string, unknown>, keyOrder.deliverables, (_inner, ids) => [...(ids as string[])]);
    case 'services':
    case 'themes':
    case 'implementers':
      return [...(value as string[])];
    default:
      return value;
  }
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const typeRank = new Map<string, number>(relationTypes.map((type, i) => [type, i]));

/** Compares relations by type (in the order of the format), then from, then to. */
export function compareRelations(a: Relation, b: Relation): number {
  const ta = typeRank.get(a.type) ?? 0;
  const tb = typeRank.get(b.type) ?? 0;
  if (ta !== tb) return ta - tb;
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.to !== b.to) return a.to < b.to ? -1 : 1;
  return 0;
}

/** Builds the canonical, freshly allocated copy of a document. */
export function canonicalDocument(doc: KarttaDocument): KarttaDocument {
  const sortEntities = <T extends { id: string }>(items: readonly T[], keys: readonly string[]): T[] =>
    [...items]
      .sort(byId)
      .map((item) => ordered(item as unknown as Record<string, unknown>, keys, entityNested) as unknown as T);
  const out: Record<string, unknown> = {
    format: doc.format,
    name: canonicalName(doc.name),
  };
  if (doc.description !== undefined) out.description = doc.description;
  out.products = sortEntities(doc.products, keyOrder.products);
  out.organisations = sortEntities(doc.organisations, keyOrder.organisations);
  out.services = sortEntities(doc.services, keyOrder.services);
  out.systems = sortEntities(doc.systems, keyOrder.systems);
  out.integrations = sortEntities(doc.integrations, keyOrder.integrations);
  out.relations = [...doc.relations]
    .sort(compareRelations)
    .map((relation) => ordered(relation as unknown as Record<string, unknown>, keyOrder.relations));
  // Left out while empty: a document written before the portfolio existed comes back byte for byte.
  if (doc.themes?.length) out.themes = sortEntities(doc.themes, keyOrder.themes);
  if (doc.funders?.length) out.funders = sortEntities(doc.funders, keyOrder.funders);
  if (doc.offerings?.length) out.offerings = sortEntities(doc.offerings, keyOrder.offerings);
  if (doc.projects?.length) out.projects = sortEntities(doc.projects, keyOrder.projects);
  if (doc.x !== undefined) out.x = sortKeysDeep(doc.x);
  return out as unknown as KarttaDocument;
}
