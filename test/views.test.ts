import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KarttaError,
  Model,
  OptionError,
  QueryError,
  planMigration,
  toArchimateXml,
  type KarttaDocumentInput,
} from '../src/index.js';
import { buildPlanLayer, type ArchimatePlan, type ArchimatePlanResult, type PlanLayer } from '../src/archimate/plan.js';
import { buildViews } from '../src/archimate/views/index.js';
import type { ViewConnectionSpec, ViewNodeSpec, ViewSpec } from '../src/archimate/views/types.js';
import { generateRegionModel } from '../src/testing/index.js';
import {
  danglingReferences,
  disallowedRelationships,
  skipShared,
  parseExchange,
  schemaErrors,
} from './archimate-support.js';
import { smallRegion } from './fixtures.js';

// ---------------------------------------------------------------------------------------------------------------
// Independent checks of a view: geometry, references and directions, written from the exchange format's rules
// (not from the view code).

interface Placed {
  node: ViewNodeSpec;
  ancestors: string[];
}

function flatten(view: ViewSpec): Placed[] {
  const out: Placed[] = [];
  const walk = (node: ViewNodeSpec, ancestors: string[]) => {
    out.push({ node, ancestors });
    for (const child of node.children ?? []) walk(child, [...ancestors, node.identifier]);
  };
  for (const node of view.nodes) walk(node, []);
  return out;
}

function intersects(a: ViewNodeSpec, b: ViewNodeSpec): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Pairs of nodes that overlap although neither contains the other. */
function overlaps(view: ViewSpec): string[] {
  const all = flatten(view);
  const found: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.ancestors.includes(b.node.identifier) || b.ancestors.includes(a.node.identifier)) continue;
      if (intersects(a.node, b.node)) found.push(`${a.node.identifier} / ${b.node.identifier}`);
    }
  }
  return found;
}

/** Children that stick out of their parent. */
function escapedChildren(view: ViewSpec): string[] {
  const found: string[] = [];
  const walk = (node: ViewNodeSpec) => {
    for (const child of node.children ?? []) {
      if (
        child.x < node.x ||
        child.y < node.y ||
        child.x + child.w > node.x + node.w ||
        child.y + child.h > node.y + node.h
      )
        found.push(child.identifier);
      walk(child);
    }
  };
  view.nodes.forEach(walk);
  return found;
}

function isWhole(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min;
}

