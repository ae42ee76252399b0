/**
 * `kartta/core`: the model, its queries, the migration planner and the scenarios, without the ArchiMate exchange
 * and its view layout. A tool that loads and queries models imports this entry and never loads the XML parser
 * (saxes), the layout engine (dagre) or `node:stream`; `kartta` is this entry and `kartta/archimate` together.
 * Mixing `kartta/core` with `kartta/archimate` or `kartta` is safe: they share one copy of every class, so
 * `instanceof Model` and `instanceof KarttaError` hold across them. docs/performance.md ("Startup cost") gives
 * what each entry costs to load.
 *
 * @example
 * ```ts
 * import { Model, parallelSystems } from 'kartta/core';
 * import { sampleDocument } from 'kartta/sample';
 * const model = Model.load(sampleDocument());
 * console.log(parallelSystems(model, { scope: 'pop' }).length);
 * ```
 *
 * @module kartta/core
 */
export { Model, type ProductRef } from './model/model.js';
export type { ReadonlyGraph, MutatingPrefix } from './model/readonly-graph.js';
export { normaliseProductName } from './schema/products.js';
export { relationKey } from './graph/keys.js';
export {
  KarttaError,
  OptionError,
  ModelValidationError,
  QueryError,
  ReadOnlyGraphError,
  EditError,
  formatPath,
  echo,
} from './errors.js';
export type { KarttaErrorDetails } from './errors.js';
export { isValidBusinessId, isIsoDate } from './schema/primitives.js';
export {
  FORMAT,
  organisationKinds,
  systemClasses,
  lifecycles,
  directions,
  modes,
  relationTypes,
} from './schema/document.js';
export { projectKinds, projectStatuses, projectLevels } from './schema/portfolio.js';
export type * from './types.js';
export { displayName, NAME_FALLBACK, type EntityName } from './names.js';
export { issueCodes, errorCodes, reasonCodes, scenarioProblemCodes } from './codes.js';
export type { IssueCode, KarttaErrorCode, ReasonCode, ScenarioProblemCode } from './codes.js';
export { harmonisationCandidates } from './queries/harmonisation.js';
export type {
  HarmonisationOptions,
  HarmonisationCandidate,
  SameProductCandidate,
  SameServiceCandidate,
  HarmonisationReason,
  InstallationFacts,
  KeepRule,
  KeepProductRule,
  ProductGroup,
  SystemCost,
} from './queries/harmonisation.js';
export type { UsersSource } from './queries/facts.js';
export { parallelSystems } from './queries/parallel.js';
export type {
  ParallelOptions,
  ParallelGroup,
  ParallelPair,
  ParallelPairCounts,
  PairStatus,
  ParallelProduct,
  ParallelReason,
} from './queries/parallel.js';
export { impactOf } from './queries/impact.js';
export type {
  ImpactOptions,
  Impact,
  ImpactReason,
  IntegratedSystem,
  DependentSystem,
  ServiceImpact,
  OrganisationImpact,
} from './queries/impact.js';
export { fundingSummary } from './portfolio/funding.js';
export type {
  FundingGrouping,
  FundingSummaryOptions,
  FundingSummary,
  FundingGroup,
  FunderAmount,
} from './portfolio/funding.js';
export { overlappingDevelopment } from './portfolio/overlap.js';
export type { OverlapOptions, OverlapGroup, OverlapSubject, OverlapReason } from './portfolio/overlap.js';
export { obligations } from './portfolio/obligations.js';
export type { ObligationOptions, ObligatedSystem } from './portfolio/obligations.js';
export { projectPayback } from './portfolio/payback.js';
export type { PaybackOptions, ProjectPayback, DeliveredCandidate } from './portfolio/payback.js';
export { lint, lintRules, lintRuleIds } from './queries/lint.js';
export type {
  LintConfig,
  LintFinding,
  LintRule,
  LintRuleId,
  LintSeverity,
  LintLevel,
  LintData,
  LintPairs,
} from './queries/lint.js';
export { planMigration } from './migration/plan-migration.js';
export type { PlanMigrationOptions } from './migration/plan-migration.js';
export { planMigrationOptimal } from './migration/plan-optimal.js';
export type { PlanMigrationOptimalOptions } from './migration/plan-optimal.js';
export { validatePlan, parsePlan } from './migration/validate.js';
export type { PlanValidationResult } from './migration/validate.js';
export { PlanValidationError, MigrationCycleError } from './migration/errors.js';
export type { HardRule, CycleLink } from './migration/errors.js';
export { migrationActions } from './migration/plan-schema.js';
export {
  documentSchema,
  productSchema,
  themeSchema,
  funderSchema,
  offeringSchema,
  projectSchema,
  organisationSchema,
  serviceSchema,
  systemSchema,
  integrationSchema,
  relationSchema,
  migrationStepSchema,
  migrationPlanSchema,
} from './schema/public.js';
export type { MigrationAction, MigrationStep, MigrationPlan } from './migration/plan-schema.js';
export type { HardConstraint } from './migration/rules.js';
export type {
  MigrationResult,
  MigrationWave,
  MigrationBridge,
  MissedDeadline,
  MissedDeadlineCause,
  MigrationViolation,
  PlacementReason,
  PlacementReasonData,
  StepPlacement,
  MigrationMethod,
  PlanReason,
  PlanReasonCode,
} from './migration/result.js';
export { graphKey, idOfGraphKey } from './graph/graph-key.js';
export { diffModels } from './scenarios/diff.js';
export type { ModelDiff, DiffEntry, DiffCollection, DiffCounts, FieldChange } from './scenarios/diff.js';
export { formatDiff } from './scenarios/format-diff.js';
export type { FormatDiffOptions } from './scenarios/format-diff.js';
export { modelHash } from './scenarios/hash.js';
export { SCENARIO_FORMAT } from './scenarios/scenario-schema.js';
export type {
  Scenario,
  ScenarioChange,
  ScenarioOperation,
  ScenarioPatch,
  RetireOperation,
  ConsolidateOperation,
  ReplaceOperation,
  MoveOwnershipOperation,
  AddIntegrationOperation,
  EntityFingerprint,
} from './scenarios/scenario-schema.js';
export { ScenarioError } from './scenarios/errors.js';
export type { ScenarioProblem } from './scenarios/errors.js';
export { parseScenario } from './scenarios/parse.js';
export { applyScenario, checkScenario, sealScenario } from './scenarios/apply.js';
export type { ScenarioCheck } from './scenarios/apply.js';
export { scenarioFromDiff } from './scenarios/from-diff.js';
export type { ScenarioFromDiffOptions } from './scenarios/from-diff.js';
export { compareScenarios } from './scenarios/compare.js';
export type {
  CompareScenariosOptions,
  ComparisonColumn,
  ComparisonCell,
  ComparisonRow,
  ScenarioComparison,
} from './scenarios/compare.js';
export { scenarioMeasures } from './scenarios/measures.js';
export type { MeasureContext, MeasureValue, ScenarioMeasure } from './scenarios/measures.js';
export { formatComparison } from './scenarios/format-comparison.js';
export type { FormatComparisonOptions } from './scenarios/format-comparison.js';
export { stateAt } from './scenarios/state-at.js';
