import { describe, expect, it } from 'vitest';
import {
  Model,
  fromArchimateXml,
  planMigration,
  toArchimateXml,
  type ArchimatePlan,
  type ArchimatePlanResult,
  type KarttaDocumentInput,
} from '../src/index.js';
import {
  danglingReferences,
  disallowedRelationships,
  skipShared,
  parseExchange,
  schemaErrors,
} from './archimate-support.js';

function region(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: 'Kainuu',
    products: [{ id: 'basware', name: 'Basware' }],
    organisations: [{ id: 'kajaani', kind: 'municipality', name: 'Kajaani' }],
    systems: [
      { id: 'oulu-ad', name: 'Oulu AD', class: 'TORI', lifecycle: 'production' },
      { id: 'pop-iam', name: 'POP IAM', class: 'TORI', lifecycle: 'planned' },
      { id: 'basware-kempele', name: 'Basware (Kempele)', class: 'TORI', product: 'basware', lifecycle: 'production' },
      { id: 'basware-oulu', name: 'Basware (Oulu)', class: 'TORI', product: 'basware', lifecycle: 'production' },
      { id: 'old', name: 'Vanha', class: 'TOSI', lifecycle: 'production' },
      { id: 'pop-esb', name: 'ESB', class: 'TORI', lifecycle: 'production', platform: true },
    ],
    relations: [{ type: 'owns', from: 'kajaani', to: 'old' }],
  };
}

const plan: ArchimatePlan = {
  start: '2019-01-01',
  waveMonths: 6,
  steps: [
    { id: 's1', action: 'replace', system: 'oulu-ad', target: 'pop-iam', description: 'Regional identity first' },
    {
      id: 's2',
      action: 'consolidate',
      system: 'basware-kempele',
      target: 'basware-oulu',
      after: ['s1'],
      deadline: '2019-12-31',
    },
    { id: 's3', action: 'retire', system: 'old' },
    { id: 's4', action: 'rehost', system: 'pop-esb' },
  ],
};

const placement: ArchimatePlanResult = {
  waves: [
    { index: 1, start: '2019-01-01', end: '2019-06-30', steps: ['s1', 's3'] },
    { index: 2, start: '2019-07-01', end: '2019-12-31', steps: ['s2', 's4'] },
  ],
};

