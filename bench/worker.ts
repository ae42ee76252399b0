/**
 * One group of bench measurements in a fresh process, so that one library's JIT and heap state never slows
 * another's (a bare saxes pass run after Kartta's import, which also drives saxes, was measured 2 to 4 times
 * slower than in a process of its own). Every group regenerates the same data from the seed; the XML travels
 * between groups as a temporary file. Started by bench/run.ts; answers with `process.send`.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import * as kartta from '../src/index.js';
import {
  diffModels,
  harmonisationCandidates,
  impactOf,
  lint,
  Model,
  parallelSystems,
  type KarttaDocument,
} from '../src/index.js';
import { toArchimateXml } from '../src/archimate/export.js';
import { fromArchimateXml, readArchimate } from '../src/archimate/import.js';
import { toHtmlReport } from '../src/report/index.js';
import { generateMigrationPlan, generateRegionModel, type GeneratedPlan } from '../src/testing/index.js';
import {
  fastXmlParserParse,
  graphologyBuild,
  saxesPass,
  sortDocument,
  stringJoinExport,
  xmlbuilder2Export,
} from './baselines.js';
import { measurePlanGaps, type PlanGap } from './plan-gaps.js';
import { collect, failed, hasGc, measure, skipped, type Measurement, type RunPolicy } from './measure.js';
import { bareXlsxRead, bareXlsxWrite } from './spreadsheet-baselines.js';
import { readInventory, writeInventory } from '../src/spreadsheet/index.js';
import { inventorySheets } from '../src/spreadsheet/write-inventory.js';

export type Group =
  | 'kartta'
  | 'graphology'
  | 'stringJoin'
  | 'xmlbuilder2'
  | 'import'
  | 'importMemory'
  | 'saxes'
  | 'fastXmlParser'
  | 'report'
  | 'plan'
  | 'spreadsheet'
  | 'spreadsheetBare';

export interface WorkerTask {
  readonly group: Group;
  readonly systems: number;
  readonly seed: number;
  readonly planSteps: number;
  readonly xmlPath: string;
  /** The inventory workbook the spreadsheet group writes and its floor reads. */
  readonly xlsxPath: string;
  /** Epoch ms after which nothing new starts. */
  readonly deadline: number;
  /** Operations not to run, with the reason (predicted too slow from the smaller sizes). */
  readonly skip: Readonly<Record<string, string>>;
}

export interface WorkerResult {
  readonly times: Record<string, Measurement>;
  readonly counts?: Record<string, number>;
  readonly exportMatchesStringJoin?: boolean | null;
  readonly xmlCharacters?: number | null;
  readonly heap?: { heapUsedAfterLoadMiB: number; modelMiB: number } | null;
  /**
   * Peak resident memory of a process that did nothing but one import of the file, read as a stream
   * (`readArchimate(createReadStream(file))`), and its resident memory before the import started.
   */
  readonly importMemory?: { rssBeforeMiB: number; peakRssMiB: number } | null;
  /** Bytes of the inventory workbook of the model. */
  readonly xlsxBytes?: number | null;
  /** Bytes (UTF-8) of the region report of the model with the generated plan. */
  readonly reportBytes?: number | null;
  /** The migration planner's answers on generated plans (group `plan`, 10k systems only). */
  readonly planGaps?: PlanGap[];
  readonly notes: string[];
}

type Planner = (model: Model, plan: GeneratedPlan) => unknown;

function policies(systems: number, deadline: number): { normal: RunPolicy; fast: RunPolicy; single: RunPolicy } {
  const normal: RunPolicy =
    systems <= 1_000
      ? { runs: 7, warmup: 1, budgetMs: 10_000, deadline }
      : systems <= 10_000
        ? { runs: 5, warmup: 0, budgetMs: 12_000, deadline }
        : { runs: 3, warmup: 0, budgetMs: 25_000, deadline };
  const fast: RunPolicy = { runs: systems >= 100_000 ? 11 : 21, warmup: 3, budgetMs: 10_000, deadline };
  return { normal, fast, single: { runs: 1, warmup: 0, budgetMs: 0, deadline } };
}

const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Peak resident set size of this process so far (Linux: VmHWM; elsewhere what libuv reports as maxRSS). */
function peakRssMiB(): number {
  return mib(process.resourceUsage().maxRSS * 1024);
}

