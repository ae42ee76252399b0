/**
 * Every stable code Kartta reports, in one place, as lists a tool can read and as union types the compiler
 * checks. One style: lowercase words joined by hyphens, dotted into a namespace (`reference.missing`,
 * `archimate.missing-element`, `placement.not-before`). A new code is added here first; the unions then let it
 * through `KarttaError`, `Issue` and the results.
 *
 * @module
 */

/**
 * The codes of the problems validation reports in `issues`: of a `kartta/1` document (`Model.load`,
 * `Model.edit`), of a migration plan (`validatePlan`) and of the document read from an ArchiMate file.
 *
 * @example
 * ```ts
 * import { issueCodes } from 'kartta';
 * issueCodes.includes('reference.missing'); // true
 * ```
 *
 * @category Codes
 */
export const issueCodes = [
  'amount.invalid',
  'array.empty',
  'budget.sum',
  'budget.year-outside',
  'business-id.invalid',
  'date.invalid',
  'date.order',
  'extension.invalid',
  'field.required',
  'field.unexpected',
  'field.unknown',
  'format.unsupported',
  'funding.amount-sum',
  'funding.duplicate',
  'funding.mixed',
  'funding.share-or-amount',
  'funding.share-sum',
  'id.duplicate',
  'id.invalid',
  'input.unreadable',
  'json.syntax',
  'key.invalid',
  'municipality-code.invalid',
  'name.empty',
  'name.language-invalid',
  'number.negative',
  'number.not-integer',
  'number.too-large',
  'number.too-small',
  'offering.provider-kind',
  'patch.invalid',
  'plan.after-duplicate',
  'plan.consolidate-product',
  'plan.system-duplicate',
  'plan.target-self',
  'plan.target-unexpected',
  'product.ambiguous',
  'reference.duplicate',
  'reference.kind',
  'reference.missing',
  'relation.duplicate',
  'relation.self',
  'share.invalid',
  'string.empty',
  'string.too-long',
  'type.invalid',
  'value.cyclic',
  'value.invalid',
  'value.not-json',
  'value.too-deep',
  'via.not-platform',
] as const;

/**
 * The code of a validation {@link Issue}.
 *
 * @example
 * ```ts
 * import type { IssueCode } from 'kartta';
 * const code: IssueCode = 'reference.missing';
 * ```
 *
 * @category Codes
 */
export type IssueCode = (typeof issueCodes)[number];

/**
 * The codes of the errors Kartta throws (`KarttaError.code`).
 *
 * @example
 * ```ts
 * import { errorCodes } from 'kartta';
 * errorCodes.includes('option.invalid'); // true
 * ```
 *
 * @category Codes
 */
export const errorCodes = [
  'archimate.duplicate-identifier',
  'archimate.identifier-collision',
  'archimate.invalid-model',
  'archimate.missing-attribute',
  'archimate.missing-element',
  'archimate.not-a-model',
  'archimate.source-failed',
  'archimate.unknown-type',
  'archimate.unrepresentable-text',
  'edit.recipe-async',
  'edit.recipe-failed',
  'edit.recipe-invalid',
  'edit.value-too-deep',
  'entity.unknown',
  'entity.wrong-kind',
  'graph.read-only',
  'model.invalid',
  'option.invalid',
  'plan.cycle',
  'plan.invalid',
  'plan.undated',
  'scenario.change-invalid',
  'scenario.conflict',
  'scenario.invalid',
  'scope.not-organisation',
  'scope.unknown',
  'spreadsheet.invalid',
  'spreadsheet.mapping-invalid',
  'spreadsheet.too-large',
  'spreadsheet.unreadable',
  'spreadsheet.xml-unsafe',
  'spreadsheet.zip-bomb',
  'view.internal',
  'xml.doctype',
  'xml.malformed',
  'xml.too-deep',
  'xml.too-large',
] as const;

