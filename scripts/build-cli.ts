/**
 * Builds only the `kartta` command (dist/bin/) and the JSON Schema it prints (dist/kartta-1.schema.json),
 * without the library's slow declaration build: for the CLI tests and for trying the command while working on it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'tsup';
import { commandBuild } from '../tsup.config.js';
import { buildJsonSchema } from './json-schema.js';

export async function buildCli(): Promise<void> {
  await build({ ...commandBuild, config: false, silent: true });
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/kartta-1.schema.json', `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await buildCli();
  console.log('built dist/bin/kartta.js');
}
