/** Option checking for the scenario functions: a zod strict object per function, refused with `option.invalid`. */
import type { z } from 'zod';
import { QueryError } from '../errors.js';
import { capText } from './json-values.js';

/** Parses `options` with a strict schema; the first problem becomes a QueryError naming the option. */
export function parseOptions<T extends z.ZodType>(fn: string, schema: T, options: unknown): z.infer<T> {
  const result = schema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new QueryError('option.invalid', `${fn}: the options are invalid`);
  if (issue.code === 'unrecognized_keys') {
    const key = capText(String(issue.keys[0]));
    throw new QueryError('option.invalid', `${fn}: '${key}' is not an option; check its spelling`, key);
  }
  const option = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  if (option === undefined) {
    throw new QueryError('option.invalid', `${fn}: options must be an object, ${issue.message}`);
  }
  throw new QueryError('option.invalid', `${fn}: option '${capText(option)}' ${issue.message}`, option);
}
