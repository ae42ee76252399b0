/**
 * A corpus of small exchange files written for these tests, each in the shape one tool writes (see
 * test/corpus/README.md): each must come back from import and export saying the same, reach a byte-stable text
 * from the first export on, validate, and survive edits losing nothing but what the edit removed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Model,
  archimateExportChanges,
  fromArchimateXml,
  readArchimate,
  toArchimateXml,
  type ArchimateExtras,
  type KarttaDocumentInput,
} from '../src/index.js';
import { filed, semantic, type SemanticFile } from './archimate-corpus-support.js';
import { danglingReferences, parseExchange, repoDir, schemaErrors, skipShared } from './archimate-support.js';

const corpusDir = join(repoDir, 'test', 'corpus');
const files = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.xml'))
  .sort();

/** The file's own text: its bytes in the encoding it declares (Sparx declares windows-1252). */
function inputText(bytes: Buffer): string {
  const declared = /encoding="([^"]+)"/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1] ?? 'utf-8';
  return new TextDecoder(declared).decode(bytes);
}

async function load(name: string) {
  const bytes = readFileSync(join(corpusDir, name));
  const { model, extras } = await readArchimate([bytes]);
  return { bytes, text: inputText(bytes), model, extras };
}

type Doc = KarttaDocumentInput & Required<Pick<KarttaDocumentInput, 'systems' | 'integrations' | 'relations'>>;

/** Removes a system with its relations and integrations, as a retirement that takes it out of the model does. */
function retire(model: Model, id: string): Model {
  return model.edit((doc) => {
    const d = doc as unknown as Doc;
    d.systems = d.systems.filter((s) => s.id !== id);
    d.relations = d.relations.filter((r) => r.from !== id && r.to !== id);
    d.integrations = d.integrations.filter((i) => i.source !== id && i.target !== id && i.via !== id);
  }).model;
}

/** The identifier the file gave a Kartta entity. */
function identifierOf(extras: ArchimateExtras, id: string): string {
  return extras.entities.find((e) => e.id === id)?.identifier ?? `id-${id}`;
}

/** The system whose nodes hold the most nested nodes (the interesting one to retire), else the first system. */
function systemToRetire(model: Model, extras: ArchimateExtras, file: SemanticFile): string | undefined {
  let best: { id: string; nested: number } | undefined;
  for (const system of model.systems()) {
    const identifier = identifierOf(extras, system.id);
    let nested = 0;
    for (const nodes of file.nodes.values()) {
      const mine = new Set(
        [...nodes].filter(([, n]) => JSON.parse(n.content).attributes.elementRef === identifier).map(([id]) => id),
      );
      nested += [...nodes.values()].filter((n) => n.parent !== undefined && mine.has(n.parent)).length;
    }
    if (best === undefined || nested > best.nested) best = { id: system.id, nested };
  }
  return best?.id;
}

