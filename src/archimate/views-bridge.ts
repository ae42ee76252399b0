/**
 * Calls the view generator and maps its references onto the identifiers of this export: the generator names
 * elements and relationships by the identifiers Kartta derives, while an export with extras may keep the
 * identifiers an imported file gave them.
 */
import type { Model } from '../model/model.js';
import type { ArchimateViewOptions } from './export-options.js';
import type { Relation } from '../types.js';
import { fastEntityIdentifier } from './fast-ids.js';
import { idFromEntityIdentifier, relationIdentifier } from './ids.js';
import type { MigrationResult } from '../migration/result.js';
import type { PlanLayer } from './plan.js';
import type { ViewNodeSpec, ViewSpec } from './views/types.js';
import { buildViews } from './views/index.js';

export function generateViews(
  model: Model,
  choice: ArchimateViewOptions,
  plan: PlanLayer | undefined,
  planResult: Pick<MigrationResult, 'waves'> | undefined,
  identifierOf: (id: string) => string,
  relationIdentifierOf: (relation: Relation) => string,
): ViewSpec[] {
  const views = buildViews(model, {
    landscapes: choice.landscapes ?? true,
    parallel: choice.parallel ?? true,
    ...(plan && planResult && choice.plan !== false ? { plan: planResult, planElements: plan } : {}),
  });
  if (identifierOf === fastEntityIdentifier) return views;
  const relations = new Map<string, string>();
  for (const relation of model.relations()) {
    const own = relationIdentifierOf(relation);
    if (own !== relationIdentifier(relation)) relations.set(relationIdentifier(relation), own);
  }
  const element = (ref: string) => {
    const id = idFromEntityIdentifier(ref);
    return id !== undefined && model.get(id) !== undefined ? identifierOf(id) : ref;
  };
  const mapNode = (node: ViewNodeSpec): ViewNodeSpec => ({
    ...node,
    elementRef: element(node.elementRef),
    ...(node.children ? { children: node.children.map(mapNode) } : {}),
  });
  return views.map((view) => ({
    ...view,
    nodes: view.nodes.map(mapNode),
    connections: view.connections.map((c) => ({
      ...c,
      relationshipRef: relations.get(c.relationshipRef) ?? element(c.relationshipRef),
    })),
  }));
}
