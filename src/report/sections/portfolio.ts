/**
 * Development portfolio: what is being built and who pays. First the overlapping development (projects of
 * different organisations on the same theme, product or service at the same time, with their budgets, funders and
 * whether national development on it exists), as that is the question a steering group asks of a portfolio; then
 * the funding by funder and by implementing organisation with the organisations' own share (charts with their
 * tables), the systems a national obligation reaches, and the payback of projects that deliver harmonisation.
 * Every figure comes from the library's portfolio queries; amounts are whole cents until they are written.
 */
import { fundingSummary, type FunderAmount, type FundingSummary } from '../../portfolio/funding.js';
import { obligations, type ObligatedSystem } from '../../portfolio/obligations.js';
import { overlappingDevelopment, type OverlapGroup } from '../../portfolio/overlap.js';
import { projectPayback, type ProjectPayback } from '../../portfolio/payback.js';
import { projectMoney } from '../../portfolio/facts.js';
import { projectsInScope } from '../../portfolio/scope.js';
import type { Project, ProjectStatus } from '../../types.js';
import { barChart, stackedBarChart, type ChartDocument } from '../charts.js';
import type { ReportContext } from '../context.js';
import { anchor, esc, plainHead, sortableHead, sortCell } from '../html.js';
import type { LabelKey } from '../labels.js';

/** What the portfolio section shows, computed from the library's queries: the tests count the page against it. */
export interface PortfolioFacts {
  /** The projects in scope (cancelled ones left out, as the queries do). */
  readonly projects: readonly Project[];
  readonly overlaps: readonly OverlapGroup[];
  readonly byFunder: FundingSummary;
  readonly byOrganisation: FundingSummary;
  readonly obligations: readonly ObligatedSystem[];
  readonly payback: readonly ProjectPayback[];
}

/**
 * The portfolio's facts, or `undefined` when the model has no portfolio to speak of (no projects and no
 * offerings): the section is then left out, as the scenarios are when none are given. Themes and funders alone
 * are catalogues with nothing to report.
 */
export function portfolioFacts(context: ReportContext): PortfolioFacts | undefined {
  const { model, scope, asOf } = context;
  if (model.projects().length === 0 && model.offerings().length === 0) return undefined;
  return {
    projects: projectsInScope(model, scope, false),
    overlaps: overlappingDevelopment(model, { scope }),
    byFunder: fundingSummary(model, { by: 'funder', scope }),
    byOrganisation: fundingSummary(model, { by: 'organisation', scope }),
    obligations: obligations(model, { scope, asOf }),
    payback: rankedPayback(projectPayback(model, { scope })),
  };
}

/** Shortest payback first, unknown payback last; ties by project id (the query's order). */
function rankedPayback(entries: readonly ProjectPayback[]): ProjectPayback[] {
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort(
      (a, b) =>
        (a.entry.paybackYears === null ? 1 : 0) - (b.entry.paybackYears === null ? 1 : 0) ||
        (a.entry.paybackYears ?? 0) - (b.entry.paybackYears ?? 0) ||
        a.order - b.order,
    )
    .map(({ entry }) => entry);
}

const STATUS_LABEL: Readonly<Record<ProjectStatus, LabelKey>> = {
  proposed: 'statusProposed',
  planned: 'statusPlanned',
  running: 'statusRunning',
  completed: 'statusCompleted',
  cancelled: 'statusCancelled',
};

const SUBJECT_LABEL: Readonly<Record<OverlapGroup['subject']['kind'], LabelKey>> = {
  theme: 'theme',
  product: 'subjectProduct',
  service: 'subjectService',
};