describe.each(files)('corpus file %s', (name) => {
  it('imports, and exports to a text that is stable from the first export on', async () => {
    const { model, extras } = await load(name);
    const first = toArchimateXml(model, { extras });
    const again = fromArchimateXml(first);
    expect(again.model.toJSON()).toEqual(model.toJSON());
    const second = toArchimateXml(again.model, { extras: again.extras });
    expect(second).toBe(first);
    const fromBytes = await readArchimate([Buffer.from(second, 'utf8')]);
    expect(toArchimateXml(fromBytes.model, { extras: fromBytes.extras })).toBe(first);
    expect(archimateExportChanges(model, { extras })).toEqual([]);
  });

  it('exports what the file says: elements, relationships, properties by name, folders, views, nodes, connections, styles', async () => {
    const { text, model, extras } = await load(name);
    const before = semantic(text);
    const after = semantic(toArchimateXml(model, { extras }));
    expect(after).toEqual(before);
  });

  it.skipIf(skipShared)('exports a file that validates against the schema and references nothing missing', async () => {
    const { model, extras } = await load(name);
    const xml = toArchimateXml(model, { extras });
    expect(await schemaErrors(xml)).toEqual([]);
    expect(danglingReferences(parseExchange(xml))).toEqual([]);
  });

  it('retiring a system loses only its nodes, their connections and what hung on them; nested nodes are lifted', async () => {
    const { text, model, extras } = await load(name);
    const before = semantic(text);
    const id = systemToRetire(model, extras, before);
    if (id === undefined) {
      expect(model.systems()).toEqual([]);
      return;
    }
    const identifier = identifierOf(extras, id);
    const edited = retire(model, id);
    const xml = toArchimateXml(edited, { extras });
    const after = semantic(xml);
    const changes = archimateExportChanges(edited, { extras });
    const removed = new Set(
      changes
        .filter((c) => c.action === 'removed')
        .map((c) => `${c.object}:${c.view?.identifier ?? ''}:${c.identifier}`),
    );
    const lifted = new Map(
      changes.filter((c) => c.action === 'lifted').map((c) => [`${c.view?.identifier}:${c.identifier}`, c.parent]),
    );
    // Elements: only the system is gone.
    expect([...before.elements.keys()].filter((e) => !after.elements.has(e))).toEqual([identifier]);
    for (const [e, content] of after.elements) expect(content, e).toBe(before.elements.get(e));
    // Relationships: the ones the file had either stay as they were, or are Kartta relations and integrations of
    // the system, or are reported as removed.
    for (const [r, content] of before.relationships) {
      const kept = after.relationships.get(r);
      if (kept !== undefined) {
        expect(kept, r).toBe(content);
        continue;
      }
      const ends = JSON.parse(content).attributes as Record<string, string>;
      const karttaEnd = ends.source === identifier || ends.target === identifier;
      expect(karttaEnd || removed.has(`relationship::${r}`), `relationship ${r}`).toBe(true);
    }
    // Views: every node either stays (in its place, or lifted as reported) or is reported removed.
    for (const [view, nodes] of before.nodes) {
      const now = after.nodes.get(view) as Map<string, { parent: string | undefined; content: string }>;
      for (const [node, { parent, content }] of nodes) {
        const kept = now.get(node);
        if (kept === undefined) {
          expect(removed.has(`node:${view}:${node}`), `node ${node}`).toBe(true);
          expect(JSON.parse(content).attributes.elementRef).toBe(identifier);
          continue;
        }
        expect(kept.content, `node ${node}`).toBe(content);
        const liftedTo = lifted.get(`${view}:${node}`);
        if (lifted.has(`${view}:${node}`)) expect(kept.parent).toBe(liftedTo);
        else expect(kept.parent).toBe(parent);
      }
      const nowConnections = after.connections.get(view) as Map<string, string>;
      for (const [connection, content] of before.connections.get(view) as Map<string, string>) {
        const kept = nowConnections.get(connection);
        if (kept === undefined)
          expect(removed.has(`connection:${view}:${connection}`), `connection ${connection}`).toBe(true);
        else expect(kept).toBe(content);
      }
    }
    // Folders: only entries of what is gone.
    const gone = (entry: string) => {
      const ref = entry.slice(entry.lastIndexOf(' > ') + 3);
      return !after.elements.has(ref) && !after.relationships.has(ref) && !after.views.has(ref);
    };
    expect(before.folders.filter((f) => !after.folders.includes(f)).every(gone)).toBe(true);
    expect(after.views).toEqual(before.views);
    expect(danglingReferences(parseExchange(xml))).toEqual([]);
    if (!skipShared) expect(await schemaErrors(xml)).toEqual([]);
    // And it is stable from there on.
    const again = fromArchimateXml(xml);
    expect(toArchimateXml(again.model, { extras: again.extras })).toBe(xml);
  });

  it('renaming in two languages changes those names and nothing else', async () => {
    const { text, model, extras } = await load(name);
    const before = semantic(text);
    const target = model.systems()[0] ?? model.organisations()[0] ?? model.services()[0];
    if (target === undefined) throw new Error(`${name} has no organisation, service or system`);
    const edited = model.edit((doc) => {
      for (const list of [doc.systems, doc.organisations, doc.services]) {
        const entity = (list as { id: string; name: unknown }[] | undefined)?.find((e) => e.id === target.id);
        if (entity) entity.name = { sv: 'Nytt namn', fi: 'Uusi nimi' };
      }
    }).model;
    const xml = toArchimateXml(edited, { extras });
    const file = parseExchange(xml);
    const identifier = identifierOf(extras, target.id);
    const element = file.elements.find((e) => e.identifier === identifier);
    const order = extras.entities.find((e) => e.id === target.id)?.nameOrder;
    const expected =
      order?.indexOf('sv') !== undefined &&
      (order?.indexOf('sv') ?? -1) >= 0 &&
      (order?.indexOf('fi') ?? -1) > (order?.indexOf('sv') ?? -1)
        ? [
            { text: 'Nytt namn', lang: 'sv' },
            { text: 'Uusi nimi', lang: 'fi' },
          ]
        : [
            { text: 'Uusi nimi', lang: 'fi' },
            { text: 'Nytt namn', lang: 'sv' },
          ];
    expect(element?.names).toEqual(expected);
    const after = semantic(xml);
    for (const [e, content] of before.elements) if (e !== identifier) expect(after.elements.get(e), e).toBe(content);
    expect(after.relationships).toEqual(before.relationships);
    expect(after.views).toEqual(before.views);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.connections).toEqual(before.connections);
    expect(after.folders).toEqual(before.folders);
    expect(archimateExportChanges(edited, { extras })).toEqual([]);
  });

  it('adding a system and an integration keeps everything and files only the new concepts', async () => {
    const { text, model, extras } = await load(name);
    const before = semantic(text);
    const existing = model.systems()[0];
    const edited = model.edit((doc) => {
      const d = doc as unknown as Doc;
      d.systems.push({
        id: 'uusi-jarjestelma',
        name: { fi: 'Uusi järjestelmä', sv: 'Nytt system' },
        class: 'TOSI',
        lifecycle: 'planned',
        users: 12,
      });
      if (existing)
        d.integrations.push({
          id: 'uusi-integraatio',
          source: existing.id,
          target: 'uusi-jarjestelma',
          direction: 'oneWay',
        });
    }).model;
    const xml = toArchimateXml(edited, { extras });
    const after = semantic(xml);
    for (const [e, content] of before.elements) expect(after.elements.get(e), e).toBe(content);
    for (const [r, content] of before.relationships) expect(after.relationships.get(r), r).toBe(content);
    expect(after.views).toEqual(before.views);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.connections).toEqual(before.connections);
    for (const entry of before.folders) expect(after.folders).toContain(entry);
    // What the file left in no folder stays in none; the new concepts are filed.
    const placed = filed(after);
    for (const identifier of extras.unfiled ?? []) expect(placed.has(identifier), identifier).toBe(false);
    expect(placed.has('id-uusi-jarjestelma')).toBe(true);
    if (existing) expect(placed.has('id-uusi-integraatio')).toBe(true);
    expect(after.elements.has('id-uusi-jarjestelma')).toBe(true);
    expect(danglingReferences(parseExchange(xml))).toEqual([]);
    if (!skipShared) expect(await schemaErrors(xml)).toEqual([]);
    const again = fromArchimateXml(xml);
    expect(toArchimateXml(again.model, { extras: again.extras })).toBe(xml);
  });
});

