import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Model,
  OptionError,
  QueryError,
  fundingSummary,
  lint,
  obligations,
  overlappingDevelopment,
  projectPayback,
  reasonCodes,
} from '../src/index.js';
import { PROTOTYPE_NAMES } from './hostile.js';
import { portfolioRegion } from './portfolio-support.js';

const model = Model.load(portfolioRegion());

describe('overlappingDevelopment', () => {
  it('finds the Oulu and Lapland case-management projects on one theme, one product and one service', () => {
    const groups = overlappingDevelopment(model);
    expect(groups.map((g) => [g.subject.kind, g.subject.id, g.projects, g.nationalExists])).toEqual([
      ['theme', 'case', ['lappi-case', 'pop-case'], true],
      ['product', 'dynasty', ['lappi-case', 'pop-case'], false],
      ['service', 'case-management', ['lappi-case', 'pop-case'], true],
    ]);
    const theme = groups[0]!;
    expect(theme.subject.name).toBe('Asianhallinta');
    expect(theme.organisations).toEqual(['oulu', 'rovaniemi']);
    expect(theme.regions).toEqual(['lappi', 'pop']);
    expect([theme.start, theme.end]).toEqual(['2018-01-01', '2019-12-31']);
    expect(theme.overlap).toEqual({ start: '2018-09-01', end: '2019-06-30' });
    // 100,000.30 + 50,000 (hand-checked): Oulu 60,000.30, Rovaniemi 50,000, ERDF 40,000.
    expect(theme.cents).toBe(15_000_030);
    expect(theme.euros).toBe(150000.3);
    expect(theme.funders.map((f) => [f.funder, f.kind, f.cents])).toEqual([
      ['oulu', 'organisation', 6_000_030],
      ['rovaniemi', 'organisation', 5_000_000],
      ['erdf', 'external', 4_000_000],
    ]);
    expect(theme.offerings).toEqual(['national-case']);
    expect(theme.national).toEqual([]);
    expect(theme.reasons.map((r) => r.code)).toEqual([
      'overlap.same-subject',
      'overlap.periods',
      'overlap.national-exists',
    ]);
    expect(theme.reasons[1]?.message).toBe(
      'they run at the same time from 2018-09-01 to 2019-06-30, with 150,000.30 € between them',
    );
    expect(groups[1]?.reasons[2]?.code).toBe('overlap.no-national');
    expect(theme.names.find((n) => n.id === 'rovaniemi')?.name).toBe('Rovaniemi');
  });

  it('does not group projects that share an implementer, do not overlap in time, or are national', () => {
    const doc = portfolioRegion();
    doc.projects[2].implementers = ['rovaniemi', 'oulu'];
    expect(overlappingDevelopment(Model.load(doc))).toEqual([]);
    const apart = portfolioRegion();
    apart.projects[2].start = '2019-07-01';
    expect(overlappingDevelopment(Model.load(apart))).toEqual([]);
    const national = portfolioRegion();
    national.projects[2].level = 'national';
    expect(overlappingDevelopment(Model.load(national))).toEqual([]);
    const cancelled = portfolioRegion();
    cancelled.projects[2].status = 'cancelled';
    expect(overlappingDevelopment(Model.load(cancelled))).toEqual([]);
    expect(overlappingDevelopment(Model.load(cancelled), { includeCancelled: true })).toHaveLength(3);
  });

  it('says when a national project on the theme exists, and keeps to a scope', () => {
    const doc = portfolioRegion();
    doc.projects[3].themes = ['case'];
    const groups = overlappingDevelopment(Model.load(doc));
    expect(groups[0]?.national).toEqual(['national-iam']);
    expect(groups[0]?.reasons[2]?.message).toContain("'national-iam' (National identity management)");
    // Scoped to Lapland: the Lapland project is in scope, and it overlaps with Oulu's.
    expect(overlappingDevelopment(model, { scope: 'lappi' })).toHaveLength(3);
    expect(() => overlappingDevelopment(model, { scope: 'nowhere' })).toThrow(QueryError);
    expect(() => overlappingDevelopment(model, { scpe: 'pop' } as never)).toThrow(OptionError);
  });

  it('does not depend on the order of projects or implementers', () => {
    const expected = JSON.stringify(overlappingDevelopment(model));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const doc = portfolioRegion();
        doc.projects.sort(
          (a: { id: string }, b: { id: string }) => ((a.id.length * seed) % 7) - ((b.id.length * seed) % 7),
        );
        if (seed % 2) doc.projects.reverse();
        for (const p of doc.projects) p.implementers?.reverse();
        expect(JSON.stringify(overlappingDevelopment(Model.load(doc)))).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });
});

