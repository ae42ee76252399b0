/**
 * The worked examples of docs/queries.md on the bundled sample region, so the documentation cannot drift from
 * what the queries answer. The expected values were worked out by hand from the document (see the tables there).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { Model, harmonisationCandidates, impactOf, lint, parallelSystems } from '../src/index.js';

const model = Model.load(
  readFileSync(fileURLToPath(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url)), 'utf8'),
);

describe('docs/queries.md worked examples on the sample region', () => {
  it('Lifecare: five installations in the region, keep Oulu, save 870 000 a year', () => {
    const candidates = harmonisationCandidates(model, { scope: 'pop' });
    const first = candidates[0];
    expect(first?.kind).toBe('sameProduct');
    if (first?.kind !== 'sameProduct') return;
    expect(first.product).toBe('lifecare');
    expect(first.systems).toEqual([
      'lifecare-kallio',
      'lifecare-kempele',
      'lifecare-kuusamo',
      'lifecare-oulu',
      'lifecare-oulunkaari',
    ]);
    expect(first.keep).toBe('lifecare-oulu');
    expect(first.installations.map((i) => [i.system, i.users, i.usersFrom])).toEqual([
      ['lifecare-oulu', 2400, 'system'],
      ['lifecare-kallio', 445, 'uses'],
      ['lifecare-oulunkaari', 300, 'system'],
      ['lifecare-kuusamo', 260, 'system'],
      ['lifecare-kempele', 180, 'system'],
    ]);
    expect(first.savings).toBe(310000 + 140000 + 190000 + 230000);
    expect(first.organisations).not.toContain('kajaani');
  });

  it('finance: converge on Basware, save 668 000 with two costs unknown', () => {
    const finance = harmonisationCandidates(model, { scope: 'pop' }).find(
      (c) => c.kind === 'sameService' && c.service === 'finance',
    );
    if (finance?.kind !== 'sameService') throw new Error('no finance candidate');
    expect(finance.systems).toHaveLength(16);
    expect(finance.productGroups.map((g) => [g.product, g.installations, g.users])).toEqual([
      ['basware', 5, 3290],
      ['proe', 5, 186],
      ['raindance', 6, 163],
    ]);
    expect(finance.keepProduct).toBe('basware');
    expect(finance.savings).toBe(17000 + 26000 + 21000 + 260000 + 35000 + 16000 + 180000 + 65000 + 48000);
    expect(finance.unknownCosts).toEqual(['proe-nivala', 'raindance-kalajoki']);
  });

  it('primary care: Esko and its parallel partners', () => {
    const options = { scope: 'pop', allowedUntil: '2021-12-31', asOf: '2022-06-01', maxPairs: Infinity };
    const primary = parallelSystems(model, options).find((g) => g.service === 'primary-care');
    expect(primary?.systems).toHaveLength(9);
    expect(primary?.products).toEqual(['effica', 'esko', 'lifecare', 'pegasos']);
    expect(primary?.pairs).toHaveLength(25);
    expect(primary?.pairCounts).toEqual({ total: 25, direct: 2, platform: 4, none: 19 });
    expect(primary?.gaps).toBe(19);
    expect(primary?.overdue).toBe(true);
    const withEsko = primary?.pairs
      .filter((p) => p.systems.includes('esko-ppshp'))
      .map((p) => [p.systems.join(' '), p.status, p.integrations]);
    expect(withEsko).toEqual([
      ['effica-raahe esko-ppshp', 'direct', ['i-006']],
      ['effica-selanne esko-ppshp', 'none', []],
      ['esko-ppshp lifecare-kallio', 'platform', ['i-003']],
      ['esko-ppshp lifecare-kempele', 'direct', ['i-002']],
      ['esko-ppshp lifecare-kuusamo', 'none', []],
      ['esko-ppshp lifecare-oulu', 'platform', ['i-001']],
      ['esko-ppshp lifecare-oulunkaari', 'platform', ['i-004', 'i-005']],
      ['esko-ppshp pegasos-muhos', 'platform', ['i-007']],
    ]);
  });

  it("impact of the hospital district's directory", () => {
    const impact = impactOf(model, 'ppshp-ad', { depth: 1 });
    expect(impact.dependents).toEqual([
      'basware-ppshp',
      'dynasty-ppshp',
      'esko-ppshp',
      'merlot-ppshp',
      'pacs-ppshp',
      'personec-ppshp',
      'populus-ppshp',
      'raindance-ppshp',
    ]);
    expect(impact.services).toHaveLength(8);
    expect(impact.organisations).toEqual(['kempele', 'oulu', 'ppshp']);
    expect(impact.integrated.map((r) => [r.system, r.integrations])).toEqual([
      ['basware-ppshp', ['i-090']],
      ['dynasty-ppshp', ['i-091']],
      ['esko-ppshp', ['i-088']],
      ['pacs-ppshp', ['i-089']],
      ['personec-ppshp', ['i-080']],
      ['pop-iam', ['i-093']],
    ]);
  });

  it('lint on 1 January 2019', () => {
    const rules = { 'tosi.parallel-unintegrated': 'off', 'tori.parallel': 'off' } as const;
    expect(lint(model, { scope: 'pop', asOf: '2019-01-01', rules }).map((f) => [f.severity, f.rule, f.entity])).toEqual(
      [
        ['warning', 'contract.expired', 'effica-selanne'],
        ['warning', 'integration.to-retired', 'i-011'],
        ['warning', 'integration.to-retired', 'i-100'],
        ['warning', 'system.retired-in-use', 'tweb-hailuoto'],
        ['info', 'contract.notice-due', 'lifecare-kempele'],
        ['info', 'system.no-product', 'oulu-net'],
        ['info', 'system.no-product', 'pelastus-oulu'],
        ['info', 'system.no-product', 'ppshp-net'],
        ['info', 'system.no-product', 'tuve'],
      ],
    );
    const all = lint(model, { scope: 'pop', asOf: '2019-01-01' });
    // The 88 gaps of the parallel-systems section, one finding per service with its pairs inside.
    const parallel = all.filter((f) => f.rule === 'tosi.parallel-unintegrated');
    expect(parallel).toHaveLength(8);
    expect(parallel.reduce((sum, f) => sum + (f.pairs?.count ?? 0), 0)).toBe(88);
    expect(all.filter((f) => f.rule === 'tori.parallel')).toHaveLength(7);
  });
});
