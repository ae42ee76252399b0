/**
 * Validation of a migration plan against a model. Like a model load, it names every problem at once, each with
 * a stable code and a path, and never throws an untyped error.
 */
import type { Model } from '../model/model.js';
import { cloneJson, deepFreeze, isPlainObject } from '../schema/json.js';
import { readJsonObject } from '../validate/read-json.js';
import type { Issue } from '../types.js';
import { mapZodIssues } from '../validate/zod-issues.js';
import { PlanValidationError } from './errors.js';
import { migrationActions, migrationPlanHeaderSchema, migrationStepSchema, type MigrationPlan } from './plan-schema.js';
import { withArticle } from '../words.js';

/**
 * The result of {@link validatePlan}: the checked plan (a frozen copy), or every problem found.
 *
 * @example
 * ```ts
 * import { Model, validatePlan } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * const result = validatePlan(model, { steps: [] });
 * if (result.ok) console.log(result.plan.steps.length); // 0
 * ```
 *
 * @category Migration
 */
export type PlanValidationResult =
  | {
      /** The plan is valid for the model. */
      readonly ok: true;
      /** The parsed plan. */
      readonly plan: MigrationPlan;
    }
  | {
      /** The plan is not valid. */
      readonly ok: false;
      /** Every problem found, each with a stable code and a path such as `steps[2].target` (never empty). */
      readonly issues: readonly Issue[];
    };

type Path = (string | number)[];

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/**
 * Checks a migration plan document (an object or JSON text) against a model. Beyond its shape (unknown fields,
 * bad actions, dates that do not exist, `capacity` or `waveMonths` below 1), it checks that:
 *
 * - every `system` and `target` is a system of the model (`reference.missing`, `reference.kind`);
 * - `replace` and `consolidate` have a `target` (`field.required`), `retire` and `rehost` do not
 *   (`plan.target-unexpected`), and no step targets its own system (`plan.target-self`);
 * - `consolidate` merges into an installation of the same product, compared after normalisation
 *   (`plan.consolidate-product`);
 * - step ids are unique (`id.duplicate`), each system is moved by one step only (`plan.system-duplicate`), and
 *   `after` names existing steps (`reference.missing`), each once (`plan.after-duplicate`).
 *
 * @example
 * ```ts
 * import { Model, validatePlan } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * const result = validatePlan(model, { capacity: 0, steps: [{ id: 'a', action: 'move', system: 'b' }] });
 * if (!result.ok) for (const issue of result.issues) console.log(issue.code, issue.path.join('.'));
 * // number.too-small capacity; value.invalid steps.0.action; reference.missing steps.0.system
 * ```
 *
 * @category Migration
 */
export function validatePlan(model: Model, input: unknown): PlanValidationResult {
  try {
    return check(model, input);
  } catch (error) {
    // Written not to throw; an exotic input (a getter that throws, a revoked proxy) still comes back as an issue.
    return {
      ok: false,
      issues: [
        {
          code: 'input.unreadable',
          path: [],
          message: `the plan could not be read: ${(error as Error)?.message ?? String(error)}`,
        },
      ],
    };
  }
}

/**
 * Like {@link validatePlan}, but returns the checked plan or throws.
 *
 * @throws {@link PlanValidationError} (code `plan.invalid`) naming every problem found.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, parsePlan } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const plan = parsePlan(model, readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8'));
 * console.log(plan.steps.length);
 * ```
 *
 * @category Migration
 */
export function parsePlan(model: Model, input: unknown): MigrationPlan {
  const result = validatePlan(model, input);
  if (!result.ok) throw new PlanValidationError(result.issues);
  return result.plan;
}

function check(model: Model, input: unknown): PlanValidationResult {
  const read = readJsonObject(input, 'a migration plan');
  if (!read.ok) return read;
  const { value } = read;
  const issues: Issue[] = [];
  const header = migrationPlanHeaderSchema.safeParse(value);
  if (!header.success) issues.push(...mapZodIssues(header.error.issues, value, []));
  const rawSteps = own(value, 'steps');
  const steps = Array.isArray(rawSteps) ? rawSteps : [];

  // Every string id counts as declared, even on a step with other problems, so that one bad step does not make
  // the `after` lists of the others look wrong too.
  const declared = new Set<string>();
  for (const step of steps) {
    const id = isPlainObject(step) ? own(step, 'id') : undefined;
    if (typeof id === 'string') declared.add(id);
  }

  const parsed: unknown[] = [];
  const seenIds = new Map<string, number>();
  const seenSystems = new Map<string, number>();
  steps.forEach((raw, index) => {
    const base: Path = ['steps', index];
    const result = migrationStepSchema.safeParse(raw);
    if (!result.success) issues.push(...mapZodIssues(result.error.issues, raw, base));
    else parsed.push(result.data);
    if (!isPlainObject(raw)) return;
    checkStep(model, raw, base, declared, seenIds, seenSystems, index, issues);
  });

  if (issues.length > 0 || !header.success) return { ok: false, issues };
  const plan: Record<string, unknown> = {};
  for (const key of ['start', 'waveMonths', 'capacity', 'description'] as const) {
    if (header.data[key] !== undefined) plan[key] = header.data[key];
  }
  plan.steps = parsed.map((step) => cloneJson(step));
  if (header.data.x !== undefined) plan.x = cloneJson(header.data.x);
  return { ok: true, plan: deepFreeze(plan as unknown as MigrationPlan) };
}

