/** Hostile inputs shared by the hardening tests: prototype member names as ids, and a prototype watch. */
import { sampleDocument as sampleDocumentOf, sampleMigrationPlan } from '../src/sample/index.js';

/** Every own string-named member of Object.prototype and Function.prototype: ids a plain object answers for. */
export const PROTOTYPE_NAMES: readonly string[] = [
  ...new Set([...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Function.prototype)]),
].sort();

/** The sample region document (of `kartta/sample`), a fresh copy. */
export function sampleDocument(): Record<string, unknown> {
  return sampleDocumentOf() as unknown as Record<string, unknown>;
}

/** The sample migration plan (of `kartta/sample`), a fresh copy. */
export function samplePlan(): Record<string, unknown> {
  return sampleMigrationPlan() as unknown as Record<string, unknown>;
}

type Entity = Record<string, unknown>;

/**
 * Renames ids in a document (and its plan) through `rename`, everywhere they are used: entity ids, integration
 * ends and `via`, relation ends, the portfolio's references to them, plan steps' ids, systems, targets and `after`.
 */
export function renameIds(
  doc: Record<string, unknown>,
  plan: Record<string, unknown> | undefined,
  rename: ReadonlyMap<string, string>,
): void {
  const to = (id: unknown) => (typeof id === 'string' ? (rename.get(id) ?? id) : id);
  for (const collection of ['products', 'organisations', 'services', 'systems', 'integrations']) {
    for (const entity of (doc[collection] as Entity[] | undefined) ?? []) {
      entity.id = to(entity.id);
      if (collection === 'integrations') {
        entity.source = to(entity.source);
        entity.target = to(entity.target);
        if (entity.via !== undefined) entity.via = to(entity.via);
      }
    }
  }
  for (const relation of (doc.relations as Entity[] | undefined) ?? []) {
    relation.from = to(relation.from);
    relation.to = to(relation.to);
  }
  // The development portfolio refers to organisations, services, systems, integrations and products too.
  const list = (ids: unknown) => (Array.isArray(ids) ? ids.map(to) : ids);
  for (const offering of (doc.offerings as Entity[] | undefined) ?? []) {
    offering.provider = to(offering.provider);
    offering.services = list(offering.services);
  }
  for (const project of (doc.projects as Entity[] | undefined) ?? []) {
    if (project.implementers !== undefined) project.implementers = list(project.implementers);
    for (const part of (project.funding as Entity[] | undefined) ?? []) part.funder = to(part.funder);
    const deliverables = project.deliverables as Entity | undefined;
    if (deliverables)
      for (const key of ['systems', 'services', 'integrations', 'products'])
        if (deliverables[key] !== undefined) deliverables[key] = list(deliverables[key]);
  }
  for (const step of (plan?.steps as Entity[] | undefined) ?? []) {
    step.id = to(step.id);
    step.system = to(step.system);
    if (step.target !== undefined) step.target = to(step.target);
    if (Array.isArray(step.after)) step.after = step.after.map(to);
  }
}

/** A record of the shared prototypes' own members (names and values), to compare before and after a run. */
export function prototypeSnapshot(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [label, proto] of [
    ['Object', Object.prototype],
    ['Function', Function.prototype],
    ['Array', Array.prototype],
    ['String', String.prototype],
  ] as const) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      // eslint-disable-next-line @typescript-eslint/unbound-method -- the getter is compared by identity, never called
      out.set(`${label}.${String(key)}`, descriptor?.value ?? descriptor?.get);
    }
    out.set(`${label}.[[Prototype]]`, Object.getPrototypeOf(proto));
  }
  return out;
}

/** The differences between two prototype snapshots, as readable lines (empty when nothing changed). */
export function prototypeChanges(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const changes: string[] = [];
  for (const key of after.keys()) if (!before.has(key)) changes.push(`added ${key}`);
  for (const [key, value] of before) {
    if (!after.has(key)) changes.push(`removed ${key}`);
    else if (after.get(key) !== value) changes.push(`changed ${key}`);
  }
  return changes;
}
