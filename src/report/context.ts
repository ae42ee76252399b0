/**
 * What every section needs to write itself: the model, the language, and formatting of names, numbers and
 * dates in that language.
 */
import type { Model } from '../model/model.js';
import { esc } from './html.js';
import { label, localeOf, nameIn, type LabelKey, type ReportLanguage } from './labels.js';

/** The report being written. */
export interface ReportContext {
  readonly model: Model;
  readonly lang: ReportLanguage;
  /** The scope root, or `undefined` for the whole model. */
  readonly scope: string | undefined;
  readonly asOf: string;
  /** The report's word for `key`. */
  readonly t: (key: LabelKey) => string;
  /** The name of an entity in the report's language (its id when it has no name or does not exist). */
  readonly name: (id: string) => string;
  /** An entity's name as HTML, with its id as a tooltip. */
  readonly nameHtml: (id: string) => string;
  /** A whole number in the report's locale. */
  readonly num: (value: number) => string;
  /** Euros, whole, in the report's locale. */
  readonly euros: (value: number) => string;
  /** Euros, short (`1,2 milj. €`), for chart axes. */
  readonly eurosShort: (value: number) => string;
  /**
   * An amount given in whole cents, as euros in the report's locale: whole euros when it has no cents, else with
   * two decimals (the portfolio's figures are exact to the cent and a budget split three ways is not whole).
   */
  readonly cents: (value: number) => string;
  /** A number with at most two decimals in the report's locale. */
  readonly decimal: (value: number) => string;
  /** A percentage (`12.5` for 12.5 %) in the report's locale, at most two decimals. */
  readonly percent: (value: number) => string;
}

export function createContext(
  model: Model,
  lang: ReportLanguage,
  scope: string | undefined,
  asOf: string,
): ReportContext {
  const locale = localeOf(lang);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const shortMoney = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
  const exactMoney = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const names = new Map<string, string>();
  const name = (id: string): string => {
    let found = names.get(id);
    if (found === undefined) {
      // Portfolio items (projects, themes, funders, offerings) are not entities of the graph but have names too.
      const ref = model.get(id) ?? model.portfolioItem(id);
      found =
        ref && ref.kind !== 'integration'
          ? nameIn(ref.entity.name, lang, id)
          : ref?.kind === 'integration'
            ? integrationName(ref.entity, lang, model)
            : id;
      names.set(id, found);
    }
    return found;
  };
  return {
    model,
    lang,
    scope,
    asOf,
    t: (key) => label(lang, key),
    name,
    nameHtml: (id) => `<span title="${esc(id)}">${esc(name(id))}</span>`,
    num: (value) => numbers.format(value),
    euros: (value) => money.format(value),
    eurosShort: (value) => shortMoney.format(value),
    cents: (value) => (value % 100 === 0 ? money : exactMoney).format(value / 100),
    decimal: (value) => decimals.format(value),
    percent: (value) => percents.format(value / 100),
  };
}

/** Integrations have no name of their own: their data and their two systems stand for one. */
function integrationName(
  integration: { id: string; source: string; target: string; data?: string | undefined },
  lang: ReportLanguage,
  model: Model,
): string {
  const end = (id: string) => {
    const ref = model.get(id);
    return ref && ref.kind !== 'integration' ? nameIn(ref.entity.name, lang, id) : id;
  };
  const data = integration.data ? ` (${integration.data})` : '';
  return `${end(integration.source)} → ${end(integration.target)}${data}`;
}
