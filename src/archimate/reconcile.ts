/**
 * Everything an export decides before its first byte: the plan layer and the views, the identifiers of the
 * model's concepts, and which of an import's extras are still written (reconciling them with the model as edited).
 */
import type { Model } from '../model/model.js';
import type { Relation } from '../types.js';
import { ArchimateExportError } from './errors.js';
import { optionError } from '../options.js';
import { checkExportOptions, type ArchimateExportOptions, type ArchimateViewOptions } from './export-options.js';
import type { ArchimateExtras, EntityExtras, RelationExtras, XmlNode } from './extras.js';
import {
  conceptIdentifiers,
  modelIdentifiers,
  portfolioIdentifiers,
  type ConceptIdentifiers,
} from './concept-identifiers.js';
import type { PortfolioLayer } from './portfolio.js';
import { sortChanges, type ArchimateExportChange } from './export-changes.js';
import { fastEntityIdentifier, fastRelationIdentifier } from './fast-ids.js';
import { relationKey } from '../graph/keys.js';
import { karttaFolders, mergeFolders, type FolderInput } from './folders.js';
import type { MigrationResult } from '../migration/result.js';
import { buildPlanLayer, type PlanLayer } from './plan.js';
import { checkedPlacement, computePlan } from './plan-checks.js';
import { PropertyDefinitions, pruneProperties } from './property-definitions.js';
import { parsePlan } from '../migration/validate.js';
import { generateViews } from './views-bridge.js';
import type { ViewSpec } from './views/types.js';
import { pruneView } from './view-pruning.js';
import { ROOT_SCOPE, type NsScope } from './xml-node.js';

/** Everything decided before the first byte is written. */
export interface Prepared {
  readonly model: Model;
  readonly extras: ArchimateExtras | undefined;
  readonly entityExtras: ReadonlyMap<string, EntityExtras>;
  readonly relationExtras: ReadonlyMap<string, RelationExtras>;
  readonly identifierOf: (id: string) => string;
  readonly relationIdentifierOf: (relation: Relation) => string;
  readonly plan: PlanLayer | undefined;
  /** The development portfolio's elements and relationships. */
  readonly portfolio: PortfolioLayer;
  readonly diagrams: readonly ViewSpec[];
  readonly extraElements: readonly XmlNode[];
  readonly extraRelationships: readonly XmlNode[];
  readonly extraViews: readonly XmlNode[];
  readonly extraViewpoints: XmlNode | undefined;
  readonly propertyDefinitions: PropertyDefinitions;
  readonly folderInput: FolderInput;
  readonly exists: (identifier: string) => boolean;
  /** The folders, when they were merged with imported ones (else derived on the way from the folder input). */
  readonly folders: readonly XmlNode[] | undefined;
  /** What of the extras this export removes or lifts, sorted. */
  readonly changes: readonly ArchimateExportChange[];
  /** Namespace bindings of the root: the exchange namespace, xsi, and the prefixes the extras use (as Archi declares dc). */
  readonly scope: NsScope;
}

function childElements(node: XmlNode | undefined, name: string): XmlNode[] {
  return (node?.children ?? []).filter(
    (c): c is XmlNode => typeof c !== 'string' && c.name === name && c.ns === undefined,
  );
}

