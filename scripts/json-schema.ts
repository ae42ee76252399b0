/**
 * Builds the published JSON Schema of the kartta/1 document from the zod schemas. Rules that need the whole
 * document (unique ids, references) or arithmetic (check digits, calendar dates) cannot be said in JSON Schema;
 * the schema says what it can and points to the loader for the rest.
 */
import { z } from 'zod';
import { documentSchema } from '../src/schema/document.js';

export function buildJsonSchema(): Record<string, unknown> {
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
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://kartta.dev/schema/kartta-1.schema.json',
    title: 'kartta/1 document',
    description:
      'A region enterprise-architecture model in the kartta/1 format. This schema checks shape and field formats; the Kartta loader also checks unique ids, references and their kinds, platforms for `via`, calendar dates, Y-tunnus check digits and product catalogue ambiguity.',
  };
}
