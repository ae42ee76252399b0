/**
 * The `organizations` (folder tree) of an export: Kartta's folders, laid out the way Archi lays out its own
 * top-level folders, merged into the folders of an imported file when there are any.
 */
import type { XmlNode } from './extras.js';
import { ELEMENT_FOLDERS, TOP_FOLDERS } from './mapping.js';

/** The identifiers an export writes, in the order it writes them, grouped for the folders. */
export interface FolderInput {
  readonly organisations: readonly string[];
  readonly services: readonly string[];
  readonly systems: readonly string[];
  readonly integrations: readonly string[];
  readonly relations: readonly string[];
  /** The portfolio's elements (themes, funders, offerings, projects, deliverables) with their types. */
  readonly portfolioElements?: readonly { readonly identifier: string; readonly type: string }[];
  readonly portfolioRelationships?: readonly string[];
  readonly planElements: readonly string[];
  readonly planRelationships: readonly string[];
  readonly extraElements: readonly { readonly identifier: string; readonly type: string }[];
  readonly extraRelationships: readonly string[];
  readonly views: readonly string[];
}

const ref = (identifier: string): XmlNode => ({ name: 'item', attributes: { identifierRef: identifier } });

function folder(label: string, children: XmlNode[]): XmlNode {
  return { name: 'item', children: [{ name: 'label', children: [label] }, ...children] };
}

/** Kartta's folder tree for what an export writes: one `<organizations>` element, or none when it is empty. */
export function karttaFolders(input: FolderInput): XmlNode[] {
  const top = new Map<string, XmlNode[]>();
  const add = (name: string, items: XmlNode[]) => {
    if (items.length === 0) return;
    const list = top.get(name);
    // A loop, not push(...items): a national model has hundreds of thousands of relations, more than a call's arguments.
    if (list) for (const item of items) list.push(item);
    else top.set(name, items.slice());
  };
  const sub = (label: string, identifiers: readonly string[]): XmlNode[] =>
    identifiers.length === 0 ? [] : [folder(label, identifiers.map(ref))];
  add('Business', sub('Actors', input.organisations));
  add('Business', sub('Services', input.services));
  add('Application', sub('Systems', input.systems));
  const portfolioOf = (type: string) =>
    (input.portfolioElements ?? []).filter((element) => element.type === type).map((element) => element.identifier);
  add('Business', sub('Funders', portfolioOf('BusinessActor')));
  add('Business', sub('Offerings', portfolioOf('BusinessService')));
  add('Implementation & Migration', sub('Projects', portfolioOf('WorkPackage')));
  add('Implementation & Migration', sub('Deliverables', portfolioOf('Deliverable')));
  add('Implementation & Migration', input.planElements.map(ref));
  for (const element of input.extraElements) add(ELEMENT_FOLDERS[element.type] ?? 'Other', [ref(element.identifier)]);
  add('Other', sub('Themes', portfolioOf('Grouping')));
  add('Relations', sub('Integrations', input.integrations));
  add('Relations', input.relations.map(ref));
  add('Relations', sub('Portfolio', input.portfolioRelationships ?? []));
  add('Relations', input.planRelationships.map(ref));
  add('Relations', input.extraRelationships.map(ref));
  add('Views', input.views.map(ref));
  const items: XmlNode[] = [];
  for (const name of TOP_FOLDERS) {
    const children = top.get(name);
    if (children) items.push(folder(name, children));
  }
  return items.length === 0 ? [] : [{ name: 'organizations', children: items }];
}

function labelOf(item: XmlNode): string | undefined {
  for (const child of item.children ?? []) {
    if (typeof child !== 'string' && child.name === 'label' && child.ns === undefined) {
      return (child.children ?? []).filter((c): c is string => typeof c === 'string').join('');
    }
  }
  return undefined;
}

const isItem = (node: XmlNode | string): node is XmlNode =>
  typeof node !== 'string' && node.name === 'item' && node.ns === undefined;

/** Copies `node` without the items that point at identifiers that are not written; records the ones kept. */
function prune(
  node: XmlNode,
  exists: (identifier: string) => boolean,
  placed: Set<string>,
  dropped: string[] | undefined,
): XmlNode | undefined {
  const target = node.attributes?.identifierRef;
  if (isItem(node) && target !== undefined) {
    if (!exists(target)) {
      dropped?.push(target);
      return undefined;
    }
    placed.add(target);
  }
  if (!node.children) return node;
  const children: (XmlNode | string)[] = [];
  for (const child of node.children) {
    if (typeof child === 'string') children.push(child);
    else {
      const kept = prune(child, exists, placed, dropped);
      if (kept) children.push(kept);
    }
  }
  return { ...node, children };
}

/** Drops from a generated tree the references already placed; drops folders left empty. */
function unplaced(items: readonly XmlNode[], placed: ReadonlySet<string>): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of items) {
    const target = item.attributes?.identifierRef;
    if (target !== undefined) {
      if (!placed.has(target)) out.push(item);
      continue;
    }
    const label = item.children?.[0];
    const rest = unplaced((item.children ?? []).filter(isItem), placed);
    if (rest.length > 0 && label !== undefined) out.push({ ...item, children: [label, ...rest] });
  }
  return out;
}

/** Inserts `items` into `parent` after its last item (or its labels), merging folders with the same label. */
function mergeInto(parent: XmlNode, items: readonly XmlNode[]): XmlNode {
  const children = [...(parent.children ?? [])];
  for (const item of items) {
    const label = item.attributes?.identifierRef === undefined ? labelOf(item) : undefined;
    const index =
      label === undefined
        ? -1
        : children.findIndex((c) => isItem(c) && c.attributes?.identifierRef === undefined && labelOf(c) === label);
    if (index >= 0) {
      children[index] = mergeInto(children[index] as XmlNode, (item.children ?? []).filter(isItem));
      continue;
    }
    let at = 0;
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as XmlNode | string;
      if (
        typeof child !== 'string' &&
        child.ns === undefined &&
        (child.name === 'item' || child.name === 'label' || child.name === 'documentation')
      )
        at = i + 1;
    }
    children.splice(at, 0, item);
  }
  return { ...parent, children };
}

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * The folders to write: the imported folders without references to what is no longer written (their identifiers
 * go to `dropped`), with Kartta's folders for everything they do not place merged in by label. What the imported
 * file left in no folder (`unfiled`) stays in none.
 */
export function mergeFolders(
  imported: readonly XmlNode[],
  generated: readonly XmlNode[],
  exists: (identifier: string) => boolean,
  unfiled: ReadonlySet<string> = NO_IDS,
  dropped?: string[],
): XmlNode[] {
  if (imported.length === 0 && unfiled.size === 0) return [...generated];
  const placed = new Set<string>(unfiled);
  const kept = imported
    .map((node) => prune(node, exists, placed, dropped) as XmlNode)
    .filter((node) => (node.children ?? []).some(isItem));
  const missing = unplaced(
    generated.flatMap((node) => (node.children ?? []).filter(isItem)),
    placed,
  );
  if (missing.length === 0) return kept;
  if (kept.length === 0) return [{ name: 'organizations', children: missing }];
  return [mergeInto(kept[0] as XmlNode, missing), ...kept.slice(1)];
}
