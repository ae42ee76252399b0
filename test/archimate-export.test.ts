import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArchimateExportError,
  Model,
  archimateChunks,
  toArchimateXml,
  writeArchimate,
  type KarttaDocumentInput,
} from '../src/index.js';
import { documentArb, shuffled } from './arbitraries.js';
import { parseExchange, type ParsedConcept } from './archimate-support.js';
import { smallRegion } from './fixtures.js';

/** A small model that uses every entity kind, every relation type and every field. */
function everything(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten', se: 'Davvi-Bohtnisa' },
    description: 'Alue & "testi" <kuvaus>',
    products: [{ id: 'lifecare', name: 'Lifecare', vendor: 'Tietoevry', aliases: ['Tieto Lifecare'] }],
    organisations: [
      { id: 'pop', kind: 'region', name: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' } },
      {
        id: 'oulu',
        kind: 'municipality',
        name: 'Oulu',
        municipalityCode: '564',
        businessId: '0187690-1',
        description: 'Kaupunki',
      },
      { id: 'utsjoki', kind: 'municipality', name: { fi: 'Utsjoki', se: 'Ohcejohka' }, municipalityCode: '890' },
    ],
    services: [{ id: 'primary-care', name: 'Perusterveydenhuolto', domain: 'health', code: 'JHS-1' }],
    systems: [
      {
        id: 'lifecare-oulu',
        name: 'Lifecare (Oulu)',
        class: 'TOSI',
        product: 'Tieto Lifecare',
        version: '2017.1',
        lifecycle: 'production',
        criticality: 'critical',
        users: 2400,
        platform: false,
        hosting: 'on-premises',
        contract: { ends: '2020-12-31', noticeMonths: 12, annualCost: 850000.5 },
      },
      { id: 'esko-pop', name: 'Esko', class: 'TOSI', lifecycle: 'planned' },
      {
        id: 'pop-esb',
        name: 'ESB',
        class: 'TORI',
        lifecycle: 'production',
        platform: true,
        x: { cmdb: { ci: 'CI-1' } },
      },
    ],
    integrations: [
      {
        id: 'i-17',
        source: 'lifecare-oulu',
        target: 'esko-pop',
        direction: 'twoWay',
        data: 'referrals',
        protocol: 'HL7 v2',
        mode: 'realtime',
        via: 'pop-esb',
        criticality: 'high',
      },
    ],
    relations: [
      { type: 'memberOf', from: 'oulu', to: 'pop' },
      { type: 'provides', from: 'oulu', to: 'primary-care' },
      { type: 'owns', from: 'oulu', to: 'lifecare-oulu' },
      { type: 'uses', from: 'utsjoki', to: 'lifecare-oulu', users: 40 },
      { type: 'supports', from: 'lifecare-oulu', to: 'primary-care' },
      { type: 'dependsOn', from: 'lifecare-oulu', to: 'pop-esb' },
      { type: 'replaces', from: 'esko-pop', to: 'lifecare-oulu', description: 'Regional patient record' },
    ],
    x: { tool: { version: 1 } },
  };
}

function byId(concepts: ParsedConcept[], identifier: string): ParsedConcept {
  const found = concepts.find((c) => c.identifier === identifier);
  if (!found) throw new Error(`no ${identifier}`);
  return found;
}

