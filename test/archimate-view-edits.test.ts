/**
 * What an edit does to the views, names, numbers and folders of an imported file: connections whose end is a
 * connection, nested nodes lifted when the node around them goes, what is reported, and what is kept as written.
 */
import { describe, expect, it } from 'vitest';
import {
  ArchimateImportError,
  KarttaError,
  Model,
  archimateExportChanges,
  fromArchimateXml,
  readArchimate,
  toArchimateXml,
  type KarttaDocumentInput,
} from '../src/index.js';
import { danglingReferences, parseExchange, schemaErrors, skipShared } from './archimate-support.js';

const ROOT =
  'xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

const component = (id: string) =>
  `<element identifier="${id}" xsi:type="ApplicationComponent"><name xml:lang="en">${id}</name></element>`;
const node = (id: string, ref: string, x: number, inner = '') =>
  `<node identifier="${id}" elementRef="${ref}" xsi:type="Element" x="${x}" y="${x}" w="400" h="300">${inner}</node>`;

/**
 * Four components drawn nested four deep (a > b > c > d), a fifth (e) inside a; flows b->e and c->e drawn
 * between nested nodes; an association from a data object to the b->e flow, whose connection comes before the
 * flow's own connection in the file; and a line from a note to that association's connection.
 */
const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<model ${ROOT} identifier="m">
  <name>Nested</name>
  <elements>${['a', 'b', 'c', 'd', 'e'].map(component).join('')}<element identifier="obj" xsi:type="DataObject"><name>Object</name></element></elements>
  <relationships>
    <relationship identifier="f-be" xsi:type="Flow" source="b" target="e"/>
    <relationship identifier="f-ce" xsi:type="Flow" source="c" target="e"/>
    <relationship identifier="as" xsi:type="Association" source="obj" target="f-be"/>
  </relationships>
  <views><diagrams><view identifier="v" xsi:type="Diagram"><name>Nested view</name>
    ${node('na', 'a', 10, node('nb', 'b', 20, node('nc', 'c', 30, node('nd', 'd', 40))) + node('ne', 'e', 500))}
    <node identifier="nobj" elementRef="obj" xsi:type="Element" x="900" y="10" w="120" h="55"/>
    <node identifier="note" xsi:type="Label" x="900" y="200" w="120" h="55"><label>Note</label></node>
    <connection identifier="c-line" xsi:type="Line" source="note" target="c-as"/>
    <connection identifier="c-as" xsi:type="Relationship" relationshipRef="as" source="nobj" target="c-be"/>
    <connection identifier="c-be" xsi:type="Relationship" relationshipRef="f-be" source="nb" target="ne"/>
    <connection identifier="c-ce" xsi:type="Relationship" relationshipRef="f-ce" source="nc" target="ne"/>
  </view></diagrams></views>
