/** What several lint rules share: labels, cycles, groups of shared keys, the regions the parallel rules look in. */
import type { Model } from '../../model/model.js';
import { normaliseProductName } from '../../schema/products.js';
import type { Name, System } from '../../types.js';
import { compareStrings, displayName, sortedUnique } from '../facts.js';

export const retired = (system: System | undefined): boolean => system?.lifecycle === 'retired';

/**
 * Where the parallel rules look: the scope asked for; without one, each region in turn (systems of two regions
 * are not run in parallel, and pairing them across a national model would bury the real findings); a model
 * without regions as a whole.
 */
export function parallelScopes(model: Model, scope: string | undefined): (string | undefined)[] {
  if (scope !== undefined) return [scope];
  const regions = model
    .organisations()
    .filter((o) => o.kind === 'region')
    .map((o) => o.id)
    .sort(compareStrings);
  return regions.length > 0 ? regions : [undefined];
}

/**
 * True the first time a service and set of systems is seen: an organisation in two regions puts it in both. With
 * one scope nothing can repeat, and nothing is remembered.
 */
export function onceAcrossRegions(
  scopes: readonly (string | undefined)[],
): (service: string, systems: readonly string[]) => boolean {
  if (scopes.length < 2) return () => true;
  const seen = new Set<string>();
  return (service, systems) => {
    const key = `${service}\u0000${systems.join('\u0000')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

export function label(model: Model, id: string): string {
  const found = model.get(id);
  if (found && (found.kind === 'system' || found.kind === 'organisation' || found.kind === 'service'))
    return `'${id}' (${displayName(found.entity.name)})`;
  return `'${id}'`;
}

/** `date` minus `months` calendar months, the day clamped to the month's length (2021-03-31 minus 1 is 2021-02-28). */
export function subtractMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Groups of nodes in a cycle (strongly connected components of two or more), each sorted, by smallest id. */
export function cycles(nodes: readonly string[], next: (id: string) => readonly string[]): string[][] {
  // Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; edges: readonly string[]; i: number }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: [...next(node)].sort(compareStrings), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; edges: readonly string[]; i: number };
      if (frame.i < frame.edges.length) {
        const target = frame.edges[frame.i++] as string;
        if (!index.has(target)) open(target);
        else if (onStack.has(target))
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) out.push(component.sort(compareStrings));
      }
    }
  }
  return out.sort((a, b) => compareStrings(a[0] as string, b[0] as string));
}

/** Connected groups of ids that share a key, each sorted, only groups of two or more. */
export function sharedKeyGroups(items: readonly { id: string; keys: readonly string[] }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  const owner = new Map<string, string>();
  for (const item of items) {
    parent.set(item.id, item.id);
    for (const key of item.keys) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, item.id);
      else {
        const a = find(first);
        const b = find(item.id);
        if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const root = find(item.id);
    const group = groups.get(root) ?? [];
    group.push(item.id);
    groups.set(root, group);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(compareStrings))
    .sort((a, b) => compareStrings(a[0] as string, b[0] as string));
}

export function nameKeys(name: Name): string[] {
  const values = typeof name === 'string' ? [name] : Object.values(name);
  return sortedUnique(values.map((value) => normaliseProductName(value)));
}

export function normalisedText(value: string | undefined, memo?: Map<string, string>): string {
  if (value === undefined) return '';
  if (!memo) return normaliseProductName(value);
  // Data and protocol texts repeat across thousands of integrations: each distinct one is normalised once.
  let found = memo.get(value);
  if (found === undefined) memo.set(value, (found = normaliseProductName(value)));
  return found;
}
