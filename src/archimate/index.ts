/** The ArchiMate Model Exchange File Format: export, streaming export and safe, lossless import. */
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
