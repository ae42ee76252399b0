import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  contractSchema,
  documentSchema,
  integrationSchema,
  organisationSchema,
  productSchema,
  relationSchema,
  serviceSchema,
  systemSchema,
} from '../src/schema/document.js';
import type {
  budgetLineSchema,
  budgetSchema,
  deliverablesSchema,
  funderSchema,
  fundingSchema,
  obligationSchema,
  offeringSchema,
  projectSchema,
  themeSchema,
} from '../src/schema/portfolio.js';
import type {
  BudgetLine,
  Deliverables,
  Funder,
  Funding,
  Obligation,
  Offering,
  Project,
  ProjectBudget,
  Theme,
  Contract,
  Integration,
  KarttaDocumentInput,
  Organisation,
  Product,
  Relation,
  Service,
  System,
} from '../src/index.js';
import { buildJsonSchema, readTypeDocs } from '../scripts/json-schema.js';

/**
 * The document types are written out (so that each field carries its TSDoc) rather than inferred from the zod
 * schemas; these compile-time checks keep the two the same: `tsc --noEmit` fails when a field is added,
 * removed, made optional or retyped on one side only.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesMatchSchemas: [
  Same<Product, z.infer<typeof productSchema>>,
  Same<Organisation, z.infer<typeof organisationSchema>>,
  Same<Service, z.infer<typeof serviceSchema>>,
  Same<Contract, z.infer<typeof contractSchema>>,
  Same<System, z.infer<typeof systemSchema>>,
  Same<Integration, z.infer<typeof integrationSchema>>,
  Same<Relation, z.infer<typeof relationSchema>>,
  Same<KarttaDocumentInput, z.infer<typeof documentSchema>>,
  // Every key on both sides (an optional key missing on one side would still be mutually assignable).
  Same<keyof System, keyof z.infer<typeof systemSchema>>,
  Same<keyof Organisation, keyof z.infer<typeof organisationSchema>>,
  Same<keyof Integration, keyof z.infer<typeof integrationSchema>>,
  Same<keyof Product, keyof z.infer<typeof productSchema>>,
  Same<keyof Service, keyof z.infer<typeof serviceSchema>>,
  Same<keyof Contract, keyof z.infer<typeof contractSchema>>,
  Same<keyof KarttaDocumentInput, keyof z.infer<typeof documentSchema>>,
  Same<Theme, z.infer<typeof themeSchema>>,
  Same<Funder, z.infer<typeof funderSchema>>,
  Same<Obligation, z.infer<typeof obligationSchema>>,
  Same<Offering, z.infer<typeof offeringSchema>>,
  Same<BudgetLine, z.infer<typeof budgetLineSchema>>,
  Same<ProjectBudget, z.infer<typeof budgetSchema>>,
  Same<Funding, z.infer<typeof fundingSchema>>,
  Same<Deliverables, z.infer<typeof deliverablesSchema>>,
  Same<Project, z.infer<typeof projectSchema>>,
  Same<keyof Theme, keyof z.infer<typeof themeSchema>>,
  Same<keyof Funder, keyof z.infer<typeof funderSchema>>,
  Same<keyof Obligation, keyof z.infer<typeof obligationSchema>>,
  Same<keyof Offering, keyof z.infer<typeof offeringSchema>>,
  Same<keyof BudgetLine, keyof z.infer<typeof budgetLineSchema>>,
  Same<keyof ProjectBudget, keyof z.infer<typeof budgetSchema>>,
  Same<keyof Funding, keyof z.infer<typeof fundingSchema>>,
  Same<keyof Deliverables, keyof z.infer<typeof deliverablesSchema>>,
  Same<keyof Project, keyof z.infer<typeof projectSchema>>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];

/** Every property of every object schema, with its JSON pointer. */
function properties(schema: unknown, pointer = ''): [string, Record<string, unknown>][] {
  if (schema === null || typeof schema !== 'object') return [];
  const out: [string, Record<string, unknown>][] = [];
  const node = schema as Record<string, unknown>;
  if (node.properties && typeof node.properties === 'object') {
    for (const [key, value] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
      out.push([`${pointer}/properties/${key}`, value]);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'properties' && typeof value === 'object') out.push(...properties(value, `${pointer}/${key}`));
  }
  for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) {
    out.push(...properties(value, `${pointer}/properties/${key}`));
  }
  return out;
}

describe('document types and their descriptions', () => {
  it('the written-out types equal the types inferred from the zod schemas', () => {
    expect(typesMatchSchemas.every(Boolean)).toBe(true);
  });

  it('the JSON Schema describes every field, with the text of its TSDoc', () => {
    const schema = buildJsonSchema();
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter(([, property]) => typeof property.description !== 'string').map(([pointer]) => pointer)).toEqual(
      [],
    );
    const systems = (schema.properties as { systems: { items: { properties: { platform: { description: string } } } } })
      .systems;
    expect(systems.items.properties.platform.description).toBe(readTypeDocs().get('System')?.members.get('platform'));
  });

  it('a field without a description fails the build, naming it', () => {
    const source = readFileSync(new URL('../src/types.ts', import.meta.url), 'utf8');
    const undocumented = source.replace(/\n {2}\/\*\* `true` for an integration platform[^\n]*\n/, '\n');
    expect(undocumented).not.toBe(source);
    const file = join(mkdtempSync(join(tmpdir(), 'kartta-types-')), 'types.ts');
    writeFileSync(file, undocumented);
    expect(() => buildJsonSchema(file)).toThrow('System.platform has no TSDoc description');
  });
});
