/**
 * The page: options checked first, then every section computed from the library's own queries, then written into
 * one document with its style, its script (allowed by hash in the page's content security policy, so nothing
 * else can run even if a name slipped through unescaped) and no outside reference at all.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { planMigration } from '../migration/plan-migration.js';
import type { MigrationPlan } from '../migration/plan-schema.js';
import { parsePlan } from '../migration/validate.js';
import type { Model } from '../model/model.js';
import { optionField, optionsSchema, parseOptions } from '../options.js';
import { SCRIPT, STYLE } from './assets.js';
import { chartDocument } from './charts.js';
import { createContext, type ReportContext } from './context.js';
import { esc } from './html.js';
import { nameIn, reportLanguages, type ReportLanguage } from './labels.js';
import { findingsOf, findingsSection } from './sections/findings.js';
import { harmonisationSection, rankedCandidates } from './sections/harmonisation.js';
import { landscapesSection, landscapeViews } from './sections/landscapes.js';
import { migrationSection, type PlannedMigration } from './sections/migration.js';
import { overviewFacts, overviewSection } from './sections/overview.js';
import { parallelGroups, parallelSection } from './sections/parallel.js';
import { portfolioFacts, portfolioSection } from './sections/portfolio.js';
import { scenariosSection } from './sections/scenarios.js';
import { compareScenarios } from '../scenarios/compare.js';
import type { Scenario } from '../scenarios/scenario-schema.js';

/**
 * What goes into the report.
 *
 * @example
 * ```ts
 * import type { ReportOptions } from 'kartta/report';
 * const options: ReportOptions = { lang: 'sv', scope: 'pop', asOf: '2020-06-01', allowedUntil: '2019-12-31' };
 * ```
 *
 * @category Report
 */
export interface ReportOptions {
  /** Language of the labels and of the names where the model has them (`fi`, the default; `sv`; `en`). */
  readonly lang?: ReportLanguage | undefined;
  /** Organisation whose members (transitively) and their systems the report covers; without it, the whole model. */
  readonly scope?: string | undefined;
  /** The report's date, `YYYY-MM-DD`: contracts and parallel operation are judged on it. Default: today (UTC). */
  readonly asOf?: string | undefined;
  /** Until when parallel TOSI systems are allowed; groups past it on `asOf` are marked overdue. */
  readonly allowedUntil?: string | undefined;
  /** A migration plan document (`kartta` plan JSON): adds the timeline of its waves. */
  readonly plan?: unknown;
  /**
   * Scenarios to compare with the model (parsed `kartta-scenario/1` documents or their JSON text): adds the
   * comparison table of {@link compareScenarios} over the report's scope and date, each scenario planned with its
   * own migration plan where it has one.
   */
  readonly scenarios?: readonly (Scenario | string)[] | undefined;
  /** The page's title; default: the report's word for it and the model's name. */
  readonly title?: string | undefined;
  /** Draw the landscape diagrams (default `true`); `false` leaves the section out. */
  readonly diagrams?: boolean | undefined;
  /**
   * Largest diagram drawn, in elements (default 150); larger views are named with their size, not drawn. Laying
   * out a view of hundreds of boxes takes seconds each and no one reads it at a glance.
   */
  readonly diagramLimit?: number | undefined;
}