/** Does the segment p-q pass through the inside of the box (touching its border does not count)? */
function segmentCrosses(p: { x: number; y: number }, q: { x: number; y: number }, box: ViewNodeSpec): boolean {
  // Liang-Barsky clipping against the box shrunk by half a pixel.
  const [x0, y0, x1, y1] = [box.x + 0.5, box.y + 0.5, box.x + box.w - 0.5, box.y + box.h - 0.5];
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const edges: [number, number][] = [
    [-dx, p.x - x0],
    [dx, x1 - p.x],
    [-dy, p.y - y0],
    [dy, y1 - p.y],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const r = qq / pp;
      if (pp < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return t1 - t0 > 1e-9;
}

function centreOf(node: ViewNodeSpec) {
  return { x: node.x + node.w / 2, y: node.y + node.h / 2 };
}

/**
 * Connections drawn across a node that is not one of their ends. A line is drawn from its source's border
 * (Archi's chopbox anchor), so the ends' own boxes, what they contain and what contains them do not count;
 * `allowed` names further nodes a connection may pass (the platform an integration runs through).
 */
function linesThroughNodes(
  view: ViewSpec,
  allowed: (c: ViewConnectionSpec) => Set<string> = () => new Set(),
): string[] {
  const all = flatten(view);
  const byId = new Map(all.map((p) => [p.node.identifier, p]));
  const found: string[] = [];
  for (const connection of view.connections) {
    const source = byId.get(connection.source)!;
    const target = byId.get(connection.target)!;
    const related = (p: Placed, end: Placed) =>
      p.node.identifier === end.node.identifier ||
      p.ancestors.includes(end.node.identifier) ||
      end.ancestors.includes(p.node.identifier);
    const skip = allowed(connection);
    const points = [centreOf(source.node), ...(connection.bendpoints ?? []), centreOf(target.node)];
    for (const other of all) {
      if (related(other, source) || related(other, target) || skip.has(other.node.elementRef)) continue;
      for (let i = 0; i + 1 < points.length; i++) {
        if (segmentCrosses(points[i]!, points[i + 1]!, other.node)) {
          found.push(`${connection.identifier} crosses ${other.node.identifier}`);
          break;
        }
      }
    }
  }
  return found;
}

// The exchange identifiers, spelled out here as the exporter documents them (ids made of letters, digits and
// '-' need no escaping).
const element = (id: string) => `id-${id}`;
const relationshipId = (type: string, from: string, to: string) => `rel.${type}.${from}.${to}`;
/** Relation types whose ArchiMate relationship runs from `to` to `from` (Serving from the used component, ...). */
const REVERSED = new Set(['memberOf', 'uses', 'dependsOn']);

interface Ends {
  source: string;
  target: string;
}

/** Every relationship a view may show, with its ends as element identifiers. */
function relationshipsOf(model: Model, layer?: PlanLayer): Map<string, Ends> {
  const map = new Map<string, Ends>();
  for (const r of model.relations()) {
    const [from, to] = REVERSED.has(r.type) ? [r.to, r.from] : [r.from, r.to];
    map.set(relationshipId(r.type, r.from, r.to), { source: element(from), target: element(to) });
  }
  for (const i of model.integrations())
    map.set(element(i.id), { source: element(i.source), target: element(i.target) });
  for (const r of layer?.relationships ?? []) map.set(r.identifier, { source: r.source, target: r.target });
  return map;
}

function elementsOf(model: Model, layer?: PlanLayer): Set<string> {
  const ids = [...model.organisations(), ...model.services(), ...model.systems()].map((e) => element(e.id));
  return new Set([...ids, ...(layer?.elements.map((e) => e.identifier) ?? [])]);
}

/** Everything that must hold of every generated view; returns the problems found. */
function problems(model: Model, views: ViewSpec[], layer?: PlanLayer): string[] {
  const out: string[] = [];
  const elements = elementsOf(model, layer);
  const relationships = relationshipsOf(model, layer);
  const identifiers = new Set<string>();
  const unique = (id: string) => {
    if (identifiers.has(id)) out.push(`identifier ${id} twice`);
    identifiers.add(id);
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id)) out.push(`identifier ${id} is not an NCName`);
  };
  for (const view of views) {
    unique(view.identifier);
    const all = flatten(view);
    const nodes = new Map(all.map((p) => [p.node.identifier, p.node]));
    for (const { node } of all) {
      unique(node.identifier);
      if (!isWhole(node.x, 0) || !isWhole(node.y, 0) || !isWhole(node.w, 1) || !isWhole(node.h, 1))
        out.push(`${node.identifier} bounds not whole`);
      if (!elements.has(node.elementRef)) out.push(`${node.identifier} shows unknown element ${node.elementRef}`);
      if (!node.children && (node.w < 120 || node.h !== 55))
        out.push(`${node.identifier} is ${node.w}x${node.h}, not Archi's element size`);
    }
    for (const c of view.connections) {
      unique(c.identifier);
      const source = nodes.get(c.source);
      const target = nodes.get(c.target);
      if (!source || !target) {
        out.push(`${c.identifier} joins a node not in ${view.identifier}`);
        continue;
      }
      const ends = relationships.get(c.relationshipRef);
      if (!ends) out.push(`${c.identifier} shows unknown relationship ${c.relationshipRef}`);
      else if (ends.source !== source.elementRef || ends.target !== target.elementRef) {
        out.push(
          `${c.identifier} runs ${source.elementRef} -> ${target.elementRef}, its relationship ${ends.source} -> ${ends.target}`,
        );
      }
      for (const p of c.bendpoints ?? [])
        if (!isWhole(p.x, 0) || !isWhole(p.y, 0)) out.push(`${c.identifier} bend point not whole`);
    }
    out.push(...overlaps(view).map((o) => `${view.identifier}: overlap ${o}`));
    out.push(...escapedChildren(view).map((o) => `${view.identifier}: ${o} sticks out of its parent`));
  }
  const sorted = views.map((v) => v.identifier);
  if (JSON.stringify(sorted) !== JSON.stringify([...sorted].sort())) out.push('views not sorted by identifier');
  return out;
}

