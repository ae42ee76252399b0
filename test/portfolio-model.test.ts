import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from '../scripts/json-schema.js';
import { Model, ModelValidationError, type Issue } from '../src/index.js';
import { allocate, formatEuros, toCents } from '../src/portfolio/money.js';
import { hasAtMostTwoDecimals } from '../src/schema/portfolio.js';
import { PROTOTYPE_NAMES, sampleDocument } from './hostile.js';
import { portfolioRegion } from './portfolio-support.js';
import { smallRegion } from './fixtures.js';

type Doc = ReturnType<typeof portfolioRegion>;

function issuesOf(doc: unknown): Issue[] {
  const result = Model.safeLoad(doc);
  return result.ok ? [] : [...result.issues];
}

/** The issues of the portfolio region after `breakIt`, as `code at path` lines. */
function broken(breakIt: (doc: Doc) => void): string[] {
  const doc = portfolioRegion();
  breakIt(doc);
  return issuesOf(doc).map((issue) => `${issue.code} at ${issue.path.join('.')}`);
}

describe('the portfolio in the format', () => {
  it('loads a document with themes, funders, offerings and projects', () => {
    expect(issuesOf(portfolioRegion())).toEqual([]);
  });

  it('keeps documents without a portfolio valid, and writes them with the six collections as before', () => {
    const doc = sampleDocument();
    for (const key of ['themes', 'funders', 'offerings', 'projects']) delete doc[key];
    const model = Model.load(doc);
    const six = [
      'format',
      'name',
      'description',
      'products',
      'organisations',
      'services',
      'systems',
      'integrations',
      'relations',
      'x',
    ];
    expect(Object.keys(model.toJSON())).toEqual(six);
    expect(Object.keys(Model.load(smallRegion()).toJSON())).toEqual(
      six.filter((key) => key !== 'description' && key !== 'x'),
    );
    expect(Model.load(model.toJSONText()).toJSONText()).toBe(model.toJSONText());
  });

  it('writes the portfolio sorted by id, keeps list order, and reads back byte for byte', () => {
    const doc = portfolioRegion();
    doc.projects.reverse();
    const model = Model.load(doc);
    const json = model.toJSON();
    expect(json.projects?.map((p) => p.id)).toEqual(['lappi-case', 'national-iam', 'pop-case', 'pop-it']);
    expect(json.projects?.[3]?.funding?.map((f) => f.funder)).toEqual(['erdf', 'oulu', 'pop-council']);
    expect(Object.keys(json)).toEqual([
      'format',
      'name',
      'products',
      'organisations',
      'services',
      'systems',
      'integrations',
      'relations',
      'themes',
      'funders',
      'offerings',
      'projects',
    ]);
    expect(Model.load(model.toJSONText()).toJSONText()).toBe(model.toJSONText());
  });

  it('the published JSON Schema accepts the portfolio and the sample, and refuses a bad project', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(buildJsonSchema());
    expect(validate(portfolioRegion()), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(sampleDocument())).toBe(true);
    const cases: [string, (doc: Doc) => void][] = [
      ['unknown project field', (doc) => (doc.projects[0].colour = 'red')],
      ['bad status', (doc) => (doc.projects[0].status = 'done')],
      ['missing start', (doc) => delete doc.projects[0].start],
      ['three decimals', (doc) => (doc.projects[0].budget.total = 1.005)],
      ['share above 100', (doc) => (doc.projects[0].funding[0].share = 170)],
      ['offering without services', (doc) => (doc.offerings[0].services = [])],
    ];
    for (const [label, breakIt] of cases) {
      const doc = portfolioRegion();
      breakIt(doc);
      expect(validate(doc), label).toBe(false);
    }
  });

  it('reads projects, themes, funders and offerings by id, sorted, with names', () => {
    const model = Model.load(portfolioRegion());
    expect(model.projects().map((p) => p.id)).toEqual(['lappi-case', 'national-iam', 'pop-case', 'pop-it']);
    expect(model.project('pop-it')?.budget?.total).toBe(20000);
    expect(model.project('case')).toBeUndefined();
    expect(model.themes().map((t) => t.id)).toEqual(['case', 'iam']);
    expect(model.theme('case')?.id).toBe('case');
    expect(model.funders().map((f) => f.id)).toEqual(['erdf']);
    expect(model.funder('erdf')?.name).toBe('ERDF');
    expect(model.funder('oulu')).toBeUndefined();
    expect(model.offerings().map((o) => o.id)).toEqual(['national-case']);
    expect(model.offering('national-case')?.obligation?.from).toBe('2019-01-01');
    expect(model.portfolioItem('iam')?.kind).toBe('theme');
    expect(model.portfolioItem('oulu')).toBeUndefined();
    expect(model.nameOf('case', 'en')).toBe('Case management');
    expect(model.nameOf('pop-it')).toBe('POP-IT');
    expect(Object.isFrozen(model.projects())).toBe(true);
    expect(Object.isFrozen(model.project('pop-it'))).toBe(true);
    const empty = Model.load({ format: 'kartta/1', name: 'X' });
    expect([empty.projects(), empty.themes(), empty.funders(), empty.offerings()]).toEqual([[], [], [], []]);
    expect(empty.project(42 as never)).toBeUndefined();
  });
});