describe('toArchimateXml: mapping', () => {
  const xml = toArchimateXml(Model.load(everything()));
  const file = parseExchange(xml);

  it('writes the ArchiMate 3.1 exchange root as Archi does', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"',
      ),
    ).toBe(true);
    expect(xml).toContain(
      'xsi:schemaLocation="http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"',
    );
    expect(file.identifier).toBe('model');
    expect(file.names).toEqual(
      [
        { text: 'Davvi-Bohtnisa', lang: 'se' },
        { text: 'Pohjois-Pohjanmaa', lang: 'fi' },
        { text: 'Norra Österbotten', lang: 'sv' },
      ].sort((a, b) => a.lang.localeCompare(b.lang)),
    );
  });

  it('maps organisations, services and systems to BusinessActor, BusinessService and ApplicationComponent', () => {
    expect(file.elements.map((e) => [e.identifier, e.type])).toEqual([
      ['id-oulu', 'BusinessActor'],
      ['id-pop', 'BusinessActor'],
      ['id-utsjoki', 'BusinessActor'],
      ['id-primary-care', 'BusinessService'],
      ['id-esko-pop', 'ApplicationComponent'],
      ['id-lifecare-oulu', 'ApplicationComponent'],
      ['id-pop-esb', 'ApplicationComponent'],
    ]);
  });

  it('writes a name per language with xml:lang, a plain name without, and keeps ä, ö, å and Sámi letters literally', () => {
    expect(byId(file.elements, 'id-utsjoki').names).toEqual([
      { text: 'Utsjoki', lang: 'fi' },
      { text: 'Ohcejohka', lang: 'se' },
    ]);
    expect(byId(file.elements, 'id-oulu').names).toEqual([{ text: 'Oulu' }]);
    expect(xml).toContain('<name xml:lang="sv">Norra Österbotten</name>');
    expect(xml).toContain('<name xml:lang="se">Davvi-Bohtnisa</name>');
  });

  it('writes descriptions as documentation, escaped', () => {
    expect(byId(file.elements, 'id-oulu').documentation).toEqual(['Kaupunki']);
    expect(xml).toContain('<documentation>Alue &amp; "testi" &lt;kuvaus&gt;</documentation>');
  });

  it('writes every field as a property with a typed definition', () => {
    expect(byId(file.elements, 'id-lifecare-oulu').properties).toEqual({
      class: 'TOSI',
      product: 'Tieto Lifecare',
      version: '2017.1',
      lifecycle: 'production',
      criticality: 'critical',
      users: '2400',
      platform: 'false',
      hosting: 'on-premises',
      'contract.ends': '2020-12-31',
      'contract.noticeMonths': '12',
      'contract.annualCost': '850000.5',
    });
    expect(byId(file.elements, 'id-oulu').properties).toEqual({
      kind: 'municipality',
      businessId: '0187690-1',
      municipalityCode: '564',
    });
    expect(byId(file.elements, 'id-primary-care').properties).toEqual({ domain: 'health', code: 'JHS-1' });
    expect(byId(file.elements, 'id-pop-esb').properties['kartta:x']).toBe('{"cmdb":{"ci":"CI-1"}}');
    const types = Object.fromEntries([...file.definitions.values()].map((d) => [d.name, d.type]));
    expect(types).toMatchObject({
      class: 'string',
      users: 'number',
      platform: 'boolean',
      'contract.ends': 'date',
      'contract.annualCost': 'number',
      'contract.noticeMonths': 'number',
      direction: 'string',
      'kartta:relation': 'string',
    });
    // Definition identifiers are derived from the names.
    expect(file.definitions.get('propdef.users')).toEqual({ name: 'users', type: 'number' });
  });

  it('writes an integration as a Flow from source to target, with direction and the other fields as properties', () => {
    const flow = byId(file.relationships, 'id-i-17');
    expect([flow.type, flow.source, flow.target]).toEqual(['Flow', 'id-lifecare-oulu', 'id-esko-pop']);
    expect(flow.properties).toEqual({
      direction: 'twoWay',
      data: 'referrals',
      protocol: 'HL7 v2',
      mode: 'realtime',
      via: 'pop-esb',
      criticality: 'high',
    });
  });

  it('writes each relation type as the relationship chosen for it, in the direction ArchiMate reads it', () => {
    const rel = (identifier: string) => {
      const r = byId(file.relationships, identifier);
      return [r.type, r.source, r.target, r.properties];
    };
    expect(rel('rel.memberOf.oulu.pop')).toEqual(['Aggregation', 'id-pop', 'id-oulu', {}]);
    expect(rel('rel.provides.oulu.primary-care')).toEqual(['Assignment', 'id-oulu', 'id-primary-care', {}]);
    expect(rel('rel.owns.oulu.lifecare-oulu')).toEqual([
      'Association',
      'id-oulu',
      'id-lifecare-oulu',
      { 'kartta:relation': 'owns' },
    ]);
    expect(rel('rel.uses.utsjoki.lifecare-oulu')).toEqual([
      'Serving',
      'id-lifecare-oulu',
      'id-utsjoki',
      { users: '40' },
    ]);
    expect(rel('rel.supports.lifecare-oulu.primary-care')).toEqual([
      'Serving',
      'id-lifecare-oulu',
      'id-primary-care',
      {},
    ]);
    expect(rel('rel.dependsOn.lifecare-oulu.pop-esb')).toEqual(['Serving', 'id-pop-esb', 'id-lifecare-oulu', {}]);
    expect(rel('rel.replaces.esko-pop.lifecare-oulu')).toEqual([
      'Association',
      'id-esko-pop',
      'id-lifecare-oulu',
      { 'kartta:relation': 'replaces' },
    ]);
    expect(byId(file.relationships, 'rel.owns.oulu.lifecare-oulu').attributes.isDirected).toBe('true');
    expect(byId(file.relationships, 'rel.replaces.esko-pop.lifecare-oulu').documentation).toEqual([
      'Regional patient record',
    ]);
  });

  it('keeps the product catalogue and the document x as JSON properties of the model', () => {
    expect(xml).toContain(
      '<value>[{"aliases":["Tieto Lifecare"],"id":"lifecare","name":"Lifecare","vendor":"Tietoevry"}]</value>',
    );
    expect(xml).toContain('<value>{"tool":{"version":1}}</value>');
  });

  it('files every element and relationship in exactly one folder that mirrors the model', () => {
    expect(file.folders.get('Business / Actors')).toEqual(['id-oulu', 'id-pop', 'id-utsjoki']);
    expect(file.folders.get('Business / Services')).toEqual(['id-primary-care']);
    expect(file.folders.get('Application / Systems')).toEqual(['id-esko-pop', 'id-lifecare-oulu', 'id-pop-esb']);
    expect(file.folders.get('Relations / Integrations')).toEqual(['id-i-17']);
    const placed = [...file.folders.values()].flat().sort();
    const all = [...file.elements, ...file.relationships].map((c) => c.identifier).sort();
    expect(placed).toEqual(all);
  });
});

