/** Writes the JSON Schemas next to the build output: the kartta/1 document and the kartta-scenario/1 document. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildJsonSchema } from './json-schema.js';
import { buildScenarioJsonSchema } from './scenario-json-schema.js';

mkdirSync('dist', { recursive: true });
writeFileSync('dist/kartta-1.schema.json', `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
console.log('wrote dist/kartta-1.schema.json');
writeFileSync('dist/kartta-scenario-1.schema.json', `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`);
console.log('wrote dist/kartta-scenario-1.schema.json');
