/** `kartta scenario apply|compare`: a scenario's target model, and scenarios side by side. */
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { readSource, writeOutput } from '../io.js';
import { loadModel } from '../model-input.js';

interface ApplyOptions {
  readonly output?: string;
}

export const scenarioApply = defineCommand<ApplyOptions>({
  name: 'scenario apply',
  summary: "write a scenario's target model",
  description:
    'Applies a kartta-scenario/1 file to a base model and writes the target model. Every change is checked; when one does not apply, or the base changed since the scenario was written and a change conflicts with it, every problem is listed and nothing is written (exit 2).',
  examples: ['kartta scenario apply region.json hospital-district.scenario.json -o target.json'],
  define: (command) =>
    command
      .argument('<base>', 'the base model (a kartta/1 JSON file)')
      .argument('<scenario>', 'the scenario (a kartta-scenario/1 JSON file)')
      .option('-o, --output <file>', 'write the target model to this file (atomically) instead of standard output'),
  run: async (context, [basePath, scenarioPath], options) => {
    const { model } = await loadModel(context, basePath as string);
    const scenario = await readSource(context, scenarioPath as string);
    const { applyScenario } = await import('../../scenarios/apply.js');
    const target = applyScenario(model, scenario.text);
    await writeOutput(context, options.output, target.toJSONText());
    return ExitCode.ok;
  },
});

interface CompareOptions {
  readonly format: 'text' | 'markdown' | 'csv' | 'json';
  readonly scope?: string;
  readonly asOf?: string;
  readonly output?: string;
}

export const scenarioCompare = defineCommand<CompareOptions>({
  name: 'scenario compare',
  summary: 'compare scenarios side by side',
  description:
    'Compares kartta-scenario/1 files of one base model: a column for the base and one per scenario, a row per measure (organisations providing ICT, systems, products, harmonisation savings, cost, parallel pairs, integrations, contracts to terminate, and with a plan in the scenario its waves, bridges and missed deadlines), each with its difference from the base.',
  examples: [
    'kartta scenario compare region.json hospital-district.scenario.json oulu.scenario.json --scope pop',
    'kartta scenario compare region.json *.scenario.json --format csv -o comparison.csv',
  ],
  define: (command) =>
    command
      .argument('<base>', 'the base model (a kartta/1 JSON file)')
      .argument('<scenarios...>', 'the scenarios (kartta-scenario/1 JSON files)')
      .addOption(
        new Option('-f, --format <format>', 'how to print the table')
          .choices(['text', 'markdown', 'csv', 'json'])
          .default('text'),
      )
      .option('--scope <id>', 'measure within this organisation and its members (usually the region)')
      .option('--as-of <date>', 'when notice would be given, for contract exit dates (YYYY-MM-DD)')
      .option('-o, --output <file>', 'write to this file (atomically) instead of standard output'),
  run: async (context, [basePath, ...rest], options) => {
    const { model } = await loadModel(context, basePath as string);
    const paths = rest;
    const texts: string[] = [];
    for (const path of paths) texts.push((await readSource(context, path)).text);
    const { compareScenarios } = await import('../../scenarios/compare.js');
    const { formatComparison } = await import('../../scenarios/format-comparison.js');
    const comparison = compareScenarios(model, texts, {
      ...(options.scope !== undefined ? { scope: options.scope } : {}),
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    });
    await writeOutput(context, options.output, formatComparison(comparison, { format: options.format }));
    return ExitCode.ok;
  },
});
