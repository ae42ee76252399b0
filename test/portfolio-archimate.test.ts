import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArchimateImportError, KarttaError, Model, fromArchimateXml, toArchimateXml } from '../src/index.js';
import { sampleMigrationPlan, sampleRegion } from '../src/sample/index.js';
import {
  danglingReferences,
  disallowedRelationships,
  parseExchange,
  schemaErrors,
  skipShared,
  type ParsedConcept,
  type ParsedFile,
} from './archimate-support.js';
import { PROTOTYPE_NAMES } from './hostile.js';
import { portfolioRegion } from './portfolio-support.js';

const NS = 'xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function importError(xml: string): ArchimateImportError {
  try {
    fromArchimateXml(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(ArchimateImportError);
    expect(error).toBeInstanceOf(KarttaError);
    return error as ArchimateImportError;
  }
  throw new Error('expected the import to fail');
}

/** Exports, imports and exports again: the model must come back exactly and the file byte for byte. */
function expectRoundTrip(model: Model): string {
  const xml = toArchimateXml(model);
  const { model: back, extras } = fromArchimateXml(xml);
  expect(back.toJSONText()).toBe(model.toJSONText());
  expect(toArchimateXml(back, { extras })).toBe(xml);
  return xml;
}

const element = (file: ParsedFile, identifier: string): ParsedConcept => {
  const found = file.elements.find((e) => e.identifier === identifier);
  if (!found) throw new Error(`no element ${identifier}`);
  return found;
};
const between = (file: ParsedFile, type: string, source: string, target: string) =>
  file.relationships.filter((r) => r.type === type && r.source === source && r.target === target);