describe('toArchimateXml with a plan: the implementation and migration layer', () => {
  const model = Model.load(region());
  const xml = toArchimateXml(model, { plan, planResult: placement });
  const file = parseExchange(xml);
  const element = (identifier: string) => file.elements.find((e) => e.identifier === identifier);
  const relationship = (identifier: string) => {
    const r = file.relationships.find((c) => c.identifier === identifier);
    return r && [r.type, r.source, r.target, ...r.names.map((n) => n.text)];
  };

  it('writes a WorkPackage per wave and per step, plateaus and gaps', () => {
    const plan = file.elements
      .filter((e) => e.identifier.startsWith('plan.'))
      .map((e) => [e.identifier, e.type, e.names[0]?.text]);
    expect(plan).toEqual([
      ['plan.wave.1', 'WorkPackage', 'Wave 1 (2019-01-01 – 2019-06-30)'],
      ['plan.step.s1', 'WorkPackage', 'Replace Oulu AD → POP IAM'],
      ['plan.step.s3', 'WorkPackage', 'Retire Vanha'],
      ['plan.wave.2', 'WorkPackage', 'Wave 2 (2019-07-01 – 2019-12-31)'],
      ['plan.step.s2', 'WorkPackage', 'Consolidate Basware (Kempele) → Basware (Oulu)'],
      ['plan.step.s4', 'WorkPackage', 'Rehost ESB'],
      ['plan.plateau.baseline', 'Plateau', 'Baseline'],
      ['plan.plateau.wave.1', 'Plateau', 'After wave 1'],
      ['plan.plateau.target', 'Plateau', 'Target'],
      ['plan.gap.1', 'Gap', 'Gap of wave 1'],
      ['plan.gap.2', 'Gap', 'Gap of wave 2'],
    ]);
    expect(element('plan.wave.1')?.properties).toEqual({
      'plan.wave': '1',
      'plan.start': '2019-01-01',
      'plan.end': '2019-06-30',
    });
    expect(element('plan.step.s2')?.properties).toEqual({
      'plan.step': 's2',
      'plan.action': 'consolidate',
      'plan.system': 'basware-kempele',
      'plan.target': 'basware-oulu',
      'plan.wave': '2',
      'plan.deadline': '2019-12-31',
    });
    expect(element('plan.step.s1')?.documentation).toEqual(['Regional identity first']);
    expect(element('plan.gap.1')?.documentation).toEqual(['Out of use: Vanha, Oulu AD\nInto use: POP IAM']);
    expect(file.definitions.get('propdef.plan_2e_deadline')).toEqual({ name: 'plan.deadline', type: 'date' });
  });

  it('ties waves, steps, plateaus and components together', () => {
    expect(relationship('plan.triggering.wave.1')).toEqual(['Triggering', 'plan.wave.1', 'plan.wave.2']);
    expect(relationship('plan.composition.1.s1')).toEqual(['Composition', 'plan.wave.1', 'plan.step.s1']);
    expect(relationship('plan.realization.step.s1.pop-iam')).toEqual(['Realization', 'plan.step.s1', 'id-pop-iam']);
    expect(relationship('plan.association.step.s1.oulu-ad')).toEqual([
      'Association',
      'plan.step.s1',
      'id-oulu-ad',
      'retires',
    ]);
    expect(relationship('plan.association.step.s3.old')).toEqual(['Association', 'plan.step.s3', 'id-old', 'retires']);
    expect(relationship('plan.realization.step.s4.pop-esb')).toEqual([
      'Realization',
      'plan.step.s4',
      'id-pop-esb',
      'rehosts',
    ]);
    expect(relationship('plan.triggering.step.s1.s2')).toEqual(['Triggering', 'plan.step.s1', 'plan.step.s2']);
    expect(relationship('plan.triggering.plateau.1')).toEqual([
      'Triggering',
      'plan.plateau.baseline',
      'plan.plateau.wave.1',
    ]);
    expect(relationship('plan.triggering.plateau.2')).toEqual([
      'Triggering',
      'plan.plateau.wave.1',
      'plan.plateau.target',
    ]);
    expect(relationship('plan.realization.wave.2')).toEqual(['Realization', 'plan.wave.2', 'plan.plateau.target']);
    expect(relationship('plan.association.gap.1.plateau.from')).toEqual([
      'Association',
      'plan.gap.1',
      'plan.plateau.baseline',
    ]);
    expect(relationship('plan.association.gap.2.system.basware-kempele')).toEqual([
      'Association',
      'plan.gap.2',
      'id-basware-kempele',
    ]);
  });

  it('puts in each plateau the systems of the plan in use at that point', () => {
    const aggregated = (plateau: string) =>
      file.relationships.filter((r) => r.type === 'Aggregation' && r.source === plateau).map((r) => r.target);
    expect(aggregated('plan.plateau.baseline')).toEqual([
      'id-basware-kempele',
      'id-basware-oulu',
      'id-old',
      'id-oulu-ad',
      'id-pop-esb',
    ]);
    expect(aggregated('plan.plateau.wave.1')).toEqual([
      'id-basware-kempele',
      'id-basware-oulu',
      'id-pop-esb',
      'id-pop-iam',
    ]);
    expect(aggregated('plan.plateau.target')).toEqual(['id-basware-oulu', 'id-pop-esb', 'id-pop-iam']);
  });

  it('files the plan in the Implementation & Migration folder and references nothing that is missing', () => {
    expect(file.folders.get('Implementation & Migration')).toEqual(
      file.elements.filter((e) => e.identifier.startsWith('plan.')).map((e) => e.identifier),
    );
    expect(danglingReferences(file)).toEqual([]);
  });

  it('imports back to the same model, with the plan kept in the extras and written again unchanged', () => {
    const { model: back, extras } = fromArchimateXml(xml);
    expect(back.toJSON()).toEqual(model.toJSON());
    expect(extras.elements).toHaveLength(11);
    expect(extras.propertyDefinitions).toEqual([]);
    expect(extras.organizations).toEqual([]);
    expect(toArchimateXml(back, { extras })).toBe(xml);
    // With the plan given again, the generated plan replaces the kept copy: still the same bytes.
    expect(toArchimateXml(back, { extras, plan, planResult: placement })).toBe(xml);
  });

  it('checks a given placement against the plan, and the plan against the model', () => {
    const bad = (planResult: ArchimatePlanResult, step?: string) =>
      expect(() => toArchimateXml(model, { plan, planResult })).toThrow(
        expect.objectContaining({ code: 'option.invalid', option: 'planResult', id: step }),
      );
    bad({ waves: [{ index: 1, steps: ['s1', 's2', 's3'] }] }, 's4');
    bad({ waves: [{ index: 1, steps: ['s1', 's2', 's3', 's4', 's9'] }] }, 's9');
    bad(
      {
        waves: [
          { index: 1, steps: ['s1', 's2'] },
          { index: 2, steps: ['s2', 's3', 's4'] },
        ],
      },
      's2',
    );
    bad({ waves: [{ index: 0, steps: ['s1', 's2', 's3', 's4'] }] });
    expect(() => toArchimateXml(model, { planResult: placement })).toThrow(
      expect.objectContaining({ code: 'option.invalid' }),
    );
    const unknownSystem: ArchimatePlan = {
      ...plan,
      steps: [...plan.steps, { id: 's5', action: 'retire', system: 'nowhere' }],
    };
    const withS5: ArchimatePlanResult = { waves: [...placement.waves, { index: 3, steps: ['s5'] }] };
    expect(() => toArchimateXml(model, { plan: unknownSystem, planResult: withS5 })).toThrow(
      expect.objectContaining({
        code: 'plan.invalid',
        issues: [expect.objectContaining({ path: ['steps', 4, 'system'] })],
      }),
    );
  });

  it('without a placement plans the steps with planMigration and writes its waves', () => {
    const waves = planMigration(model, plan).waves;
    const written = parseExchange(toArchimateXml(model, { plan }));
    const wavesWritten = written.elements
      .filter((e) => e.identifier.startsWith('plan.wave.'))
      .map((e) => [Number(e.properties['plan.wave']), e.properties['plan.start'], e.properties['plan.end']]);
    expect(wavesWritten).toEqual(waves.map((w) => [w.index, w.start, w.end]));
    for (const wave of waves) {
      for (const step of wave.steps)
        expect(written.elements.find((e) => e.identifier === `plan.step.${step}`)?.properties['plan.wave']).toBe(
          String(wave.index),
        );
    }
    expect(toArchimateXml(model, { plan })).toBe(
      toArchimateXml(model, { plan, planResult: planMigration(model, plan) }),
    );
  });

  it('without a placement refuses a plan the planner refuses, with its typed error', () => {
    // Consolidating the Kempele Basware onto Vanha, another product, is not a consolidation.
    const wrong: ArchimatePlan = {
      ...plan,
      steps: plan.steps.map((step) => (step.id === 's2' ? { ...step, target: 'old' } : step)),
    };
    expect(() => toArchimateXml(model, { plan: wrong })).toThrow(
      expect.objectContaining({
        code: 'plan.invalid',
        issues: [expect.objectContaining({ code: 'plan.consolidate-product', path: ['steps', 1, 'target'] })],
      }),
    );
  });
});

describe.skipIf(skipShared)('the plan layer against the ArchiMate relationship table and schema', () => {
  it('uses only relationships the table allows and validates', async () => {
    const xml = toArchimateXml(Model.load(region()), { plan, planResult: placement });
    expect(disallowedRelationships(parseExchange(xml))).toEqual([]);
    expect(await schemaErrors(xml)).toEqual([]);
  });
});