export function portfolioSection(context: ReportContext, facts: PortfolioFacts, charts: ChartDocument): string {
  const { t } = context;
  const withoutNational = facts.overlaps.filter((group) => !group.nationalExists).length;
  const figure = (key: string, label: string, value: string, note = '') =>
    `<div class="kpi" data-kpi="${key}"><dt>${esc(label)}</dt><dd><span class="kpi-value">${esc(value)}</span>${note ? `<span class="kpi-note">${esc(note)}</span>` : ''}</dd></div>`;
  const obligated = new Set(facts.obligations.map((entry) => entry.system)).size;
  const kpis = [
    figure('projects', t('projects'), context.num(facts.projects.length)),
    figure('portfolio-budget', t('portfolioBudget'), context.cents(facts.byFunder.cents)),
    figure(
      'overlaps',
      t('overlapGroups'),
      context.num(facts.overlaps.length),
      withoutNational > 0 ? `${context.num(withoutNational)} ${t('withoutNational')}` : '',
    ),
    figure('obligated', t('obligatedSystems'), context.num(obligated)),
  ];
  return `<section id="portfolio" aria-labelledby="portfolio-h">
<h2 id="portfolio-h">${esc(t('portfolio'))}</h2>
<p>${esc(t('portfolioIntro'))}</p>
<dl class="kpis">${kpis.join('')}</dl>
${overlapsPart(context, facts.overlaps)}
${fundingPart(context, facts, charts)}
${obligationsPart(context, facts.obligations)}
${paybackPart(context, facts.payback)}
</section>`;
}

function period(context: ReportContext, start: string, end: string | null | undefined): string {
  return `<span class="date">${esc(start)}</span> – <span class="date">${end ? esc(end) : esc(context.t('openEnd'))}</span>`;
}

/** Money in a cell: its text in the report's locale, its exact cents for sorting and for a script to read. */
function moneyCell(context: ReportContext, cents: number, tag: 'td' | 'th' = 'td'): string {
  return `<${tag} class="num" data-cents="${cents}">${esc(context.cents(cents))}</${tag}>`;
}

function funderName(context: ReportContext, funder: FunderAmount): string {
  return funder.funder === null
    ? `<span class="muted">${esc(context.t('unfunded'))}</span>`
    : context.nameHtml(funder.funder);
}

