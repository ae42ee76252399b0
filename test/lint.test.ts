import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  KarttaError,
  Model,
  lint,
  lintRules,
  type KarttaDocument,
  type KarttaDocumentInput,
  type LintConfig,
  type System,
} from '../src/index.js';
import { documentArb, shuffled } from './arbitraries.js';

function system(input: Partial<System> & { id: string }): System {
  return { name: input.id, class: 'TOSI', lifecycle: 'production', ...input };
}

/** A small region with nothing for any rule to find (as of 2020-01-01). */
function clean(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: 'Siisti',
    products: [{ id: 'esko', name: 'Esko' }],
    organisations: [
      { id: 'pop', kind: 'region', name: 'Pohjois-Pohjanmaa' },
      { id: 'oulu', kind: 'municipality', name: { fi: 'Oulu', sv: 'Uleåborg' } },
    ],
    services: [
      { id: 'pc', name: 'Perusterveydenhuolto', domain: 'health' },
      { id: 'fin', name: 'Taloushallinto', domain: 'administration' },
    ],
    systems: [
      system({ id: 'esko-a', name: 'Esko', product: 'Esko', contract: { ends: '2030-12-31', noticeMonths: 6 } }),
      system({ id: 'lc-a', name: 'Lifecare', product: 'Lifecare' }),
      system({ id: 'fin-a', name: 'Raindance', class: 'TORI', product: 'Raindance' }),
      system({ id: 'esb', name: 'ESB', class: 'TORI', product: 'Frends', platform: true }),
      system({ id: 'ad', name: 'AD', class: 'TORI', product: 'Active Directory' }),
    ],
    integrations: [
      { id: 'i1', source: 'esko-a', target: 'lc-a' },
      { id: 'i2', source: 'esko-a', target: 'fin-a', via: 'esb' },
    ],
    relations: [
      { type: 'memberOf', from: 'oulu', to: 'pop' },
      { type: 'provides', from: 'oulu', to: 'pc' },
      { type: 'provides', from: 'pop', to: 'fin' },
      { type: 'owns', from: 'oulu', to: 'esko-a' },
      { type: 'owns', from: 'oulu', to: 'lc-a' },
      { type: 'owns', from: 'pop', to: 'fin-a' },
      { type: 'owns', from: 'pop', to: 'esb' },
      { type: 'owns', from: 'pop', to: 'ad' },
      { type: 'supports', from: 'esko-a', to: 'pc' },
      { type: 'supports', from: 'lc-a', to: 'pc' },
      { type: 'supports', from: 'fin-a', to: 'fin' },
      { type: 'dependsOn', from: 'esko-a', to: 'ad' },
    ],
  };
}

const base = Model.load(clean());
const asOf = '2020-01-01';

/** The model after an edit of the clean document. */
function edited(recipe: (doc: KarttaDocument) => void): Model {
  return base.edit((draft) => recipe(draft)).model;
}

function removeRelation(doc: KarttaDocument, type: string, from: string, to: string): void {
  const index = doc.relations.findIndex((r) => r.type === type && r.from === from && r.to === to);
  if (index < 0) throw new Error(`no relation ${type} ${from} ${to}`);
  doc.relations.splice(index, 1);
}

function systemIn(doc: KarttaDocument, id: string): System {
  const found = doc.systems.find((s) => s.id === id);
  if (!found) throw new Error(`no system ${id}`);
  return found;
}

/** [rule, severity, entity, related] of each finding. */
function brief(model: Model, config: LintConfig = { asOf }): [string, string, string, readonly string[]][] {
  return lint(model, config).map((f) => [f.rule, f.severity, f.entity, f.related]);
}

describe('lint: the rule table', () => {
  it('has at least the twelve rules of the issue, with dotted ids, sorted, each with a severity and a reason', () => {
    const ids = lintRules.map((rule) => rule.id);
    for (const id of [
      'system.no-owner',
      'system.no-service',
      'system.retired-in-use',
      'integration.to-retired',
      'integration.self',
      'integration.duplicate',
      'integration.via-non-platform',
      'organisation.orphan',
      'contract.expired',
      'tori.parallel',
      'tosi.parallel-unintegrated',
      'name.duplicate',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of lintRules) {
      expect(rule.id).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.rationale.length).toBeGreaterThan(10);
    }
  });
});

