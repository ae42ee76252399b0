/**
 * `npm run bench`: Kartta at 1,000, 10,000 and 100,000 systems, side by side with the floors and peers of
 * bench/baselines.ts, on the same generated data (one seed) in the same run. Prints a table and writes
 * bench/results.json: absolute times, the ratios, heap and the machine.
 *
 *   node --expose-gc --max-old-space-size=16384 --import tsx bench/run.ts [--quick] [--sizes=1000,10000] [--groups=report]
 *
 * `--quick` measures 1k and 10k only; `--ops=load,edit,lint` only those operations (list `load` for the ratios,
 * and `edit` before `editOld`, whose base is the model an edit started from). Each group of measurements runs in a fresh process (bench/worker.ts);
 * each figure is the median of several runs, fewer at 100k. An operation whose time at the next size,
 * extrapolated from the smaller sizes, would exceed its cap is skipped and recorded as such, and nothing new
 * starts after a global deadline, so that the whole run stays under 15 minutes on 2 cores.
 */
import { fork } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, type Measurement } from './measure.js';
import type { PlanGap } from './plan-gaps.js';
import type { Group, WorkerResult, WorkerTask } from './worker.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const sizes = sizesArg
  ? sizesArg.slice('--sizes='.length).split(',').map(Number)
  : quick
    ? [1_000, 10_000]
    : [1_000, 10_000, 100_000];
const SEED = 2026;
const PLAN_STEPS = 1_000;
/** Nothing new starts after this much wall-clock time (the goal is a whole run under 15 minutes). */
const TOTAL_BUDGET_MS = 13.5 * 60_000;
/** Longest predicted single run still attempted: the headline operations, and everything else. */
const CAP_HEADLINE_MS = 240_000;
const CAP_OTHER_MS = 90_000;
// The report is measured at 10k even at a few minutes a run: its size and time at 10k are what its docs state.
const HEADLINE = new Set(['load', 'graphology', 'edit', 'export', 'stringJoin', 'import', 'saxes', 'report']);

const here = dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const deadline = started + TOTAL_BUDGET_MS;

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
};
process.stderr.write(
  `Kartta benchmark on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n`,
);
if (!process.execArgv.includes('--expose-gc'))
  process.stderr.write('note: run node with --expose-gc for heap figures\n');

