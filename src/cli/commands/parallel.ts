/** `kartta parallel FILE [--scope ID] [--as-of DATE] [--allowed-until DATE]`: systems in parallel and whether each pair is integrated. */
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { loadModel } from '../model-input.js';
import { nameOf } from '../names.js';
import type { Table } from '../table.js';
import { rowsOf, tabularOptions, writeTabular, type TabularFormat } from '../tabular.js';

interface ParallelOptions {
  readonly scope?: string;
  readonly asOf?: string;
  readonly allowedUntil?: string;
  readonly format?: TabularFormat;
  readonly output?: string;
}

export const parallel = defineCommand<ParallelOptions>({
  name: 'parallel',
  summary: 'list TOSI systems of different products in parallel for a service, and which pairs lack an integration',
  description:
    'For each service, the TOSI systems in use of two or more products that support it, and for every pair whether they are integrated directly, through a platform, or not at all (a gap to close). With --allowed-until, groups still in parallel after that date (judged on --as-of, default today) are flagged overdue.',
  examples: [
    'kartta parallel region.json --scope pop',
    'kartta parallel region.json --allowed-until 2021-12-31 --as-of 2022-06-01 --format markdown',
  ],
  define: (command) =>
    tabularOptions(
      command
        .argument('<file>', 'the model, or - for standard input')
        .option('-s, --scope <id>', 'only this organisation and its members')
        .option('--allowed-until <date>', 'parallel operation is allowed until this day (YYYY-MM-DD)')
        .option('--as-of <date>', 'the day to judge --allowed-until on (YYYY-MM-DD), default today'),
    ),
  run: async (context, [path], options) => {
    const { model } = await loadModel(context, path as string);
    const { parallelSystems } = await import('../../queries/parallel.js');
    const groups = parallelSystems(model, {
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      ...(options.allowedUntil === undefined ? {} : { allowedUntil: options.allowedUntil }),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
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
    const pairs = rows.length;
    const gaps = groups.reduce((sum, group) => sum + group.gaps, 0);
    const overdue = groups.filter((group) => group.overdue).length;
    const notes = [
      `${groups.length} service${groups.length === 1 ? '' : 's'} with systems in parallel; ${gaps} of ${pairs} pair${pairs === 1 ? '' : 's'} without an integration${options.allowedUntil === undefined ? '' : `; ${overdue} group${overdue === 1 ? '' : 's'} overdue`}`,
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
