/** `kartta harmonise FILE [--scope ID]`: what can be harmonised, ranked, with the installation to keep and the saving. */
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { loadModel } from '../model-input.js';
import { labelOf, nameOf } from '../names.js';
import { formatEuros, type Table } from '../table.js';
import { rowsOf, tabularOptions, writeTabular, type TabularFormat } from '../tabular.js';

interface HarmoniseOptions {
  readonly scope?: string;
  readonly format?: TabularFormat;
  readonly output?: string;
}

export const harmonise = defineCommand<HarmoniseOptions>({
  name: 'harmonise',
  summary: 'list harmonisation candidates: one product installed many times, several products for one service',
  description:
    'Lists the harmonisation candidates of a model, ranked: the same product installed several times (which installation to keep, and the yearly saving from the others), and TORI systems of different products supporting one service (which product to converge on).',
  examples: [
    'kartta harmonise region.json --scope pop',
    'kartta harmonise region.json --format csv -o candidates.csv',
    'kartta harmonise region.json -o candidates.xlsx',
  ],
  define: (command) =>
    tabularOptions(
      command
        .argument('<file>', 'the model, or - for standard input')
        .option('-s, --scope <id>', 'only this organisation and its members'),
    ),
  run: async (context, [path], options) => {
    const { model } = await loadModel(context, path as string);
    const { harmonisationCandidates } = await import('../../queries/harmonisation.js');
    const candidates = harmonisationCandidates(model, options.scope === undefined ? {} : { scope: options.scope });
    const { harmonisationTable } = await import('../../spreadsheet/result-tables.js');
    const result = harmonisationTable(model, candidates);
    // The terminal shows the installation to keep with its id too: `Lifecare (Oulu) (lifecare-oulu)`.
    const rows = rowsOf(result).map((cells, index) => {
      const candidate = candidates[index] as (typeof candidates)[number];
      return new Map([
        ...cells,
        [
          'keep_label',
          candidate.kind === 'sameProduct' ? labelOf(model, candidate.keep) : (cells.get('keep_name') ?? null),
        ],
      ]);
    });
    const table: Table = {
      columns: [
        { key: 'rank', header: '#', align: 'right' },
        { key: 'kind', header: 'kind' },
        { key: 'subject_name', header: 'product or service' },
        { key: 'systems', header: 'systems', align: 'right' },
        { key: 'keep_label', header: 'keep' },
        { key: 'organisations', header: 'organisations', align: 'right' },
        { key: 'savings_eur', header: 'saving a year', align: 'right', show: formatEuros },
      ],
      rows,
    };
    const total = candidates
      .filter((candidate) => candidate.kind === 'sameProduct')
      .reduce((sum, candidate) => sum + (candidate.savings ?? 0), 0);
    const unknown = candidates.reduce((sum, candidate) => sum + candidate.unknownCosts.length, 0);
    const notes = [
      `${candidates.length} candidate${candidates.length === 1 ? '' : 's'}; known savings of the same-product candidates: ${formatEuros(total)} a year${unknown > 0 ? ` (${unknown} system${unknown === 1 ? '' : 's'} without a known cost left out)` : ''}`,
    ];
    await writeTabular(
      context,
      {
        json: candidates,
        sections: [
          { title: `Harmonisation candidates${options.scope ? ` in ${nameOf(model, options.scope)}` : ''}`, table },
        ],
        notes,
        results: [result],
      },
      options.format,
      options.output,
    );
    return ExitCode.ok;
  },
});
