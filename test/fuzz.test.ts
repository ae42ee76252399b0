/**
 * The fuzz suite (issue 8): random mutations of the sample document, random patch lists (valid, corrupted, from
 * other models), random recipes (async ones and ones returning documents among them) and random byte-level
 * mutations of an exported ArchiMate file. Laws, for every input:
 * - a failure is a KarttaError, never a raw TypeError or RangeError;
 * - the caller's model is unchanged after a failure;
 * - a success equals a fresh load of its own toJSON();
 * - Object.prototype (and the other shared prototypes) are unchanged after each run.
 *
 * Bounded so that `npm test` stays fast; `FUZZ_RUNS=2000 npx vitest run test/fuzz.test.ts` for a long run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KarttaError, Model, fromArchimateXml, toArchimateXml, type KarttaDocument, type Patch } from '../src/index.js';
import { smallRegion } from './fixtures.js';
import { PROTOTYPE_NAMES, prototypeChanges, prototypeSnapshot, sampleDocument } from './hostile.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const sample = Model.load(sampleDocument());
const small = Model.load(smallRegion());
const sampleText = sample.toJSONText();
const smallText = small.toJSONText();

/** Runs `call` and checks the laws: a typed error or a model equal to a fresh load of itself; nothing else moves. */
function lawful(call: () => unknown, untouched: readonly [Model, string][] = []): void {
  const before = prototypeSnapshot();
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!(error instanceof KarttaError)) throw new Error(`not a KarttaError: ${String(error)}`, { cause: error });
  }
  if (result instanceof Model) {
    expect(Model.load(result.toJSON()).toJSON()).toEqual(result.toJSON());
    // A model answers its reads without throwing, whatever it was made from.
    for (const system of result.systems().slice(0, 5)) result.integrationsOf(system.id, { includeVia: true });
  }
  for (const [model, text] of untouched) expect(model.toJSONText()).toBe(text);
  expect(prototypeChanges(before, prototypeSnapshot())).toEqual([]);
}

/** Values a hostile document might hold anywhere. */
function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
const cyclic = (() => {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
})();
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom(null, undefined, true, 0, -1, 1.5, Number.NaN, Infinity, '', ' ', 'a b', '\u0000', 10n, [], {}),
  fc.constantFrom(deep(100), deep(5000), cyclic, 'x'.repeat(100_000), Object.create(null) as object),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'x', 'toString'), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 3,
  }),
);

type Mutation = {
  collection: string;
  index: number;
  field: string;
  value: unknown;
  op: 'set' | 'delete' | 'duplicate' | 'swap';
};
const collections = ['organisations', 'services', 'systems', 'integrations', 'relations', 'products'];
const fields = [
  'id',
  'name',
  'class',
  'kind',
  'lifecycle',
  'from',
  'to',
  'source',
  'target',
  'via',
  'type',
  'product',
  'users',
  'contract',
  'x',
  'platform',
  '__proto__',
  'constructor',
];
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  collection: fc.constantFrom(...collections, 'format', 'name', 'x', '__proto__', 'toString'),
  index: fc.nat({ max: 120 }),
  field: fc.constantFrom(...fields),
  value: hostileValue,
  op: fc.constantFrom('set', 'set', 'set', 'delete', 'duplicate', 'swap'),
});

