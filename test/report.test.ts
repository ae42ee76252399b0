import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  compareScenarios,
  fundingSummary,
  harmonisationCandidates,
  KarttaError,
  lint,
  Model,
  obligations,
  overlappingDevelopment,
  parallelSystems,
  planMigration,
  projectPayback,
  type KarttaDocumentInput,
  type Project,
} from '../src/index.js';
import { toHtmlReport } from '../src/report/index.js';
import { smallRegion } from './fixtures.js';
import { PROTOTYPE_NAMES } from './hostile.js';
import { portfolioRegion } from './portfolio-support.js';

/** A value for an attribute selector in double quotes. */
function cssString(value: string): string {
  return value.replace(/["\\]/g, (char) => `\\${char}`);
}

const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
const samplePlan = JSON.parse(
  readFileSync(new URL('../examples/pohjois-pohjanmaa.plan.json', import.meta.url), 'utf8'),
) as unknown;

function parse(html: string) {
  return parseHTML(html).document;
}

function caught(run: () => unknown): KarttaError {
  try {
    run();
  } catch (error) {
    if (error instanceof KarttaError) return error;
    throw error;
  }
  throw new Error('expected a KarttaError');
}

describe('toHtmlReport on the sample', () => {
  const html = toHtmlReport(sample, { lang: 'fi', plan: samplePlan, asOf: '2020-06-01', allowedUntil: '2020-01-01' });
  const document = parse(html);

  it('is one self-contained page: no outside reference, one script allowed by its hash', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
    expect(document.querySelectorAll('script')).toHaveLength(1);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('has every section, with the counts the library gives', () => {
    for (const id of ['overview', 'landscapes', 'harmonisation', 'parallel', 'migration', 'portfolio', 'findings'])
      expect(document.getElementById(id), id).not.toBeNull();
    expect(document.querySelectorAll('#harmonisation-table tbody tr')).toHaveLength(
      harmonisationCandidates(sample).length,
    );
    const groups = parallelSystems(sample, { asOf: '2020-06-01', allowedUntil: '2020-01-01' });
    expect(document.querySelectorAll('#parallel article.parallel-group')).toHaveLength(groups.length);
    expect(document.querySelectorAll('#parallel article.is-overdue')).toHaveLength(
      groups.filter((group) => group.overdue).length,
    );
    expect(document.querySelectorAll('#findings-table tbody tr')).toHaveLength(
      lint(sample, { asOf: '2020-06-01' }).length,
    );
    const result = planMigration(sample, samplePlan);
    expect(document.querySelectorAll('#migration-steps tbody tr')).toHaveLength(result.placements.length);
    expect(document.querySelectorAll('#migration-steps tr.is-missed')).toHaveLength(result.missedDeadlines.length);
    expect(document.querySelectorAll('#bridges tbody tr')).toHaveLength(result.bridges.length);
  });

  it('is the same page for the same model and options', () => {
    expect(toHtmlReport(sample, { lang: 'fi', plan: samplePlan, asOf: '2020-06-01', allowedUntil: '2020-01-01' })).toBe(
      html,
    );
  });

  it('writes labels and names in the chosen language, falling back to Finnish', () => {
    const sv = parse(toHtmlReport(sample, { lang: 'sv', asOf: '2020-06-01', diagrams: false }));
    const en = parse(toHtmlReport(sample, { lang: 'en', asOf: '2020-06-01', diagrams: false }));
    expect(document.documentElement.getAttribute('lang')).toBe('fi');
    expect(sv.documentElement.getAttribute('lang')).toBe('sv');
    expect(document.querySelector('#overview h2')?.textContent).toBe('Yleiskuva');
    expect(sv.querySelector('#overview h2')?.textContent).toBe('Översikt');
    expect(en.querySelector('#overview h2')?.textContent).toBe('Overview');
    const membership = (doc: ReturnType<typeof parse>, id: string) =>
      doc.querySelector(`#membership li[data-organisation="${id}"] > span`)?.textContent;
    expect(membership(document, 'oulu')).toBe('Oulu');
    expect(membership(sv, 'oulu')).toBe('Uleåborg');
    expect(membership(en, 'oulu')).toBe('City of Oulu');
    // Kallio has Finnish and English names only: Swedish falls back to Finnish.
    expect(membership(sv, 'kallio')).toBe('Peruspalvelukuntayhtymä Kallio');
    expect(membership(en, 'kallio')).toBe('Kallio joint authority for basic services');
  });

  it('leaves the diagrams out when asked', () => {
    const without = parse(toHtmlReport(sample, { asOf: '2020-06-01', diagrams: false }));
    expect(without.getElementById('landscapes')).toBeNull();
    expect(without.querySelector('nav a[href="#landscapes"]')).toBeNull();
    expect(document.querySelectorAll('#landscapes svg.diagram').length).toBeGreaterThan(0);
  });

  it('names a view larger than the diagram limit instead of drawing it', () => {
    const limited = parse(toHtmlReport(sample, { asOf: '2020-06-01', diagramLimit: 10 }));
    const large = [...limited.querySelectorAll('#landscapes .diagram-box')].filter(
      (box) => Number(box.getAttribute('data-elements')) > 10,
    );
    expect(large.length).toBeGreaterThan(0);
    for (const box of large) expect(box.querySelector('svg')).toBeNull();
    for (const box of limited.querySelectorAll('#landscapes details.diagram-box'))
      expect(Number(box.getAttribute('data-elements'))).toBeLessThanOrEqual(10);
  });

  it('says so when no plan is given', () => {
    const without = parse(toHtmlReport(sample, { lang: 'en', asOf: '2020-06-01', diagrams: false }));
    expect(without.querySelector('#migration p')?.textContent).toBe('No migration plan was given.');
    expect(without.getElementById('migration-steps')).toBeNull();
  });
});

describe('toHtmlReport with scenarios', () => {
  const scenarios = ['hospital-district', 'oulu', 'regional-council'].map((name) =>
    readFileSync(new URL(`../examples/scenarios/${name}.scenario.json`, import.meta.url), 'utf8'),
  );

  it('adds the comparison table: the base and one column per scenario, a row per measure, differences in words', () => {
    const comparison = compareScenarios(sample, scenarios, { asOf: '2020-06-01' });
    const page = parse(toHtmlReport(sample, { lang: 'en', asOf: '2020-06-01', diagrams: false, scenarios }));
    expect(page.querySelector('nav.toc a[href="#scenarios"]')).not.toBeNull();
    const heads = [...page.querySelectorAll('#scenarios-table thead th')].map((th) => th.textContent ?? '');
    expect(heads).toHaveLength(comparison.columns.length + 1);
    for (const [index, column] of comparison.columns.entries()) expect(heads[index + 1]).toContain(column.name);
    const rows = [...page.querySelectorAll('#scenarios-table tbody tr')];
    expect(rows.map((row) => row.getAttribute('data-measure'))).toEqual(comparison.rows.map((row) => row.id));
    const systems = comparison.rows.find((row) => row.id === 'systems-in-use');
    const cells = [...page.querySelectorAll('#scenarios-table tr[data-measure="systems-in-use"] td')].map(
      (td) => td.textContent ?? '',
    );
    expect(cells).toHaveLength(comparison.columns.length);
    for (const [index, cell] of (systems?.cells ?? []).entries()) {
      expect(cells[index]?.startsWith(String(cell.value))).toBe(true);
      if (cell.delta) expect(cells[index]).toContain(`(${cell.delta > 0 ? '+' : '−'}${Math.abs(cell.delta)})`);
      else expect(cells[index]).not.toContain('(');
    }
  });

  it('has no scenarios section without scenarios', () => {
    const page = parse(toHtmlReport(sample, { lang: 'en', asOf: '2020-06-01', diagrams: false }));
    expect(page.getElementById('scenarios')).toBeNull();
    expect(page.querySelector('nav.toc a[href="#scenarios"]')).toBeNull();
  });

  it('refuses scenarios that are not a list, and a scenario that does not apply, leaving the model as it was', () => {
    expect(caught(() => toHtmlReport(sample, { scenarios: 'oulu' } as never)).code).toBe('option.invalid');
    const before = sample.toJSONText();
    const broken = JSON.stringify({
      format: 'kartta-scenario/1',
      name: 'Broken',
      changes: [{ op: 'retire', system: 'nowhere' }],
    });
    expect(
      caught(() => toHtmlReport(sample, { asOf: '2020-06-01', diagrams: false, scenarios: [broken] })),
    ).toBeInstanceOf(KarttaError);
    expect(sample.toJSONText()).toBe(before);
  });
});

describe('toHtmlReport options', () => {
  const model = Model.load(smallRegion());

  it.each([
    [{ langue: 'fi' }, 'langue'],
    [{ lang: 'de' }, 'lang'],
    [{ asOf: '2020-02-30' }, 'asOf'],
    [{ allowedUntil: 20200101 }, 'allowedUntil'],
    [{ diagrams: 'yes' }, 'diagrams'],
    [{ title: 7 }, 'title'],
    [{ diagramLimit: 0 }, 'diagramLimit'],
    [{ diagramLimit: 2.5 }, 'diagramLimit'],
  ])('refuses %j with option.invalid naming %s', (options, option) => {
    const error = caught(() => toHtmlReport(model, options as never));
    expect(error.code).toBe('option.invalid');
    expect(error.message).toContain(`'${option}'`);
    expect(error.message.startsWith('toHtmlReport: ')).toBe(true);
  });

  it('refuses options that are not an object', () => {
    expect(caught(() => toHtmlReport(model, 'fi' as never)).code).toBe('option.invalid');
  });

  it('caps a long value echoed in the message', () => {
    const error = caught(() => toHtmlReport(model, { lang: 'x'.repeat(500) } as never));
    expect(error.message.length).toBeLessThan(220);
    expect(error.message).toContain('characters)');
  });

  it('refuses an unknown scope with the scope errors of every query', () => {
    expect(caught(() => toHtmlReport(model, { scope: 'nowhere' })).code).toBe('scope.unknown');
    expect(caught(() => toHtmlReport(model, { scope: 'primary-care' })).code).toBe('scope.not-organisation');
  });

  it('refuses a plan naming a system that does not exist, leaving the model as it was', () => {
    const before = model.toJSONText();
    const error = caught(() =>
      toHtmlReport(model, { plan: { steps: [{ id: 's', action: 'retire', system: 'ghost' }] } }),
    );
    expect(error.code).toMatch(/^plan\./);
    expect(model.toJSONText()).toBe(before);
  });

  it('covers only the scope when one is given', () => {
    const document = parse(toHtmlReport(model, { scope: 'pop', asOf: '2020-01-01', lang: 'en' }));
    const organisations = model.scope({ scope: 'pop' }).organisations.length;
    expect(document.querySelector('[data-kpi="organisations"] .kpi-value')?.textContent).toBe(String(organisations));
    expect(document.querySelector('#membership li[data-organisation="kajaani"]')).toBeNull();
  });
});

describe('toHtmlReport with hostile names and ids', () => {
  const hostile = fc.oneof(
    fc.constantFrom(
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      "'; onload='x",
      '</style><b>x</b>',
      '&amp;&lt;',
      '__proto__',
      'constructor',
      'toString',
      'a'.repeat(2000),
    ),
    fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim().length > 0),
  );
  const hostileId = fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'valueOf',
    'x<y',
    'a"b',
    'äö',
    's'.repeat(200),
  );

  function documentWith(
    orgName: string,
    systemName: string,
    serviceName: string,
    systemId: string,
  ): KarttaDocumentInput {
    return {
      format: 'kartta/1',
      name: orgName,
      organisations: [
        { id: 'region', kind: 'region', name: orgName },
        { id: 'm', kind: 'municipality', name: { fi: orgName, sv: systemName } },
      ],
      services: [{ id: 'svc', name: serviceName, domain: 'health' }],
      systems: [
        {
          id: systemId,
          name: systemName,
          class: 'TOSI',
          product: orgName,
          lifecycle: 'production',
          contract: { ends: '2020-01-01', annualCost: 10 },
        },
        { id: 'other', name: serviceName, class: 'TOSI', product: systemName, lifecycle: 'production' },
        {
          id: 'third',
          name: orgName,
          class: 'TOSI',
          product: orgName,
          lifecycle: 'production',
          contract: { ends: '2021-01-01', annualCost: 5 },
        },
      ],
      relations: [
        { type: 'memberOf', from: 'm', to: 'region' },
        { type: 'owns', from: 'm', to: systemId },
        { type: 'owns', from: 'm', to: 'other' },
        { type: 'owns', from: 'region', to: 'third' },
        { type: 'supports', from: systemId, to: 'svc' },
        { type: 'supports', from: 'other', to: 'svc' },
      ],
    };
  }

  /** A portfolio whose every name is `name` and whose ids are hostile: two overlapping projects, an obligation. */
  function portfolioWith(name: string, ids: readonly string[]): KarttaDocumentInput {
    const [theme, first, second, funder] = ids as [string, string, string, string];
    return {
      format: 'kartta/1',
      name,
      organisations: [
        { id: 'region', kind: 'region', name },
        { id: 'a', kind: 'municipality', name },
        { id: 'b', kind: 'municipality', name: `${name}!` },
        { id: 'agency', kind: 'stateAgency', name },
      ],
      services: [{ id: 'svc', name, domain: 'administration' }],
      systems: [{ id: 'sys', name, class: 'TORI', lifecycle: 'production' }],
      relations: [
        { type: 'memberOf', from: 'a', to: 'region' },
        { type: 'memberOf', from: 'b', to: 'region' },
        { type: 'owns', from: 'a', to: 'sys' },
        { type: 'supports', from: 'sys', to: 'svc' },
      ],
      themes: [{ id: theme, name }],
      funders: [{ id: funder, name }],
      offerings: [
        {
          id: 'offer',
          name,
          provider: 'agency',
          services: ['svc'],
          obligation: { from: '2020-01-01', basis: name },
        },
      ],
      projects: [
        {
          id: first,
          name,
          status: 'running',
          start: '2020-01-01',
          end: '2020-12-31',
          budget: { total: 1000.01 },
          funding: [
            { funder, share: 60 },
            { funder: 'a', share: 40 },
          ],
          implementers: ['a'],
          themes: [theme],
        },
        {
          id: second,
          name: `${name}?`,
          status: 'planned',
          start: '2020-06-01',
          funding: [{ funder: 'b', amount: 300 }],
          implementers: ['b'],
          themes: [theme],
        },
      ],
    };
  }

  it('writes the portfolio of hostile names and ids as text, and runs nothing of it', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...PROTOTYPE_NAMES, 'x<y', 'a"b', "o'k", '&amp;', 's'.repeat(200)), {
      minLength: 4,
      maxLength: 4,
    });
    fc.assert(
      fc.property(hostile, ids, fc.constantFrom('fi', 'sv', 'en'), (name, idList, lang) => {
        const model = Model.load(portfolioWith(name, idList));
        const html = toHtmlReport(model, { lang: lang as 'fi', asOf: '2022-01-01', diagrams: false });
        const document = parse(html);
        expect(document.querySelectorAll('script')).toHaveLength(1);
        expect(document.querySelectorAll('img, iframe, object, embed, link')).toHaveLength(0);
        for (const element of document.querySelectorAll('#portfolio *'))
          for (const attribute of element.attributes)
            expect(attribute.name.startsWith('on'), attribute.name).toBe(false);
        const [theme, first, second, funder] = idList as [string, string, string, string];
        const group = document.querySelector('#portfolio article.overlap-group');
        expect(group?.getAttribute('data-subject')).toBe(theme);
        expect(group?.querySelector('h4 > span')?.textContent).toBe(name);
        expect(group?.querySelector('h4 > span')?.getAttribute('title')).toBe(theme);
        const rows = [...(group?.querySelectorAll('tbody tr') ?? [])];
        expect(rows.map((row) => row.getAttribute('data-project'))).toEqual([first, second].sort());
        for (const row of rows)
          expect(row.querySelector('th')?.textContent).toBe(
            row.getAttribute('data-project') === first ? name : `${name}?`,
          );
        // 1,000.01 € and 300 €, to the cent.
        expect(centsOf(group?.querySelector('tfoot td'))).toBe(130_001);
        const byFunder = document.querySelector(`#funding-by-funder tr[data-funder="${cssString(funder)}"]`);
        expect(byFunder?.querySelector('th')?.textContent).toBe(name);
        expect(centsOf(byFunder?.querySelector('td.num'))).toBe(60_001);
        expect(document.querySelector('#obligations-table tbody tr th')?.textContent).toBe(name);
        expect(document.querySelector('#obligation-bases dd')?.textContent).toContain(name);
      }),
      { numRuns: 25 },
    );
  });

  it('shows every name as text and runs nothing of it', () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        hostileId,
        fc.constantFrom('fi', 'sv', 'en'),
        (orgName, systemName, serviceName, systemId, lang) => {
          const model = Model.load(documentWith(orgName, systemName, serviceName, systemId));
          const html = toHtmlReport(model, { lang: lang as 'fi', asOf: '2022-01-01' });
          const document = parse(html);
          expect(document.querySelectorAll('script')).toHaveLength(1);
          expect(document.querySelectorAll('img, iframe, object, embed, link')).toHaveLength(0);
          for (const element of document.querySelectorAll('*')) {
            for (const attribute of element.attributes)
              expect(attribute.name.startsWith('on'), attribute.name).toBe(false);
          }
          expect(document.querySelector('#membership li[data-organisation="region"] > span')?.textContent).toBe(
            orgName,
          );
          expect(document.querySelectorAll('#parallel article.parallel-group')).toHaveLength(
            parallelSystems(model, { asOf: '2022-01-01' }).length,
          );
          expect(document.querySelectorAll('#harmonisation-table tbody tr')).toHaveLength(
            harmonisationCandidates(model).length,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** A project's budget in cents, computed here from the document's figures rather than by the library. */
function budgetCents(project: Project): number {
  if (project.budget?.total !== undefined) return Math.round(project.budget.total * 100);
  if (project.budget?.lines) return project.budget.lines.reduce((sum, line) => sum + Math.round(line.amount * 100), 0);
  return (project.funding ?? []).reduce((sum, part) => sum + Math.round((part.amount ?? 0) * 100), 0);
}

/** Each funder's cents of a project (the sample's shares give whole cents), the uncovered rest under `null`. */
function funderCents(project: Project): Map<string | null, number> {
  const budget = budgetCents(project);
  const out = new Map<string | null, number>();
  for (const part of project.funding ?? [])
    out.set(
      part.funder,
      part.amount !== undefined ? Math.round(part.amount * 100) : Math.round((budget * (part.share ?? 0)) / 100),
    );
  const covered = [...out.values()].reduce((a, b) => a + b, 0);
  if (covered < budget) out.set(null, budget - covered);
  return out;
}

function centsOf(element: { getAttribute(name: string): string | null } | null | undefined): number {
  return Number(element?.getAttribute('data-cents'));
}

describe('toHtmlReport: the development portfolio', () => {
  const asOf = '2021-06-01';
  const page = parse(toHtmlReport(sample, { lang: 'en', asOf, diagrams: false }));
  const fi = parse(toHtmlReport(sample, { lang: 'fi', asOf, diagrams: false }));
  const live = sample.projects().filter((project) => project.status !== 'cancelled');
  const wholeEuros = (lang: string, cents: number) =>
    new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);

  it('is in the contents, before the findings, and opens with the overlapping development', () => {
    expect(page.querySelector('nav.toc a[href="#portfolio"]')?.textContent).toBe('Development portfolio');
    expect(fi.querySelector('nav.toc a[href="#portfolio"]')?.textContent).toBe('Kehittämissalkku');
    const order = [...page.querySelectorAll('main > section')].map((section) => section.id);
    expect(order.indexOf('portfolio')).toBe(order.indexOf('findings') - 1);
    const parts = [...page.querySelectorAll('#portfolio h3')].map((h3) => h3.id);
    expect(parts).toEqual(['overlaps-h', 'funding-h', 'obligations-h', 'payback-h']);
  });

  it('shows each overlapping group with its projects, organisations, periods, budget and national development', () => {
    const groups = overlappingDevelopment(sample);
    const articles = [...page.querySelectorAll('#portfolio article.overlap-group')];
    expect(articles.map((article) => article.getAttribute('data-subject'))).toEqual(
      groups.map((group) => group.subject.id),
    );
    for (const [index, group] of groups.entries()) {
      const article = articles[index];
      const rows = [...(article?.querySelectorAll('tbody tr') ?? [])];
      expect(rows.map((row) => row.getAttribute('data-project'))).toEqual(group.projects);
      // The combined budget, added up here from the projects' own figures.
      const combined = group.projects.reduce((sum, id) => sum + budgetCents(sample.project(id) as Project), 0);
      expect(centsOf(article?.querySelector('tfoot td'))).toBe(combined);
      expect(article?.querySelector('tfoot td')?.textContent).toBe(wholeEuros('en-GB', combined));
      expect(article?.getAttribute('data-national')).toBe(String(group.nationalExists));
      for (const row of rows) {
        const project = sample.project(row.getAttribute('data-project') as string) as Project;
        expect(row.querySelector('th')?.textContent).toBe(sample.nameOf(project.id, 'en'));
        const cells = row.querySelectorAll('td');
        for (const implementer of project.implementers ?? [])
          expect(cells[0]?.textContent).toContain(sample.nameOf(implementer, 'en'));
        expect(cells[1]?.textContent).toBe(`${project.start} – ${project.end ?? 'open'}`);
      }
    }
    // The invented overlapping projects: identity management with national development, web platforms without.
    const iam = page.querySelector('#portfolio article[data-subject="theme-iam"]');
    expect([...(iam?.querySelectorAll('tbody tr') ?? [])].map((row) => row.getAttribute('data-project'))).toEqual([
      'lappi-iam',
      'pop-iam-project',
    ]);
    expect(iam?.querySelector('.national')?.textContent).toContain('National identity and access management service');
    const web = page.querySelector('#portfolio article[data-subject="theme-web-platforms"]');
    expect(web?.getAttribute('data-national')).toBe('false');
    expect(web?.querySelector('.national')?.textContent).toContain('a candidate for joint or national development');
  });

  it('shows POP-IT with its record: implementers, period and 20,000 € from its budget lines', () => {
    const popIt = sample.project('pop-it') as Project;
    const lines = (popIt.budget?.lines ?? []).reduce((sum, line) => sum + Math.round(line.amount * 100), 0);
    const row = page.querySelector(
      '#portfolio article[data-subject="theme-ict-preparation"] tr[data-project="pop-it"]',
    );
    expect(row?.querySelector('th')?.textContent).toBe('POP-IT');
    expect(row?.querySelector('th span')?.getAttribute('title')).toBe('pop-it');
    expect(centsOf(row?.querySelector('td.num'))).toBe(lines);
    expect(row?.querySelector('td.num')?.textContent).toBe(wholeEuros('en-GB', lines));
    expect(fi.querySelector('tr[data-project="pop-it"] td.num')?.textContent).toBe(wholeEuros('fi-FI', lines));
    // Lapland's preparation has no money figure in its record: unknown, not 0 €.
    const lapland = sample.project('lappi-ict-preparation') as Project;
    expect(lapland.budget === undefined && (lapland.funding ?? []).length === 0).toBe(true);
    expect(page.querySelector('tr[data-project="lappi-ict-preparation"] td.num')?.textContent).toBe('unknown');
    for (const name of ['Kalajoki', 'Raahe', 'City of Oulu'])
      expect(row?.querySelectorAll('td')[0]?.textContent).toContain(name);
  });

  it('totals the funding by funder, to the cent, as added up here from the projects', () => {
    const expected = new Map<string | null, number>();
    for (const project of live)
      for (const [funder, cents] of funderCents(project)) expected.set(funder, (expected.get(funder) ?? 0) + cents);
    const total = live.reduce((sum, project) => sum + budgetCents(project), 0);
    const rows = [...page.querySelectorAll('#funding-by-funder tbody tr')];
    const shown = new Map(rows.map((row) => [row.getAttribute('data-funder'), centsOf(row.querySelector('td.num'))]));
    expect(shown).toEqual(new Map([...expected].filter(([, cents]) => cents > 0).map(([id, c]) => [id ?? '', c])));
    // Largest first.
    const amounts = rows.map((row) => centsOf(row.querySelector('td.num')));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(centsOf(page.querySelector('#funding-by-funder tfoot td.num'))).toBe(total);
    expect(centsOf(page.querySelector('#funding-by-funder tfoot td.num'))).toBe(
      [...expected.values()].reduce((a, b) => a + b, 0),
    );
    const erdf = expected.get('erdf') as number;
    expect(page.querySelector('#funding-by-funder tr[data-funder="erdf"] td.num')?.textContent).toBe(
      wholeEuros('en-GB', erdf),
    );
    expect(fi.querySelector('#funding-by-funder tr[data-funder="erdf"] td.num')?.textContent).toBe(
      wholeEuros('fi-FI', erdf),
    );
    expect(page.querySelector('#funding-by-funder tr[data-funder="erdf"] td:last-child')?.textContent).toBe(
      new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 2 }).format(
        Math.round((erdf * 10_000) / total) / 10_000,
      ),
    );
    expect(fi.querySelector('#funding-by-funder tr[data-funder="erdf"] th')?.textContent).toBe(
      'Euroopan aluekehitysrahasto (EAKR)',
    );
    // The chart has one bar per funder.
    expect(page.querySelectorAll('#chart-funders svg g[aria-label="bar"] rect')).toHaveLength(rows.length);
    expect(page.querySelector('[data-kpi="portfolio-budget"] .kpi-value')?.textContent).toBe(
      wholeEuros('en-GB', total),
    );
  });

  it('totals the funding by organisation with its own share, each budget split equally among implementers', () => {
    const expected = new Map<string, { total: number; own: number }>();
    for (const project of live) {
      const implementers = project.implementers ?? [];
      if (implementers.length === 0) continue;
      const budget = budgetCents(project);
      const own = [...funderCents(project)]
        .filter(([funder]) => funder !== null && sample.organisation(funder) !== undefined)
        .reduce((sum, [, cents]) => sum + cents, 0);
      for (const id of implementers) {
        // The sample's budgets divide evenly among their implementers, so no cent needs placing here.
        expect(Number.isInteger(budget / implementers.length)).toBe(true);
        const entry = expected.get(id) ?? { total: 0, own: 0 };
        entry.total += budget / implementers.length;
        entry.own += budget === 0 ? 0 : (own * (budget / implementers.length)) / budget;
        expected.set(id, entry);
      }
    }
    const rows = [...page.querySelectorAll('#funding-by-organisation tbody tr')];
    const withMoney = [...expected].filter(([, entry]) => entry.total > 0);
    expect(rows).toHaveLength(withMoney.length);
    for (const [id, entry] of withMoney) {
      const row = page.querySelector(`#funding-by-organisation tr[data-organisation="${id}"]`);
      const cells = row?.querySelectorAll('td') ?? [];
      expect(centsOf(cells[0]), id).toBe(entry.total);
      expect(centsOf(cells[1]), id).toBe(Math.round(entry.own));
      expect(centsOf(cells[0]) - centsOf(cells[1])).toBe(centsOf(cells[2]) + centsOf(cells[3]));
    }
    // Kalajoki implements only POP-IT: a fifth of it, of which Oulu's 12.5 % is the organisations' own money.
    const kalajoki = page.querySelector('#funding-by-organisation tr[data-organisation="kalajoki"]');
    expect(kalajoki?.querySelectorAll('td')[4]?.textContent).toBe('12.5%');
    expect(page.querySelectorAll('#chart-organisations svg g[aria-label="bar"] rect').length).toBeGreaterThanOrEqual(
      rows.length,
    );
  });

  it('lists the systems an obligation reaches, with the date, applying or upcoming on the report date', () => {
    const expected = obligations(sample, { asOf });
    const rows = [...page.querySelectorAll('#obligations-table tbody tr')];
    expect(rows.map((row) => row.getAttribute('data-system'))).toEqual(expected.map((entry) => entry.system));
    expect(expected.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.getAttribute('data-applies')).toBe('true');
      expect(row.querySelector('td.date')?.textContent).toBe(sample.offering('vimana-iam')?.obligation?.from);
    }
    const before = parse(toHtmlReport(sample, { lang: 'en', asOf: '2019-01-01', diagrams: false }));
    for (const row of before.querySelectorAll('#obligations-table tbody tr')) {
      expect(row.getAttribute('data-applies')).toBe('false');
      expect(row.textContent).toContain('upcoming');
    }
    expect(page.querySelector('#obligation-bases dd')?.textContent).toContain('INVENTED');
  });

  it('sets the cost of projects that deliver harmonisation against their yearly savings', () => {
    const expected = projectPayback(sample);
    const rows = [...page.querySelectorAll('#payback-table tbody tr')];
    expect(new Set(rows.map((row) => row.getAttribute('data-project')))).toEqual(
      new Set(expected.map((entry) => entry.project)),
    );
    for (const row of rows) {
      const project = sample.project(row.getAttribute('data-project') as string) as Project;
      expect(centsOf(row.querySelector('td.num'))).toBe(budgetCents(project));
    }
    // Shortest payback first, unknown last.
    const years = rows.map((row) => row.querySelector('td[data-years]')?.getAttribute('data-years'));
    const known = years.filter((value) => value !== '').map(Number);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(years.slice(known.length).every((value) => value === '')).toBe(true);
    const oulu = page.querySelector('#payback-table tr[data-project="oulu-case-management"]');
    const cost = budgetCents(sample.project('oulu-case-management') as Project);
    const savings = centsOf(oulu?.querySelectorAll('td.num')[1]);
    expect(oulu?.querySelector('td[data-years]')?.textContent).toBe(
      new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(Math.round((cost * 100) / savings) / 100),
    );
  });

  it('writes amounts that are not whole euros with their cents', () => {
    const model = Model.load(portfolioRegion());
    const document = parse(toHtmlReport(model, { lang: 'fi', asOf: '2019-06-01', diagrams: false }));
    // POP-IT's 20,000 € among three implementers: 6,666.67 to Oulu (ties go to the earlier id), plus Oulu's own
    // project of 100,000.30 €.
    const oulu = document.querySelector('#funding-by-organisation tr[data-organisation="oulu"] td');
    expect(centsOf(oulu)).toBe(666_667 + 10_000_030);
    expect(oulu?.textContent).toBe(
      new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(
        (666_667 + 10_000_030) / 100,
      ),
    );
  });

  it('is left out, with its contents entry, when the model has no portfolio', () => {
    const plain = parse(toHtmlReport(Model.load(smallRegion()), { lang: 'en', asOf, diagrams: false }));
    expect(plain.getElementById('portfolio')).toBeNull();
    expect(plain.querySelector('nav.toc a[href="#portfolio"]')).toBeNull();
    // Themes and funders alone are catalogues: nothing to report.
    const catalogues = Model.load({
      ...smallRegion(),
      themes: [{ id: 'iam', name: 'IAM' }],
      funders: [{ id: 'erdf', name: 'ERDF' }],
    });
    expect(parse(toHtmlReport(catalogues, { asOf, diagrams: false })).getElementById('portfolio')).toBeNull();
  });

  it('says each part is empty when the portfolio has nothing for it', () => {
    const document = portfolioRegion();
    const model = Model.load({ ...document, projects: [] });
    const page = parse(toHtmlReport(model, { lang: 'en', asOf: '2018-06-01', diagrams: false }));
    expect(page.querySelector('nav.toc a[href="#portfolio"]')).not.toBeNull();
    expect(page.querySelectorAll('#portfolio article.overlap-group')).toHaveLength(0);
    expect(page.querySelector('#overlaps-h + p + p')?.textContent).toBe('None.');
    expect(page.getElementById('funding-by-funder')).toBeNull();
    // The obligation is still to come on the report's date, the systems it reaches are listed as upcoming.
    expect(page.querySelectorAll('#obligations-table tr[data-applies="false"]')).toHaveLength(
      obligations(model, { asOf: '2018-06-01' }).length,
    );
    expect(page.querySelector('#payback-h + p + p')?.textContent).toBe('None.');
  });

  it('covers only the scope’s projects, with the overlapping ones elsewhere', () => {
    const page = parse(toHtmlReport(sample, { lang: 'en', asOf, scope: 'lappi', diagrams: false }));
    const groups = overlappingDevelopment(sample, { scope: 'lappi' });
    expect(page.querySelectorAll('#portfolio article.overlap-group')).toHaveLength(groups.length);
    expect(centsOf(page.querySelector('#funding-by-funder tfoot td.num'))).toBe(
      fundingSummary(sample, { by: 'funder', scope: 'lappi' }).cents,
    );
  });
});
