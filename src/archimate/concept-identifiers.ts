/**
 * The identifiers of the model's concepts in an exchange file: the ones an imported file gave them (kept in the
 * extras), else the ones Kartta derives from their ids. Shared by the export and by the import, which compares
 * a file's folders with the ones the export would write.
 */
import { relationKey } from '../graph/keys.js';
import type { Model } from '../model/model.js';
import type { Relation } from '../types.js';
import type { ArchimateExtras, EntityExtras, RelationExtras } from './extras.js';
import { fastEntityIdentifier, fastRelationIdentifier } from './fast-ids.js';
import type { FolderInput } from './folders.js';
import { buildPortfolioLayer, PORTFOLIO_ELEMENT_TYPE, type PortfolioLayer } from './portfolio.js';

export interface ConceptIdentifiers {
  readonly entityExtras: ReadonlyMap<string, EntityExtras>;
  readonly relationExtras: ReadonlyMap<string, RelationExtras>;
  readonly identifierOf: (id: string) => string;
  readonly relationIdentifierOf: (relation: Relation) => string;
}

const NO_EXTRAS = new Map<never, never>();

export function conceptIdentifiers(extras: ArchimateExtras | undefined): ConceptIdentifiers {
  const entityExtras: ReadonlyMap<string, EntityExtras> = extras
    ? new Map(extras.entities.map((e) => [e.id, e]))
    : NO_EXTRAS;
  const relationExtras: ReadonlyMap<string, RelationExtras> = extras
    ? new Map(extras.relations.map((r) => [relationKey(r), r]))
    : NO_EXTRAS;
  // Without extras (every export of a model made in Kartta) the derivation is called directly: it is the hot path.
  const identifierOf =
    entityExtras.size === 0
      ? fastEntityIdentifier
      : (id: string) => entityExtras.get(id)?.identifier ?? fastEntityIdentifier(id);
  const relationIdentifierOf =
    relationExtras.size === 0
      ? fastRelationIdentifier
      : (relation: Relation) =>
          relationExtras.get(relationKey(relation))?.identifier ?? fastRelationIdentifier(relation);
  return { entityExtras, relationExtras, identifierOf, relationIdentifierOf };
}

/** The identifiers of the model's own concepts, grouped and ordered as the export writes them. */
export function modelIdentifiers(
  model: Model,
  ids: ConceptIdentifiers,
): Pick<FolderInput, 'organisations' | 'services' | 'systems' | 'integrations' | 'relations'> {
  return {
    organisations: model.organisations().map((o) => ids.identifierOf(o.id)),
    services: model.services().map((s) => ids.identifierOf(s.id)),
    systems: model.systems().map((s) => ids.identifierOf(s.id)),
    integrations: model.integrations().map((i) => ids.identifierOf(i.id)),
    relations: model.relations().map(ids.relationIdentifierOf),
  };
}

/** The portfolio layer of the model and the identifiers of what it writes, grouped for the folders. */
export function portfolioIdentifiers(
  model: Model,
  ids: ConceptIdentifiers,
): {
  layer: PortfolioLayer;
  portfolioElements: { identifier: string; type: string }[];
  portfolioRelationships: string[];
} {
  const layer = buildPortfolioLayer(model, ids.identifierOf);
  const element = (type: string) => (item: { id: string }) => ({ identifier: ids.identifierOf(item.id), type });
  return {
    layer,
    portfolioElements: [
      ...layer.themes.map(element(PORTFOLIO_ELEMENT_TYPE.theme)),
      ...layer.funders.map(element(PORTFOLIO_ELEMENT_TYPE.funder)),
      ...layer.offerings.map(element(PORTFOLIO_ELEMENT_TYPE.offering)),
      ...layer.projects.map(element(PORTFOLIO_ELEMENT_TYPE.project)),
      ...layer.deliverables.map((d) => ({ identifier: d.identifier, type: PORTFOLIO_ELEMENT_TYPE.deliverable })),
    ],
    portfolioRelationships: layer.relationships.map((r) => r.identifier),
  };
}
