/** `kartta impact FILE ID`: what a system's change or outage touches. */
import { defineCommand } from '../command.js';
import { CliError, ExitCode } from '../exit.js';
import { loadModel } from '../model-input.js';
import { labelOf, nameOf } from '../names.js';
import { row, type Table } from '../table.js';
import { resultTableOf, tabularOptions, writeTabular, type TabularFormat } from '../tabular.js';

interface ImpactOptions {
  readonly depth?: string;
  readonly includeRetired?: boolean;
  readonly format?: TabularFormat;
  readonly output?: string;
}

export const impact = defineCommand<ImpactOptions>({
  name: 'impact',
  summary:
    "show what a system's outage or replacement touches: services, organisations, dependents, integrated systems",
  description:
    'Shows the impact of a system: the services it supports, the organisations that own or use it, the systems that depend on it, and the systems integrated with it (directly, or further away through --depth hops).',
  examples: ['kartta impact region.json esko-ppshp', 'kartta impact region.json pop-esb --depth 1 --format csv'],
  define: (command) =>
    tabularOptions(
      command
        .argument('<file>', 'the model, or - for standard input')
        .argument('<system>', 'the id of the system')
        .option('--depth <n>', 'follow integrations at most this many hops (default: all)')
        .option('--include-retired', 'count retired systems too'),
    ),
  run: async (context, [path, system], options) => {
    let depth: number | undefined;
    if (options.depth !== undefined) {
      depth = Number(options.depth);
      if (!Number.isInteger(depth) || depth < 1)
        throw new CliError(
          'usage.invalid',
          `--depth must be a whole number of at least 1, got ${JSON.stringify(options.depth.slice(0, 80))}`,
        );
    }
    const { model } = await loadModel(context, path as string);
    const { impactOf } = await import('../../queries/impact.js');
    const result = impactOf(model, system as string, {
      ...(depth === undefined ? {} : { depth }),
      ...(options.includeRetired ? { includeRetired: true } : {}),
    });
    const services = result.reasons.filter((reason) => reason.code === 'impact.service');
    const organisations = result.reasons.filter((reason) => reason.code === 'impact.organisation');
    const dependents = result.reasons.filter((reason) => reason.code === 'impact.dependent');
    const rows = [
      ...services.map((service) =>
        row([
          ['relation', 'supports service'],
          ['id', service.service],
          ['name', nameOf(model, service.service)],
          [
            'detail',
            service.systems.length > 1
              ? `also through ${service.systems.filter((id) => id !== result.system).join(', ')}`
              : '',
          ],
        ]),
      ),
      ...organisations.map((organisation) =>
        row([
          ['relation', organisation.owns.length > 0 ? 'owned by' : 'used by'],
          ['id', organisation.organisation],
          ['name', nameOf(model, organisation.organisation)],
          [
            'detail',
            [
              organisation.owns.length > 0 ? `owns ${organisation.owns.join(', ')}` : '',
              organisation.uses.length > 0 ? `uses ${organisation.uses.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('; '),
          ],
        ]),
      ),
      ...dependents.map((dependent) =>
        row([
          ['relation', 'depended on by'],
          ['id', dependent.system],
          ['name', nameOf(model, dependent.system)],
          ['detail', `distance ${dependent.distance}, through ${dependent.dependsOn}`],
        ]),
      ),
      ...result.integrated.map((integrated) =>
        row([
          ['relation', 'integrated with'],
          ['id', integrated.system],
          ['name', nameOf(model, integrated.system)],
          [
            'detail',
            `distance ${integrated.distance}: ${integrated.integrations.join(', ')}${integrated.platforms.length > 0 ? ` via ${integrated.platforms.join(', ')}` : ''}`,
          ],
        ]),
      ),
    ];
    const table: Table = {
      columns: [
        { key: 'relation', header: 'relation' },
        { key: 'name', header: 'name' },
        { key: 'id', header: 'id' },
        { key: 'detail', header: 'why' },
      ],
      rows,
    };
    const csv: Table = { columns: ['relation', 'id', 'name', 'detail'].map((key) => ({ key, header: key })), rows };
    const notes = [
      `${labelOf(model, result.system)}: ${result.services.length} services, ${result.organisations.length} organisations, ${result.dependents.length} dependent systems, ${result.integrated.length} integrated systems, ${result.integrations.length} integrations`,
    ];
    await writeTabular(
      context,
      {
        json: result,
        sections: [{ title: `Impact of ${labelOf(model, result.system)}`, table }],
        notes,
        results: [resultTableOf('Impact', csv)],
      },
      options.format,
      options.output,
    );
    return ExitCode.ok;
  },
});
