/**
 * The property definitions of an export: Kartta's own (written only when used) and the ones kept from an import,
 * and the pruning of kept properties whose definition is not written.
 */
import type { XmlNode } from './extras.js';
import { generatedIdentifier } from './ids.js';
import { PROPERTY_TYPES } from './mapping.js';
import { PLAN_PROPERTY_TYPES } from './plan.js';

/** A property row to write: its definition's identifier and the text. */
export type Row = readonly [string, string, string | undefined];

/** Property names with a stable index, so that the writer can cache per-name strings in an array. */
const PROPERTY_NAMES: readonly string[] = [...PROPERTY_TYPES.keys(), ...PLAN_PROPERTY_TYPES.keys()];
const PROPERTY_TYPE_OF = new Map<string, string>([...PROPERTY_TYPES, ...PLAN_PROPERTY_TYPES]);

/** Resolves property definition identifiers and remembers which ones were used. */
export class PropertyDefinitions {
  /** Kartta property name -> identifier. */
  readonly #identifier = new Map<string, string>();
  /** Identifier -> Kartta property name, for the definitions Kartta writes itself. */
  readonly #generated = new Map<string, string>();
  readonly #extras = new Set<string>();
  readonly used = new Set<string>();

  constructor(extras: readonly XmlNode[]) {
    const byName = new Map<string, string>();
    for (const node of extras) {
      const identifier = node.attributes?.identifier;
      if (identifier === undefined) continue;
      this.#extras.add(identifier);
      const name = firstText(node, 'name');
      if (name !== undefined && !byName.has(name)) byName.set(name, identifier);
    }
    for (const name of PROPERTY_NAMES) {
      const reused = byName.get(name);
      if (reused !== undefined) {
        this.#identifier.set(name, reused);
        continue;
      }
      let identifier = generatedIdentifier('propdef', name);
      for (let n = 2; this.#extras.has(identifier); n++) identifier = generatedIdentifier('propdef', name, n);
      this.#identifier.set(name, identifier);
      this.#generated.set(identifier, name);
    }
  }

  /** The identifier for a Kartta property name; marks it used. */
  use(name: string): string {
    const identifier = this.#identifier.get(name) as string;
    this.used.add(identifier);
    return identifier;
  }

  /** Whether a reference read from extras resolves; marks Kartta's own definitions used. */
  accept(identifier: string): boolean {
    if (this.#extras.has(identifier)) return true;
    if (this.#generated.has(identifier)) {
      this.used.add(identifier);
      return true;
    }
    return false;
  }

  /** The definitions Kartta writes itself, sorted by identifier. */
  generated(): { identifier: string; name: string; type: string }[] {
    return [...this.used]
      .filter((identifier) => this.#generated.has(identifier))
      .sort()
      .map((identifier) => {
        const name = this.#generated.get(identifier) as string;
        return { identifier, name, type: PROPERTY_TYPE_OF.get(name) as string };
      });
  }
}

export function firstText(node: XmlNode, childName: string): string | undefined {
  for (const child of node.children ?? []) {
    if (typeof child !== 'string' && child.name === childName && child.ns === undefined) {
      return (child.children ?? []).filter((c): c is string => typeof c === 'string').join('');
    }
  }
  return undefined;
}

/** Copies an extras concept with the properties that point at unknown definitions left out. */
export function pruneProperties(node: XmlNode, definitions: PropertyDefinitions): XmlNode {
  if (!node.children?.some((c) => typeof c !== 'string' && c.name === 'properties')) return node;
  const children: (XmlNode | string)[] = [];
  for (const child of node.children) {
    if (typeof child === 'string' || child.name !== 'properties' || child.ns !== undefined) {
      children.push(child);
      continue;
    }
    const kept = keptProperties(child.children ?? [], definitions);
    if (kept.length > 0) children.push({ ...child, children: kept });
  }
  return { ...node, children };
}

export function keptProperties(properties: readonly (XmlNode | string)[], definitions: PropertyDefinitions): XmlNode[] {
  return properties.filter(
    (p): p is XmlNode => typeof p !== 'string' && definitions.accept(p.attributes?.propertyDefinitionRef ?? ''),
  );
}
