import { describe, expect, it } from 'vitest';
import { Model, fromArchimateXml, toArchimateXml } from '../src/index.js';
import { portfolioRegion } from './portfolio-support.js';

describe('the portfolio in an ArchiMate exchange file', () => {
  it('travels in the model property kartta:portfolio and reads back into the same model', () => {
    const model = Model.load(portfolioRegion());
    const xml = toArchimateXml(model);
    expect(xml).toContain('kartta:portfolio');
    expect(fromArchimateXml(xml).model.toJSONText()).toBe(model.toJSONText());
    const plain = Model.load({ format: 'kartta/1', name: 'X' });
    expect(toArchimateXml(plain)).not.toContain('kartta:portfolio');
  });

  it('keeps a portfolio property it cannot read as it is, and imports the rest', () => {
    const model = Model.load(portfolioRegion());
    const xml = toArchimateXml(model).replace(
      /(<property propertyDefinitionRef="([^"]+)">\s*<value>)\{"funders"/,
      '$1{"colour":1,"funders"',
    );
    expect(xml).toContain('"colour":1');
    const result = fromArchimateXml(xml);
    expect(result.model.projects()).toEqual([]);
    expect(JSON.stringify(result.extras)).toContain('colour');
  });
});
