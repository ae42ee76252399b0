/**
 * What an imported exchange file holds that Kartta has no concept for. Everything here is plain, JSON-serialisable
 * data, so extras can be saved next to the `kartta/1` document and given back to the exporter later.
 *
 * @module
 */
import type { Name, RelationType } from '../types.js';

/**
 * A piece of XML kept as read: the local `name`, its namespace when that is not the ArchiMate namespace (with the
 * prefix it had), attributes and children (elements and text). Attribute keys are local names, `xml:lang` and
 * `xsi:type`, or `{namespace}local` for attributes of other namespaces.
 *
 * @example
 * ```ts
 * import type { XmlNode } from 'kartta';
 * const bendpoint: XmlNode = { name: 'bendpoint', attributes: { x: '120', y: '40' } };
 * ```
 *
 * @category ArchiMate
 */
export interface XmlNode {
  /** Local name. */
  name: string;
  /** Namespace URI, when not the ArchiMate exchange namespace. */
  ns?: string;
  /** The prefix the element had in its file, reused when it is written again. */
  prefix?: string;
  /** Attributes in the order read. */
  attributes?: Record<string, string>;
  /** Child elements and text, in document order. */
  children?: (XmlNode | string)[];
}

/**
 * A text in an optional language: one `<name>`, `<documentation>` or property `<value>`.
 *
 * @example
 * ```ts
 * import type { LangString } from 'kartta';
 * const name: LangString = { text: 'Pohjois-Pohjanmaa', lang: 'fi' };
 * ```
 *
 * @category ArchiMate
 */
export interface LangString {
  /** The text as the file had it. */
  text: string;
  /** Its `xml:lang`, such as `fi` or `sv`; absent when the file gave none. */
  lang?: string;
}

/**
 * What a file said about a concept that Kartta maps (an organisation, service, system, integration or relation)
 * beyond the Kartta fields, so that the concept is written back as it was read.
 *
 * @example
 * ```ts
 * import type { ConceptExtras } from 'kartta';
 * // An ApplicationComponent from Archi: its identifier, a property Kartta has no field for, and the class Kartta
 * // had to assume (written back only while it is still TOSI).
 * const extras: ConceptExtras = {
 *   identifier: 'f1c2',
 *   properties: [{ name: 'property', attributes: { propertyDefinitionRef: 'propid-1' }, children: [{ name: 'value', children: ['Ops'] }] }],
 *   defaults: { class: 'TOSI' },
 * };
 * ```
 *
 * @category ArchiMate
 */
export interface ConceptExtras {
  /** The identifier in the file, when it is not the one Kartta derives from the id. */
  identifier?: string;
  /**
   * The names as read, when Kartta's name could not hold them (say two names in one language). They are written
   * instead of the Kartta name for as long as that name is still `nameUsed`. On relations and integrations,
   * which have no Kartta name, they are always written.
   */
  names?: LangString[];
  /** The Kartta name made from `names`. */
  nameUsed?: Name;
  /**
   * The languages of the names in the order the file had them, when that is not alphabetical: the names are
   * written in this order again (languages added later follow, alphabetically), so that a tool that shows the
   * first name (Archi, when the locale does not match) still shows the same one.
   */
  nameOrder?: string[];
  /** The `xml:lang` of the documentation that became the description. */
  descriptionLang?: string;
  /** Documentation beyond the one that became the description (other languages), written after it. */
  documentation?: LangString[];
  /** The `xml:lang` of property values that became Kartta fields, by property name. */
  valueLangs?: Record<string, string>;
  /**
   * The text of property values that became Kartta fields, by property name, when Kartta would write the value
   * differently (`0100`, `250.0`, `1.50e3`): written back as it was for as long as the value is unchanged.
   */
  valueTexts?: Record<string, string>;
  /** Fields Kartta had to fill in (e.g. `kind: 'other'`); not written back while they keep that value. */
  defaults?: Record<string, string>;
  /** Properties Kartta has no field for, as read. */
  properties?: XmlNode[];
  /** The concept's attributes as read, when they differ from what Kartta writes (e.g. `isDirected`). */
  attributes?: Record<string, string>;
  /** Extension elements of other namespaces inside the concept. */
  any?: XmlNode[];
}

