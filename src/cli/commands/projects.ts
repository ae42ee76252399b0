/**
 * `kartta projects overlaps|funding|obligations|payback FILE`: the development portfolio. Where several
 * organisations develop the same thing, who pays, which systems a national obligation reaches, and what the
 * harmonisation a project delivers saves against its cost.
 */
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { ExitCode } from '../exit.js';
import { loadModel } from '../model-input.js';
import { labelOf, nameOf } from '../names.js';
import { formatEuros, row, type Table } from '../table.js';
import type { ResultTable } from '../../spreadsheet/result-table.js';
import { resultTableOf, tabularOptions, writeTabular, type TabularFormat } from '../tabular.js';

interface ScopedOptions {
  readonly scope?: string;
  readonly includeCancelled?: boolean;
  readonly format: TabularFormat;
  readonly output?: string;
}

const FILE = ['<file>', 'the model, or - for standard input'] as const;

/** The table as a spreadsheet sheet: the given columns, their keys as headers (the CSV header row). */
function sheetOf(name: string, table: Table, keys: readonly string[]): ResultTable {
  const align = new Map(table.columns.map((column) => [column.key, column.align] as const));
  return resultTableOf(name, {
    columns: keys.map((key) => ({ key, header: key, align: align.get(key) })),
    rows: table.rows,
  });
}

function inScope(model: Parameters<typeof nameOf>[0], scope: string | undefined): string {
  return scope === undefined ? '' : ` in ${nameOf(model, scope)}`;
}

export const projectsOverlaps = defineCommand<ScopedOptions>({
  name: 'projects overlaps',
  summary: 'find projects of different organisations developing the same theme, product or service at once',
  description:
    'Lists groups of development projects of different organisations (no implementer in common) that work on the same theme, product or service in overlapping periods, with their combined budget and funders, and whether a national project or offering on it exists: the candidates for joint or national development.',
  examples: ['kartta projects overlaps region.json', 'kartta projects overlaps region.json --scope pop --format json'],
  define: (command) =>
    tabularOptions(
      command
        .argument(...FILE)
        .option('-s, --scope <id>', 'only groups with a project of this organisation or its members')
        .option('--include-cancelled', 'count cancelled projects too'),
    ),
  run: async (context, [path], options) => {
    const { model } = await loadModel(context, path as string);
    const { overlappingDevelopment } = await import('../../portfolio/overlap.js');
    const groups = overlappingDevelopment(model, {
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      ...(options.includeCancelled ? { includeCancelled: true } : {}),
    });
    const rows = groups.map((group) =>
      row([
        ['subject_kind', group.subject.kind],
        ['subject', group.subject.id],
        ['subject_name', group.subject.name],
        ['projects', group.projects.join(' ')],
        ['project_names', group.projects.map((id) => labelOf(model, id)).join(', ')],
        ['regions', group.regions.map((id) => nameOf(model, id)).join(', ')],
        ['overlap_start', group.overlap.start],
        ['overlap_end', group.overlap.end ?? ''],
        ['budget_eur', group.euros],
        ['funders', group.funders.map((f) => `${f.name} ${f.percent} %`).join(', ')],
        ['national', group.nationalExists ? [...group.national, ...group.offerings].join(' ') : 'none'],
      ]),
    );
    const table: Table = {
      columns: [
        { key: 'subject_kind', header: 'kind' },
        { key: 'subject_name', header: 'theme, product or service' },
        { key: 'project_names', header: 'projects' },
        { key: 'overlap_start', header: 'from' },
        { key: 'overlap_end', header: 'to' },
        { key: 'budget_eur', header: 'budget', align: 'right', show: formatEuros },
        { key: 'national', header: 'national' },
      ],
      rows,
    };
    const without = groups.filter((group) => !group.nationalExists).length;
    await writeTabular(
      context,
      {
        json: groups,
        sections: [{ title: `Overlapping development${inScope(model, options.scope)}`, table }],
        notes: [
          `${groups.length} group${groups.length === 1 ? '' : 's'}; ${without} without a national project or offering (candidates for joint or national development)`,
        ],
        results: [
          sheetOf('Overlaps', table, [
            'subject_kind',
            'subject',
            'subject_name',
            'projects',
            'regions',
            'overlap_start',
            'overlap_end',
            'budget_eur',
            'funders',
            'national',
          ]),
        ],
      },
      options.format,
      options.output,
    );
    return ExitCode.ok;
  },
});