/** The platforms integrations run through, as elements a view's line may pass. */
function viaPlatforms(model: Model) {
  return (c: ViewConnectionSpec) => {
    const id = c.relationshipRef.startsWith('id-') ? c.relationshipRef.slice(3) : undefined;
    const via = id === undefined ? undefined : model.integration(id)?.via;
    return new Set(via === undefined ? [] : [element(via)]);
  };
}

function nodeOf(view: ViewSpec, elementRef: string): ViewNodeSpec {
  const found = flatten(view).filter((p) => p.node.elementRef === elementRef);
  expect(found, `${elementRef} in ${view.identifier}`).toHaveLength(1);
  return found[0]!.node;
}

function connectionOf(view: ViewSpec, relationshipRef: string): ViewConnectionSpec {
  const found = view.connections.filter((c) => c.relationshipRef === relationshipRef);
  expect(found, `${relationshipRef} in ${view.identifier}`).toHaveLength(1);
  return found[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

/** One organisation with four systems: integrations (two between one pair), support, ownership and use. */
function landscapeDoc(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: 'Demo',
    organisations: [
      { id: 'kempele', kind: 'municipality', name: 'Kempele' },
      { id: 'oulu', kind: 'municipality', name: 'Oulu' },
    ],
    services: [
      { id: 'payroll', name: 'Palkanlaskenta', domain: 'administration' },
      { id: 'finance', name: 'Taloushallinto', domain: 'administration' },
    ],
    systems: [
      { id: 'personec', name: 'Personec F (Kempele)', class: 'TORI', lifecycle: 'production' },
      { id: 'proe', name: 'ProE (Kempele)', class: 'TORI', lifecycle: 'production' },
      { id: 'basware', name: 'Basware (Kempele)', class: 'TORI', lifecycle: 'production' },
      { id: 'esko', name: 'Esko (PPSHP)', class: 'TOSI', lifecycle: 'production' },
      { id: 'old', name: 'Vanha', class: 'TORI', lifecycle: 'retired' },
      { id: 'oulu-only', name: 'Oulun järjestelmä', class: 'TORI', lifecycle: 'production' },
    ],
    integrations: [
      { id: 'i-pay-1', source: 'personec', target: 'proe', data: 'salaries' },
      { id: 'i-pay-2', source: 'personec', target: 'proe', data: 'cost centres' },
      { id: 'i-inv', source: 'basware', target: 'proe' },
      { id: 'i-outside', source: 'proe', target: 'oulu-only' },
      { id: 'i-old', source: 'old', target: 'proe' },
    ],
    relations: [
      { type: 'owns', from: 'kempele', to: 'personec' },
      { type: 'uses', from: 'kempele', to: 'personec', users: 40 },
      { type: 'owns', from: 'kempele', to: 'proe' },
      { type: 'owns', from: 'kempele', to: 'basware' },
      { type: 'owns', from: 'kempele', to: 'old' },
      { type: 'uses', from: 'kempele', to: 'esko', users: 200 },
      { type: 'owns', from: 'oulu', to: 'oulu-only' },
      { type: 'supports', from: 'personec', to: 'payroll' },
      { type: 'supports', from: 'proe', to: 'finance' },
      { type: 'supports', from: 'basware', to: 'finance' },
    ],
  };
}

/** Primary care in parallel: Esko against two Lifecare installations, one pair direct, one through a platform. */
function parallelDoc(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: 'Parallel',
    organisations: [{ id: 'pop', kind: 'region', name: 'POP' }],
    services: [{ id: 'primary-care', name: 'Perusterveydenhuolto', domain: 'health' }],
    systems: [
      { id: 'esko', name: 'Esko', class: 'TOSI', product: 'Esko', lifecycle: 'production' },
      { id: 'lc-a', name: 'Lifecare A', class: 'TOSI', product: 'Lifecare', lifecycle: 'production' },
      { id: 'lc-b', name: 'Lifecare B', class: 'TOSI', product: 'Lifecare', lifecycle: 'phasingOut' },
      { id: 'esb', name: 'ESB', class: 'TORI', lifecycle: 'production', platform: true },
    ],
    integrations: [
      { id: 'i-direct', source: 'esko', target: 'lc-a', direction: 'twoWay' },
      { id: 'i-via', source: 'lc-b', target: 'esko', via: 'esb' },
    ],
    relations: [
      { type: 'owns', from: 'pop', to: 'esko' },
      { type: 'owns', from: 'pop', to: 'lc-a' },
      { type: 'owns', from: 'pop', to: 'lc-b' },
      { type: 'owns', from: 'pop', to: 'esb' },
      { type: 'supports', from: 'esko', to: 'primary-care' },
      { type: 'supports', from: 'lc-a', to: 'primary-care' },
      { type: 'supports', from: 'lc-b', to: 'primary-care' },
    ],
  };
}

