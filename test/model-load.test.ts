import { describe, expect, it } from 'vitest';
import { Model, ModelValidationError, type Issue } from '../src/index.js';
import { smallRegion } from './fixtures.js';

function issuesOf(input: unknown): Issue[] {
  const result = Model.safeLoad(input);
  if (result.ok) throw new Error('expected the load to fail');
  return [...result.issues];
}

function codesAt(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `${issue.code} ${issue.path.join('.')}`);
}

describe('Model.load', () => {
  it('loads a valid document given as an object or as JSON text', () => {
    const model = Model.load(smallRegion());
    expect(model.systems().map((s) => s.id)).toEqual([
      'lifecare-ja',
      'lifecare-kajaani',
      'lifecare-oulu',
      'old-ppj',
      'pop-esb',
    ]);
    const fromText = Model.load(JSON.stringify(smallRegion()));
    expect(fromText.toJSON()).toEqual(model.toJSON());
  });

  it('keeps Finnish and Swedish letters unchanged', () => {
    const model = Model.load(smallRegion());
    expect(model.organisation('pyhajarvi')?.name).toBe('Pyhäjärvi');
    expect(model.name).toEqual({ fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' });
  });

  it('copies its input: changing the caller object later does not change the model', () => {
    const input = smallRegion();
    const model = Model.load(input);
    (input.systems![0] as { name: string }).name = 'changed';
    (input.systems![4] as unknown as { x: { cmdb: { ci: string } } }).x.cmdb.ci = 'changed';
    expect(model.system('lifecare-oulu')?.name).toBe('Lifecare (Oulu)');
    expect(model.system('pop-esb')?.x).toEqual({ cmdb: { ci: 'CI-1' } });
  });

  it('leaves an object input whole: only text it parsed itself is let go of while loading', () => {
    const input = smallRegion();
    const before = structuredClone(input);
    Model.load(input);
    expect(input).toEqual(before);
  });

  it('reports references and bad elements of JSON text as it does for an object', () => {
    // Text is parsed by the load and its elements let go once copied: references to them must still resolve,
    // and a bad element's issue must still name it.
    const doc = smallRegion();
    (doc.systems![1] as { tori?: unknown }).tori = 'yes';
    (doc.integrations![0] as unknown as { to: string }).to = 'nowhere';
    doc.relations!.push({ type: 'owns', from: 'oulu', to: 'missing-system' });
    const fromObject = codesAt(issuesOf(doc));
    expect(fromObject.length).toBeGreaterThanOrEqual(3);
    expect(codesAt(issuesOf(JSON.stringify(doc)))).toEqual(fromObject);
    expect(Model.load(JSON.stringify(smallRegion())).integrations().length).toBe(smallRegion().integrations!.length);
  });

  it('throws ModelValidationError carrying the issues; safeLoad returns them', () => {
    const bad = { ...smallRegion(), format: 'kartta/2' };
    expect(() => Model.load(bad)).toThrow(ModelValidationError);
    try {
      Model.load(bad);
    } catch (error) {
      expect((error as ModelValidationError).code).toBe('model.invalid');
      expect((error as ModelValidationError).issues).toEqual([
        { code: 'format.unsupported', path: ['format'], message: expect.stringContaining('kartta/2') },
      ]);
      expect((error as Error).message).toContain('format');
    }
  });

  it('names every problem at once, each with its path and code', () => {
    const doc = smallRegion() as Record<string, any>;
    doc.systems[3].contract = { ends: '2022-02-30', annualCost: -5, noticeMonths: 1.5 };
    doc.systems[1].class = 'TOXI';
    doc.organisations[1].businessId = '0187690-2';
    doc.organisations[3].municipalityCode = '62';
    doc.integrations.push({ id: 'i-2', source: 'nowhere', target: 'oulu', via: 'lifecare-oulu' });
    doc.relations.push({ type: 'supports', from: 'primary-care', to: 'lifecare-oulu' });
    doc.relations.push({ type: 'owns', from: 'oulu', to: 'lifecare-oulu' });
    doc.relations.push({ type: 'memberOf', from: 'oulu', to: 'oulu' });
    doc.services.push({ id: 'oulu', name: 'Dup', domain: 'health' });
    doc.systems.push({ id: 'new', name: 'N', class: 'TORI', lifecycle: 'production', colour: 'red' });
    doc.extra = true;
    expect(codesAt(issuesOf(doc))).toEqual([
      'business-id.invalid organisations.1.businessId',
      'municipality-code.invalid organisations.3.municipalityCode',
      'id.duplicate services.1.id',
      'value.invalid systems.1.class',
      'date.invalid systems.3.contract.ends',
      'number.not-integer systems.3.contract.noticeMonths',
      'number.negative systems.3.contract.annualCost',
      'field.unknown systems.5.colour',
      'reference.missing integrations.1.source',
      'reference.kind integrations.1.target',
      'via.not-platform integrations.1.via',
      'reference.kind relations.10.from',
      'reference.kind relations.10.to',
      'relation.duplicate relations.11',
      'relation.self relations.12.to',
      'field.unknown extra',
    ]);
  });

  it('reports missing fields and wrong types with readable messages', () => {
    const issues = issuesOf({
      format: 'kartta/1',
      systems: [{ id: 'a', name: 5, class: 'TORI' }],
      relations: [{ from: 'a' }, null, { type: 'linksTo', from: 'a', to: 'a' }],
    });
    expect(codesAt(issues)).toEqual([
      'field.required name',
      'type.invalid systems.0.name',
      'field.required systems.0.lifecycle',
      'field.required relations.0.type',
      'type.invalid relations.1',
      'value.invalid relations.2.type',
    ]);
    expect(issues[1]!.message).toBe('expected a string or an object of language codes, got a number');
    expect(issues[5]!.message).toContain('"linksTo"');
  });

  it('checks names: languages, empty objects, empty strings', () => {
    const issues = issuesOf({ format: 'kartta/1', name: { FI: 'x' }, services: [{ id: 's', name: {}, domain: '' }] });
    expect(codesAt(issues)).toEqual([
      'name.language-invalid name.FI',
      'name.empty services.0.name',
      'string.empty services.0.domain',
    ]);
  });

  it('checks ids: white space, control characters, length', () => {
    const issues = issuesOf({
      format: 'kartta/1',
      name: 'X',
      services: [
        { id: 'a b', name: 'S', domain: 'd' },
        { id: 'a\u0007', name: 'S', domain: 'd' },
        { id: 'x'.repeat(201), name: 'S', domain: 'd' },
      ],
    });
    expect(codesAt(issues)).toEqual([
      'id.invalid services.0.id',
      'id.invalid services.1.id',
      'string.too-long services.2.id',
    ]);
  });

  it('ids are unique across products and every kind of entity', () => {
    const doc = smallRegion() as Record<string, any>;
    doc.products.push({ id: 'oulu', name: 'Oulu product' });
    doc.integrations.push({ id: 'primary-care', source: 'lifecare-oulu', target: 'lifecare-ja' });
    const issues = issuesOf(doc);
    expect(codesAt(issues)).toEqual(['id.duplicate organisations.1.id', 'id.duplicate integrations.1.id']);
    expect(issues[0]!.message).toContain('products.1');
  });

  it('refuses a product name or alias claimed by two catalogue products', () => {
    const doc = smallRegion() as Record<string, any>;
    doc.products.push({ id: 'other', name: 'Other', aliases: ['tieto   LIFECARE'] });
    expect(codesAt(issuesOf(doc))).toEqual(['product.ambiguous products.1']);
  });

  it('refuses an x that is not a JSON object, and accepts anything JSON inside x', () => {
    expect(codesAt(issuesOf({ format: 'kartta/1', name: 'X', x: [1, 2] }))).toEqual(['extension.invalid x']);
    const model = Model.load({ format: 'kartta/1', name: 'X', x: { tool: { nested: [1, { a: null }], flag: true } } });
    expect(model.toJSON().x).toEqual({ tool: { flag: true, nested: [1, { a: null }] } });
  });
});

describe('Model.load on hostile or odd input', () => {
  it.each([
    ['null', null, 'type.invalid'],
    ['an array', [], 'type.invalid'],
    ['a number', 42, 'type.invalid'],
    ['malformed JSON text', '{"format": ', 'json.syntax'],
    ['a JSON string', '"kartta/1"', 'type.invalid'],
  ])('gives an issue, not a crash, for %s', (_label, input, code) => {
    expect(issuesOf(input)[0]!.code).toBe(code);
  });

  it('refuses arrays where objects belong and objects where arrays belong', () => {
    expect(codesAt(issuesOf({ format: 'kartta/1', name: 'X', systems: {}, organisations: [[]] }))).toEqual([
      'type.invalid organisations.0',
      'type.invalid systems',
    ]);
  });

  it('refuses a 10 MB name without trouble', () => {
    const issues = issuesOf({ format: 'kartta/1', name: 'x'.repeat(10 * 1024 * 1024) });
    expect(codesAt(issues)).toEqual(['string.too-long name']);
  });

  it('handles very deep nesting in JSON text and in x', () => {
    const depth = 5000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(codesAt(issuesOf(`{"format":"kartta/1","name":"X","systems":${deep}}`))).toEqual([
      'value.too-deep systems.0',
    ]);
    let nested: unknown = 1;
    for (let i = 0; i < 100; i++) nested = { a: nested };
    expect(codesAt(issuesOf({ format: 'kartta/1', name: 'X', x: nested }))).toEqual(['extension.invalid x']);
  });

  it('never lets a __proto__ key pollute a prototype', () => {
    const text =
      '{"format":"kartta/1","name":"X","__proto__":{"polluted":1},"systems":[{"id":"s","name":"S","class":"TORI","lifecycle":"production","__proto__":{"polluted":2}}]}';
    expect(codesAt(issuesOf(text))).toEqual(['field.unknown systems.0.__proto__', 'field.unknown __proto__']);
    const accepted = Model.load('{"format":"kartta/1","name":"X","x":{"__proto__":{"polluted":3}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(accepted.toJSON().x)).toBe(Object.prototype);
    expect(Object.keys(accepted.toJSON().x!)).toEqual(['__proto__']);
    expect(JSON.stringify(accepted.toJSON().x)).toBe('{"__proto__":{"polluted":3}}');
  });

  it('turns an input whose getters throw into an issue', () => {
    const input = {
      format: 'kartta/1',
      get name(): string {
        throw new Error('boom');
      },
    };
    expect(issuesOf(input)[0]!.code).toBe('input.unreadable');
  });
});