const QUERY = 'toHtmlReport';
const optionsShape = optionsSchema({
  lang: z.enum(reportLanguages, { error: `must be one of ${reportLanguages.join(', ')}` }).optional(),
  scope: optionField.id(),
  asOf: optionField.date(),
  allowedUntil: optionField.date(),
  plan: z.unknown().optional(),
  scenarios: z
    .array(z.unknown(), { error: 'must be a list of scenarios (kartta-scenario/1 documents or their JSON text)' })
    .optional(),
  title: z
    .string({ error: 'must be a text of at most 500 characters' })
    .max(500, { error: 'must be a text of at most 500 characters' })
    .optional(),
  diagrams: optionField.boolean(),
  diagramLimit: optionField.integer(1, 10_000),
});

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Writes the region report of `model` as one self-contained HTML document: an overview (counts by class and
 * lifecycle, integrations, annual cost, who is a member of what), landscape diagrams drawn from the generated
 * ArchiMate views, harmonisation candidates ranked by savings, parallel systems per service, the migration plan's
 * timeline (when `plan` is given), the scenarios' comparison (when `scenarios` are given), the development
 * portfolio (when the model has projects or offerings: overlapping development first, then funding by funder and by
 * organisation, obligations and payback) and the lint findings. Labels are in `lang`; names are in `lang` where the model
 * has them, else Finnish, English, Swedish, Sámi, in that order. Messages the library writes (findings, reasons,
 * the plan's explanations) are English.
 *
 * The page references nothing outside itself, works from `file://` without network, and is readable with script
 * off; the script only sorts, filters, zooms and opens every disclosure before printing.
 *
 * @throws `OptionError` (`option.invalid`) for an unknown or malformed option, `QueryError` for the scope
 * (`scope.unknown`, `scope.not-organisation`), and the plan's `PlanValidationError` or `MigrationCycleError`.
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * import { toHtmlReport } from 'kartta/report';
 * const model = Model.load({
 *   format: 'kartta/1', name: 'Pieni alue',
 *   organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }],
 *   systems: [{ id: 'personec', name: 'Personec', class: 'TORI', lifecycle: 'production' }],
 *   relations: [{ type: 'owns', from: 'oulu', to: 'personec' }],
 * });
 * const html = toHtmlReport(model, { lang: 'en', asOf: '2024-01-01' });
 * console.log(html.startsWith('<!doctype html>')); // true
 * ```
 * @category Report
 */
export function toHtmlReport(model: Model, options: ReportOptions = {}): string {
  const checked = parseOptions(QUERY, optionsShape, options);
  const lang = checked.lang ?? 'fi';
  const asOf = checked.asOf ?? today();
  if (checked.scope !== undefined) model.scope({ scope: checked.scope });
  const context = createContext(model, lang, checked.scope, asOf);
  let planned: PlannedMigration | undefined;
  if (checked.plan !== undefined) {
    const plan: MigrationPlan = parsePlan(model, checked.plan);
    planned = { plan, result: planMigration(model, plan) };
  }
  const charts = chartDocument();
  const facts = overviewFacts(context);
  const candidates = rankedCandidates(context);
  const groups = parallelGroups(context, checked.allowedUntil, checked.diagramLimit);
  const findings = findingsOf(context);
  const portfolio = portfolioFacts(context);
  const comparison =
    checked.scenarios === undefined
      ? undefined
      : compareScenarios(model, checked.scenarios as readonly (Scenario | string)[], {
          scope: checked.scope,
          asOf: checked.asOf,
        });
  const sections = [
    overviewSection(context, facts, charts),
    checked.diagrams === false ? '' : landscapesSection(context, landscapeViews(context, groups, checked.diagramLimit)),
    harmonisationSection(context, candidates, charts),
    parallelSection(context, groups),
    migrationSection(context, planned, charts),
    comparison ? scenariosSection(context, comparison) : '',
    portfolio ? portfolioSection(context, portfolio, charts) : '',
    findingsSection(context, findings),
  ];
  const title = checked.title ?? `${context.t('title')}: ${nameIn(model.name, lang)}`;
  return page(context, title, sections.filter(Boolean).join('\n'), {
    diagrams: checked.diagrams !== false,
    scenarios: comparison !== undefined,
    portfolio: portfolio !== undefined,
  });
}

/** The optional sections the page has, for its table of contents. */
interface Present {
  readonly diagrams: boolean;
  readonly scenarios: boolean;
  readonly portfolio: boolean;
}

function page(context: ReportContext, title: string, body: string, present: Present): string {
  const { t } = context;
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'`;
  const entries: [string, string][] = [
    ['overview', t('overview')],
    ...(present.diagrams ? [['landscapes', t('landscapes')] as [string, string]] : []),
    ['harmonisation', t('harmonisation')],
    ['parallel', t('parallel')],
    ['migration', t('migration')],
    ...(present.scenarios ? [['scenarios', t('scenarios')] as [string, string]] : []),
    ...(present.portfolio ? [['portfolio', t('portfolio')] as [string, string]] : []),
    ['findings', t('findings')],
  ];
  const scope = context.scope === undefined ? t('wholeModel') : context.name(context.scope);
  return `<!doctype html>
<html lang="${context.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kartta">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="page"><h1>${esc(title)}</h1><p>${esc(t('generated'))} ${esc(context.asOf)} · ${esc(t('scope'))}: ${esc(scope)}</p></header>
<nav class="toc" aria-label="${esc(t('contents'))}"><ol>${entries.map(([id, text]) => `<li><a href="#${id}">${esc(text)}</a></li>`).join('')}</ol></nav>
<main>
${body}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
