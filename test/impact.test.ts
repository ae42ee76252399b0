import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Model, OptionError, impactOf, type KarttaDocumentInput, type System } from '../src/index.js';
import { documentArb, shuffled } from './arbitraries.js';

function system(input: Partial<System> & { id: string }): System {
  return { name: input.id, class: 'TOSI', lifecycle: 'production', ...input };
}

/**
 * esko depends on ad; portal and the retired old depend on esko. esko talks to lc directly and to pacs through
 * the platform esb; lc and lab are both integrated with esb; lab talks to far; lc to the retired ret.
 */
function landscape(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: 'Vaikutukset',
    organisations: [
      { id: 'pop', kind: 'region', name: 'Pohjois-Pohjanmaa' },
      { id: 'ppshp', kind: 'hospitalDistrict', name: 'PPSHP' },
      { id: 'oulu', kind: 'municipality', name: 'Oulu' },
      { id: 'kajaani', kind: 'municipality', name: 'Kajaani' },
    ],
    services: [
      { id: 'pc', name: 'Perusterveydenhuolto', domain: 'health' },
      { id: 'eserv', name: 'Sähköinen asiointi', domain: 'administration' },
      { id: 'legacy', name: 'Vanha palvelu', domain: 'health' },
    ],
    systems: [
      system({ id: 'ad', class: 'TORI' }),
      system({ id: 'esko' }),
      system({ id: 'portal', class: 'TORI' }),
      system({ id: 'old', lifecycle: 'retired' }),
      system({ id: 'lc' }),
      system({ id: 'esb', class: 'TORI', platform: true }),
      system({ id: 'lab' }),
      system({ id: 'pacs' }),
      system({ id: 'far' }),
      system({ id: 'ret', lifecycle: 'retired' }),
    ],
    integrations: [
      { id: 'i1', source: 'esko', target: 'lc' },
      { id: 'i2', source: 'lc', target: 'esb' },
      { id: 'i3', source: 'esb', target: 'lab' },
      { id: 'i4', source: 'esko', target: 'pacs', via: 'esb' },
      { id: 'i5', source: 'lab', target: 'far' },
      { id: 'i6', source: 'lc', target: 'ret' },
    ],
    relations: [
      { type: 'dependsOn', from: 'esko', to: 'ad' },
      { type: 'dependsOn', from: 'portal', to: 'esko' },
      { type: 'dependsOn', from: 'old', to: 'esko' },
      { type: 'supports', from: 'esko', to: 'pc' },
      { type: 'supports', from: 'portal', to: 'eserv' },
      { type: 'supports', from: 'old', to: 'legacy' },
      { type: 'owns', from: 'ppshp', to: 'esko' },
      { type: 'uses', from: 'oulu', to: 'esko', users: 100 },
      { type: 'owns', from: 'pop', to: 'portal' },
      { type: 'owns', from: 'kajaani', to: 'old' },
      { type: 'provides', from: 'oulu', to: 'pc' },
      { type: 'provides', from: 'pop', to: 'pc' },
      { type: 'provides', from: 'pop', to: 'eserv' },
      { type: 'provides', from: 'kajaani', to: 'legacy' },
      { type: 'provides', from: 'kajaani', to: 'pc' },
    ],
  };
}

