/**
 * The report in a real browser (Debian's Chromium through playwright-core): the sample's report and that of a
 * generated 1,000-system model, opened from file:// with no network. Counts are computed here from the library,
 * not written down. Screenshots of each section go to test-output/report/ for a person to look at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareScenarios,
  fundingSummary,
  harmonisationCandidates,
  lint,
  Model,
  obligations,
  overlappingDevelopment,
  parallelSystems,
  planMigration,
  type MigrationResult,
} from '../src/index.js';
import { toHtmlReport } from '../src/report/index.js';
import { generateMigrationPlan, generateRegionModel } from '../src/testing/index.js';
import { chromiumPath, inCi } from './browser.js';

const executablePath = chromiumPath();
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = join(process.cwd(), 'test-output', 'report');

if (!executablePath && !inCi) {
  console.warn(
    'report-browser: no Chromium found (set KARTTA_CHROMIUM or apt-get install chromium); the browser tests are skipped on this machine. In CI they are mandatory.',
  );
}

if (inCi) {
  describe('the browser is there in CI', () => {
    it('finds Chromium (CI=true makes the browser tests mandatory)', () => {
      expect(executablePath, 'no Chromium: .ci/run installs it with apt-get install chromium').toBeDefined();
    });
  });
}

interface Case {
  readonly name: string;
  readonly model: Model;
  readonly plan: unknown;
  readonly asOf: string;
  readonly allowedUntil: string;
  /** Scenario files (their text) to compare, where the case has them. */
  readonly scenarios?: readonly string[];
}

const SAMPLE_SCENARIOS = ['hospital-district', 'oulu', 'regional-council'].map((name) =>
  readFileSync(new URL(`../examples/scenarios/${name}.scenario.json`, import.meta.url), 'utf8'),
);

function sampleCase(): Case {
  const model = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
  const plan = JSON.parse(
    readFileSync(new URL('../examples/pohjois-pohjanmaa.plan.json', import.meta.url), 'utf8'),
  ) as unknown;
  return { name: 'sample', model, plan, asOf: '2020-06-01', allowedUntil: '2020-01-01', scenarios: SAMPLE_SCENARIOS };
}

function generatedCase(): Case {
  const document = generateRegionModel({ seed: 14, systems: 1_000 });
  const plan = generateMigrationPlan(document, { seed: 14, steps: 40 });
  return { name: 'generated-1k', model: Model.load(document), plan, asOf: '2026-01-01', allowedUntil: '2025-06-30' };
}

function digits(text: string | null): number {
  return Number((text ?? '').replace(/[^0-9]/g, ''));
}

