import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Model,
  ScenarioError,
  applyScenario,
  checkScenario,
  diffModels,
  issueCodes,
  scenarioProblemCodes,
  modelHash,
  parseScenario,
  scenarioFromDiff,
  sealScenario,
  type KarttaDocumentInput,
  type Scenario,
  type ScenarioChange,
} from '../src/index.js';
import { documentArb, nameArb } from './arbitraries.js';
import { smallRegion } from './fixtures.js';

const scenario = (...changes: ScenarioChange[]): Scenario => ({ format: 'kartta-scenario/1', name: 'S', changes });
const base = () => Model.load(smallRegion());

function problemsOf(model: Model, s: Scenario): { error: ScenarioError; codes: string[] } {
  try {
    applyScenario(model, s);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    // Every code is a listed one: a scenario problem code, or the format's own for a malformed field.
    for (const problem of error.problems) expect([...scenarioProblemCodes, ...issueCodes]).toContain(problem.code);
    return { error, codes: error.problems.map((p) => `${p.code} ${p.path.join('.')}`) };
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario operations', () => {
  it('retire: the system is retired and its integrations are gone; other relations stay', () => {
    const target = applyScenario(base(), scenario({ op: 'retire', system: 'lifecare-ja' }));
    expect(target.system('lifecare-ja')?.lifecycle).toBe('retired');
    expect(target.integration('i-1')).toBeUndefined();
    expect(target.relationsIn('lifecare-ja').map((r) => r.type)).toEqual(['owns', 'uses']);
    expect(diffModels(base(), target).counts).toEqual({ added: 0, removed: 1, changed: 1 });
  });

  it('retire: refuses a missing id, another kind, a retired system and a platform still carrying integrations', () => {
    const { error, codes } = problemsOf(
      base(),
      scenario(
        { op: 'retire', system: 'nope' },
        { op: 'retire', system: 'oulu' },
        { op: 'retire', system: 'old-ppj' },
        { op: 'retire', system: 'pop-esb' },
      ),
    );
    expect(error.code).toBe('scenario.change-invalid');
    expect(codes).toEqual([
      'scenario.entity-missing changes.0.system',
      'scenario.wrong-kind changes.1.system',
      'scenario.system-retired changes.2.system',
      'scenario.platform-in-use changes.3.system',
    ]);
    expect(error.problems.map((p) => [p.change, p.op, p.conflict])).toEqual([
      [0, 'retire', false],
      [1, 'retire', false],
      [2, 'retire', false],
      [3, 'retire', false],
    ]);
    expect(error.problems[1]!.message).toBe("changes[1] (retire): system 'oulu' is an organisation, not a system");
  });

  it('replace: users, services and integrations move to the replacement, which adds up the users', () => {
    const target = applyScenario(base(), scenario({ op: 'replace', system: 'lifecare-ja', by: 'lifecare-oulu' }));
    expect(target.system('lifecare-ja')?.lifecycle).toBe('retired');
    expect(target.system('lifecare-oulu')?.users).toBe(2700);
    expect(target.relationsIn('lifecare-oulu', 'uses')).toEqual([
      { type: 'uses', from: 'pyhajarvi', to: 'lifecare-oulu', users: 300 },
    ]);
    // i-1 joined the two: after the replacement it would run from a system to itself, so it is gone.
    expect(target.integration('i-1')).toBeUndefined();
    expect(target.relationsIn('lifecare-ja', 'owns').map((r) => r.from)).toEqual(['ja']);
  });

  it('replace: a planned replacement goes into production and takes over services and dependants', () => {
    const { model } = base().edit((doc) => {
      doc.systems.push({ id: 'esko-pop', name: 'Esko', class: 'TOSI', lifecycle: 'planned' });
      doc.systems.push({ id: 'portal', name: 'Portal', class: 'TORI', lifecycle: 'production' });
      doc.relations.push({ type: 'dependsOn', from: 'portal', to: 'lifecare-oulu' });
    });
    const target = applyScenario(model, scenario({ op: 'replace', system: 'lifecare-oulu', by: 'esko-pop' }));
    expect(target.system('esko-pop')?.lifecycle).toBe('production');
    expect(target.relationsOut('esko-pop', 'supports').map((r) => r.to)).toEqual(['primary-care']);
    expect(target.relationsOut('portal', 'dependsOn').map((r) => r.to)).toEqual(['esko-pop']);
    expect(target.integration('i-1')).toMatchObject({ source: 'esko-pop', target: 'lifecare-ja', via: 'pop-esb' });
  });

  it('replace: refuses a system replacing itself and a retired replacement', () => {
    expect(problemsOf(base(), scenario({ op: 'replace', system: 'lifecare-ja', by: 'lifecare-ja' })).codes).toEqual([
      'scenario.same-system changes.0.by',
    ]);
    expect(problemsOf(base(), scenario({ op: 'replace', system: 'lifecare-ja', by: 'old-ppj' })).codes).toEqual([
      'scenario.system-retired changes.0.by',
    ]);
  });

  it('consolidate: the other installations of the product in scope hand over to the keeper', () => {
    const inRegion = applyScenario(
      base(),
      scenario({ op: 'consolidate', product: 'Tieto Lifecare', into: 'lifecare-oulu', scope: 'pop' }),
    );
    expect(inRegion.system('lifecare-ja')?.lifecycle).toBe('retired');
    expect(inRegion.system('lifecare-kajaani')?.lifecycle).toBe('production');
    const everywhere = applyScenario(
      base(),
      scenario({ op: 'consolidate', product: 'lifecare', into: 'lifecare-oulu' }),
    );
    expect(
      everywhere
        .systems()
        .filter((s) => s.lifecycle === 'retired')
        .map((s) => s.id),
    ).toEqual(['lifecare-ja', 'lifecare-kajaani', 'old-ppj']);
  });

  it('consolidate: refuses a keeper of another product and a product with nothing to consolidate', () => {
    expect(problemsOf(base(), scenario({ op: 'consolidate', product: 'lifecare', into: 'pop-esb' })).codes).toEqual([
      'scenario.not-installation changes.0.into',
    ]);
    const { model } = base().edit((doc) => {
      doc.systems.find((s) => s.id === 'pop-esb')!.product = 'Frends';
    });
    expect(problemsOf(model, scenario({ op: 'consolidate', product: 'frends', into: 'pop-esb' })).codes).toEqual([
      'scenario.nothing-to-consolidate changes.0.product',
    ]);
    expect(
      problemsOf(
        base(),
        scenario({ op: 'consolidate', product: 'lifecare', into: 'lifecare-oulu', scope: 'lifecare-ja' }),
      ).codes,
    ).toEqual(['scenario.wrong-kind changes.0.scope']);
  });

  it('moveOwnership: listed systems, or all in use that an organisation owns, change owner', () => {
    const listed = applyScenario(
      base(),
      scenario({ op: 'moveOwnership', systems: ['lifecare-oulu', 'lifecare-ja'], to: 'pop' }),
    );
    expect(listed.relationsIn('lifecare-oulu', 'owns').map((r) => r.from)).toEqual(['pop']);
    expect(listed.relationsIn('lifecare-ja', 'owns').map((r) => r.from)).toEqual(['pop']);
    const all = applyScenario(base(), scenario({ op: 'moveOwnership', from: 'oulu', to: 'pop' }));
    expect(all.relationsOut('pop', 'owns').map((r) => r.to)).toEqual(['lifecare-oulu', 'pop-esb']);
    expect(all.relationsOut('oulu', 'owns').map((r) => r.to)).toEqual(['old-ppj']);
  });

  it('moveOwnership: refuses both or neither of systems and from, an owner that is no organisation, nothing to move', () => {
    expect(
      problemsOf(base(), scenario({ op: 'moveOwnership', from: 'oulu', systems: ['lifecare-oulu'], to: 'pop' })).codes,
    ).toEqual(['scenario.value-invalid changes.0']);
    expect(
      problemsOf(base(), scenario({ op: 'moveOwnership', systems: ['lifecare-oulu'], to: 'lifecare-ja' })).codes,
    ).toEqual(['scenario.wrong-kind changes.0.to']);
    expect(problemsOf(base(), scenario({ op: 'moveOwnership', from: 'pyhajarvi', to: 'pop' })).codes).toEqual([
      'scenario.nothing-to-move changes.0.from',
    ]);
    expect(
      problemsOf(base(), scenario({ op: 'moveOwnership', systems: ['x', 'lifecare-oulu'], to: 'pop' })).codes,
    ).toEqual(['scenario.entity-missing changes.0.systems.0']);
  });

  it('addIntegration: adds it; refuses an existing id, missing ends and a via that is no platform', () => {
    const target = applyScenario(
      base(),
      scenario({
        op: 'addIntegration',
        integration: { id: 'i-2', source: 'lifecare-kajaani', target: 'lifecare-oulu', via: 'pop-esb' },
      }),
    );
    expect(target.integration('i-2')).toEqual({
      id: 'i-2',
      source: 'lifecare-kajaani',
      target: 'lifecare-oulu',
      via: 'pop-esb',
    });
    expect(
      problemsOf(
        base(),
        scenario(
          { op: 'addIntegration', integration: { id: 'i-1', source: 'lifecare-kajaani', target: 'lifecare-oulu' } },
          {
            op: 'addIntegration',
            integration: { id: 'i-3', source: 'nope', target: 'lifecare-oulu', via: 'lifecare-ja' },
          },
        ),
      ).codes,
    ).toEqual([
      'scenario.entity-exists changes.0.integration.id',
      'scenario.entity-missing changes.1.integration.source',
      'scenario.not-platform changes.1.integration.via',
    ]);
  });
});

