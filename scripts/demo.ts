/**
 * The main job on the bundled sample region: what it holds, what can be harmonised, which systems run in
 * parallel and whether they are connected, a migration plan, and an ArchiMate file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Model, harmonisationCandidates, parallelSystems, type Name } from '../src/index.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const model = Model.load(readFileSync(`${examples}pohjois-pohjanmaa.json`, 'utf8'));
const region = 'pop';

const euros = new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const finnish = (name: Name): string => (typeof name === 'string' ? name : (name.fi ?? Object.values(name)[0] ?? ''));
const nameOf = (id: string): string => {
  const found = model.get(id);
  return found && 'name' in found.entity ? finnish(found.entity.name as Name) : id;
};
const heading = (text: string) => console.log(`\n== ${text} ${'='.repeat(Math.max(0, 74 - text.length))}`);

const scope = model.scope({ scope: region });
console.log(`# ${finnish(model.name)} (sample region: illustrative, not an authoritative inventory)`);
console.log(
  `${model.organisations().length} organisations, ${model.services().length} services, ${model.systems().length} systems, ` +
    `${model.integrations().length} integrations. In the scope of '${region}': ${scope.organisations.length} organisations, ` +
    `${scope.systems.length} systems in use.`,
);

heading('Harmonisation candidates');
const candidates = harmonisationCandidates(model, { scope: region });
for (const [rank, candidate] of candidates.entries()) {
  const saving = candidate.savings === null ? 'saving unknown' : `saves ${euros.format(candidate.savings)}/year`;
  if (candidate.kind === 'sameProduct') {
    console.log(
      `${String(rank + 1).padStart(2)}. same product  ${candidate.productName}: ${candidate.systems.length} installations, ` +
        `keep ${candidate.keep}, ${saving}`,
    );
  } else {
    console.log(
      `${String(rank + 1).padStart(2)}. same service  ${nameOf(candidate.service)}: ${candidate.products.length} products ` +
        `(${candidate.products.join(', ')}), keep ${candidate.keepProduct}, ${saving}`,
    );
  }
}

heading('Parallel TOSI systems and their integrations');
const groups = parallelSystems(model, { scope: region, allowedUntil: '2021-12-31', asOf: '2022-06-01' });
for (const group of groups) {
  const gaps = group.pairs.filter((pair) => pair.status === 'none').length;
  console.log(
    `${nameOf(group.service)} (${group.service}): ${group.systems.length} systems of ${group.products.length} products, ` +
      `${group.pairs.length} pairs, ${gaps} without integration${group.overdue ? ', parallel operation overdue' : ''}`,
  );
  for (const pair of group.pairs) {
    if (!pair.systems.some((id) => id.startsWith('esko'))) continue;
    const how = pair.integrations.length > 0 ? ` (${pair.integrations.join(', ')})` : ' (a gap to close)';
    console.log(`    ${pair.systems[0]} + ${pair.systems[1]}: ${pair.status}${how}`);
  }
}