describe('fundingSummary', () => {
  it('by funder: POP-IT’s 70 / 12.5 / 17.5 % and the amounts, exact to the cent', () => {
    const summary = fundingSummary(model, { by: 'funder' });
    expect(summary.cents).toBe(17_000_030);
    expect(summary.groups.map((g) => [g.key, g.cents, g.projects])).toEqual([
      ['erdf', 5_400_000, ['pop-case', 'pop-it']],
      ['oulu', 6_250_030, ['pop-case', 'pop-it']],
      ['pop-council', 350_000, ['pop-it']],
      ['rovaniemi', 5_000_000, ['lappi-case']],
    ]);
    expect(summary.groups[0]?.externalCents).toBe(5_400_000);
    expect(summary.groups[1]?.ownCents).toBe(6_250_030);
    expect(summary.groups[1]?.name).toBe('Oulu');
  });

  it('by organisation: budgets split equally among implementers, then by funder in proportion', () => {
    const summary = fundingSummary(model, { by: 'organisation' });
    const oulu = summary.groups.find((g) => g.key === 'oulu')!;
    // POP-IT 2,000,000 cents among oulu, pop-council, raahe: 666,667 + 666,667 + 666,666; pop-case 10,000,030.
    expect(oulu.cents).toBe(10_666_697);
    expect(oulu.funders.map((f) => [f.funder, f.cents])).toEqual([
      ['oulu', 6_083_363],
      ['erdf', 4_466_667],
      ['pop-council', 116_667],
    ]);
    expect([oulu.ownCents, oulu.externalCents, oulu.unfundedCents]).toEqual([6_200_030, 4_466_667, 0]);
    expect(summary.groups.map((g) => [g.key, g.cents])).toEqual([
      ['oulu', 10_666_697],
      ['pop-council', 666_667],
      ['raahe', 666_666],
      ['rovaniemi', 5_000_000],
      ['vrk', 0],
    ]);
  });

  it('by year: budget lines, or the budget spread over the days of each year', () => {
    const summary = fundingSummary(model, { by: 'year' });
    // lappi-case: 122 days in 2018 and 365 in 2019 of 5,000,000 cents: 1,252,566.7 and 3,747,433.3, largest remainder.
    expect(summary.groups.map((g) => [g.key, g.cents])).toEqual([
      ['2017', 2_000_000],
      ['2018', 10_000_010 + 1_252_567],
      ['2019', 20 + 3_747_433],
    ]);
  });

  it('by theme and portfolio; every grouping adds up to the same total; unfunded money is named', () => {
    const doc = portfolioRegion();
    doc.projects[2].funding = undefined;
    doc.projects[0].themes = ['case', 'iam'];
    const m = Model.load(doc);
    for (const by of ['funder', 'organisation', 'year', 'theme', 'portfolio'] as const) {
      const summary = fundingSummary(m, { by });
      expect(
        summary.groups.reduce((sum, g) => sum + g.cents, 0),
        by,
      ).toBe(summary.cents);
      for (const g of summary.groups)
        expect(
          g.funders.reduce((s, f) => s + f.cents, 0),
          `${by} ${g.key}`,
        ).toBe(g.cents);
    }
    const theme = fundingSummary(m, { by: 'theme' });
    expect(theme.groups.map((g) => [g.key, g.cents])).toEqual([
      ['case', 1_000_000 + 10_000_030 + 5_000_000],
      ['iam', 1_000_000],
    ]);
    expect(theme.groups[0]?.unfundedCents).toBe(5_000_000);
    expect(theme.groups[0]?.funders.at(-1)).toMatchObject({ funder: null, name: 'unfunded', kind: 'unfunded' });
    const portfolio = fundingSummary(m, { by: 'portfolio' });
    expect(portfolio.groups.map((g) => [g.key, g.name])).toEqual([
      ['Digiagenda 2014–2020', 'Digiagenda 2014–2020'],
      [null, 'no portfolio'],
    ]);
    expect(fundingSummary(m, { by: 'funder', scope: 'lappi' }).cents).toBe(5_000_000);
    expect(() => fundingSummary(m, { by: 'colour' } as never)).toThrow(OptionError);
    expect(() => fundingSummary(m, {} as never)).toThrow(OptionError);
  });

  it('every grouping adds up to the total for random budgets and shares', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cents: fc.integer({ min: 0, max: 1e11 }),
            shares: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 0, maxLength: 3 }),
            implementers: fc.subarray(['oulu', 'raahe', 'rovaniemi', 'pop-council']),
            year: fc.integer({ min: 2015, max: 2020 }),
            days: fc.integer({ min: 0, max: 900 }),
          }),
          { maxLength: 6 },
        ),
        (specs) => {
          const doc = portfolioRegion();
          doc.projects = specs.map((spec, i) => {
            const funders = ['erdf', 'oulu', 'raahe'].slice(0, spec.shares.length);
            const sum = spec.shares.reduce((a, b) => a + b, 0);
            const bp = spec.shares.map((s) => Math.floor((s * 10_000) / sum));
            bp[0] = (bp[0] ?? 0) + 10_000 - bp.reduce((a, b) => a + b, 0);
            const start = `${spec.year}-03-01`;
            const end = new Date(Date.UTC(spec.year, 2, 1 + spec.days)).toISOString().slice(0, 10);
            return {
              id: `p${i}`,
              name: `P${i}`,
              status: 'running',
              start,
              end,
              budget: { total: spec.cents / 100 },
              funding: funders.map((funder, j) => ({ funder, share: (bp[j] as number) / 100 })),
              implementers: spec.implementers,
              themes: i % 2 ? ['case'] : ['case', 'iam'],
            };
          });
          const m = Model.load(doc);
          const total = specs.reduce((a, s) => a + s.cents, 0);
          for (const by of ['funder', 'organisation', 'year', 'theme', 'portfolio'] as const) {
            const summary = fundingSummary(m, { by });
            expect(summary.cents).toBe(total);
            expect(summary.groups.reduce((sum, g) => sum + g.cents, 0)).toBe(total);
            for (const g of summary.groups) expect(g.funders.reduce((s, f) => s + f.cents, 0)).toBe(g.cents);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('obligations', () => {
  it('lists the systems serving an obligated service, with the date, applying or upcoming', () => {
    const due = obligations(model, { asOf: '2019-06-01' });
    expect(due.map((o) => [o.system, o.service, o.offering, o.from, o.applies, o.owners])).toEqual([
      ['dynasty-oulu', 'case-management', 'national-case', '2019-01-01', true, ['oulu']],
      ['dynasty-rovaniemi', 'case-management', 'national-case', '2019-01-01', true, ['rovaniemi']],
    ]);
    expect(due[0]?.reasons[0]?.message).toBe(
      "'dynasty-oulu' (Dynasty (Oulu)) supports 'case-management' (Asianhallinta), which since 2019-01-01 must be taken from 'national-case' (National case management) of 'vrk' (Väestörekisterikeskus)",
    );
    expect(due[0]?.basis).toBe('invented for the tests');
    expect(obligations(model, { asOf: '2018-12-31' }).map((o) => [o.applies, o.reasons[0]?.code])).toEqual([
      [false, 'obligation.upcoming'],
      [false, 'obligation.upcoming'],
    ]);
    expect(obligations(model, { asOf: '2019-06-01', scope: 'lappi' }).map((o) => o.system)).toEqual([
      'dynasty-rovaniemi',
    ]);
  });

  it('leaves out retired systems, the provider’s own systems and offerings without an obligation', () => {
    const doc = portfolioRegion();
    doc.systems[0].lifecycle = 'retired';
    doc.relations.push({ type: 'owns', from: 'vrk', to: 'dynasty-rovaniemi' });
    expect(obligations(Model.load(doc), { asOf: '2019-06-01' })).toEqual([]);
    const free = portfolioRegion();
    delete free.offerings[0].obligation;
    expect(obligations(Model.load(free), { asOf: '2019-06-01' })).toEqual([]);
    expect(() => obligations(model, { asOf: '2019-02-30' })).toThrow(OptionError);
  });

  it('the lint rule system.obligated-offering reports the same systems', () => {
    const findings = lint(model, { asOf: '2019-06-01' }).filter((f) => f.rule === 'system.obligated-offering');
    expect(findings.map((f) => [f.entity, f.severity, f.related, f.data.from])).toEqual([
      ['dynasty-oulu', 'warning', ['case-management', 'national-case', 'vrk'], '2019-01-01'],
      ['dynasty-rovaniemi', 'warning', ['case-management', 'national-case', 'vrk'], '2019-01-01'],
    ]);
    // Not yet a finding before the obligation applies.
    expect(lint(model, { asOf: '2018-12-31' }).filter((f) => f.rule === 'system.obligated-offering')).toEqual([]);
    expect(findings[0]?.message).toBe(
      "'dynasty-oulu' (Dynasty (Oulu)) supports 'case-management' (Asianhallinta), which since 2019-01-01 must be taken from the offering 'national-case' (National case management) of 'vrk' (Väestörekisterikeskus)",
    );
    expect(
      lint(model, { asOf: '2019-06-01', rules: { 'system.obligated-offering': 'off' } }).some(
        (f) => f.rule === 'system.obligated-offering',
      ),
    ).toBe(false);
    expect(lint(Model.load({ format: 'kartta/1', name: 'X' })).length).toBe(0);
  });
});

describe('projectPayback', () => {
  it('sets a project’s cost against the yearly savings of the harmonisation it delivers', () => {
    const doc = portfolioRegion();
    doc.systems[0].contract = { annualCost: 30000 };
    doc.systems[1].contract = { annualCost: 12000.5 };
    const result = projectPayback(Model.load(doc));
    // Neither has users or integrations; the contract ends are equal (none): the smaller id, dynasty-oulu, stays.
    expect(result.map((p) => [p.project, p.costCents, p.yearlySavingsCents, p.paybackYears])).toEqual([
      ['lappi-case', 5_000_000, 1_200_050, 4.17],
      ['pop-case', 10_000_030, 1_200_050, 8.33],
    ]);
    expect(result[0]?.candidates).toEqual([
      {
        kind: 'sameProduct',
        key: 'dynasty',
        name: 'Dynasty',
        systems: ['dynasty-oulu', 'dynasty-rovaniemi'],
        savingsCents: 1_200_050,
        unknownCosts: [],
      },
    ]);
    expect(result[0]?.reasons[0]?.message).toBe(
      "'lappi-case' costs 50,000.00 € and saves 12,000.50 € a year: paid back in 4.17 years",
    );
    const unknown = projectPayback(model);
    expect(unknown.map((p) => [p.project, p.paybackYears, p.reasons[0]?.code])).toEqual([
      ['lappi-case', null, 'payback.unknown'],
      ['pop-case', null, 'payback.unknown'],
    ]);
  });
});

describe('portfolio results', () => {
  it('use only listed reason codes', () => {
    const listed = new Set<string>(reasonCodes);
    const codes = [
      ...overlappingDevelopment(model).flatMap((g) => g.reasons.map((r) => r.code)),
      ...fundingSummary(model, { by: 'theme' }).groups.flatMap((g) => g.reasons.map((r) => r.code)),
      ...obligations(model, { asOf: '2019-01-01' }).flatMap((o) => o.reasons.map((r) => r.code)),
      ...projectPayback(model).flatMap((p) => p.reasons.map((r) => r.code)),
    ];
    for (const code of codes) expect(listed.has(code), code).toBe(true);
  });

  it('work with prototype member names as ids', () => {
    for (const name of PROTOTYPE_NAMES.slice(0, 12)) {
      const doc = portfolioRegion();
      doc.themes[0].id = name;
      for (const p of doc.projects) if (p.themes?.[0] === 'case') p.themes[0] = name;
      doc.offerings[0].themes = [name];
      doc.funders[0].id = `${name}.fund`;
      for (const p of doc.projects) for (const f of p.funding ?? []) if (f.funder === 'erdf') f.funder = `${name}.fund`;
      doc.projects[1].portfolio = name;
      const m = Model.load(doc);
      expect(overlappingDevelopment(m)[0]?.subject.id, name).toBe(name);
      expect(fundingSummary(m, { by: 'theme' }).groups.map((g) => g.key)).toContain(name);
      expect(fundingSummary(m, { by: 'portfolio' }).groups.map((g) => g.key)).toContain(name);
      expect(fundingSummary(m, { by: 'funder' }).groups[0]?.key).toBe(`${name}.fund`);
    }
  });
});

describe('the sample region’s portfolio (hand-checked in docs/portfolio.md)', () => {
  const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));

  it('holds POP-IT with its published figures', () => {
    const popIt = sample.project('pop-it')!;
    expect([popIt.start, popIt.end, popIt.portfolio, popIt.budget?.total]).toEqual([
      '2017-02-13',
      '2017-12-31',
      'Digiagenda 2014–2020',
      20000,
    ]);
    expect(popIt.budget?.lines?.map((l) => [l.category, l.amount])).toEqual([
      ['salaries', 4032],
      ['purchasedServices', 15000],
      ['flatRate', 968],
    ]);
    expect(popIt.funding?.map((f) => [f.funder, f.share])).toEqual([
      ['erdf', 70],
      ['oulu', 12.5],
      ['pop-it-others', 17.5],
    ]);
    expect(popIt.implementers).toEqual(['oulu', 'kalajoki', 'raahe', 'popliitto', 'ppshp']);
    // Every project not from a public record says so.
    for (const project of sample.projects())
      if (project.id !== 'pop-it') expect(project.source, project.id).toMatch(/INVENTED|ASSUMED|board in 2017/);
  });

  it('finds four overlapping pairs, two of them without national development', () => {
    expect(
      overlappingDevelopment(sample).map((g) => [g.subject.id, g.projects, g.cents, g.nationalExists, g.regions]),
    ).toEqual([
      ['theme-case-management', ['kajaani-case-management', 'oulu-case-management'], 27_500_000, true, ['pop']],
      ['theme-iam', ['lappi-iam', 'pop-iam-project'], 30_000_000, true, ['lappi', 'pop']],
      ['theme-ict-preparation', ['lappi-ict-preparation', 'pop-it'], 2_000_000, false, ['lappi', 'pop']],
      ['theme-web-platforms', ['lappi-web-platform', 'pop-asiointi-project'], 23_000_000, false, ['lappi', 'pop']],
    ]);
  });

  it('adds up the funding by funder to 825,000 €', () => {
    const summary = fundingSummary(sample, { by: 'funder' });
    expect(summary.cents).toBe(82_500_000);
    expect(summary.groups.map((g) => [g.key, g.euros])).toEqual([
      ['erdf', 245000],
      ['kajaani', 95000],
      ['lapinliitto', 104000],
      ['oulu', 317500],
      ['pop-it-others', 3500],
      ['ppshp', 60000],
    ]);
  });

  it('lists the identity systems under the invented obligation of 2021', () => {
    expect(obligations(sample, { asOf: '2021-06-01' }).map((o) => [o.system, o.offering, o.from, o.applies])).toEqual([
      ['oulu-ad', 'vimana-iam', '2021-01-01', true],
      ['pop-iam', 'vimana-iam', '2021-01-01', true],
      ['ppshp-ad', 'vimana-iam', '2021-01-01', true],
    ]);
    expect(lint(sample, { asOf: '2019-01-01' }).some((f) => f.rule === 'system.obligated-offering')).toBe(false);
  });
});