describe('portfolio validation: every rule, for success and failure', () => {
  it('dates: a project may not end before it starts; an obligation may not start before the offering', () => {
    expect(broken((doc) => (doc.projects[0].end = '2017-02-13'))).toEqual([]);
    expect(broken((doc) => delete doc.projects[0].end)).toEqual([]);
    expect(broken((doc) => (doc.projects[0].end = '2017-02-12'))).toEqual(['date.order at projects.0.end']);
    expect(broken((doc) => (doc.projects[0].end = '2016-12-31'))).toEqual([
      'date.order at projects.0.end',
      'budget.year-outside at projects.0.budget.lines.0.year',
      'budget.year-outside at projects.0.budget.lines.1.year',
      'budget.year-outside at projects.0.budget.lines.2.year',
    ]);
    expect(broken((doc) => (doc.offerings[0].obligation.from = '2018-06-01'))).toEqual([]);
    expect(broken((doc) => (doc.offerings[0].obligation.from = '2018-05-31'))).toEqual([
      'date.order at offerings.0.obligation.from',
    ]);
    expect(broken((doc) => (doc.projects[0].start = '2017-02-30'))).toEqual(['date.invalid at projects.0.start']);
  });

  it('budget: lines add up to the total, to the cent, and fall within the project years', () => {
    expect(broken((doc) => (doc.projects[0].budget.total = 20000.0))).toEqual([]);
    expect(broken((doc) => (doc.projects[0].budget.total = 20000.01))).toEqual([
      'budget.sum at projects.0.budget.total',
    ]);
    // In floating point 0.1 + 0.2 is not 0.3; in cents it is.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(
      broken(
        (doc) =>
          (doc.projects[0].budget = {
            total: 0.3,
            lines: [
              { year: 2017, category: 'a', amount: 0.1 },
              { year: 2017, category: 'b', amount: 0.2 },
            ],
          }),
      ),
    ).toEqual([]);
    const issue = issuesOf(
      ((doc) => {
        doc.projects[0].budget.total = 20000.01;
        return doc;
      })(portfolioRegion()),
    )[0];
    expect(issue?.message).toBe('the budget lines add up to 20,000.00 €, not the total 20,000.01 € (-0.01 €)');
    expect(broken((doc) => (doc.projects[0].budget.lines[1].year = 2018))).toEqual([
      'budget.year-outside at projects.0.budget.lines.1.year',
    ]);
    expect(broken((doc) => (doc.projects[0].budget = { total: 5 }))).toEqual([]);
    expect(broken((doc) => (doc.projects[0].budget = { lines: [] }))).toEqual([]);
  });

  it('money: euros with at most two decimals, not negative, not absurdly large', () => {
    // A budget with a bad amount is not summed: its total is unknown, so nothing more is said about it.
    expect(broken((doc) => (doc.projects[0].budget.lines[0].amount = 4032.001))).toEqual([
      'amount.invalid at projects.0.budget.lines.0.amount',
    ]);
    expect(broken((doc) => (doc.projects[0].budget.total = -1))).toEqual([
      'number.negative at projects.0.budget.total',
    ]);
    expect(broken((doc) => (doc.projects[0].budget.total = 1e13))).toEqual([
      'number.too-large at projects.0.budget.total',
    ]);
    expect(broken((doc) => (doc.projects[0].budget.total = '20000'))).toEqual([
      'type.invalid at projects.0.budget.total',
    ]);
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(false);
    expect(hasAtMostTwoDecimals(0.3)).toBe(true);
    expect(hasAtMostTwoDecimals(1e12)).toBe(true);
    expect(hasAtMostTwoDecimals(Number.NaN)).toBe(false);
  });

  it('funding shares add up to 100 % exactly; amounts to the budget total, to the cent', () => {
    // 70 + 12.5 + 17.5 in floating point is 100 only by luck; in hundredths of a percent it is exact.
    expect(
      broken(
        (doc) =>
          (doc.projects[0].funding = [
            { funder: 'erdf', share: 33.33 },
            { funder: 'oulu', share: 66.67 },
          ]),
      ),
    ).toEqual([]);
    expect(broken((doc) => (doc.projects[0].funding[2].share = 17.49))).toEqual([
      'funding.share-sum at projects.0.funding',
    ]);
    expect(issuesOf(((d: Doc) => ((d.projects[0].funding[2].share = 17.49), d))(portfolioRegion()))[0]?.message).toBe(
      'the funding shares add up to 99.99 %, not 100 %',
    );
    // pop-case: lines 100,000.10 + 0.20, funding 60,000.30 + 40,000.
    expect(broken((doc) => (doc.projects[1].funding[1].amount = 39999.99))).toEqual([
      'funding.amount-sum at projects.1.funding',
    ]);
    expect(broken((doc) => (doc.projects[1].funding[1].share = 10))).toEqual([
      'funding.share-or-amount at projects.1.funding.1',
    ]);
    expect(broken((doc) => delete doc.projects[1].funding[1].amount)).toEqual([
      'funding.share-or-amount at projects.1.funding.1',
    ]);
    expect(broken((doc) => (doc.projects[1].funding[1] = { funder: 'erdf', share: 40 }))).toEqual([
      'funding.mixed at projects.1.funding',
    ]);
    expect(broken((doc) => (doc.projects[0].funding[1].share = 0))).toEqual([
      'share.invalid at projects.0.funding.1.share',
    ]);
    expect(broken((doc) => (doc.projects[0].funding[1].share = 12.555))).toEqual([
      'share.invalid at projects.0.funding.1.share',
    ]);
    // Amounts without a budget: nothing to compare them with.
    expect(broken((doc) => delete doc.projects[1].budget)).toEqual([]);
    expect(broken((doc) => (doc.projects[0].funding[1].funder = 'erdf'))).toEqual([
      'funding.duplicate at projects.0.funding.1.funder',
    ]);
  });

  it('references: funders are organisations or external funders; implementers organisations; themes themes', () => {
    expect(broken((doc) => (doc.projects[0].funding[0].funder = 'nowhere'))).toEqual([
      'reference.missing at projects.0.funding.0.funder',
    ]);
    expect(broken((doc) => (doc.projects[0].funding[0].funder = 'case-management'))).toEqual([
      'reference.kind at projects.0.funding.0.funder',
    ]);
    expect(broken((doc) => (doc.projects[0].implementers[0] = 'erdf'))).toEqual([
      'reference.kind at projects.0.implementers.0',
    ]);
    expect(broken((doc) => (doc.projects[0].implementers[1] = 'oulu'))).toEqual([
      'reference.duplicate at projects.0.implementers.1',
    ]);
    expect(broken((doc) => (doc.projects[0].themes = ['case', 'nowhere', 'oulu']))).toEqual([
      'reference.missing at projects.0.themes.1',
      'reference.kind at projects.0.themes.2',
    ]);
    expect(
      broken(
        (doc) =>
          (doc.projects[1].deliverables = {
            systems: ['identity'],
            services: ['dynasty-oulu'],
            integrations: ['x'],
            products: ['oulu'],
          }),
      ),
    ).toEqual([
      'reference.kind at projects.1.deliverables.systems.0',
      'reference.kind at projects.1.deliverables.services.0',
      'reference.missing at projects.1.deliverables.integrations.0',
      'reference.kind at projects.1.deliverables.products.0',
    ]);
    expect(broken((doc) => (doc.offerings[0].provider = 'oulu'))).toEqual([
      'offering.provider-kind at offerings.0.provider',
    ]);
    expect(broken((doc) => (doc.offerings[0].provider = 'case'))).toEqual(['reference.kind at offerings.0.provider']);
    expect(broken((doc) => (doc.offerings[0].services = ['case-management', 'identity', 'gone']))).toEqual([
      'reference.missing at offerings.0.services.2',
    ]);
    expect(broken((doc) => (doc.organisations[6].kind = 'company'))).toEqual([]);
  });

  it('ids are unique across the whole document, portfolio included', () => {
    expect(broken((doc) => (doc.projects[2].id = 'pop-it'))).toEqual(['id.duplicate at projects.2.id']);
    expect(broken((doc) => (doc.themes[1].id = 'oulu'))).toEqual([
      'id.duplicate at themes.1.id',
      'reference.missing at projects.3.themes.0',
    ]);
    expect(
      broken((doc) => {
        doc.funders[0].id = 'case';
        doc.projects[0].funding[0].funder = 'case';
      }),
    ).toEqual([
      'id.duplicate at funders.0.id',
      'reference.kind at projects.0.funding.0.funder',
      'reference.missing at projects.1.funding.1.funder',
    ]);
  });

  it('names every problem in one pass, even in a project whose shape is wrong', () => {
    const lines = broken((doc) => {
      doc.projects[0].status = 'done';
      doc.projects[0].end = '2016-01-01';
      doc.projects[0].funding[0].funder = 'nowhere';
      doc.projects[1].budget.lines[0].amount = 1.001;
      doc.projects[2].implementers = ['case'];
    });
    expect(lines).toEqual([
      'value.invalid at projects.0.status',
      'date.order at projects.0.end',
      'budget.year-outside at projects.0.budget.lines.0.year',
      'budget.year-outside at projects.0.budget.lines.1.year',
      'budget.year-outside at projects.0.budget.lines.2.year',
      'reference.missing at projects.0.funding.0.funder',
      'amount.invalid at projects.1.budget.lines.0.amount',
      'reference.kind at projects.2.implementers.0',
    ]);
  });

  it('an edit that removes what a project refers to fails, and the model stays as it was', () => {
    const model = Model.load(portfolioRegion());
    let error: unknown;
    try {
      model.edit((doc) => {
        doc.systems = doc.systems.filter((s) => s.id !== 'dynasty-oulu');
        doc.relations = doc.relations.filter((r) => r.from !== 'dynasty-oulu' && r.to !== 'dynasty-oulu');
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelValidationError);
    expect((error as ModelValidationError).issues.map((i) => `${i.code} at ${i.path.join('.')}`)).toEqual([
      'reference.missing at projects.1.deliverables.systems.0',
    ]);
    expect(model.system('dynasty-oulu')).toBeDefined();
    const { model: next, inversePatches } = model.edit((doc) => {
      doc.projects![0]!.status = 'cancelled';
      doc.projects!.push({ id: 'new', name: 'New', status: 'proposed', start: '2020-01-01', themes: ['iam'] });
    });
    expect(next.project('pop-it')?.status).toBe('cancelled');
    expect(next.project('new')?.themes).toEqual(['iam']);
    expect(next.applyPatches(inversePatches).toJSONText()).toBe(model.toJSONText());
    expect(() => next.edit((doc) => void (doc.projects![0]!.start = '2030-01-01'))).toThrow(ModelValidationError);
  });
});

describe('portfolio laws', () => {
  it('the order of collections, projects and funding lines does not change what is found', () => {
    const bad = (): Doc => {
      const doc = portfolioRegion();
      doc.projects[0].funding[2].share = 10;
      doc.projects[1].implementers = ['nowhere'];
      doc.projects[2].end = '2018-01-01';
      return doc;
    };
    const canonical = (issues: Issue[], doc: Doc) =>
      issues
        .map(
          (issue) =>
            `${issue.code} ${String(doc[issue.path[0] as string][issue.path[1] as number]?.id)} ${issue.path.slice(2).join('.')}`,
        )
        .sort();
    const base = bad();
    const expected = canonical(issuesOf(base), base);
    expect(expected.length).toBe(3);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (keys) => {
        const doc = bad();
        const order = (list: unknown[], key: number) =>
          list
            .map((item, i) => ({ item, k: (i * 7919 + key) % 101 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.item);
        doc.projects = order(doc.projects, keys[0] ?? 0);
        doc.themes = order(doc.themes, keys[1] ?? 0);
        doc.organisations = order(doc.organisations, keys[2] ?? 0);
        const issues = issuesOf(doc);
        expect(canonical(issues, doc)).toEqual(expected);
        const good = portfolioRegion();
        good.projects = order(good.projects, keys[3] ?? 0);
        for (const project of good.projects)
          if (project.funding) project.funding = order(project.funding, keys[4] ?? 0);
        expect(Model.load(good).toJSONText().length).toBe(Model.load(portfolioRegion()).toJSONText().length);
      }),
      { numRuns: 30 },
    );
  });

  it('prototype member names work as ids of themes, funders, offerings and projects', () => {
    for (const name of PROTOTYPE_NAMES) {
      const doc = portfolioRegion();
      doc.themes[0].id = name;
      for (const project of doc.projects) if (project.themes?.[0] === 'case') project.themes[0] = name;
      doc.offerings[0].themes = [name];
      doc.funders[0].id = `${name}-fund`;
      doc.projects[0].funding[0].funder = `${name}-fund`;
      doc.projects[1].funding[1].funder = `${name}-fund`;
      doc.projects[0].id = `${name}`.length > 0 ? `${name}!` : 'x';
      const model = Model.load(doc);
      expect(model.theme(name)?.id, name).toBe(name);
      expect(model.portfolioItem(name)?.kind).toBe('theme');
      expect(model.project(`${name}!`)?.funding?.[0]?.funder).toBe(`${name}-fund`);
      expect(model.project(name)).toBeUndefined();
      expect(model.funder(name)).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('money: cents are exact, and allocate splits a total exactly by weights', () => {
    expect(toCents(4032.5)).toBe(403250);
    expect(toCents(1e12)).toBe(1e14);
    expect(formatEuros(2_000_000)).toBe('20,000.00 €');
    expect(formatEuros(-5)).toBe('-0.05 €');
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(2_000_000, [7000, 1250, 1750])).toEqual([1_400_000, 250_000, 350_000]);
    expect(allocate(5, [0, 0])).toEqual([0, 0]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e14 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(sum === 0 ? 0 : total);
          parts.forEach((part, i) => {
            expect(Number.isInteger(part)).toBe(true);
            if (sum > 0) expect(Math.abs(part - (total * (weights[i] as number)) / sum)).toBeLessThan(1 + 1e-6 * total);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
