/**
 * Issue 8 §2–§5: each defect found by trying the loader, the edit path and the API as an attacker would, with a
 * regression test of its own. The common law: a failure is a typed KarttaError and the model stays as it was.
 */
import { describe, expect, it } from 'vitest';
import {
  ArchimateImportError,
  EditError,
  KarttaError,
  Model,
  ModelValidationError,
  OptionError,
  echo,
  planMigration,
  readArchimate,
  toArchimateXml,
  type KarttaDocument,
  type Patch,
} from '../src/index.js';
import { smallRegion } from './fixtures.js';

const model = Model.load(smallRegion());
const before = model.toJSONText();

/** The error a call throws (failing the test when it throws nothing). */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function issuesOf(call: () => unknown): string[] {
  const error = thrown(call);
  expect(error).toBeInstanceOf(ModelValidationError);
  return (error as ModelValidationError).issues.map((issue) => `${issue.code} ${issue.path.join('.')}`);
}

function deepArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const newSystem = { id: 'pop', name: 'Duplicate', class: 'BAD', lifecycle: 'production' };

describe('§2 applyPatches validates exactly like edit', () => {
  it('refuses an add past the end of a collection instead of storing it unvalidated', () => {
    const issues = issuesOf(() => model.applyPatches([{ op: 'add', path: ['systems', 50], value: newSystem }]));
    expect(issues).toEqual(['patch.invalid systems.50']);
    expect(model.toJSONText()).toBe(before);
  });

  it('refuses a replace past the end (which left holes that broke toJSON, lint and export)', () => {
    expect(
      issuesOf(() => model.applyPatches([{ op: 'replace', path: ['systems', 7], value: { ...newSystem, id: 'new' } }])),
    ).toEqual(['patch.invalid systems.7']);
    expect(
      issuesOf(() => model.applyPatches([{ op: 'replace', path: ['integrations', 3, 'data'], value: 'x' }])),
    ).toEqual(['patch.invalid integrations.3.data']);
  });

  it('refuses negative and fractional indexes, a null list and malformed patches with a typed error', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'patches',
      [null],
      [{ op: 'remove', path: ['systems', -1] }],
      [{ op: 'replace', path: ['systems', 1.5], value: 1 }],
      [{ op: 'move', path: ['name'], value: 'X' }],
      [{ op: 'replace', path: 'name', value: 'X' }],
      [{ op: 'replace', path: ['name'] }],
      [{ op: 'add', path: ['systems', '-'], value: newSystem }],
    ];
    for (const patches of bad) {
      const error = thrown(() => model.applyPatches(patches as Patch[]));
      expect(error).toBeInstanceOf(ModelValidationError);
      expect((error as ModelValidationError).issues.map((issue) => issue.code)).toEqual(['patch.invalid']);
    }
    expect(model.toJSONText()).toBe(before);
  });

  it('counts indexes along the list: a patch may use what an earlier one added, not more', () => {
    const system = (id: string) => ({ id, name: id, class: 'TORI', lifecycle: 'production' });
    const grown = model.applyPatches([
      { op: 'add', path: ['systems', 5], value: system('a') },
      { op: 'add', path: ['systems', 6], value: system('b') },
      { op: 'replace', path: ['systems', 6, 'name'], value: 'B' },
    ]);
    expect(grown.system('b')?.name).toBe('B');
    expect(
      issuesOf(() =>
        model.applyPatches([
          { op: 'remove', path: ['systems', 4] },
          { op: 'replace', path: ['systems', 4, 'name'], value: 'gone' },
        ]),
      ),
    ).toEqual(['patch.invalid systems.4.name']);
  });

  it('reports an invalid result with the same codes and paths as the edit that would make it', () => {
    const viaEdit = issuesOf(() => model.edit((draft) => void draft.systems.push(newSystem as never)));
    const viaPatches = issuesOf(() => model.applyPatches([{ op: 'add', path: ['systems', 5], value: newSystem }]));
    expect(viaPatches).toEqual(viaEdit);
    expect(viaEdit).toEqual(['value.invalid systems.5.class', 'id.duplicate systems.5.id']);
  });

  it('applies patches taken from another model only where they fit', () => {
    const bigger = Model.load({
      ...smallRegion(),
      services: [
        ...(smallRegion().services ?? []),
        ...Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, domain: 'health' })),
      ],
    });
    const { inversePatches } = bigger.edit((draft) => void draft.services.splice(8, 1));
    const issues = issuesOf(() => model.applyPatches(inversePatches));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue).toMatch(/^patch\.invalid services\.\d+$/);
    expect(model.toJSONText()).toBe(before);
  });

  it('treats a removed collection as an empty one, as load does', () => {
    const emptied = model.applyPatches([
      { op: 'remove', path: ['relations'] },
      { op: 'remove', path: ['integrations'] },
    ]);
    expect(emptied.relations()).toEqual([]);
    expect(emptied.toJSON()).toEqual(Model.load(emptied.toJSON()).toJSON());
  });
});

