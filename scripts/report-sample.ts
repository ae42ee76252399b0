/**
 * Writes the sample's region report in Finnish, Swedish and English into docs/report/, for docs/report.md and the
 * API site (typedoc copies files that the docs link to). Run by `npm run docs`; the date is fixed so the files only
 * change when the report does.
 *
 *   npx tsx scripts/report-sample.ts [outdir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportLanguages, toHtmlReport } from '../src/report/index.js';
import { sampleMigrationPlan, sampleRegion, sampleScenarios } from '../src/sample/index.js';

const outDir = process.argv[2] ?? 'docs/report';
const model = sampleRegion();
const plan = sampleMigrationPlan();
const scenarios = sampleScenarios();
mkdirSync(outDir, { recursive: true });
for (const lang of reportLanguages) {
  const file = join(outDir, `pohjois-pohjanmaa.${lang}.html`);
  writeFileSync(file, toHtmlReport(model, { lang, plan, scenarios, asOf: '2020-06-01', allowedUntil: '2020-01-01' }));
  console.log(file);
}