describe('toArchimateXml: identifiers, text and determinism', () => {
  it('derives identifiers that are valid xs:IDs and stay distinct for ids that differ only in escaped characters', () => {
    const model = Model.load({
      format: 'kartta/1',
      name: 'X',
      organisations: [
        { id: 'a.b', kind: 'other', name: 'A' },
        { id: 'a_2e_b', kind: 'other', name: 'B' },
        { id: '1st', kind: 'other', name: 'C' },
        { id: 'hämeen:kaupunki', kind: 'other', name: 'D' },
      ],
    });
    const ids = parseExchange(toArchimateXml(model)).elements.map((e) => e.identifier);
    expect(ids).toEqual(['id-1st', 'id-a_2e_b', 'id-a_5f_2e_5f_b', 'id-h_e4_meen_3a_kaupunki']);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
  });

  it('escapes markup and carriage returns, and refuses characters XML cannot carry', () => {
    const model = Model.load({
      format: 'kartta/1',
      name: 'X',
      organisations: [{ id: 'o', kind: 'other', name: 'A & B <C> "D"\r\nE' }],
    });
    expect(toArchimateXml(model)).toContain('<name>A &amp; B &lt;C&gt; "D"&#13;\nE</name>');
    const bad = Model.load({
      format: 'kartta/1',
      name: 'X',
      organisations: [{ id: 'o', kind: 'other', name: 'bell \u0007' }],
    });
    expect(() => toArchimateXml(bad)).toThrow(ArchimateExportError);
    try {
      toArchimateXml(bad);
    } catch (error) {
      expect((error as ArchimateExportError).code).toBe('archimate.unrepresentable-text');
      expect((error as ArchimateExportError).identifier).toBe('o');
      expect((error as Error).message).toContain('U+0007');
    }
  });

  it('gives byte-identical output whatever order the document was written in', () => {
    fc.assert(
      fc.property(documentArb(5), fc.integer(), (doc, seed) => {
        const a = toArchimateXml(Model.load(doc));
        const b = toArchimateXml(Model.load(shuffled(doc, seed)));
        expect(b).toBe(a);
      }),
      { numRuns: 60 },
    );
  });

  it('writes a model with nothing in it as just the model with its name', () => {
    const xml = toArchimateXml(Model.load({ format: 'kartta/1', name: 'Tyhjä' }));
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
        'xsi:schemaLocation="http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd" identifier="model">\n' +
        '  <name>Tyhjä</name>\n' +
        '</model>\n',
    );
  });

  it('rejects extras that are not what an import returned', () => {
    const model = Model.load(smallRegion());
    expect(() => toArchimateXml(model, { extras: {} as never })).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
  });

  it('rejects what is not an option, naming it, rather than writing something else', () => {
    const model = Model.load(smallRegion());
    const refused = (options: unknown, words: string) =>
      expect(() => toArchimateXml(model, options as never)).toThrow(
        expect.objectContaining({ code: 'option.invalid', message: expect.stringContaining(words) }),
      );
    refused({ view: true }, "toArchimateXml: 'view' is not an option; did you mean 'views'?");
    refused({ views: 'yes' }, `option 'views' must be true, false or an object of view options, got "yes"`);
    refused({ views: { landscape: true } }, "'views.landscape' is not an option; did you mean 'views.landscapes'?");
    refused({ views: { parallel: 'no' } }, `option 'views.parallel' must be true or false, got "no"`);
    refused({ views: { landscapes: ['oulu', ''] } }, `option 'views.landscapes[1]' must be an organisation id, got ""`);
    refused(
      { views: { landscapes: 'oulu' } },
      `option 'views.landscapes' must be true, false or a list of organisation ids, got "oulu"`,
    );
    refused([], 'the options must be an object, got an empty array');
    expect(() => toArchimateXml(model, { views: { parallel: 'no' } } as never)).toThrow(
      expect.objectContaining({ name: 'OptionError', option: 'views', path: ['views', 'parallel'] }),
    );
    expect(() => archimateChunks(model, { view: true } as never)).toThrow(
      expect.objectContaining({ code: 'option.invalid', option: 'view' }),
    );
    expect(toArchimateXml(model, { views: false })).toBe(toArchimateXml(model));
  });
});

