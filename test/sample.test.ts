/** `kartta/sample`: the sample region, plan and scenarios, embedded in the code and handed out as copies. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Model, OptionError, checkScenario, parseScenario, planMigration, validatePlan } from '../src/index.js';
import {
  sampleDocument,
  sampleMigrationPlan,
  sampleRegion,
  sampleScenario,
  sampleScenarioNames,
  sampleScenarios,
} from '../src/sample/index.js';
import { PROTOTYPE_NAMES } from './hostile.js';

const file = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../examples/${path}`, import.meta.url), 'utf8'));

describe('kartta/sample', () => {
  it('sampleRegion is the sample file loaded, the same model on every call', () => {
    const model = sampleRegion();
    expect(model).toBeInstanceOf(Model);
    expect(sampleRegion()).toBe(model);
    expect(model.toJSON()).toEqual(Model.load(file('pohjois-pohjanmaa.json')).toJSON());
    expect(model.scope('pop').systems.length).toBeGreaterThan(10);
  });

  it('sampleDocument is the file as it is, a fresh copy each time that the caller may change', () => {
    const document = sampleDocument();
    expect(document).toEqual(file('pohjois-pohjanmaa.json'));
    document.systems = [];
    (document as { name: unknown }).name = 'changed';
    expect(sampleDocument()).toEqual(file('pohjois-pohjanmaa.json'));
    expect(sampleRegion().systems().length).toBeGreaterThan(0);
    expect(Model.load(sampleDocument()).toJSON()).toEqual(sampleRegion().toJSON());
  });

  it('sampleMigrationPlan is the plan file, valid for the region, a fresh copy each time', () => {
    const plan = sampleMigrationPlan();
    expect(plan).toEqual(file('pohjois-pohjanmaa.plan.json'));
    expect(validatePlan(sampleRegion(), plan).ok).toBe(true);
    expect(planMigration(sampleRegion(), plan).waves.length).toBeGreaterThan(0);
    (plan as { steps: unknown[] }).steps.length = 0;
    expect(sampleMigrationPlan()).toEqual(file('pohjois-pohjanmaa.plan.json'));
  });

  it('names every scenario file in examples/scenarios/, and each applies to the sample region', () => {
    const files = readdirSync(new URL('../examples/scenarios/', import.meta.url))
      .filter((name) => name.endsWith('.scenario.json'))
      .map((name) => name.slice(0, -'.scenario.json'.length))
      .sort();
    expect([...sampleScenarioNames]).toEqual(files);
    for (const name of sampleScenarioNames) {
      const scenario = sampleScenario(name);
      expect(scenario).toEqual(parseScenario(file(`scenarios/${name}.scenario.json`)));
      expect(Object.isFrozen(scenario)).toBe(true);
      expect(checkScenario(sampleRegion(), scenario).problems).toEqual([]);
    }
    expect(sampleScenarios()).toEqual(sampleScenarioNames.map((name) => sampleScenario(name)));
  });

  it('refuses any other scenario name with an OptionError naming it, hostile names included', () => {
    const names: unknown[] = ['nope', 'Oulu', '', ...PROTOTYPE_NAMES, 'x'.repeat(1_000_000), 42, null, undefined, {}];
    for (const name of names) {
      let thrown: unknown;
      try {
        sampleScenario(name as 'oulu');
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(name).slice(0, 20)).toBeInstanceOf(OptionError);
      const error = thrown as OptionError;
      expect(error.code).toBe('option.invalid');
      expect(error.option).toBe('name');
      expect(error.message).toMatch(/^sampleScenario: option 'name' must be one of 'hospital-district', 'oulu', /);
      expect(error.message.length).toBeLessThan(300);
    }
  });
});
