/**
 * Every command of `kartta`, in the order `kartta --help` lists them. Add a command here and nowhere else
 * (see the comment at the top of `../main.ts`).
 */
import type { CliCommand } from '../command.js';
import { sample } from './sample.js';
import { schema } from './schema.js';
import { validate } from './validate.js';

export const commands: readonly CliCommand[] = [validate, schema, sample];