function runWorker(task: WorkerTask): Promise<WorkerResult> {
  return new Promise((resolve) => {
    const child = fork(join(here, 'worker.ts'), [JSON.stringify(task)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: WorkerResult | undefined;
    child.on('message', (message) => {
      result = message as WorkerResult;
    });
    child.on('exit', (code, signal) => {
      resolve(
        result ?? {
          times: {
            [task.group]: {
              median: null,
              runs: [],
              error: `worker exited with ${signal ?? `code ${code}`} (out of memory?)`,
            },
          },
          notes: [`the ${task.group} worker died (${signal ?? `code ${code}`})`],
        },
      );
    });
  });
}

interface SizeResult {
  systems: number;
  counts: Record<string, number>;
  times: Record<string, Measurement>;
  exportMatchesStringJoin: boolean | null;
  xmlCharacters: number | null;
  reportBytes: number | null;
  xlsxBytes: number | null;
  heap: { heapUsedAfterLoadMiB: number; modelMiB: number } | null;
  planGaps?: PlanGap[];
  importMemory: { rssBeforeMiB: number; peakRssMiB: number } | null;
  notes: string[];
}

const results: SizeResult[] = [];

/** Predicted time of one run at `systems`, from the smaller sizes (growth exponent clamped to [1, 3]). */
function predict(op: string, systems: number): number | null {
  const known = results
    .filter((r) => r.times[op]?.median != null)
    .map((r) => [r.systems, r.times[op]!.median as number] as const);
  const last = known[known.length - 1];
  if (!last) return null;
  const previous = known[known.length - 2];
  const growth = previous ? Math.log(last[1] / previous[1]) / Math.log(last[0] / previous[0]) : 1.5;
  const e = Math.min(3, Math.max(1, Number.isFinite(growth) ? growth : 1.5));
  return last[1] * Math.pow(systems / last[0], e);
}

const OPS: Record<Group, string[]> = {
  kartta: [
    'generate',
    'load',
    'edit',
    'editById',
    'editOld',
    'rejectInvalid',
    'harmonisationRegion',
    'harmonisationAll',
    'parallelRegion',
    'parallelAll',
    'impactPlatform',
    'impactSystem',
    'lint',
    'diff',
    'generatePlan',
    'planMigration',
    'export',
  ],
  graphology: ['graphology'],
  stringJoin: ['stringJoin'],
  saxes: ['saxes'],
  import: ['import'],
  importMemory: ['importStream'],
  xmlbuilder2: ['xmlbuilder2'],
  fastXmlParser: ['fastXmlParser'],
  report: ['report'],
  plan: [
    'planHeuristic100',
    'planOptimal100',
    'planHeuristic300',
    'planOptimal300',
    'planHeuristic1000',
    'planOptimal1000',
  ],
  spreadsheet: ['spreadsheetWrite', 'spreadsheetRead'],
  spreadsheetBare: ['spreadsheetBareRead', 'spreadsheetBareWrite'],
};
/** Kartta first (it writes the XML the others read), then the floors, then the peers. */
const ALL: Group[] = [
  'kartta',
  'graphology',
  'stringJoin',
  'import',
  'importMemory',
  'saxes',
  'xmlbuilder2',
  'fastXmlParser',
  'report',
  'plan',
  'spreadsheet',
  'spreadsheetBare',
];
/** `--groups=report,kartta` measures only those groups (the others' rows stay empty). */
const groupsArg = args.find((a) => a.startsWith('--groups='));
const ORDER: Group[] = groupsArg
  ? ALL.filter((group) => groupsArg.slice('--groups='.length).split(',').includes(group))
  : ALL;

/** `--ops=load,lint` measures only those operations (the others are recorded as not selected). */
const opsArg = args.find((a) => a.startsWith('--ops='));
const selected = opsArg ? new Set(opsArg.slice('--ops='.length).split(',')) : null;

for (const systems of sizes) {
  process.stderr.write(`\n${systems.toLocaleString('en')} systems\n`);
  const xmlPath = join(os.tmpdir(), `kartta-bench-${process.pid}-${systems}.xml`);
  const xlsxPath = join(os.tmpdir(), `kartta-bench-${process.pid}-${systems}.xlsx`);
  const size: SizeResult = {
    systems,
    counts: {},
    times: {},
    exportMatchesStringJoin: null,
    xmlCharacters: null,
    reportBytes: null,
    xlsxBytes: null,
    heap: null,
    importMemory: null,
    notes: [],
  };
  for (const group of ORDER) {
    const skip: Record<string, string> = {};
    for (const op of OPS[group]) {
      if (selected && !selected.has(op)) {
        skip[op] = 'not selected (--ops)';
        continue;
      }
      const predicted = predict(op, systems);
      const cap = HEADLINE.has(op) ? CAP_HEADLINE_MS : CAP_OTHER_MS;
      if (predicted !== null && predicted > cap)
        skip[op] =
          `predicted ${Math.round(predicted / 1000)} s a run from the smaller sizes, over the cap of ${cap / 1000} s`;
      else if (predicted !== null && Date.now() + predicted > deadline)
        skip[op] = `predicted ${Math.round(predicted / 1000)} s would pass the time budget of the run`;
    }
    if (OPS[group].every((op) => skip[op] !== undefined)) {
      for (const op of OPS[group]) {
        size.times[op] = { median: null, runs: [], skipped: skip[op] };
        process.stderr.write(`  ${op.padEnd(38)} skipped: ${skip[op]}\n`);
      }
      continue;
    }
    const result = await runWorker({
      group,
      systems,
      seed: SEED,
      planSteps: PLAN_STEPS,
      xmlPath,
      xlsxPath,
      deadline,
      skip,
    });
    Object.assign(size.times, result.times);
    size.notes.push(...result.notes);
    if (result.counts) size.counts = result.counts;
    if (result.heap !== undefined) size.heap = result.heap;
    if (result.importMemory !== undefined) size.importMemory = result.importMemory;
    if (result.xmlCharacters !== undefined) size.xmlCharacters = result.xmlCharacters;
    if (result.reportBytes !== undefined) size.reportBytes = result.reportBytes;
    if (result.xlsxBytes !== undefined) size.xlsxBytes = result.xlsxBytes;
    if (result.exportMatchesStringJoin !== undefined) size.exportMatchesStringJoin = result.exportMatchesStringJoin;
    if (result.planGaps !== undefined) size.planGaps = result.planGaps;
  }
  rmSync(xmlPath, { force: true });
  rmSync(xlsxPath, { force: true });
  results.push(size);
}

// ---------------------------------------------------------------------------------------------------------------
// Ratios

/** Kartta's own operations: each one's growth exponent has a goal (floors and peers are reported, not ours to fix). */
const OWN_OPERATIONS = [
  'generate',
  'load',
  'edit',
  'editById',
  'editOld',
  'rejectInvalid',
  'harmonisationRegion',
  'harmonisationAll',
  'parallelRegion',
  'parallelAll',
  'impactPlatform',
  'impactSystem',
  'impactSystemAll',
  'lint',
  'diff',
  'generatePlan',
  'planMigration',
  'export',
  'import',
  'report',
] as const;
const FLOORS_AND_PEERS = ['graphology', 'stringJoin', 'xmlbuilder2', 'saxes', 'fastXmlParser'] as const;
const SCALING_GOAL = 1.15;

const GOALS: Record<string, number> = {
  'load.vsGraphology': 3,
  'export.vsStringJoin': 2,
  'export.vsXmlbuilder2': 0.125,
  'import.vsSaxes': 2.5,
  'import.peakRssVsHeap': 3,
  'edit.vsLoad': 0.01,
  'editOld.vsLoad': 0.01,
  'rejectInvalid.vsLoad': 1.5,
  'lint.vsLoad': 1,
  'impact.vsLoad': 0.01,
  'parallel.vsLoad': 0.5,
  'harmonisation.vsLoad': 0.5,
  'diff.vsLoad': 1,
  'scaling.exponent': SCALING_GOAL,
  ...Object.fromEntries(OWN_OPERATIONS.map((op) => [`scaling.${op}`, SCALING_GOAL])),
  'plan.gap100': 0,
  'plan.gap1000': 0.1,
  'spreadsheet.readVsBare': 1.5,
  'spreadsheet.writeVsBare': 1.5,
};

const ok = (m: Measurement | undefined): m is Measurement & { median: number } =>
  m !== undefined && m.median !== null && m.error === undefined;

/** A ratio at the largest size where both sides were measured, with the size it comes from. */
function ratio(numerator: string, denominator: string): { value: number | null; systems: number | null } {
  for (const result of [...results].reverse()) {
    const a = result.times[numerator];
    const b = result.times[denominator];
    if (ok(a) && ok(b) && b.median > 0)
      return { value: Math.round((a.median / b.median) * 10_000) / 10_000, systems: result.systems };
  }
  return { value: null, systems: null };
}

/**
 * `numerator` against the sum of several floors, at the largest size where all were measured. The import
 * parses the text AND builds the model's graph, so besides the bare saxes pass (the issue's floor, kept) its
 * fair floor is that pass plus the bare graphology build of the same model.
 */
function sumRatio(numerator: string, floors: readonly string[]): { value: number | null; systems: number | null } {
  for (const result of [...results].reverse()) {
    const a = result.times[numerator];
    const parts = floors.map((floor) => result.times[floor]);
    if (ok(a) && parts.every(ok)) {
      const sum = parts.reduce((total, part) => total + (part as { median: number }).median, 0);
      if (sum > 0) return { value: Math.round((a.median / sum) * 10_000) / 10_000, systems: result.systems };
    }
  }
  return { value: null, systems: null };
}

/** Peak RSS of a streamed import / the heap used with the same model loaded, at the largest size with both. */
function memoryRatio(): { value: number | null; systems: number | null } {
  for (const result of [...results].reverse()) {
    const peak = result.importMemory?.peakRssMiB;
    const heap = result.heap?.heapUsedAfterLoadMiB;
    if (peak !== undefined && heap !== undefined && heap > 0)
      return { value: Math.round((peak / heap) * 1000) / 1000, systems: result.systems };
  }
  return { value: null, systems: null };
}

/**
 * Growth exponent of an operation: the slope of a least-squares fit of log(time) against log(size) over every
 * size where it was measured (1k, 10k, 100k), so that one noisy size moves it less than a two-point slope would.
 */
function exponent(op: string): { value: number | null; from: number | null; to: number | null } {
  const measured = results.filter((r) => ok(r.times[op]) && r.times[op].median > 0);
  const first = measured[0];
  const last = measured[measured.length - 1];
  if (!first || !last || first === last) return { value: null, from: null, to: null };
  const xs = measured.map((r) => Math.log(r.systems));
  const ys = measured.map((r) => Math.log(r.times[op]!.median as number));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return { value: Math.round((num / den) * 1000) / 1000, from: first.systems, to: last.systems };
}

const detail = {
  'load.vsGraphology': ratio('load', 'graphology'),
  'export.vsStringJoin': ratio('export', 'stringJoin'),
  'export.vsXmlbuilder2': ratio('export', 'xmlbuilder2'),
  'import.vsSaxes': ratio('import', 'saxes'),
  'import.vsSaxesAndGraphology': sumRatio('import', ['saxes', 'graphology']),
  'import.vsFastXmlParser': ratio('import', 'fastXmlParser'),
  'import.peakRssVsHeap': memoryRatio(),
  'edit.vsLoad': ratio('edit', 'load'),
  'editOld.vsLoad': ratio('editOld', 'load'),
  'rejectInvalid.vsLoad': ratio('rejectInvalid', 'load'),
  'lint.vsLoad': ratio('lint', 'load'),
  // A patient record system with a handful of integrations, at depth 1: a small answer.
  'impact.vsLoad': ratio('impactSystem', 'load'),
  // The largest answers, stated without a goal: a platform, and any system without a depth limit (both reach most
  // of the synthetic country).
  'impactPlatform.vsLoad': ratio('impactPlatform', 'load'),
  'impactSystemAll.vsLoad': ratio('impactSystemAll', 'load'),
  // Nationally parallel operation is a question per region: each region in turn, as lint does without a scope.
  'parallel.vsLoad': ratio('parallelAll', 'load'),
  'harmonisation.vsLoad': ratio('harmonisationAll', 'load'),
  'diff.vsLoad': ratio('diff', 'load'),
  'spreadsheet.readVsBare': ratio('spreadsheetRead', 'spreadsheetBareRead'),
  'spreadsheet.writeVsBare': ratio('spreadsheetWrite', 'spreadsheetBareWrite'),
};
const scaling = Object.fromEntries([...OWN_OPERATIONS, ...FLOORS_AND_PEERS].map((op) => [op, exponent(op)])) as Record<
  string,
  ReturnType<typeof exponent>
>;
const exponents = OWN_OPERATIONS.map((op) => scaling[op]?.value).filter((v): v is number => v != null);
const planGaps = results.find((r) => r.planGaps !== undefined)?.planGaps ?? [];
const gapOf = (steps: number): number | null => planGaps.find((g) => g.steps === steps)?.gap ?? null;
const ratios: Record<string, number | null> = {
  ...Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, v.value])),
  // The largest exponent of Kartta's own operations; each one is reported on its own below.
  'scaling.exponent': exponents.length > 0 ? Math.max(...exponents) : null,
  'plan.gap100': gapOf(100),
  'plan.gap300': gapOf(300),
  'plan.gap1000': gapOf(1000),
  ...Object.fromEntries(
    [...OWN_OPERATIONS, ...FLOORS_AND_PEERS].map((op) => [`scaling.${op}`, scaling[op]?.value ?? null]),
  ),
};
const heap100k = results.find((r) => r.systems === 100_000)?.heap?.heapUsedAfterLoadMiB ?? null;
const met: Record<string, boolean | null> = Object.fromEntries(
  Object.entries(GOALS).map(([key, goal]) => [key, ratios[key] == null ? null : ratios[key] <= goal]),
);
met['heap100k.under1GiB'] = heap100k === null ? null : heap100k < 1024;

