/**
 * Every command of `kartta`, in the order `kartta --help` lists them. Add a command here and nowhere else
 * (see the comment at the top of `../main.ts`).
 */
import type { CliCommand } from '../command.js';
import { diff } from './diff.js';
import { exportArchimate } from './export-archimate.js';
import { harmonise } from './harmonise.js';
import { importArchimate } from './import-archimate.js';
import { importSpreadsheet } from './import-spreadsheet.js';
import { exportSpreadsheet } from './export-spreadsheet.js';
import { impact } from './impact.js';
import { lint } from './lint.js';
import { parallel } from './parallel.js';
import { plan } from './plan.js';
import { projectsFunding, projectsObligations, projectsOverlaps, projectsPayback } from './projects.js';
import { report } from './report.js';
import { sample } from './sample.js';
import { scenarioApply, scenarioCompare } from './scenario.js';
import { schema } from './schema.js';
import { template } from './template.js';
import { validate } from './validate.js';

export const commands: readonly CliCommand[] = [
  validate,
  lint,
  harmonise,
  parallel,
  impact,
  plan,
  projectsOverlaps,
  projectsFunding,
  projectsObligations,
  projectsPayback,
  exportArchimate,
  importArchimate,
  exportSpreadsheet,
  importSpreadsheet,
  template,
  diff,
  scenarioApply,
  scenarioCompare,
  report,
  schema,
  sample,
];
