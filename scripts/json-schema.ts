/**
 * Builds the published JSON Schema of the kartta/1 document from the zod schemas. Rules that need the whole
 * document (unique ids, references) or arithmetic (check digits, calendar dates) cannot be said in JSON Schema;
 * the schema says what it can and points to the loader for the rest.
 *
 * Every field is described once, in the TSDoc of the document types in src/types.ts (what the API site shows);
 * the descriptions are copied from there into the schema, and a field without one fails the build.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { z } from 'zod';
import { documentSchema } from '../src/schema/document.js';

type JsonSchema = Record<string, unknown>;

const TYPES_FILE = fileURLToPath(new URL('../src/types.ts', import.meta.url));

/** Which document type describes the object schema found under a property of another. */
const NESTED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  KarttaDocumentInput: {
    products: 'Product',
    organisations: 'Organisation',
    services: 'Service',
    systems: 'System',
    integrations: 'Integration',
    relations: 'Relation',
    themes: 'Theme',
    funders: 'Funder',
    offerings: 'Offering',
    projects: 'Project',
  },
  System: { contract: 'Contract' },
  Offering: { obligation: 'Obligation' },
  Project: { budget: 'ProjectBudget', funding: 'Funding', deliverables: 'Deliverables' },
  ProjectBudget: { lines: 'BudgetLine' },
};

interface TypeDocs {
  readonly summary: string;
  readonly members: ReadonlyMap<string, string>;
}

/** TSDoc text as plain prose: `{@link X}` becomes `X`. */
function plain(text: string): string {
  return text.replace(/\{@link\s+([^}\s|]+)(?:[\s|][^}]*)?\}/g, '$1').trim();
}

function docText(node: ts.Node): string {
  const texts = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '');
  return plain(texts.join('\n'));
}

/** The descriptions of the interfaces in src/types.ts and of their members. */
export function readTypeDocs(file = TYPES_FILE): Map<string, TypeDocs> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = new Map<string, TypeDocs>();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const members = new Map<string, string>();
    for (const member of statement.members) {
      if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
        members.set(member.name.text, docText(member));
      }
    }
    out.set(statement.name.text, { summary: docText(statement), members });
  }
  return out;
}

/** Writes the descriptions of `typeName` into an object schema (and the types nested in it), in place. */
function describeObject(schema: JsonSchema, typeName: string, docs: ReadonlyMap<string, TypeDocs>): void {
  const type = docs.get(typeName);
  if (!type) throw new Error(`json-schema: no interface ${typeName} in src/types.ts to describe the schema with`);
  if (type.summary) schema.description = type.summary.split('\n\n')[0]?.replace(/\s+/g, ' ');
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, property] of Object.entries(properties)) {
    const description = type.members.get(key);
    if (!description) throw new Error(`json-schema: ${typeName}.${key} has no TSDoc description in src/types.ts`);
    property.description = description.replace(/\s+/g, ' ');
    const nested = NESTED[typeName]?.[key];
    if (nested === undefined) continue;
    const target = property.type === 'array' ? (property.items as JsonSchema) : property;
    if (nested === 'Relation') describeRelation(target, docs);
    else describeObject(target, nested, docs);
  }
}

function describeRelation(schema: JsonSchema, docs: ReadonlyMap<string, TypeDocs>): void {
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (!variants) throw new Error('json-schema: the relation schema is not a union');
  for (const variant of variants) {
    const type = ((variant.properties as Record<string, JsonSchema>).type as JsonSchema).const;
    describeObject(variant, type === 'uses' ? 'UsesRelation' : 'PlainRelation', docs);
  }
}

/** The JSON Schema; `typesFile` is where the descriptions are read from (src/types.ts unless a test says otherwise). */
export function buildJsonSchema(typesFile = TYPES_FILE): Record<string, unknown> {
  const schema = z.toJSONSchema(documentSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type === 'custom') {
        // The `x` extension object: any JSON object.
        ctx.jsonSchema.type = 'object';
      }
    },
  }) as JsonSchema;
  describeObject(schema, 'KarttaDocumentInput', readTypeDocs(typesFile));
  return {
    ...schema,
    $id: 'https://kartta.dev/schema/kartta-1.schema.json',
    title: 'kartta/1 document',
    description:
      'A region enterprise-architecture model in the kartta/1 format. This schema checks shape and field formats; the Kartta loader also checks unique ids, references and their kinds, platforms for `via`, calendar dates, Y-tunnus check digits and product catalogue ambiguity.',
  };
}
