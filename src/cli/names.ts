/** Names next to ids for tables: `Lifecare (Oulu)` for `lifecare-oulu`, the id itself when there is no name. */
import type { Model } from '../model/model.js';
import type { Name } from '../types.js';

function readable(name: Name | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (typeof name === 'string') return name;
  return name.fi ?? name.en ?? name.sv ?? Object.values(name)[0];
}

/** The display name of an entity (organisation, service, system, integration, product). */
export function nameOf(model: Model, id: string): string {
  const found = model.get(id);
  if (!found) return id;
  const entity = found.entity as { name?: Name; data?: string };
  return readable(entity.name) ?? (found.kind === 'integration' && typeof entity.data === 'string' ? entity.data : undefined) ?? id;
}

/** `Name (id)`, or the id alone when the name is the id. */
export function labelOf(model: Model, id: string): string {
  const name = nameOf(model, id);
  return name === id ? id : `${name} (${id})`;
}