interface FundingOptions extends ScopedOptions {
  readonly by: 'funder' | 'organisation' | 'year' | 'theme' | 'portfolio';
}

export const projectsFunding = defineCommand<FundingOptions>({
  name: 'projects funding',
  summary: 'total the development portfolio by funder, organisation, year, theme or portfolio',
  description:
    "Totals the projects' budgets by funder, implementing organisation, year, theme or portfolio, each with the organisations' own money, external funding and the unfunded part; exact to the cent.",
  examples: ['kartta projects funding region.json --by funder', 'kartta projects funding region.json --by year -f csv'],
  define: (command) =>
    tabularOptions(
      command
        .argument(...FILE)
        .addOption(
          new Option('--by <grouping>', 'what to total by')
            .choices(['funder', 'organisation', 'year', 'theme', 'portfolio'])
            .default('funder'),
        )
        .option('-s, --scope <id>', 'only projects of this organisation or its members')
        .option('--include-cancelled', 'count cancelled projects too'),
    ),
  run: async (context, [path], options) => {
    const { model } = await loadModel(context, path as string);
    const { fundingSummary } = await import('../../portfolio/funding.js');
    const summary = fundingSummary(model, {
      by: options.by,
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      ...(options.includeCancelled ? { includeCancelled: true } : {}),
    });
    const rows = summary.groups.map((group) =>
      row([
        ['key', group.key ?? ''],
        ['name', group.name],
        ['projects', group.projects.length],
        ['total_eur', group.euros],
        ['own_eur', group.ownCents / 100],
        ['external_eur', group.externalCents / 100],
        ['unfunded_eur', group.unfundedCents / 100],
        ['funders', group.funders.map((f) => `${f.name} ${f.percent} %`).join(', ')],
      ]),
    );
    const table: Table = {
      columns: [
        { key: 'name', header: options.by },
        { key: 'projects', header: 'projects', align: 'right' },
        { key: 'total_eur', header: 'total', align: 'right', show: formatEuros },
        { key: 'own_eur', header: 'own', align: 'right', show: formatEuros },
        { key: 'external_eur', header: 'external', align: 'right', show: formatEuros },
        { key: 'unfunded_eur', header: 'unfunded', align: 'right', show: formatEuros },
      ],
      rows,
    };
    await writeTabular(
      context,
      {
        json: summary,
        sections: [{ title: `Funding by ${options.by}${inScope(model, options.scope)}`, table }],
        notes: [`${formatEuros(summary.euros)} in all`],
        results: [
          sheetOf('Funding', table, [
            'key',
            'name',
            'projects',
            'total_eur',
            'own_eur',
            'external_eur',
            'unfunded_eur',
            'funders',
          ]),
        ],
      },
      options.format,
      options.output,
    );
    return ExitCode.ok;
  },
});

interface ObligationCliOptions {
  readonly scope?: string;
  readonly asOf?: string;
  readonly format: TabularFormat;
  readonly output?: string;
}

