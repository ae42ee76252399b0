/**
 * Parallel systems: for each service, a matrix of its TOSI systems in use with each pair's status in colour and
 * in words (direct, through a platform, none), and the groups past the time allowed for parallel operation
 * marked as overdue. A group of more than {@link MATRIX_LIMIT} systems is summarised by product instead (one row
 * per product with its pairs by status): a matrix of hundreds of rows is unreadable and grows with the square of
 * the group.
 */
import { parallelSystems, type PairStatus, type ParallelGroup } from '../../queries/parallel.js';
import type { ReportContext } from '../context.js';
import { DIAGRAM_LIMIT } from './landscapes.js';
import { anchor, esc, plainHead } from '../html.js';
import type { LabelKey } from '../labels.js';
import { compareNames } from './overview.js';

/** Above this many systems a group is summarised by product. */
export const MATRIX_LIMIT = 24;

const STATUS_LABEL: Readonly<Record<PairStatus, LabelKey>> = {
  direct: 'statusDirect',
  platform: 'statusPlatform',
  none: 'statusNone',
};
const STATUS_MARK: Readonly<Record<PairStatus, string>> = { direct: '●', platform: '◐', none: '✕' };

/**
 * The report's parallel groups, with every pair of a group that is drawn: as a matrix (at most
 * {@link MATRIX_LIMIT} systems) or, by the landscapes section, as a view of at most `drawnUpTo` elements (a group
 * has more elements than systems). A larger group's pairs are counted, and only as many listed.
 */
export function parallelGroups(
  context: ReportContext,
  allowedUntil: string | undefined,
  drawnUpTo: number = DIAGRAM_LIMIT,
): ParallelGroup[] {
  const systems = Math.max(MATRIX_LIMIT, drawnUpTo);
  return parallelSystems(context.model, {
    scope: context.scope,
    asOf: context.asOf,
    allowedUntil,
    maxPairs: (systems * (systems - 1)) / 2,
  });
}

function statusCell(context: ReportContext, status: PairStatus, title: string): string {
  return `<td class="pair ${status}" data-status="${status}" title="${esc(title)}"><span aria-hidden="true">${STATUS_MARK[status]}</span> ${esc(context.t(STATUS_LABEL[status]))}</td>`;
}

function matrix(context: ReportContext, group: ParallelGroup, captionId: string): string {
  const systems = [...group.systems].sort((a, b) => compareNames(context, a, b));
  const pairs = new Map<string, ParallelGroup['pairs'][number]>();
  for (const pair of group.pairs) {
    pairs.set(`${pair.systems[0]}\u0000${pair.systems[1]}`, pair);
    pairs.set(`${pair.systems[1]}\u0000${pair.systems[0]}`, pair);
  }
  const head = `<thead><tr><td></td>${systems.map((id) => `<th scope="col" class="rotate"><div>${context.nameHtml(id)}</div></th>`).join('')}</tr></thead>`;
  const body = systems
    .map((row) => {
      const cells = systems.map((column) => {
        if (row === column) return '<td class="pair self" aria-label="—">—</td>';
        const pair = pairs.get(`${row}\u0000${column}`);
        if (!pair) return `<td class="pair same">${esc(context.t('sameProductPair'))}</td>`;
        const through = pair.integrations.map((id) => context.name(id)).join('; ');
        return statusCell(context, pair.status, through || `${context.name(row)} — ${context.name(column)}`);
      });
      return `<tr><th scope="row">${context.nameHtml(row)}</th>${cells.join('')}</tr>`;
    })
    .join('');
  return `<div class="matrix-scroll" tabindex="0" aria-labelledby="${captionId}"><table class="matrix" data-service="${esc(group.service)}"><caption id="${captionId}">${esc(context.t('matrixCaption'))}: ${esc(context.name(group.service))}</caption>${head}<tbody>${body}</tbody></table></div>`;
}

/**
 * A large group by product: for each product, its systems and how many of their pairs with the other products'
 * systems are connected directly, through a platform, or not at all. One row per product, so the table grows with
 * the number of products, not with the square of the group.
 */
function productSummary(context: ReportContext, group: ParallelGroup, captionId: string): string {
  const { t } = context;
  const cell = (status: PairStatus, count: number) =>
    `<td class="num${count > 0 ? ` pair ${status}` : ''}" data-status="${status}">${count > 0 ? `<span aria-hidden="true">${STATUS_MARK[status]}</span> ` : ''}${context.num(count)}</td>`;
  const rows = [...group.productGroups]
    .sort((a, b) => b.pairCounts.none - a.pairCounts.none || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((product) => {
      const entry = product.pairCounts;
      return `<tr><td>${esc(product.name)}</td><td class="num">${context.num(product.systems.length)}</td>${cell('direct', entry.direct)}${cell('platform', entry.platform)}${cell('none', entry.none)}</tr>`;
    })
    .join('');
  return `<table class="data by-product" data-service="${esc(group.service)}"><caption id="${captionId}">${esc(t('byProduct'))}: ${esc(context.name(group.service))}</caption>${plainHead([t('product'), t('systemCount'), t('statusDirect'), t('statusPlatform'), t('statusNone')], new Set([1, 2, 3, 4]))}<tbody>${rows}</tbody></table>`;
}

export function parallelSection(context: ReportContext, groups: readonly ParallelGroup[]): string {
  const { t } = context;
  const legend = `<ul class="legend" aria-label="${esc(t('legend'))}">${(['direct', 'platform', 'none'] as const).map((status) => `<li><span class="pair ${status} chip"><span aria-hidden="true">${STATUS_MARK[status]}</span> ${esc(t(STATUS_LABEL[status]))}</span></li>`).join('')}</ul>`;
  const blocks = groups.map((group) => {
    const id = anchor('parallel-', group.service);
    const captionId = `${id}-c`;
    const overdue = group.overdue
      ? `<p class="overdue" role="note"><strong>⚠ ${esc(t('overdue'))}</strong> (${esc(t('allowedUntil'))} ${esc(group.allowedUntil ?? '')})</p>`
      : '';
    const products = group.productGroups.map((product) => esc(product.name)).join(', ');
    return `<article class="parallel-group${group.overdue ? ' is-overdue' : ''}" id="${id}" data-service="${esc(group.service)}" data-gaps="${group.gaps}" data-overdue="${group.overdue}">
<h3>${context.nameHtml(group.service)} <span class="muted">(${context.num(group.systems.length)} ${esc(t('systems'))}, ${context.num(group.gaps)} ${esc(t('gaps'))})</span></h3>
${overdue}<p>${products}</p>
${group.systems.length <= MATRIX_LIMIT ? matrix(context, group, captionId) : productSummary(context, group, captionId)}
</article>`;
  });
  return `<section id="parallel" aria-labelledby="parallel-h">
<h2 id="parallel-h">${esc(t('parallel'))} <span class="muted">(${context.num(groups.length)})</span></h2>
<p>${esc(t('parallelIntro'))}</p>
${legend}
${groups.length ? blocks.join('\n') : `<p>${esc(t('none'))}</p>`}
</section>`;
}