const output = {
  startedAt: new Date(started).toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  quick,
  seed: SEED,
  machine,
  ratios,
  ratioSizes: Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, v.systems])),
  scaling,
  goals: { ...GOALS, 'heap100k.MiB': 1024 },
  met,
  heapUsedAfterLoad100kMiB: heap100k,
  planGaps,
  sizes: Object.fromEntries(results.map((r) => [String(r.systems), r])),
};
writeFileSync(join(here, 'results.json'), `${JSON.stringify(output, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------------------------
// The table

const rows: [string, string][] = [
  ['generate', 'generate model (kartta/testing)'],
  ['load', 'load: Model.load (validate + graph)'],
  ['graphology', '  floor: bare graphology build'],
  ['edit', 'edit: one field (model.edit)'],
  ['editById', 'edit: one field, system found by id'],
  ['editOld', 'edit of the model the last edit left'],
  ['rejectInvalid', 'reject invalid ids (safeLoad)'],
  ['harmonisationRegion', 'harmonisationCandidates, one region'],
  ['harmonisationAll', 'harmonisationCandidates, whole model'],
  ['parallelRegion', 'parallelSystems, one region'],
  ['parallelAll', 'parallelSystems, each region'],
  ['impactPlatform', 'impactOf, an integration platform'],
  ['impactSystem', 'impactOf, a patient record system (depth 1)'],
  ['impactSystemAll', 'impactOf, the same system, any depth'],
  ['lint', 'lint, whole model'],
  ['diff', 'diffModels, two loaded models'],
  ['generatePlan', `generate plan (${PLAN_STEPS} steps)`],
  ['planMigration', `planMigration (${PLAN_STEPS} steps)`],
  ['export', 'export: toArchimateXml'],
  ['stringJoin', '  floor: bare string join'],
  ['xmlbuilder2', '  peer: xmlbuilder2'],
  ['import', 'import: fromArchimateXml'],
  ['importStream', '  from a stream (readArchimate), 1 run'],
  ['saxes', '  floor: bare saxes pass'],
  ['fastXmlParser', '  peer: fast-xml-parser'],
  ['report', `toHtmlReport (plan: systems/5 steps)`],
  ['planHeuristic100', 'planMigration, 100 steps (heuristic)'],
  ['planOptimal100', 'planMigrationOptimal, 100 steps'],
  ['planHeuristic300', 'planMigration, 300 steps (heuristic)'],
  ['planOptimal300', 'planMigrationOptimal, 300 steps'],
  ['planHeuristic1000', 'planMigration, 1,000 steps (heuristic)'],
  ['planOptimal1000', 'planMigrationOptimal, 1,000 steps'],
  ['spreadsheetWrite', 'writeInventory (XLSX)'],
  ['spreadsheetBareWrite', '  floor: string join + deflate'],
  ['spreadsheetRead', 'readInventory (XLSX → model)'],
  ['spreadsheetBareRead', '  floor: unzip + saxes into arrays'],
];
const cell = (m: Measurement | undefined): string =>
  m === undefined ? '' : m.error ? 'failed' : m.skipped ? 'skipped' : fmt(m.median);
const header = `${'median ms'.padEnd(40)}${results.map((r) => `${r.systems.toLocaleString('en')} systems`.padStart(16)).join('')}`;
const lines = [header, '-'.repeat(header.length)];
for (const [key, label] of rows) {
  if (!results.some((r) => r.times[key])) continue;
  lines.push(`${label.padEnd(40)}${results.map((r) => cell(r.times[key]).padStart(16)).join('')}`);
}
lines.push(
  `${'heap used after load (MiB)'.padEnd(40)}${results.map((r) => String(r.heap?.heapUsedAfterLoadMiB ?? '-').padStart(16)).join('')}`,
);
lines.push(
  `${'import peak RSS, streamed (MiB)'.padEnd(40)}${results.map((r) => String(r.importMemory?.peakRssMiB ?? '-').padStart(16)).join('')}`,
);
lines.push(
  `${'XML characters (millions)'.padEnd(40)}${results.map((r) => (r.xmlCharacters === null ? '-' : (r.xmlCharacters / 1e6).toFixed(1)).padStart(16)).join('')}`,
);
lines.push(
  `${'report size (MB)'.padEnd(40)}${results.map((r) => (r.reportBytes === null ? '-' : (r.reportBytes / 1e6).toFixed(1)).padStart(16)).join('')}`,
);
lines.push(
  `${'inventory workbook (MB)'.padEnd(40)}${results.map((r) => (r.xlsxBytes === null ? '-' : (r.xlsxBytes / 1e6).toFixed(1)).padStart(16)).join('')}`,
);
lines.push(
  `${'integrations / relations'.padEnd(40)}${results.map((r) => `${r.counts.integrations ?? '-'} / ${r.counts.relations ?? '-'}`.padStart(16)).join('')}`,
);
lines.push('');
lines.push(`${'ratio'.padEnd(26)}${'value'.padStart(10)}${'goal'.padStart(11)}  ${'at'.padEnd(14)}`);
for (const [key, value] of Object.entries(ratios)) {
  const goal = GOALS[key];
  const at = key.startsWith('scaling.')
    ? `${results[0]?.systems}..${results[results.length - 1]?.systems}`
    : String((detail as Record<string, { systems: number | null }>)[key]?.systems ?? '-');
  const verdict = goal === undefined || value === null ? '' : value <= goal ? 'met' : 'NOT met';
  lines.push(
    `${key.padEnd(26)}${(value === null ? '-' : String(value)).padStart(10)}${(goal === undefined ? '' : `<= ${goal}`).padStart(11)}  ${at.padEnd(14)}${verdict}`,
  );
}
if (heap100k !== null)
  lines.push(
    `${'heap, 100k model (MiB)'.padEnd(26)}${String(heap100k).padStart(10)}${'< 1024'.padStart(11)}  ${''.padEnd(14)}${heap100k < 1024 ? 'met' : 'NOT met'}`,
  );
for (const r of results) {
  if (r.exportMatchesStringJoin !== null)
    lines.push(
      `string-join baseline writes the same bytes as toArchimateXml at ${r.systems}: ${r.exportMatchesStringJoin}`,
    );
  for (const note of r.notes) lines.push(`note (${r.systems}): ${note}`);
  for (const [key, m] of Object.entries(r.times))
    if (m.skipped) lines.push(`skipped at ${r.systems}: ${key}: ${m.skipped}`);
}
console.log(
  `\nKartta benchmark: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, seed ${SEED}\n`,
);
console.log(lines.join('\n'));
console.log(`\nwrote bench/results.json (${output.durationSeconds} s)`);