export const projectsObligations = defineCommand<ObligationCliOptions>({
  name: 'projects obligations',
  summary: 'list systems serving a service that must be taken from a national offering',
  description:
    'Lists the systems that support a service for which a national offering with an obligation to use it exists, with the date from which the obligation applies, and whether it applies on --as-of.',
  examples: ['kartta projects obligations region.json --as-of 2021-06-01'],
  define: (command) =>
    tabularOptions(
      command
        .argument(...FILE)
        .option('-s, --scope <id>', 'only systems of this organisation or its members')
        .option('--as-of <date>', 'the day obligations are judged on (YYYY-MM-DD), default today'),
    ),
  run: async (context, [path], options) => {
    const { model } = await loadModel(context, path as string);
    const { obligations } = await import('../../portfolio/obligations.js');
    const found = obligations(model, {
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    });
    const rows = found.map((o) =>
      row([
        ['system', o.system],
        ['system_name', labelOf(model, o.system)],
        ['owners', o.owners.join(' ')],
        ['service', o.service],
        ['service_name', o.serviceName],
        ['offering', o.offering],
        ['offering_name', o.offeringName],
        ['provider', o.provider],
        ['provider_name', o.providerName],
        ['from', o.from],
        ['applies', o.applies ? 'yes' : 'upcoming'],
      ]),
    );
    const table: Table = {
      columns: [
        { key: 'system_name', header: 'system' },
        { key: 'service_name', header: 'service' },
        { key: 'offering_name', header: 'offering' },
        { key: 'provider_name', header: 'provider' },
        { key: 'from', header: 'obliged from' },
        { key: 'applies', header: 'applies' },
      ],
      rows,
    };
    const applying = found.filter((o) => o.applies).length;
    await writeTabular(
      context,
      {
        json: found,
        sections: [{ title: `Obligations${inScope(model, options.scope)}`, table }],
        notes: [
          `${found.length} system${found.length === 1 ? '' : 's'} under an obligation, ${applying} already applying`,
        ],
        results: [
          sheetOf('Obligations', table, ['system', 'owners', 'service', 'offering', 'provider', 'from', 'applies']),
        ],
      },
      options.format,
      options.output,
    );
    return ExitCode.ok;
  },
});

export const projectsPayback = defineCommand<ScopedOptions>({
  name: 'projects payback',
  summary: "set a project's cost against the yearly savings of the harmonisation it delivers",
  description:
    'For every project that delivers harmonisation candidates, its cost against the known yearly savings (each retired installation counted once) and the years to pay it back.',
  examples: ['kartta projects payback region.json'],
  define: (command) =>
    tabularOptions(
      command
        .argument(...FILE)
        .option('-s, --scope <id>', 'only this organisation and its members')
        .option('--include-cancelled', 'count cancelled projects too'),
    ),
  run: async (context, [path], options) => {
    const { model } = await loadModel(context, path as string);
    const { projectPayback } = await import('../../portfolio/payback.js');
    const found = projectPayback(model, {
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      ...(options.includeCancelled ? { includeCancelled: true } : {}),
    });
    const rows = found.map((p) =>
      row([
        ['project', p.project],
        ['project_name', p.projectName],
        ['cost_eur', p.costEuros],
        ['savings_eur', p.yearlySavingsEuros],
        ['payback_years', p.paybackYears],
        ['candidates', p.candidates.map((c) => c.name).join(', ')],
      ]),
    );
    const table: Table = {
      columns: [
        { key: 'project_name', header: 'project' },
        { key: 'candidates', header: 'harmonises' },
        { key: 'cost_eur', header: 'cost', align: 'right', show: formatEuros },
        { key: 'savings_eur', header: 'saving a year', align: 'right', show: formatEuros },
        { key: 'payback_years', header: 'years', align: 'right', show: (v) => (v === null ? '–' : String(v)) },
      ],
      rows,
    };
    await writeTabular(
      context,
      {
        json: found,
        sections: [{ title: `Payback${inScope(model, options.scope)}`, table }],
        notes: [],
        results: [
          sheetOf('Payback', table, [
            'project',
            'project_name',
            'cost_eur',
            'savings_eur',
            'payback_years',
            'candidates',
          ]),
        ],
      },
      options.format,
      options.output,
    );
    return ExitCode.ok;
  },
});
