/**
 * Landscape diagrams: the generated ArchiMate views of each organisation and of each parallel group, each in a
 * disclosure, drawn as zoomable inline SVG. A view of more than {@link DIAGRAM_LIMIT} elements (or the limit given) is not laid out:
 * no one reads 1,500 boxes at a glance, and laying them out takes most of a large model's report time (see
 * docs/archimate.md, "layout time"); the report names it and its size, and the ArchiMate export draws it.
 */
import { generatedIdentifier } from '../../archimate/ids.js';
import { buildViews } from '../../archimate/views/index.js';
import { parallelView } from '../../archimate/views/parallel.js';
import type { ViewSpec } from '../../archimate/views/types.js';
import type { ParallelGroup } from '../../queries/parallel.js';
import type { ReportContext } from '../context.js';
import { diagramSvg } from '../diagrams.js';
import { anchor, esc } from '../html.js';
import { compareNames } from './overview.js';

/**
 * Views of more elements than this are listed, not drawn (the default of the `diagramLimit` option). At 10,000
 * systems dagre took about 50 s for the views of up to 250 elements; up to 150 keeps the report's time to its
 * queries'.
 */
export const DIAGRAM_LIMIT = 150;

/** One organisation's or service's diagram, or its size when it is too large to draw. */
export interface LandscapeEntry {
  readonly id: string;
  readonly view?: ViewSpec | undefined;
  /** Number of elements the view has (or would have). */
  readonly elements: number;
}

/** The views the section draws, by the organisation or service each shows. */
export interface LandscapeViews {
  readonly organisations: readonly LandscapeEntry[];
  readonly services: readonly LandscapeEntry[];
}

/**
 * How many elements an organisation's landscape has: the organisation, the systems in scope it owns or uses,
 * and the services those support (as landscapeView draws them).
 */
function landscapeSize(context: ReportContext, organisation: string, systemsInScope: ReadonlySet<string>): number {
  const { model } = context;
  const systems = new Set<string>();
  for (const type of ['owns', 'uses'] as const)
    for (const relation of model.relationsOut(organisation, type))
      if (systemsInScope.has(relation.to)) systems.add(relation.to);
  const services = new Set<string>();
  for (const system of systems)
    for (const relation of model.relationsOut(system, 'supports'))
      if (model.service(relation.to)) services.add(relation.to);
  return systems.size === 0 ? 0 : 1 + systems.size + services.size;
}

export function landscapeViews(
  context: ReportContext,
  groups: readonly ParallelGroup[],
  limit = DIAGRAM_LIMIT,
): LandscapeViews {
  const { model } = context;
  const scope = model.scope({ scope: context.scope });
  const systemsInScope = new Set(scope.systems);
  const sizes = new Map<string, number>();
  for (const organisation of scope.organisations) {
    const size = landscapeSize(context, organisation, systemsInScope);
    if (size > 0) sizes.set(organisation, size);
  }
  const drawn = [...sizes].filter(([, size]) => size <= limit).map(([id]) => id);
  const views = new Map<string, ViewSpec>();
  if (drawn.length > 0) {
    const built = buildViews(model, { scope: context.scope, landscapes: drawn, parallel: false });
    const byIdentifier = new Map(built.map((view) => [view.identifier, view]));
    for (const id of drawn) {
      const view = byIdentifier.get(generatedIdentifier('view', 'landscape', id));
      if (view) views.set(id, view);
    }
  }
  const organisations = [...sizes]
    .map(([id, elements]) => ({ id, elements, view: views.get(id) }))
    .sort((a, b) => compareNames(context, a.id, b.id));
  const services = groups
    .map((group) => {
      const elements = 1 + group.systems.length + new Set(group.pairs.flatMap((pair) => pair.platforms)).size;
      return { id: group.service, elements, view: elements <= limit ? parallelView(model, group) : undefined };
    })
    .sort((a, b) => compareNames(context, a.id, b.id));
  return { organisations, services };
}

function diagram(context: ReportContext, entry: LandscapeEntry, prefix: string): string {
  const id = anchor(prefix, entry.id);
  const headingId = `${id}-h`;
  const size = `<span class="muted">(${context.num(entry.elements)} ${esc(context.t('nodes'))})</span>`;
  if (!entry.view) {
    return `<div class="diagram-box too-large" id="${id}" data-elements="${entry.elements}"><span id="${headingId}">${esc(context.name(entry.id))}</span> ${size}: ${esc(context.t('tooLarge'))}</div>`;
  }
  const controls = `<div class="zoom" role="group" aria-label="${esc(context.t('zoom'))}" hidden>
<button type="button" data-zoom="out" aria-label="${esc(context.t('zoomOut'))}">−</button><button type="button" data-zoom="reset"><span class="sr-only">${esc(context.t('zoomReset'))}: </span><span class="zoom-level">100 %</span></button><button type="button" data-zoom="in" aria-label="${esc(context.t('zoomIn'))}">+</button></div>`;
  return `<details class="diagram-box" id="${id}" data-view="${esc(entry.view.identifier)}" data-elements="${entry.elements}"><summary><span id="${headingId}">${esc(context.name(entry.id))}</span> ${size}</summary>
<figure class="diagram-figure">${controls}<div class="diagram-scroll" tabindex="0" role="region" aria-labelledby="${headingId}">${diagramSvg(context, entry.view, headingId)}</div></figure></details>`;
}

export function landscapesSection(context: ReportContext, views: LandscapeViews): string {
  const { t } = context;
  const legend = `<ul class="legend" aria-label="${esc(t('legend'))}"><li><span class="swatch organisation"></span>${esc(t('organisation'))}</li><li><span class="swatch service"></span>${esc(t('service'))}</li><li><span class="swatch tori"></span>TORI</li><li><span class="swatch tosi"></span>TOSI</li><li><span class="line dashed"></span>${esc(t('integration'))}</li></ul>`;
  const list = (entries: readonly LandscapeEntry[], prefix: string) =>
    entries.length ? entries.map((entry) => diagram(context, entry, prefix)).join('\n') : `<p>${esc(t('none'))}</p>`;
  return `<section id="landscapes" aria-labelledby="landscapes-h">
<h2 id="landscapes-h">${esc(t('landscapes'))}</h2>
<p>${esc(t('landscapesIntro'))}</p>
${legend}
<h3 id="landscapes-organisations">${esc(t('byOrganisation'))} <span class="muted">(${context.num(views.organisations.length)})</span></h3>
<div class="diagrams" data-kind="organisation">${list(views.organisations, 'landscape-')}</div>
<h3 id="landscapes-services">${esc(t('byService'))} <span class="muted">(${context.num(views.services.length)})</span></h3>
<div class="diagrams" data-kind="service">${list(views.services, 'parallel-view-')}</div>
</section>`;
}