it('the corpus has the shapes it is meant to have', () => {
  expect(files).toEqual([
    'archi-4.xml',
    'archi-5.xml',
    'aris.xml',
    'multilingual.xml',
    'namespace-31.xml',
    'no-organisations.xml',
    'sparx-ea.xml',
    'visual-paradigm.xml',
  ]);
  const text = (name: string) => inputText(readFileSync(join(corpusDir, name)));
  expect(readFileSync(join(corpusDir, 'sparx-ea.xml')).subarray(0, 60).toString('latin1')).toContain(
    'encoding="windows-1252"',
  );
  expect(text('sparx-ea.xml')).toContain('Länsi-Pohja');
  expect(text('aris.xml')).not.toContain('<organizations');
  expect(text('no-organisations.xml')).not.toContain('BusinessActor');
  expect(text('namespace-31.xml')).toContain('xmlns:archimate="http://www.opengroup.org/xsd/archimate/3.1/"');
  for (const name of ['archi-4.xml', 'visual-paradigm.xml']) {
    const file = semantic(text(name));
    const connectionToConnection = [...file.connections.values()].some((connections) => {
      const ids = new Set(connections.keys());
      return [...connections.values()].some((c) => ids.has(JSON.parse(c).attributes.target));
    });
    expect(connectionToConnection, name).toBe(true);
  }
});
