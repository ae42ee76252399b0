/**
 * The scenario document `kartta-scenario/1`: a named set of changes to a base model, written by hand (high-level
 * operations) or by a tool (id-addressed patches), with the hash of the base it was written against.
 */
import { z } from 'zod';
import { integrationSchema } from '../schema/document.js';
import { extensionSchema, refSchema, textSchema } from '../schema/primitives.js';
import { migrationPlanSchema } from '../migration/plan-schema.js';
import type { MigrationPlan } from '../migration/plan-schema.js';
import type { Integration } from '../types.js';

/**
 * The scenario format identifier this version of Kartta reads and writes.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import { SCENARIO_FORMAT } from 'kartta';
 * console.log(SCENARIO_FORMAT); // 'kartta-scenario/1'
 * ```
 */
export const SCENARIO_FORMAT = 'kartta-scenario/1';

const hashSchema = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, { message: "expected 'sha256:' and 64 lower-case hex digits" })
  .meta({ description: "A content hash: 'sha256:' and the lower-case hex SHA-256 (see modelHash)." });

const described = { description: textSchema.optional() };

const retireSchema = z.strictObject({ op: z.literal('retire'), system: refSchema, ...described });
const consolidateSchema = z.strictObject({
  op: z.literal('consolidate'),
  product: textSchema,
  into: refSchema,
  scope: refSchema.optional(),
  ...described,
});
const replaceSchema = z.strictObject({ op: z.literal('replace'), system: refSchema, by: refSchema, ...described });
const moveOwnershipSchema = z.strictObject({
  op: z.literal('moveOwnership'),
  systems: z.array(refSchema).min(1).optional(),
  from: refSchema.optional(),
  to: refSchema,
  ...described,
});
const addIntegrationSchema = z.strictObject({
  op: z.literal('addIntegration'),
  integration: integrationSchema,
  ...described,
});

/** zod schema of the high-level operations, a union on `op`. */
export const operationSchema = z.discriminatedUnion('op', [
  retireSchema,
  consolidateSchema,
  replaceSchema,
  moveOwnershipSchema,
  addIntegrationSchema,
]);

/** zod schema of an id-addressed patch. */
export const patchChangeSchema = z.strictObject({
  op: z.enum(['add', 'remove', 'replace']),
  path: z.array(z.string().min(1)).min(1).max(66),
  value: z.unknown().optional(),
  was: z.unknown().optional(),
  ...described,
});

/** zod schema of the fingerprint of one base entity. */
export const fingerprintSchema = z.strictObject({ id: z.string().min(1), hash: hashSchema });

/** zod schema of the whole scenario document (changes checked one by one, see parse.ts). */
export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  name: textSchema,
  description: textSchema.optional(),
  base: hashSchema.optional(),
  fingerprints: z.array(fingerprintSchema).optional(),
  changes: z.array(z.union([operationSchema, patchChangeSchema])),
  plan: migrationPlanSchema.optional(),
  x: extensionSchema.optional(),
});

/**
 * Take a system out of use: its lifecycle becomes `retired` and the integrations that start or end at it are
 * removed (their data no longer flows). Its other relations stay, as history.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { RetireOperation } from 'kartta';
 * const op: RetireOperation = { op: 'retire', system: 'raindance-kalajoki' };
 * ```
 */
export interface RetireOperation {
  /** The operation. */
  readonly op: 'retire';
  /** The system to retire: it must exist and not be retired already. */
  readonly system: string;
  /** Why, in words, for a reader. */
  readonly description?: string | undefined;
}

/**
 * Consolidate the installations of a product into one keeper: every other installation in use (in `scope`, when
 * given) hands its users, services, integrations and dependants over to `into` and is retired.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ConsolidateOperation } from 'kartta';
 * const op: ConsolidateOperation = { op: 'consolidate', product: 'basware', into: 'basware-oulu', scope: 'pop' };
 * ```
 */
export interface ConsolidateOperation {
  /** The operation. */
  readonly op: 'consolidate';
  /** The product: a catalogue id, name or alias, or a name outside the catalogue (compared normalised). */
  readonly product: string;
  /** The keeper: an installation of the product, in use. */
  readonly into: string;
  /** Only installations owned or used by this organisation or its members (transitively). */
  readonly scope?: string | undefined;
  /** Why, in words, for a reader. */
  readonly description?: string | undefined;
}

/**
 * Replace a system with another: `system` hands its users, services, integrations and dependants over to `by`
 * and is retired; `by` goes into production if it was planned or in development.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ReplaceOperation } from 'kartta';
 * const op: ReplaceOperation = { op: 'replace', system: 'lifecare-oulu', by: 'esko-ppshp' };
 * ```
 */
export interface ReplaceOperation {
  /** The operation. */
  readonly op: 'replace';
  /** The system replaced: it must exist and be in use. */
  readonly system: string;
  /** The replacement: a system in use, planned or in development. */
  readonly by: string;
  /** Why, in words, for a reader. */
  readonly description?: string | undefined;
}

