/**
 * The high-level operations of a scenario, each checked against the working copy before it changes anything, so
 * that a change either applies whole or adds its problems and applies not at all.
 */
import { normaliseProductName, productKeys } from '../schema/products.js';
import { relationKey } from '../graph/keys.js';
import type { Product } from '../types.js';
import type { IssueCode, ScenarioProblemCode } from '../codes.js';
import type { ScenarioProblem } from './errors.js';
import { capText } from './json-values.js';
import type {
  AddIntegrationOperation,
  ConsolidateOperation,
  MoveOwnershipOperation,
  ReplaceOperation,
  RetireOperation,
  ScenarioOperation,
} from './scenario-schema.js';
import { type EntityCollection, type Item, type Working } from './working.js';

/** What a change reports to: its index and op, whether problems are conflicts, and the ids it reads. */
export interface ChangeContext {
  readonly index: number;
  readonly op: string;
  readonly conflict: boolean;
  readonly problems: ScenarioProblem[];
  /** Ids of base entities (and relation keys) the change reads or changes. */
  readonly touches: Set<string>;
}

const KIND_WORD: Record<EntityCollection, string> = {
  products: 'a product',
  organisations: 'an organisation',
  services: 'a service',
  systems: 'a system',
  integrations: 'an integration',
};

export function report(
  ctx: ChangeContext,
  code: ScenarioProblemCode | IssueCode,
  field: readonly (string | number)[],
  message: string,
  id?: string,
): void {
  ctx.problems.push({
    code,
    change: ctx.index,
    op: ctx.op,
    path: ['changes', ctx.index, ...field],
    id,
    conflict: ctx.conflict,
    message: `changes[${ctx.index}] (${ctx.op}): ${message}`,
  });
}

export const q = (id: string): string => `'${capText(id)}'`;

/** The entity `id` of the wanted collection; otherwise a problem naming the field, and undefined. */
function need(
  w: Working,
  ctx: ChangeContext,
  field: string | (string | number)[],
  id: string,
  collection: EntityCollection,
  role: string,
): Item | undefined {
  ctx.touches.add(id);
  const path = typeof field === 'string' ? [field] : field;
  const found = w.kindOf(id);
  if (found === undefined) {
    report(
      ctx,
      'scenario.entity-missing',
      path,
      `${role} ${q(id)} is not in the ${ctx.conflict ? 'base any more' : 'base'}`,
      id,
    );
    return undefined;
  }
  if (found !== collection) {
    report(
      ctx,
      'scenario.wrong-kind',
      path,
      `${role} ${q(id)} is ${KIND_WORD[found]}, not ${KIND_WORD[collection]}`,
      id,
    );
    return undefined;
  }
  return w.get(collection, id);
}

function needInUse(w: Working, ctx: ChangeContext, field: string, id: string, role: string): Item | undefined {
  const system = need(w, ctx, field, id, 'systems', role);
  if (system !== undefined && system.lifecycle === 'retired') {
    report(ctx, 'scenario.system-retired', [field], `${role} ${q(id)} is retired already`, id);
    return undefined;
  }
  return system;
}

function usersOf(w: Working, id: string, system: Item): number {
  if (typeof system.users === 'number') return system.users;
  let sum = 0;
  for (const relation of w.relations()) if (relation.type === 'uses' && relation.to === id) sum += relation.users ?? 0;
  return sum;
}

/**
 * `from` hands over to `to`: its `uses` and `supports` relations, the `dependsOn` relations of systems that
 * depend on it, the ends of its integrations and the integrations that run through it; its user count joins
 * `to`'s; `to` goes into production when it was planned or in development; `from` is retired. Its `owns`
 * relations and its own dependencies stay, as history of the retired installation.
 */