describe('lint: each rule', () => {
  it('finds nothing in a clean model', () => {
    expect(lint(base, { asOf })).toEqual([]);
  });

  it('system.no-owner', () => {
    const model = edited((doc) => removeRelation(doc, 'owns', 'oulu', 'lc-a'));
    expect(brief(model)).toEqual([['system.no-owner', 'warning', 'lc-a', []]]);
  });

  it('system.no-service (platforms and systems others depend on are exempt)', () => {
    const model = edited((doc) => removeRelation(doc, 'supports', 'lc-a', 'pc'));
    expect(brief(model)).toEqual([['system.no-service', 'warning', 'lc-a', []]]);
  });

  it('system.no-product', () => {
    const model = edited((doc) => {
      delete systemIn(doc, 'ad').product;
    });
    expect(brief(model)).toEqual([['system.no-product', 'info', 'ad', []]]);
  });

  it('system.retired-in-use', () => {
    const model = edited((doc) => {
      doc.systems.push(system({ id: 'old', name: 'Vanha', lifecycle: 'retired', product: 'Old' }));
      doc.relations.push(
        { type: 'owns', from: 'oulu', to: 'old' },
        { type: 'uses', from: 'oulu', to: 'old' },
        { type: 'dependsOn', from: 'esko-a', to: 'old' },
      );
    });
    const findings = lint(model, { asOf });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'system.retired-in-use',
      entity: 'old',
      related: ['esko-a', 'oulu'],
      data: { usedBy: ['oulu'], neededBy: ['esko-a'] },
    });
  });

  it('system.dependency-cycle', () => {
    const model = edited((doc) => {
      doc.relations.push({ type: 'dependsOn', from: 'ad', to: 'esko-a' });
    });
    expect(brief(model)).toEqual([['system.dependency-cycle', 'warning', 'ad', ['esko-a']]]);
  });

  it('integration.self', () => {
    const model = edited((doc) => {
      doc.integrations.push({ id: 'i3', source: 'lc-a', target: 'lc-a' });
    });
    expect(brief(model)).toEqual([['integration.self', 'error', 'i3', ['lc-a']]]);
  });

  it('integration.to-retired (and the service left without a system)', () => {
    const model = edited((doc) => {
      systemIn(doc, 'fin-a').lifecycle = 'retired';
    });
    expect(brief(model)).toEqual([
      ['integration.to-retired', 'warning', 'i2', ['esko-a', 'fin-a']],
      ['service.no-system', 'info', 'fin', []],
    ]);
  });

  it('integration.via-non-platform: through a retired platform', () => {
    const model = edited((doc) => {
      systemIn(doc, 'esb').lifecycle = 'retired';
    });
    const findings = lint(model, { asOf });
    expect(findings.map((f) => [f.rule, f.entity, f.data.reason])).toEqual([
      ['integration.via-non-platform', 'i2', 'retired'],
    ]);
  });

  it('integration.via-non-platform: the platform is one of its own ends', () => {
    const model = edited((doc) => {
      doc.integrations.push({ id: 'i4', source: 'esb', target: 'fin-a', via: 'esb' });
    });
    const findings = lint(model, { asOf });
    expect(findings.map((f) => [f.rule, f.entity, f.data.reason])).toEqual([
      ['integration.via-non-platform', 'i4', 'own-end'],
    ]);
  });

  it('integration.duplicate: same ends, direction, data, protocol, mode and platform', () => {
    const model = edited((doc) => {
      doc.integrations.push({ id: 'i5', source: 'esko-a', target: 'lc-a' });
      // Two-way: the ends in either order; protocol compared without case and runs of white space.
      doc.integrations.push({ id: 'i6', source: 'lc-a', target: 'esko-a', direction: 'twoWay', protocol: 'HL7  v2' });
      doc.integrations.push({ id: 'i7', source: 'esko-a', target: 'lc-a', direction: 'twoWay', protocol: 'hl7 v2' });
      // Differs in data: not a duplicate.
      doc.integrations.push({ id: 'i8', source: 'esko-a', target: 'lc-a', data: 'lähetteet' });
    });
    expect(brief(model)).toEqual([
      ['integration.duplicate', 'warning', 'i1', ['i5']],
      ['integration.duplicate', 'warning', 'i6', ['i7']],
    ]);
  });

  it('organisation.orphan', () => {
    const model = edited((doc) => {
      doc.organisations.push({ id: 'vendor', kind: 'company', name: 'Toimittaja Oy' });
    });
    expect(brief(model)).toEqual([['organisation.orphan', 'warning', 'vendor', []]]);
  });

  it('organisation.member-cycle', () => {
    const model = edited((doc) => {
      doc.relations.push({ type: 'memberOf', from: 'pop', to: 'oulu' });
    });
    expect(brief(model)).toEqual([['organisation.member-cycle', 'error', 'oulu', ['pop']]]);
  });

  it('service.no-system', () => {
    const model = edited((doc) => {
      doc.services.push({ id: 'dental', name: 'Suun terveydenhuolto', domain: 'health' });
      doc.relations.push({ type: 'provides', from: 'oulu', to: 'dental' });
    });
    expect(brief(model)).toEqual([['service.no-system', 'info', 'dental', []]]);
  });

  it('contract.expired, judged on asOf', () => {
    expect(brief(base, { asOf: '2031-01-01' })).toEqual([['contract.expired', 'warning', 'esko-a', []]]);
    expect(brief(base, { asOf: '2030-12-31' })).toEqual([['contract.notice-due', 'info', 'esko-a', []]]);
    const [finding] = lint(base, { asOf: '2031-01-01' });
    expect(finding?.data).toEqual({ ends: '2030-12-31', asOf: '2031-01-01' });
  });

  it('contract.expired defaults to today', () => {
    const model = edited((doc) => {
      systemIn(doc, 'lc-a').contract = { ends: '2000-01-01' };
    });
    expect(lint(model).some((f) => f.rule === 'contract.expired' && f.entity === 'lc-a')).toBe(true);
  });

  it('contract.notice-due: from the last day to give notice until the contract ends', () => {
    // Ends 2030-12-31 with six months' notice: notice is due by 2030-06-30.
    expect(brief(base, { asOf: '2030-06-29' })).toEqual([]);
    expect(brief(base, { asOf: '2030-06-30' })).toEqual([['contract.notice-due', 'info', 'esko-a', []]]);
    expect(lint(base, { asOf: '2030-07-01' })[0]?.data).toEqual({
      ends: '2030-12-31',
      noticeMonths: 6,
      noticeBy: '2030-06-30',
      asOf: '2030-07-01',
    });
  });

  it('contract.notice-due clamps to the end of a shorter month', () => {
    const model = edited((doc) => {
      systemIn(doc, 'esko-a').contract = { ends: '2021-03-31', noticeMonths: 1 };
    });
    expect(lint(model, { asOf: '2021-03-01' })[0]?.data.noticeBy).toBe('2021-02-28');
  });

  it('tori.parallel', () => {
    const model = edited((doc) => {
      doc.systems.push(system({ id: 'fin-b', name: 'Basware', class: 'TORI', product: 'Basware' }));
      doc.relations.push({ type: 'owns', from: 'pop', to: 'fin-b' }, { type: 'supports', from: 'fin-b', to: 'fin' });
    });
    const findings = lint(model, { asOf });
    expect(findings.map((f) => [f.rule, f.severity, f.entity, f.related])).toEqual([
      ['tori.parallel', 'warning', 'fin', ['fin-a', 'fin-b']],
    ]);
    expect(findings[0]?.data).toEqual({ products: ['basware', 'raindance'], keepProduct: 'basware' });
  });

  it('tosi.parallel-unintegrated: one finding per service and region, its pairs without integration counted and listed', () => {
    const model = edited((doc) => {
      doc.systems.push(system({ id: 'peg', name: 'Pegasos', product: 'Pegasos' }));
      doc.relations.push({ type: 'owns', from: 'oulu', to: 'peg' }, { type: 'supports', from: 'peg', to: 'pc' });
    });
    expect(brief(model)).toEqual([['tosi.parallel-unintegrated', 'error', 'pc', ['esko-a', 'lc-a', 'peg']]]);
    const [finding] = lint(model, { asOf });
    expect(finding?.pairs).toEqual({
      count: 2,
      shown: [
        ['esko-a', 'peg'],
        ['lc-a', 'peg'],
      ],
    });
    expect(finding?.data).toEqual({ region: 'pop', products: ['esko', 'lifecare', 'pegasos'], gaps: 2 });
    expect(finding?.message).toBe(
      "2 pairs of parallel systems supporting 'pc' (Perusterveydenhuolto) in 'pop' (Pohjois-Pohjanmaa) exchange no data: 'esko-a' (Esko) and 'peg' (Pegasos), 'lc-a' (Lifecare) and 'peg' (Pegasos)",
    );
    // Capped: the pairs are still counted, the message says how many are not listed.
    const [capped] = lint(model, { asOf, maxPairs: 1 });
    expect(capped?.pairs).toEqual({ count: 2, shown: [['esko-a', 'peg']] });
    expect(capped?.message).toMatch(/'esko-a' \(Esko\) and 'peg' \(Pegasos\) \(and 1 more\)$/);
    expect(() => lint(model, { asOf, maxPairs: -1 })).toThrow(/maxPairs/);
    // Other findings carry no pairs.
    const other = lint(
      edited((doc) => void (systemIn(doc, 'lc-a').product = undefined)),
      { asOf },
    );
    expect(other.map((f) => f.rule)).toEqual(['system.no-product']);
    expect(other[0]).not.toHaveProperty('pairs');
  });

  it('parallel rules without a scope look within each region: systems of two regions are not paired', () => {
    // Kainuu's Pegasos supports the same service as Oulu's Esko and Lifecare, with no integration to either.
    const twoRegions = edited((doc) => {
      doc.organisations.push(
        { id: 'kainuu', kind: 'region', name: 'Kainuu' },
        { id: 'kajaani', kind: 'municipality', name: 'Kajaani' },
      );
      doc.systems.push(
        system({ id: 'peg', name: 'Pegasos', product: 'Pegasos' }),
        system({ id: 'fin-k', name: 'Basware', class: 'TORI', product: 'Basware' }),
      );
      doc.relations.push(
        { type: 'memberOf', from: 'kajaani', to: 'kainuu' },
        { type: 'provides', from: 'kajaani', to: 'pc' },
        { type: 'owns', from: 'kajaani', to: 'peg' },
        { type: 'supports', from: 'peg', to: 'pc' },
        { type: 'owns', from: 'kajaani', to: 'fin-k' },
        { type: 'supports', from: 'fin-k', to: 'fin' },
      );
    });
    expect(brief(twoRegions)).toEqual([]);
    // Kajaani joins Pohjois-Pohjanmaa as well: now the pairs are parallel there, and each is reported once.
    const bothRegions = twoRegions.edit((draft) => {
      draft.relations?.push({ type: 'memberOf', from: 'kajaani', to: 'pop' });
    }).model;
    expect(brief(bothRegions)).toEqual([
      ['tosi.parallel-unintegrated', 'error', 'pc', ['esko-a', 'lc-a', 'peg']],
      ['tori.parallel', 'warning', 'fin', ['fin-a', 'fin-k']],
    ]);
    // A model without any region is looked at as a whole.
    const noRegion = twoRegions.edit((draft) => {
      draft.organisations = draft.organisations?.map((o) =>
        o.kind === 'region' ? { ...o, kind: 'jointAuthority' } : o,
      );
    }).model;
    expect(brief(noRegion).map(([rule, , entity, related]) => [rule, entity, related])).toEqual([
      ['tosi.parallel-unintegrated', 'pc', ['esko-a', 'lc-a', 'peg']],
      ['tori.parallel', 'fin', ['fin-a', 'fin-k']],
    ]);
    expect(lint(noRegion, { asOf })[0]?.data.region).toBeNull();
  });

  it('name.duplicate: case and white space ignored, any language of a multilingual name', () => {
    const model = edited((doc) => {
      systemIn(doc, 'lc-a').name = ' ESKO ';
      doc.organisations.push({ id: 'ule', kind: 'municipality', name: 'ULEÅBORG' });
      doc.relations.push({ type: 'memberOf', from: 'ule', to: 'pop' });
    });
    expect(brief(model)).toEqual([
      ['name.duplicate', 'warning', 'esko-a', ['lc-a']],
      ['name.duplicate', 'warning', 'oulu', ['ule']],
    ]);
  });
});

