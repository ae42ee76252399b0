/**
 * Harmonisation: the candidates ranked by yearly savings (unknown savings last), a chart of savings by service,
 * and for each candidate what to keep and why.
 */
import { harmonisationCandidates, type HarmonisationCandidate } from '../../queries/harmonisation.js';
import { barChart, type ChartDocument } from '../charts.js';
import type { ReportContext } from '../context.js';
import { esc, plainHead, sortableHead, sortCell } from '../html.js';

/** Candidates by savings, highest first; candidates of unknown savings after, in the query's order. */
export function rankedCandidates(context: ReportContext): HarmonisationCandidate[] {
  const candidates = harmonisationCandidates(context.model, { scope: context.scope });
  return candidates
    .map((candidate, order) => ({ candidate, order }))
    .sort((a, b) => (b.candidate.savings ?? -1) - (a.candidate.savings ?? -1) || a.order - b.order)
    .map((entry) => entry.candidate);
}

/** Savings per service: a candidate counts under every service its systems support. */
export function savingsByService(candidates: readonly HarmonisationCandidate[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const candidate of candidates) {
    if (candidate.savings === null || candidate.savings <= 0) continue;
    for (const service of candidate.services) totals.set(service, (totals.get(service) ?? 0) + candidate.savings);
  }
  return totals;
}

export function harmonisationSection(
  context: ReportContext,
  candidates: readonly HarmonisationCandidate[],
  charts: ChartDocument,
): string {
  const { t } = context;
  const totals = [...savingsByService(candidates)]
    .map(([service, value]) => ({ service, label: context.name(service), value }))
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1));
  const chart = totals.length
    ? barChart(charts, totals, {
        title: t('savingsByService'),
        format: context.euros,
        axisFormat: context.eurosShort,
        axisLabel: t('savings'),
      })
    : '';
  const chartTable = `<table class="data" id="savings-by-service">${plainHead([t('service'), t('savings')], new Set([1]))}<tbody>${totals.map((row) => `<tr><th scope="row">${context.nameHtml(row.service)}</th><td class="num">${esc(context.euros(row.value))}</td></tr>`).join('')}</tbody></table>`;
  const rows = candidates.map((candidate, index) => {
    const subject = candidate.kind === 'sameProduct' ? esc(candidate.productName) : context.nameHtml(candidate.service);
    const keep =
      candidate.kind === 'sameProduct'
        ? context.nameHtml(candidate.keep)
        : esc(
            candidate.productGroups.find((group) => group.product === candidate.keepProduct)?.name ??
              candidate.keepProduct,
          );
    const keepText = candidate.kind === 'sameProduct' ? context.name(candidate.keep) : candidate.keepProduct;
    const savings =
      candidate.savings === null
        ? `<span class="muted">${esc(t('unknown'))}</span>`
        : esc(context.euros(candidate.savings));
    const reasons = `<details><summary>${esc(t('reasons'))} (${candidate.reasons.length})</summary><ul>${candidate.reasons.map((reason) => `<li><code>${esc(reason.code)}</code> ${esc(reason.message)}</li>`).join('')}</ul><p class="muted">${systemList(context, candidate.systems)}</p></details>`;
    return `<tr data-kind="${candidate.kind}">${sortCell(context.num(index + 1), index + 1, 'td', ' class="num"')}${sortCell(esc(candidate.kind === 'sameProduct' ? t('sameProduct') : t('sameService')), candidate.kind)}${sortCell(subject, candidate.kind === 'sameProduct' ? candidate.productName : context.name(candidate.service))}${sortCell(context.num(candidate.systems.length), candidate.systems.length, 'td', ' class="num"')}${sortCell(keep, keepText)}${sortCell(savings, candidate.savings ?? -1, 'td', ' class="num"')}<td>${reasons}</td></tr>`;
  });
  const table = candidates.length
    ? `<table class="data sortable" id="harmonisation-table">${sortableHead(
        [
          { label: t('rank'), numeric: true },
          { label: t('kind') },
          { label: t('subject') },
          { label: t('systemCount'), numeric: true },
          { label: t('keep') },
          { label: t('savings'), numeric: true },
          { label: t('reasons') },
        ],
        t('sortBy'),
      )}<tbody>${rows.join('')}</tbody></table>`
    : `<p>${esc(t('none'))}</p>`;
  return `<section id="harmonisation" aria-labelledby="harmonisation-h">
<h2 id="harmonisation-h">${esc(t('harmonisation'))}</h2>
${chart ? `<figure class="chart" id="chart-savings"><figcaption>${esc(t('savingsByService'))}. ${esc(t('savingsNote'))}</figcaption>${chart}<details class="chart-table"><summary>${esc(t('tableOfChart'))}</summary>${chartTable}</details></figure>` : ''}
<h3>${esc(t('candidates'))} <span class="muted">(${context.num(candidates.length)})</span></h3>
${table}
</section>`;
}

/** Shown by name in a candidate's details; the rest are counted (a product can have hundreds of installations). */
const SYSTEMS_LISTED = 40;

function systemList(context: ReportContext, systems: readonly string[]): string {
  const names = systems.slice(0, SYSTEMS_LISTED).map((id) => context.nameHtml(id));
  if (systems.length > SYSTEMS_LISTED)
    names.push(esc(context.t('andMore').replace('{count}', context.num(systems.length - SYSTEMS_LISTED))));
  return names.join(', ');
}
