/**
 * Screenshots of each section of the sample's report for docs/report.md, taken in the system's Chromium
 * (KARTTA_CHROMIUM or /usr/bin/chromium) through playwright-core. The top of each section at 1200 x 760 pixels.
 *
 *   npx tsx scripts/report-sample.ts && npx tsx scripts/report-screenshots.ts [lang] [outdir]
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/browser.js';

const [lang = 'fi', outDir = 'docs/images'] = process.argv.slice(2);
const executablePath = chromiumPath();
if (!executablePath) {
  console.error('no Chromium: apt-get install chromium, or set KARTTA_CHROMIUM');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
await page.goto(pathToFileURL(resolve(`docs/report/pohjois-pohjanmaa.${lang}.html`)).href);
const open: Record<string, string> = {
  landscapes: '#landscape-kempele',
  migration: '#migration-steps tr[data-step="ptj-kempele"] details',
};
for (const id of ['overview', 'landscapes', 'harmonisation', 'parallel', 'migration', 'portfolio', 'findings']) {
  const toOpen = open[id];
  if (toOpen) await page.locator(toOpen).evaluate((details) => ((details as unknown as { open: boolean }).open = true));
  // The landscapes' list is long: show the opened diagram rather than the top of the list.
  await page
    .locator(id === 'landscapes' ? '#landscape-kempele' : `section#${id}`)
    .evaluate((element) => (element as unknown as { scrollIntoView(): void }).scrollIntoView());
  await page.mouse.wheel(0, -50);
  const file = join(outDir, `report-${id}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}
await browser.close();
