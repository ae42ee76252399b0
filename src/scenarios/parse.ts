/** Reading a scenario document: every problem named at once, with its path; the result is a frozen copy. */
import type { Issue } from '../types.js';
import { cloneJson, deepFreeze } from '../schema/json.js';
import { describeValue, mapZodIssues } from '../validate/zod-issues.js';
import { ScenarioError, type ScenarioProblem } from './errors.js';
import { hasOwn, isPlainObject } from './json-values.js';
import { operationSchema, patchChangeSchema, scenarioSchema, type Scenario } from './scenario-schema.js';

function toProblem(issue: Issue, changes: unknown): ScenarioProblem {
  const [head, index] = issue.path;
  const change = head === 'changes' && typeof index === 'number' ? index : undefined;
  const raw: unknown = change !== undefined && Array.isArray(changes) ? (changes as unknown[])[change] : undefined;
  const op = isPlainObject(raw) && typeof raw.op === 'string' ? raw.op : undefined;
  return { code: issue.code, change, op, path: issue.path, conflict: false, message: issue.message };
}

/**
 * Reads a `kartta-scenario/1` document given as an object or JSON text, checking its shape and every change's
 * fields (not yet whether the changes apply to a base: {@link applyScenario} does that). A change with a `path`
 * is a patch, any other an operation.
 *
 * @throws {@link ScenarioError} `scenario.invalid` with every problem, each with a path such as
 *   `changes[2].system`.
 * @category Scenarios
 * @example
 * ```ts
 * import { parseScenario } from 'kartta';
 * const scenario = parseScenario('{"format":"kartta-scenario/1","name":"S","changes":[{"op":"retire","system":"a"}]}');
 * console.log(scenario.changes.length); // 1
 * ```
 */
export function parseScenario(input: unknown): Scenario {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ScenarioError('scenario.invalid', [
        { code: 'json.syntax', path: [], conflict: false, message: `not valid JSON: ${(error as Error).message}` },
      ]);
    }
  }
  if (!isPlainObject(value)) {
    throw new ScenarioError('scenario.invalid', [
      {
        code: 'type.invalid',
        path: [],
        conflict: false,
        message: `expected a kartta-scenario/1 document (a JSON object), got ${describeValue(value)}`,
      },
    ]);
  }
  const issues: Issue[] = [];
  const { changes, ...rest } = value;
  const header = scenarioSchema.omit({ changes: true }).safeParse(rest);
  if (!header.success) issues.push(...mapZodIssues(header.error.issues, rest, []));
  if (!hasOwn(value, 'changes'))
    issues.push({ code: 'field.required', path: ['changes'], message: "required field 'changes' is missing" });
  else if (!Array.isArray(changes))
    issues.push({
      code: 'type.invalid',
      path: ['changes'],
      message: `expected an array of changes, got ${describeValue(changes)}`,
    });
  else {
    changes.forEach((change, index) => {
      const schema = isPlainObject(change) && hasOwn(change, 'path') ? patchChangeSchema : operationSchema;
      const result = schema.safeParse(change);
      if (!result.success) issues.push(...mapZodIssues(result.error.issues, change, ['changes', index]));
      else if (schema === patchChangeSchema) issues.push(...patchShape(change as Record<string, unknown>, index));
    });
  }
  if (issues.length > 0)
    throw new ScenarioError(
      'scenario.invalid',
      issues.map((issue) => toProblem(issue, changes)),
    );
  return deepFreeze(cloneJson(value) as unknown as Scenario);
}

function patchShape(change: Record<string, unknown>, index: number): Issue[] {
  const op = change.op as string;
  const issues: Issue[] = [];
  if (op === 'remove' && hasOwn(change, 'value')) {
    issues.push({
      code: 'field.unexpected',
      path: ['changes', index, 'value'],
      message: "a 'remove' patch takes no 'value'",
    });
  }
  if (op !== 'remove' && !hasOwn(change, 'value')) {
    issues.push({
      code: 'field.required',
      path: ['changes', index, 'value'],
      message: `a '${op}' patch needs a 'value'`,
    });
  }
  if (op === 'add' && hasOwn(change, 'was')) {
    issues.push({
      code: 'field.unexpected',
      path: ['changes', index, 'was'],
      message: "an 'add' patch takes no 'was': what it adds was absent",
    });
  }
  return issues;
}
