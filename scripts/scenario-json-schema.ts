/**
 * Builds the published JSON Schema of the kartta-scenario/1 document from its zod schema. Whether the changes
 * apply to a base needs the base: applyScenario checks that.
 *
 * As for kartta/1 (scripts/json-schema.ts), every field is described once, in the TSDoc of the scenario types
 * (src/scenarios/scenario-schema.ts, with the plan's in src/migration/plan-schema.ts and the integration's in
 * src/types.ts); the descriptions are copied from there, and a field without one fails the build.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from '../src/scenarios/scenario-schema.js';
import { readTypeDocs } from './json-schema.js';

type JsonSchema = Record<string, unknown>;
type Docs = ReturnType<typeof readTypeDocs>;

const SOURCES = ['../src/scenarios/scenario-schema.ts', '../src/migration/plan-schema.ts', '../src/types.ts'].map(
  (path) => fileURLToPath(new URL(path, import.meta.url)),
);

/** Which type describes the object schema under a property of another. */
const NESTED: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  [
    'Scenario',
    new Map([
      ['fingerprints', 'EntityFingerprint'],
      ['plan', 'MigrationPlan'],
    ]),
  ],
  ['AddIntegrationOperation', new Map([['integration', 'Integration']])],
  ['MigrationPlan', new Map([['steps', 'MigrationStep']])],
]);

/** The type of each high-level operation, by its `op`. */
const OPERATIONS: ReadonlyMap<string, string> = new Map([
  ['retire', 'RetireOperation'],
  ['consolidate', 'ConsolidateOperation'],
  ['replace', 'ReplaceOperation'],
  ['moveOwnership', 'MoveOwnershipOperation'],
  ['addIntegration', 'AddIntegrationOperation'],
]);

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

function describeObject(schema: JsonSchema, typeName: string, docs: Docs): void {
  const type = docs.get(typeName);
  if (!type) throw new Error(`scenario-json-schema: no interface ${typeName} to describe the schema with`);
  if (type.summary && schema.description === undefined)
    schema.description = oneLine(type.summary.split('\n\n')[0] ?? '');
  for (const [key, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const description = type.members.get(key);
    if (!description) throw new Error(`scenario-json-schema: ${typeName}.${key} has no TSDoc description`);
    property.description = oneLine(description);
    const nested = NESTED.get(typeName)?.get(key);
    if (nested === undefined) continue;
    describeObject(property.type === 'array' ? (property.items as JsonSchema) : property, nested, docs);
  }
}

/** A change: one of the operations (a union on `op`) or an id-addressed patch. */
function describeChange(schema: JsonSchema, docs: Docs): void {
  const [operations, patch] = schema.anyOf as JsonSchema[];
  for (const operation of (operations?.oneOf ?? []) as JsonSchema[]) {
    const op = ((operation.properties as Record<string, JsonSchema>).op as JsonSchema).const as string;
    const typeName = OPERATIONS.get(op);
    if (typeName === undefined) throw new Error(`scenario-json-schema: no type for the operation ${op}`);
    describeObject(operation, typeName, docs);
  }
  if (patch === undefined) throw new Error('scenario-json-schema: a change is not an operation or a patch');
  describeObject(patch, 'ScenarioPatch', docs);
}

/** The descriptions of the scenario types and of the types they hold; `sources` for a test. */
export function readScenarioDocs(sources: readonly string[] = SOURCES): Docs {
  const docs: Docs = new Map();
  for (const source of sources)
    for (const [name, type] of readTypeDocs(source)) if (!docs.has(name)) docs.set(name, type);
  return docs;
}

export function buildScenarioJsonSchema(sources: readonly string[] = SOURCES): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type === 'custom') ctx.jsonSchema.type = 'object';
    },
  }) as JsonSchema;
  const docs = readScenarioDocs(sources);
  describeObject(schema, 'Scenario', docs);
  const changes = (schema.properties as Record<string, JsonSchema>).changes as JsonSchema;
  describeChange(changes.items as JsonSchema, docs);
  return {
    ...schema,
    $id: 'https://kartta.dev/schema/kartta-scenario-1.schema.json',
    title: 'kartta-scenario/1 document',
    description:
      'A scenario: named changes to a base kartta/1 model (high-level operations, or patches addressed by id), the content hash of the base and optionally a migration plan. Whether each change applies to a base is checked by applyScenario in Kartta.',
  };
}