describe('streaming export', () => {
  const model = Model.load(smallRegion());

  it('archimateChunks yields the same text as toArchimateXml, in several chunks for larger models', () => {
    expect([...archimateChunks(model)].join('')).toBe(toArchimateXml(model));
    const big: KarttaDocumentInput = {
      format: 'kartta/1',
      name: 'Iso',
      systems: Array.from({ length: 1200 }, (_, i) => ({
        id: `s-${String(i).padStart(4, '0')}`,
        name: `Järjestelmä ${i}`,
        class: 'TORI' as const,
        lifecycle: 'production' as const,
      })),
    };
    const bigModel = Model.load(big);
    const chunks = [...archimateChunks(bigModel)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(toArchimateXml(bigModel));
  });

  it('writeArchimate writes the same bytes to a stream and ends it', async () => {
    const sink = new PassThrough();
    const received: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => received.push(chunk));
    const ended = new Promise<void>((resolve) => sink.on('end', () => resolve()));
    await writeArchimate(model, sink);
    await ended;
    expect(Buffer.concat(received).toString('utf8')).toBe(toArchimateXml(model));
  });

  it('writeArchimate rejects with the typed error when the model cannot be written', async () => {
    const bad = Model.load({ format: 'kartta/1', name: 'bell \u0007' });
    const sink = new PassThrough();
    sink.resume();
    await expect(writeArchimate(bad, sink)).rejects.toMatchObject({ code: 'archimate.unrepresentable-text' });
  });
});

describe('folders at national scale', () => {
  it('files hundreds of thousands of relations without running out of call stack', async () => {
    const { karttaFolders } = await import('../src/archimate/folders.js');
    const relations = Array.from({ length: 300_000 }, (_, i) => `rel-${i}`);
    const [organizations] = karttaFolders({
      organisations: [],
      services: [],
      systems: [],
      integrations: ['integration-1'],
      relations,
      planElements: [],
      planRelationships: ['plan-rel'],
      extraElements: [],
      extraRelationships: [],
      views: [],
    });
    const relationsFolder = organizations?.children?.find(
      (c) => typeof c !== 'string' && c.children?.some((l) => typeof l !== 'string' && l.children?.[0] === 'Relations'),
    );
    const items =
      typeof relationsFolder === 'string'
        ? []
        : (relationsFolder?.children ?? []).filter((c) => typeof c !== 'string' && c.name === 'item');
    // The Integrations subfolder, then every relation, then the plan's relationship.
    expect(items).toHaveLength(300_002);
  });
});