function checkStep(
  model: Model,
  raw: Record<string, unknown>,
  base: Path,
  declared: ReadonlySet<string>,
  seenIds: Map<string, number>,
  seenSystems: Map<string, number>,
  index: number,
  issues: Issue[],
): void {
  const id = own(raw, 'id');
  if (typeof id === 'string') {
    const first = seenIds.get(id);
    if (first !== undefined)
      issues.push({
        code: 'id.duplicate',
        path: [...base, 'id'],
        message: `step id '${id}' is already used by steps[${first}]`,
      });
    else seenIds.set(id, index);
  }
  const action = own(raw, 'action');
  const knownAction =
    typeof action === 'string' && (migrationActions as readonly string[]).includes(action) ? action : undefined;
  const system = own(raw, 'system');
  const systemOk = typeof system === 'string' && checkSystemRef(model, system, [...base, 'system'], 'system', issues);
  if (typeof system === 'string') {
    const first = seenSystems.get(system);
    if (first !== undefined) {
      issues.push({
        code: 'plan.system-duplicate',
        path: [...base, 'system'],
        message: `system '${system}' is already moved by steps[${first}]; a system is moved by one step only`,
      });
    } else seenSystems.set(system, index);
  }

  const target = own(raw, 'target');
  if (target === undefined) {
    if (knownAction === 'replace' || knownAction === 'consolidate') {
      issues.push({
        code: 'field.required',
        path: [...base, 'target'],
        message: `a ${knownAction} step needs a target system`,
      });
    }
  } else if (typeof target === 'string') {
    if (knownAction === 'retire' || knownAction === 'rehost') {
      issues.push({
        code: 'plan.target-unexpected',
        path: [...base, 'target'],
        message: `a ${knownAction} step has no target`,
      });
    } else {
      const targetOk = checkSystemRef(model, target, [...base, 'target'], 'target', issues);
      if (target === system) {
        issues.push({
          code: 'plan.target-self',
          path: [...base, 'target'],
          message: `the target is the step's own system '${target}'`,
        });
      } else if (knownAction === 'consolidate' && systemOk && targetOk) {
        checkSameProduct(model, system, target, [...base, 'target'], issues);
      }
    }
  }

  const after = own(raw, 'after');
  if (Array.isArray(after)) {
    const listed = new Set<string>();
    after.forEach((ref, position) => {
      if (typeof ref !== 'string') return;
      const path = [...base, 'after', position];
      if (!declared.has(ref)) issues.push({ code: 'reference.missing', path, message: `no step has the id '${ref}'` });
      else if (listed.has(ref))
        issues.push({ code: 'plan.after-duplicate', path, message: `'${ref}' is listed twice` });
      listed.add(ref);
    });
  }
}

function checkSystemRef(model: Model, id: string, path: Path, role: string, issues: Issue[]): boolean {
  const found = model.get(id);
  if (!found) {
    issues.push({ code: 'reference.missing', path, message: `${role} '${id}' does not exist in the model` });
    return false;
  }
  if (found.kind !== 'system') {
    issues.push({
      code: 'reference.kind',
      path,
      message: `${role} '${id}' is ${withArticle(found.kind)}, not a system`,
    });
    return false;
  }
  return true;
}

function checkSameProduct(model: Model, system: string, target: string, path: Path, issues: Issue[]): void {
  const from = model.productOf(system);
  const to = model.productOf(target);
  if (from === undefined || to === undefined) {
    const missing = [from === undefined ? system : undefined, to === undefined ? target : undefined].filter(
      (s) => s !== undefined,
    );
    issues.push({
      code: 'plan.consolidate-product',
      path,
      message: `consolidate needs two installations of one product, but ${missing.map((s) => `'${s}'`).join(' and ')} name${missing.length === 1 ? 's' : ''} no product`,
    });
  } else if (from.key !== to.key) {
    issues.push({
      code: 'plan.consolidate-product',
      path,
      message: `consolidate needs two installations of one product, but '${system}' is ${from.name} and '${target}' is ${to.name} (use replace)`,
    });
  }
}
