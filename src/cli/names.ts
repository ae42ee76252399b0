/** Names next to ids for tables, from the library's `model.nameOf`: `Lifecare (Oulu)` for `lifecare-oulu`. */
import type { Model } from '../model/model.js';

/** The display name of an entity, or the id itself when the model has no such entity. */
export function nameOf(model: Model, id: string): string {
  return model.nameOf(id) ?? id;
}

/** `Name (id)`, or the id alone when the name is the id. */
export function labelOf(model: Model, id: string): string {
  const name = nameOf(model, id);
  return name === id ? id : `${name} (${id})`;
}