/**
 * One streamed import in a process of its own, for its peak memory: nothing else ran in this process, so its
 * high-water mark is the import's (plus Node itself, counted in `rssBeforeMiB`). Timed too, as one run.
 */
async function runImportMemory(task: WorkerTask): Promise<WorkerResult> {
  const notes: string[] = [];
  const times: Record<string, Measurement> = {};
  const rssBeforeMiB = mib(process.memoryUsage.rss());
  const reason =
    task.skip.importStream ?? (Date.now() > task.deadline ? 'out of the time budget of the run' : undefined);
  if (reason !== undefined) {
    times.importStream = skipped('importStream', reason);
    return { times, notes, importMemory: null };
  }
  const start = performance.now();
  const result = await readArchimate(createReadStream(task.xmlPath), { maxLength: 2 ** 30 });
  const ms = performance.now() - start;
  times.importStream = { median: Math.round(ms * 1000) / 1000, runs: [Math.round(ms * 1000) / 1000] };
  const peak = peakRssMiB();
  if (result.model.systems().length !== task.systems) notes.push('the streamed import has an unexpected size');
  process.stderr.write(`  import from a stream: ${Math.round(ms)} ms, peak RSS ${peak} MiB (${rssBeforeMiB} before)\n`);
  return { times, notes, importMemory: { rssBeforeMiB, peakRssMiB: peak } };
}

