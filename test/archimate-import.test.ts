import { Readable } from 'node:stream';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ArchimateImportError, Model, fromArchimateXml, readArchimate, toArchimateXml } from '../src/index.js';
import { danglingReferences, skipShared, parseExchange, readShared, schemaErrors } from './archimate-support.js';
import { smallRegion } from './fixtures.js';

/** A file in the style of Archi's exporter, with what Kartta maps and much that it does not. */
const FOREIGN = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:dc="http://purl.org/dc/elements/1.1/" xsi:schemaLocation="http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd" identifier="id-m1" version="4">
  <name xml:lang="fi">Kainuu</name>
  <documentation xml:lang="fi">Alueen malli</documentation>
  <documentation xml:lang="en">The region's model</documentation>
  <properties>
    <property propertyDefinitionRef="propid-1">
      <value xml:lang="fi">Arkkitehtuuritiimi</value>
    </property>
  </properties>
  <metadata>
    <schema>Dublin Core</schema>
    <schemaversion>1.1</schemaversion>
    <dc:title>Kainuu</dc:title>
    <dc:creator>Archi</dc:creator>
  </metadata>
  <elements>
    <element identifier="id-kajaani" xsi:type="BusinessActor">
      <name xml:lang="fi">Kajaani</name>
      <documentation xml:lang="fi">Kaupunki</documentation>
      <properties>
        <property propertyDefinitionRef="propid-2">
          <value xml:lang="fi">municipality</value>
        </property>
        <property propertyDefinitionRef="propid-1">
          <value xml:lang="fi">Tietohallinto</value>
        </property>
      </properties>
    </element>
    <element identifier="f81d4fae" xsi:type="BusinessActor">
      <name xml:lang="fi">Sotkamo</name>
    </element>
    <element identifier="id-perus" xsi:type="BusinessService">
      <name xml:lang="fi">Perusterveydenhuolto</name>
      <name xml:lang="sv">Primärvård</name>
    </element>
    <element identifier="id-pegasos" xsi:type="ApplicationComponent">
      <name xml:lang="fi">Pegasos</name>
      <properties>
        <property propertyDefinitionRef="propid-3">
          <value xml:lang="fi">phasingOut</value>
        </property>
        <property propertyDefinitionRef="propid-4">
          <value xml:lang="fi">paljon</value>
        </property>
      </properties>
    </element>
    <element identifier="id-esb" xsi:type="ApplicationComponent">
      <name xml:lang="fi">Integraatioalusta</name>
    </element>
    <element identifier="id-role" xsi:type="BusinessRole">
      <name xml:lang="fi">Lääkäri</name>
    </element>
    <element identifier="id-node1" xsi:type="Node">
      <name xml:lang="fi">Palvelin</name>
    </element>
    <element identifier="id-grp" xsi:type="Grouping">
      <name xml:lang="fi">Ryhmä</name>
    </element>
  </elements>
  <relationships>
    <relationship identifier="id-r1" xsi:type="Assignment" source="id-kajaani" target="id-perus">
      <name xml:lang="fi">vastaa</name>
    </relationship>
    <relationship identifier="id-r2" xsi:type="Aggregation" source="id-kajaani" target="f81d4fae"/>
    <relationship identifier="id-r3" xsi:type="Association" source="id-kajaani" target="id-pegasos"/>
    <relationship identifier="id-r4" xsi:type="Serving" source="id-pegasos" target="id-perus"/>
    <relationship identifier="id-r5" xsi:type="Flow" source="id-pegasos" target="id-esb">
      <properties>
        <property propertyDefinitionRef="propid-5">
          <value xml:lang="fi">HL7 v2</value>
        </property>
      </properties>
    </relationship>
    <relationship identifier="id-r6" xsi:type="Serving" source="id-esb" target="id-pegasos"/>
    <relationship identifier="id-r7" xsi:type="Assignment" source="id-role" target="id-perus"/>
    <relationship identifier="id-r8" xsi:type="Access" source="id-pegasos" target="id-node1" accessType="Read"/>
    <relationship identifier="id-r9" xsi:type="Association" source="id-grp" target="id-r5"/>
  </relationships>
  <organizations>
    <item>
      <label xml:lang="fi">Business</label>
      <item identifierRef="id-kajaani"/>
      <item>
        <label xml:lang="fi">Kunnat</label>
        <item identifierRef="f81d4fae"/>
      </item>
      <item identifierRef="id-perus"/>
      <item identifierRef="id-role"/>
    </item>
    <item>
      <label xml:lang="fi">Application</label>
      <item identifierRef="id-pegasos"/>
      <item identifierRef="id-esb"/>
    </item>
    <item>
      <label xml:lang="fi">Views</label>
      <item identifierRef="id-v1"/>
    </item>
  </organizations>
  <propertyDefinitions>
    <propertyDefinition identifier="propid-1" type="string">
      <name xml:lang="fi">Omistaja</name>
    </propertyDefinition>
    <propertyDefinition identifier="propid-2" type="string">
      <name xml:lang="fi">kind</name>
    </propertyDefinition>
    <propertyDefinition identifier="propid-3" type="string">
      <name xml:lang="fi">lifecycle</name>
    </propertyDefinition>
    <propertyDefinition identifier="propid-4" type="string">
      <name xml:lang="fi">users</name>
    </propertyDefinition>
    <propertyDefinition identifier="propid-5" type="string">
      <name xml:lang="fi">protocol</name>
    </propertyDefinition>
  </propertyDefinitions>
  <views>
    <diagrams>
      <view identifier="id-v1" xsi:type="Diagram" viewpoint="Layered">
        <name xml:lang="fi">Näkymä</name>
        <node identifier="id-n1" xsi:type="Element" elementRef="id-kajaani" x="10" y="20" w="120" h="55">
          <style lineWidth="2">
            <fillColor r="255" g="255" b="181" a="100"/>
            <lineColor r="92" g="92" b="92"/>
            <font name="Segoe UI" size="9">
              <color r="0" g="0" b="0"/>
            </font>
          </style>
        </node>
        <node identifier="id-n2" xsi:type="Container" x="200" y="20" w="400" h="300">
          <label xml:lang="fi">Sovellukset</label>
          <node identifier="id-n3" xsi:type="Element" elementRef="id-pegasos" x="220" y="60" w="120" h="55"/>
          <node identifier="id-n4" xsi:type="Element" elementRef="id-esb" x="420" y="60" w="120" h="55"/>
        </node>
        <node identifier="id-n5" xsi:type="Label" x="10" y="400" w="200" h="40">
          <label xml:lang="fi">Huom: &amp; &lt;tärkeä&gt;</label>
        </node>
        <connection identifier="id-c1" xsi:type="Relationship" relationshipRef="id-r3" source="id-n1" target="id-n3">
          <sourceAttachment x="70" y="47"/>
          <bendpoint x="150" y="100"/>
          <bendpoint x="180" y="100"/>
          <targetAttachment x="280" y="87"/>
        </connection>
        <connection identifier="id-c2" xsi:type="Relationship" relationshipRef="id-r5" source="id-n3" target="id-n4"/>
        <connection identifier="id-c3" xsi:type="Line" source="id-n5" target="id-n1"/>
      </view>
    </diagrams>
  </views>
