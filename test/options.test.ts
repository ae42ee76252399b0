import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArchimateExportError,
  KarttaError,
  Model,
  OptionError,
  QueryError,
  archimateChunks,
  buildViews,
  fromArchimateXml,
  harmonisationCandidates,
  impactOf,
  lint,
  parallelSystems,
  planMigration,
  readArchimate,
  toArchimateXml,
  writeArchimate,
} from '../src/index.js';
import { generateMigrationPlan, generateRegionModel, GeneratorOptionError } from '../src/testing/index.js';
import { smallRegion } from './fixtures.js';

/**
 * Every public entry point checks its options the same way: an unknown option, a malformed value or options
 * that are not an object give an OptionError with code `option.invalid`, the option named in `option`, and a
 * message that starts with the function's name.
 */
const model = Model.load(smallRegion());
const someSystem = model.systems()[0]?.id ?? '';
const someOrganisation = model.organisations()[0]?.id ?? '';
const xml = '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>M</name></model>';

/** Each entry point with the options it knows; run with options, it throws synchronously or rejects. */
const entryPoints: {
  name: string;
  known: readonly string[];
  required?: readonly string[];
  run: (options: unknown) => unknown;
}[] = [
  {
    name: 'harmonisationCandidates',
    known: ['scope', 'includeRetired'],
    run: (o) => harmonisationCandidates(model, o as never),
  },
  { name: 'parallelSystems', known: ['scope', 'allowedUntil', 'asOf'], run: (o) => parallelSystems(model, o as never) },
  { name: 'impactOf', known: ['depth', 'includeRetired'], run: (o) => impactOf(model, someSystem, o as never) },
  { name: 'lint', known: ['rules', 'asOf', 'scope'], run: (o) => lint(model, o as never) },
  {
    name: 'planMigration',
    known: ['weight', 'exhaustiveLimit'],
    run: (o) => planMigration(model, { steps: [] }, o as never),
  },
  {
    name: 'toArchimateXml',
    known: ['views', 'plan', 'planResult', 'extras', 'diagrams'],
    run: (o) => toArchimateXml(model, o as never),
  },
  {
    name: 'archimateChunks',
    known: ['views', 'plan', 'planResult', 'extras', 'diagrams'],
    run: (o) => archimateChunks(model, o as never),
  },
  {
    name: 'writeArchimate',
    known: ['views', 'plan', 'planResult', 'extras', 'diagrams', 'end'],
    run: (o) => writeArchimate(model, process.stdout, o as never),
  },
  { name: 'fromArchimateXml', known: ['maxDepth', 'maxLength'], run: (o) => fromArchimateXml(xml, o as never) },
  { name: 'readArchimate', known: ['maxDepth', 'maxLength'], run: (o) => readArchimate([xml], o as never) },
  {
    name: 'buildViews',
    known: ['landscapes', 'scope', 'parallel', 'plan', 'planElements'],
    run: (o) => buildViews(model, o as never),
  },
  { name: 'scope', known: ['scope', 'includeRetired'], run: (o) => model.scope(o as never) },
  { name: 'membersOf', known: ['transitive'], run: (o) => model.membersOf(someOrganisation, o as never) },
  { name: 'integrationsOf', known: ['includeVia'], run: (o) => model.integrationsOf(someSystem, o as never) },
  {
    name: 'generateRegionModel',
    known: ['regions', 'municipalitiesPerRegion', 'integrationsPerSystem', 'name'],
    required: ['seed', 'systems'],
    run: (o) => generateRegionModel({ seed: 1, systems: 100, ...(o as object) }),
  },
  {
    name: 'generateMigrationPlan',
    known: ['scope', 'start', 'waveMonths', 'capacity'],
    required: ['seed', 'steps'],
    run: (o) => generateMigrationPlan(smallRegion(), { seed: 1, steps: 0, ...(o as object) }),
  },
];