/**
 * Move the ownership of systems to an organisation: the listed `systems`, or every system in use that `from`
 * owns. Their `owns` relations are replaced by one from `to`.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { MoveOwnershipOperation } from 'kartta';
 * const op: MoveOwnershipOperation = { op: 'moveOwnership', from: 'ppshp', to: 'pop' };
 * ```
 */
export interface MoveOwnershipOperation {
  /** The operation. */
  readonly op: 'moveOwnership';
  /** The systems to move (give this or `from`). */
  readonly systems?: readonly string[] | undefined;
  /** Move every system in use this organisation owns (give this or `systems`). */
  readonly from?: string | undefined;
  /** The new owner, an organisation. */
  readonly to: string;
  /** Why, in words, for a reader. */
  readonly description?: string | undefined;
}

/**
 * Add an integration between two systems, as the `kartta/1` format writes one.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { AddIntegrationOperation } from 'kartta';
 * const op: AddIntegrationOperation = {
 *   op: 'addIntegration',
 *   integration: { id: 'i-new', source: 'esko-ppshp', target: 'effica-raahe', protocol: 'HL7 v2', via: 'pop-esb' },
 * };
 * ```
 */
export interface AddIntegrationOperation {
  /** The operation. */
  readonly op: 'addIntegration';
  /** The integration, as the `kartta/1` format writes one. */
  readonly integration: Integration;
  /** Why, in words, for a reader. */
  readonly description?: string | undefined;
}

/**
 * A high-level operation of a scenario.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ScenarioOperation } from 'kartta';
 * const ops: ScenarioOperation[] = [{ op: 'retire', system: 'raindance-kalajoki' }, { op: 'replace', system: 'lifecare-oulu', by: 'esko-ppshp' }];
 * ```
 */
export type ScenarioOperation =
  RetireOperation | ConsolidateOperation | ReplaceOperation | MoveOwnershipOperation | AddIntegrationOperation;

/**
 * A low-level change in the style of an immer patch, addressed by id instead of array index, so that it still
 * finds its entity in a base whose order changed: `path` is a collection, an entity id (a relation's key
 * `type: from -> to`) and optionally the field path inside it; or a document field (`name`, `description`, `x`)
 * and the path inside it. `was` is the value the author saw; when given, a different value is a conflict.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ScenarioPatch } from 'kartta';
 * const patch: ScenarioPatch = { op: 'replace', path: ['systems', 'lifecare-oulu', 'lifecycle'], value: 'retired', was: 'production' };
 * ```
 */
export interface ScenarioPatch {
  /** `add` (the target must be absent), `remove` or `replace` (it must be present). */
  readonly op: 'add' | 'remove' | 'replace';
  /** A collection and an id (and a field path), or a document field (and a path inside it). */
  readonly path: readonly string[];
  /** The new value, for `add` and `replace`. */
  readonly value?: unknown;
  /** The value before, as the author saw it. */
  readonly was?: unknown;
  /** Why, in words, for a reader. */
  readonly description?: string | undefined;
}

/**
 * One change of a scenario: a high-level operation or a patch (a change with a `path` is a patch).
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ScenarioChange } from 'kartta';
 * const change: ScenarioChange = { op: 'retire', system: 'raindance-kalajoki' };
 * ```
 */
export type ScenarioChange = ScenarioOperation | ScenarioPatch;

/**
 * The fingerprint of a base entity as the scenario's author saw it (written by {@link sealScenario}).
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { EntityFingerprint } from 'kartta';
 * const fingerprint: EntityFingerprint = { id: 'lifecare-oulu', hash: 'sha256:' + '0'.repeat(64) };
 * ```
 */
export interface EntityFingerprint {
  /** An entity id, or a relation key `type: from -> to`. */
  readonly id: string;
  /** The entity's hash: `sha256:` of its canonical JSON, defaults left out. */
  readonly hash: string;
}

/**
 * A `kartta-scenario/1` document.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { Scenario } from 'kartta';
 * const scenario: Scenario = {
 *   format: 'kartta-scenario/1',
 *   name: 'Hospital district based',
 *   changes: [{ op: 'replace', system: 'lifecare-oulu', by: 'esko-ppshp' }],
 * };
 * ```
 */
export interface Scenario {
  /** Always `kartta-scenario/1`. */
  readonly format: 'kartta-scenario/1';
  /** A short name, the column's title in a comparison. */
  readonly name: string;
  /** What the scenario is about, in words, for a reader of the comparison. */
  readonly description?: string | undefined;
  /** The content hash of the base model the changes were written against (see `modelHash`). */
  readonly base?: string | undefined;
  /** Fingerprints of the base entities the changes touch, for finding conflicts when the base changed. */
  readonly fingerprints?: readonly EntityFingerprint[] | undefined;
  /** The changes, applied in order. */
  readonly changes: readonly ScenarioChange[];
  /** A migration plan from the base towards this scenario (a `planMigration` plan document). */
  readonly plan?: MigrationPlan | undefined;
  /** Tool-specific data, kept as given. */
  readonly x?: Readonly<Record<string, unknown>> | undefined;
}
