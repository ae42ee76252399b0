/** `kartta import archimate FILE.xml -o MODEL.json [--extras-out EXTRAS.json]`: a model from an exchange file. */
import { open } from 'node:fs/promises';
import { KarttaError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { CliError, ExitCode, quote } from '../exit.js';
import { describeFsError, isStdio, writeOutput } from '../io.js';
import { megabytes, startProgress } from '../progress.js';

interface ImportOptions {
  readonly output?: string;
  readonly extrasOut?: string;
}

export const importArchimate = defineCommand<ImportOptions>({
  name: 'import archimate',
  summary: 'read an ArchiMate Model Exchange File (from Archi or another tool) into a kartta/1 model',
  description:
    'Reads an ArchiMate 3.x Model Exchange File: business actors, business services, application components and flows become organisations, services, systems and integrations. What Kartta has no concept for (other elements, views, properties) is kept in the extras file (--extras-out), which kartta export archimate --extras writes back. The parser refuses DTDs and entities (no XML bombs, nothing fetched). Exit 2 for a file that is not a safe, well-formed exchange file.',
  examples: ['kartta import archimate archi-export.xml -o model.json --extras-out extras.json'],
  define: (command) =>
    command
      .argument('<file>', 'the exchange file (XML), or - for standard input')
      .option('-o, --output <file>', 'the kartta/1 model to write (default: standard output)')
      .option('--extras-out <file>', 'write what Kartta has no concept for here, to keep it for the next export'),
  run: async (context, [path], options) => {
    const name = path === '-' ? '<stdin>' : (path as string);
    let stream: AsyncIterable<Buffer | string>;
    if (path === '-') stream = context.stdin as AsyncIterable<Buffer | string>;
    else {
      try {
        stream = (await open(path as string)).createReadStream();
      } catch (error) {
        throw new CliError('input.unreadable', `cannot read ${quote(name)}: ${describeFsError(error)}`, name);
      }
    }
    const progress = await startProgress(context, `reading ${name}`);
    const { readArchimate } = await import('../../archimate/import.js');
    let result;
    try {
      result = await readArchimate(counted(stream, (bytes) => progress.update(`reading ${name}: ${megabytes(bytes)}`)));
    } catch (error) {
      if (error instanceof KarttaError) {
        const issues =
          (
            error as KarttaError & {
              issues?: readonly { path: readonly (string | number)[]; message: string; code: string }[];
            }
          ).issues ?? [];
        const listed = issues
          .slice(0, 10)
          .map((issue) => `\n  ${issue.path.join('.') || '(document)'}: ${issue.message} [${issue.code}]`)
          .join('');
        throw new CliError(
          error.code,
          `${name}: ${error.message} [${error.code}]${listed}${issues.length > 10 ? `\n  ... and ${issues.length - 10} more` : ''}`,
          name,
        );
      }
      if ((error as NodeJS.ErrnoException | undefined)?.syscall)
        throw new CliError('input.unreadable', `cannot read ${quote(name)}: ${describeFsError(error)}`, name);
      throw error;
    } finally {
      progress.stop();
    }
    const { model, extras } = result;
    const kept =
      extras.elements.length +
      extras.relationships.length +
      (extras.views ? 1 : 0) +
      extras.entities.length +
      extras.relations.length;
    if (options.extrasOut !== undefined)
      await writeOutput(context, options.extrasOut, `${JSON.stringify(extras, null, 2)}\n`);
    await writeOutput(context, options.output, model.toJSONText());
    if (!context.quiet) {
      const counts = `${model.organisations().length} organisations, ${model.services().length} services, ${model.systems().length} systems, ${model.integrations().length} integrations`;
      const where = isStdio(options.output) ? '' : ` to ${options.output}`;
      const extrasNote =
        options.extrasOut !== undefined
          ? `; what Kartta has no concept for is in ${options.extrasOut}`
          : kept > 0
            ? `; the file also holds things Kartta has no concept for (other elements, properties, views): keep them with --extras-out`
            : '';
      context.stderr.write(`imported ${counts}${where}${extrasNote}\n`);
    }
    return ExitCode.ok;
  },
});

async function* counted(
  stream: AsyncIterable<Buffer | string>,
  report: (bytes: number) => void,
): AsyncGenerator<Buffer | string> {
  let bytes = 0;
  let shown = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (bytes - shown > 1_000_000) {
      shown = bytes;
      report(bytes);
    }
    yield chunk;
  }
}