/**
 * {@link ConceptExtras} of an organisation, service, system or integration, by its Kartta id.
 *
 * @example
 * ```ts
 * import type { EntityExtras } from 'kartta';
 * const extras: EntityExtras = { id: 'oulu', identifier: 'a1b2c3' };
 * ```
 *
 * @category ArchiMate
 */
export interface EntityExtras extends ConceptExtras {
  /** The Kartta id of the organisation, service, system or integration. */
  id: string;
}

/**
 * {@link ConceptExtras} of a relation, by its type and ends.
 *
 * @example
 * ```ts
 * import type { RelationExtras } from 'kartta';
 * const extras: RelationExtras = { type: 'memberOf', from: 'oulu', to: 'pop', identifier: 'r-17' };
 * ```
 *
 * @category ArchiMate
 */
export interface RelationExtras extends ConceptExtras {
  /** The Kartta relation type. */
  type: RelationType;
  /** The id of the entity the relation starts at. */
  from: string;
  /** The id of the entity it ends at. */
  to: string;
}

/**
 * The model's own extras: its identifier, version and metadata, and the extras of its name and documentation.
 *
 * @example
 * ```ts
 * import type { ModelExtras } from 'kartta';
 * const model: ModelExtras = { identifier: 'id-11f5304f' };
 * ```
 *
 * @category ArchiMate
 */
export interface ModelExtras extends ConceptExtras {
  /** The `version` attribute of the model. */
  version?: string;
  /** The `<metadata>` element as read. */
  metadata?: XmlNode;
}

/**
 * Everything an imported file held that Kartta has no concept for, returned by {@link fromArchimateXml} and
 * written back by {@link toArchimateXml} with `{ extras }`: other elements and relationships, the folders, the
 * property definitions, the views with their bounds, bendpoints and styles, metadata, and for the concepts Kartta
 * does map, whatever did not fit a Kartta field.
 *
 * When the model changed in between, extras that refer to concepts no longer there are left out on export (a
 * relationship to a removed system, a view node showing it, a folder entry), so the file stays valid. Elements,
 * relationships and views that the export generates itself (plan and view identifiers start with `plan.` and
 * `view.`) replace extras with the same identifier.
 *
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { fromArchimateXml, toArchimateXml } from 'kartta';
 * const { model, extras } = fromArchimateXml(readFileSync('archi.xml', 'utf8'));
 * const { model: next } = model.edit((doc) => { doc.systems[0]!.lifecycle = 'phasingOut'; });
 * writeFileSync('archi.xml', toArchimateXml(next, { extras }));
 * ```
 *
 * @category ArchiMate
 */
export interface ArchimateExtras {
  /** Marks the shape of this object, for tools that store it. */
  format: 'kartta-archimate-extras/1';
  /** The `<model>`'s own extras. */
  model: ModelExtras;
  /** Elements of other types, as read, in file order. */
  elements: XmlNode[];
  /** Relationships Kartta does not map, as read, in file order. */
  relationships: XmlNode[];
  /** Extras of mapped entities, sorted by id. */
  entities: EntityExtras[];
  /** Extras of mapped relations, sorted by type, from and to. */
  relations: RelationExtras[];
  /** The `<organizations>` elements (the folder tree), unless they were exactly the folders Kartta writes. */
  organizations: XmlNode[];
  /** Property definitions other than the ones Kartta writes itself. */
  propertyDefinitions: XmlNode[];
  /** The `<views>` element as read (viewpoints and diagrams). */
  views?: XmlNode;
  /**
   * The identifiers of the elements, relationships and views that the file put in no folder (all of them when it
   * had no `<organizations>`, as ARIS-style files do). They stay in no folder on export; only concepts that are not
   * from the file (added by an edit, or generated) are filed in Kartta's folders.
   */
  unfiled?: string[];
}

/**
 * Extras with nothing in them: what {@link toArchimateXml} assumes when no extras are given.
 *
 * @example
 * ```ts
 * import { emptyArchimateExtras } from 'kartta';
 * emptyArchimateExtras().elements; // []
 * ```
 *
 * @category ArchiMate
 */
export function emptyArchimateExtras(): ArchimateExtras {
  return {
    format: 'kartta-archimate-extras/1',
    model: {},
    elements: [],
    relationships: [],
    entities: [],
    relations: [],
    organizations: [],
    propertyDefinitions: [],
  };
}
