import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  compareScenarios,
  harmonisationCandidates,
  KarttaError,
  lint,
  Model,
  parallelSystems,
  planMigration,
  type KarttaDocumentInput,
} from '../src/index.js';
import { toHtmlReport } from '../src/report/index.js';
import { smallRegion } from './fixtures.js';

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
    for (const id of ['overview', 'landscapes', 'harmonisation', 'parallel', 'migration', 'findings'])
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
