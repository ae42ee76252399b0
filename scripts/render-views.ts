/**
 * Renders generated views as SVG, roughly as Archi draws them, to check a layout by eye:
 *   npx tsx scripts/render-views.ts examples/pohjois-pohjanmaa.json [examples/pohjois-pohjanmaa.plan.json] [outdir]
 * Writes one SVG per view (default into /tmp/kartta-views) and prints the paths.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Model, parsePlan, planMigration } from '../src/index.js';
import { buildViews } from '../src/archimate/views/index.js';
import type { ViewNodeSpec, ViewSpec } from '../src/archimate/views/types.js';
import { buildPlanLayer } from '../src/archimate/plan.js';
import { idFromEntityIdentifier } from '../src/archimate/ids.js';

const [modelPath, planPath, outDir = '/tmp/kartta-views'] = process.argv.slice(2);
if (!modelPath) {
  console.error('usage: tsx scripts/render-views.ts MODEL.json [PLAN.json] [OUTDIR]');
  process.exit(2);
}
const model = Model.load(readFileSync(modelPath, 'utf8'));
const planDocument = planPath ? parsePlan(model, readFileSync(planPath, 'utf8')) : undefined;
const plan = planDocument ? { document: planDocument, result: planMigration(model, planDocument) } : undefined;
const views = buildViews(model, plan ? { plan } : {});

const labels = new Map<string, { text: string; kind: string }>();
const nameOf = (name: unknown) =>
  typeof name === 'string'
    ? name
    : ((name as Record<string, string>).fi ?? Object.values(name as Record<string, string>)[0] ?? '');
for (const o of model.organisations()) labels.set(`id-${o.id}`, { text: nameOf(o.name), kind: 'actor' });
for (const s of model.services()) labels.set(`id-${s.id}`, { text: nameOf(s.name), kind: 'service' });
for (const s of model.systems()) labels.set(`id-${s.id}`, { text: nameOf(s.name), kind: 'component' });
if (plan) {
  for (const e of buildPlanLayer(model, plan.document, plan.result).elements)
    labels.set(e.identifier, { text: e.name, kind: e.type });
}
const fill: Record<string, string> = {
  actor: '#ffffb5',
  service: '#ffffb5',
  component: '#b5ffff',
  WorkPackage: '#ffe0e0',
  Plateau: '#e0ffe0',
  Gap: '#e0ffe0',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function wrap(text: string, width: number): string[] {
  const per = Math.max(4, Math.floor((width - 10) / 6.5));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > per && line) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines;
}

function render(view: ViewSpec): string {
  const all: ViewNodeSpec[] = [];
  const walk = (n: ViewNodeSpec) => {
    all.push(n);
    n.children?.forEach(walk);
  };
  view.nodes.forEach(walk);
  const byId = new Map(all.map((n) => [n.identifier, n]));
  const maxX =
    Math.max(...all.map((n) => n.x + n.w), ...view.connections.flatMap((c) => (c.bendpoints ?? []).map((p) => p.x))) +
    30;
  const maxY =
    Math.max(...all.map((n) => n.y + n.h), ...view.connections.flatMap((c) => (c.bendpoints ?? []).map((p) => p.y))) +
    30;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${maxX}" height="${maxY}" font-family="DejaVu Sans, sans-serif" font-size="11">`,
  ];
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(
    `<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>`,
  );
  for (const n of all) {
    const l = labels.get(n.elementRef) ?? { text: idFromEntityIdentifier(n.elementRef) ?? n.elementRef, kind: '?' };
    out.push(
      `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="${l.kind === 'service' || l.kind === 'WorkPackage' ? 10 : 0}" fill="${fill[l.kind] ?? '#eee'}" stroke="#555"/>`,
    );
    wrap(l.text, n.w)
      .slice(0, n.children ? 1 : 3)
      .forEach((line, i) => {
        out.push(`<text x="${n.x + n.w / 2}" y="${n.y + 15 + i * 14}" text-anchor="middle">${esc(line)}</text>`);
      });
  }
  const clip = (n: ViewNodeSpec, toward: { x: number; y: number }) => {
    const cx = n.x + n.w / 2;
    const cy = n.y + n.h / 2;
    const dx = toward.x - cx;
    const dy = toward.y - cy;
    if (dx === 0 && dy === 0) return { x: cx, y: cy };
    const t = Math.min(dx === 0 ? Infinity : n.w / 2 / Math.abs(dx), dy === 0 ? Infinity : n.h / 2 / Math.abs(dy));
    return t >= 1 ? { x: cx, y: cy } : { x: cx + dx * t, y: cy + dy * t };
  };
  for (const c of view.connections) {
    const s = byId.get(c.source)!;
    const t = byId.get(c.target)!;
    const bends = c.bendpoints ?? [];
    const first = bends[0] ?? { x: t.x + t.w / 2, y: t.y + t.h / 2 };
    const last = bends[bends.length - 1] ?? { x: s.x + s.w / 2, y: s.y + s.h / 2 };
    const pts = [clip(s, first), ...bends, clip(t, last)];
    const colour = c.relationshipRef.startsWith('id-')
      ? '#c00'
      : c.relationshipRef.startsWith('plan.')
        ? '#060'
        : '#333';
    out.push(
      `<polyline points="${pts.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="${colour}" marker-end="url(#a)"/>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

mkdirSync(outDir, { recursive: true });
for (const view of views) {
  const file = join(outDir, `${view.identifier}.svg`);
  writeFileSync(file, render(view));
  console.log(file, `${view.nodes.length} nodes, ${view.connections.length} connections`);
}
