import { describe, expect, it } from 'vitest';
import { Model, QueryError } from '../src/index.js';
import { smallRegion } from './fixtures.js';

const model = Model.load(smallRegion());

describe('typed reads', () => {
  it('finds entities by id with their kind', () => {
    expect(model.get('oulu')?.kind).toBe('organisation');
    expect(model.get('primary-care')?.kind).toBe('service');
    expect(model.get('i-1')?.kind).toBe('integration');
    expect(model.get('lifecare')?.kind).toBe('product');
    expect(model.get('owns: oulu -> lifecare-oulu')).toBeUndefined();
    expect(model.get('nothing')).toBeUndefined();
    expect(model.system('oulu')).toBeUndefined();
    expect(model.organisation('oulu')?.municipalityCode).toBe('564');
    expect(model.integration('i-1')?.protocol).toBe('HL7 v2');
    expect(model.product('lifecare')?.vendor).toBe('Tietoevry');
    expect(model.service('primary-care')?.domain).toBe('health');
  });

  it('lists entities sorted by id, relations by type, from and to', () => {
    expect(model.organisations().map((o) => o.id)).toEqual(['ja', 'kajaani', 'oulu', 'pop', 'pyhajarvi']);
    expect(model.relations('memberOf').map((r) => `${r.from}>${r.to}`)).toEqual(['ja>pop', 'oulu>pop', 'pyhajarvi>ja']);
    expect(model.relations().map((r) => r.type)).toEqual([
      'memberOf',
      'memberOf',
      'memberOf',
      'owns',
      'owns',
      'owns',
      'owns',
      'owns',
      'uses',
      'supports',
    ]);
  });

  it('gives relations in and out of an entity', () => {
    expect(model.relationsOut('oulu').map((r) => `${r.type}:${r.to}`)).toEqual([
      'memberOf:pop',
      'owns:lifecare-oulu',
      'owns:old-ppj',
    ]);
    expect(model.relationsIn('lifecare-ja').map((r) => `${r.type}:${r.from}`)).toEqual(['owns:ja', 'uses:pyhajarvi']);
    expect(model.relationsOut('oulu', 'owns').length).toBe(2);
    expect(model.relationsOut('nothing')).toEqual([]);
  });

  it('gives the integrations of a system, and through a platform', () => {
    expect(model.integrationsOf('lifecare-ja').map((i) => i.id)).toEqual(['i-1']);
    expect(model.integrationsOf('pop-esb')).toEqual([]);
    expect(model.integrationsOf('pop-esb', { includeVia: true }).map((i) => i.id)).toEqual(['i-1']);
    expect(model.integrationsVia('pop-esb')).toEqual(['i-1']);
  });

  it('gives members transitively or directly', () => {
    expect(model.membersOf('pop')).toEqual(['ja', 'oulu', 'pyhajarvi']);
    expect(model.membersOf('pop', { transitive: false })).toEqual(['ja', 'oulu']);
    expect(model.membersOf('kajaani')).toEqual([]);
    expect(() => model.membersOf('lifecare-oulu')).toThrow(QueryError);
  });

  it('survives a memberOf cycle', () => {
    const cyclic = model.edit(
      (doc) => void doc.relations.push({ type: 'memberOf', from: 'pop', to: 'pyhajarvi' }),
    ).model;
    expect(cyclic.membersOf('pop')).toEqual(['ja', 'oulu', 'pyhajarvi']);
  });
});

describe('scope', () => {
  it('holds the region, its members transitively and the systems they own or use, retired left out', () => {
    expect(model.scope({ scope: 'pop' })).toEqual({
      root: 'pop',
      organisations: ['ja', 'oulu', 'pop', 'pyhajarvi'],
      systems: ['lifecare-ja', 'lifecare-oulu', 'pop-esb'],
    });
  });

  it('keeps retired systems when asked', () => {
    expect(model.scope({ scope: 'pop', includeRetired: true }).systems).toContain('old-ppj');
  });

  it('is the whole model without a scope', () => {
    const scope = model.scope();
    expect(scope.root).toBeNull();
    expect(scope.systems).toEqual(['lifecare-ja', 'lifecare-kajaani', 'lifecare-oulu', 'pop-esb']);
    expect(scope.organisations).toHaveLength(5);
  });

  it('throws a typed error for a scope that does not exist or is not an organisation', () => {
    expect(() => model.scope({ scope: 'nowhere' })).toThrow(
      expect.objectContaining({ code: 'scope.unknown', id: 'nowhere' }),
    );
    expect(() => model.scope({ scope: 'lifecare-oulu' })).toThrow(
      expect.objectContaining({ code: 'scope.not-organisation' }),
    );
  });
});

describe('productOf', () => {
  it('matches the catalogue by alias, case and runs of white space', () => {
    expect(model.productOf('lifecare-oulu')).toEqual({ key: 'lifecare', name: 'Lifecare', catalogue: true });
    expect(model.productOf('lifecare-ja')).toEqual({ key: 'lifecare', name: 'Lifecare', catalogue: true });
    expect(model.productOf('lifecare-kajaani')?.key).toBe('lifecare');
  });

  it('treats a product outside the catalogue as its own normalised name', () => {
    const next = model.edit((doc) => {
      doc.systems.find((s) => s.id === 'pop-esb')!.product = '  Frends   ESB ';
    }).model;
    expect(next.productOf('pop-esb')).toEqual({ key: 'frends esb', name: 'Frends ESB', catalogue: false });
    expect(model.productOf('old-ppj')).toBeUndefined();
    expect(model.productOf('nothing')).toBeUndefined();
  });
});