function run(task: WorkerTask): WorkerResult {
  const { normal, fast, single } = policies(task.systems, task.deadline);
  const times: Record<string, Measurement> = {};
  const notes: string[] = [];
  /** Runs an operation unless it is to be skipped or time is up. */
  const op = <T>(key: string, label: string, fn: () => T, policy: RunPolicy, keep?: (value: T) => void): void => {
    const reason = task.skip[key] ?? (Date.now() > task.deadline ? 'out of the time budget of the run' : undefined);
    times[key] = reason !== undefined ? skipped(label, reason) : measure(label, fn, policy, keep);
  };
  const generate = (): KarttaDocument => generateRegionModel({ seed: task.seed, systems: task.systems });

  switch (task.group) {
    case 'kartta':
      return { ...runKartta(task, { normal, fast, single }, times, notes, op, generate), notes };
    case 'report': {
      // The region report of the whole model with the generated plan: its queries, the diagrams it draws and the
      // page. Few runs: at 10k one run is most of a minute.
      const doc = generate();
      const model = Model.load(doc);
      // A 1k model offers some 600 acyclic steps: its plan has one step per five systems, at most planSteps.
      const plan = generateMigrationPlan(doc, {
        seed: task.seed,
        steps: Math.min(task.planSteps, Math.floor(task.systems / 5)),
      });
      let bytes: number | null = null;
      op(
        'report',
        'toHtmlReport',
        () => toHtmlReport(model, { plan, asOf: '2026-01-01' }),
        task.systems <= 1_000 ? { ...normal, runs: 3 } : single,
        (html) => (bytes = Buffer.byteLength(html)),
      );
      return { times, notes, reportBytes: bytes };
    }
    case 'spreadsheet': {
      // The model as an inventory workbook (systems, 3 integrations a system, organisations, services, products,
      // relations) and back: writeInventory, then readInventory of those bytes into a validated model.
      const model = Model.load(generate());
      let bytes: Uint8Array | null = null;
      op(
        'spreadsheetWrite',
        'writeInventory',
        () => writeInventory(model),
        { ...normal, runs: Math.min(normal.runs, 3) },
        (b) => (bytes = b),
      );
      const written = (bytes as Uint8Array | null) ?? writeInventory(model);
      writeFileSync(task.xlsxPath, written);
      op(
        'spreadsheetRead',
        'readInventory',
        () => readInventory([{ file: 'bench.xlsx', data: written }], { maxBytes: 2 ** 31 - 1 }),
        { ...normal, runs: Math.min(normal.runs, 3) },
        (result) => {
          if (result.model.systems().length !== model.systems().length)
            notes.push('readInventory: the workbook read back with a different number of systems');
        },
      );
      return { times, notes, xlsxBytes: written.byteLength };
    }
    case 'spreadsheetBare': {
      let data: Buffer | undefined;
      try {
        data = readFileSync(task.xlsxPath);
      } catch {
        data = undefined;
      }
      // The workbook is the one the spreadsheet group wrote; when that group was skipped at this size, there is
      // nothing to read (a skip of its own, not a failure), and the write floor is still measured.
      if (data === undefined)
        times.spreadsheetBareRead = skipped(
          'spreadsheetBareRead',
          'no workbook: the spreadsheet group, which writes it, was skipped at this size',
        );
      else {
        const workbook = data;
        op('spreadsheetBareRead', 'floor: unzip + saxes into arrays', () => bareXlsxRead(workbook), normal);
      }
      // The cells writeInventory writes, computed before the clock starts: the floor writes the same cells.
      const sheets = inventorySheets(Model.load(generate()), 'fi');
      op('spreadsheetBareWrite', 'floor: string join + deflate', () => bareXlsxWrite(sheets), normal);
      return { times, notes };
    }
    case 'graphology': {
      const doc = generate();
      op('graphology', 'floor: bare graphology build', () => graphologyBuild(doc), normal);
      return { times, notes };
    }
    case 'stringJoin': {
      const sorted = sortDocument(generate());
      let text: string | null = null;
      op(
        'stringJoin',
        'floor: bare string join',
        () => stringJoinExport(sorted),
        normal,
        (t) => (text = t),
      );
      let matches: boolean | null = null;
      try {
        if (text !== null) matches = readFileSync(task.xmlPath, 'utf8') === text;
      } catch {
        matches = null;
      }
      if (matches === false) notes.push('the string-join baseline does not produce the same bytes as toArchimateXml');
      return { times, notes, exportMatchesStringJoin: matches };
    }
    case 'xmlbuilder2': {
      const sorted = sortDocument(generate());
      op('xmlbuilder2', 'peer: xmlbuilder2', () => xmlbuilder2Export(sorted), {
        ...normal,
        runs: Math.min(normal.runs, 3),
        warmup: 0,
      });
      return { times, notes };
    }
    case 'plan':
      return { times, notes };
    case 'importMemory':
      throw new Error('the importMemory group runs in runImportMemory');
    case 'import':
    case 'saxes':
    case 'fastXmlParser': {
      let xml: string;
      try {
        xml = readFileSync(task.xmlPath, 'utf8');
      } catch (error) {
        times[task.group] = failed(task.group, `no XML to read (the export failed?): ${(error as Error).message}`);
        return { times, notes };
      }
      if (task.group === 'import')
        op('import', 'import (fromArchimateXml)', () => fromArchimateXml(xml, { maxLength: 2 ** 30 }), normal);
      else if (task.group === 'saxes') op('saxes', 'floor: bare saxes pass', () => saxesPass(xml), normal);
      else
        op('fastXmlParser', 'peer: fast-xml-parser', () => fastXmlParserParse(xml), {
          ...normal,
          runs: Math.min(normal.runs, 3),
          warmup: 0,
        });
      return { times, notes };
    }
  }
}

