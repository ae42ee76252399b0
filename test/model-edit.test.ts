import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Model,
  ModelValidationError,
  ReadOnlyGraphError,
  type KarttaDocument,
  type ReadonlyGraph,
} from '../src/index.js';
import { documentArb, shuffled } from './arbitraries.js';
import { smallRegion } from './fixtures.js';

/** The graph as plain sorted data, to compare graphs built in different ways. */
function graphSnapshot(graph: ReadonlyGraph) {
  const nodes = graph
    .mapNodes((id, attributes) => [id, attributes.kind, attributes.entity] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const edges = graph
    .mapEdges((key, attributes, source, target) => [key, attributes.kind, source, target, attributes.entity] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { nodes: JSON.parse(JSON.stringify(nodes)) as unknown, edges: JSON.parse(JSON.stringify(edges)) as unknown };
}

describe('Model.edit', () => {
  it('returns a new model and patches; the original is unchanged', () => {
    const model = Model.load(smallRegion());
    const {
      model: next,
      patches,
      inversePatches,
    } = model.edit((doc) => {
      const system = doc.systems.find((s) => s.id === 'lifecare-ja')!;
      system.lifecycle = 'phasingOut';
    });
    expect(next.system('lifecare-ja')?.lifecycle).toBe('phasingOut');
    expect(model.system('lifecare-ja')?.lifecycle).toBe('production');
    expect(patches).toEqual([{ op: 'replace', path: ['systems', 1, 'lifecycle'], value: 'phasingOut' }]);
    expect(next.applyPatches(inversePatches).toJSON()).toEqual(model.toJSON());
  });

  it('an edit that changes nothing returns the same model', () => {
    const model = Model.load(smallRegion());
    const result = model.edit(() => {});
    expect(result.model).toBe(model);
    expect(result.patches).toEqual([]);
  });

  it('rejects an edit that breaks a rule and leaves the model as it was', () => {
    const model = Model.load(smallRegion());
    const before = model.toJSONText();
    const graphBefore = graphSnapshot(model.graph);
    let caught: unknown;
    try {
      model.edit((doc) => {
        doc.systems.splice(0, 1); // lifecare-oulu is still owned, supports a service and is integrated
        doc.systems[0]!.contract = { ends: '2021-02-29' };
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelValidationError);
    const codes = (caught as ModelValidationError).issues.map((issue) => `${issue.code} ${issue.path.join('.')}`);
    expect(codes).toEqual([
      'date.invalid systems.0.contract.ends',
      'reference.missing integrations.0.source',
      'reference.missing relations.3.to',
      'reference.missing relations.9.from',
    ]);
    expect(model.toJSONText()).toBe(before);
    expect(graphSnapshot(model.graph)).toEqual(graphBefore);
    // The model is still fully usable after a failed edit.
    expect(model.edit((doc) => void (doc.name = 'Y')).model.name).toBe('Y');
  });

  it('checks platforms when a platform system stops being one', () => {
    const model = Model.load(smallRegion());
    expect(() =>
      model.edit((doc) => {
        doc.systems.find((s) => s.id === 'pop-esb')!.platform = false;
      }),
    ).toThrow(/via 'pop-esb' is not a system with platform: true/);
  });

  it('allows removing an entity together with everything that points at it', () => {
    const model = Model.load(smallRegion());
    const { model: next } = model.edit((doc) => {
      doc.systems = doc.systems.filter((s) => s.id !== 'lifecare-ja');
      doc.integrations = [];
      doc.relations = doc.relations.filter((r) => r.to !== 'lifecare-ja');
    });
    expect(next.system('lifecare-ja')).toBeUndefined();
    expect(next.graph.hasNode('lifecare-ja')).toBe(false);
    expect(next.graph.size).toBe(model.graph.size - 3);
  });

  it('rejects unknown top-level fields and broken collections added by a recipe', () => {
    const model = Model.load(smallRegion());
    expect(() => model.edit((doc) => void ((doc as Record<string, unknown>).colour = 'red'))).toThrow(
      /unknown field 'colour'/,
    );
    expect(() => model.edit((doc) => void ((doc as Record<string, unknown>).systems = 'none'))).toThrow(
      /systems: expected an array/,
    );
  });

  it('a recipe may return a whole replacement document, checked like any edit', () => {
    const model = Model.load(smallRegion());
    const { model: next } = model.edit(() => ({
      format: 'kartta/1',
      name: 'Uusi',
      products: [],
      organisations: [],
      services: [],
      systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }],
      integrations: [],
      relations: [],
    }));
    expect(next.systems().map((s) => s.id)).toEqual(['a']);
    expect(next.graph.order).toBe(1);
    expect(() => model.edit(() => ({ ...smallRegion(), systems: [] }))).toThrow(ModelValidationError);
  });

  it('a recipe that throws propagates its error and changes nothing', () => {
    const model = Model.load(smallRegion());
    expect(() =>
      model.edit((doc) => {
        doc.name = 'half';
        throw new Error('recipe failed');
      }),
    ).toThrow('recipe failed');
    expect(model.name).toEqual(smallRegion().name);
  });

  it('keeps the graph in step: a chain of edits gives the graph a fresh load gives', () => {
    let model = Model.load(smallRegion());
    const steps: ((doc: KarttaDocument) => void)[] = [
      (doc) => doc.systems.push({ id: 'esko', name: 'Esko', class: 'TOSI', lifecycle: 'production' }),
      (doc) => doc.integrations.push({ id: 'i-2', source: 'esko', target: 'lifecare-oulu', protocol: 'HL7 v2' }),
      (doc) => doc.relations.push({ type: 'owns', from: 'pop', to: 'esko' }),
      (doc) => (doc.systems.find((s) => s.id === 'esko')!.name = { fi: 'Esko', sv: 'Esko' }),
      (doc) => doc.relations.splice(0, 1),
      (doc) => (doc.integrations[0]!.target = 'esko'),
      (doc) => {
        doc.integrations = doc.integrations.filter((i) => i.source !== 'lifecare-oulu' && i.target !== 'lifecare-oulu');
        doc.systems.splice(
          doc.systems.findIndex((s) => s.id === 'lifecare-oulu'),
          1,
        );
        doc.relations = doc.relations.filter((r) => r.from !== 'lifecare-oulu' && r.to !== 'lifecare-oulu');
      },
    ];
    for (const step of steps) {
      model = model.edit(step).model;
      expect(graphSnapshot(model.graph)).toEqual(graphSnapshot(Model.load(model.toJSON()).graph));
    }
  });

  it('an older model keeps its own graph after a newer one was derived from it', () => {
    const model = Model.load(smallRegion());
    const graph = model.graph;
    const orderBefore = graph.order;
    const { model: next } = model.edit(
      (doc) => void doc.systems.push({ id: 'new', name: 'N', class: 'TORI', lifecycle: 'production' }),
    );
    expect(next.graph.order).toBe(orderBefore + 1);
    expect(graph.order).toBe(orderBefore);
    expect(graph.hasNode('new')).toBe(false);
    expect(model.system('new')).toBeUndefined();
  });
});

describe('Model.graph is read-only', () => {
  it('in its types and at run time', () => {
    const model = Model.load(smallRegion());
    const graph = model.graph as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of [
      'addNode',
      'dropNode',
      'setNodeAttribute',
      'mergeEdge',
      'clear',
      'updateEachNodeAttributes',
      'import',
    ]) {
      expect(() => graph[method]!('x')).toThrow(ReadOnlyGraphError);
    }
    expect(() => {
      (graph as Record<string, unknown>).foo = 1;
    }).toThrow(ReadOnlyGraphError);
    expect(() => {
      (model.graph.getNodeAttributes('oulu') as { kind: string }).kind = 'system';
    }).toThrow(TypeError);
    expect(model.graph.getNodeAttribute('oulu', 'kind')).toBe('organisation');
  });

  it('serves reads and graphology iteration', () => {
    const model = Model.load(smallRegion());
    expect(model.graph.order).toBe(11);
    expect(model.graph.size).toBe(11);
    expect(model.graph.hasEdge('i-1')).toBe(true);
    expect(model.graph.getEdgeAttribute('owns: oulu -> lifecare-oulu', 'kind')).toBe('owns');
    expect(model.graph.outNeighbors('pyhajarvi').sort()).toEqual(['ja', 'lifecare-ja']);
  });
});

describe('properties', () => {
  it('round trip: load(toJSON()) is the same document, byte for byte', () => {
    fc.assert(
      fc.property(documentArb(), (doc) => {
        const model = Model.load(doc);
        const again = Model.load(JSON.parse(model.toJSONText()));
        expect(again.toJSONText()).toBe(model.toJSONText());
      }),
      { numRuns: 150 },
    );
  });

  it('output does not depend on the order of the input', () => {
    fc.assert(
      fc.property(documentArb(), fc.integer({ min: 1 }), (doc, seed) => {
        expect(Model.load(shuffled(doc, seed)).toJSONText()).toBe(Model.load(doc).toJSONText());
      }),
      { numRuns: 150 },
    );
  });

  it('a failed edit leaves the model unchanged; a successful one keeps the graph in step', () => {
    const editArb = fc.oneof(
      fc.record({ kind: fc.constant('removeSystem' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('retarget' as const), at: fc.nat(), to: fc.string({ maxLength: 6 }) }),
      fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), to: fc.string({ maxLength: 6 }) }),
      fc.record({ kind: fc.constant('badDate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('addRelation' as const), a: fc.nat(), b: fc.nat() }),
    );
    fc.assert(
      fc.property(documentArb(), fc.array(editArb, { minLength: 1, maxLength: 4 }), (doc, edits) => {
        let model = Model.load(doc);
        for (const edit of edits) {
          const before = model.toJSONText();
          const snapshot = graphSnapshot(model.graph);
          try {
            model = model.edit((draft) => {
              const systems = draft.systems;
              if (systems.length === 0) return;
              const i = ('at' in edit ? edit.at : 0) % systems.length;
              if (edit.kind === 'removeSystem') systems.splice(i, 1);
              else if (edit.kind === 'rename') systems[i]!.id = edit.to;
              else if (edit.kind === 'badDate') systems[i]!.contract = { ends: '2021-02-30' };
              else if (edit.kind === 'retarget' && draft.integrations.length > 0)
                draft.integrations[i % draft.integrations.length]!.target = edit.to;
              else if (edit.kind === 'addRelation') {
                draft.relations.push({
                  type: 'dependsOn',
                  from: systems[edit.a % systems.length]!.id,
                  to: systems[edit.b % systems.length]!.id,
                });
              }
            }).model;
            expect(graphSnapshot(model.graph)).toEqual(graphSnapshot(Model.load(model.toJSON()).graph));
          } catch (error) {
            expect(error).toBeInstanceOf(ModelValidationError);
            expect(model.toJSONText()).toBe(before);
            expect(graphSnapshot(model.graph)).toEqual(snapshot);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('undo: applying the inverse patches restores the document', () => {
    fc.assert(
      fc.property(documentArb(), fc.nat(), (doc, n) => {
        const model = Model.load(doc);
        if (model.systems().length === 0) return;
        const { model: next, inversePatches } = model.edit((draft) => {
          draft.systems[n % draft.systems.length]!.lifecycle = 'retired';
          draft.name = 'Muutettu';
        });
        expect(next.applyPatches(inversePatches).toJSONText()).toBe(model.toJSONText());
      }),
      { numRuns: 100 },
    );
  });
});

describe('branching edits (issue 10 §6)', () => {
  /** Every read that uses the index, as plain data: what a model answers about each of its ids. */
  function reads(model: Model) {
    const doc = model.toJSON();
    const ids = [...doc.organisations, ...doc.services, ...doc.systems, ...doc.integrations, ...doc.products]
      .map((e) => e.id)
      .sort();
    return {
      entities: ids.map((id) => [id, model.get(id)?.kind]),
      edges: ids.map((id) => [
        id,
        model.relationsOut(id),
        model.relationsIn(id),
        model.integrationsOf(id, { includeVia: true }).map((i) => i.id),
      ]),
      via: ids.map((id) => model.integrationsVia(id)),
      scope: model.scope({ includeRetired: true }),
    };
  }

  type Step = { from: number; edit: number; read: number };
  const edits: ((doc: KarttaDocument) => void)[] = [
    (doc) =>
      void (
        doc.systems[0] && (doc.systems[0].lifecycle = doc.systems[0].lifecycle === 'retired' ? 'production' : 'retired')
      ),
    (doc) =>
      void doc.systems.push({ id: `new-${doc.systems.length}`, name: 'New', class: 'TORI', lifecycle: 'production' }),
    (doc) => void doc.relations.pop(),
    (doc) => void doc.integrations.shift(),
    (doc) => {
      const system = doc.systems.find((s) => s.id === 'lifecare-kajaani');
      if (system) system.product = system.product === 'Other' ? 'lifecare' : 'Other';
    },
    // Breaks a rule (owns to a system that does not exist): refused, and must leave every model intact.
    (doc) => void doc.relations.push({ type: 'owns', from: 'oulu', to: 'nowhere' }),
  ];

  it('every model of an edit tree answers like a fresh load of itself, whatever order they are edited and read in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ from: fc.nat(), edit: fc.nat({ max: edits.length - 1 }), read: fc.nat() }), {
          minLength: 1,
          maxLength: 12,
        }),
        (steps: Step[]) => {
          const models = [Model.load(smallRegion())];
          for (const step of steps) {
            const base = models[step.from % models.length] as Model;
            try {
              models.push(base.edit((draft) => edits[step.edit]!(draft)).model);
            } catch (error) {
              expect(error).toBeInstanceOf(ModelValidationError);
            }
            const read = models[step.read % models.length] as Model;
            expect(reads(read)).toEqual(reads(Model.load(read.toJSON())));
          }
          for (const model of models) expect(reads(model)).toEqual(reads(Model.load(model.toJSON())));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a model whose graph was handed out keeps answering while another model of its tree is read', () => {
    const base = Model.load(smallRegion());
    const { model: next } = base.edit((draft) => void draft.relations.pop());
    const seen: string[] = [];
    // Reading the other model inside a walk of this one's graph must not pull the index from under the walk.
    next.graph.forEachNode((key) => {
      seen.push(key);
      base.relationsOut('oulu');
    });
    expect(seen.sort()).toEqual(next.graph.nodes().sort());
    expect(reads(base)).toEqual(reads(Model.load(base.toJSON())));
    expect(reads(next)).toEqual(reads(Model.load(next.toJSON())));
  });
});
