/**
 * Builds the published JSON Schema of the kartta-scenario/1 document from its zod schema. Whether the changes
 * apply to a base needs the base: applyScenario checks that.
 */
import { z } from 'zod';
import { scenarioSchema } from '../src/scenarios/scenario-schema.js';

export function buildScenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type === 'custom') ctx.jsonSchema.type = 'object';
    },
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://kartta.dev/schema/kartta-scenario-1.schema.json',
    title: 'kartta-scenario/1 document',
    description:
      'A scenario: named changes to a base kartta/1 model (high-level operations, or patches addressed by id), the content hash of the base and optionally a migration plan. Whether each change applies to a base is checked by applyScenario in Kartta.',
  };
}