describe('the portfolio in an ArchiMate exchange file', () => {
  it('round-trips the sample region and the portfolio test region exactly, and writes no kartta:portfolio', () => {
    for (const model of [sampleRegion(), Model.load(portfolioRegion())]) {
      const xml = expectRoundTrip(model);
      expect(model.projects().length).toBeGreaterThan(0);
      expect(xml).not.toContain('kartta:portfolio');
    }
    const plain = Model.load({ format: 'kartta/1', name: 'X' });
    expect(toArchimateXml(plain)).not.toMatch(/WorkPackage|kartta:concept/);
  });

  it('shows projects as work packages, with implementers, funding, themes and deliverables as relationships', () => {
    const file = parseExchange(toArchimateXml(Model.load(portfolioRegion())));
    const popIt = element(file, 'id-pop-it');
    expect(popIt.type).toBe('WorkPackage');
    expect(popIt.names).toEqual([{ text: 'POP-IT' }]);
    expect(popIt.properties).toMatchObject({
      'kartta:concept': 'project',
      kind: 'preparation',
      level: 'regional',
      status: 'completed',
      portfolio: 'Digiagenda 2014–2020',
      start: '2017-02-13',
      end: '2017-12-31',
      'budget.total': '20000',
    });
    // The implementers are assigned to the work package, in the project's order.
    const assigned = file.relationships
      .filter((r) => r.type === 'Assignment' && r.target === 'id-pop-it')
      .map((r) => r.source);
    expect(assigned).toEqual(['id-oulu', 'id-raahe', 'id-pop-council']);
    // Funders are associated with it (marked funds) with their shares; the ERDF is a BusinessActor of its own.
    const erdf = between(file, 'Association', 'id-erdf', 'id-pop-it');
    expect(erdf).toHaveLength(1);
    expect(erdf[0]?.properties).toMatchObject({ 'kartta:relation': 'funds', share: '70' });
    expect(element(file, 'id-erdf')).toMatchObject({
      type: 'BusinessActor',
      properties: { 'kartta:concept': 'funder' },
    });
    expect(between(file, 'Association', 'id-oulu', 'id-pop-case')[0]?.properties).toMatchObject({
      amount: '60000.3',
    });
    // A theme is a Grouping aggregating its projects and offerings.
    expect(element(file, 'id-case').type).toBe('Grouping');
    for (const target of ['id-pop-it', 'id-pop-case', 'id-lappi-case', 'id-national-case'])
      expect(between(file, 'Aggregation', 'id-case', target)).toHaveLength(1);
    // Deliverables: realised by the work package, realising the system or service, or naming the product.
    const dynasty = 'portfolio.deliverable.pop-case.systems.dynasty-oulu';
    expect(element(file, dynasty)).toMatchObject({ type: 'Deliverable', names: [{ text: 'Dynasty (Oulu)' }] });
    expect(between(file, 'Realization', 'id-pop-case', dynasty)).toHaveLength(1);
    expect(between(file, 'Realization', dynasty, 'id-dynasty-oulu')).toHaveLength(1);
    expect(
      between(file, 'Realization', 'portfolio.deliverable.pop-case.services.case-management', 'id-case-management'),
    ).toHaveLength(1);
    expect(element(file, 'portfolio.deliverable.pop-case.products.dynasty').properties).toMatchObject({
      product: 'dynasty',
    });
    // The offering is a BusinessService realised by its provider, aggregating the services it offers.
    expect(element(file, 'id-national-case')).toMatchObject({
      type: 'BusinessService',
      properties: { 'kartta:concept': 'offering', available: '2018-06-01', 'obligation.from': '2019-01-01' },
    });
    expect(between(file, 'Realization', 'id-vrk', 'id-national-case')).toHaveLength(1);
    expect(between(file, 'Aggregation', 'id-national-case', 'id-case-management')).toHaveLength(1);
    // Folders an architect finds them in.
    expect(file.folders.get('Implementation & Migration / Projects')).toContain('id-pop-it');
    expect(file.folders.get('Business / Funders')).toEqual(['id-erdf']);
    expect(file.folders.get('Business / Offerings')).toEqual(['id-national-case']);
    expect(file.folders.get('Other / Themes')).toEqual(['id-case', 'id-iam']);
  });

  it.skipIf(skipShared)(
    'validates against the Open Group schema with only relationships the table allows',
    async () => {
      const model = sampleRegion();
      for (const xml of [
        toArchimateXml(model),
        toArchimateXml(model, { plan: sampleMigrationPlan(), views: true }),
        toArchimateXml(Model.load(portfolioRegion())),
      ]) {
        const file = parseExchange(xml);
        expect(disallowedRelationships(file)).toEqual([]);
        expect(danglingReferences(file)).toEqual([]);
        expect(await schemaErrors(xml)).toEqual([]);
      }
    },
  );

  it('keeps the plan layer’s work packages out of the projects', () => {
    const model = sampleRegion();
    const xml = toArchimateXml(model, { plan: sampleMigrationPlan() });
    expect(xml).toContain('identifier="plan.wave.1" xsi:type="WorkPackage"');
    const { model: back, extras } = fromArchimateXml(xml);
    expect(back.toJSONText()).toBe(model.toJSONText());
    expect(extras.elements.some((e) => e.attributes?.identifier === 'plan.wave.1')).toBe(true);
  });

  it('keeps empty lists and objects (funding: [], budget: {}) and integration deliverables exactly', () => {
    const doc = portfolioRegion();
    doc.systems.push({ id: 'pegasos', name: 'Pegasos', class: 'TOSI', lifecycle: 'production' });
    doc.integrations = [{ id: 'dyn-peg', source: 'dynasty-oulu', target: 'pegasos' }];
    Object.assign(doc.projects[3], {
      budget: {},
      funding: [],
      themes: [],
      deliverables: { systems: [], integrations: ['dyn-peg'], migrationSteps: ['step-1', 'step-1'] },
    });
    const xml = expectRoundTrip(Model.load(doc));
    const file = parseExchange(xml);
    const about = 'portfolio.deliverable.national-iam.integrations.dyn-peg';
    expect(between(file, 'Association', about, 'id-dyn-peg')).toHaveLength(1);
  });
});

