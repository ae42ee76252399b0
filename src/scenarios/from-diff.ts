/** A scenario that turns one model into another: the patches of their difference. */
import { z } from 'zod';
import type { ModelDiff } from './diff.js';
import { modelHash } from './hash.js';
import { Model } from '../model/model.js';
import { parseOptions } from '../options.js';
import { parseScenario } from './parse.js';
import { SCENARIO_FORMAT, type Scenario, type ScenarioPatch } from './scenario-schema.js';

/**
 * Options of {@link scenarioFromDiff}.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ScenarioFromDiffOptions } from 'kartta';
 * const options: ScenarioFromDiffOptions = { name: 'Edits of 2019-03', description: 'What the workshop changed' };
 * ```
 */
export interface ScenarioFromDiffOptions {
  /** The scenario's name (default: `Differences`). */
  readonly name?: string | undefined;
  /** The scenario's description. */
  readonly description?: string | undefined;
  /** The model the difference starts from: its hash becomes the scenario's `base`. */
  readonly base?: Model | undefined;
}

const optionsSchema = z.strictObject({
  name: z.string().min(1).max(10_000).optional(),
  description: z.string().min(1).max(10_000).optional(),
  base: z.custom<Model>((value) => value instanceof Model, { message: 'must be a Model' }).optional(),
});

/**
 * The scenario of a difference: one id-addressed patch per changed field, added entity and removed entity, each
 * removal and replacement carrying the value it expects (`was`), so that applying it to the `before` model of
 * the difference gives the `after` model, and applying it to a base that moved on reports what no longer fits.
 *
 * @throws {@link QueryError} `option.invalid` for an unknown or malformed option.
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, applyScenario, diffModels, scenarioFromDiff } from 'kartta';
 * const before = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
 * const { model: after } = before.edit((doc) => { doc.systems[0]!.lifecycle = 'retired'; });
 * const scenario = scenarioFromDiff(diffModels(before, after), { name: 'Retire A', base: before });
 * console.log(scenario.changes); // [{ op: 'replace', path: ['systems', 'a', 'lifecycle'], value: 'retired', was: 'production' }]
 * console.log(diffModels(applyScenario(before, scenario), after).equal); // true
 * ```
 */
export function scenarioFromDiff(diff: ModelDiff, options: ScenarioFromDiffOptions = {}): Scenario {
  const { name = 'Differences', description, base } = parseOptions('scenarioFromDiff', optionsSchema, options);
  const changes: ScenarioPatch[] = [];
  const field = (prefix: readonly string[], path: readonly string[], before: unknown, after: unknown): void => {
    const full = [...prefix, ...path];
    if (before === undefined) changes.push({ op: 'add', path: full, value: after });
    else if (after === undefined) changes.push({ op: 'remove', path: full, was: before });
    else changes.push({ op: 'replace', path: full, value: after, was: before });
  };
  for (const change of diff.header) field([], change.path, change.before, change.after);
  // Removals first, so that an entity removed and one added in its place never meet.
  for (const entry of diff.entries)
    if (entry.change === 'removed')
      changes.push({ op: 'remove', path: [entry.collection, entry.id], was: entry.before });
  for (const entry of diff.entries) {
    if (entry.change === 'added') changes.push({ op: 'add', path: [entry.collection, entry.id], value: entry.after });
    else if (entry.change === 'changed')
      for (const change of entry.fields) field([entry.collection, entry.id], change.path, change.before, change.after);
  }
  const scenario: Record<string, unknown> = { format: SCENARIO_FORMAT, name };
  if (description !== undefined) scenario.description = description;
  if (base !== undefined) scenario.base = modelHash(base);
  scenario.changes = changes;
  return parseScenario(scenario);
}
