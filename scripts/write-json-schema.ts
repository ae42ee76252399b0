/** Writes the JSON Schema next to the build output (and into schema/ for readers of the repository). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildJsonSchema } from './json-schema.js';

const text = `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
mkdirSync('dist', { recursive: true });
writeFileSync('dist/kartta-1.schema.json', text);
console.log('wrote dist/kartta-1.schema.json');