/** The error a call throws or rejects with. */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('options: one check for every entry point', () => {
  for (const entry of entryPoints) {
    it(`${entry.name} refuses an unknown option, naming it`, async () => {
      const error = await failure(() => entry.run({ scopee: 'pop' }));
      expect(error).toBeInstanceOf(OptionError);
      expect(error).toMatchObject({ code: 'option.invalid', option: 'scopee', path: ['scopee'] });
      expect((error as Error).message).toMatch(new RegExp(`^${entry.name}: 'scopee' is not an option`));
    });

    it(`${entry.name} accepts no options, and undefined for each option it knows`, async () => {
      const none = Object.fromEntries(entry.known.map((key) => [key, undefined]));
      expect(await failure(() => entry.run(none))).toBeUndefined();
    });
  }

  it('refuses options that are not an object, with option empty', async () => {
    for (const entry of entryPoints.filter((e) => !e.name.startsWith('generate'))) {
      // scope takes the organisation first: scope('fast') asks for an organisation called 'fast'.
      for (const bad of entry.name === 'scope' ? [42, [], true] : ['fast', 42, [], true]) {
        const error = await failure(() => entry.run(bad));
        expect(error, `${entry.name} ${JSON.stringify(bad)}`).toMatchObject({
          code: 'option.invalid',
          option: '',
          path: [],
        });
        expect((error as Error).message).toMatch(new RegExp(`^${entry.name}: the options must be an object, got `));
      }
    }
  });

  it('names any unknown key, however hostile, and never reads it off a prototype', async () => {
    const hostileKey = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'x'.repeat(10_000)),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...entryPoints),
        hostileKey,
        fc.anything({ maxDepth: 3 }),
        async (entry, key, value) => {
          fc.pre(!entry.known.includes(key) && !(entry.required ?? []).includes(key));
          const options = JSON.parse(`{${JSON.stringify(key)}: 1}`) as Record<string, unknown>;
          Object.defineProperty(options, key, { value, enumerable: true, configurable: true, writable: true });
          const error = await failure(() => entry.run(options));
          expect(error).toBeInstanceOf(OptionError);
          expect((error as OptionError).option).toBe(key);
          // The echo of a key is capped: the message stays short whatever the key.
          expect((error as Error).message.length).toBeLessThan(400);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('says what a value must be and echoes what it got, capped', () => {
    expect(() => impactOf(model, someSystem, { depth: -1 })).toThrow(
      `impactOf: option 'depth' must be a non-negative integer or Infinity, got -1`,
    );
    expect(() => model.scope({ includeRetired: 'no' } as never)).toThrow(
      `scope: option 'includeRetired' must be true or false, got "no"`,
    );
    expect(() => generateRegionModel({ seed: 1, systems: 2.5 })).toThrow(
      `generateRegionModel: option 'systems' must be a whole number from 1 to 10000000, got 2.5`,
    );
    expect(() => generateRegionModel({ seed: Number.NaN, systems: 10 })).toThrow(
      `option 'seed' must be a finite number or a string, got NaN`,
    );
    expect(() => generateMigrationPlan(smallRegion(), { seed: 1, steps: 1, start: '2019-02-30' })).toThrow(
      `generateMigrationPlan: option 'start' must be an existing calendar date as YYYY-MM-DD, got "2019-02-30"`,
    );
    const huge = { nested: 'y'.repeat(1000) };
    const error = (() => {
      try {
        toArchimateXml(model, { views: huge } as never);
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message).toMatch(/'views\.nested' is not an option/);
    expect(() => parallelSystems(model, { asOf: 'z'.repeat(1000) })).toThrow(/got "z{79}… \(1002 characters\)$/);
  });

  it('leaves the caller’s options and model as they were', () => {
    const before = model.toJSONText();
    const options = { scope: 42, rules: { 'system.no-owner': 'fatal' } };
    const copy = JSON.stringify(options);
    expect(() => lint(model, options as never)).toThrow(OptionError);
    expect(JSON.stringify(options)).toBe(copy);
    expect(model.toJSONText()).toBe(before);
  });

  it('keeps GeneratorOptionError working: it is the OptionError class', () => {
    expect(GeneratorOptionError).toBe(OptionError);
    expect(() => generateRegionModel({ seed: 1, systems: -5 })).toThrow(GeneratorOptionError);
  });
});

describe('errors: one shape', () => {
  it('every KarttaError has code, message, option, id and path, and keeps its cause', () => {
    const cause = new Error('underneath');
    const errors: KarttaError[] = [
      new KarttaError('model.invalid', 'm', { path: ['systems', 0], cause }),
      new QueryError('scope.unknown', 'q', 'nowhere'),
      new OptionError('o', { option: 'scope', path: ['scope'] }),
      new ArchimateExportError('archimate.unrepresentable-text', 'e', 'id-x'),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expect(Object.keys(error).sort()).toEqual(expect.arrayContaining(['code', 'id', 'option', 'path']));
      expect(error.name).toBe(error.constructor.name);
    }
    expect(errors[0]?.cause).toBe(cause);
    expect(errors[1]?.id).toBe('nowhere');
    expect(errors[3]?.id).toBe('id-x');
    expect((errors[3] as ArchimateExportError).identifier).toBe('id-x');
  });
});
