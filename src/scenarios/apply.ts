/** Applying a scenario to a base: every change checked, every problem reported, nothing applied unless all hold. */
import { QueryError, formatPath } from '../errors.js';
import { Model } from '../model/model.js';
import { diffCollections, withoutDefaults, type DiffCollectionName } from './defaults.js';
import { ScenarioError, type ScenarioProblem } from './errors.js';
import { modelHash, sha256Text } from './hash.js';
import { applyOperation, q, type ChangeContext } from './operations.js';
import { parseScenario } from './parse.js';
import { applyPatch } from './patches.js';
import type { EntityFingerprint, Scenario } from './scenario-schema.js';
import { Working, type Item } from './working.js';

/**
 * What {@link checkScenario} found: whether the scenario's base hash is the base's, and every problem.
 *
 * @category Scenarios
 * @example
 * ```ts
 * import type { ScenarioCheck } from 'kartta';
 * const check: ScenarioCheck = { ok: true, baseHash: 'sha256:' + '0'.repeat(64), baseMatches: null, problems: [] };
 * ```
 */
export interface ScenarioCheck {
  /** True when every change applies and the result is a valid model. */
  readonly ok: boolean;
  /** The content hash of the base given (see `modelHash`). */
  readonly baseHash: string;
  /** Whether the scenario's `base` is `baseHash`; `null` when the scenario names no base. */
  readonly baseMatches: boolean | null;
  /** Every problem, in the order of the changes (problems of the result last). */
  readonly problems: readonly ScenarioProblem[];
}

interface Run extends ScenarioCheck {
  readonly model?: Model | undefined;
  readonly touches: readonly (readonly string[])[];
}

function isModel(value: unknown): value is Model {
  return value instanceof Model;
}

function requireModel(fn: string, base: unknown): Model {
  if (!isModel(base)) {
    throw new QueryError('option.invalid', `${fn}: the base must be a Model (load one with Model.load)`, 'base');
  }
  return base;
}

/** The fingerprint of an item of the working copy: the hash of its JSON, defaults left out. */
function fingerprintOf(collection: DiffCollectionName, item: Item): string {
  return sha256Text(JSON.stringify(withoutDefaults(collection, item)));
}

function findItem(w: Working, id: string): { collection: DiffCollectionName; item: Item } | undefined {
  for (const collection of diffCollections) {
    const item = w.get(collection, id);
    if (item !== undefined) return { collection, item };
  }
  return undefined;
}

function run(base: Model, input: unknown): Run {
  const scenario = parseScenario(input);
  const baseHash = modelHash(base);
  const baseMatches = scenario.base === undefined ? null : scenario.base === baseHash;
  const conflict = baseMatches === false;
  const w = new Working(base);
  const problems: ScenarioProblem[] = [];

  // Fingerprints first, against the base as it is: an entity the author saw that changed is a conflict even when
  // the change that touches it would still go through.
  const snapshot =
    conflict && scenario.fingerprints !== undefined
      ? new Map(scenario.fingerprints.map((f) => [f.id, findItem(w, f.id)]))
      : undefined;

  const touches: string[][] = [];
  scenario.changes.forEach((change, index) => {
    const ctx: ChangeContext = { index, op: change.op, conflict, problems, touches: new Set() };
    if ('path' in change) applyPatch(w, ctx, change);
    else applyOperation(w, ctx, change);
    touches.push([...ctx.touches]);
  });

  if (snapshot !== undefined) {
    (scenario.fingerprints ?? []).forEach((fingerprint, k) => {
      const change = touches.findIndex((ids) => ids.includes(fingerprint.id));
      const at = change >= 0 ? { change, op: scenario.changes[change]?.op } : {};
      const found = snapshot.get(fingerprint.id);
      if (found === undefined) {
        problems.push({
          code: 'scenario.entity-missing',
          ...at,
          path: ['fingerprints', k],
          id: fingerprint.id,
          conflict: true,
          message: `${q(fingerprint.id)} is not in the base any more`,
        });
      } else if (fingerprintOf(found.collection, found.item) !== fingerprint.hash) {
        problems.push({
          code: 'scenario.entity-changed',
          ...at,
          path: ['fingerprints', k],
          id: fingerprint.id,
          conflict: true,
          message: `${q(fingerprint.id)} changed in the base since the scenario was written`,
        });
      }
    });
  }
  if (problems.length > 0) return { ok: false, baseHash, baseMatches, problems, touches };

  const doc = w.toDocument();
  const loaded = Model.safeLoad(doc);
  if (loaded.ok) return { ok: true, baseHash, baseMatches, problems, model: loaded.model, touches };
  for (const issue of loaded.issues) {
    const [collection, index] = issue.path;
    let change: number | undefined;
    let id: string | undefined;
    if (typeof collection === 'string' && typeof index === 'number') {
      const items = (doc as unknown as Record<string, Item[]>)[collection];
      const item = Array.isArray(items) ? items[index] : undefined;
      if (item !== undefined) {
        id =
          collection === 'relations'
            ? `${String(item.type)}: ${String(item.from)} -> ${String(item.to)}`
            : String(item.id);
        change = w.touched.get(`${collection}\u0000${id}`);
        // An untouched entity that breaks a rule names something a change removed or changed: blame that change.
        for (const ref of [item.from, item.to, item.source, item.target, item.via]) {
          if (change !== undefined || typeof ref !== 'string') continue;
          for (const other of diffCollections) change ??= w.touched.get(`${other}\u0000${ref}`);
        }
      }
    }
    const op = change === undefined ? undefined : scenario.changes[change]?.op;
    problems.push({
      code: 'scenario.result-invalid',
      change,
      op,
      path: change === undefined ? [] : ['changes', change],
      id,
      conflict,
      message: `${change === undefined ? '' : `changes[${change}] (${op}): `}the result breaks a rule of the format at ${formatPath(issue.path)}: ${issue.message} [${issue.code}]`,
    });
  }
  return { ok: false, baseHash, baseMatches, problems, touches };
}

