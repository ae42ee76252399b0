/**
 * The development portfolio in an exchange file. Themes, funders, offerings and projects travel as one model
 * property, `kartta:portfolio`, holding their JSON (as the product catalogue travels in `kartta:products`), so that
 * an export reads back into the same model. Mapping projects to work packages and offerings to services of the
 * offering organisation is still to come (issue 15); this keeps the round trip exact in the meantime.
 */
import { z } from 'zod';
import type { Model } from '../model/model.js';
import { sortKeysDeep } from '../schema/json.js';
import { funderSchema, offeringSchema, projectSchema, themeSchema } from '../schema/portfolio.js';

/** The model property holding the portfolio as JSON. */
export const PORTFOLIO_PROPERTY = 'kartta:portfolio';

const portfolioSchema = z.strictObject({
  themes: z.array(themeSchema).optional(),
  funders: z.array(funderSchema).optional(),
  offerings: z.array(offeringSchema).optional(),
  projects: z.array(projectSchema).optional(),
});

/** The portfolio's JSON for the model property, or `undefined` when the model has none. */
export function portfolioJson(model: Model): string | undefined {
  const json = model.toJSON();
  const portfolio: Record<string, unknown> = {};
  for (const key of ['themes', 'funders', 'offerings', 'projects'] as const)
    if (json[key] !== undefined) portfolio[key] = json[key];
  return Object.keys(portfolio).length === 0 ? undefined : JSON.stringify(sortKeysDeep(portfolio));
}

/** The portfolio collections read from the property's text, or `undefined` when it is not one. */
export function parsePortfolio(text: string): Record<string, unknown[]> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = portfolioSchema.safeParse(value);
  return parsed.success ? (value as Record<string, unknown[]>) : undefined;
}
