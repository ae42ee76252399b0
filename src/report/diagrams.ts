/**
 * The generated ArchiMate views (`buildViews`) drawn as inline SVG with the same boxes, at the same places and of
 * the same sizes as the export writes them, so what Archi shows and what the report shows agree. Element kinds
 * differ by colour and by a word in the box (`TORI`, `TOSI`, ...); integrations are dashed lines, other relations
 * solid, each line with a tooltip of what it is.
 */
import { idFromEntityIdentifier } from '../archimate/ids.js';
import type { ViewNodeSpec, ViewSpec } from '../archimate/views/types.js';
import type { ReportContext } from './context.js';
import { esc } from './html.js';

const FONT_SIZE = 11;
/** Average advance of a character at 11 px in the sans-serif fonts browsers fall back to. */
const CHAR_WIDTH = 6.3;
const LINE_HEIGHT = 13;

interface Look {
  /** The class that colours the box (see the report's style sheet). */
  readonly css: string;
  readonly tag: string;
  readonly rounded: boolean;
}

function lookOf(context: ReportContext, elementRef: string): { text: string; look: Look } {
  const id = idFromEntityIdentifier(elementRef);
  const ref = id === undefined ? undefined : context.model.get(id);
  if (ref?.kind === 'organisation')
    return {
      text: context.name(ref.entity.id),
      look: { css: 'k-org', tag: context.t('organisation'), rounded: false },
    };
  if (ref?.kind === 'service')
    return { text: context.name(ref.entity.id), look: { css: 'k-service', tag: context.t('service'), rounded: true } };
  if (ref?.kind === 'system') {
    const platform = ref.entity.platform === true;
    const tag = platform ? `${ref.entity.class} · platform` : ref.entity.class;
    return {
      text: context.name(ref.entity.id),
      look: { css: ref.entity.class === 'TORI' ? 'k-tori' : 'k-tosi', tag, rounded: false },
    };
  }
  return { text: id ?? elementRef, look: { css: 'k-other', tag: '', rounded: false } };
}

/** Words of `text` in lines that fit `width` pixels, at most `max` lines (the last one cut with an ellipsis). */
function wrap(text: string, width: number, max: number): string[] {
  const perLine = Math.max(4, Math.floor((width - 8) / CHAR_WIDTH));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > perLine && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, max).map((l) => (l.length > perLine ? `${l.slice(0, perLine - 1)}…` : l));
  if (lines.length > max && kept.length > 0)
    kept[kept.length - 1] = `${(kept[kept.length - 1] as string).slice(0, perLine - 1)}…`;
  return kept;
}

function flatten(nodes: readonly ViewNodeSpec[], into: ViewNodeSpec[] = []): ViewNodeSpec[] {
  for (const node of nodes) {
    into.push(node);
    if (node.children) flatten(node.children, into);
  }
  return into;
}

/** Where the line from the centre of `node` toward `toward` leaves the node's box. */
function clip(node: ViewNodeSpec, toward: { x: number; y: number }): { x: number; y: number } {
  const cx = node.x + node.w / 2;
  const cy = node.y + node.h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx === 0 ? Infinity : node.w / 2 / Math.abs(dx), dy === 0 ? Infinity : node.h / 2 / Math.abs(dy));
  return t >= 1 ? { x: cx, y: cy } : { x: Math.round(cx + dx * t), y: Math.round(cy + dy * t) };
}

function relationText(context: ReportContext, relationshipRef: string): { text: string; integration: boolean } {
  const integration = idFromEntityIdentifier(relationshipRef);
  if (integration !== undefined)
    return { text: `${context.t('integration')}: ${context.name(integration)}`, integration: true };
  const type = relationshipRef.split('.')[1] ?? '';
  return { text: type, integration: false };
}

/** One view as an SVG element; `labelId` is the id of the heading that names it. */
export function diagramSvg(context: ReportContext, view: ViewSpec, labelId: string): string {
  const nodes = flatten(view.nodes);
  const byId = new Map(nodes.map((node) => [node.identifier, node]));
  const bends = view.connections.flatMap((connection) => connection.bendpoints ?? []);
  const width = Math.max(100, ...nodes.map((node) => node.x + node.w), ...bends.map((point) => point.x)) + 12;
  const height = Math.max(60, ...nodes.map((node) => node.y + node.h), ...bends.map((point) => point.y)) + 12;
  const marker = `${labelId}-arrow`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="diagram" role="img" aria-labelledby="${esc(labelId)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" data-width="${width}" font-size="${FONT_SIZE}">`,
    `<defs><marker id="${esc(marker)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>`,
  ];
  for (const node of nodes) {
    const { text, look } = lookOf(context, node.elementRef);
    const container = node.children !== undefined && node.children.length > 0;
    const lines = wrap(text, node.w, container ? 1 : Math.max(1, Math.floor((node.h - 16) / LINE_HEIGHT)));
    out.push(`<g class="node"><title>${esc(text)}${look.tag ? ` (${esc(look.tag)})` : ''}</title>`);
    out.push(
      `<rect x="${node.x}" y="${node.y}" width="${node.w}" height="${node.h}"${look.rounded ? ' rx="12"' : ''} class="${look.css}"/>`,
    );
    lines.forEach((line, index) => {
      out.push(
        `<text x="${node.x + node.w / 2}" y="${node.y + 15 + index * LINE_HEIGHT}" text-anchor="middle">${esc(line)}</text>`,
      );
    });
    if (look.tag && !container)
      out.push(
        `<text x="${node.x + node.w - 4}" y="${node.y + node.h - 4}" text-anchor="end" class="tag">${esc(look.tag)}</text>`,
      );
    out.push('</g>');
  }
  for (const connection of view.connections) {
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    if (!source || !target) continue;
    const points = connection.bendpoints ?? [];
    const first = points[0] ?? { x: target.x + target.w / 2, y: target.y + target.h / 2 };
    const last = points[points.length - 1] ?? { x: source.x + source.w / 2, y: source.y + source.h / 2 };
    const line = [clip(source, first), ...points, clip(target, last)].map((point) => `${point.x},${point.y}`).join(' ');
    const { text, integration } = relationText(context, connection.relationshipRef);
    // Integrations carry a tooltip of what flows; the other relations read from the boxes they join.
    out.push(
      integration
        ? `<polyline points="${line}" class="flow" marker-end="url(#${esc(marker)})"><title>${esc(text)}</title></polyline>`
        : `<polyline points="${line}" marker-end="url(#${esc(marker)})"/>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}
