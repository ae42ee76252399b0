/** `kartta schema`: the published JSON Schema of the kartta/1 document. */
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { readPackageFile, writeOutput } from '../io.js';

interface SchemaOptions {
  readonly output?: string;
}

export const schema = defineCommand<SchemaOptions>({
  name: 'schema',
  summary: 'print the JSON Schema of the kartta/1 format',
  description:
    'Prints the JSON Schema (draft 2020-12) of the kartta/1 document, the file published as kartta/schema.json. Editors use it for completion; it checks shape and formats, while kartta validate also checks references, unique ids and check digits.',
  examples: ['kartta schema -o kartta-1.schema.json'],
  define: (command) =>
    command.option('-o, --output <file>', 'write to this file (atomically) instead of standard output'),
  run: async (context, _args, options) => {
    // The bundle lives in dist/bin/; the schema is written to dist/ by the build.
    await writeOutput(context, options.output, await readPackageFile('../kartta-1.schema.json'));
    return ExitCode.ok;
  },
});
