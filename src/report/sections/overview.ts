/**
 * Overview: how many organisations, services, systems in use (by class and lifecycle) and integrations are in
 * scope, what the systems cost a year, and who is a member of what.
 */
import { lifecycles, systemClasses } from '../../schema/document.js';
import { stackedBarChart, type ChartDocument } from '../charts.js';
import type { ReportContext } from '../context.js';
import { esc, plainHead } from '../html.js';

/** The overview's figures, computed from the model: the tests count the page against these. */
export interface OverviewFacts {
  readonly organisations: number;
  readonly services: number;
  readonly systems: number;
  readonly integrations: number;
  readonly annualCost: number;
  /** Systems in scope with no known annual cost. */
  readonly costUnknown: number;
  /** Systems in scope per class and lifecycle, as `class lifecycle` keys. */
  readonly byClassAndLifecycle: ReadonlyMap<string, number>;
}

export function overviewFacts(context: ReportContext): OverviewFacts {
  const { model } = context;
  const scope = model.scope({ scope: context.scope });
  const systems = new Set(scope.systems);
  const services = new Set<string>();
  let annualCost = 0;
  let costUnknown = 0;
  const byClassAndLifecycle = new Map<string, number>();
  for (const id of scope.systems) {
    const system = model.system(id);
    if (!system) continue;
    for (const relation of model.relationsOut(id, 'supports')) services.add(relation.to);
    const cost = system.contract?.annualCost;
    if (cost === undefined) costUnknown++;
    else annualCost += cost;
    const key = `${system.class} ${system.lifecycle}`;
    byClassAndLifecycle.set(key, (byClassAndLifecycle.get(key) ?? 0) + 1);
  }
  for (const organisation of scope.organisations)
    for (const relation of model.relationsOut(organisation, 'provides')) services.add(relation.to);
  const integrations = model
    .integrations()
    .filter((integration) => systems.has(integration.source) && systems.has(integration.target)).length;
  return {
    organisations: scope.organisations.length,
    services: services.size,
    systems: systems.size,
    integrations,
    annualCost,
    costUnknown,
    byClassAndLifecycle,
  };
}

export function overviewSection(context: ReportContext, facts: OverviewFacts, charts: ChartDocument): string {
  const { t } = context;
  const figure = (key: string, label: string, value: string, note = '') =>
    `<div class="kpi" data-kpi="${key}"><dt>${esc(label)}</dt><dd><span class="kpi-value">${esc(value)}</span>${note ? `<span class="kpi-note">${esc(note)}</span>` : ''}</dd></div>`;
  const kpis = [
    figure('organisations', t('organisations'), context.num(facts.organisations)),
    figure('services', t('services'), context.num(facts.services)),
    figure('systems', t('systemsInUse'), context.num(facts.systems)),
    figure('integrations', t('integrations'), context.num(facts.integrations)),
    figure(
      'annual-cost',
      t('annualCost'),
      context.euros(facts.annualCost),
      facts.costUnknown > 0 ? `${t('costUnknownFor')} ${context.num(facts.costUnknown)} ${t('systems')}` : '',
    ),
  ];
  const present = lifecycles.filter((lifecycle) =>
    systemClasses.some((cls) => facts.byClassAndLifecycle.has(`${cls} ${lifecycle}`)),
  );
  const rows: { group: string; part: string; value: number }[] = [];
  for (const cls of systemClasses) {
    for (const lifecycle of present)
      rows.push({ group: cls, part: t(lifecycle), value: facts.byClassAndLifecycle.get(`${cls} ${lifecycle}`) ?? 0 });
  }
  const chart = rows.length
    ? stackedBarChart(charts, rows, {
        title: t('systemsByClass'),
        parts: present.map((lifecycle) => t(lifecycle)),
        axisLabel: t('count'),
        format: context.num,
      })
    : '';
  const table = `<table class="data" id="systems-by-class">${plainHead([t('class'), ...present.map((lifecycle) => t(lifecycle)), t('total')], new Set(present.map((_, i) => i + 1).concat(present.length + 1)))}<tbody>${systemClasses
    .map((cls) => {
      const counts = present.map((lifecycle) => facts.byClassAndLifecycle.get(`${cls} ${lifecycle}`) ?? 0);
      return `<tr><th scope="row">${cls}</th>${counts.map((count) => `<td class="num">${context.num(count)}</td>`).join('')}<td class="num">${context.num(counts.reduce((a, b) => a + b, 0))}</td></tr>`;
    })
    .join('')}</tbody></table>`;
  return `<section id="overview" aria-labelledby="overview-h">
<h2 id="overview-h">${esc(t('overview'))}</h2>
<dl class="kpis">${kpis.join('')}</dl>
<figure class="chart" id="chart-systems"><figcaption>${esc(t('systemsByClass'))}</figcaption>${chart}
<details class="chart-table"><summary>${esc(t('tableOfChart'))}</summary>${table}</details></figure>
<h3 id="membership-h">${esc(t('membership'))}</h3>
<p>${esc(t('membershipIntro'))}</p>
${membershipTree(context)}
</section>`;
}

/**
 * Who is a member of what, as nested lists from the scope root (or from every organisation that is a member of
 * nothing). An organisation that is a member of several appears under each; a cycle is cut where it closes.
 */
function membershipTree(context: ReportContext): string {
  const { model } = context;
  const scope = model.scope({ scope: context.scope });
  const inScope = new Set(scope.organisations);
  const roots =
    context.scope !== undefined
      ? [context.scope]
      : scope.organisations.filter(
          (id) => model.relationsOut(id, 'memberOf').length === 0 && model.relationsIn(id, 'memberOf').length > 0,
        );
  const alone =
    context.scope !== undefined
      ? []
      : scope.organisations.filter(
          (id) => model.relationsOut(id, 'memberOf').length === 0 && model.relationsIn(id, 'memberOf').length === 0,
        );
  const item = (id: string, path: ReadonlySet<string>): string => {
    const organisation = model.organisation(id);
    const kind = organisation ? ` <span class="kind">(${esc(context.t(organisation.kind))})</span>` : '';
    const members = model
      .membersOf(id, { transitive: false })
      .filter((member) => inScope.has(member) && !path.has(member))
      .sort((a, b) => compareNames(context, a, b));
    const nested = members.length
      ? `<ul>${members.map((member) => item(member, new Set([...path, member]))).join('')}</ul>`
      : '';
    return `<li data-organisation="${esc(id)}">${context.nameHtml(id)}${kind}${nested}</li>`;
  };
  const tree = `<ul class="tree" id="membership">${roots
    .sort((a, b) => compareNames(context, a, b))
    .map((root) => item(root, new Set([root])))
    .join('')}</ul>`;
  const others = alone.length
    ? `<h4>${esc(context.t('notMembers'))}</h4><ul class="plain">${alone
        .sort((a, b) => compareNames(context, a, b))
        .map(
          (id) =>
            `<li data-organisation="${esc(id)}">${context.nameHtml(id)} <span class="kind">(${esc(kindLabel(context, id))})</span></li>`,
        )
        .join('')}</ul>`
    : '';
  return tree + others;
}

export function compareNames(context: ReportContext, a: string, b: string): number {
  const x = context.name(a);
  const y = context.name(b);
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function kindLabel(context: ReportContext, id: string): string {
  const kind = context.model.organisation(id)?.kind;
  return kind ? context.t(kind) : '';
}
