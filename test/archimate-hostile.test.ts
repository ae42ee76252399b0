import { describe, expect, it } from 'vitest';
import { ArchimateImportError, KarttaError, OptionError, fromArchimateXml, readArchimate } from '../src/index.js';

const NS = 'xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function importError(xml: string, options = {}): ArchimateImportError {
  try {
    fromArchimateXml(xml, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ArchimateImportError);
    expect(error).toBeInstanceOf(KarttaError);
    return error as ArchimateImportError;
  }
  throw new Error('expected the import to fail');
}

function optionError(run: () => unknown): OptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OptionError);
    expect(error).toBeInstanceOf(KarttaError);
    return error as OptionError;
  }
  throw new Error('expected the options to be refused');
}

describe('fromArchimateXml: hostile input', () => {
  it('refuses a DOCTYPE with internal entities (billion laughs) before any entity is expanded', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE model [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      `<model ${NS} identifier="m"><name>&lol9;</name></model>`,
    ].join('\n');
    const error = importError(laughs);
    expect(error.code).toBe('xml.doctype');
    expect([error.line, error.column]).toEqual([2, 1]);
    expect(error.message).not.toContain('lollol');
  });

  it('refuses an external entity (SYSTEM "file:///etc/passwd") without reading it', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<model ${NS} identifier="m"><name>&xxe;</name></model>`;
    const error = importError(xxe);
    expect(error.code).toBe('xml.doctype');
    expect(error.message).not.toMatch(/root:|nologin/);
    const external = `<!DOCTYPE model SYSTEM "http://example.invalid/evil.dtd"><model ${NS} identifier="m"><name>M</name></model>`;
    expect(importError(external).code).toBe('xml.doctype');
  });

  it('expands no entity other than the five predefined ones and character references', () => {
    const undeclared = `<model ${NS} identifier="m">\n  <name>&xxe;</name>\n</model>`;
    const error = importError(undeclared);
    expect(error.code).toBe('xml.malformed');
    expect(error.line).toBe(2);
    const { model } = fromArchimateXml(
      `<model ${NS} identifier="m"><name>&lt;&amp;&gt;&quot;&apos;&#228;&#x14B;</name></model>`,
    );
    expect(model.name).toBe('<&>"\'äŋ');
  });

  it('keeps an XInclude as inert data: nothing is fetched or read', () => {
    const xml = `<model ${NS} xmlns:xi="http://www.w3.org/2001/XInclude" identifier="m"><name>M</name><xi:include href="file:///etc/passwd" parse="text"/></model>`;
    const { extras } = fromArchimateXml(xml);
    expect(extras.model.any).toEqual([
      {
        name: 'include',
        ns: 'http://www.w3.org/2001/XInclude',
        prefix: 'xi',
        attributes: { href: 'file:///etc/passwd', parse: 'text' },
      },
    ]);
  });

  it('stops at the depth limit with the place it was reached', () => {
    const depth = 400;
    const deep = `<model ${NS} identifier="m"><name>M</name>\n${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</model>`;
    const error = importError(deep);
    expect(error.code).toBe('xml.too-deep');
    expect(error.line).toBe(2);
    expect(
      importError(`<model ${NS} identifier="m"><name>M</name><a><b><c/></b></a></model>`, { maxDepth: 3 }).code,
    ).toBe('xml.too-deep');
  });

  it('stops at the length limit', () => {
    expect(
      importError(`<model ${NS} identifier="m"><name>${'x'.repeat(1000)}</name></model>`, { maxLength: 500 }).code,
    ).toBe('xml.too-large');
  });

  it('refuses limits that would not limit, and unknown options, before reading anything', () => {
    const small = `<model ${NS} identifier="m"><name>M</name></model>`;
    for (const options of [
      { maxDepth: 0 },
      { maxDepth: -1 },
      { maxLength: 1.5 },
      { maxLength: '500' },
      { maxDepht: 3 },
      'deep',
    ]) {
      const error = optionError(() => fromArchimateXml(small, options as never));
      expect(error.code).toBe('option.invalid');
      expect(error.message).toMatch(/^fromArchimateXml: .*(maxDepth|maxLength|options must be an object)/);
    }
    expect(optionError(() => fromArchimateXml(small, { maxDepht: 3 } as never))).toMatchObject({
      option: 'maxDepht',
      message: "fromArchimateXml: 'maxDepht' is not an option; did you mean 'maxDepth'?",
    });
    expect(optionError(() => fromArchimateXml(small, { maxLength: 0 }))).toMatchObject({
      option: 'maxLength',
      message: "fromArchimateXml: option 'maxLength' must be a whole number of at least 1, got 0",
    });
    // No options, spelt either way, is the defaults.
    expect(fromArchimateXml(small, null as never).model.name).toBe('M');
  });

  it('readArchimate refuses bad options as a rejection, before reading the stream', async () => {
    let read = false;
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable is what readArchimate reads
    async function* source() {
      read = true;
      yield '<model/>';
    }
    await expect(readArchimate(source(), { maxDepth: 0 })).rejects.toMatchObject({
      code: 'option.invalid',
      option: 'maxDepth',
    });
    expect(read).toBe(false);
  });

  it('reports malformed XML with line and column', () => {
    const error = importError(`<model ${NS} identifier="m">\n  <name>M</name>\n  <elements>\n</model>`);
    expect(error.code).toBe('xml.malformed');
    expect(error.line).toBe(4);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/line 4, column \d+/);
    expect(importError('').code).toBe('xml.malformed');
    expect(importError('not xml at all').code).toBe('xml.malformed');
  });

  it('names a relationship to a missing element and where it is', () => {
    const xml = [
      `<model ${NS} identifier="m">`,
      '  <name>M</name>',
      '  <elements>',
      '    <element identifier="id-a" xsi:type="BusinessActor"><name>A</name></element>',
      '  </elements>',
      '  <relationships>',
      '    <relationship identifier="r1" xsi:type="Aggregation" source="id-a" target="id-ghost"/>',
      '  </relationships>',
      '</model>',
    ].join('\n');
    const error = importError(xml);
    expect(error.code).toBe('archimate.missing-element');
    expect(error.message).toContain("'id-ghost'");
    expect(error.message).toContain("'r1'");
    expect([error.line, error.column]).toEqual([7, 5]);
  });

  it('names an unknown element or relationship type', () => {
    const element = importError(
      `<model ${NS} identifier="m"><name>M</name><elements>\n<element identifier="x" xsi:type="Spaceship"><name>X</name></element></elements></model>`,
    );
    expect(element.code).toBe('archimate.unknown-type');
    expect(element.message).toContain("'Spaceship'");
    expect(element.line).toBe(2);
    const relationship = importError(
      `<model ${NS} identifier="m"><name>M</name><elements><element identifier="a" xsi:type="Goal"><name>A</name></element></elements><relationships><relationship identifier="r" xsi:type="Teleport" source="a" target="a"/></relationships></model>`,
    );
    expect(relationship.code).toBe('archimate.unknown-type');
  });

  it('names duplicate identifiers, missing identifiers, a missing property definition and a dangling view reference', () => {
    const duplicate = importError(
      `<model ${NS} identifier="m"><name>M</name><elements><element identifier="a" xsi:type="Goal"><name>A</name></element><element identifier="a" xsi:type="Goal"><name>B</name></element></elements></model>`,
    );
    expect(duplicate.code).toBe('archimate.duplicate-identifier');
    expect(
      importError(
        `<model ${NS} identifier="m"><name>M</name><elements><element xsi:type="Goal"><name>A</name></element></elements></model>`,
      ).code,
    ).toBe('archimate.missing-attribute');
    const property = importError(
      `<model ${NS} identifier="m"><name>M</name><elements><element identifier="a" xsi:type="Goal"><name>A</name><properties><property propertyDefinitionRef="nope"><value>1</value></property></properties></element></elements></model>`,
    );
    expect(property.code).toBe('archimate.missing-element');
    const view = importError(
      `<model ${NS} identifier="m"><name>M</name><views><diagrams><view identifier="v" xsi:type="Diagram"><name>V</name><node identifier="n" xsi:type="Element" elementRef="ghost" x="0" y="0" w="10" h="10"/></view></diagrams></views></model>`,
    );
    expect(view.code).toBe('archimate.missing-element');
    const folder = importError(
      `<model ${NS} identifier="m"><name>M</name><organizations><item identifierRef="ghost"/></organizations></model>`,
    );
    expect(folder.code).toBe('archimate.missing-element');
  });

  it('refuses a root that is not an exchange model', () => {
    expect(importError('<html><body/></html>').code).toBe('archimate.not-a-model');
    expect(importError('<model xmlns="http://www.opengroup.org/xsd/archimate/2.1/" identifier="m"/>').code).toBe(
      'archimate.not-a-model',
    );
  });

  it('reports a Kartta document that breaks a kartta/1 rule with every issue', () => {
    // Two catalogue products claim the same alias.
    const products = JSON.stringify([
      { id: 'a', name: 'A', aliases: ['Same'] },
      { id: 'b', name: 'B', aliases: ['same'] },
    ]).replace(/"/g, '&quot;');
    const xml = `<model ${NS} identifier="m"><name>M</name><properties><property propertyDefinitionRef="p"><value>${products}</value></property></properties><propertyDefinitions><propertyDefinition identifier="p" type="string"><name>kartta:products</name></propertyDefinition></propertyDefinitions></model>`;
    const error = importError(xml);
    expect(error.code).toBe('archimate.invalid-model');
    expect(error.issues.map((issue) => issue.code)).toEqual(['product.ambiguous']);
  });

  it('readArchimate rejects hostile streams the same way', async () => {
    await expect(
      readArchimate([`<!DOCTYPE x [<!ENTITY a "b">]>`, `<model ${NS} identifier="m"/>`]),
    ).rejects.toMatchObject({ code: 'xml.doctype' });
  });

  it('refuses a model identifier that an element repeats (the file would be written back with it twice)', () => {
    const xml = `<model ${NS} identifier="m1"><name>M</name><elements><element identifier="m1" xsi:type="BusinessActor"><name>A</name></element></elements></model>`;
    const error = importError(xml);
    expect(error.code).toBe('archimate.duplicate-identifier');
    expect(error.message).toContain("'m1'");
    expect(error.message).toContain('the model itself');
    expect(error.line).toBe(1);
  });

  it('skips one byte-order mark and refuses two, from text and from bytes', async () => {
    const xml = `<model ${NS} identifier="m"><name>M</name></model>`;
    expect(fromArchimateXml(`\ufeff${xml}`).model.name).toBe('M');
    expect(importError(`\ufeff\ufeff${xml}`).code).toBe('xml.malformed');
    const bom = [0xef, 0xbb, 0xbf];
    const bytes = (boms: number) =>
      new Uint8Array([...Array.from({ length: boms }, () => bom).flat(), ...new TextEncoder().encode(xml)]);
    expect((await readArchimate([bytes(1)])).model.name).toBe('M');
    const error = await readArchimate([bytes(2)]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArchimateImportError);
    expect((error as ArchimateImportError).code).toBe('xml.malformed');
  });

  it('refuses more elements, relationships, view nodes, connections and folder items than maxObjects', () => {
    const elements = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `<element identifier="e${i}" xsi:type="ApplicationComponent"><name>S${i}</name></element>`,
      ).join('');
    const file = (n: number, rest = '') =>
      `<model ${NS} identifier="m"><name>M</name><elements>${elements(n)}</elements>${rest}</model>`;
    expect(fromArchimateXml(file(3), { maxObjects: 3 }).model.systems()).toHaveLength(3);
    const error = importError(file(4), { maxObjects: 3 });
    expect(error.code).toBe('xml.too-large');
    expect(error.message).toContain('maxObjects');
    expect(error.column).toBeGreaterThan(1);
    const folders = `<organizations><item><label>F</label><item identifierRef="e0"/><item identifierRef="e1"/></item></organizations>`;
    expect(importError(file(2, folders), { maxObjects: 4 }).code).toBe('xml.too-large');
    expect(fromArchimateXml(file(2, folders), { maxObjects: 5 }).model.systems()).toHaveLength(2);
    const view = `<views><diagrams><view identifier="v" xsi:type="Diagram"><name>V</name><node identifier="n0" elementRef="e0" xsi:type="Element" x="0" y="0" w="1" h="1"/><node identifier="n1" elementRef="e1" xsi:type="Element" x="0" y="0" w="1" h="1"/></view></diagrams></views>`;
    expect(importError(file(2, view), { maxObjects: 3 }).code).toBe('xml.too-large');
    for (const bad of [0, 1.5, -1, '10']) {
      expect(() => fromArchimateXml(file(1), { maxObjects: bad } as never)).toThrow(
        expect.objectContaining({ code: 'option.invalid' }),
      );
    }
  });

  it('stops reading a stream as soon as it holds more objects than maxObjects', async () => {
    let pulled = 0;
    function* source(): Generator<string> {
      yield `<model ${NS} identifier="m"><name>M</name><elements>`;
      for (let i = 0; i < 100_000; i++) {
        pulled++;
        yield `<element identifier="e${i}" xsi:type="BusinessActor"><name>A${i}</name></element>`;
      }
      yield '</elements></model>';
    }
    await expect(readArchimate(source(), { maxObjects: 1000 })).rejects.toMatchObject({ code: 'xml.too-large' });
    expect(pulled).toBeLessThan(1100);
  });

  it('refuses element types named like what Object.prototype holds, as unknown types', () => {
    for (const type of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const error = importError(
        `<model ${NS} identifier="m"><name>M</name><elements>\n<element identifier="a" xsi:type="${type}"><name>A</name></element></elements></model>`,
      );
      expect(error.code).toBe('archimate.unknown-type');
      expect(error.message).toContain(`the unknown type '${type}'`);
      expect([error.line, error.column]).toEqual([2, 1]);
    }
  });
});