describe('impactOf', () => {
  const model = Model.load(landscape());

  it('finds the systems that depend on it, transitively, retired ones left out', () => {
    expect(impactOf(model, 'esko').dependents).toEqual(['portal']);
    const ad = impactOf(model, 'ad');
    expect(ad.dependents).toEqual(['esko', 'portal']);
    expect(ad.reasons.filter((r) => r.code === 'impact.dependent')).toEqual([
      { code: 'impact.dependent', system: 'esko', dependsOn: 'ad', distance: 1, message: 'esko depends on ad' },
      {
        code: 'impact.dependent',
        system: 'portal',
        dependsOn: 'esko',
        distance: 2,
        message: 'portal depends on esko (2 steps from ad)',
      },
    ]);
  });

  it('finds the services and organisations that depend on it, with why', () => {
    const impact = impactOf(model, 'esko');
    expect(impact.services).toEqual(['eserv', 'pc']);
    // kajaani provides pc too, but on none of these systems: it is not affected.
    expect(impact.organisations).toEqual(['oulu', 'pop', 'ppshp']);
    expect(impact.reasons.filter((r) => r.code === 'impact.service')).toEqual([
      {
        code: 'impact.service',
        service: 'eserv',
        systems: ['portal'],
        message: "service 'eserv' is supported by portal",
      },
      { code: 'impact.service', service: 'pc', systems: ['esko'], message: "service 'pc' is supported by esko" },
    ]);
    expect(impact.reasons.filter((r) => r.code === 'impact.organisation')).toEqual([
      { code: 'impact.organisation', organisation: 'oulu', owns: [], uses: ['esko'], message: 'oulu uses esko' },
      { code: 'impact.organisation', organisation: 'pop', owns: ['portal'], uses: [], message: 'pop owns portal' },
      { code: 'impact.organisation', organisation: 'ppshp', owns: ['esko'], uses: [], message: 'ppshp owns esko' },
    ]);
    // Dependents first, then services, then organisations.
    expect(impact.reasons.map((r) => r.code)).toEqual([
      'impact.dependent',
      'impact.service',
      'impact.service',
      'impact.organisation',
      'impact.organisation',
      'impact.organisation',
    ]);
  });

  it('lists its integrations, and for a platform those that run through it', () => {
    expect(impactOf(model, 'esko').integrations).toEqual(['i1', 'i4']);
    expect(impactOf(model, 'esb').integrations).toEqual(['i2', 'i3', 'i4']);
  });

  it('reaches integrated systems breadth first; a platform does not lengthen a path', () => {
    expect(impactOf(model, 'esko').integrated).toEqual([
      { system: 'esb', distance: 1, from: 'esko', integrations: ['i4'], platforms: [] },
      { system: 'lc', distance: 1, from: 'esko', integrations: ['i1'], platforms: [] },
      { system: 'pacs', distance: 1, from: 'esko', integrations: ['i4'], platforms: ['esb'] },
      { system: 'lab', distance: 2, from: 'esb', integrations: ['i3'], platforms: [] },
      { system: 'far', distance: 3, from: 'lab', integrations: ['i5'], platforms: [] },
    ]);
  });

  it('counts two systems both integrated with one platform as one hop apart', () => {
    expect(impactOf(model, 'lc').integrated).toEqual([
      { system: 'esb', distance: 1, from: 'lc', integrations: ['i2'], platforms: [] },
      { system: 'esko', distance: 1, from: 'lc', integrations: ['i1'], platforms: [] },
      { system: 'lab', distance: 1, from: 'lc', integrations: ['i2', 'i3'], platforms: ['esb'] },
      { system: 'far', distance: 2, from: 'lab', integrations: ['i5'], platforms: [] },
      // Reached from esb (i4 runs through it) and from esko; the smaller id is reported.
      { system: 'pacs', distance: 2, from: 'esb', integrations: ['i4'], platforms: [] },
    ]);
  });

  it('limits the distance with depth', () => {
    expect(impactOf(model, 'esko', { depth: 1 }).integrated.map((r) => r.system)).toEqual(['esb', 'lc', 'pacs']);
    expect(impactOf(model, 'esko', { depth: 0 }).integrated).toEqual([]);
    expect(impactOf(model, 'esko', { depth: Number.POSITIVE_INFINITY }).integrated).toHaveLength(5);
  });

  it('follows retired systems when asked', () => {
    const impact = impactOf(model, 'esko', { includeRetired: true });
    expect(impact.dependents).toEqual(['old', 'portal']);
    expect(impact.services).toEqual(['eserv', 'legacy', 'pc']);
    expect(impact.organisations).toEqual(['kajaani', 'oulu', 'pop', 'ppshp']);
    expect(impact.integrated.find((r) => r.system === 'ret')).toEqual({
      system: 'ret',
      distance: 2,
      from: 'lc',
      integrations: ['i6'],
      platforms: [],
    });
  });

  it('reports a retired system asked about, passing over retired neighbours', () => {
    const impact = impactOf(model, 'ret');
    expect(impact.system).toBe('ret');
    expect(impact.integrations).toEqual(['i6']);
    expect(impact.integrated[0]).toEqual({
      system: 'lc',
      distance: 1,
      from: 'ret',
      integrations: ['i6'],
      platforms: [],
    });
  });

  it('rejects unknown ids, ids of other kinds and bad options with typed errors', () => {
    expect(() => impactOf(model, 'nothing')).toThrow(
      expect.objectContaining({ code: 'entity.unknown', id: 'nothing' }),
    );
    expect(() => impactOf(model, 'oulu')).toThrow(expect.objectContaining({ code: 'entity.wrong-kind', id: 'oulu' }));
    expect(() => impactOf(model, 'i1')).toThrow(expect.objectContaining({ code: 'entity.wrong-kind' }));
    expect(() => impactOf(model, 'esko', { depth: -1 })).toThrow(expect.objectContaining({ code: 'option.invalid' }));
    expect(() => impactOf(model, 'esko', { depth: 1.5 })).toThrow(OptionError);
    expect(() => impactOf(model, 'esko', { scopee: 'pop' } as never)).toThrow(
      expect.objectContaining({ code: 'option.invalid', option: 'scopee' }),
    );
    expect(impactOf(model, 'esko', { depth: Number.POSITIVE_INFINITY })).toEqual(impactOf(model, 'esko'));
    expect(() => impactOf(model, 'esko', { depth: '2' as unknown as number })).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
  });
});