/** A plan in two waves over the landscape fixture: one bridge (basware -> proe moves in different waves). */
function wavesFixture(): { model: Model; plan: ArchimatePlan; result: ArchimatePlanResult } {
  const doc = landscapeDoc();
  doc.systems!.push({ id: 'pop-fin', name: 'Alueen taloushallinto', class: 'TORI', lifecycle: 'planned' });
  doc.relations!.push({ type: 'replaces', from: 'pop-fin', to: 'proe' });
  const plan: ArchimatePlan = {
    start: '2019-01-01',
    waveMonths: 6,
    steps: [
      { id: 'fin', action: 'replace', system: 'proe', target: 'pop-fin' },
      { id: 'inv', action: 'retire', system: 'basware' },
      { id: 'esb', action: 'rehost', system: 'esko' },
    ],
  };
  const result: ArchimatePlanResult = {
    waves: [
      { index: 1, start: '2019-01-01', end: '2019-06-30', steps: ['esb', 'fin'] },
      { index: 2, start: '2019-07-01', end: '2019-12-31', steps: ['inv'] },
    ],
  };
  return { model: Model.load(doc), plan, result };
}

function shuffled<T>(items: readonly T[] | undefined, seed: number): T[] {
  const out = [...(items ?? [])];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shuffledDoc(doc: KarttaDocumentInput, seed: number): KarttaDocumentInput {
  return {
    ...doc,
    products: shuffled(doc.products, seed),
    organisations: shuffled(doc.organisations, seed + 1),
    services: shuffled(doc.services, seed + 2),
    systems: shuffled(doc.systems, seed + 3),
    integrations: shuffled(doc.integrations, seed + 4),
    relations: shuffled(doc.relations, seed + 5),
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe('buildViews: landscapes', () => {
  it('makes one landscape per organisation that owns or uses a system in scope, and no view for the others', () => {
    const model = Model.load(smallRegion());
    const views = buildViews(model);
    // oulu (lifecare-oulu; old-ppj is retired), ja, pyhajarvi (uses), kajaani, pop (esb); no parallel group:
    // only one system supports primary care.
    expect(views.map((v) => v.identifier)).toEqual([
      'view.landscape.ja',
      'view.landscape.kajaani',
      'view.landscape.oulu',
      'view.landscape.pop',
      'view.landscape.pyhajarvi',
    ]);
    expect(problems(model, views)).toEqual([]);
  });

  it('shows the organisation, its systems, the services they support and the integrations among them', () => {
    const model = Model.load(landscapeDoc());
    const view = buildViews(model, { landscapes: ['kempele'], parallel: false })[0]!;
    expect(view.identifier).toBe('view.landscape.kempele');
    expect(view.name).toBe('Kempele: system landscape');
    expect(view.nodes.map((n) => n.elementRef).sort()).toEqual(
      ['kempele', 'personec', 'proe', 'basware', 'esko', 'payroll', 'finance'].map(element).sort(),
    );
    // The retired system, Oulu's system and the integrations that leave the landscape are not shown.
    expect(view.connections.map((c) => c.relationshipRef).sort()).toEqual(
      [
        relationshipId('owns', 'kempele', 'personec'),
        relationshipId('owns', 'kempele', 'proe'),
        relationshipId('owns', 'kempele', 'basware'),
        // Kempele owns and uses personec: the ownership line is drawn, the use line only where not owned.
        relationshipId('uses', 'kempele', 'esko'),
        relationshipId('supports', 'personec', 'payroll'),
        relationshipId('supports', 'proe', 'finance'),
        relationshipId('supports', 'basware', 'finance'),
        element('i-pay-1'),
        element('i-pay-2'),
        element('i-inv'),
      ].sort(),
    );
    expect(problems(model, [view])).toEqual([]);
    expect(linesThroughNodes(view)).toEqual([]);
  });

  it('draws use the way ArchiMate reads it (the component serves the organisation) and owns from the organisation', () => {
    const model = Model.load(landscapeDoc());
    const view = buildViews(model, { landscapes: ['kempele'], parallel: false })[0]!;
    const uses = connectionOf(view, relationshipId('uses', 'kempele', 'esko'));
    expect(uses.source).toBe(nodeOf(view, element('esko')).identifier);
    expect(uses.target).toBe(nodeOf(view, element('kempele')).identifier);
    const owns = connectionOf(view, relationshipId('owns', 'kempele', 'proe'));
    expect(owns.source).toBe(nodeOf(view, element('kempele')).identifier);
  });

  it('reads left to right: organisation, then systems, then services', () => {
    const model = Model.load(landscapeDoc());
    const view = buildViews(model, { landscapes: ['kempele'], parallel: false })[0]!;
    const org = nodeOf(view, element('kempele'));
    const systems = ['personec', 'proe', 'basware', 'esko'].map((id) => nodeOf(view, element(id)));
    const services = ['payroll', 'finance'].map((id) => nodeOf(view, element(id)));
    for (const system of systems) expect(system.x).toBeGreaterThanOrEqual(org.x + org.w);
    for (const service of services)
      for (const system of systems) expect(service.x).toBeGreaterThanOrEqual(system.x + system.w);
  });

  it('keeps two integrations between the same systems apart', () => {
    const model = Model.load(landscapeDoc());
    const view = buildViews(model, { landscapes: ['kempele'], parallel: false })[0]!;
    const a = connectionOf(view, element('i-pay-1'));
    const b = connectionOf(view, element('i-pay-2'));
    expect(a.source).toBe(b.source);
    expect(a.target).toBe(b.target);
    expect(JSON.stringify(a.bendpoints ?? [])).not.toBe(JSON.stringify(b.bendpoints ?? []));
  });
});

describe('buildViews: parallel groups', () => {
  it('shows the service, the systems of different products, their integrations and the platform', () => {
    const model = Model.load(parallelDoc());
    const views = buildViews(model, { landscapes: false });
    expect(views.map((v) => v.identifier)).toEqual(['view.parallel.primary-care']);
    const view = views[0]!;
    expect(view.name).toBe('Perusterveydenhuolto: parallel systems');
    expect(view.nodes.map((n) => n.elementRef).sort()).toEqual(
      ['primary-care', 'esko', 'lc-a', 'lc-b', 'esb'].map(element).sort(),
    );
    expect(view.connections.map((c) => c.relationshipRef).sort()).toEqual(
      [
        relationshipId('supports', 'esko', 'primary-care'),
        relationshipId('supports', 'lc-a', 'primary-care'),
        relationshipId('supports', 'lc-b', 'primary-care'),
        element('i-direct'),
        element('i-via'),
      ].sort(),
    );
    expect(view.documentation).toContain('Esko – Lifecare A: direct: i-direct');
    expect(view.documentation).toContain('Esko – Lifecare B: platform: i-via');
    expect(problems(model, views)).toEqual([]);
    expect(linesThroughNodes(view, viaPlatforms(model))).toEqual([]);
  });

  it('puts the service on top and routes an integration through its platform', () => {
    const model = Model.load(parallelDoc());
    const view = buildViews(model, { landscapes: false })[0]!;
    const service = nodeOf(view, element('primary-care'));
    for (const id of ['esko', 'lc-a', 'lc-b', 'esb'])
      expect(nodeOf(view, element(id)).y).toBeGreaterThanOrEqual(service.y + service.h);
    const esb = nodeOf(view, element('esb'));
    const via = connectionOf(view, element('i-via'));
    // One bend point on the platform's top or bottom border, in the middle.
    const onPlatform = (via.bendpoints ?? []).filter(
      (p) => p.x === esb.x + esb.w / 2 && (p.y === esb.y || p.y === esb.y + esb.h),
    );
    expect(onPlatform.length).toBeGreaterThanOrEqual(1);
  });

  it('leaves parallel groups out with parallel: false', () => {
    const model = Model.load(parallelDoc());
    expect(buildViews(model, { parallel: false }).map((v) => v.identifier)).toEqual(['view.landscape.pop']);
  });
});

describe('buildViews: migration waves', () => {
  it('nests each step in its wave, with the systems it retires and realises, plateaus and bridges', () => {
    const { model, plan, result } = wavesFixture();
    const views = buildViews(model, { landscapes: false, parallel: false, plan: { document: plan, result } });
    expect(views.map((v) => v.identifier)).toEqual(['view.waves']);
    const view = views[0]!;
    const layer = buildPlanLayer(model, plan, result);
    expect(problems(model, views, layer)).toEqual([]);
    expect(linesThroughNodes(view)).toEqual([]);

    // Two waves, left to right, each holding its steps with their systems.
    const waves = view.nodes.filter((n) => n.children);
    expect(waves.map((n) => n.elementRef)).toEqual(['plan.wave.1', 'plan.wave.2']);
    const [w1, w2] = waves as [ViewNodeSpec, ViewNodeSpec];
    expect(w2.x).toBeGreaterThanOrEqual(w1.x + w1.w);
    expect(w1.children!.map((n) => n.elementRef).sort()).toEqual(
      ['plan.step.esb', 'plan.step.fin', element('esko'), element('proe'), element('pop-fin')].sort(),
    );
    expect(w2.children!.map((n) => n.elementRef).sort()).toEqual(['plan.step.inv', element('basware')].sort());

    // The step's relationships as the plan layer writes them: realises the new system, retires the old one.
    const refs = view.connections.map((c) => c.relationshipRef);
    expect(refs).toContain('plan.realization.step.fin.pop-fin');
    expect(refs).toContain('plan.association.step.fin.proe');
    expect(refs).toContain('plan.realization.step.esb.esko');
    expect(refs).toContain('plan.association.step.inv.basware');
    expect(refs).toContain('plan.triggering.wave.1');
    // Plateaus along the top: baseline, after wave 1, target.
    const plateaus = view.nodes.filter((n) => n.elementRef.startsWith('plan.plateau.'));
    expect(plateaus.map((n) => n.elementRef).sort()).toEqual([
      'plan.plateau.baseline',
      'plan.plateau.target',
      'plan.plateau.wave.1',
    ]);
    const plateauX = (ref: string) => plateaus.find((n) => n.elementRef === ref)!.x;
    expect(plateauX('plan.plateau.baseline')).toBeLessThan(plateauX('plan.plateau.wave.1'));
    expect(plateauX('plan.plateau.wave.1')).toBeLessThan(plateauX('plan.plateau.target'));
    for (const plateau of plateaus) expect(plateau.y + plateau.h).toBeLessThanOrEqual(w1.y);
    // The bridge: basware (wave 2) -> proe (wave 1) is kept alive between the waves; it runs below them.
    const bridge = connectionOf(view, element('i-inv'));
    expect(bridge.source).toBe(w2.children!.find((n) => n.elementRef === element('basware'))!.identifier);
    expect(bridge.target).toBe(w1.children!.find((n) => n.elementRef === element('proe'))!.identifier);
    expect(Math.max(...bridge.bendpoints!.map((p) => p.y))).toBeGreaterThan(Math.max(w1.y + w1.h, w2.y + w2.h));
    // Not bridges: integrations where only one end moves.
    expect(refs).not.toContain(element('i-pay-1'));
  });

  it('takes the plan layer the exporter writes, with just the result as plan', () => {
    const { model, plan, result } = wavesFixture();
    const layer = buildPlanLayer(model, plan, result);
    const fromLayer = buildViews(model, { landscapes: false, parallel: false, plan: result, planElements: layer });
    const fromPlan = buildViews(model, { landscapes: false, parallel: false, plan: { document: plan, result } });
    expect(fromLayer).toEqual(fromPlan);
  });

  it('makes no waves view without a plan', () => {
    const { model } = wavesFixture();
    expect(buildViews(model).some((v) => v.identifier === 'view.waves')).toBe(false);
  });
});

describe('buildViews: options and errors', () => {
  const model = Model.load(smallRegion());

  it('selects landscapes by organisation, or none', () => {
    expect(buildViews(model, { landscapes: ['oulu', 'kajaani'] }).map((v) => v.identifier)).toEqual([
      'view.landscape.kajaani',
      'view.landscape.oulu',
    ]);
    expect(buildViews(model, { landscapes: false })).toEqual([]);
    // Listed explicitly, an organisation without systems still gets its (nearly empty) landscape.
    const empty = Model.load({
      format: 'kartta/1',
      name: 'X',
      organisations: [{ id: 'solo', kind: 'company', name: 'Solo' }],
    });
    expect(buildViews(empty, { landscapes: ['solo'] })[0]!.nodes.map((n) => n.elementRef)).toEqual([element('solo')]);
  });

  it('limits landscapes to the scope', () => {
    // kajaani is not a member of pop.
    expect(buildViews(model, { scope: 'pop' }).map((v) => v.identifier)).toEqual([
      'view.landscape.ja',
      'view.landscape.oulu',
      'view.landscape.pop',
      'view.landscape.pyhajarvi',
    ]);
  });

  const code = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf((error as KarttaError).code === 'option.invalid' ? OptionError : QueryError);
      return (error as KarttaError).code;
    }
    return 'no error';
  };

  it('rejects bad options with typed errors', () => {
    expect(code(() => buildViews(model, { landscapes: ['primary-care'] }))).toBe('entity.wrong-kind');
    expect(code(() => buildViews(model, { landscapes: ['nobody'] }))).toBe('entity.unknown');
    expect(code(() => buildViews(model, { scope: 'pop', landscapes: ['kajaani'] }))).toBe('option.invalid');
    expect(code(() => buildViews(model, { landscapes: 'oulu' as never }))).toBe('option.invalid');
    expect(code(() => buildViews(model, { parallel: 'yes' as never }))).toBe('option.invalid');
    expect(code(() => buildViews(model, { scope: 'nowhere' }))).toBe('scope.unknown');
    expect(code(() => buildViews(model, { scope: 'oulu-system' }))).toBe('scope.unknown');
    expect(code(() => buildViews(model, { colour: true } as never))).toBe('option.invalid');
    expect(code(() => buildViews(model, { plan: { waves: [] } }))).toBe('option.invalid');
    expect(
      code(() => buildViews(model, { plan: { document: { steps: [{ id: 's' }] }, result: { waves: [] } } as never })),
    ).toBe('option.invalid');
    expect(code(() => buildViews(model, { planElements: {} as never }))).toBe('option.invalid');
    expect(() => buildViews(model, { scope: 'pop', landscapes: ['kajaani'] })).toThrow(
      expect.objectContaining({ option: 'landscapes', id: 'kajaani' }),
    );
    expect(() => buildViews(model, { parallell: false } as never)).toThrow(
      "buildViews: 'parallell' is not an option; did you mean 'parallel'?",
    );
  });

  it('names a plan step whose system is not in the model', () => {
    const plan: ArchimatePlan = { steps: [{ id: 'x', action: 'retire', system: 'ghost' }] };
    expect(
      code(() => buildViews(model, { plan: { document: plan, result: { waves: [{ index: 1, steps: ['x'] }] } } })),
    ).toBe('entity.unknown');
  });
});

describe('buildViews: determinism and laws', () => {
  it('gives identical views for the same model written in any order', () => {
    const { plan, result } = wavesFixture();
    const docs = [landscapeDoc(), parallelDoc(), smallRegion()];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 2 }), (seed, which) => {
        const doc = docs[which]!;
        const withPlan = which === 0 ? { plan: { document: plan, result } } : {};
        if (which === 0) {
          doc.systems = [
            ...(doc.systems ?? []).filter((s) => s.id !== 'pop-fin'),
            { id: 'pop-fin', name: 'Alueen taloushallinto', class: 'TORI', lifecycle: 'planned' },
          ];
        }
        const a = buildViews(Model.load(doc), withPlan);
        const b = buildViews(Model.load(shuffledDoc(doc, seed)), withPlan);
        expect(b).toEqual(a);
      }),
      { numRuns: 25 },
    );
  });

  it('holds every rule on generated regions: no overlaps, no line across a node, references and directions right', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const model = Model.load(generateRegionModel({ seed, systems: 40 }));
        const views = buildViews(model);
        expect(views.length).toBeGreaterThan(0);
        expect(problems(model, views)).toEqual([]);
        for (const view of views) expect(linesThroughNodes(view, viaPlatforms(model))).toEqual([]);
        // Shuffled, the same views.
        expect(buildViews(Model.load(shuffledDoc(model.toJSON(), seed)))).toEqual(views);
      }),
      { numRuns: 6 },
    );
  });
});