function transfer(w: Working, ctx: ChangeContext, fromId: string, from: Item, toId: string, to: Item): void {
  const i = ctx.index;
  const fromUsers = usersOf(w, fromId, from);
  for (const relation of w.relations()) {
    const key = relationKey(relation);
    if (relation.type === 'uses' && relation.to === fromId) {
      w.delete('relations', key, i);
      const existing = w.get('relations', relationKey({ type: 'uses', from: relation.from, to: toId }));
      const existingUsers = existing?.users as number | undefined;
      if (existing === undefined) w.addRelation({ ...relation, to: toId }, i);
      else if (existingUsers !== undefined || relation.users !== undefined)
        w.addRelation({ ...existing, users: (existingUsers ?? 0) + (relation.users ?? 0) }, i);
    } else if (relation.type === 'supports' && relation.from === fromId) {
      w.delete('relations', key, i);
      if (!w.get('relations', relationKey({ type: 'supports', from: toId, to: relation.to })))
        w.addRelation({ ...relation, from: toId }, i);
    } else if (relation.type === 'dependsOn' && relation.to === fromId) {
      w.delete('relations', key, i);
      if (
        relation.from !== toId &&
        !w.get('relations', relationKey({ type: 'dependsOn', from: relation.from, to: toId }))
      ) {
        w.addRelation({ ...relation, to: toId }, i);
      }
    }
  }
  for (const integration of [...w.map('integrations').values()]) {
    const moves = integration.source === fromId || integration.target === fromId || integration.via === fromId;
    if (!moves) continue;
    const next: Item = { ...integration };
    if (next.source === fromId) next.source = toId;
    if (next.target === fromId) next.target = toId;
    if (next.via === fromId) next.via = toId;
    if (next.source === next.target) w.delete('integrations', integration.id as string, i);
    else w.set('integrations', integration.id as string, next, i);
  }
  const nextTo: Item = { ...w.get('systems', toId) };
  if (typeof nextTo.users === 'number' && fromUsers > 0) nextTo.users = nextTo.users + fromUsers;
  if (nextTo.lifecycle === 'planned' || nextTo.lifecycle === 'development') nextTo.lifecycle = 'production';
  w.set('systems', toId, nextTo, i);
  w.set('systems', fromId, { ...from, lifecycle: 'retired' }, i);
  void to;
}

/** Integrations run through `fromId` that `to` could not carry (it is no platform): a problem, before any change. */
function platformCheck(
  w: Working,
  ctx: ChangeContext,
  field: string,
  fromId: string,
  toId: string,
  to: Item | undefined,
): boolean {
  const through = [...w.map('integrations').values()]
    .filter((integration) => integration.via === fromId)
    .map((integration) => integration.id as string);
  if (through.length === 0 || to?.platform === true) return true;
  report(
    ctx,
    'scenario.platform-in-use',
    [field],
    `integrations run through ${q(fromId)} (${through.slice(0, 5).map(q).join(', ')}${through.length > 5 ? ', ...' : ''}), and ${to === undefined ? 'nothing takes them over' : `${q(toId)} is no platform to take them over`}; move them first`,
    fromId,
  );
  return false;
}

function retire(w: Working, ctx: ChangeContext, op: RetireOperation): void {
  const system = needInUse(w, ctx, 'system', op.system, 'system');
  if (system === undefined || !platformCheck(w, ctx, 'system', op.system, op.system, undefined)) return;
  for (const integration of [...w.map('integrations').values()]) {
    if (integration.source === op.system || integration.target === op.system)
      w.delete('integrations', integration.id as string, ctx.index);
  }
  w.set('systems', op.system, { ...system, lifecycle: 'retired' }, ctx.index);
}

function replace(w: Working, ctx: ChangeContext, op: ReplaceOperation): void {
  const system = needInUse(w, ctx, 'system', op.system, 'system');
  const by = needInUse(w, ctx, 'by', op.by, 'replacement');
  if (system === undefined || by === undefined) return;
  if (op.system === op.by) {
    report(ctx, 'scenario.same-system', ['by'], `a system cannot replace itself (${q(op.by)})`, op.by);
    return;
  }
  if (!platformCheck(w, ctx, 'system', op.system, op.by, by)) return;
  transfer(w, ctx, op.system, system, op.by, by);
}

/** The catalogue product id a name stands for, or the normalised name itself. */
function productKeyIn(w: Working): (name: string) => string {
  const catalogue = new Map<string, string>();
  for (const product of w.map('products').values()) {
    for (const key of productKeys(product as unknown as Product))
      if (!catalogue.has(key)) catalogue.set(key, product.id as string);
  }
  return (name) => {
    const key = normaliseProductName(name);
    return catalogue.get(key) ?? key;
  };
}

/** The organisations of a scope (the organisation and its members, transitively) and the systems they own or use. */
function scopeSystems(w: Working, root: string): Set<string> {
  const relations = w.relations();
  const members = new Set<string>([root]);
  const queue = [root];
  while (queue.length > 0) {
    const current = queue.pop() as string;
    for (const relation of relations) {
      if (relation.type === 'memberOf' && relation.to === current && !members.has(relation.from)) {
        members.add(relation.from);
        queue.push(relation.from);
      }
    }
  }
  const systems = new Set<string>();
  for (const relation of relations)
    if ((relation.type === 'owns' || relation.type === 'uses') && members.has(relation.from)) systems.add(relation.to);
  return systems;
}

