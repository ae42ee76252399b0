/** `kartta export archimate FILE -o OUT.xml [--views] [--plan PLAN.json] [--extras EXTRAS.json]`: a file for Archi. */
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { isStdio, writeOutput } from '../io.js';
import { loadModel, loadPlan, readJsonDocument } from '../model-input.js';
import { megabytes, startProgress, type Progress } from '../progress.js';

interface ExportOptions {
  readonly output?: string;
  readonly views?: boolean;
  readonly plan?: string;
  readonly extras?: string;
}

export const exportArchimate = defineCommand<ExportOptions>({
  name: 'export archimate',
  summary: 'write an ArchiMate 3.1 Model Exchange File (for Archi) with views and the migration plan',
  description:
    'Writes the model as an ArchiMate 3.1 Model Exchange File that Archi and other ArchiMate tools open: organisations as business actors, services as business services, systems as application components, integrations as flows. --views adds generated diagrams (landscapes, parallel groups, migration waves); --plan adds the migration plan as work packages and plateaus; --extras writes back what an import kept (kartta import archimate --extras-out). The file is written atomically: a failed export leaves an existing file as it was.',
  examples: [
    'kartta export archimate region.json -o region.xml --views --plan region.plan.json',
    'kartta export archimate model.json --extras extras.json -o roundtrip.xml',
  ],
  define: (command) =>
    command
      .argument('<file>', 'the model, or - for standard input')
      .option('-o, --output <file>', 'the exchange file to write (default: standard output)')
      .option('--views', 'add generated diagrams: landscapes, parallel groups, migration waves')
      .option('--plan <file>', 'a migration plan (JSON) to add as the implementation and migration layer')
      .option('--extras <file>', 'what an import kept (from kartta import archimate --extras-out), to write back'),
  run: async (context, [path], options) => {
    const { model } = await loadModel(context, path as string);
    const plan = options.plan === undefined ? undefined : await loadPlan(context, model, options.plan);
    const extras = options.extras === undefined ? undefined : (await readJsonDocument(context, options.extras)).value;
    const { archimateChunks } = await import('../../archimate/export.js');
    const chunks = archimateChunks(model, {
      ...(options.views ? { views: true } : {}),
      ...(plan === undefined ? {} : { plan }),
      ...(extras === undefined ? {} : { extras: extras as never }),
    });
    const progress = await startProgress(context, `writing ${options.output ?? 'the exchange file'}`);
    let bytes = 0;
    try {
      await writeOutput(
        context,
        options.output,
        counted(chunks, progress, options.output, (size) => (bytes = size)),
      );
    } finally {
      progress.stop();
    }
    if (!isStdio(options.output) && !context.quiet) {
      context.stderr.write(
        `wrote ${options.output} (${megabytes(bytes)}${options.views ? ', with views' : ''}${plan ? ', with the plan' : ''}${extras ? ', with the extras' : ''})\n`,
      );
    }
    return ExitCode.ok;
  },
});

function* counted(
  chunks: Iterable<string>,
  progress: Progress,
  target: string | undefined,
  report: (bytes: number) => void,
): Generator<string> {
  let bytes = 0;
  let shown = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    report(bytes);
    if (bytes - shown > 1_000_000) {
      shown = bytes;
      progress.update(`writing ${target ?? 'the exchange file'}: ${megabytes(bytes)}`);
    }
    yield chunk;
  }
}