describe('lint: configuration', () => {
  const messy = edited((doc) => {
    removeRelation(doc, 'owns', 'oulu', 'lc-a');
    delete systemIn(doc, 'ad').product;
    doc.integrations.push({ id: 'i3', source: 'lc-a', target: 'lc-a' });
    doc.organisations.push({ id: 'vendor', kind: 'company', name: 'Toimittaja Oy' });
  });

  it('sorts findings by severity, then rule, then entity', () => {
    expect(brief(messy)).toEqual([
      ['integration.self', 'error', 'i3', ['lc-a']],
      ['organisation.orphan', 'warning', 'vendor', []],
      ['system.no-owner', 'warning', 'lc-a', []],
      ['system.no-product', 'info', 'ad', []],
    ]);
  });

  it('overrides severities and turns rules off', () => {
    expect(
      brief(messy, {
        asOf,
        rules: { 'system.no-owner': 'error', 'organisation.orphan': 'off', 'integration.self': 'info' },
      }),
    ).toEqual([
      ['system.no-owner', 'error', 'lc-a', []],
      ['integration.self', 'info', 'i3', ['lc-a']],
      ['system.no-product', 'info', 'ad', []],
    ]);
  });

  it('returns plain data that survives JSON', () => {
    const findings = lint(messy, { asOf });
    expect(JSON.parse(JSON.stringify(findings))).toEqual(findings);
    expect(findings[0]?.message).toContain("'lc-a'");
  });

  it('limits what is checked to a scope', () => {
    const model = edited((doc) => {
      doc.organisations.push({ id: 'kajaani', kind: 'municipality', name: 'Kajaani' });
      doc.systems.push(system({ id: 'k', name: 'Kajaanin järjestelmä', product: 'K' }));
      doc.relations.push({ type: 'owns', from: 'kajaani', to: 'k' });
      doc.organisations.push({ id: 'vendor', kind: 'company', name: 'Toimittaja Oy' });
    });
    expect(brief(model)).toEqual([
      ['organisation.orphan', 'warning', 'vendor', []],
      ['system.no-service', 'warning', 'k', []],
    ]);
    expect(brief(model, { asOf, scope: 'pop' })).toEqual([]);
  });

  it('rejects unknown rules, bad levels, unknown keys and bad dates with option.invalid', () => {
    const code = (config: unknown) => {
      try {
        lint(base, config as LintConfig);
      } catch (error) {
        expect(error).toBeInstanceOf(KarttaError);
        const e = error as KarttaError;
        return e.code === 'option.invalid' ? [e.code, e.option, e.id] : [e.code, e.id];
      }
      return undefined;
    };
    expect(code({ rules: { 'system.no-such-rule': 'error' } })).toEqual([
      'option.invalid',
      'rules',
      'system.no-such-rule',
    ]);
    expect(code({ rules: JSON.parse('{ "__proto__": "off" }') })).toEqual(['option.invalid', 'rules', '__proto__']);
    expect(code({ rules: { toString: 'off' } })).toEqual(['option.invalid', 'rules', 'toString']);
    expect(code({ rules: { 'system.no-owner': 'fatal' } })).toEqual(['option.invalid', 'rules', 'system.no-owner']);
    expect(code({ rules: { 'system.no-owner': true } })).toEqual(['option.invalid', 'rules', 'system.no-owner']);
    expect(code({ rules: ['system.no-owner'] })).toEqual(['option.invalid', 'rules', undefined]);
    expect(code({ rule: { 'system.no-owner': 'off' } })).toEqual(['option.invalid', 'rule', undefined]);
    expect(code({ asOf: '2020-13-01' })).toEqual(['option.invalid', 'asOf', undefined]);
    expect(code('strict')).toEqual(['option.invalid', '', undefined]);
    expect(() => lint(base, { rules: { 'system.no-owner': 'fatal' } } as never)).toThrow(
      `lint: option 'rules["system.no-owner"]' must be 'error', 'warning', 'info' or 'off', got "fatal"`,
    );
    expect(code({ scope: 'nowhere' })).toEqual(['scope.unknown', 'nowhere']);
    expect(code({ scope: 'pc' })).toEqual(['scope.not-organisation', 'pc']);
  });
});

describe('lint: laws', () => {
  it('does not depend on the order of the document', () => {
    fc.assert(
      fc.property(documentArb(8), fc.integer(), (doc, seed) => {
        expect(lint(Model.load(shuffled(doc, seed)), { asOf })).toEqual(lint(Model.load(doc), { asOf }));
      }),
      { numRuns: 150 },
    );
  });

  it('turning a rule off removes exactly its findings', () => {
    fc.assert(
      fc.property(documentArb(8), fc.constantFrom(...lintRules.map((r) => r.id)), (doc, rule) => {
        const model = Model.load(doc);
        const all = lint(model, { asOf });
        const without = lint(model, { asOf, rules: { [rule]: 'off' } });
        expect(without).toEqual(all.filter((f) => f.rule !== rule));
      }),
      { numRuns: 100 },
    );
  });
});