/** Resolves the plan and views and decides what of the extras is written. */
export function prepare(model: Model, given: ArchimateExportOptions = {}, where = 'toArchimateXml'): Prepared {
  const options = checkExportOptions(where, given);
  const extras = options.extras;
  if (extras !== undefined && extras.format !== 'kartta-archimate-extras/1') {
    throw optionError(
      where,
      ['extras'],
      "must be the object fromArchimateXml returned (format 'kartta-archimate-extras/1')",
    );
  }
  const ids = conceptIdentifiers(extras);
  const { entityExtras, relationExtras, identifierOf, relationIdentifierOf } = ids;

  let plan: PlanLayer | undefined;
  let planResult: Pick<MigrationResult, 'waves'> | undefined;
  if (options.plan !== undefined) {
    if (options.planResult === undefined) planResult = computePlan(model, options.plan);
    else {
      // A placement from elsewhere still needs a plan that fits the model, and a wave for each of its steps.
      parsePlan(model, options.plan);
      planResult = checkedPlacement(where, options.plan, options.planResult);
    }
    plan = buildPlanLayer(model, options.plan, planResult, identifierOf);
  } else if (options.planResult !== undefined) {
    throw optionError(where, ['planResult'], 'was given without the plan it places');
  }
  const diagrams: ViewSpec[] = [...(options.diagrams ?? [])];
  if (options.views) {
    const choice: ArchimateViewOptions = options.views === true ? {} : options.views;
    diagrams.push(...generateViews(model, choice, plan, planResult, identifierOf, relationIdentifierOf));
  }
  const diagramIds = new Set<string>();
  for (const diagram of diagrams) {
    if (diagramIds.has(diagram.identifier)) {
      throw new ArchimateExportError(
        'archimate.identifier-collision',
        `two views have the identifier '${diagram.identifier}' (a view given in diagrams that views also generates?)`,
        diagram.identifier,
      );
    }
    diagramIds.add(diagram.identifier);
  }

  const { organisations, services, systems, integrations, relations } = modelIdentifiers(model, ids);
  const { layer: portfolio, portfolioElements, portfolioRelationships } = portfolioIdentifiers(model, ids);
  const portfolioElementIds = portfolioElements.map((element) => element.identifier);
  const planElements = plan?.elements.map((e) => e.identifier) ?? [];
  const planRelationships = plan?.relationships.map((r) => r.identifier) ?? [];
  const propertyDefinitions = new PropertyDefinitions(extras?.propertyDefinitions ?? []);

  const extraElements: XmlNode[] = [];
  let extraRelationships: XmlNode[] = [];
  let extraViews: XmlNode[] = [];
  let extraViewpoints: XmlNode | undefined;
  const changes: ArchimateExportChange[] = [];
  let exists: (identifier: string) => boolean = () => true;
  if (extras) {
    const mine = new Set<string>([
      ...organisations,
      ...services,
      ...systems,
      ...integrations,
      ...relations,
      ...portfolioElementIds,
      ...portfolioRelationships,
    ]);
    if (
      mine.size !==
      organisations.length +
        services.length +
        systems.length +
        integrations.length +
        relations.length +
        portfolioElementIds.length +
        portfolioRelationships.length
    ) {
      throw new ArchimateExportError(
        'archimate.identifier-collision',
        'two concepts of the model would get the same identifier (check the identifiers kept in the extras)',
      );
    }
    const regenerated = new Set<string>([...planElements, ...planRelationships, ...diagrams.map((d) => d.identifier)]);
    const claim = (identifier: string | undefined, what: string): boolean => {
      if (identifier === undefined || regenerated.has(identifier)) return false;
      if (mine.has(identifier)) {
        throw new ArchimateExportError(
          'archimate.identifier-collision',
          `the ${what} '${identifier}' kept from an import has the identifier of a concept of the model`,
          identifier,
        );
      }
      return true;
    };
    const elementIds = new Set<string>([
      ...organisations,
      ...services,
      ...systems,
      ...portfolioElementIds,
      ...planElements,
    ]);
    for (const node of extras.elements) {
      if (claim(node.attributes?.identifier, 'element')) {
        extraElements.push(pruneProperties(node, propertyDefinitions));
        elementIds.add(node.attributes?.identifier as string);
      }
    }
    const relationshipIds = new Set<string>([
      ...integrations,
      ...relations,
      ...portfolioRelationships,
      ...planRelationships,
    ]);
    let candidates = extras.relationships.filter((node) => claim(node.attributes?.identifier, 'relationship'));
    // Relationships may join relationships: drop dangling ones until none is left.
    for (;;) {
      const ids = new Set<string>([...relationshipIds, ...candidates.map((n) => n.attributes?.identifier as string)]);
      const ok = (id: string | undefined) => id !== undefined && (elementIds.has(id) || ids.has(id));
      const next: XmlNode[] = [];
      for (const node of candidates) {
        const source = node.attributes?.source;
        const target = node.attributes?.target;
        if (ok(source) && ok(target)) {
          next.push(node);
          continue;
        }
        const [end, ref] = ok(source) ? ['target', target] : ['source', source];
        changes.push({
          action: 'removed',
          object: 'relationship',
          identifier: node.attributes?.identifier as string,
          reasons: [{ code: 'archimate.end-removed', message: `its ${end} '${ref}' is no longer in the file` }],
        });
      }
      if (next.length === candidates.length) break;
      candidates = next;
    }
    extraRelationships = candidates.map((node) => pruneProperties(node, propertyDefinitions));
    for (const node of extraRelationships) relationshipIds.add(node.attributes?.identifier as string);
    const viewIds = new Set<string>(diagrams.map((d) => d.identifier));
    const diagramsNode = childElements(extras.views, 'diagrams')[0];
    const keptViews = childElements(diagramsNode, 'view').filter((v) => claim(v.attributes?.identifier, 'view'));
    for (const view of keptViews) viewIds.add(view.attributes?.identifier as string);
    const written = { elements: elementIds, relationships: relationshipIds, views: viewIds };
    extraViews = keptViews.map((view) => pruneView(pruneProperties(view, propertyDefinitions), written, changes));
    extraViewpoints = childElements(extras.views, 'viewpoints')[0];
    exists = (identifier) => elementIds.has(identifier) || relationshipIds.has(identifier) || viewIds.has(identifier);
    lostProperties(model, extras, ids, changes);
    for (const node of extras.model.properties ?? [])
      propertyDefinitions.accept(node.attributes?.propertyDefinitionRef ?? '');
  }
  const folderInput: FolderInput = {
    organisations,
    services,
    systems,
    integrations,
    relations,
    portfolioElements,
    portfolioRelationships,
    planElements,
    planRelationships,
    extraElements: extraElements.map((node) => ({
      identifier: node.attributes?.identifier as string,
      type: node.attributes?.['xsi:type'] ?? '',
    })),
    extraRelationships: extraRelationships.map((node) => node.attributes?.identifier as string),
    views: [...diagrams.map((d) => d.identifier), ...extraViews.map((v) => v.attributes?.identifier as string)],
  };
  // With extras, the folders are merged now, so that the entries they lose are reported with the rest.
  let folders: XmlNode[] | undefined;
  if (extras) {
    const dropped: string[] = [];
    folders = mergeFolders(
      extras.organizations,
      karttaFolders(folderInput),
      exists,
      new Set(extras.unfiled ?? []),
      dropped,
    );
    for (const identifier of dropped) {
      changes.push({
        action: 'removed',
        object: 'folder-entry',
        identifier,
        reasons: [
          {
            code: 'archimate.concept-removed',
            message: `'${identifier}' is no longer in the file, so its folder entry is not either`,
          },
        ],
      });
    }
  }
  return {
    model,
    extras,
    folders,
    changes: sortChanges(changes),
    entityExtras,
    relationExtras,
    identifierOf,
    relationIdentifierOf,
    plan,
    portfolio,
    diagrams,
    extraElements,
    extraRelationships,
    extraViews,
    extraViewpoints,
    propertyDefinitions,
    folderInput,
    exists,
    scope: extras ? rootScope(extras) : ROOT_SCOPE,
  };
}