/** Applies mutations to a JSON copy of a document (defining keys, so `__proto__` is an ordinary key). */
function mutate(doc: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  for (const m of mutations) {
    const items = doc[m.collection];
    if (!Array.isArray(items) || items.length === 0) {
      if (m.op === 'delete') delete doc[m.collection];
      else
        Object.defineProperty(doc, m.collection, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      continue;
    }
    const index = m.index % items.length;
    const item = items[index] as unknown;
    if (m.op === 'duplicate') items.push(item);
    else if (m.op === 'swap') items[index] = items[(index + 1) % items.length];
    else if (item !== null && typeof item === 'object') {
      const target = item as Record<string, unknown>;
      if (m.op === 'delete') delete target[m.field];
      else
        Object.defineProperty(target, m.field, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    } else {
      items[index] = m.value;
    }
  }
  return doc;
}

describe('fuzz: documents', () => {
  it('random mutations of the sample load or are refused with typed issues', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (mutations, asText) => {
        const doc = mutate(JSON.parse(sampleText) as Record<string, unknown>, mutations);
        let input: unknown = doc;
        if (asText) {
          try {
            input = JSON.stringify(doc);
          } catch {
            input = doc; // a cycle or a BigInt: no text for it, load the object
          }
        }
        lawful(() => Model.load(input), [[sample, sampleText]]);
        const result = Model.safeLoad(input);
        if (!result.ok) for (const issue of result.issues) expect(issue.message.length).toBeLessThan(400);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Patches: some from real edits (of this model or another), some corrupted, some made up. */
const patchArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    op: fc.constantFrom('add', 'replace', 'remove', 'move', 42),
    path: fc.array(
      fc.oneof(
        fc.constantFrom(...collections, 'name', 'x', '__proto__', 'constructor', 'prototype', 'id', 'lifecycle'),
        fc.integer({ min: -2, max: 12 }),
        fc.double(),
      ),
      { maxLength: 4 },
    ),
    value: hostileValue,
  }),
  hostileValue,
);

const recipes: ((draft: KarttaDocument) => unknown)[] = [
  (d) => void (d.name = 'Renamed'),
  (d) => void d.systems.pop(),
  (d) => void d.relations.splice(0, 3),
  (d) => void (d.systems[0] && (d.systems[0].lifecycle = 'retired')),
  (d) => void d.systems.push({ id: 'constructor', name: 'C', class: 'TORI', lifecycle: 'production' }),
  (d) =>
    void d.integrations.push({ id: '__proto__', source: d.systems[0]?.id ?? 'x', target: d.systems[1]?.id ?? 'y' }),
];

function patchesFrom(model: Model, picks: readonly number[]): Patch[][] {
  const out: Patch[][] = [];
  for (const pick of picks) {
    try {
      const result = model.edit((draft) => recipes[pick % recipes.length]!(draft));
      out.push([...result.patches], [...result.inversePatches]);
    } catch {
      // An edit the model refuses has no patches to offer.
    }
  }
  return out;
}

describe('fuzz: patch lists', () => {
  const own = patchesFrom(small, [0, 1, 2, 3, 4, 5]);
  const foreign = patchesFrom(sample, [0, 1, 2, 3, 4, 5]);

  it('applyPatches either throws a KarttaError or gives a model equal to a fresh load of itself', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...own, ...foreign).map((list) => ({ list })),
            patchArb.map((patch) => ({ patch })),
          ),
          { maxLength: 5 },
        ),
        fc.boolean(),
        (parts, wholeListHostile) => {
          const list: unknown[] = [];
          for (const part of parts) {
            if ('list' in part) list.push(...part.list);
            else list.push(part.patch);
          }
          lawful(
            () => small.applyPatches((wholeListHostile && list.length === 0 ? null : list) as Patch[]),
            [[small, smallText]],
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: recipes', () => {
  type RecipeStep =
    | { kind: 'mutate'; mutation: Mutation }
    | { kind: 'return'; mutations: Mutation[] }
    | { kind: 'known'; pick: number }
    | { kind: 'throw' }
    | { kind: 'async' }
    | { kind: 'thenable' };
  const stepArb: fc.Arbitrary<RecipeStep> = fc.oneof(
    mutationArb.map((mutation) => ({ kind: 'mutate' as const, mutation })),
    fc.array(mutationArb, { maxLength: 3 }).map((mutations) => ({ kind: 'return' as const, mutations })),
    fc.nat().map((pick) => ({ kind: 'known' as const, pick })),
    fc.constantFrom({ kind: 'throw' as const }, { kind: 'async' as const }, { kind: 'thenable' as const }),
  );

  it('an edit either throws a KarttaError with the model unchanged, or gives a model equal to a fresh load of itself', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 4 }), (steps) => {
        lawful(
          () =>
            small.edit((draft) => {
              let returned: unknown;
              for (const step of steps) {
                if (step.kind === 'mutate') mutate(draft, [step.mutation]);
                else if (step.kind === 'known') recipes[step.pick % recipes.length]!(draft);
                else if (step.kind === 'return')
                  returned = mutate(JSON.parse(smallText) as Record<string, unknown>, step.mutations);
                else if (step.kind === 'throw') throw new RangeError('from the recipe');
                else if (step.kind === 'async') return Promise.resolve().then(() => void (draft.name = 'late'));
                else return { then: (resolve: (value: unknown) => void) => resolve(undefined) };
              }
              return returned;
            }).model,
          [[small, smallText]],
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: ArchiMate bytes', () => {
  const xml = toArchimateXml(small, { views: true });
  const bytes = new TextEncoder().encode(xml);
  const decoder = new TextDecoder();

  it('a mutated export imports to a valid model or is refused with a KarttaError', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(),
            op: fc.constantFrom('flip', 'delete', 'insert', 'duplicate'),
            byte: fc.integer({ min: 0, max: 255 }),
            length: fc.integer({ min: 1, max: 64 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          let current = bytes;
          for (const edit of edits) {
            const at = edit.at % current.length;
            const next = [...current];
            if (edit.op === 'flip') next[at] = edit.byte;
            else if (edit.op === 'delete') next.splice(at, edit.length);
            else if (edit.op === 'insert') next.splice(at, 0, edit.byte);
            else next.splice(at, 0, ...current.slice(at, at + edit.length));
            current = Uint8Array.from(next);
          }
          const text = decoder.decode(current);
          lawful(() => fromArchimateXml(text).model, [[small, smallText]]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
