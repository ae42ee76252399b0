/**
 * `kartta/archimate`: the ArchiMate Model Exchange File Format (export, streaming export and safe, lossless
 * import) and the generated views. Kept apart from `kartta/core` so that a tool that only loads and queries
 * models never loads the XML parser (saxes) or the layout engine (dagre); `kartta` exports both. Its functions
 * take and return the `Model` of `kartta/core` (one class, shared by every entry).
 *
 * @example
 * ```ts
 * import { Model } from 'kartta/core';
 * import { fromArchimateXml, toArchimateXml } from 'kartta/archimate';
 * const model = Model.load({ format: 'kartta/1', name: 'Kempele' });
 * const { model: back } = fromArchimateXml(toArchimateXml(model));
 * console.log(back.name); // 'Kempele'
 * ```
 *
 * @module kartta/archimate
 */
export { toArchimateXml, archimateChunks, writeArchimate, archimateExportChanges } from './export.js';
export type { ArchimateExportChange, ArchimateChangeReason } from './export-changes.js';
export type { ArchimateExportOptions, ArchimateViewOptions } from './export.js';
export { fromArchimateXml, readArchimate } from './import.js';
export type { ArchimateImportOptions, ArchimateImportResult } from './import.js';
export { ArchimateImportError, ArchimateExportError } from './errors.js';
export { emptyArchimateExtras } from './extras.js';
export type {
  ArchimateExtras,
  ConceptExtras,
  EntityExtras,
  RelationExtras,
  ModelExtras,
  XmlNode,
  LangString,
} from './extras.js';
export type {
  ArchimatePlan,
  ArchimatePlanStep,
  ArchimatePlanResult,
  PlanLayer,
  PlanElement,
  PlanRelationship,
} from './plan.js';
export { buildViews } from './views/index.js';
export type { BuildViewsOptions, ViewsPlan, ViewSpec, ViewNodeSpec, ViewConnectionSpec } from './views/index.js';