describe('buildViews: the sample region', () => {
  const model = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
  const plan = JSON.parse(
    readFileSync(new URL('../examples/pohjois-pohjanmaa.plan.json', import.meta.url), 'utf8'),
  ) as ArchimatePlan;
  const result = planMigration(model, plan);
  const views = buildViews(model, { scope: 'pop', plan: { document: plan, result } });

  it('has a landscape for Oulu, a view per parallel group and the waves', () => {
    const ids = views.map((v) => v.identifier);
    expect(ids).toContain('view.landscape.oulu');
    expect(ids).toContain('view.parallel.primary-care');
    expect(ids).toContain('view.waves');
  });

  it('keeps every rule in every view', () => {
    expect(problems(model, views, buildPlanLayer(model, plan, result))).toEqual([]);
    for (const view of views) expect(linesThroughNodes(view, viaPlatforms(model)), view.identifier).toEqual([]);
  });

  it('shows every wave of the plan, each step once', () => {
    const waves = views.find((v) => v.identifier === 'view.waves')!;
    const steps = waves.nodes.flatMap((n) => n.children ?? []).filter((n) => n.elementRef.startsWith('plan.step.'));
    expect(steps.map((n) => n.elementRef).sort()).toEqual(plan.steps.map((s) => `plan.step.${s.id}`).sort());
    expect(waves.nodes.filter((n) => n.children).length).toBe(result.waves.filter((w) => w.steps.length > 0).length);
  });
});