function runKartta(
  task: WorkerTask,
  { normal, fast, single }: { normal: RunPolicy; fast: RunPolicy; single: RunPolicy },
  times: Record<string, Measurement>,
  notes: string[],
  op: <T>(key: string, label: string, fn: () => T, policy: RunPolicy, keep?: (value: T) => void) => void,
  generate: () => KarttaDocument,
): Omit<WorkerResult, 'notes'> {
  // Heap first, while nothing else is alive: a model alone, its input document released, after a full collection.
  let heap: WorkerResult['heap'] = null;
  if (hasGc) {
    collect();
    const before = process.memoryUsage().heapUsed;
    let fresh: Model | undefined = Model.load(generate());
    collect();
    const after = process.memoryUsage().heapUsed;
    heap = { heapUsedAfterLoadMiB: mib(after), modelMiB: mib(after - before) };
    process.stderr.write(
      `  heap after load: ${heap.heapUsedAfterLoadMiB} MiB used (${heap.modelMiB} MiB for the model)\n`,
    );
    if (fresh.systems().length !== task.systems) notes.push('the model for the heap figure has an unexpected size');
    // eslint-disable-next-line no-useless-assignment -- drops the last reference so that the model can be collected
    fresh = undefined;
    collect();
  } else {
    notes.push('node ran without --expose-gc: no heap figure');
  }

  let doc: KarttaDocument | undefined;
  op('generate', 'generate (kartta/testing)', generate, single, (d) => (doc = d));
  const source = doc ?? generate();
  const counts = {
    organisations: source.organisations.length,
    regions: source.organisations.filter((o) => o.kind === 'region').length,
    municipalities: source.organisations.filter((o) => o.kind === 'municipality').length,
    services: source.services.length,
    systems: source.systems.length,
    integrations: source.integrations.length,
    relations: source.relations.length,
  };

  let model: Model | undefined;
  op(
    'load',
    'load (Model.load: validate + graph)',
    () => Model.load(source),
    normal,
    (m) => (model = m),
  );
  model ??= Model.load(source);

  // One small edit: one field of one system, each edit starting from the model the last one made (an edit moves
  // the index to the new model; editing an old model again would rebuild it, which is not the small edit).
  const k = Math.floor(task.systems / 2);
  let current = model;
  op(
    'edit',
    'edit (one field of one system)',
    () =>
      current.edit((draft) => {
        const system = draft.systems[k]!;
        system.users = (system.users ?? 0) + 1;
      }).model,
    fast,
    (m) => (current = m),
  );
  const targetId = source.systems[k]!.id;
  op(
    'editById',
    'edit, system found by id',
    () =>
      current.edit((draft) => {
        const system = draft.systems.find((s) => s.id === targetId)!;
        system.users = (system.users ?? 0) + 1;
      }).model,
    { ...fast, runs: task.systems >= 100_000 ? 5 : fast.runs },
    (m) => (current = m),
  );
  // Branching: each edit starts again from the same model, whose index the previous edit took along (an undo
  // stack, or several scenarios from one base). The base gets its index back from the last result by undoing
  // that result's delta, so this should cost about what a plain edit costs, not a rebuild.
  const base = current;
  op(
    'editOld',
    'edit of the model the last edit started from',
    () =>
      base.edit((draft) => {
        const system = draft.systems[k]!;
        system.users = (system.users ?? 0) + 1;
      }).model,
    fast,
  );
  // A document whose every system id is invalid: each one reported, with every reference to it. A rejection must
  // cost about what a load costs.
  const invalid = {
    ...source,
    systems: source.systems.map((system) => ({ ...system, id: `${system.id} ?` })),
  };
  op(
    'rejectInvalid',
    `reject ${source.systems.length} invalid ids (Model.safeLoad)`,
    () => Model.safeLoad(invalid),
    normal,
    (result) => {
      if (result.ok) notes.push('rejectInvalid: the invalid document loaded');
    },
  );
  // Undo the edits (untimed), so that the export below writes exactly the generated data the baselines write.
  const original = source.systems[k]!.users;
  current = current.edit((draft) => {
    const system = draft.systems[k]!;
    if (original === undefined) delete system.users;
    else system.users = original;
  }).model;
  const m = current;

  const region = m.organisations().find((o) => o.kind === 'region')!.id;
  const platform = m.systems().find((s) => s.platform === true)!.id;
  // A patient record system with a handful of integrations, none with or through a platform: a small answer at
  // depth 1. Without a depth limit every system of the synthetic model reaches most of the country (its
  // integrations form one connected graph, platforms joining everything), so that answer is measured apart.
  const isPlatform = (id: string): boolean => m.system(id)?.platform === true;
  const patientRecord =
    m
      .systems()
      .find(
        (s) =>
          s.platform !== true &&
          s.lifecycle === 'production' &&
          s.class === 'TOSI' &&
          m.relationsOut(s.id, 'supports').some((r) => r.to === 'primary-care') &&
          m.integrationsOf(s.id).length >= 2 &&
          m.integrationsOf(s.id).length <= 6 &&
          m
            .integrationsOf(s.id, { includeVia: true })
            .every((i) => !isPlatform(i.source) && !isPlatform(i.target) && i.via === undefined),
      )?.id ?? m.systems().find((s) => s.platform !== true && s.lifecycle === 'production' && s.class === 'TOSI')!.id;
  op(
    'harmonisationRegion',
    'harmonisationCandidates (region)',
    () => harmonisationCandidates(m, { scope: region }),
    normal,
  );
  op('harmonisationAll', 'harmonisationCandidates (all)', () => harmonisationCandidates(m), normal);
  op('parallelRegion', 'parallelSystems (region)', () => parallelSystems(m, { scope: region }), normal);
  // Nationally, parallel operation is a question per region: every region in turn, as lint does without a scope.
  const regions = m
    .organisations()
    .filter((o) => o.kind === 'region')
    .map((o) => o.id);
  op(
    'parallelAll',
    `parallelSystems (each of ${regions.length} regions)`,
    () => regions.map((r) => parallelSystems(m, { scope: r })),
    normal,
  );
  // The size of each answer, noted once: the cost of an impact query should follow it.
  const answers = new Map<string, ReturnType<typeof impactOf>>();
  const keepAnswer = (key: string) => (impact: ReturnType<typeof impactOf>) => answers.set(key, impact);
  op(
    'impactPlatform',
    'impactOf (an integration platform)',
    () => impactOf(m, platform),
    normal,
    keepAnswer('impactPlatform'),
  );
  op(
    'impactSystem',
    'impactOf (a patient record system, depth 1)',
    () => impactOf(m, patientRecord, { depth: 1 }),
    fast,
    keepAnswer('impactSystem'),
  );
  op(
    'impactSystemAll',
    'impactOf (the same system, any depth)',
    () => impactOf(m, patientRecord),
    normal,
    keepAnswer('impactSystemAll'),
  );
  for (const [key, impact] of answers)
    notes.push(
      `${key} (${impact.system}, ${m.integrationsOf(impact.system).length} integrations): ${impact.integrated.length} systems integrated, ${impact.dependents.length} dependents, ${impact.organisations.length} organisations`,
    );
  op('lint', 'lint (all rules, whole model)', () => lint(m), normal);
  // Two models loaded separately (nothing shared), one in a hundred systems changed and one in a hundred
  // relations gone: the differences of two versions of a file, where every entity must be compared.
  {
    const changedSource: KarttaDocument = {
      ...source,
      systems: source.systems.map((system, i) =>
        i % 100 === 0 ? { ...system, version: `${system.version ?? '1'}.1` } : system,
      ),
      relations: source.relations.filter((_, i) => i % 100 !== 1),
    };
    const other = Model.load(changedSource);
    op('diff', 'diffModels (two separately loaded models)', () => diffModels(m, other), normal);
  }

  if (task.systems >= 10_000) {
    let plan: GeneratedPlan | undefined;
    op(
      'generatePlan',
      `generate plan (${task.planSteps} steps)`,
      () => generateMigrationPlan(source, { seed: task.seed, steps: task.planSteps }),
      single,
      (p) => (plan = p),
    );
    const planMigration = (kartta as unknown as Record<string, unknown>).planMigration as Planner | undefined;
    if (planMigration && plan) {
      const p = plan;
      op('planMigration', `planMigration (${task.planSteps} steps)`, () => planMigration(m, p), normal);
    } else if (!planMigration) {
      notes.push('planMigration is not exported yet: not measured');
    }
  }

  let xml: string | null = null;
  op(
    'export',
    'export (toArchimateXml)',
    () => toArchimateXml(m),
    normal,
    (x) => (xml = x),
  );
  const text = xml as string | null;
  if (text !== null) writeFileSync(task.xmlPath, text);
  // eslint-disable-next-line no-useless-assignment -- drops the last reference so that the text can be collected
  xml = null;

  return { times, counts, xmlCharacters: text?.length ?? null, heap };
}

const arg = process.argv[2];
if (arg !== undefined && process.send) {
  const task = JSON.parse(arg) as WorkerTask;
  let result: WorkerResult;
  try {
    if (task.group === 'plan') {
      // The MIP solver is asynchronous; one model of 10k systems is enough for plans of up to 1,000 steps.
      const times: Record<string, Measurement> = {};
      result =
        task.systems === 10_000
          ? {
              times,
              notes: [],
              planGaps: await measurePlanGaps(
                generateRegionModel({ seed: task.seed, systems: task.systems }),
                task.seed,
                times,
              ),
            }
          : { times, notes: [] };
    } else if (task.group === 'importMemory') result = await runImportMemory(task);
    else result = run(task);
  } catch (error) {
    result = { times: { [task.group]: failed(task.group, error) }, notes: [`the ${task.group} worker failed`] };
  }
  process.send(result, () => process.exit(0));
}
