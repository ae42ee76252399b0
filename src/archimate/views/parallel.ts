/**
 * The view of one parallel group: the service at the top, the systems of different products that support it,
 * the integrations that join them and the platforms they run through. An integration `via` a platform is drawn
 * through the platform: from its source down to the platform's border and on to its target, so the platform
 * reads as the bus the data passes. Internal.
 */
import type { Model } from '../../model/model.js';
import type { ParallelGroup } from '../../queries/parallel.js';
import type { Integration } from '../../types.js';
import { entityIdentifier } from '../ids.js';
import { centre, ViewDraft, type DraftConnection } from './draft.js';
import { layered, type Box, type LayoutEdge, type Point } from './layout.js';
import { label } from './size.js';
import type { ViewSpec } from './types.js';

/** What the view reads of a parallel group. */
export type ParallelGroupInput = Pick<ParallelGroup, 'service' | 'systems' | 'pairs'>;

export function parallelView(model: Model, group: ParallelGroupInput): ViewSpec {
  const serviceName = label(model.service(group.service)?.name ?? group.service);
  const draft = new ViewDraft(['parallel', group.service]);
  const edges: LayoutEdge[] = [];
  const layoutEdge = (source: string, target: string, weight = 1) =>
    edges.push({ key: `e${edges.length}`, source, target, weight });
  const systemName = (id: string) => label(model.system(id)?.name ?? id);

  draft.node(group.service, entityIdentifier(group.service), serviceName);
  const systems = [...group.systems].sort();
  const platforms = [...new Set(group.pairs.flatMap((pair) => pair.platforms))].sort();
  for (const id of [...systems, ...platforms]) draft.node(id, entityIdentifier(id), systemName(id));

  // Supports, drawn from each system up to the service; the layout edge runs service -> system so the service
  // takes the top rank.
  const routed: { connection: DraftConnection; edge: string; reversed: boolean }[] = [];
  for (const id of systems) {
    for (const relation of model.relationsOut(id, 'supports')) {
      if (relation.to !== group.service) continue;
      const connection = draft.relation(relation);
      layoutEdge(group.service, id, 2);
      routed.push({ connection, edge: `e${edges.length - 1}`, reversed: true });
    }
  }

  const integrations = [...new Set(group.pairs.flatMap((pair) => pair.integrations))]
    .sort()
    .map((id) => model.integration(id))
    .filter((i): i is Integration => i !== undefined && draft.nodes.has(i.source) && draft.nodes.has(i.target));
  const hubs: { connection: DraftConnection; hub: string; from: string; to: string }[] = [];
  for (const integration of integrations) {
    const connection = draft.flow(integration);
    if (
      integration.via !== undefined &&
      draft.nodes.has(integration.via) &&
      integration.via !== integration.source &&
      integration.via !== integration.target
    ) {
      // Both ends lead to the platform; the Flow is drawn as the two routes joined on the platform's border.
      layoutEdge(integration.source, integration.via);
      layoutEdge(integration.target, integration.via);
      hubs.push({ connection, hub: integration.via, from: `e${edges.length - 2}`, to: `e${edges.length - 1}` });
    } else {
      const platformEnd = platforms.includes(integration.target) || platforms.includes(integration.source);
      const [from, to] =
        platforms.includes(integration.source) && !platforms.includes(integration.target)
          ? [integration.target, integration.source]
          : [integration.source, integration.target];
      layoutEdge(from, to, platformEnd ? 1 : 2);
      routed.push({ connection, edge: `e${edges.length - 1}`, reversed: from !== integration.source });
    }
  }

  const nodes = [...draft.nodes.values()].map((n) => ({ key: n.key, w: n.w, h: n.h }));
  const { boxes, routes } = layered(nodes, edges, { rankdir: 'TB', nodesep: 50, ranksep: 80 });
  for (const { connection, edge, reversed } of routed) {
    const route = routes.get(edge);
    if (route) connection.bendpoints = reversed ? [...route].reverse() : route;
  }
  for (const { connection, hub, from, to } of hubs) {
    const box = boxes.get(hub) as Box;
    const touch = (end: string): Point => {
      const c = centre(boxes.get(end) as Box);
      return { x: Math.round(box.x + box.w / 2), y: c.y < box.y ? box.y : box.y + box.h };
    };
    const first = touch(connection.source);
    const second = touch(connection.target);
    const joint = first.x === second.x && first.y === second.y ? [first] : [first, second];
    connection.bendpoints = [...(routes.get(from) ?? []), ...joint, ...[...(routes.get(to) ?? [])].reverse()];
  }

  const lines = group.pairs.map((pair) => {
    const [a, b] = pair.systems;
    const how =
      pair.status === 'none' ? 'no integration (a gap to close)' : `${pair.status}: ${pair.integrations.join(', ')}`;
    return `${systemName(a)} – ${systemName(b)}: ${how}`;
  });
  const documentation = `Systems of different products supporting ${serviceName} in parallel, and how each pair exchanges data:\n${lines.join('\n')}\nGenerated by Kartta.`;
  return draft.finish(`${serviceName}: parallel systems`, documentation, boxes);
}