/**
 * Checks a scenario against a base without throwing: whether its `base` hash is the base's, and whether every
 * change applies. See {@link applyScenario} for what is checked.
 *
 * @throws {@link ScenarioError} `scenario.invalid` only when the document itself does not fit the format.
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, checkScenario } from 'kartta';
 * const base = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
 * const check = checkScenario(base, { format: 'kartta-scenario/1', name: 'S', changes: [{ op: 'retire', system: 'a' }] });
 * console.log(check.ok, check.baseMatches); // true null
 * ```
 */
export function checkScenario(base: Model, scenario: Scenario | string): ScenarioCheck {
  const { ok, baseHash, baseMatches, problems } = run(requireModel('checkScenario', base), scenario);
  return { ok, baseHash, baseMatches, problems };
}

/**
 * Applies a scenario's changes, in order, to a base model and returns the target model. The base is never
 * changed.
 *
 * Each change is checked against the model as the changes before it left it: the entities it names exist and are
 * of the right kind, systems are in use, a patch's `was` matches, a patch's `add` finds nothing in its place; and
 * the result must be a valid `kartta/1` model. When the scenario names a `base` hash that is not the base's (the
 * base changed since the scenario was written), every change that no longer applies is a **conflict**, and so is
 * every `fingerprints` entity that changed or disappeared. Every problem is reported at once, each naming its
 * change (index and op), and nothing is applied: a scenario applies whole or not at all.
 *
 * @throws {@link QueryError} `option.invalid` when the base is not a Model.
 * @throws {@link ScenarioError} `scenario.invalid`, `scenario.conflict` or `scenario.change-invalid`, with
 *   `problems`.
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, applyScenario } from 'kartta';
 * const base = Model.load({
 *   format: 'kartta/1', name: 'X',
 *   organisations: [{ id: 'oulu', kind: 'municipality', name: 'Oulu' }],
 *   systems: [
 *     { id: 'old', name: 'Old', class: 'TOSI', lifecycle: 'production' },
 *     { id: 'new', name: 'New', class: 'TOSI', lifecycle: 'planned' },
 *   ],
 *   relations: [{ type: 'uses', from: 'oulu', to: 'old', users: 10 }],
 * });
 * const target = applyScenario(base, { format: 'kartta-scenario/1', name: 'S', changes: [{ op: 'replace', system: 'old', by: 'new' }] });
 * console.log(target.system('old')?.lifecycle, target.system('new')?.lifecycle); // 'retired' 'production'
 * console.log(target.relationsIn('new', 'uses')); // [{ type: 'uses', from: 'oulu', to: 'new', users: 10 }]
 * ```
 */
export function applyScenario(base: Model, scenario: Scenario | string): Model {
  const result = run(requireModel('applyScenario', base), scenario);
  if (result.model !== undefined) return result.model;
  throw new ScenarioError(
    result.baseMatches === false ? 'scenario.conflict' : 'scenario.change-invalid',
    result.problems,
  );
}

/**
 * A scenario made ready to travel: `base` set to the base's hash and `fingerprints` to the hashes of every base
 * entity its changes touch, so that applying it to a base that moved on finds the changes that no longer fit.
 * The changes must apply to this base.
 *
 * @throws {@link ScenarioError} when the scenario does not apply to the base.
 * @category Scenarios
 * @example
 * ```ts
 * import { Model, sealScenario } from 'kartta';
 * const base = Model.load({ format: 'kartta/1', name: 'X', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
 * const sealed = sealScenario(base, { format: 'kartta-scenario/1', name: 'S', changes: [{ op: 'retire', system: 'a' }] });
 * console.log(sealed.fingerprints?.map((f) => f.id)); // ['a']
 * ```
 */
export function sealScenario(base: Model, scenario: Scenario | string): Scenario {
  const model = requireModel('sealScenario', base);
  const parsed = parseScenario(scenario);
  const unsealed: Record<string, unknown> = { ...parsed };
  delete unsealed.base;
  delete unsealed.fingerprints;
  const result = run(model, unsealed);
  if (result.model === undefined) throw new ScenarioError('scenario.change-invalid', result.problems);
  const w = new Working(model);
  const ids = new Set<string>();
  for (const list of result.touches) for (const id of list) ids.add(id);
  const fingerprints: EntityFingerprint[] = [];
  for (const id of [...ids].sort()) {
    const found = findItem(w, id);
    if (found !== undefined) fingerprints.push({ id, hash: fingerprintOf(found.collection, found.item) });
  }
  const out: Record<string, unknown> = { format: parsed.format, name: parsed.name };
  if (parsed.description !== undefined) out.description = parsed.description;
  out.base = result.baseHash;
  out.fingerprints = fingerprints;
  out.changes = parsed.changes;
  if (parsed.plan !== undefined) out.plan = parsed.plan;
  if (parsed.x !== undefined) out.x = parsed.x;
  return parseScenario(out);
}