describe('§3 edits are transactions, also when the recipe is async or returns a document', () => {
  it('refuses a recipe that returns a promise, changes nothing and leaves no unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const listener = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const error = thrown(() =>
        model.edit(async (draft) => {
          draft.name = 'step 1';
          await Promise.resolve();
          draft.systems[0]!.lifecycle = 'retired';
        }),
      );
      expect(error).toBeInstanceOf(EditError);
      expect((error as EditError).code).toBe('edit.recipe-async');
      const thenable = { then: (resolve: (value: unknown) => void) => resolve(1) };
      expect((thrown(() => model.edit((draft) => ((draft.name = 'T'), thenable))) as EditError).code).toBe(
        'edit.recipe-async',
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(rejections).toEqual([]);
    expect(model.toJSONText()).toBe(before);
  });

  it('accepts a returned document without some collections, as load does', () => {
    const document = { format: 'kartta/1', name: 'Only a name' } as KarttaDocument;
    const { model: next } = model.edit(() => document);
    expect(next.toJSON()).toEqual(Model.load(document).toJSON());
    const { model: noRelations } = model.edit((draft) => {
      delete (draft as Partial<KarttaDocument>).relations;
    });
    expect(noRelations.relations()).toEqual([]);
    expect(noRelations.system('lifecare-oulu')).toBeDefined();
  });

  it('gives a typed error when a recipe both changes the draft and returns a document', () => {
    const error = thrown(() =>
      model.edit((draft) => {
        draft.name = 'changed';
        return { ...smallRegion(), name: 'returned' };
      }),
    );
    expect(error).toBeInstanceOf(EditError);
    expect((error as EditError).code).toBe('edit.recipe-invalid');
    expect(model.toJSONText()).toBe(before);
  });

  it('reports a 20,000-deep x in an edit as load does', () => {
    const x = { deep: deepArray(20_000) };
    const viaLoad = issuesOf(() => Model.load({ ...smallRegion(), x }));
    expect(issuesOf(() => model.edit((draft) => void (draft.x = x as never)))).toEqual(viaLoad);
    expect(viaLoad).toEqual(['extension.invalid x']);
  });

  it('refuses a 20,000-deep value set inside an entity with a typed error, not a RangeError', () => {
    const error = thrown(() =>
      model.edit((draft) => void (draft.systems[0]!.x = { deep: deepArray(20_000) } as never)),
    );
    expect(error).toBeInstanceOf(EditError);
    expect((error as EditError).code).toBe('edit.value-too-deep');
    expect(model.toJSONText()).toBe(before);
  });

  it("wraps a recipe's own error, keeping it as the cause", () => {
    const original = new TypeError('my bug');
    const error = thrown(() =>
      model.edit((draft) => {
        draft.name = 'half';
        throw original;
      }),
    );
    expect(error).toBeInstanceOf(EditError);
    expect((error as EditError).code).toBe('edit.recipe-failed');
    expect((error as EditError).cause).toBe(original);
    expect((thrown(() => model.edit(null as never)) as EditError).code).toBe('edit.recipe-invalid');
    expect(model.toJSONText()).toBe(before);
  });
});

