/** `kartta report FILE -o report.html`: the region report, one self-contained HTML page (see docs/report.md). */
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { isStdio, readSource, writeOutput } from '../io.js';
import { loadModel, readJsonDocument } from '../model-input.js';

interface ReportOptions {
  readonly output?: string;
  readonly plan?: string;
  readonly scenarios?: readonly string[];
  readonly lang: 'fi' | 'sv' | 'en';
  readonly asOf?: string;
  readonly scope?: string;
  readonly allowedUntil?: string;
  readonly diagrams: boolean;
}

export const report = defineCommand<ReportOptions>({
  name: 'report',
  summary: 'write the region report, one HTML page to open, mail and print',
  description:
    'Writes the report of a region as one self-contained HTML file (style, script, charts and diagrams inside it; it opens offline and prints): an overview, landscape diagrams, harmonisation candidates, parallel systems, the migration timeline of a plan (with --plan), the comparison of scenarios (with --scenarios) and the lint findings, in Finnish, Swedish or English. Without -o, prints the page to standard output.',
  examples: [
    'kartta report examples/pohjois-pohjanmaa.json -o report.html',
    'kartta report examples/pohjois-pohjanmaa.json --plan examples/pohjois-pohjanmaa.plan.json --lang en --as-of 2020-06-01 -o report.html',
  ],
  define: (command) =>
    command
      .argument('<file>', 'the model (a kartta/1 JSON file), or - for standard input')
      .option('-o, --output <file>', 'write the page to this file (atomically) instead of standard output')
      .option('--plan <file>', 'a migration plan (JSON): adds the timeline of its waves')
      .option(
        '--scenarios <files...>',
        'kartta-scenario/1 files: adds their comparison table (each planned with its own plan, where it has one)',
      )
      .addOption(
        new Option('--lang <lang>', 'language of the labels and names').choices(['fi', 'sv', 'en']).default('fi'),
      )
      .option(
        '--as-of <date>',
        'the report date, YYYY-MM-DD: contracts, findings and parallel operation are judged on it (default: today)',
      )
      .option('--scope <id>', 'an organisation: report on it, its members and their systems only')
      .option('--allowed-until <date>', 'until when parallel systems are allowed; groups past it are marked overdue')
      .option('--no-diagrams', 'leave the landscape diagrams out'),
  run: async (context, [path], options) => {
    const { model } = await loadModel(context, path as string);
    const plan = options.plan === undefined ? undefined : (await readJsonDocument(context, options.plan)).value;
    const scenarios: string[] = [];
    for (const file of options.scenarios ?? []) scenarios.push((await readSource(context, file)).text);
    const { toHtmlReport } = await import('../../report/index.js');
    const html = toHtmlReport(model, {
      lang: options.lang,
      plan,
      ...(options.scenarios === undefined ? {} : { scenarios }),
      asOf: options.asOf,
      scope: options.scope,
      allowedUntil: options.allowedUntil,
      diagrams: options.diagrams,
    });
    await writeOutput(context, options.output, html);
    if (!context.quiet && !isStdio(options.output)) context.stderr.write(`wrote ${options.output}\n`);
    return ExitCode.ok;
  },
});