</model>
`;

const plain = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
});

/** The file as data with the order of elements, relationships and definitions not counting. */
function normalised(xml: string): Record<string, unknown> {
  const model = (plain.parse(xml) as { model: Record<string, any> }).model;
  const sortBy = (items: unknown, key: string) =>
    (Array.isArray(items) ? [...items] : items === undefined ? [] : [items]).sort((a, b) =>
      String(a[key]).localeCompare(String(b[key])),
    );
  const sortProperties = (concept: Record<string, any>) => {
    if (concept.properties)
      concept.properties = { property: sortBy(concept.properties.property, '@propertyDefinitionRef') };
    return concept;
  };
  return {
    identifier: model['@identifier'],
    name: model.name,
    documentation: model.documentation,
    properties: model.properties,
    metadata: model.metadata,
    elements: sortBy(model.elements?.element, '@identifier').map(sortProperties),
    relationships: sortBy(model.relationships?.relationship, '@identifier').map(sortProperties),
    propertyDefinitions: sortBy(model.propertyDefinitions?.propertyDefinition, '@identifier'),
    views: model.views,
  };
}

describe('fromArchimateXml: what Kartta maps', () => {
  const { model, extras } = fromArchimateXml(FOREIGN);

  it('reads actors, services and components as organisations, services and systems, with names in their languages', () => {
    expect(model.organisations().map((o) => [o.id, o.kind, o.name])).toEqual([
      ['f81d4fae', 'other', { fi: 'Sotkamo' }],
      ['kajaani', 'municipality', { fi: 'Kajaani' }],
    ]);
    expect(model.organisation('kajaani')?.description).toBe('Kaupunki');
    expect(model.service('perus')).toEqual({
      id: 'perus',
      name: { fi: 'Perusterveydenhuolto', sv: 'Primärvård' },
      domain: 'unspecified',
    });
    expect(model.system('pegasos')).toEqual({
      id: 'pegasos',
      name: { fi: 'Pegasos' },
      class: 'TOSI',
      lifecycle: 'phasingOut',
    });
    expect(model.system('esb')).toEqual({
      id: 'esb',
      name: { fi: 'Integraatioalusta' },
      class: 'TOSI',
      lifecycle: 'production',
    });
  });

  it('reads the relationships Kartta writes for its relations, whatever their identifiers', () => {
    expect(model.relations().map((r) => [r.type, r.from, r.to])).toEqual([
      ['memberOf', 'f81d4fae', 'kajaani'],
      ['provides', 'kajaani', 'perus'],
      ['supports', 'pegasos', 'perus'],
      ['dependsOn', 'pegasos', 'esb'],
    ]);
    expect(model.integrations()).toEqual([{ id: 'r5', source: 'pegasos', target: 'esb', protocol: 'HL7 v2' }]);
    expect(model.name).toEqual({ fi: 'Kainuu' });
    expect(model.document.description).toBe('Alueen malli');
  });

  it('keeps in the extras what did not fit: defaults, identifiers, unmapped properties, names of relationships', () => {
    expect(extras.model).toMatchObject({
      identifier: 'id-m1',
      version: '4',
      descriptionLang: 'fi',
      documentation: [{ text: "The region's model", lang: 'en' }],
    });
    expect(extras.entities.find((e) => e.id === 'f81d4fae')).toEqual({
      id: 'f81d4fae',
      identifier: 'f81d4fae',
      defaults: { kind: 'other' },
    });
    const pegasos = extras.entities.find((e) => e.id === 'pegasos');
    expect(pegasos?.defaults).toEqual({ class: 'TOSI' });
    expect(pegasos?.valueLangs).toEqual({ lifecycle: 'fi' });
    // 'paljon' is no user count: the property stays as it was.
    expect(pegasos?.properties).toEqual([
      {
        name: 'property',
        attributes: { propertyDefinitionRef: 'propid-4' },
        children: [{ name: 'value', attributes: { 'xml:lang': 'fi' }, children: ['paljon'] }],
      },
    ]);
    expect(extras.relations.find((r) => r.type === 'provides')).toEqual({
      type: 'provides',
      from: 'kajaani',
      to: 'perus',
      identifier: 'id-r1',
      names: [{ text: 'vastaa', lang: 'fi' }],
    });
    // An association without kartta:relation says nothing Kartta can read; an Access is not Kartta's.
    expect(extras.relationships.map((r) => r.attributes?.identifier)).toEqual(['id-r3', 'id-r7', 'id-r8', 'id-r9']);
    expect(extras.elements.map((e) => e.attributes?.['xsi:type'])).toEqual(['BusinessRole', 'Node', 'Grouping']);
    expect(extras.propertyDefinitions.map((d) => d.attributes?.identifier)).toEqual([
      'propid-1',
      'propid-2',
      'propid-3',
      'propid-4',
      'propid-5',
    ]);
    expect(extras.organizations).toHaveLength(1);
    expect(extras.model.metadata?.children?.map((c) => (typeof c === 'string' ? c : c.name))).toEqual([
      'schema',
      'schemaversion',
      'title',
      'creator',
    ]);
  });

  it('writes it all back: the same elements, relationships, properties, folders, views and metadata', () => {
    const again = toArchimateXml(model, { extras });
    const before = normalised(FOREIGN);
    const after = normalised(again);
    expect(after).toEqual(before);
    // The imported folders stay as they were, and what they did not place (two elements, every relationship)
    // stays in no folder.
    const folders = parseExchange(again).folders;
    expect(folders).toEqual(parseExchange(FOREIGN).folders);
    const unfiled = ['id-node1', 'id-grp', ...Array.from({ length: 9 }, (_, i) => `id-r${i + 1}`)];
    expect(extras.unfiled).toEqual(unfiled);
    const placed = [...folders.values()].flat().sort();
    const file = parseExchange(again);
    const all = [...file.elements, ...file.relationships, ...file.views].map((c) => c.identifier);
    expect(placed).toEqual(all.filter((identifier) => !unfiled.includes(identifier)).sort());
    // Importing the re-export gives the same model and extras again (a fixed point).
    const second = fromArchimateXml(again);
    expect(second.model.toJSON()).toEqual(model.toJSON());
    expect(toArchimateXml(second.model, { extras: second.extras })).toBe(again);
  });

  it('writes edits back around the extras, dropping what referred to removed concepts', () => {
    const { model: edited } = model.edit((doc) => {
      doc.systems = doc.systems.filter((s) => s.id !== 'pegasos');
      doc.integrations = [];
      doc.relations = doc.relations.filter((r) => r.from !== 'pegasos' && r.to !== 'pegasos');
      doc.organisations.push({ id: 'kuhmo', kind: 'municipality', name: 'Kuhmo' });
      const kajaani = doc.organisations.find((o) => o.id === 'kajaani');
      if (kajaani) kajaani.name = { fi: 'Kajaanin kaupunki' };
    });
    const xml = toArchimateXml(edited, { extras });
    const file = parseExchange(xml);
    expect(file.elements.map((e) => e.identifier)).not.toContain('id-pegasos');
    // memberOf and provides stay (as Kartta relations, in Kartta's order), the Assignment from the role stays; the
    // association and access to Pegasos go, and so does the association to the removed Flow.
    expect(file.relationships.map((r) => r.identifier)).toEqual(['id-r2', 'id-r1', 'id-r7']);
    expect(danglingReferences(file)).toEqual([]);
    const view = file.views[0]!;
    expect(view.nodes.map((n) => n.identifier)).toEqual(['id-n1', 'id-n2', 'id-n4', 'id-n5']);
    expect(view.connections.map((c) => c.identifier)).toEqual(['id-c3']);
    // The new organisation lands in the imported Business folder; the renamed one keeps its identifier.
    expect(file.folders.get('Business')).toEqual(['id-kajaani', 'id-perus', 'id-role']);
    expect(file.folders.get('Application')).toEqual(['id-esb']);
    expect(file.folders.get('Business / Actors')).toEqual(['id-kuhmo']);
    expect(file.elements.find((e) => e.identifier === 'id-kajaani')?.names).toEqual([
      { text: 'Kajaanin kaupunki', lang: 'fi' },
    ]);
  });
});

describe.skipIf(skipShared)('Archi sample files', () => {
  for (const sample of ['archi-sample1.xml', 'archi-bendpoints.xml']) {
    it(`${sample} imports and exports again with the same elements, relationships, views and names, schema-valid`, async () => {
      const source = readShared('examples', sample);
      const { model, extras } = fromArchimateXml(source);
      const again = toArchimateXml(model, { extras });
      expect(normalised(again)).toEqual(normalised(source));
      expect(await schemaErrors(again)).toEqual([]);
    });
  }

  it('archi-bendpoints.xml: the BusinessService becomes a Kartta service, the rest stays in the extras', () => {
    const { model, extras } = fromArchimateXml(readShared('examples', 'archi-bendpoints.xml'));
    expect(model.services().map((s) => [s.id, s.name])).toEqual([
      ['019dd58c-3116-731f-a761-905e3234486b', { en: 'Business Service' }],
    ]);
    expect(extras.elements.map((e) => e.attributes?.['xsi:type'])).toEqual(['BusinessFunction']);
    expect(extras.relationships.map((r) => r.attributes?.['xsi:type'])).toEqual(['Serving', 'Realization']);
  });
});

describe('fromArchimateXml: namespaces and sources', () => {
  it('accepts the ArchiMate 3.1 namespace URI and a prefixed namespace', () => {
    const prefixed = `<a:model xmlns:a="http://www.opengroup.org/xsd/archimate/3.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
      <a:name>M</a:name>
      <a:elements><a:element identifier="id-x" xsi:type="a:BusinessActor"><a:name>X</a:name></a:element></a:elements>
    </a:model>`;
    const { model, extras } = fromArchimateXml(prefixed);
    expect(model.organisations()).toEqual([{ id: 'x', kind: 'other', name: 'X' }]);
    expect(extras.model.identifier).toBe('m');
  });

  it('readArchimate reads a stream of bytes (split inside multi-byte letters) the same as the whole text', async () => {
    const xml = toArchimateXml(Model.load(smallRegion()));
    const bytes = Buffer.from(xml, 'utf8');
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) pieces.push(bytes.subarray(i, i + 7));
    const { model } = await readArchimate(Readable.from(pieces));
    expect(model.toJSON()).toEqual(Model.load(smallRegion()).toJSON());
  });

  it('fromArchimateXml reads bytes (a Buffer, a Uint8Array, in the declared encoding) as it reads the text', () => {
    const xml = toArchimateXml(Model.load(smallRegion()));
    const fromText = fromArchimateXml(xml);
    const fromBuffer = fromArchimateXml(Buffer.from(xml, 'utf8'));
    expect(fromBuffer.model.toJSON()).toEqual(fromText.model.toJSON());
    expect(fromBuffer.extras).toEqual(fromText.extras);
    expect(fromArchimateXml(new TextEncoder().encode(xml)).model.toJSON()).toEqual(fromText.model.toJSON());
    const latin = `<?xml version="1.0" encoding="windows-1252"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>Ähtäri</name></model>`;
    expect(fromArchimateXml(Buffer.from(latin, 'latin1')).model.name).toBe('Ähtäri');
    // Errors point at the same place as for the text, and bad bytes or a bad input type are typed errors.
    const broken = `<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">\n  <name>M</nam>\n</model>`;
    let fromTextError: unknown;
    let fromBytesError: unknown;
    try {
      fromArchimateXml(broken);
    } catch (error) {
      fromTextError = error;
    }
    try {
      fromArchimateXml(Buffer.from(broken));
    } catch (error) {
      fromBytesError = error;
    }
    expect(fromBytesError).toBeInstanceOf(ArchimateImportError);
    expect(fromBytesError).toMatchObject({
      code: (fromTextError as ArchimateImportError).code,
      line: 2,
      column: (fromTextError as ArchimateImportError).column,
    });
    expect(() => fromArchimateXml(Buffer.from([0x3c, 0x6d, 0xff, 0xfe]))).toThrow(
      expect.objectContaining({ code: 'xml.malformed' }),
    );
    expect(() => fromArchimateXml(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'xml.malformed' }));
  });

  it('readArchimate rejects bytes that are not UTF-8 as malformed', async () => {
    await expect(readArchimate([Buffer.from([0x3c, 0x6d, 0xff, 0xfe])])).rejects.toMatchObject({
      code: 'xml.malformed',
    });
  });
});
