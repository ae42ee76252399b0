/**
 * The view of a migration plan's waves, on a time line from left to right. Each wave's WorkPackage holds, nested,
 * one row per step: the system the step takes out of use, the step's own WorkPackage, and the system it brings
 * into use (or rehosts). The plateaus run along the top (baseline, after each wave, target). Bridge integrations
 * (between systems moved in different waves, kept alive across old and new) run below the waves.
 *
 * A time line is a fixed order, which a layered layout would not keep, so this view is placed on a grid; the
 * grid is built so that no line crosses a node: row connections are short and horizontal, and bridges leave
 * their wave sideways into the gap between waves and travel in lanes under all of them. Internal.
 */
import { QueryError } from '../../errors.js';
import type { Model } from '../../model/model.js';
import type { Integration } from '../../types.js';
import { entityIdentifier } from '../ids.js';
import type { PlanElement, PlanLayer, PlanRelationship } from '../plan.js';
import { centre, ViewDraft } from './draft.js';
import { MARGIN, type Box, type Point } from './layout.js';
import { ELEMENT_HEIGHT, ELEMENT_WIDTH, elementSize, label } from './size.js';
import type { ViewSpec } from './types.js';

const HEADER = 32;
const PAD = 14;
const ROW_GAP = 16;
const COLUMN_GAP = 50;
const WAVE_GAP = 90;
const LANE = 12;
const PLATEAU_ROW_GAP = 60;
const MIN_WAVE_WIDTH = 240;

interface Row {
  step: string;
  stepNode: string;
  left?: string;
  right?: string;
}

interface Wave {
  index: number;
  key: string;
  rows: Row[];
  box: Box;
  /** Column x offsets inside the wave. */
  columns: [number, number, number];
}

function property(element: PlanElement | undefined, name: string): string | undefined {
  const found = element?.properties.find(([key]) => key === name);
  return found === undefined ? undefined : String(found[1]);
}