describe.skipIf(!executablePath)('the report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launch({
      executablePath: executablePath as string,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const make of [sampleCase, generatedCase]) {
    describe(make.name, () => {
      let scenario: Case;
      let result: MigrationResult;
      let page: Page;
      const problems: string[] = [];
      let file: string;

      beforeAll(async () => {
        scenario = make();
        result = planMigration(scenario.model, scenario.plan);
        const html = toHtmlReport(scenario.model, {
          lang: 'fi',
          plan: scenario.plan,
          asOf: scenario.asOf,
          allowedUntil: scenario.allowedUntil,
          ...(scenario.scenarios ? { scenarios: scenario.scenarios } : {}),
        });
        file = join(tmpdir(), `kartta-report-${scenario.name}-${process.pid}.html`);
        writeFileSync(file, html);
        // Bypassing the page's content security policy only lets the test inject axe-core below.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
        page = await context.newPage();
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning')
            problems.push(`console ${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
        page.on('request', (request) => {
          if (!request.url().startsWith('file:') && !request.url().startsWith('data:'))
            problems.push(`outside request: ${request.url()}`);
        });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      }, 120_000);

      it('loads with no console error, no failed or outside request', () => {
        expect(problems).toEqual([]);
      });

      it('has every section, listed in the contents', async () => {
        const portfolio = scenario.model.projects().length > 0 ? ['portfolio'] : [];
        for (const id of [
          'overview',
          'landscapes',
          'harmonisation',
          'parallel',
          'migration',
          ...portfolio,
          'findings',
        ]) {
          await expect.poll(() => page.locator(`section#${id} h2`).count()).toBe(1);
          expect(await page.locator(`nav.toc a[href="#${id}"]`).count()).toBe(1);
        }
      });

      it('shows the overview counts of the model', async () => {
        const { model } = scenario;
        const scope = model.scope();
        const systems = new Set(scope.systems);
        const integrations = model
          .integrations()
          .filter((integration) => systems.has(integration.source) && systems.has(integration.target)).length;
        const cost = scope.systems.reduce((sum, id) => sum + (model.system(id)?.contract?.annualCost ?? 0), 0);
        expect(digits(await page.locator('[data-kpi="organisations"] .kpi-value').textContent())).toBe(
          scope.organisations.length,
        );
        expect(digits(await page.locator('[data-kpi="systems"] .kpi-value').textContent())).toBe(systems.size);
        expect(digits(await page.locator('[data-kpi="integrations"] .kpi-value').textContent())).toBe(integrations);
        expect(digits(await page.locator('[data-kpi="annual-cost"] .kpi-value').textContent())).toBe(cost);
        // One bar per class and lifecycle that has systems, in the chart's SVG.
        const pairs = new Set(scope.systems.map((id) => `${model.system(id)?.class} ${model.system(id)?.lifecycle}`));
        expect(await page.locator('#chart-systems svg g[aria-label="bar"] rect').count()).toBe(pairs.size);
        // Every organisation in the membership map or among the others.
        const listed = await page
          .locator('#overview [data-organisation]')
          .evaluateAll((items) => new Set(items.map((item) => item.getAttribute('data-organisation'))).size);
        expect(listed).toBe(scope.organisations.length);
      });

      it('draws each landscape with its boxes, and zooms it with the keyboard', async () => {
        const boxes = page.locator('#landscapes details.diagram-box');
        const count = await boxes.count();
        expect(count).toBeGreaterThan(0);
        const first = boxes.first();
        await first.locator('summary').focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => first.evaluate((details) => (details as unknown as { open: boolean }).open)).toBe(true);
        const svg = first.locator('svg.diagram');
        expect(await svg.locator('rect').count()).toBe(Number(await first.getAttribute('data-elements')));
        const before = Number(await svg.getAttribute('width'));
        await first.locator('button[data-zoom="in"]').focus();
        await page.keyboard.press('Enter');
        expect(Number(await svg.getAttribute('width'))).toBe(Math.round(before * 1.25));
        await first.locator('button[data-zoom="reset"]').click();
        expect(Number(await svg.getAttribute('width'))).toBe(before);
        await first.screenshot({ path: join(screenshots, `${scenario.name}-landscape.png`) });
      });

      it('ranks the harmonisation candidates and sorts them by a column', async () => {
        const candidates = harmonisationCandidates(scenario.model);
        const rows = page.locator('#harmonisation-table tbody tr');
        expect(await rows.count()).toBe(candidates.length);
        const savings = async () =>
          rows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[5]?.getAttribute('data-sort'))));
        const ranked = await savings();
        expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
        const services = new Set(
          candidates.filter((candidate) => (candidate.savings ?? 0) > 0).flatMap((candidate) => candidate.services),
        );
        expect(await page.locator('#chart-savings svg g[aria-label="bar"] rect').count()).toBe(services.size);
        const button = page.locator('#harmonisation-table thead th').nth(5).locator('button.sort');
        await button.click();
        expect(await page.locator('#harmonisation-table thead th').nth(5).getAttribute('aria-sort')).toBe('ascending');
        const ascending = await savings();
        expect(ascending).toEqual([...ranked].sort((a, b) => a - b));
        await button.press('Enter');
        expect(await savings()).toEqual([...ranked].sort((a, b) => b - a));
      });

      it('shows each parallel group with each pair in colour and in words, overdue groups marked', async () => {
        const groups = parallelSystems(scenario.model, { asOf: scenario.asOf, allowedUntil: scenario.allowedUntil });
        expect(await page.locator('#parallel article.parallel-group').count()).toBe(groups.length);
        expect(await page.locator('#parallel article.is-overdue .overdue').count()).toBe(
          groups.filter((group) => group.overdue).length,
        );
        for (const group of groups.slice(0, 5)) {
          const article = page.locator(`#parallel article[data-service="${group.service}"]`);
          expect(Number(await article.getAttribute('data-gaps'))).toBe(group.gaps);
          const matrix = article.locator('table.matrix');
          if ((await matrix.count()) === 0) continue;
          // Both halves of the matrix: every pair twice (counted, as `pairs` lists only the first ones).
          for (const status of ['direct', 'platform', 'none'] as const) {
            expect(await matrix.locator(`td[data-status="${status}"]`).count()).toBe(2 * group.pairCounts[status]);
          }
          const colours = await matrix
            .locator('td[data-status="none"]')
            .evaluateAll((cells) =>
              cells.map((cell) => [
                (
                  globalThis as unknown as { getComputedStyle: (element: unknown) => { backgroundColor: string } }
                ).getComputedStyle(cell).backgroundColor,
                cell.textContent?.trim(),
              ]),
            );
          for (const [colour, text] of colours) {
            expect(colour).not.toBe('rgba(0, 0, 0, 0)');
            expect(text).toMatch(/ei yhteyttä/);
          }
        }
      });

      it('draws the migration timeline: steps, deadlines, missed deadlines, bridges, explanations on demand', async () => {
        const plan = scenario.plan as { steps: { id: string; deadline?: string }[] };
        expect(await page.locator('#migration-steps tbody tr').count()).toBe(plan.steps.length);
        expect(await page.locator('#migration-steps tbody tr.is-missed').count()).toBe(result.missedDeadlines.length);
        expect(await page.locator('#bridges tbody tr').count()).toBe(result.bridges.length);
        const bars = await page.locator('#chart-timeline svg g[aria-label="bar"] rect').count();
        expect(bars).toBe(plan.steps.length <= 60 ? plan.steps.length : result.waves.length);
        if (plan.steps.length <= 60) {
          expect(await page.locator('#chart-timeline svg g[aria-label="tick"] line').count()).toBe(
            plan.steps.filter((step) => step.deadline).length,
          );
          expect(await page.locator('#chart-timeline svg g[aria-label="dot"] path').count()).toBe(
            result.missedDeadlines.length,
          );
        }
        const why = page.locator('#migration-steps tbody tr details').first();
        expect(await why.locator('li').first().isVisible()).toBe(false);
        await why.locator('summary').click();
        expect(await why.locator('li').first().isVisible()).toBe(true);
      });

      it('compares the scenarios side by side with their differences, when given', async () => {
        const rows = page.locator('#scenarios-table tbody tr');
        if (!scenario.scenarios) {
          expect(await page.locator('section#scenarios').count()).toBe(0);
          expect(await page.locator('nav.toc a[href="#scenarios"]').count()).toBe(0);
          return;
        }
        const comparison = compareScenarios(scenario.model, scenario.scenarios, { asOf: scenario.asOf });
        expect(await page.locator('nav.toc a[href="#scenarios"]').count()).toBe(1);
        expect(await page.locator('#scenarios-table thead th').count()).toBe(comparison.columns.length + 1);
        expect(await rows.count()).toBe(comparison.rows.length);
        const systems = comparison.rows.find((row) => row.id === 'systems-in-use');
        const cells = page.locator('#scenarios-table tr[data-measure="systems-in-use"] td');
        for (const [index, cell] of (systems?.cells ?? []).entries()) {
          const text = await cells.nth(index).innerText();
          expect(digits(text.split('(')[0] ?? '')).toBe(cell.value);
          if (cell.delta) expect(text).toContain(`${cell.delta > 0 ? '+' : '−'}${Math.abs(cell.delta)})`);
        }
      });

      it('shows the development portfolio, overlapping development first, with its charts drawn', async () => {
        const { model } = scenario;
        if (model.projects().length === 0 && model.offerings().length === 0) {
          expect(await page.locator('section#portfolio').count()).toBe(0);
          expect(await page.locator('nav.toc a[href="#portfolio"]').count()).toBe(0);
          return;
        }
        const groups = overlappingDevelopment(model);
        const articles = page.locator('#portfolio article.overlap-group');
        expect(await articles.count()).toBe(groups.length);
        expect(await page.locator('#portfolio h3').first().getAttribute('id')).toBe('overlaps-h');
        for (const [index, group] of groups.entries()) {
          const article = articles.nth(index);
          expect(await article.getAttribute('data-subject')).toBe(group.subject.id);
          expect(await article.locator('tbody tr').count()).toBe(group.projects.length);
          expect(Number(await article.locator('tfoot td').getAttribute('data-cents'))).toBe(group.cents);
          // National development or its absence is written out, not shown by the edge's colour alone.
          expect(await article.locator('.national').innerText()).toMatch(
            group.nationalExists ? /Kansallinen kehittäminen on olemassa/ : /Ei kansallista hanketta/,
          );
        }
        // The charts are drawn and visible: one bar per funder with money, a stacked bar per organisation.
        const funders = fundingSummary(model, { by: 'funder' }).groups.filter((entry) => entry.cents > 0);
        const funderChart = page.locator('#chart-funders svg[role="img"]');
        expect(await funderChart.isVisible()).toBe(true);
        expect((await funderChart.boundingBox())?.height ?? 0).toBeGreaterThan(100);
        expect(await funderChart.locator('g[aria-label="bar"] rect').count()).toBe(funders.length);
        const organisations = fundingSummary(model, { by: 'organisation' }).groups.filter((entry) => entry.cents > 0);
        const organisationChart = page.locator('#chart-organisations svg[role="img"]');
        expect(await organisationChart.isVisible()).toBe(true);
        const organisationRows = page.locator('#funding-by-organisation tbody tr');
        expect(await organisationRows.count()).toBe(organisations.length);
        const labels = await organisationChart
          .locator('g[aria-label="y-axis tick label"] text')
          .evaluateAll((texts) => texts.map((text) => text.textContent));
        expect(labels).toHaveLength(organisations.length);
        // The organisations' table sorts by its own share.
        const shares = async () =>
          organisationRows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[5]?.getAttribute('data-sort'))));
        await page.locator('#funding-by-organisation thead th').nth(5).locator('button.sort').click();
        const ascending = await shares();
        expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
        expect(await page.locator('#obligations-table tbody tr').count()).toBe(
          obligations(model, { asOf: scenario.asOf }).length,
        );
      });

      it('filters the findings by severity and by a search', async () => {
        const findings = lint(scenario.model, { asOf: scenario.asOf });
        const listed = Math.min(findings.length, 2_000);
        const visible = () => page.locator('#findings-table tbody tr:not([hidden])').count();
        expect(await visible()).toBe(listed);
        expect(await page.locator('#findings-filters').isVisible()).toBe(true);
        const shown = await page
          .locator('#findings-table tbody tr')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-severity')));
        await page.locator('#findings-filters input[value="error"]').uncheck();
        expect(await visible()).toBe(shown.filter((severity) => severity !== 'error').length);
        expect(await page.locator('#findings-count').textContent()).toContain(
          String(shown.filter((severity) => severity !== 'error').length),
        );
        await page.locator('#findings-filters input[value="error"]').check();
        const rule = findings[0]?.rule ?? 'none';
        await page.locator('#findings-search').fill(rule);
        const matching = await page
          .locator('#findings-table tbody tr')
          .evaluateAll(
            (rows, text) => rows.filter((row) => (row.textContent ?? '').toLowerCase().includes(text)).length,
            rule.toLowerCase(),
          );
        expect(await visible()).toBe(matching);
        expect(matching).toBeGreaterThan(0);
        await page.locator('#findings-search').fill('');
        expect(await visible()).toBe(listed);
      });

      it('has no serious or critical accessibility violation (axe-core)', async () => {
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const scope = globalThis as unknown as { document: unknown };
          const axe = (
            globalThis as unknown as {
              axe: {
                run: (
                  context: unknown,
                  options: unknown,
                ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
              };
            }
          ).axe;
          const results = await axe.run(scope.document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          });
          return results.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
          }));
        });
        expect(
          violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
        ).toEqual([]);
      }, 300_000);

      it('prints to PDF on several pages', async () => {
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        await page.emulateMedia({ media: 'screen' });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pages).toBeGreaterThan(3);
      }, 180_000);

      // The sample's sections only: the 1k report's are pages long and add minutes, not information.
      if (make === sampleCase)
        it('takes a screenshot of each section', async () => {
          await page.addStyleTag({ content: 'nav.toc { position: static !important; }' });
          for (const id of [
            'overview',
            'landscapes',
            'harmonisation',
            'parallel',
            'migration',
            'scenarios',
            'portfolio',
            'findings',
          ]) {
            const path = join(screenshots, `${scenario.name}-${id}.png`);
            await page.locator(`section#${id}`).screenshot({ path, timeout: 60_000 });
            expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
          }
        }, 300_000);
    });
  }
});