function overlapsPart(context: ReportContext, groups: readonly OverlapGroup[]): string {
  const { t, model } = context;
  const blocks = groups.map((group) => {
    const { subject } = group;
    const id = anchor(`overlap-${subject.kind}-`, subject.id);
    const subjectHtml =
      subject.kind === 'product'
        ? `<span title="${esc(subject.id)}">${esc(subject.name)}</span>`
        : context.nameHtml(subject.id);
    const national = [
      ...group.national.map((project) => `${context.nameHtml(project)} (${esc(t('nationalProject'))})`),
      ...group.offerings.map((offering) => {
        const provider = model.offering(offering)?.provider;
        return `${context.nameHtml(offering)} (${esc(t('offeringOf'))} ${provider === undefined ? '' : context.nameHtml(provider)})`;
      }),
    ];
    const note = group.nationalExists
      ? `<p class="national exists" data-national="true"><span aria-hidden="true">✓</span> ${esc(t('nationalExists'))}: ${national.join(', ')}</p>`
      : `<p class="national missing" data-national="false"><span aria-hidden="true">⚠</span> <strong>${esc(t('noNational'))}</strong></p>`;
    const rows = group.projects
      .map((projectId) => {
        const project = model.project(projectId);
        const implementers = [...(project?.implementers ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const money = project ? projectMoney(project) : undefined;
        // A record without any money figure (Lapland's ICT preparation) is unknown, not free.
        const budget = money?.known
          ? moneyCell(context, money.cents)
          : `<td class="num" data-cents="0" data-known="false"><span class="muted">${esc(t('unknown'))}</span></td>`;
        const status = project ? esc(t(STATUS_LABEL[project.status])) : '';
        return `<tr data-project="${esc(projectId)}"><th scope="row">${context.nameHtml(projectId)}</th><td>${implementers.map((org) => context.nameHtml(org)).join(', ')}</td><td class="date">${project ? period(context, project.start, project.end) : ''}</td><td>${status}</td>${budget}</tr>`;
      })
      .join('');
    const captionId = `${id}-c`;
    const funders = group.funders
      .map(
        (funder) =>
          `${funderName(context, funder)} ${esc(context.cents(funder.cents))} (${esc(context.percent(funder.percent))})`,
      )
      .join('; ');
    const regions = group.regions.length
      ? `<br>${esc(t('regions'))}: ${group.regions.map((region) => context.nameHtml(region)).join(', ')}`
      : '';
    return `<article class="overlap-group${group.nationalExists ? '' : ' no-national'}" id="${id}" data-subject-kind="${subject.kind}" data-subject="${esc(subject.id)}" data-national="${group.nationalExists}" data-cents="${group.cents}">
<h4>${subjectHtml} <span class="muted">(${esc(t(SUBJECT_LABEL[subject.kind]))}, ${context.num(group.projects.length)} ${esc(t('projectsCounted'))}, ${esc(context.cents(group.cents))})</span></h4>
${note}
<table class="data overlap-projects"><caption id="${captionId}" class="sr-only">${esc(t('overlaps'))}: ${esc(subject.kind === 'product' ? subject.name : context.name(subject.id))}</caption>${plainHead([t('project'), t('organisations'), t('period'), t('status'), t('budget')], new Set([4]))}<tbody>${rows}</tbody><tfoot><tr><th scope="row" colspan="4">${esc(t('combined'))}</th>${moneyCell(context, group.cents, 'td')}</tr></tfoot></table>
<p class="overlap-facts">${esc(t('sameTime'))}: ${period(context, group.overlap.start, group.overlap.end)}<br>${esc(t('funders'))}: ${funders || esc(t('none'))}${regions}</p>
</article>`;
  });
  return `<h3 id="overlaps-h">${esc(t('overlaps'))} <span class="muted">(${context.num(groups.length)})</span></h3>
<p>${esc(t('overlapsIntro'))}</p>
${groups.length ? blocks.join('\n') : `<p>${esc(t('none'))}</p>`}`;
}

/** Chart labels must be unique (they are the chart's rows): two funders of the same name get their ids added. */
function uniqueLabels(
  context: ReportContext,
  ids: readonly (string | null)[],
  nullLabel: string,
): Map<string | null, string> {
  const labels = new Map<string | null, string>();
  const seen = new Map<string, number>();
  for (const id of ids) {
    const text = id === null ? nullLabel : context.name(id);
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  for (const id of ids) {
    const text = id === null ? nullLabel : context.name(id);
    labels.set(id, (seen.get(text) ?? 0) > 1 && id !== null ? `${text} [${id}]` : text);
  }
  return labels;
}

function fundingPart(context: ReportContext, facts: PortfolioFacts, charts: ChartDocument): string {
  const { t } = context;
  const { byFunder, byOrganisation } = facts;
  const kindLabel = (kind: FunderAmount['kind']) =>
    t(kind === 'organisation' ? 'funderOrganisation' : kind === 'external' ? 'funderExternal' : 'unfunded');

  // By funder: largest first, so the chart reads from the top; the table in the same order.
  const funders = [...byFunder.groups].filter((group) => group.cents > 0).sort(mostMoneyFirst);
  const funderLabels = uniqueLabels(
    context,
    funders.map((group) => group.key),
    t('unfunded'),
  );
  const funderChart = funders.length
    ? barChart(
        charts,
        funders.map((group) => ({ label: funderLabels.get(group.key) as string, value: group.cents / 100 })),
        { title: t('fundingByFunder'), format: context.euros, axisFormat: context.eurosShort, axisLabel: t('amount') },
      )
    : '';
  const funderRows = funders
    .map((group) => {
      const kind = group.funders[0]?.kind ?? 'unfunded';
      const share = byFunder.cents === 0 ? 0 : Math.round((group.cents * 10_000) / byFunder.cents) / 100;
      return `<tr data-funder="${esc(group.key ?? '')}"><th scope="row">${group.key === null ? `<span class="muted">${esc(t('unfunded'))}</span>` : context.nameHtml(group.key)}</th><td>${esc(kindLabel(kind))}</td>${moneyCell(context, group.cents)}<td class="num">${esc(context.percent(share))}</td></tr>`;
    })
    .join('');
  const funderTable = `<table class="data" id="funding-by-funder">${plainHead([t('funder'), t('kind'), t('amount'), t('share')], new Set([2, 3]))}<tbody>${funderRows}</tbody><tfoot><tr><th scope="row" colspan="2">${esc(t('total'))}</th>${moneyCell(context, byFunder.cents)}<td class="num">${esc(context.percent(byFunder.cents === 0 ? 0 : 100))}</td></tr></tfoot></table>`;

  // By organisation: the organisations with money, most first; each split into own, external and unfunded money.
  const organisations = [...byOrganisation.groups].filter((group) => group.cents > 0).sort(mostMoneyFirst);
  const organisationLabels = uniqueLabels(
    context,
    organisations.map((group) => group.key),
    t('noImplementer'),
  );
  const parts = [t('ownFunding'), t('externalFunding'), t('unfunded')];
  const present = [0, 1, 2].filter((index) =>
    organisations.some((group) => ([group.ownCents, group.externalCents, group.unfundedCents][index] as number) > 0),
  );
  const stacked = organisations.flatMap((group) => {
    const values = [group.ownCents, group.externalCents, group.unfundedCents];
    return present.map((index) => ({
      group: organisationLabels.get(group.key) as string,
      part: parts[index] as string,
      value: (values[index] as number) / 100,
    }));
  });
  const organisationChart = organisations.length
    ? stackedBarChart(charts, stacked, {
        title: t('fundingByOrganisation'),
        parts: present.map((index) => parts[index] as string),
        axisLabel: t('amount'),
        format: context.euros,
        axisFormat: context.eurosShort,
        minLabelShare: 0.12,
        width: 900,
      })
    : '';
  const organisationRows = organisations
    .map((group) => {
      const share = group.cents === 0 ? 0 : Math.round((group.ownCents * 10_000) / group.cents) / 100;
      return `<tr data-organisation="${esc(group.key ?? '')}">${sortCell(group.key === null ? `<span class="muted">${esc(t('noImplementer'))}</span>` : context.nameHtml(group.key), organisationLabels.get(group.key) as string, 'th', ' scope="row"')}${sortCell(esc(context.cents(group.cents)), group.cents, 'td', ` class="num" data-cents="${group.cents}"`)}${sortCell(esc(context.cents(group.ownCents)), group.ownCents, 'td', ` class="num" data-cents="${group.ownCents}"`)}${sortCell(esc(context.cents(group.externalCents)), group.externalCents, 'td', ` class="num" data-cents="${group.externalCents}"`)}${sortCell(esc(context.cents(group.unfundedCents)), group.unfundedCents, 'td', ` class="num" data-cents="${group.unfundedCents}"`)}${sortCell(esc(context.percent(share)), share, 'td', ' class="num"')}<td class="num">${context.num(group.projects.length)}</td></tr>`;
    })
    .join('');
  const organisationTable = `<table class="data sortable" id="funding-by-organisation">${sortableHead(
    [
      { label: t('organisation') },
      { label: t('total'), numeric: true },
      { label: t('ownFunding'), numeric: true },
      { label: t('externalFunding'), numeric: true },
      { label: t('unfunded'), numeric: true },
      { label: t('ownShare'), numeric: true },
      { label: t('projects'), numeric: true },
    ],
    t('sortBy'),
  )}<tbody>${organisationRows}</tbody></table>`;
  return `<h3 id="funding-h">${esc(t('funding'))} <span class="muted">(${esc(context.cents(byFunder.cents))})</span></h3>
<p>${esc(t('fundingIntro'))}</p>
${
  funders.length
    ? `<figure class="chart" id="chart-funders"><figcaption>${esc(t('fundingByFunder'))}</figcaption>${funderChart}</figure>
${funderTable}`
    : `<p>${esc(t('none'))}</p>`
}
${
  organisations.length
    ? `<figure class="chart" id="chart-organisations"><figcaption>${esc(t('fundingByOrganisation'))}</figcaption>${organisationChart}</figure>
${organisationTable}`
    : ''
}`;
}

function obligationsPart(context: ReportContext, entries: readonly ObligatedSystem[]): string {
  const { t, model } = context;
  const rows = entries
    .map(
      (entry) =>
        `<tr data-system="${esc(entry.system)}" data-offering="${esc(entry.offering)}" data-applies="${entry.applies}"><th scope="row">${context.nameHtml(entry.system)}</th><td>${entry.owners.map((owner) => context.nameHtml(owner)).join(', ')}</td><td>${context.nameHtml(entry.service)}</td><td>${context.nameHtml(entry.offering)} (${esc(t('offeringOf'))} ${context.nameHtml(entry.provider)})</td><td class="date">${esc(entry.from)}</td><td class="nowrap">${entry.applies ? `<span class="missed"><span aria-hidden="true">⚠</span> ${esc(t('applies'))}</span>` : `<span class="muted">${esc(t('upcoming'))}</span>`}</td></tr>`,
    )
    .join('');
  // Each offering's basis once, under the table: it is a sentence, and the same for every system it reaches.
  const offerings = [...new Set(entries.map((entry) => entry.offering))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const bases = offerings
    .map((id) => ({ id, basis: model.offering(id)?.obligation?.basis }))
    .filter((entry) => entry.basis);
  const basisList = bases.length
    ? `<dl class="scenario-descriptions" id="obligation-bases">${bases.map((entry) => `<dt>${context.nameHtml(entry.id)}</dt><dd>${esc(t('basis'))}: ${esc(entry.basis ?? '')}</dd>`).join('')}</dl>`
    : '';
  return `<h3 id="obligations-h">${esc(t('obligations'))} <span class="muted">(${context.num(entries.length)})</span></h3>
<p>${esc(t('obligationsIntro'))} <span class="muted">(${esc(t('generated'))} ${esc(context.asOf)})</span></p>
${
  entries.length
    ? `<table class="data" id="obligations-table">${plainHead([t('system'), t('owners'), t('service'), t('offering'), t('obligedFrom'), t('status')])}<tbody>${rows}</tbody></table>
${basisList}`
    : `<p>${esc(t('none'))}</p>`
}`;
}

function paybackPart(context: ReportContext, entries: readonly ProjectPayback[]): string {
  const { t } = context;
  const rows = entries
    .map((entry) => {
      const candidates = entry.candidates
        .map((candidate) => {
          const kind = candidate.kind === 'sameProduct' ? t('sameProduct') : t('sameService');
          const name = candidate.kind === 'sameProduct' ? esc(candidate.name) : context.nameHtml(candidate.key);
          const unknown = candidate.unknownCosts.length
            ? ` <span class="muted">(${esc(t('costUnknownSystems'))}: ${candidate.unknownCosts.map((id) => context.nameHtml(id)).join(', ')})</span>`
            : '';
          return `<li>${name} <span class="muted">(${esc(kind)})</span>${unknown}</li>`;
        })
        .join('');
      const years =
        entry.paybackYears === null
          ? `<span class="muted">${esc(t('unknown'))}</span>`
          : esc(context.decimal(entry.paybackYears));
      return `<tr data-project="${esc(entry.project)}"><th scope="row">${context.nameHtml(entry.project)}</th>${moneyCell(context, entry.costCents)}<td><ul class="compact">${candidates}</ul></td>${moneyCell(context, entry.yearlySavingsCents)}<td class="num" data-years="${entry.paybackYears ?? ''}">${years}</td></tr>`;
    })
    .join('');
  return `<h3 id="payback-h">${esc(t('payback'))} <span class="muted">(${context.num(entries.length)})</span></h3>
<p>${esc(t('paybackIntro'))}</p>
${
  entries.length
    ? `<table class="data" id="payback-table">${plainHead([t('project'), t('cost'), t('delivers'), t('yearlySavings'), t('paybackYears')], new Set([1, 3, 4]))}<tbody>${rows}</tbody></table>`
    : `<p>${esc(t('none'))}</p>`
}`;
}

/** Largest amount first, then by key (no key last): the order of the funding charts and tables. */
function mostMoneyFirst(a: { cents: number; key: string | null }, b: { cents: number; key: string | null }): number {
  return b.cents - a.cents || (a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1);
}