/** The root scope with the prefixes of other namespaces used in the extras, first binding of each prefix. */
function rootScope(extras: ArchimateExtras): NsScope {
  const prefixes = new Map(ROOT_SCOPE.prefixes);
  const visit = (node: XmlNode) => {
    if (node.ns !== undefined && node.prefix !== undefined && node.prefix !== 'xmlns' && !prefixes.has(node.prefix))
      prefixes.set(node.prefix, node.ns);
    for (const child of node.children ?? []) if (typeof child !== 'string') visit(child);
  };
  const roots: XmlNode[] = [
    ...(extras.model.any ?? []),
    ...extras.elements,
    ...extras.relationships,
    ...extras.organizations,
  ];
  if (extras.model.metadata) roots.push(extras.model.metadata);
  if (extras.views) roots.push(extras.views);
  for (const entity of extras.entities) roots.push(...(entity.any ?? []));
  roots.forEach(visit);
  return prefixes.size === ROOT_SCOPE.prefixes.size ? ROOT_SCOPE : { defaultNs: ROOT_SCOPE.defaultNs, prefixes };
}

/** The folders written: Kartta's, merged into the imported ones. */
export function organizationsOf(ctx: Prepared): readonly XmlNode[] {
  return ctx.folders ?? karttaFolders(ctx.folderInput);
}

/** Whether the model still has the concept an entity's extras belong to (an entity or a portfolio concept). */
function stillPresent(model: Model, id: string): boolean {
  const found = model.get(id);
  if (found !== undefined) return found.kind !== 'product';
  return (
    model.project(id) !== undefined ||
    model.offering(id) !== undefined ||
    model.theme(id) !== undefined ||
    model.funder(id) !== undefined
  );
}

/** Reports the kept properties of mapped concepts that the edit removed (they go with their concept). */
function lostProperties(
  model: Model,
  extras: ArchimateExtras,
  ids: ConceptIdentifiers,
  changes: ArchimateExportChange[],
): void {
  const report = (identifier: string, properties: readonly XmlNode[]) => {
    for (const property of properties) {
      changes.push({
        action: 'removed',
        object: 'property',
        identifier,
        ref: property.attributes?.propertyDefinitionRef ?? '',
        reasons: [
          {
            code: 'archimate.concept-removed',
            message: `the concept '${identifier}' it belonged to is no longer in the model`,
          },
        ],
      });
    }
  };
  for (const entity of extras.entities) {
    if (entity.properties && !stillPresent(model, entity.id))
      report(entity.identifier ?? fastEntityIdentifier(entity.id), entity.properties);
  }
  let present: Set<string> | undefined;
  for (const relation of extras.relations) {
    if (!relation.properties) continue;
    present ??= new Set(model.relations().map(relationKey));
    if (!present.has(relationKey(relation)))
      report(relation.identifier ?? fastRelationIdentifier(relation), relation.properties);
  }
}