describe('§4 one exotic value does not hide the other problems', () => {
  const broken = () => {
    const doc = smallRegion() as unknown as Record<string, unknown> & {
      systems: Record<string, unknown>[];
      relations: Record<string, unknown>[];
    };
    doc.relations.push({ type: 'owns', from: 'oulu', to: 'nowhere' });
    return doc;
  };

  it('reports deep nesting, a cycle and a BigInt at their paths with their own codes, with every other problem', () => {
    const doc = broken();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    doc.systems[0]!.class = deepArray(20_000);
    doc.systems[1]!.lifecycle = cyclic;
    doc.relations[0]!.type = 10n;
    doc.format = 5n;
    const issues = issuesOf(() => Model.load(doc));
    expect(issues).toContain('value.too-deep systems.0.class');
    expect(issues).toContain('value.cyclic systems.1.lifecycle');
    expect(issues).toContain('value.not-json relations.0.type');
    expect(issues).toContain('value.not-json format');
    expect(issues).toContain(`reference.missing relations.${doc.relations.length - 1}.to`);
  });

  it('reports [[[...]]] in JSON text at its path', () => {
    const text = JSON.stringify(broken()).replace(
      '"class":"TOSI"',
      `"class":${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    );
    const issues = issuesOf(() => Model.load(text));
    expect(issues).toContain('value.too-deep systems.0.class');
    expect(issues.some((issue) => issue.startsWith('reference.missing relations.'))).toBe(true);
  });

  it('caps echoed values in issues and in messages', () => {
    const huge = 'x'.repeat(5_000_000);
    const doc = { ...smallRegion(), format: huge, [huge]: 1 } as Record<string, unknown>;
    const error = thrown(() => Model.load(doc)) as ModelValidationError;
    expect(error.message.length).toBeLessThan(1000);
    for (const issue of error.issues) expect(issue.message.length).toBeLessThan(300);
    expect(error.issues.map((issue) => issue.code).sort()).toEqual(['field.unknown', 'format.unsupported']);
    expect(echo(huge)).toBe(`"${'x'.repeat(80)}…" (5000000 characters)`);
    const query = thrown(() => model.membersOf(huge)) as KarttaError;
    expect(query.message.length).toBeLessThan(300);
  });
});

describe('§5 misused API calls get typed errors', () => {
  it('scope(null), membersOf(a non-string) and applyPatches(null)', () => {
    for (const call of [
      () => model.membersOf(Object.create(null) as never),
      () => model.applyPatches(null as never),
      () => model.scope({ scope: {} as never }),
    ]) {
      expect(thrown(call)).toBeInstanceOf(KarttaError);
    }
    // null options mean the defaults, like undefined (the options layer's choice); never a TypeError.
    expect(model.scope(null as never)).toEqual(model.scope());
    expect(model.get(Object.create(null) as never)).toBeUndefined();
    expect(model.relationsOut(5 as never)).toEqual([]);
    expect(model.toJSONText()).toBe(before);
  });
});

describe("§5 errors from a caller's callback or stream are wrapped, keeping the original as the cause", () => {
  it("planMigration's weight option", () => {
    const original = new Error('weight table missing');
    const plan = {
      steps: [
        { id: 'a', action: 'retire', system: 'lifecare-ja' },
        { id: 'b', action: 'retire', system: 'lifecare-oulu' },
      ],
    };
    const error = thrown(() =>
      planMigration(model, plan, {
        weight: () => {
          throw original;
        },
      }),
    );
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe('weight');
    expect((error as OptionError).cause).toBe(original);
  });

  it('a readArchimate source that fails, or gives neither text nor bytes', async () => {
    const original = new Error('disk gone');
    const xml = toArchimateXml(model);
    async function* failing() {
      yield xml.slice(0, 100);
      await Promise.resolve();
      throw original;
    }
    const failed = await readArchimate(failing()).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ArchimateImportError);
    expect((failed as ArchimateImportError).code).toBe('archimate.source-failed');
    expect((failed as ArchimateImportError).cause).toBe(original);
    const odd = await readArchimate([42 as never]).catch((error: unknown) => error);
    expect(odd).toBeInstanceOf(KarttaError);
    const notIterable = await readArchimate(5 as never).catch((error: unknown) => error);
    expect(notIterable).toBeInstanceOf(KarttaError);
  });
});
