/**
 * The results of the queries as tables for a spreadsheet: harmonisation candidates, parallel pairs, a migration
 * plan, lint findings. Each row carries ids and the names next to them, and the reasons in words where the
 * result has them. Write them with {@link writeResultWorkbook} or {@link writeResultCsv}.
 */
import type { Model } from '../model/model.js';
import type { HarmonisationCandidate } from '../queries/harmonisation.js';
import type { LintFinding } from '../queries/lint.js';
import type { ParallelGroup } from '../queries/parallel.js';
import type { MigrationPlan } from '../migration/plan-schema.js';
import type { MigrationResult } from '../migration/result.js';
import type { ResultCell, ResultColumn, ResultTable } from './result-table.js';

type Spec = readonly (readonly [key: string, header: string, type: ResultColumn['type']])[];

function columns(spec: Spec): ResultColumn[] {
  return spec.map(([key, header, type]) => ({ key, header, type }));
}

function nameOf(model: Model, id: string): string {
  return model.nameOf(id) ?? id;
}

const lines = (reasons: readonly { readonly message: string }[]): string =>
  reasons.map((reason) => reason.message).join('\n');

/**
 * The harmonisation candidates of `harmonisationCandidates` (from `kartta`) as a table: one row per candidate in rank order,
 * with the product or service, the systems, the installation or product to keep, the yearly saving and the
 * reasons.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, harmonisationCandidates } from 'kartta';
 * import { harmonisationTable } from 'kartta/spreadsheet';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const table = harmonisationTable(model, harmonisationCandidates(model, { scope: 'pop' }));
 * console.log(table.columns.map((column) => column.key)); // ['rank', 'kind', 'subject', 'subject_name', ...]
 * ```
 */
export function harmonisationTable(model: Model, candidates: readonly HarmonisationCandidate[]): ResultTable {
  return {
    name: 'Harmonisation',
    columns: columns([
      ['rank', '#', 'number'],
      ['kind', 'Kind', 'text'],
      ['subject', 'Product or service id', 'text'],
      ['subject_name', 'Product or service', 'text'],
      ['systems', 'Systems', 'number'],
      ['system_ids', 'System ids', 'list'],
      ['keep', 'Keep (id)', 'text'],
      ['keep_name', 'Keep', 'text'],
      ['organisations', 'Organisations', 'number'],
      ['savings_eur', 'Saving a year (€)', 'number'],
      ['unknown_costs', 'Systems without a known cost', 'list'],
      ['reasons', 'Why', 'text'],
    ]),
    rows: candidates.map((candidate, index): ResultCell[] => {
      const sameProduct = candidate.kind === 'sameProduct';
      return [
        index + 1,
        sameProduct ? 'same product' : 'same service',
        sameProduct ? candidate.product : candidate.service,
        sameProduct ? candidate.productName : nameOf(model, candidate.service),
        candidate.systems.length,
        candidate.systems.join(' '),
        sameProduct ? candidate.keep : candidate.keepProduct,
        sameProduct ? nameOf(model, candidate.keep) : candidate.keepProductName,
        candidate.organisations.length,
        candidate.savings,
        candidate.unknownCosts.join(' '),
        lines(candidate.reasons),
      ];
    }),
  };
}

/**
 * The groups of `parallelSystems` (from `kartta`) as a table: one row per pair of systems in parallel, with the service,
 * both systems, whether and how they are integrated, and whether the group is overdue.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model, parallelSystems } from 'kartta';
 * import { parallelTable } from 'kartta/spreadsheet';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const table = parallelTable(model, parallelSystems(model, { scope: 'pop' }));
 * console.log(table.rows.length); // one row per pair
 * ```
 */
export function parallelTable(model: Model, groups: readonly ParallelGroup[]): ResultTable {
  return {
    name: 'Parallel systems',
    columns: columns([
      ['service', 'Service id', 'text'],
      ['service_name', 'Service', 'text'],
      ['system_a', 'System id', 'text'],
      ['system_a_name', 'System', 'text'],
      ['system_b', 'In parallel with (id)', 'text'],
      ['system_b_name', 'In parallel with', 'text'],
      ['status', 'Integrated', 'text'],
      ['integrations', 'Integrations', 'list'],
      ['platforms', 'Via platform', 'text'],
      ['overdue', 'Overdue', 'text'],
    ]),
    rows: groups.flatMap((group) =>
      group.pairs.map((pair): ResultCell[] => [
        group.service,
        nameOf(model, group.service),
        pair.systems[0],
        nameOf(model, pair.systems[0]),
        pair.systems[1],
        nameOf(model, pair.systems[1]),
        pair.status,
        pair.integrations.join(' '),
        pair.platforms.map((platform) => nameOf(model, platform)).join(', '),
        group.overdue ? 'yes' : 'no',
      ]),
    ),
  };
}

/**
 * A migration plan placed by `planMigration` (from `kartta`) as four tables: the steps by wave (with dates, systems,
 * targets, deadlines and whether each is met), the bridge integrations, the missed deadlines with why, and the
 * violations.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { Model, planMigration } from 'kartta';
 * import { migrationPlanTables, writeResultWorkbook } from 'kartta/spreadsheet';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const plan = JSON.parse(readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8'));
 * writeFileSync('plan.xlsx', writeResultWorkbook(migrationPlanTables(model, plan, planMigration(model, plan))));
 * ```
 */
