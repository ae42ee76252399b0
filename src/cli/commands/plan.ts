/** `kartta plan FILE PLAN.json`: a migration plan placed in waves, with bridges, missed deadlines and violations. */
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { CliError, ExitCode } from '../exit.js';
import { loadModel, loadPlan } from '../model-input.js';
import { labelOf, nameOf } from '../names.js';
import { row, type Table } from '../table.js';
import { rowsOf, tabularOptions, writeTabular, type TabularFormat } from '../tabular.js';

interface PlanOptions {
  readonly format?: TabularFormat;
  readonly output?: string;
  readonly method: 'auto' | 'exhaustive' | 'mip' | 'heuristic';
  readonly timeLimit?: string;
}

export const plan = defineCommand<PlanOptions>({
  name: 'plan',
  summary: 'place a migration plan in waves: bridges, missed deadlines, violations',
  description:
    "Places the steps of a migration plan in waves under the hard rules (after, readiness, nothing retired under what needs it, capacity, notBefore) with the fewest bridge integrations, and shows the waves, the bridges, the deadlines that cannot be met and why, and the plan's violations. Exit 1 when the plan has violations (it cannot be carried out as written); missed deadlines are reported but do not fail the run.",
  examples: [
    'kartta plan region.json region.plan.json',
    'kartta plan region.json region.plan.json --format markdown -o plan.md',
    'kartta plan region.json large.plan.json --method mip --time-limit 60',
    'kartta plan region.json region.plan.json -o plan.xlsx',
  ],
  define: (command) =>
    tabularOptions(
      command
        .argument('<file>', 'the model, or - for standard input')
        .argument('<plan>', 'the migration plan (JSON)')
        .addOption(
          new Option(
            '--method <method>',
            'auto: exhaustive search up to 12 steps, the MIP solver beyond; or exhaustive, mip, heuristic',
          )
            .choices(['auto', 'exhaustive', 'mip', 'heuristic'])
            .default('auto'),
        )
        .option('--time-limit <seconds>', 'seconds the MIP solver may take (default 10)'),
    ),
  run: async (context, [path, planPath], options) => {
    const { model } = await loadModel(context, path as string);
    const migrationPlan = await loadPlan(context, model, planPath as string);
    let timeLimit: number | undefined;
    if (options.timeLimit !== undefined) {
      timeLimit = Number(options.timeLimit);
      if (options.timeLimit.trim() === '' || !Number.isFinite(timeLimit) || timeLimit < 0 || timeLimit > 86_400)
        throw new CliError(
          'usage.invalid',
          `--time-limit must be a number of seconds from 0 to 86400, got ${JSON.stringify(options.timeLimit.slice(0, 80))}`,
        );
    }
    const { planMigrationOptimal } = await import('../../migration/plan-optimal.js');
    const result = await planMigrationOptimal(model, migrationPlan, {
      method: options.method,
      ...(timeLimit === undefined ? {} : { timeLimit }),
    });
    const { migrationPlanTables } = await import('../../spreadsheet/result-tables.js');
    const results = migrationPlanTables(model, migrationPlan, result);
    // The terminal shows systems and targets with their ids: `Effica (Oulu) (oulu-effica)`.
    const stepRows = rowsOf(results[0] as (typeof results)[number]).map((cells) => {
      const system = cells.get('system');
      const target = cells.get('target');
      return new Map([
        ...cells,
        ['system_label', typeof system === 'string' ? labelOf(model, system) : ''],
        ['target_label', typeof target === 'string' ? labelOf(model, target) : ''],
      ]);
    });
    const stepsTable: Table = {
      columns: [
        { key: 'wave', header: 'wave', align: 'right' },
        { key: 'start', header: 'starts' },
        { key: 'end', header: 'ends' },
        { key: 'step', header: 'step' },
        { key: 'action', header: 'action' },
        { key: 'system_label', header: 'system' },
        { key: 'target_label', header: 'target' },
        { key: 'deadline', header: 'deadline' },
        { key: 'deadline_status', header: '' },
      ],
      rows: stepRows,
    };
    const bridgesTable: Table = {
      columns: [
        { key: 'integration', header: 'integration' },
        { key: 'between', header: 'between' },
        { key: 'steps', header: 'steps' },
        { key: 'waves', header: 'waves' },
        { key: 'weight', header: 'weight', align: 'right' },
      ],
      rows: result.bridges.map((bridge) => {
        const integration = model.integration(bridge.integration);
        return row([
          ['integration', bridge.integration],
          ['between', integration ? `${nameOf(model, integration.source)} – ${nameOf(model, integration.target)}` : ''],
          ['steps', bridge.steps.join(', ')],
          ['waves', bridge.waves.join(' and ')],
          ['weight', bridge.weight],
        ]);
      }),
    };
    const missedTable: Table = {
      columns: [
        { key: 'step', header: 'step' },
        { key: 'deadline', header: 'deadline' },
        { key: 'wave', header: 'wave', align: 'right' },
        { key: 'reason', header: 'why' },
      ],
      rows: result.missedDeadlines.map((deadline) =>
        row([
          ['step', deadline.step],
          ['deadline', deadline.deadline],
          ['wave', deadline.wave],
          ['reason', `ends ${deadline.waveEnd}: ${deadline.message}`],
        ]),
      ),
    };
    const violationsTable: Table = {
      columns: [
        { key: 'code', header: 'code' },
        { key: 'step', header: 'step' },
        { key: 'message', header: 'message' },
      ],
      rows: result.violations.map((violation) =>
        row([
          ['code', violation.code],
          ['step', violation.step ?? ''],
          ['message', violation.message],
        ]),
      ),
    };
    const quality = result.optimal
      ? `optimal, ${result.method}`
      : `${result.method}, lower bound ${result.lowerBound}, gap ${(result.gap * 100).toFixed(1)} %`;
    const notes = [
      `${result.waves.length} waves, ${result.bridges.length} bridges (cost ${result.cost}, ${quality}), ${result.missedDeadlines.length} missed deadlines, ${result.violations.length} violations`,
      ...result.reasons.filter((reason) => reason.code !== 'plan.mip-optimal').map((reason) => reason.message),
    ];
    await writeTabular(
      context,
      {
        json: result,
        sections: [
          { title: 'Waves', table: stepsTable },
          { title: 'Bridge integrations (kept alive across waves)', table: bridgesTable },
          { title: 'Missed deadlines', table: missedTable },
          { title: 'Violations', table: violationsTable },
        ],
        notes,
        results,
      },
      options.format,
      options.output,
    );
    return result.violations.length > 0 ? ExitCode.findings : ExitCode.ok;
  },
});
