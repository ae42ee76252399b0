/** `kartta sample`: the bundled sample region (Pohjois-Pohjanmaa) and its migration plan, to try things on. */
import { basename, dirname, join } from 'node:path';
import { defineCommand } from '../command.js';
import { CliError, ExitCode } from '../exit.js';
import { isStdio, writeOutput } from '../io.js';

interface SampleOptions {
  readonly output?: string;
  readonly plan?: boolean;
}

/** `region.json` → `region.plan.json`: the plan is written next to the model. */
export function planPathFor(modelPath: string): string {
  const name = basename(modelPath);
  const stem = name.endsWith('.json') ? name.slice(0, -'.json'.length) : name;
  return join(dirname(modelPath), `${stem}.plan.json`);
}

export const sample = defineCommand<SampleOptions>({
  name: 'sample',
  summary: 'write the sample region and its migration plan',
  description:
    'Writes the sample region (Pohjois-Pohjanmaa: municipalities, a hospital district, their systems and integrations) to FILE and its migration plan next to it (region.json and region.plan.json). Without -o, prints the model (or, with --plan, the plan) to standard output.',
  examples: ['kartta sample -o region.json', 'kartta sample --plan > region.plan.json'],
  define: (command) =>
    command
      .option('-o, --output <file>', 'write the model to this file and the plan to FILE.plan.json next to it')
      .option('--plan', 'write only the migration plan'),
  run: async (context, _args, options) => {
    // The documents `kartta/sample` embeds, written as their files in examples/ have them.
    const { jsonText, planData, regionData } = await import('../../sample/data.js');
    const model = jsonText(regionData);
    const plan = jsonText(planData);
    if (options.plan || isStdio(options.output)) {
      await writeOutput(context, options.output, options.plan ? plan : model);
      return ExitCode.ok;
    }
    const modelPath = options.output as string;
    const planPath = planPathFor(modelPath);
    if (planPath === modelPath)
      throw new CliError(
        'usage.invalid',
        'the model and the plan would be the same file; give -o a name ending in .json',
      );
    await writeOutput(context, modelPath, model);
    await writeOutput(context, planPath, plan);
    if (!context.quiet) context.stderr.write(`wrote ${modelPath} and ${planPath}\n`);
    return ExitCode.ok;
  },
});