export function migrationPlanTables(model: Model, plan: MigrationPlan, result: MigrationResult): ResultTable[] {
  const waves = new Map(result.waves.map((wave) => [wave.index, wave]));
  const deadlines = new Map(plan.steps.map((step) => [step.id, step.deadline ?? null]));
  const missed = new Set(result.missedDeadlines.map((deadline) => deadline.step));
  const placements = [...result.placements].sort(
    (a, b) => a.wave - b.wave || (a.step < b.step ? -1 : a.step > b.step ? 1 : 0),
  );
  const steps: ResultTable = {
    name: 'Waves',
    columns: columns([
      ['wave', 'Wave', 'number'],
      ['start', 'Starts', 'date'],
      ['end', 'Ends', 'date'],
      ['step', 'Step', 'text'],
      ['action', 'Action', 'text'],
      ['system', 'System id', 'text'],
      ['system_name', 'System', 'text'],
      ['target', 'Target id', 'text'],
      ['target_name', 'Target', 'text'],
      ['class', 'Class', 'text'],
      ['deadline', 'Deadline', 'date'],
      ['deadline_status', 'Deadline met', 'text'],
      ['reasons', 'Why this wave', 'text'],
    ]),
    rows: placements.map((placement): ResultCell[] => {
      const wave = waves.get(placement.wave);
      const deadline = deadlines.get(placement.step) ?? null;
      return [
        placement.wave,
        wave?.start ?? null,
        wave?.end ?? null,
        placement.step,
        placement.action,
        placement.system,
        nameOf(model, placement.system),
        placement.target ?? null,
        placement.target === undefined ? null : nameOf(model, placement.target),
        placement.class,
        deadline,
        deadline === null ? null : missed.has(placement.step) ? 'missed' : 'met',
        lines(placement.reasons),
      ];
    }),
  };
  const bridges: ResultTable = {
    name: 'Bridges',
    columns: columns([
      ['integration', 'Integration', 'text'],
      ['source', 'Source id', 'text'],
      ['source_name', 'Source', 'text'],
      ['target', 'Target id', 'text'],
      ['target_name', 'Target', 'text'],
      ['steps', 'Steps', 'list'],
      ['waves', 'Waves', 'list'],
      ['weight', 'Weight', 'number'],
    ]),
    rows: result.bridges.map((bridge): ResultCell[] => {
      const integration = model.integration(bridge.integration);
      return [
        bridge.integration,
        integration?.source ?? null,
        integration === undefined ? null : nameOf(model, integration.source),
        integration?.target ?? null,
        integration === undefined ? null : nameOf(model, integration.target),
        bridge.steps.join(' '),
        bridge.waves.join(' '),
        bridge.weight,
      ];
    }),
  };
  const missedTable: ResultTable = {
    name: 'Missed deadlines',
    columns: columns([
      ['step', 'Step', 'text'],
      ['deadline', 'Deadline', 'date'],
      ['wave', 'Wave', 'number'],
      ['wave_end', 'Wave ends', 'date'],
      ['cause', 'Cause', 'text'],
      ['message', 'Why', 'text'],
    ]),
    rows: result.missedDeadlines.map((deadline): ResultCell[] => [
      deadline.step,
      deadline.deadline,
      deadline.wave,
      deadline.waveEnd,
      deadline.cause,
      deadline.message,
    ]),
  };
  const violations: ResultTable = {
    name: 'Violations',
    columns: columns([
      ['code', 'Code', 'text'],
      ['step', 'Step', 'text'],
      ['system', 'System id', 'text'],
      ['system_name', 'System', 'text'],
      ['message', 'Message', 'text'],
    ]),
    rows: result.violations.map((violation): ResultCell[] => [
      violation.code,
      violation.step ?? null,
      violation.system ?? null,
      violation.system === undefined ? null : nameOf(model, violation.system),
      violation.message,
    ]),
  };
  return [steps, bridges, missedTable, violations];
}

/**
 * The findings of `lint` (from `kartta`) as a table: one row per finding with its severity, rule, entity id and name, the
 * other entities involved and the message.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { Model, lint } from 'kartta';
 * import { lintTable, writeResultCsv } from 'kartta/spreadsheet';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * writeFileSync('findings.csv', writeResultCsv(lintTable(model, lint(model, { asOf: '2019-01-01' }))));
 * ```
 */
export function lintTable(model: Model, findings: readonly LintFinding[]): ResultTable {
  return {
    name: 'Lint findings',
    columns: columns([
      ['severity', 'Severity', 'text'],
      ['rule', 'Rule', 'text'],
      ['entity', 'Entity id', 'text'],
      ['entity_name', 'Entity', 'text'],
      ['related', 'Also involved', 'list'],
      ['message', 'Message', 'text'],
    ]),
    rows: findings.map((finding): ResultCell[] => [
      finding.severity,
      finding.rule,
      finding.entity,
      nameOf(model, finding.entity),
      finding.related.join(' '),
      finding.message,
    ]),
  };
}
