import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Model, OptionError, QueryError, relationTypes } from '../src/index.js';

const sample = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));

describe('the read API: one grid', () => {
  it('scope takes the organisation first; the old options form still gives the same answer', () => {
    expect(sample.scope('pop')).toEqual(sample.scope({ scope: 'pop' }));
    expect(sample.scope('pop', { includeRetired: true })).toEqual(sample.scope({ scope: 'pop', includeRetired: true }));
    expect(sample.scope()).toEqual(sample.scope({}));
    expect(sample.scope(undefined, { includeRetired: true })).toEqual(sample.scope({ includeRetired: true }));
    expect(sample.scope('pop', { includeRetired: true }).systems.length).toBeGreaterThan(
      sample.scope('pop').systems.length,
    );
    expect(() => sample.scope('nowhere')).toThrow(QueryError);
    expect(() => sample.scope('pop', { scope: 'x' } as never)).toThrow(OptionError);
    expect(() => sample.scope('')).toThrow(expect.objectContaining({ code: 'option.invalid', option: 'scope' }));
  });

  it('every list is frozen and sorted, and the same list comes back for the same question', () => {
    const system = sample.systems()[0]?.id ?? '';
    const lists: readonly (readonly unknown[])[] = [
      sample.organisations(),
      sample.systems(),
      sample.relations(),
      sample.relations('owns'),
      sample.relationsOut('oulu'),
      sample.relationsIn(system),
      sample.integrationsOf(system, { includeVia: true }),
      sample.integrationsVia('pop-esb'),
      sample.membersOf('pop'),
      sample.relationsOut('nowhere'),
    ];
    for (const list of lists) expect(Object.isFrozen(list)).toBe(true);
    expect(sample.relations('owns')).toBe(sample.relations('owns'));
  });

  it('relations(type) is the sorted relations of that type, for every type', () => {
    for (const type of relationTypes)
      expect(sample.relations(type)).toEqual(sample.relations().filter((r) => r.type === type));
    const empty = Model.load({ format: 'kartta/1', name: 'X' });
    expect(empty.relations('owns')).toEqual([]);
  });
});