describe('scenario patches', () => {
  it('add, replace and remove entities and fields by id', () => {
    const target = applyScenario(
      base(),
      scenario(
        {
          op: 'replace',
          path: ['systems', 'lifecare-oulu', 'contract', 'ends'],
          value: '2021-12-31',
          was: '2020-12-31',
        },
        { op: 'add', path: ['systems', 'lifecare-ja', 'users'], value: 300 },
        { op: 'remove', path: ['relations', 'owns: kajaani -> lifecare-kajaani'] },
        {
          op: 'add',
          path: ['services', 'payroll'],
          value: { id: 'payroll', name: 'Palkat', domain: 'administration' },
        },
        { op: 'replace', path: ['name'], value: 'POP 2019' },
      ),
    );
    expect(target.system('lifecare-oulu')?.contract?.ends).toBe('2021-12-31');
    expect(target.system('lifecare-ja')?.users).toBe(300);
    expect(target.relationsIn('lifecare-kajaani')).toEqual([]);
    expect(target.service('payroll')?.name).toBe('Palkat');
    expect(target.name).toBe('POP 2019');
  });

  it('refuses a stale was, an add over something else, a missing target, bad paths, ids and values', () => {
    const { codes } = problemsOf(
      base(),
      scenario(
        { op: 'replace', path: ['systems', 'lifecare-oulu', 'lifecycle'], value: 'retired', was: 'phasingOut' },
        { op: 'add', path: ['systems', 'lifecare-oulu', 'users'], value: 1 },
        { op: 'remove', path: ['systems', 'nope'] },
        { op: 'replace', path: ['widgets', 'a'], value: 1 },
        { op: 'replace', path: ['systems', 'lifecare-oulu', 'id'], value: 'x' },
        { op: 'add', path: ['services', 'a'], value: { id: 'b', name: 'B', domain: 'd' } },
        { op: 'replace', path: ['systems', 'lifecare-oulu', 'lifecycle'], value: 'gone' },
      ),
    );
    expect(codes).toEqual([
      'scenario.entity-changed changes.0.was',
      'scenario.entity-exists changes.1.path',
      'scenario.entity-missing changes.2.path',
      'scenario.path-invalid changes.3.path',
      'scenario.path-invalid changes.4.path',
      'scenario.key-mismatch changes.5.value',
      'value.invalid changes.6.value.lifecycle',
    ]);
  });

  it('traces a rule the result breaks to the change that broke it', () => {
    const { error } = problemsOf(
      base(),
      scenario({ op: 'retire', system: 'lifecare-kajaani' }, { op: 'remove', path: ['organisations', 'kajaani'] }),
    );
    expect(error.problems.map((p) => [p.code, p.change, p.op])).toEqual([['scenario.result-invalid', 1, 'remove']]);
    expect(error.problems[0]!.message).toMatch(/reference/);
  });
});

