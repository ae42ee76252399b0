/** `kartta diff A B`: what changed between two kartta/1 models. */
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { writeOutput } from '../io.js';
import type { CliContext } from '../command.js';
import { InvalidDocumentError, loadModel } from '../model-input.js';

interface DiffOptions {
  readonly format: 'text' | 'markdown' | 'json';
  readonly output?: string;
}

export const diff = defineCommand<DiffOptions>({
  name: 'diff',
  summary: 'list what changed between two models',
  description:
    'Lists every product, organisation, service, system, integration and relation added, removed or changed between two kartta/1 models, with the changed fields; order and default values make no difference. Exit 0 when the models are equal, 1 when they differ (like diff), 2 when a file cannot be read or is not a valid model.',
  examples: [
    'kartta diff before.json after.json',
    'kartta diff before.json after.json --format markdown -o changes.md',
  ],
  define: (command) =>
    command
      .argument('<before>', 'the first model (a kartta/1 JSON file), or - for standard input')
      .argument('<after>', 'the second model')
      .addOption(
        new Option('-f, --format <format>', 'how to print the differences')
          .choices(['text', 'markdown', 'json'])
          .default('text'),
      )
      .option('-o, --output <file>', 'write to this file (atomically) instead of standard output'),
  run: async (context, [beforePath, afterPath], options) => {
    const before = await comparableModel(context, beforePath as string);
    const after = await comparableModel(context, afterPath as string);
    const { diffModels } = await import('../../scenarios/diff.js');
    const { formatDiff } = await import('../../scenarios/format-diff.js');
    const result = diffModels(before, after);
    await writeOutput(context, options.output, formatDiff(result, { format: options.format }));
    return result.equal ? ExitCode.ok : ExitCode.findings;
  },
});

/**
 * Loads one side of a diff. Exit 1 already means "the models differ", so a model that cannot be compared is
 * trouble (2), as it is for diff(1), not a finding as for the other commands.
 */
async function comparableModel(context: CliContext, path: string) {
  try {
    return (await loadModel(context, path)).model;
  } catch (error) {
    if (error instanceof InvalidDocumentError)
      throw new InvalidDocumentError(error.source, error.issues, 'model', ExitCode.failure);
    throw error;
  }
}