/**
 * The code of a {@link KarttaError}.
 *
 * @example
 * ```ts
 * import { KarttaError, type KarttaErrorCode } from 'kartta';
 * const retryable = (error: KarttaError): boolean => (['xml.too-large'] as KarttaErrorCode[]).includes(error.code);
 * ```
 *
 * @category Codes
 */
export type KarttaErrorCode = (typeof errorCodes)[number];

/**
 * The codes of the explanations in results (`reasons`) and of migration violations.
 *
 * @example
 * ```ts
 * import { reasonCodes } from 'kartta';
 * reasonCodes.includes('placement.not-before'); // true
 * ```
 *
 * @category Codes
 */
export const reasonCodes = [
  // harmonisationCandidates
  'product.shared',
  'service.shared',
  'keep.system',
  'keep.product',
  'savings.total',
  // parallelSystems
  'service.parallel',
  'parallel.overdue',
  'parallel.within-policy',
  'parallel.gaps',
  // impactOf
  'impact.dependent',
  'impact.service',
  'impact.organisation',
  // planMigration: placements
  'placement.precedence',
  'placement.not-before',
  'placement.capacity',
  'placement.deadline',
  'placement.grouped',
  'placement.bridge',
  'placement.waits',
  'placement.free',
  // planMigrationOptimal: how the plan was solved
  'plan.mip-optimal',
  'plan.mip-time-limit',
  'plan.mip-unavailable',
  'plan.mip-failed',
  'plan.mip-bound-only',
  'plan.mip-neighbourhoods',
  // fundingSummary, overlappingDevelopment, obligations, projectPayback
  'funding.split',
  'overlap.same-subject',
  'overlap.periods',
  'overlap.national-exists',
  'overlap.no-national',
  'obligation.applies',
  'obligation.upcoming',
  'payback.years',
  'payback.unknown',
  // archimateExportChanges
  'archimate.concept-removed',
  'archimate.element-removed',
  'archimate.end-removed',
  'archimate.parent-removed',
  'archimate.relationship-removed',
  'archimate.view-removed',
  // planMigration: violations (the names DESIGN.md gives them)
  'retires-dependency',
  'dates-unchecked',
  'calendar-incomplete',
  'target-retired',
] as const;

/**
 * The code of a reason in a result's `reasons`, or of a migration violation.
 *
 * @example
 * ```ts
 * import type { ReasonCode } from 'kartta';
 * const code: ReasonCode = 'parallel.overdue';
 * ```
 *
 * @category Codes
 */
export type ReasonCode = (typeof reasonCodes)[number];

/** The one shape of every code: hyphenated lowercase words, optionally dotted into namespaces. */
export const CODE_PATTERN = /^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)*$/u;

/**
 * The codes of the problems `applyScenario`, `checkScenario` and `sealScenario` report in
 * `ScenarioError.problems`. A malformed field of a change has the format's own issue code (see
 * {@link issueCodes}) instead.
 * @example
 * ```ts
 * import { scenarioProblemCodes } from 'kartta';
 * scenarioProblemCodes.includes('scenario.entity-missing'); // true
 * ```
 *
 * @category Codes
 */
export const scenarioProblemCodes = [
  'scenario.entity-changed',
  'scenario.entity-exists',
  'scenario.entity-missing',
  'scenario.key-mismatch',
  'scenario.not-installation',
  'scenario.not-platform',
  'scenario.nothing-to-consolidate',
  'scenario.nothing-to-move',
  'scenario.path-invalid',
  'scenario.platform-in-use',
  'scenario.result-invalid',
  'scenario.same-system',
  'scenario.system-retired',
  'scenario.value-invalid',
  'scenario.wrong-kind',
] as const;

/**
 * The code of a {@link scenarioProblemCodes | scenario problem}.
 * @example
 * ```ts
 * import type { ScenarioProblemCode } from 'kartta';
 * const code: ScenarioProblemCode = 'scenario.entity-missing';
 * ```
 *
 * @category Codes
 */
export type ScenarioProblemCode = (typeof scenarioProblemCodes)[number];
