/** Readable names for ids in scenario and difference output: entity names, integration ends, relations in words. */
import type { Model } from '../model/model.js';
import { displayName } from '../names.js';
import type { Name, Relation } from '../types.js';

/** A name in one language (Finnish first, then the project's fallback order), or undefined. */
export function nameText(name: Name | undefined): string | undefined {
  if (name === undefined) return undefined;
  const text = displayName(name);
  return text === '' ? undefined : text;
}

/** The name of an entity in the first of the models that has it, else the id itself. */
export function nameIn(models: readonly Model[], id: string): string {
  for (const model of models) {
    const found = model.get(id);
    if (found === undefined) continue;
    if (found.kind === 'integration') {
      const integration = found.entity;
      const ends = `${nameIn(models, integration.source)} → ${nameIn(models, integration.target)}`;
      return integration.data === undefined ? ends : `${ends} (${integration.data})`;
    }
    return nameText(found.entity.name) ?? id;
  }
  return id;
}

const VERB: Record<Relation['type'], string> = {
  memberOf: 'is a member of',
  provides: 'provides',
  owns: 'owns',
  uses: 'uses',
  supports: 'supports',
  dependsOn: 'depends on',
  replaces: 'replaces',
};

/** A relation in words: "Oulu owns Lifecare (Oulu)". */
export function relationText(models: readonly Model[], relation: Pick<Relation, 'type' | 'from' | 'to'>): string {
  return `${nameIn(models, relation.from)} ${VERB[relation.type]} ${nameIn(models, relation.to)}`;
}