</model>`;

function without(model: Model, id: string): Model {
  return model.edit((doc) => {
    const d = doc as unknown as Required<Pick<KarttaDocumentInput, 'systems' | 'integrations' | 'relations'>>;
    d.systems = d.systems.filter((s) => s.id !== id);
    d.integrations = d.integrations.filter((i) => i.source !== id && i.target !== id);
    d.relations = d.relations.filter((r) => r.from !== id && r.to !== id);
  }).model;
}

describe('connections whose end is another connection', () => {
  it('import in any order: a connection may end on a connection written after it', () => {
    const { extras } = fromArchimateXml(NESTED);
    expect(extras.views).toBeDefined();
  });

  it('import refuses an end that is neither a node nor a connection of the same view', () => {
    const bad = NESTED.replace('source="note" target="c-as"', 'source="note" target="b"');
    expect(() => fromArchimateXml(bad)).toThrow(ArchimateImportError);
    try {
      fromArchimateXml(bad);
    } catch (error) {
      expect((error as ArchimateImportError).code).toBe('archimate.missing-element');
      expect((error as ArchimateImportError).message).toContain("the target 'b' of the connection 'c-line'");
    }
  });

  it('export without an edit keeps them, and says it changed nothing', () => {
    const { model, extras } = fromArchimateXml(NESTED);
    const view = parseExchange(toArchimateXml(model, { extras })).views[0]!;
    expect(view.connections.map((c) => c.identifier).sort()).toEqual(['c-as', 'c-be', 'c-ce', 'c-line']);
    expect(archimateExportChanges(model, { extras })).toEqual([]);
  });

  it('removing the end of a connection removes it and, transitively, what ends on it, and reports each', () => {
    const { model, extras } = fromArchimateXml(NESTED);
    // Without e, the flows to e go; so do the association to the b->e flow and the note's line to its connection.
    const edited = without(model, 'e');
    const file = parseExchange(toArchimateXml(edited, { extras }));
    expect(file.views[0]!.connections).toEqual([]);
    expect(file.relationships.map((r) => r.identifier)).toEqual([]);
    const changes = archimateExportChanges(edited, { extras });
    const connections = changes.filter((c) => c.object === 'connection');
    expect(connections.map((c) => [c.identifier, c.reasons[0]?.code])).toEqual([
      ['c-as', 'archimate.relationship-removed'],
      ['c-be', 'archimate.relationship-removed'],
      ['c-ce', 'archimate.relationship-removed'],
      ['c-line', 'archimate.end-removed'],
    ]);
    expect(connections.every((c) => c.view?.identifier === 'v' && c.view.name === 'Nested view')).toBe(true);
    expect(changes.find((c) => c.object === 'relationship')).toMatchObject({
      action: 'removed',
      identifier: 'as',
      reasons: [{ code: 'archimate.end-removed' }],
    });
  });
});

describe('removing an element lifts the nodes nested in its node', () => {
  it('lifts the outer node’s children to the view, keeping their own nesting, coordinates and connections', async () => {
    const { model, extras } = fromArchimateXml(NESTED);
    const edited = without(model, 'a');
    const xml = toArchimateXml(edited, { extras });
    const view = parseExchange(xml).views[0]!;
    const byId = new Map(view.nodes.map((n) => [n.identifier, n]));
    expect(byId.has('na')).toBe(false);
    expect(byId.get('nb')).toMatchObject({ x: 20, y: 20, w: 400, h: 300 });
    expect(byId.get('nb')?.parent).toBeUndefined();
    expect(byId.get('ne')?.parent).toBeUndefined();
    expect(byId.get('nc')?.parent).toBe('nb');
    expect(byId.get('nd')?.parent).toBe('nc');
    // The flows between lifted nodes stay, and so do the association to one of them and the line to that.
    expect(view.connections.map((c) => c.identifier).sort()).toEqual(['c-as', 'c-be', 'c-ce', 'c-line']);
    const changes = archimateExportChanges(edited, { extras });
    expect(changes.map((c) => [c.action, c.object, c.identifier, c.parent])).toEqual([
      ['removed', 'node', 'na', undefined],
      ['lifted', 'node', 'nb', undefined],
      ['lifted', 'node', 'ne', undefined],
    ]);
    expect(changes[1]?.reasons).toEqual([
      {
        code: 'archimate.parent-removed',
        message: "its parent node 'na' showed an element that is no longer in the model",
      },
    ]);
    expect(danglingReferences(parseExchange(xml))).toEqual([]);
    if (!skipShared) expect(await schemaErrors(xml)).toEqual([]);
  });

  it('lifts the children of a middle node to its parent, three levels deep', async () => {
    const { model, extras } = fromArchimateXml(NESTED);
    const edited = without(model, 'b');
    const xml = toArchimateXml(edited, { extras });
    const view = parseExchange(xml).views[0]!;
    const byId = new Map(view.nodes.map((n) => [n.identifier, n]));
    expect(byId.get('nc')).toMatchObject({ parent: 'na', x: 30, y: 30 });
    expect(byId.get('nd')).toMatchObject({ parent: 'nc', x: 40, y: 40 });
    expect(view.connections.map((c) => c.identifier)).toEqual(['c-ce']);
    expect(archimateExportChanges(edited, { extras }).filter((c) => c.action === 'lifted')).toEqual([
      {
        action: 'lifted',
        object: 'node',
        identifier: 'nc',
        view: { identifier: 'v', name: 'Nested view' },
        ref: 'c',
        parent: 'na',
        reasons: [
          {
            code: 'archimate.parent-removed',
            message: "its parent node 'nb' showed an element that is no longer in the model",
          },
        ],
      },
    ]);
    if (!skipShared) expect(await schemaErrors(xml)).toEqual([]);
  });

  it('lifts past several removed nodes at once', () => {
    const { model, extras } = fromArchimateXml(NESTED);
    const edited = without(without(model, 'a'), 'b');
    const view = parseExchange(toArchimateXml(edited, { extras })).views[0]!;
    const byId = new Map(view.nodes.map((n) => [n.identifier, n]));
    expect(byId.get('nc')?.parent).toBeUndefined();
    expect(byId.get('nd')?.parent).toBe('nc');
    expect(byId.get('ne')?.parent).toBeUndefined();
  });

  it('is stable: the edited export imports and exports to the same text', () => {
    const { model, extras } = fromArchimateXml(NESTED);
    const xml = toArchimateXml(without(model, 'a'), { extras });
    const again = fromArchimateXml(xml);
    expect(toArchimateXml(again.model, { extras: again.extras })).toBe(xml);
  });
});

describe('archimateExportChanges', () => {
  it('is empty without extras and refuses what toArchimateXml refuses', () => {
    const model = Model.load({ format: 'kartta/1', name: 'X' });
    expect(archimateExportChanges(model)).toEqual([]);
    expect(() => archimateExportChanges(model, { extra: {} } as never)).toThrow(KarttaError);
    expect(() => archimateExportChanges(model, { extra: {} } as never)).toThrow(/archimateExportChanges.*extra/);
  });

  it('reports the kept properties of a removed element', () => {
    const xml = `<model ${ROOT} identifier="m"><name>M</name>
      <elements><element identifier="s" xsi:type="ApplicationComponent"><name>S</name><properties><property propertyDefinitionRef="p"><value>Liisa</value></property></properties></element></elements>
      <propertyDefinitions><propertyDefinition identifier="p" type="string"><name>Owner</name></propertyDefinition></propertyDefinitions></model>`;
    const { model, extras } = fromArchimateXml(xml);
    expect(archimateExportChanges(without(model, 's'), { extras })).toEqual([
      {
        action: 'removed',
        object: 'property',
        identifier: 's',
        ref: 'p',
        reasons: [
          { code: 'archimate.concept-removed', message: "the concept 's' it belonged to is no longer in the model" },
        ],
      },
    ]);
  });
});

describe('what the user wrote is kept', () => {
  const names = `<model ${ROOT} identifier="m"><name xml:lang="sv">Österbotten</name><name xml:lang="fi">Pohjanmaa</name>
    <elements>
      <element identifier="p" xsi:type="ApplicationComponent"><name xml:lang="nl">Patiëntendossier</name><name xml:lang="en">Patient records</name>
        <documentation xml:lang="nl">Dossier</documentation><documentation xml:lang="en">Records</documentation></element>
    </elements></model>`;

  it('keeps the languages of names and documentation in the order of the file', () => {
    const { model, extras } = fromArchimateXml(names);
    const file = parseExchange(toArchimateXml(model, { extras }));
    expect(file.names.map((n) => n.lang)).toEqual(['sv', 'fi']);
    expect(file.elements[0]?.names.map((n) => n.lang)).toEqual(['nl', 'en']);
    expect(file.elements[0]?.documentation).toEqual(['Dossier', 'Records']);
  });

  it('keeps that order after a rename, with new languages after the file’s', () => {
    const { model, extras } = fromArchimateXml(names);
    const edited = model.edit((doc) => {
      const system = doc.systems?.[0];
      if (system) system.name = { de: 'Akte', en: 'Records', nl: 'Dossier' };
    }).model;
    const file = parseExchange(toArchimateXml(edited, { extras }));
    expect(file.elements[0]?.names).toEqual([
      { text: 'Dossier', lang: 'nl' },
      { text: 'Records', lang: 'en' },
      { text: 'Akte', lang: 'de' },
    ]);
  });

  it('writes the names of a model made in Kartta alphabetically, whatever order the object was built in', () => {
    const a = Model.load({ format: 'kartta/1', name: { sv: 'Österbotten', fi: 'Pohjanmaa' } });
    const b = Model.load({ format: 'kartta/1', name: { fi: 'Pohjanmaa', sv: 'Österbotten' } });
    expect(toArchimateXml(a)).toBe(toArchimateXml(b));
    expect(parseExchange(toArchimateXml(a)).names.map((n) => n.lang)).toEqual(['fi', 'sv']);
  });

  const numbers = `<model ${ROOT} identifier="m"><name>M</name>
    <elements><element identifier="s" xsi:type="ApplicationComponent"><name>S</name><properties>
      <property propertyDefinitionRef="u"><value>0100</value></property>
      <property propertyDefinitionRef="c"><value>1.50e3</value></property>
      <property propertyDefinitionRef="n"><value>06</value></property>
    </properties></element></elements>
    <propertyDefinitions>
      <propertyDefinition identifier="u" type="number"><name>users</name></propertyDefinition>
      <propertyDefinition identifier="c" type="number"><name>contract.annualCost</name></propertyDefinition>
      <propertyDefinition identifier="n" type="number"><name>contract.noticeMonths</name></propertyDefinition>
    </propertyDefinitions></model>`;

  it('writes back the text of a number field while its value is unchanged, and Kartta’s text once it changes', () => {
    const { model, extras } = fromArchimateXml(numbers);
    expect(model.systems()[0]?.users).toBe(100);
    expect(parseExchange(toArchimateXml(model, { extras })).elements[0]?.properties).toEqual({
      users: '0100',
      'contract.annualCost': '1.50e3',
      'contract.noticeMonths': '06',
    });
    const edited = model.edit((doc) => {
      const system = doc.systems?.[0];
      if (system) system.users = 250;
    }).model;
    expect(parseExchange(toArchimateXml(edited, { extras })).elements[0]?.properties).toEqual({
      users: '250',
      'contract.annualCost': '1.50e3',
      'contract.noticeMonths': '06',
    });
  });

  const folderless = `<model ${ROOT} identifier="m"><name>M</name>
    <elements>${component('x1')}${component('x2')}</elements>
    <relationships><relationship identifier="fl" xsi:type="Flow" source="x1" target="x2"/></relationships></model>`;

  it('leaves concepts of a file without folders in no folder, and files only what an edit adds', () => {
    const { model, extras } = fromArchimateXml(folderless);
    expect(extras.unfiled).toEqual(['x1', 'x2', 'fl']);
    expect(toArchimateXml(model, { extras })).not.toContain('<organizations>');
    const edited = model.edit((doc) => {
      doc.systems?.push({ id: 'x3', name: 'X3', class: 'TOSI', lifecycle: 'planned' });
    }).model;
    const file = parseExchange(toArchimateXml(edited, { extras }));
    expect([...file.folders.entries()]).toEqual([['Application / Systems', ['id-x3']]]);
  });
});

describe('encodings', () => {
  const latin = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

  it('reads bytes in the encoding the declaration names (Sparx writes windows-1252)', async () => {
    const text = `<?xml version="1.0" encoding="windows-1252"?>\n<model ${ROOT} identifier="m"><name>L\u00e4nsi-Pohja \u20ac</name></model>`;
    const bytes = latin(text.replace('\u20ac', '\x80'));
    // Split inside the declaration, to check that the encoding is decided only once it has been read.
    const { model } = await readArchimate([bytes.subarray(0, 20), bytes.subarray(20)]);
    expect(model.name).toBe('Länsi-Pohja €');
  });

  it('refuses an encoding it cannot decode, with a typed error', async () => {
    const bytes = latin(
      `<?xml version="1.0" encoding="x-unknown-42"?>\n<model ${ROOT} identifier="m"><name>M</name></model>`,
    );
    await expect(readArchimate([bytes])).rejects.toMatchObject({
      code: 'xml.malformed',
      message: expect.stringContaining("'x-unknown-42'"),
    });
  });
});
