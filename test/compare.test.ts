import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Model,
  compareScenarios,
  formatComparison,
  scenarioMeasures,
  type Scenario,
  type ScenarioMeasure,
} from '../src/index.js';
import { smallRegion } from './fixtures.js';

function base(): Model {
  const doc = smallRegion();
  doc.systems!.find((s) => s.id === 'lifecare-kajaani')!.contract = {
    ends: '2021-12-31',
    noticeMonths: 12,
    annualCost: 100000,
  };
  return Model.load(doc);
}
const consolidate: Scenario = {
  format: 'kartta-scenario/1',
  name: 'One Lifecare',
  changes: [{ op: 'consolidate', product: 'lifecare', into: 'lifecare-oulu' }],
  plan: {
    start: '2019-01-01',
    waveMonths: 6,
    steps: [
      { id: 'ja', action: 'consolidate', system: 'lifecare-ja', target: 'lifecare-oulu' },
      {
        id: 'kajaani',
        action: 'consolidate',
        system: 'lifecare-kajaani',
        target: 'lifecare-oulu',
        after: ['ja'],
        deadline: '2019-06-30',
      },
    ],
  },
};
const row = (comparison: ReturnType<typeof compareScenarios>, id: string) =>
  comparison.rows.find((r) => r.id === id)!.cells.map((c) => [c.value, c.delta]);

describe('compareScenarios', () => {
  it('computes every built-in measure for the base and the scenario, with deltas (hand-checked)', () => {
    const comparison = compareScenarios(base(), [consolidate], { asOf: '2021-06-01' });
    expect(comparison.columns.map((c) => [c.index, c.name, c.base, c.plan])).toEqual([
      [0, 'Base', true, false],
      [1, 'One Lifecare', false, true],
    ]);
    expect(comparison.rows.map((r) => r.id)).toEqual(scenarioMeasures.map((m) => m.id));
    // In use: three Lifecare installations and the ESB; after: Oulu's Lifecare and the ESB.
    expect(row(comparison, 'systems-in-use')).toEqual([
      [4, null],
      [2, -2],
    ]);
    expect(row(comparison, 'organisations-providing-ict')).toEqual([
      [4, null],
      [2, -2],
    ]);
    expect(row(comparison, 'distinct-products')).toEqual([
      [2, null],
      [2, 0],
    ]);
    expect(row(comparison, 'annual-system-cost')).toEqual([
      [950000, null],
      [850000, -100000],
    ]);
    expect(row(comparison, 'harmonisation-savings')).toEqual([
      [100000, null],
      [0, -100000],
    ]);
    expect(row(comparison, 'integrations')).toEqual([
      [1, null],
      [0, -1],
    ]);
    expect(row(comparison, 'platforms')).toEqual([
      [1, null],
      [1, 0],
    ]);
    // Kajaani's contract: notice given 2021-06-01 with 12 months ends 2022-06-01, later than its end 2021-12-31.
    expect(row(comparison, 'contracts-to-terminate')).toEqual([
      [0, null],
      [1, 1],
    ]);
    expect(comparison.rows.find((r) => r.id === 'contracts-to-terminate')!.cells[1]!.notes).toEqual([
      'lifecare-kajaani: 2022-06-01',
    ]);
    expect(row(comparison, 'contracts-exit-by')).toEqual([
      [null, null],
      ['2022-06-01', null],
    ]);
    expect(row(comparison, 'plan-waves')).toEqual([
      [null, null],
      [2, null],
    ]);
    expect(row(comparison, 'plan-missed-deadlines')).toEqual([
      [null, null],
      [1, null],
    ]);
  });

  it('takes the notice date from the plan start when asOf is not given', () => {
    const comparison = compareScenarios(base(), [consolidate]);
    expect(comparison.asOf).toBeNull();
    expect(row(comparison, 'contracts-exit-by')).toEqual([
      [null, null],
      ['2021-12-31', null],
    ]);
  });

  it('takes measures a user adds, and refuses malformed ones and unknown options', () => {
    const critical: ScenarioMeasure = {
      id: 'lifecare-users',
      label: 'Lifecare users',
      unit: 'count',
      value: ({ model }) => model.system('lifecare-oulu')?.users ?? null,
    };
    const comparison = compareScenarios(base(), [consolidate], { measures: [critical, scenarioMeasures[1]!] });
    expect(comparison.rows.map((r) => [r.id, ...r.cells.map((c) => c.value)])).toEqual([
      ['lifecare-users', 2400, 2700],
      ['systems-in-use', 4, 2],
    ]);
    expect(() => compareScenarios(base(), [], { measures: [critical, critical] })).toThrow(/given twice/);
    expect(() => compareScenarios(base(), [], { measures: [{ ...critical, id: 'Not Kebab' }] })).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
    expect(() =>
      compareScenarios(base(), [consolidate], { measures: [{ ...critical, value: () => Number.NaN }] }),
    ).toThrow(/finite number/);
    expect(() => compareScenarios(base(), [], { colour: 1 } as never)).toThrow(/'colour' is not an option/);
    expect(() => compareScenarios(base(), [], { asOf: '2019-13-01' })).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
    expect(() => compareScenarios(base(), [], { scope: 'nowhere' })).toThrow(
      expect.objectContaining({ code: 'scope.unknown' }),
    );
  });

  it('renders text, Markdown, CSV and JSON', () => {
    const comparison = compareScenarios(base(), [{ ...consolidate, name: '=One, "Lifecare"' }], { asOf: '2021-06-01' });
    const text = formatComparison(comparison);
    expect(text.split('\n')[0]).toMatch(/^\s+Base\s+=One, "Lifecare"$/);
    expect(text).toContain('Systems in use');
    expect(text).toMatch(/Systems in use\s+4\s+2 \(−2\)/);
    expect(text).toContain('Contracts to terminate, =One, "Lifecare":\n  lifecare-kajaani: 2022-06-01');
    expect(formatComparison(comparison, { notes: false })).not.toContain('lifecare-kajaani: 2022-06-01');
    const md = formatComparison(comparison, { format: 'markdown' });
    expect(md.split('\n').slice(0, 3)).toEqual([
      '| measure | Base | =One, "Lifecare" |',
      '| --- | ---: | ---: |',
      '| Organisations providing ICT (owning a system in use) | 4 | 2 (−2) |',
    ]);
    const csv = formatComparison(comparison, { format: 'csv' }).split('\r\n');
    expect(csv[0]).toBe(`measure,unit,Base,"'=One, ""Lifecare""","'=One, ""Lifecare"" delta"`);
    expect(csv).toContain('annual-system-cost,eur,950000,850000,-100000');
    expect(csv).toContain('contracts-exit-by,date,,2022-06-01,');
    expect(JSON.parse(formatComparison(comparison, { format: 'json' }))).toEqual(
      JSON.parse(JSON.stringify(comparison)),
    );
    expect(() => formatComparison(comparison, { format: 'xlsx' as 'csv' })).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
  });
});

describe('the sample scenarios', () => {
  const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
  const files = ['hospital-district', 'regional-council', 'oulu'].map((name) =>
    readFileSync(new URL(`../examples/scenarios/${name}.scenario.json`, import.meta.url), 'utf8'),
  );

  it('apply to the sample and compare as docs/scenarios.md shows', () => {
    const table = formatComparison(compareScenarios(sample, files, { scope: 'pop' }), { notes: false });
    const docs = readFileSync(new URL('../docs/scenarios.md', import.meta.url), 'utf8');
    expect(docs).toContain(table.trimEnd());
  });
});