describe('impactOf: laws', () => {
  const withSystems = documentArb(8).filter((doc) => (doc.systems ?? []).length > 0);

  it('does not depend on the order of the document', () => {
    fc.assert(
      fc.property(withSystems, fc.integer(), fc.nat(), (doc, seed, pick) => {
        const id = doc.systems![pick % doc.systems!.length]!.id;
        expect(impactOf(Model.load(shuffled(doc, seed)), id)).toEqual(impactOf(Model.load(doc), id));
      }),
      { numRuns: 150 },
    );
  });

  it('is symmetric between systems in use: B is at distance d from A exactly when A is at distance d from B', () => {
    fc.assert(
      fc.property(withSystems, (doc) => {
        const model = Model.load(doc);
        const live = model
          .systems()
          .filter((s) => s.lifecycle !== 'retired')
          .map((s) => s.id);
        const distance = new Map(
          live.map((id) => [id, new Map(impactOf(model, id).integrated.map((r) => [r.system, r.distance]))]),
        );
        for (const a of live) {
          for (const [b, d] of distance.get(a)!) expect(distance.get(b)?.get(a)).toBe(d);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reaches each system from one a hop nearer, through integrations that touch them', () => {
    fc.assert(
      fc.property(withSystems, fc.nat(), (doc, pick) => {
        const model = Model.load(doc);
        const id = doc.systems![pick % doc.systems!.length]!.id;
        const { integrated } = impactOf(model, id);
        const distanceOf = new Map<string, number>([
          [id, 0],
          ...integrated.map((r) => [r.system, r.distance] as [string, number]),
        ]);
        for (const reached of integrated) {
          expect(distanceOf.get(reached.from)).toBe(reached.distance - 1);
          expect(reached.integrations.length).toBeGreaterThan(0);
          for (const integrationId of reached.integrations) expect(model.integration(integrationId)).toBeDefined();
        }
      }),
      { numRuns: 150 },
    );
  });
});
