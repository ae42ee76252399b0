/**
 * The main job on the bundled sample region: what it holds, what can be harmonised, which systems run in
 * parallel and whether they are connected, a migration plan, and an ArchiMate file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Model,
  compareScenarios,
  formatComparison,
  stateAt,
  harmonisationCandidates,
  parallelSystems,
  overlappingDevelopment,
  fundingSummary,
  obligations,
  projectPayback,
  planMigration,
  toArchimateXml,
  type Name,
} from '../src/index.js';
import { sampleMigrationPlan, sampleRegion, sampleScenario } from '../src/sample/index.js';

const outDir = fileURLToPath(new URL('../out/', import.meta.url));
// The sample of `kartta/sample`: examples/pohjois-pohjanmaa.json and its plan, embedded in the package.
const model = sampleRegion();
const plan = sampleMigrationPlan();
const region = 'pop';

const euros = new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const finnish = (name: Name): string => (typeof name === 'string' ? name : (name.fi ?? Object.values(name)[0] ?? ''));
const nameOf = (id: string): string => {
  const found = model.get(id);
  return found && 'name' in found.entity ? finnish(found.entity.name) : id;
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

heading('Migration plan (examples/pohjois-pohjanmaa.plan.json)');
const result = planMigration(model, plan);
console.log(
  `${plan.steps.length} steps in ${result.waves.length} waves, ${result.bridges.length} bridge integrations, ` +
    `${result.missedDeadlines.length} missed deadlines (${result.optimal ? 'proven optimal' : `heuristic, lower bound ${result.lowerBound ?? 'unknown'}`}).`,
);
const stepWidth = Math.max(...plan.steps.map((step) => step.id.length));
for (const wave of result.waves) {
  console.log(`Wave ${wave.index}${wave.start ? ` ${wave.start} – ${wave.end}` : ''}:`);
  for (const step of wave.steps) {
    const placement = result.placements.find((p) => p.step === step);
    const target = placement?.target ? ` → ${nameOf(placement.target)}` : '';
    console.log(
      `    ${step.padEnd(stepWidth)} ${placement?.action ?? ''} ${placement ? nameOf(placement.system) : ''}${target}`,
    );
  }
}
if (result.bridges.length > 0) {
  console.log('Bridges (integrations kept alive between waves):');
  for (const bridge of result.bridges) {
    console.log(
      `    ${bridge.integration}: ${bridge.steps[0]} (wave ${bridge.waves[0]}) ↔ ${bridge.steps[1]} (wave ${bridge.waves[1]})`,
    );
  }
}
for (const missed of result.missedDeadlines) {
  console.log(
    `Missed deadline: ${missed.step} due ${missed.deadline}, done by ${missed.waveEnd} (wave ${missed.wave}): ${missed.message}`,
  );
}
for (const violation of result.violations) console.log(`Note: ${violation.message}`);

heading('The state on 2020-01-01 under the plan');
const on2020 = stateAt(model, result, '2020-01-01');
const inUse = (m: Model) =>
  m
    .scope({ scope: region })
    .systems.filter((id) => ['production', 'phasingOut'].includes(m.system(id)?.lifecycle ?? '')).length;
const retiredBy2020 = model
  .systems()
  .filter((s) => s.lifecycle !== 'retired' && on2020.system(s.id)?.lifecycle === 'retired');
console.log(
  `${inUse(on2020)} systems in use in '${region}' (${inUse(model)} today); retired by then: ${retiredBy2020.map((s) => nameOf(s.id)).join(', ')}.`,
);

heading('Three transfer options compared (illustrative scenarios)');
const scenarios = (['hospital-district', 'regional-council', 'oulu'] as const).map(sampleScenario);
console.log(formatComparison(compareScenarios(model, scenarios, { scope: region }), { notes: false }).trimEnd());
console.log('The scenario files are examples/scenarios/*.scenario.json; docs/scenarios.md reads the table.');

heading('Development projects: who develops the same thing, and who pays');
const projectName = (id: string): string => finnish(model.project(id)?.name ?? id);
for (const group of overlappingDevelopment(model)) {
  const national = group.nationalExists
    ? `national: ${[...group.national, ...group.offerings].map((id) => model.nameOf(id, 'fi') ?? id).join(', ')}`
    : 'no national project: a candidate for joint development';
  console.log(
    `${finnish(model.theme(group.subject.id)?.name ?? group.subject.name)}: ${group.projects.map(projectName).join(' + ')}, ` +
      `${group.overlap.start} – ${group.overlap.end ?? '…'}, ${euros.format(group.euros)}; ${national}`,
  );
}
const byFunder = fundingSummary(model, { by: 'funder' });
console.log(
  `Funding ${euros.format(byFunder.euros)}: ${byFunder.groups.map((g) => `${g.name} ${euros.format(g.euros)}`).join(', ')}.`,
);
const obliged = obligations(model, { asOf: '2021-06-01' });
console.log(
  `Under the (invented) obligation to use ${obliged[0]?.offeringName ?? 'a national offering'} from ${obliged[0]?.from ?? '–'}: ` +
    `${obliged.map((o) => nameOf(o.system)).join(', ')}.`,
);
for (const p of projectPayback(model)) {
  if (p.paybackYears !== null)
    console.log(
      `${projectName(p.project)}: ${euros.format(p.costEuros)} against ${euros.format(p.yearlySavingsEuros)} a year, paid back in ${p.paybackYears} years.`,
    );
}
console.log('docs/portfolio.md works these numbers out by hand.');

heading('ArchiMate exchange file');
mkdirSync(outDir, { recursive: true });
const file = `${outDir}pohjois-pohjanmaa.xml`;
const xml = toArchimateXml(model, { plan, planResult: result, views: true });
writeFileSync(file, xml);
const views = xml.match(/<view /g)?.length ?? 0;
console.log(
  `Wrote ${relative(process.cwd(), file)} (${Math.round(xml.length / 1024)} kB, ${views} views, the plan as work packages and plateaus).`,
);
console.log(
  'Open it in Archi with File → Import → Model From Open Exchange File… (Open Exchange XML Model… in older versions).',
);