describe('buildViews: written by the exporter', () => {
  const model = Model.load(readFileSync(new URL('../examples/pohjois-pohjanmaa.json', import.meta.url), 'utf8'));
  const plan = JSON.parse(
    readFileSync(new URL('../examples/pohjois-pohjanmaa.plan.json', import.meta.url), 'utf8'),
  ) as ArchimatePlan;
  const result = planMigration(model, plan);
  const views = buildViews(model, { plan: { document: plan, result } });
  const xml = toArchimateXml(model, { plan, planResult: result, diagrams: views });

  it("every node shows an exported element and every connection its relationship's own ends, in its direction", () => {
    const file = parseExchange(xml);
    expect(file.views.map((v) => v.identifier)).toEqual(views.map((v) => v.identifier));
    const elements = new Set(file.elements.map((e) => e.identifier));
    const relationships = new Map(file.relationships.map((r) => [r.identifier, r]));
    const wrong: string[] = [];
    for (const view of file.views) {
      const shown = new Map(view.nodes.map((n) => [n.identifier, n.elementRef]));
      for (const node of view.nodes)
        if (!elements.has(node.elementRef ?? '')) wrong.push(`${node.identifier} -> ${node.elementRef}`);
      for (const c of view.connections) {
        const r = relationships.get(c.relationshipRef ?? '');
        if (!r || r.source !== shown.get(c.source) || r.target !== shown.get(c.target)) wrong.push(c.identifier);
      }
    }
    expect(wrong).toEqual([]);
    expect(danglingReferences(file)).toEqual([]);
  });

  it.skipIf(skipShared)(
    'validates against the Open Group schema and uses only allowed relationships (needs ../shared)',
    async () => {
      expect(await schemaErrors(xml)).toEqual([]);
      expect(disallowedRelationships(parseExchange(xml))).toEqual([]);
    },
  );
});