describe('scenario documents', () => {
  it('names every problem of a malformed document with its path', () => {
    try {
      parseScenario({
        format: 'kartta-scenario/2',
        changes: [{ op: 'explode' }, { op: 'retire' }, { op: 'add', path: ['systems', 'a'] }],
      });
      throw new Error('expected a ScenarioError');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const e = error as ScenarioError;
      expect(e.code).toBe('scenario.invalid');
      expect(e.problems.map((p) => p.path.join('.'))).toEqual([
        'format',
        'name',
        'changes.0.op',
        'changes.1.system',
        'changes.2.value',
      ]);
    }
    expect(() => parseScenario('{')).toThrow(expect.objectContaining({ code: 'scenario.invalid' }));
    expect(() => parseScenario({ format: 'kartta-scenario/1', name: 'S', changes: [], base: 'md5:00' })).toThrow(
      /sha256/,
    );
  });

  it('refuses a base that is not a model', () => {
    expect(() => applyScenario({} as Model, scenario())).toThrow(expect.objectContaining({ code: 'option.invalid' }));
  });
});

describe('conflicts', () => {
  it('a base that moved on: every change that no longer applies is a conflict, and nothing is applied', () => {
    const original = base();
    const s: Scenario = {
      ...scenario(
        { op: 'replace', system: 'lifecare-ja', by: 'lifecare-oulu' },
        { op: 'retire', system: 'lifecare-kajaani' },
        { op: 'moveOwnership', from: 'oulu', to: 'pop' },
      ),
      base: modelHash(original),
    };
    const { model: moved } = original.edit((doc) => {
      doc.integrations = [];
      doc.relations = doc.relations.filter((r) => r.to !== 'lifecare-ja' && r.from !== 'lifecare-ja');
      doc.systems = doc.systems.filter((s) => s.id !== 'lifecare-ja');
      doc.systems.find((s) => s.id === 'lifecare-kajaani')!.lifecycle = 'retired';
    });
    const before = JSON.stringify(moved.toJSON());
    const check = checkScenario(moved, s);
    expect(check).toMatchObject({ ok: false, baseMatches: false });
    expect(check.problems.map((p) => [p.code, p.change, p.conflict])).toEqual([
      ['scenario.entity-missing', 0, true],
      ['scenario.system-retired', 1, true],
    ]);
    expect(problemsOf(moved, s).error.code).toBe('scenario.conflict');
    expect(JSON.stringify(moved.toJSON())).toBe(before);
    // The same scenario still applies to its own base.
    expect(checkScenario(original, s)).toMatchObject({ ok: true, baseMatches: true });
  });

  it('a sealed scenario finds an entity that changed even when its change would still apply', () => {
    const original = base();
    const sealed = sealScenario(original, scenario({ op: 'retire', system: 'lifecare-kajaani' }));
    expect(sealed.base).toBe(modelHash(original));
    expect(sealed.fingerprints?.map((f) => f.id)).toEqual(['lifecare-kajaani']);
    const { model: moved } = original.edit((doc) => {
      doc.systems.find((s) => s.id === 'lifecare-kajaani')!.version = '2019.2';
    });
    const { error } = problemsOf(moved, sealed);
    expect(error.code).toBe('scenario.conflict');
    expect(error.problems.map((p) => [p.code, p.change, p.id])).toEqual([
      ['scenario.entity-changed', 0, 'lifecare-kajaani'],
    ]);
    // A change elsewhere in the base is no conflict.
    const { model: elsewhere } = original.edit((doc) => {
      doc.systems.find((s) => s.id === 'lifecare-oulu')!.version = '2019.2';
    });
    expect(applyScenario(elsewhere, sealed).system('lifecare-kajaani')?.lifecycle).toBe('retired');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'ä'.repeat(200)];

/** The document with some ids renamed to hostile ones, references included. */
function withHostileIds(doc: KarttaDocumentInput): KarttaDocumentInput {
  const rename = new Map<string, string>();
  const pick = [
    doc.organisations?.[0]?.id,
    doc.systems?.[0]?.id,
    doc.services?.[0]?.id,
    doc.systems?.[1]?.id,
    doc.integrations?.[0]?.id,
    doc.organisations?.[1]?.id,
  ];
  pick.forEach((id, i) => {
    if (id !== undefined) rename.set(id, HOSTILE[i]!);
  });
  const r = (id: string) => rename.get(id) ?? id;
  return {
    ...doc,
    organisations: doc.organisations?.map((o) => ({ ...o, id: r(o.id) })),
    services: doc.services?.map((s) => ({ ...s, id: r(s.id) })),
    systems: doc.systems?.map((s) => ({ ...s, id: r(s.id) })),
    integrations: doc.integrations?.map((i) => ({
      ...i,
      id: r(i.id),
      source: r(i.source),
      target: r(i.target),
      ...(i.via !== undefined ? { via: r(i.via) } : {}),
    })),
    relations: doc.relations?.map((x) => ({ ...x, from: r(x.from), to: r(x.to) })),
  };
}

type Edit = (doc: Record<string, any>) => void;
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .tuple(fc.nat(), fc.constantFrom('planned', 'production', 'phasingOut', 'retired'))
    .map(([i, lifecycle]): Edit => (doc) => {
      const s = doc.systems[i % Math.max(1, doc.systems.length)];
      if (s) s.lifecycle = lifecycle;
    }),
  fc.tuple(fc.nat(), nameArb).map(([i, name]): Edit => (doc) => {
    const o = doc.organisations[i % Math.max(1, doc.organisations.length)];
    if (o) o.name = name;
  }),
  fc.tuple(fc.nat(), fc.option(fc.nat(9999), { nil: undefined })).map(([i, users]): Edit => (doc) => {
    const s = doc.systems[i % Math.max(1, doc.systems.length)];
    if (!s) return;
    if (users === undefined) delete s.users;
    else s.users = users;
  }),
  fc.tuple(fc.nat(), fc.constantFrom('2019-12-31', '2021-06-30')).map(([i, ends]): Edit => (doc) => {
    const s = doc.systems[i % Math.max(1, doc.systems.length)];
    if (s) s.contract = { ...(s.contract ?? {}), ends };
  }),
  fc.nat().map((i): Edit => (doc) => {
    if (doc.relations.length > 0) doc.relations.splice(i % doc.relations.length, 1);
  }),
  fc.nat().map((i): Edit => (doc) => {
    if (doc.integrations.length > 0) doc.integrations.splice(i % doc.integrations.length, 1);
  }),
  fc.nat().map((i): Edit => (doc) => {
    const s = doc.integrations[i % Math.max(1, doc.integrations.length)];
    if (s) s.direction = s.direction === 'twoWay' ? 'oneWay' : 'twoWay';
  }),
  fc.tuple(fc.constantFrom(...HOSTILE, 'svc-new'), nameArb).map(([id, name]): Edit => (doc) => {
    const all = [...doc.organisations, ...doc.services, ...doc.systems, ...doc.integrations, ...doc.products].map(
      (e: { id: string }) => e.id,
    );
    if (!all.includes(id)) doc.services.push({ id, name, domain: 'health' });
  }),
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([i, value]): Edit => (doc) => {
    const o = doc.organisations[i % Math.max(1, doc.organisations.length)];
    if (o) o.x = JSON.parse(`{"__proto__": ${JSON.stringify(value) ?? 'null'}, "tool": 1}`);
  }),
  fc.string({ minLength: 1, maxLength: 30 }).map((description): Edit => (doc) => {
    doc.description = description;
  }),
);

/** The value at a scenario path in a canonical document (undefined when absent). */
function valueIn(doc: Record<string, unknown>, path: readonly string[]): unknown {
  const [head, id, ...field] = path as [string, ...string[]];
  let current: unknown;
  if (head === 'name' || head === 'description' || head === 'x') {
    current = doc;
    for (const key of path)
      current =
        current !== null && typeof current === 'object' && Object.hasOwn(current, key)
          ? (current as Record<string, unknown>)[key]
          : undefined;
    return current;
  }
  const items = doc[head] as Record<string, unknown>[];
  current = items.find(
    (item) =>
      (head === 'relations' ? `${String(item.type)}: ${String(item.from)} -> ${String(item.to)}` : item.id) === id,
  );
  for (const key of field)
    current =
      current !== null && typeof current === 'object' && Object.hasOwn(current, key)
        ? (current as Record<string, unknown>)[key]
        : undefined;
  return current;
}

function edited(model: Model, edits: readonly Edit[]): Model | undefined {
  const doc = JSON.parse(JSON.stringify(model.toJSON()));
  for (const edit of edits) edit(doc);
  const result = Model.safeLoad(doc);
  return result.ok ? result.model : undefined;
}

describe('scenario properties', () => {
  it('applyScenario(base, scenarioFromDiff(diffModels(base, target))) is target, hostile ids included', () => {
    fc.assert(
      fc.property(documentArb(5), fc.array(editArb, { minLength: 1, maxLength: 8 }), (doc, edits) => {
        const start = Model.load(withHostileIds(doc));
        const target = edited(start, edits);
        fc.pre(target !== undefined);
        const s = scenarioFromDiff(diffModels(start, target), { base: start });
        const result = applyScenario(start, JSON.stringify(s));
        expect(diffModels(result, target).entries).toEqual([]);
        expect(diffModels(result, target).equal).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).tool).toBeUndefined();
  });

  it('a scenario with conflicts changes nothing: the base and the scenario are as they were', () => {
    fc.assert(
      fc.property(
        documentArb(5),
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        (doc, edits, drift) => {
          const start = Model.load(withHostileIds(doc));
          const target = edited(start, edits);
          const moved = edited(start, drift);
          fc.pre(target !== undefined && moved !== undefined);
          const s = scenarioFromDiff(diffModels(start, target), { base: start });
          const text = JSON.stringify(s);
          const before = JSON.stringify(moved.toJSON());
          const check = checkScenario(moved, s);
          if (!check.ok) {
            expect(() => applyScenario(moved, s)).toThrow(ScenarioError);
            if (modelHash(moved) !== s.base) expect(check.problems.every((p) => p.conflict)).toBe(true);
          } else {
            // Every change still fits: the result holds what each change says, on top of the drift.
            const result = applyScenario(moved, s).toJSON() as unknown as Record<string, unknown>;
            for (const change of s.changes) {
              if (!('path' in change)) continue;
              const found = valueIn(result, change.path);
              if (change.op === 'remove') expect(found).toBeUndefined();
              else if (found !== undefined || change.value !== 'oneWay') expect(found).toEqual(change.value);
            }
          }
          expect(JSON.stringify(moved.toJSON())).toBe(before);
          expect(JSON.stringify(s)).toBe(text);
        },
      ),
      { numRuns: 120 },
    );
  });
});
