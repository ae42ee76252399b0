/**
 * Each system's integrations as positions in `model.integrations()` (sorted by id), built once per model and kept
 * as long as the model lives (models never change). Queries that look at many systems' integrations, region by
 * region, read them here instead of walking each system's edges in the graph (which also meets every relation,
 * and sorts each answer) or passing over every integration once per region; and scopes, for the same reason.
 * Internal: not exported.
 */
import type { Model } from '../model/model.js';
import type { Scope } from '../types.js';

const positionsBySystem = new WeakMap<Model, Map<string, number[]>>();

/**
 * For each system, the positions in `model.integrations()` of the integrations it starts, ends, or runs as their
 * platform (`via`), ascending.
 */
export function integrationPositions(model: Model): ReadonlyMap<string, readonly number[]> {
  let index = positionsBySystem.get(model);
  if (index) return index;
  const built = new Map<string, number[]>();
  const add = (system: string, position: number): void => {
    const list = built.get(system);
    if (list) list.push(position);
    else built.set(system, [position]);
  };
  model.integrations().forEach(({ source, target, via }, position) => {
    add(source, position);
    if (target !== source) add(target, position);
    if (via !== undefined && via !== source && via !== target) add(via, position);
  });
  positionsBySystem.set(model, (index = built));
  return index;
}

/** The index of {@link integrationPositions} when a query has already built it for this model, else undefined. */
export function builtIntegrationPositions(model: Model): ReadonlyMap<string, readonly number[]> | undefined {
  return positionsBySystem.get(model);
}

const scopesByModel = new WeakMap<Model, Map<string, Map<string | undefined, Scope>>>();

/**
 * `model.scope(scope, { includeRetired })`, computed once per model: lint's rules ask for each region's scope in
 * turn, each of them. The answer is shared: read it, never change it.
 */
export function scopeOf(model: Model, scope: string | undefined, includeRetired = false): Scope {
  let byKind = scopesByModel.get(model);
  if (!byKind) scopesByModel.set(model, (byKind = new Map<string, Map<string | undefined, Scope>>()));
  const kind = includeRetired ? 'all' : 'live';
  let byScope = byKind.get(kind);
  if (!byScope) byKind.set(kind, (byScope = new Map<string | undefined, Scope>()));
  let found = byScope.get(scope);
  if (!found) byScope.set(scope, (found = model.scope(scope, { includeRetired })));
  return found;
}
