import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model, QueryError, diffModels, formatDiff, fromArchimateXml, toArchimateXml } from '../src/index.js';
import { documentArb, shuffled } from './arbitraries.js';
import { smallRegion } from './fixtures.js';

const sample = () => Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));

describe('diffModels', () => {
  it('finds nothing between a model and itself, or a reordered copy of it', () => {
    const model = Model.load(smallRegion());
    expect(diffModels(model, model)).toEqual({
      equal: true,
      header: [],
      entries: [],
      counts: { added: 0, removed: 0, changed: 0 },
    });
    const reordered = Model.load(shuffled(smallRegion(), 7));
    expect(diffModels(model, reordered).equal).toBe(true);
  });

  it('lists added, removed and changed entities with names next to ids, by collection, change and id', () => {
    const before = Model.load(smallRegion());
    const { model: after } = before.edit((doc) => {
      const oulu = doc.systems.find((s) => s.id === 'lifecare-oulu')!;
      oulu.lifecycle = 'phasingOut';
      oulu.contract!.ends = '2021-12-31';
      doc.systems = doc.systems.filter((s) => s.id !== 'lifecare-kajaani');
      doc.relations = doc.relations.filter((r) => r.to !== 'lifecare-kajaani');
      doc.systems.push({ id: 'esko-pop', name: 'Esko (POP)', class: 'TOSI', lifecycle: 'planned' });
      doc.relations.push({ type: 'owns', from: 'pop', to: 'esko-pop' });
      doc.name = 'Pohjois-Pohjanmaa 2019';
    });
    const diff = diffModels(before, after);
    expect(diff.equal).toBe(false);
    expect(diff.counts).toEqual({ added: 2, removed: 2, changed: 1 });
    expect(diff.header).toEqual([
      { path: ['name'], before: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' }, after: 'Pohjois-Pohjanmaa 2019' },
    ]);
    expect(diff.entries.map((e) => [e.change, e.collection, e.id, e.name])).toEqual([
      ['added', 'systems', 'esko-pop', 'Esko (POP)'],
      ['removed', 'systems', 'lifecare-kajaani', 'Lifecare (Kajaani)'],
      ['changed', 'systems', 'lifecare-oulu', 'Lifecare (Oulu)'],
      ['added', 'relations', 'owns: pop -> esko-pop', 'Pohjois-Pohjanmaa owns Esko (POP)'],
      ['removed', 'relations', 'owns: kajaani -> lifecare-kajaani', 'Kajaani owns Lifecare (Kajaani)'],
    ]);
    expect(diff.entries[2]!.fields).toEqual([
      { path: ['lifecycle'], before: 'production', after: 'phasingOut' },
      { path: ['contract', 'ends'], before: '2020-12-31', after: '2021-12-31' },
    ]);
    expect(diff.entries[0]!.after).toEqual({ id: 'esko-pop', name: 'Esko (POP)', class: 'TOSI', lifecycle: 'planned' });
    expect(diff.entries[3]!.relation).toEqual({ type: 'owns', from: 'pop', to: 'esko-pop' });
  });

  it('treats defaults as absent: oneWay, platform false, empty aliases, contract and x', () => {
    const doc = smallRegion();
    const before = Model.load(doc);
    const explicit = structuredClone(doc);
    explicit.integrations!.push({ id: 'i-2', source: 'lifecare-oulu', target: 'lifecare-kajaani' });
    const implicit = structuredClone(explicit);
    explicit.integrations![1]!.direction = 'oneWay';
    explicit.systems![1]!.platform = false;
    explicit.systems![1]!.contract = {};
    explicit.systems![1]!.x = {};
    explicit.products![0]!.aliases = [];
    implicit.products![0]!.aliases = undefined;
    delete implicit.products![0]!.aliases;
    expect(diffModels(Model.load(implicit), Model.load(explicit)).equal).toBe(true);
    // A real change next to a default is still reported, with the default spelled out.
    const changed = diffModels(Model.load(explicit), before);
    expect(changed.entries.map((e) => [e.change, e.id])).toEqual([
      ['changed', 'lifecare'],
      ['removed', 'i-2'],
    ]);
    const oneWay = Model.load({
      ...explicit,
      integrations: [{ ...explicit.integrations![0]!, direction: 'oneWay' }, explicit.integrations![1]!],
    });
    expect(diffModels(Model.load(explicit), oneWay).entries.find((e) => e.id === 'i-1')!.fields).toEqual([
      { path: ['direction'], before: 'twoWay', after: 'oneWay' },
    ]);
  });

  it('shows nothing after an ArchiMate export and import of the sample', () => {
    const model = sample();
    const { model: back } = fromArchimateXml(toArchimateXml(model));
    expect(diffModels(model, back)).toMatchObject({ equal: true, entries: [] });
  });

  it('keeps hostile ids and keys as data', () => {
    const doc = {
      format: 'kartta/1',
      name: 'X',
      organisations: [{ id: '__proto__', kind: 'municipality', name: 'Proto' }],
      systems: [
        {
          id: 'constructor',
          name: 'C',
          class: 'TORI',
          lifecycle: 'production',
          x: JSON.parse('{"__proto__":{"a":1}}'),
        },
        { id: 'toString', name: 'T', class: 'TORI', lifecycle: 'production' },
      ],
      relations: [{ type: 'owns', from: '__proto__', to: 'constructor' }],
    };
    const before = Model.load(doc);
    const after = Model.load({
      ...doc,
      systems: [{ ...doc.systems[0]!, x: JSON.parse('{"__proto__":{"a":2}}') }],
      relations: [],
    });
    const diff = diffModels(before, after);
    expect(diff.entries.map((e) => [e.change, e.id])).toEqual([
      ['removed', 'toString'],
      ['changed', 'constructor'],
      ['removed', 'owns: __proto__ -> constructor'],
    ]);
    expect(diff.entries[1]!.fields).toEqual([{ path: ['x', '__proto__', 'a'], before: 1, after: 2 }]);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    expect(JSON.parse(formatDiff(diff, { format: 'json' }))).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  it('refuses what is not a model, naming the argument', () => {
    expect(() => diffModels({} as Model, sample())).toThrow(QueryError);
    expect(() => diffModels(sample(), null as unknown as Model)).toThrow(/'after' must be a Model/);
  });

  it('is symmetric: swapping the models swaps added and removed and before and after', () => {
    fc.assert(
      fc.property(documentArb(5), documentArb(5), (a, b) => {
        const ma = Model.load(a);
        const mb = Model.load(b);
        const forward = diffModels(ma, mb);
        const backward = diffModels(mb, ma);
        expect(backward.counts).toEqual({
          added: forward.counts.removed,
          removed: forward.counts.added,
          changed: forward.counts.changed,
        });
        const flip = (e: (typeof forward.entries)[number]) =>
          `${e.collection} ${e.id} ${e.change === 'added' ? 'removed' : e.change === 'removed' ? 'added' : 'changed'}`;
        expect(backward.entries.map((e) => `${e.collection} ${e.id} ${e.change}`).sort()).toEqual(
          forward.entries.map(flip).sort(),
        );
        expect(forward.equal).toBe(JSON.stringify(ma.toJSON()) === JSON.stringify(mb.toJSON()) || forward.equal);
      }),
      { numRuns: 60 },
    );
  });
});

describe('formatDiff', () => {
  const before = Model.load(smallRegion());
  const { model: after } = before.edit((doc) => {
    doc.systems.find((s) => s.id === 'lifecare-oulu')!.lifecycle = 'retired';
    doc.relations.push({ type: 'uses', from: 'kajaani', to: 'pop-esb', users: 5 });
  });
  const diff = diffModels(before, after);

  it('writes text with a summary, + - ~ marks and changed fields', () => {
    expect(formatDiff(diff)).toBe(
      [
        'Differences: 1 added, 0 removed, 1 changed.',
        '',
        'Systems',
        '  ~ lifecare-oulu  Lifecare (Oulu)',
        '      lifecycle: production → retired',
        '',
        'Relations',
        '  + Kajaani uses ESB  [uses: kajaani -> pop-esb]',
        '',
      ].join('\n'),
    );
    expect(formatDiff(diffModels(before, before))).toBe('No differences.\n');
  });

  it('writes Markdown tables with pipes escaped', () => {
    const { model: piped } = before.edit((doc) => {
      doc.services[0]!.name = 'a | b';
    });
    const md = formatDiff(diffModels(before, piped), { format: 'markdown' });
    expect(md).toContain('### Services');
    expect(md).toContain('| changed | `primary-care` | a \\| b | name: Perusterveydenhuolto → "a \\| b" |');
  });

  it('refuses unknown options and formats', () => {
    expect(() => formatDiff(diff, { format: 'html' as 'text' })).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
    expect(() => formatDiff(diff, { colour: true } as never)).toThrow(/'colour' is not an option/);
  });
});