export function wavesView(model: Model, layer: PlanLayer): ViewSpec | undefined {
  if (layer.waves.length === 0) return undefined;
  const draft = new ViewDraft(['waves']);
  const elements = new Map(layer.elements.map((e) => [e.identifier, e]));
  const between = new Map<string, PlanRelationship>();
  for (const r of layer.relationships) between.set(`${r.type}\u0000${r.source}\u0000${r.target}`, r);
  const fromSource = new Map<string, PlanRelationship[]>();
  for (const r of layer.relationships) fromSource.set(r.source, [...(fromSource.get(r.source) ?? []), r]);
  const systemName = (id: string) => label(model.system(id)?.name ?? id);
  const requireSystem = (id: string, step: string) => {
    if (!model.system(id))
      throw new QueryError(
        'entity.unknown',
        `plan step '${step}' names system '${id}', which does not exist in the model`,
        id,
      );
  };

  // Which step moves each system first, for bridges.
  const movedBy = new Map<string, { node: string; wave: number; side: 'left' | 'right' }>();
  const waves: Wave[] = [];
  for (const layerWave of [...layer.waves].sort((a, b) => a.index - b.index)) {
    const waveElement = elements.get(layerWave.workPackage);
    const key = `wave:${layerWave.index}`;
    draft.node(key, layerWave.workPackage, waveElement?.name ?? `Wave ${layerWave.index}`, ['wave', layerWave.index]);
    const rows: Row[] = [];
    for (const { step, workPackage } of layerWave.steps) {
      const element = elements.get(workPackage);
      const action = property(element, 'plan.action');
      const system = property(element, 'plan.system');
      const target = property(element, 'plan.target');
      if (system === undefined) continue;
      requireSystem(system, step);
      if (target !== undefined) requireSystem(target, step);
      const stepNode = `step:${step}`;
      draft.node(stepNode, workPackage, element?.name ?? step, ['step', step]);
      const row: Row = { step, stepNode };
      const related = fromSource.get(workPackage) ?? [];
      const rehost = action === 'rehost';
      const oldKey = `step:${step}:${rehost ? 'rehosted' : 'old'}`;
      draft.node(oldKey, entityIdentifier(system), systemName(system), ['step', step, rehost ? 'rehosted' : 'old']);
      if (rehost) row.right = oldKey;
      else row.left = oldKey;
      if (!movedBy.has(system))
        movedBy.set(system, { node: oldKey, wave: layerWave.index, side: rehost ? 'right' : 'left' });
      if (target !== undefined && !rehost) {
        const newKey = `step:${step}:new`;
        draft.node(newKey, entityIdentifier(target), systemName(target), ['step', step, 'new']);
        row.right = newKey;
      }
      // The step's relationships to its systems, as the plan layer wrote them.
      for (const relationship of related) {
        if (relationship.type === 'Realization' && row.right !== undefined) {
          draft.connect(['plan', relationship.identifier], relationship.identifier, stepNode, row.right);
        } else if (relationship.type === 'Association' && row.left !== undefined) {
          draft.connect(['plan', relationship.identifier], relationship.identifier, stepNode, row.left);
        }
      }
      rows.push(row);
    }
    waves.push({ index: layerWave.index, key, rows, box: { x: 0, y: 0, w: 0, h: 0 }, columns: [0, 0, 0] });
  }

  // Bridges: integrations between systems that steps in different waves move.
  const bridges: {
    integration: Integration;
    from: { node: string; wave: number; side: 'left' | 'right' };
    to: { node: string; wave: number; side: 'left' | 'right' };
  }[] = [];
  for (const integration of model.integrations()) {
    const from = movedBy.get(integration.source);
    const to = movedBy.get(integration.target);
    if (from && to && from.wave !== to.wave) bridges.push({ integration, from, to });
  }

  // Corridors: the gap a bridge end leaves its wave through (gap i lies left of the i-th wave, 0-based).
  const waveOrder = new Map(waves.map((w, i) => [w.index, i]));
  const gapOf = (end: { wave: number; side: 'left' | 'right' }) =>
    (waveOrder.get(end.wave) as number) + (end.side === 'right' ? 1 : 0);
  const slots = new Map<number, number>();
  const slotOf = bridges.map((b) => {
    const take = (gap: number) => {
      const n = slots.get(gap) ?? 0;
      slots.set(gap, n + 1);
      return n;
    };
    return [take(gapOf(b.from)), take(gapOf(b.to))] as const;
  });
  const gapWidth = (gap: number) => WAVE_GAP + LANE * (slots.get(gap) ?? 0);

  // Sizes: three columns per wave, all waves as tall as the tallest so the triggering lines run level.
  const size = (key: string | undefined) => (key === undefined ? undefined : draft.nodes.get(key));
  let height = 0;
  for (const wave of waves) {
    const leftW = Math.max(ELEMENT_WIDTH, ...wave.rows.map((r) => size(r.left)?.w ?? 0));
    const midW = Math.max(ELEMENT_WIDTH, ...wave.rows.map((r) => size(r.stepNode)?.w ?? 0));
    const rightW = Math.max(ELEMENT_WIDTH, ...wave.rows.map((r) => size(r.right)?.w ?? 0));
    const inner = leftW + COLUMN_GAP + midW + COLUMN_GAP + rightW;
    const w = Math.max(MIN_WAVE_WIDTH, size(wave.key)?.w ?? 0, inner + 2 * PAD);
    const extra = Math.floor((w - 2 * PAD - inner) / 2);
    wave.columns = [
      PAD + extra,
      PAD + extra + leftW + COLUMN_GAP,
      PAD + extra + leftW + COLUMN_GAP + midW + COLUMN_GAP,
    ];
    wave.box.w = w;
    height = Math.max(
      height,
      HEADER + wave.rows.length * ELEMENT_HEIGHT + Math.max(0, wave.rows.length - 1) * ROW_GAP + PAD,
    );
  }

  const boxes = new Map<string, Box>();
  const top = MARGIN + ELEMENT_HEIGHT + PLATEAU_ROW_GAP;
  const plateauCentres: number[] = [];
  let x = MARGIN + Math.max(ELEMENT_WIDTH / 2, gapWidth(0) / 2);
  plateauCentres.push(x);
  x += gapWidth(0) / 2;
  waves.forEach((wave, i) => {
    wave.box.x = Math.round(x);
    wave.box.y = top;
    wave.box.h = Math.max(height, ELEMENT_HEIGHT + HEADER);
    boxes.set(wave.key, { ...wave.box });
    wave.rows.forEach((row, r) => {
      const y = top + HEADER + r * (ELEMENT_HEIGHT + ROW_GAP);
      const place = (key: string | undefined, column: number) => {
        const node = size(key);
        if (key === undefined || !node) return;
        boxes.set(key, { x: wave.box.x + (wave.columns[column] as number), y, w: node.w, h: node.h });
      };
      place(row.left, 0);
      place(row.stepNode, 1);
      place(row.right, 2);
    });
    x = wave.box.x + wave.box.w + gapWidth(i + 1) / 2;
    plateauCentres.push(x);
    x += gapWidth(i + 1) / 2;
  });
  const wavesBottom = top + Math.max(...waves.map((w) => w.box.h));

  // Plateaus along the top, each above the gap after the wave it follows.
  const plateaus = [...layer.plateaus].sort((a, b) => a.after - b.after);
  const plateauKey = (after: number) => `plateau:${after}`;
  for (const plateau of plateaus) {
    const centreX =
      plateauCentres[waves.findIndex((w) => w.index === plateau.after) + 1] ??
      (plateau.after === 0 ? plateauCentres[0] : undefined);
    if (centreX === undefined) continue;
    const element = elements.get(plateau.identifier);
    const node = draft.node(
      plateauKey(plateau.after),
      plateau.identifier,
      element?.name ?? 'Plateau',
      ['plateau', plateau.after],
      {
        w: Math.min(elementSize(element?.name ?? '').w, WAVE_GAP + MIN_WAVE_WIDTH - 20),
        h: ELEMENT_HEIGHT,
      },
    );
    boxes.set(node.key, { x: Math.max(0, Math.round(centreX - node.w / 2)), y: MARGIN, w: node.w, h: node.h });
  }
  const connectIf = (
    type: PlanRelationship['type'],
    source: string,
    target: string,
    sourceKey: string,
    targetKey: string,
  ) => {
    const relationship = between.get(`${type}\u0000${source}\u0000${target}`);
    if (relationship && boxes.has(sourceKey) && boxes.has(targetKey))
      draft.connect(['plan', relationship.identifier], relationship.identifier, sourceKey, targetKey);
  };
  plateaus.forEach((plateau, i) => {
    const previous = plateaus[i - 1];
    if (previous)
      connectIf(
        'Triggering',
        previous.identifier,
        plateau.identifier,
        plateauKey(previous.after),
        plateauKey(plateau.after),
      );
    const wave = layer.waves.find((w) => w.index === plateau.after);
    if (wave)
      connectIf('Realization', wave.workPackage, plateau.identifier, `wave:${wave.index}`, plateauKey(plateau.after));
  });
  const sortedLayerWaves = [...layer.waves].sort((a, b) => a.index - b.index);
  // Wave to wave at the height of the wave titles, above every row, so it is never mistaken for a row's line.
  sortedLayerWaves.forEach((wave, i) => {
    const next = sortedLayerWaves[i + 1];
    if (!next) return;
    const before = boxes.get(`wave:${wave.index}`);
    const after = boxes.get(`wave:${next.index}`);
    const count = draft.connections.length;
    connectIf('Triggering', wave.workPackage, next.workPackage, `wave:${wave.index}`, `wave:${next.index}`);
    const connection = draft.connections[count];
    if (connection && before && after) {
      const y = before.y + Math.round(HEADER / 2);
      connection.bendpoints = [
        { x: before.x + before.w + 8, y },
        { x: after.x - 8, y },
      ];
    }
  });

  // Bridges: sideways out of the wave into a corridor, down to a lane of their own, across, and back up.
  const gapLeft = (gap: number) => {
    if (gap === 0) return (waves[0] as Wave).box.x - gapWidth(0);
    const before = waves[gap - 1] as Wave;
    return before.box.x + before.box.w;
  };
  bridges.forEach((bridge, lane) => {
    const [slotFrom, slotTo] = slotOf[lane] as readonly [number, number];
    const corridor = (gap: number, slot: number) => Math.max(0, Math.round(gapLeft(gap) + WAVE_GAP / 2 + slot * LANE));
    const laneY = wavesBottom + 24 + lane * LANE;
    const a = centre(boxes.get(bridge.from.node) as Box);
    const b = centre(boxes.get(bridge.to.node) as Box);
    const xa = corridor(gapOf(bridge.from), slotFrom);
    const xb = corridor(gapOf(bridge.to), slotTo);
    // Ends facing each other across one gap meet in it; others go round underneath.
    const points: Point[] =
      gapOf(bridge.from) === gapOf(bridge.to)
        ? [
            { x: xa, y: Math.round(a.y) },
            { x: xa, y: Math.round(b.y) },
          ]
        : [
            { x: xa, y: Math.round(a.y) },
            { x: xa, y: laneY },
            { x: xb, y: laneY },
            { x: xb, y: Math.round(b.y) },
          ];
    const connection = draft.flow(bridge.integration, bridge.from.node, bridge.to.node);
    connection.bendpoints = points;
  });

  const children = new Map<string, string[]>();
  for (const wave of waves) {
    children.set(
      wave.key,
      wave.rows.flatMap((r) => [r.left, r.stepNode, r.right].filter((k): k is string => k !== undefined)),
    );
  }
  const documentation =
    'The waves of the migration plan from left to right. In each wave, one row per step: the system it takes out of ' +
    'use, the step, and the system it brings into use or rehosts. Plateaus along the top; bridge integrations ' +
    `(${bridges.length}), between systems moved in different waves, below. Generated by Kartta.`;
  return draft.finish('Migration waves', documentation, boxes, children);
}
