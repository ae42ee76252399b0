/**
 * `kartta parallel FILE [--scope ID] [--as-of DATE] [--allowed-until DATE] [--max-pairs N|all]`: systems in
 * parallel and whether each pair is integrated, the pairs of each group counted and the first ones listed.
 */
import { defineCommand } from '../command.js';
import { CliError, ExitCode } from '../exit.js';
import { loadModel } from '../model-input.js';
import { nameOf } from '../names.js';
import type { Table } from '../table.js';
import { rowsOf, tabularOptions, writeTabular, type TabularFormat } from '../tabular.js';

interface ParallelOptions {
  readonly scope?: string;
  readonly asOf?: string;
  readonly allowedUntil?: string;
  readonly maxPairs?: string;
  readonly format?: TabularFormat;
  readonly output?: string;
}

export const parallel = defineCommand<ParallelOptions>({
  name: 'parallel',
  summary: 'list TOSI systems of different products in parallel for a service, and which pairs lack an integration',
  description:
    'For each service, the TOSI systems in use of two or more products that support it, and for each pair whether they are integrated directly, through a platform, or not at all (a gap to close): every pair is counted, the first --max-pairs of each group (default 10) are listed. With --allowed-until, groups still in parallel after that date (judged on --as-of, default today) are flagged overdue.',
  examples: [
    'kartta parallel region.json --scope pop',
    'kartta parallel region.json --allowed-until 2021-12-31 --as-of 2022-06-01 --format markdown',
    'kartta parallel region.json --scope pop --max-pairs all --format csv -o pairs.csv',
  ],
  define: (command) =>
    tabularOptions(
      command
        .argument('<file>', 'the model, or - for standard input')
        .option('-s, --scope <id>', 'only this organisation and its members')
        .option('--allowed-until <date>', 'parallel operation is allowed until this day (YYYY-MM-DD)')
        .option('--as-of <date>', 'the day to judge --allowed-until on (YYYY-MM-DD), default today')
        .option('--max-pairs <n>', 'list at most this many pairs of each group, or all (default 10)'),
    ),
  run: async (context, [path], options) => {
    let maxPairs: number | undefined;
    if (options.maxPairs !== undefined) {
      maxPairs =
        options.maxPairs === 'all' ? Infinity : /^\d+$/.test(options.maxPairs) ? Number(options.maxPairs) : NaN;
      if (!Number.isSafeInteger(maxPairs) && maxPairs !== Infinity)
        throw new CliError(
          'usage.invalid',
          `--max-pairs must be a whole number of at least 0 or 'all', got ${JSON.stringify(options.maxPairs.slice(0, 80))}`,
        );
    }
    const { model } = await loadModel(context, path as string);
    const { parallelSystems } = await import('../../queries/parallel.js');
    const groups = parallelSystems(model, {
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      ...(options.allowedUntil === undefined ? {} : { allowedUntil: options.allowedUntil }),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(maxPairs === undefined ? {} : { maxPairs }),
    });
    const { parallelTable } = await import('../../spreadsheet/result-tables.js');
    const result = parallelTable(model, groups);
    const rows = rowsOf(result);
    const table: Table = {
      columns: [
        { key: 'service_name', header: 'service' },
        { key: 'system_a_name', header: 'system' },
        { key: 'system_b_name', header: 'in parallel with' },
        { key: 'status', header: 'integrated' },
        { key: 'integrations', header: 'integrations' },
        { key: 'platforms', header: 'via platform' },
        ...(options.allowedUntil === undefined ? [] : [{ key: 'overdue', header: 'overdue' }]),
      ],
      rows,
    };
    const pairs = groups.reduce((sum, group) => sum + group.pairCounts.total, 0);
    const gaps = groups.reduce((sum, group) => sum + group.gaps, 0);
    const overdue = groups.filter((group) => group.overdue).length;
    const notes = [
      `${groups.length} service${groups.length === 1 ? '' : 's'} with systems in parallel; ${gaps} of ${pairs} pair${pairs === 1 ? '' : 's'} without an integration${options.allowedUntil === undefined ? '' : `; ${overdue} group${overdue === 1 ? '' : 's'} overdue`}`,
      ...(rows.length < pairs
        ? [
            `${rows.length} of the ${pairs} pairs listed (the first ${maxPairs ?? 10} of each group); --max-pairs all lists every one`,
          ]
        : []),
    ];
    await writeTabular(
      context,
      {
        json: groups,
        sections: [{ title: `Parallel systems${options.scope ? ` in ${nameOf(model, options.scope)}` : ''}`, table }],
        notes,
        results: [result],
      },
      options.format,
      options.output,
    );
    return ExitCode.ok;
  },
});