describe('files written by earlier versions', () => {
  it('still reads the portfolio from the kartta:portfolio model property', () => {
    const portfolio = JSON.stringify({
      themes: [{ id: 'iam', name: 'IAM' }],
      funders: [{ id: 'erdf', name: 'ERDF' }],
      projects: [
        {
          id: 'p',
          name: 'P',
          status: 'running',
          start: '2018-01-01',
          funding: [{ funder: 'erdf', share: 100 }],
          implementers: ['oulu'],
          themes: ['iam'],
        },
      ],
    }).replace(/"/g, '&quot;');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<model ${NS} identifier="id-m">
  <name>Old</name>
  <properties>
    <property propertyDefinitionRef="pd-portfolio"><value>${portfolio}</value></property>
  </properties>
  <elements>
    <element identifier="id-oulu" xsi:type="BusinessActor"><name>Oulu</name></element>
  </elements>
  <propertyDefinitions>
    <propertyDefinition identifier="pd-portfolio" type="string"><name>kartta:portfolio</name></propertyDefinition>
  </propertyDefinitions>
</model>`;
    const { model } = fromArchimateXml(xml);
    expect(model.project('p')).toMatchObject({ implementers: ['oulu'], funding: [{ funder: 'erdf', share: 100 }] });
    expect(model.theme('iam')?.name).toBe('IAM');
    // Written again, the portfolio is in concepts of its own and the old property is gone.
    const again = toArchimateXml(model);
    expect(again).not.toContain('kartta:portfolio');
    expect(again).toContain('xsi:type="WorkPackage"');
    expect(fromArchimateXml(again).model.toJSONText()).toBe(model.toJSONText());
  });

  it('keeps an old portfolio property it cannot read as it is, and imports the rest', () => {
    const xml = `<model ${NS} identifier="id-m"><name>Old</name>
  <properties><property propertyDefinitionRef="pd"><value>{"colour":1}</value></property></properties>
  <propertyDefinitions><propertyDefinition identifier="pd" type="string"><name>kartta:portfolio</name></propertyDefinition></propertyDefinitions>
</model>`;
    const result = fromArchimateXml(xml);
    expect(result.model.projects()).toEqual([]);
    expect(JSON.stringify(result.extras)).toContain('colour');
  });
});

describe('files edited in Archi', () => {
  const base = () => toArchimateXml(Model.load(portfolioRegion()));

  it('takes a renamed work package as the project renamed', () => {
    const xml = base().replace('<name>POP-IT</name>', '<name>POP-IT (renamed)</name>');
    const { model } = fromArchimateXml(xml);
    expect(model.project('pop-it')?.name).toBe('POP-IT (renamed)');
    expect(model.project('pop-it')?.funding).toEqual(Model.load(portfolioRegion()).project('pop-it')?.funding);
  });

  it('keeps a new work package with no start in the extras, and makes one with a start a proposed project', () => {
    const added = `
    <element identifier="id-1f0c9b6e2a" xsi:type="WorkPackage"><name>Someone's idea</name></element>
    <element identifier="id-q1" xsi:type="WorkPackage"><name>Other tool's</name>
      <properties><property propertyDefinitionRef="propdef.start"><value>Q1 2019</value></property></properties>
    </element>
    <element identifier="id-7d2e" xsi:type="WorkPackage"><name>CRM pilot</name>
      <properties><property propertyDefinitionRef="propdef.start"><value>2019-03-01</value></property></properties>
    </element>`;
    const relationship = `
    <relationship identifier="id-r1" xsi:type="Assignment" source="id-oulu" target="id-7d2e"/>`;
    const xml = base()
      .replace('  </elements>', `${added}\n  </elements>`)
      .replace('  </relationships>', `${relationship}\n  </relationships>`);
    const { model, extras } = fromArchimateXml(xml);
    expect(model.project('1f0c9b6e2a')).toBeUndefined();
    expect(extras.elements.map((e) => e.attributes?.identifier)).toEqual(
      expect.arrayContaining(['id-1f0c9b6e2a', 'id-q1']),
    );
    expect(model.projects().map((p) => p.id)).not.toContain('q1');
    expect(model.project('7d2e')).toEqual({
      id: '7d2e',
      name: 'CRM pilot',
      status: 'proposed',
      start: '2019-03-01',
      implementers: ['oulu'],
    });
    // The assumed status is not written back while it is still the assumption; the idea stays as it was.
    const again = toArchimateXml(model, { extras });
    const file = parseExchange(again);
    expect(element(file, 'id-7d2e').properties).toEqual({ 'kartta:concept': 'project', start: '2019-03-01' });
    expect(element(file, 'id-1f0c9b6e2a').properties).toEqual({});
    expect(between(file, 'Assignment', 'id-oulu', 'id-7d2e')).toHaveLength(1);
  });

  it('keeps a deliverable that says nothing Kartta reads, with its realisation, in the extras', () => {
    const xml = base()
      .replace(
        '  </elements>',
        '    <element identifier="id-d9" xsi:type="Deliverable"><name>Final report</name></element>\n  </elements>',
      )
      .replace(
        '  </relationships>',
        '    <relationship identifier="id-r9" xsi:type="Realization" source="id-pop-it" target="id-d9"/>\n  </relationships>',
      );
    const { model, extras } = fromArchimateXml(xml);
    expect(model.project('pop-it')?.deliverables).toBeUndefined();
    expect(extras.elements.map((e) => e.attributes?.identifier)).toContain('id-d9');
    expect(extras.relationships.map((e) => e.attributes?.identifier)).toContain('id-r9');
    expect(toArchimateXml(model, { extras })).toContain('identifier="id-r9"');
  });
});

describe('hostile ids in the portfolio', () => {
  it('round-trips prototype member names and 200-character ids as portfolio ids and references', () => {
    const names = [...PROTOTYPE_NAMES, 'x'.repeat(200), 'ä_.:"<&>'];
    for (const name of names) {
      const doc = portfolioRegion();
      // The project, funder, theme and product each get an id made from the hostile name (200 characters at most).
      const long = name.length >= 198;
      const [project, funder, theme, product] = ['', 'f', 't', 'p'].map((suffix) =>
        suffix === '' ? name : long ? suffix.repeat(200) : `${name}~${suffix}`,
      ) as [string, string, string, string];
      doc.projects[0].id = project;
      doc.funders[0].id = funder;
      doc.themes[0].id = theme;
      doc.products[0].id = product;
      for (const item of [...doc.projects, ...doc.offerings]) {
        item.themes = item.themes?.map((t: string) => (t === 'case' ? theme : t));
        for (const part of item.funding ?? []) if (part.funder === 'erdf') part.funder = funder;
      }
      doc.projects[1].deliverables.products = [product];
      doc.projects[1].deliverables.migrationSteps = ['constructor', '__proto__'];
      expectRoundTrip(Model.load(doc));
    }
  });
});

describe('bad portfolio data in a file', () => {
  const base = () => toArchimateXml(Model.load(portfolioRegion()));

  it('refuses funding shares that do not add up to 100 %, naming the work package', () => {
    const xml = base().replace(/(<value>)70(<\/value>)/, '$160$2');
    const error = importError(xml);
    expect(error.code).toBe('archimate.invalid-model');
    expect(error.issues.map((i) => i.code)).toEqual(['funding.share-sum']);
    expect(error.message).toContain("the WorkPackage 'id-pop-it', POP-IT");
    expect(error.message).toContain('90 %');
    expect(error.line).toBe(xml.slice(0, xml.indexOf('identifier="id-pop-it"')).split('\n').length);
  });

  it('refuses a funder that is neither an organisation nor an external funder', () => {
    const xml = base()
      .replace(
        '  </elements>',
        '    <element identifier="stakeholder-1" xsi:type="Stakeholder"><name>Someone</name></element>\n  </elements>',
      )
      .replace('source="id-erdf" target="id-pop-it"', 'source="stakeholder-1" target="id-pop-it"');
    const error = importError(xml);
    expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['reference.missing', 'projects.3.funding.0.funder'],
    ]);
    expect(error.message).toContain("funder 'stakeholder-1' does not exist");
    expect(error.message).toContain("'id-pop-it'");
  });

  it('refuses a bad date, status or budget line with the codes the JSON loader gives for the same data', () => {
    const cases: [(xml: string) => string, (project: Record<string, any>) => void][] = [
      [(xml) => xml.replace('<value>2017-02-13</value>', '<value>2017-02-30</value>'), (p) => (p.start = '2017-02-30')],
      [(xml) => xml.replace('<value>completed</value>', '<value>done</value>'), (p) => (p.status = 'done')],
      [(xml) => xml.replace('{"amount":4032,', '{"amount":4033,'), (p) => (p.budget.lines[0].amount = 4033)],
    ];
    for (const [editXml, editDoc] of cases) {
      const error = importError(editXml(base()));
      const doc = portfolioRegion();
      const project = doc.projects.find((p: { id: string }) => p.id === 'pop-it');
      editDoc(project);
      const json = Model.safeLoad(doc);
      expect(json.ok).toBe(false);
      // The same rule broken; the index differs (the file lists projects by id, the document as written).
      const codes = (issues: readonly { code: string; path: readonly (string | number)[] }[]) =>
        issues.map((i) => [i.code, i.path.slice(2).join('.')]);
      expect(codes(error.issues)).toEqual(codes(json.ok ? [] : json.issues));
      expect(error.issues.every((i) => i.path[1] === 3)).toBe(true);
      expect(error.message).toContain("the WorkPackage 'id-pop-it', POP-IT");
    }
  });

  it('refuses a work package marked as a project without a start', () => {
    const xml = base().replace(
      /<property propertyDefinitionRef="propdef.start">\s*<value>2017-02-13<\/value>\s*<\/property>/,
      '',
    );
    const error = importError(xml);
    expect(error.issues.map((i) => i.path.join('.'))).toContain('projects.3.start');
    expect(error.message).toContain("'id-pop-it'");
  });
});

describe('portfolio round-trip law', () => {
  const hostileId = fc.oneof(
    fc.constantFrom(...PROTOTYPE_NAMES),
    fc.constantFrom('ä_.:"<&>', 'x'.repeat(190), 'id-p', 'portfolio.deliverable.a'),
    fc.stringMatching(/^[a-zäö_.:-]{1,12}$/),
  );
  const text = fc
    .array(fc.constantFrom(...Array.from('aäö &<>"\'\r\n\t;]]>😀'), ']]>', '&amp;'), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(''))
    .filter((value) => value.length > 0);
  const name = fc.oneof(text, fc.record({ fi: text, en: text }, { requiredKeys: ['fi'] }));
  const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100);
  const subset = <T>(values: readonly T[]) => fc.shuffledSubarray([...values]);
  const orgs = ['pop', 'lappi', 'oulu', 'raahe', 'rovaniemi', 'pop-council', 'vrk'];

  it('exports and imports any portfolio back into the same model, and writes the file again byte for byte', () => {
    const projectArb = fc.record({
      id: hostileId,
      name,
      description: opt(text),
      source: opt(text),
      portfolio: opt(text),
      kind: opt(fc.constantFrom('preparation', 'study', 'development')),
      level: opt(fc.constantFrom('local', 'regional', 'national')),
      status: fc.constantFrom('proposed', 'planned', 'running', 'completed', 'cancelled'),
      implementers: opt(subset(orgs)),
      themes: opt(subset(['case', 'iam'])),
      funding: opt(
        fc
          .array(fc.record({ amount: cents, description: opt(text) }), { maxLength: 3 })
          .chain((parts) =>
            subset(['erdf', ...orgs]).map((funders) =>
              parts.slice(0, funders.length).map((part, i) => ({ funder: funders[i] as string, ...part })),
            ),
          ),
      ),
      budgetKind: fc.constantFrom('none', 'total', 'lines', 'empty'),
      lineDescription: opt(text),
      deliverables: opt(
        fc.record(
          {
            systems: subset(['dynasty-oulu', 'dynasty-rovaniemi']),
            services: subset(['case-management', 'identity']),
            products: subset(['dynasty']),
            migrationSteps: fc.array(text, { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
      ),
      x: opt(fc.dictionary(fc.constantFrom('__proto__', 'a', 'toString'), fc.integer(), { maxKeys: 2 })),
    });
    fc.assert(
      fc.property(fc.uniqueArray(projectArb, { maxLength: 3, selector: (p) => p.id }), (projects) => {
        const doc = portfolioRegion();
        const taken = new Set<string>([
          ...doc.organisations.map((o: { id: string }) => o.id),
          ...doc.services.map((o: { id: string }) => o.id),
          ...doc.systems.map((o: { id: string }) => o.id),
          'dynasty',
          'case',
          'iam',
          'erdf',
          'national-case',
        ]);
        doc.projects = projects
          .filter((p) => !taken.has(p.id))
          .map(({ budgetKind, lineDescription, funding, ...project }) => {
            const out: Record<string, unknown> = { ...project, start: '2018-01-01', end: '2019-12-31' };
            for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
            if (funding !== undefined)
              out.funding = funding.map((f) =>
                f.description === undefined ? { funder: f.funder, amount: f.amount } : f,
              );
            const total = (funding ?? []).reduce((sum, f) => sum + Math.round(f.amount * 100), 0) / 100;
            if (budgetKind === 'total') out.budget = { total };
            if (budgetKind === 'empty') out.budget = {};
            if (budgetKind === 'lines')
              out.budget = {
                lines: [
                  {
                    year: 2018,
                    category: 'salaries; <x>',
                    amount: total,
                    ...(lineDescription ? { description: lineDescription } : {}),
                  },
                ],
              };
            return out;
          });
        const model = Model.load(doc);
        expectRoundTrip(model);
      }),
      { numRuns: 40 },
    );
  });
});