function consolidate(w: Working, ctx: ChangeContext, op: ConsolidateOperation): void {
  const into = needInUse(w, ctx, 'into', op.into, 'keeper');
  if (op.scope !== undefined && need(w, ctx, 'scope', op.scope, 'organisations', 'scope') === undefined) return;
  if (into === undefined) return;
  const keyOf = productKeyIn(w);
  const product = keyOf(op.product);
  if (typeof into.product !== 'string' || keyOf(into.product) !== product) {
    report(
      ctx,
      'scenario.not-installation',
      ['into'],
      `keeper ${q(op.into)} is not an installation of ${q(op.product)}`,
      op.into,
    );
    return;
  }
  const inScope = op.scope === undefined ? undefined : scopeSystems(w, op.scope);
  const others = [...w.map('systems').values()].filter(
    (system) =>
      system.id !== op.into &&
      system.lifecycle !== 'retired' &&
      typeof system.product === 'string' &&
      keyOf(system.product) === product &&
      (inScope === undefined || inScope.has(system.id as string)),
  );
  if (others.length === 0) {
    report(
      ctx,
      'scenario.nothing-to-consolidate',
      ['product'],
      `no other installation of ${q(op.product)} in use${op.scope === undefined ? '' : ` in the scope of ${q(op.scope)}`} to consolidate into ${q(op.into)}`,
    );
    return;
  }
  others.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
  const ok = others.every((other) => {
    ctx.touches.add(other.id as string);
    return platformCheck(w, ctx, 'into', other.id as string, op.into, into);
  });
  if (!ok) return;
  for (const other of others)
    transfer(
      w,
      ctx,
      other.id as string,
      w.get('systems', other.id as string) as Item,
      op.into,
      w.get('systems', op.into) as Item,
    );
}

function moveOwnership(w: Working, ctx: ChangeContext, op: MoveOwnershipOperation): void {
  if ((op.systems === undefined) === (op.from === undefined)) {
    report(
      ctx,
      'scenario.value-invalid',
      [],
      "give either 'systems' (a list of system ids) or 'from' (an organisation), not both or neither",
    );
    return;
  }
  const to = need(w, ctx, 'to', op.to, 'organisations', 'new owner');
  let systems: string[] = [];
  if (op.systems !== undefined) {
    op.systems.forEach((id, k) => {
      if (need(w, ctx, ['systems', k], id, 'systems', 'system') !== undefined) systems.push(id);
    });
    if (systems.length !== op.systems.length) return;
  } else {
    const from = op.from as string;
    if (need(w, ctx, 'from', from, 'organisations', 'previous owner') === undefined) return;
    systems = w
      .relations()
      .filter(
        (relation) =>
          relation.type === 'owns' && relation.from === from && w.get('systems', relation.to)?.lifecycle !== 'retired',
      )
      .map((relation) => relation.to)
      .sort();
    if (systems.length === 0) {
      report(ctx, 'scenario.nothing-to-move', ['from'], `${q(from)} owns no system in use`, from);
      return;
    }
  }
  if (to === undefined) return;
  const moving = new Set(systems);
  for (const relation of w.relations()) {
    if (relation.type === 'owns' && moving.has(relation.to)) w.delete('relations', relationKey(relation), ctx.index);
  }
  for (const system of systems) w.addRelation({ type: 'owns', from: op.to, to: system }, ctx.index);
}

function addIntegration(w: Working, ctx: ChangeContext, op: AddIntegrationOperation): void {
  const integration = op.integration;
  const id = integration.id;
  const existing = w.kindOf(id);
  if (existing !== undefined) {
    report(
      ctx,
      'scenario.entity-exists',
      ['integration', 'id'],
      `${q(id)} is ${KIND_WORD[existing]} of the base already`,
      id,
    );
  }
  const source = need(w, ctx, ['integration', 'source'], integration.source, 'systems', 'source');
  const target = need(w, ctx, ['integration', 'target'], integration.target, 'systems', 'target');
  let via: Item | undefined;
  if (integration.via !== undefined) {
    via = need(w, ctx, ['integration', 'via'], integration.via, 'systems', 'platform');
    if (via !== undefined && via.platform !== true) {
      report(
        ctx,
        'scenario.not-platform',
        ['integration', 'via'],
        `${q(integration.via)} is not a platform (platform: true)`,
        integration.via,
      );
      via = undefined;
    }
  }
  if (
    existing !== undefined ||
    source === undefined ||
    target === undefined ||
    (integration.via !== undefined && via === undefined)
  )
    return;
  w.set('integrations', id, { ...integration }, ctx.index);
}

/** Applies one high-level operation to the working copy, or reports why it cannot. */
export function applyOperation(w: Working, ctx: ChangeContext, op: ScenarioOperation): void {
  switch (op.op) {
    case 'retire':
      return retire(w, ctx, op);
    case 'replace':
      return replace(w, ctx, op);
    case 'consolidate':
      return consolidate(w, ctx, op);
    case 'moveOwnership':
      return moveOwnership(w, ctx, op);
    case 'addIntegration':
      return addIntegration(w, ctx, op);
  }
}
