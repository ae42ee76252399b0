/** `kartta validate FILE|-`: every problem of a kartta/1 document, as text, JSON or SARIF. */
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { styleForTarget, writeOutput } from '../io.js';
import { describeEntity, formatIssueLine, locateIssues, readJsonDocument, type LocatedIssue } from '../model-input.js';
import { sarifLog } from '../sarif.js';

interface ValidateOptions {
  readonly format: 'text' | 'json' | 'sarif';
  readonly output?: string;
}

export const validate = defineCommand<ValidateOptions>({
  name: 'validate',
  summary: 'check a kartta/1 model and list every problem',
  description:
    'Checks a kartta/1 model (a file, or - for standard input) and lists every problem at once: its code, its path in the document, the line and column, and the entity it belongs to. Exit 0 when the model is valid, 1 when it is not, 2 when the file cannot be read or is not JSON.',
  examples: [
    'kartta validate examples/pohjois-pohjanmaa.json',
    'kartta validate model.json --format sarif -o kartta.sarif',
    'cat model.json | kartta validate - --format json',
  ],
  define: (command) =>
    command
      .argument('<file>', 'the model (a kartta/1 JSON file), or - for standard input')
      .addOption(
        new Option('-f, --format <format>', 'how to print the problems')
          .choices(['text', 'json', 'sarif'])
          .default('text'),
      )
      .option('-o, --output <file>', 'write to this file (atomically) instead of standard output'),
  run: async (context, [path], options) => {
    const { source, value } = await readJsonDocument(context, path as string);
    const { Model } = await import('../../model/model.js');
    const result = Model.safeLoad(value);
    const issues = result.ok ? [] : await locateIssues(source, value, result.issues);
    const counts = result.ok ? countsOf(result.model) : null;
    let text: string;
    if (options.format === 'json') {
      text = `${JSON.stringify({ file: source.name, valid: result.ok, counts, issues }, null, 2)}\n`;
    } else if (options.format === 'sarif') {
      text = `${JSON.stringify(
        sarifLog({
          version: context.version,
          source,
          rules: [],
          findings: issues.map((issue) => ({
            ruleId: issue.code,
            level: 'error',
            message: sarifMessage(issue),
            line: issue.line,
            column: issue.column,
            logicalLocation: issue.pathText,
          })),
        }),
        null,
        2,
      )}\n`;
    } else {
      const style = styleForTarget(context, options.output);
      const lines = issues.map((issue) => formatIssueLine(source, issue, style));
      if (counts) {
        lines.push(
          `${style.green('✔')} ${source.name} is a valid kartta/1 model: ${counts.organisations} organisations, ${counts.services} services, ${counts.systems} systems, ${counts.integrations} integrations, ${counts.relations} relations`,
        );
      } else {
        lines.push(`${style.red('✖')} ${source.name}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`);
      }
      text = `${lines.join('\n')}\n`;
    }
    await writeOutput(context, options.output, text);
    return result.ok ? ExitCode.ok : ExitCode.findings;
  },
});

function countsOf(model: {
  toJSON(): {
    organisations?: readonly unknown[];
    services?: readonly unknown[];
    systems?: readonly unknown[];
    integrations?: readonly unknown[];
    relations?: readonly unknown[];
    products?: readonly unknown[];
  };
}) {
  const doc = model.toJSON();
  return {
    products: doc.products?.length ?? 0,
    organisations: doc.organisations?.length ?? 0,
    services: doc.services?.length ?? 0,
    systems: doc.systems?.length ?? 0,
    integrations: doc.integrations?.length ?? 0,
    relations: doc.relations?.length ?? 0,
  };
}

function sarifMessage(issue: LocatedIssue): string {
  const entity = describeEntity(issue.entity);
  return `${issue.pathText}: ${issue.message}${entity ? ` (${entity})` : ''}`;
}
