/**
 * The public entry points of the ArchiMate export: the whole file as a string, a generator of chunks, and a
 * writer into a Node stream. The work is in `reconcile.ts` (what is written) and `writer.ts` (how).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Model } from '../model/model.js';
import { ArchimateExportError } from './errors.js';
import { checkWriteOptions, type ArchimateExportOptions } from './export-options.js';
import { prepare, type Prepared } from './reconcile.js';
import { produce } from './writer.js';
import { UnrepresentableTextError } from './xml-text.js';

export type { ArchimateExportOptions, ArchimateViewOptions } from './export-options.js';
import type { ArchimateExportChange } from './export-changes.js';

function exportError(error: unknown, current: string): unknown {
  if (error instanceof UnrepresentableTextError) {
    return new ArchimateExportError(
      'archimate.unrepresentable-text',
      `cannot write ${current}: ${error.message}`,
      current,
    );
  }
  return error;
}

/**
 * The model as an ArchiMate 3.1 Model Exchange File (XML text), ready for Archi (File > Import > Open Exchange
 * XML Model) or any ArchiMate 3 tool. Organisations become BusinessActors, services BusinessServices, systems
 * ApplicationComponents, integrations Flow relationships; relations become the relationships the ArchiMate
 * relationship table allows between those types; Kartta fields become typed properties. The development portfolio
 * becomes WorkPackages (projects, with their implementers assigned, funders associated and Deliverables),
 * Groupings (themes), BusinessActors (external funders) and BusinessServices realised by their provider
 * (offerings). The same model always
 * gives byte-identical text.
 *
 * @throws {@link ArchimateExportError} when a text holds a character XML cannot carry, extras or views collide
 *   (`archimate.identifier-collision`), or a `planResult` does not place each step of the plan exactly once.
 * @throws {@link PlanValidationError} when the plan does not fit the model; {@link MigrationCycleError} when, with
 *   no `planResult`, its hard rules form a cycle.
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { Model, toArchimateXml } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const plan = JSON.parse(readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8'));
 * writeFileSync('pohjois-pohjanmaa.xml', toArchimateXml(model, { views: true, plan }));
 * ```
 *
 * @category ArchiMate
 */
export function toArchimateXml(model: Model, options: ArchimateExportOptions = {}): string {
  const ctx = prepare(model, options, 'toArchimateXml');
  const out: string[] = [];
  const chunks: string[] = [];
  const state = { current: 'the model' };
  try {
    const steps = produce(ctx, out, state);
    while (!steps.next().done) {
      // Joining at each checkpoint keeps few small strings alive at a time: far less work for the GC than
      // millions of pieces joined once at the end.
      chunks.push(out.join(''));
      out.length = 0;
    }
  } catch (error) {
    throw exportError(error, state.current);
  }
  chunks.push(out.join(''));
  return chunks.join('');
}

/**
 * The same text as {@link toArchimateXml}, in chunks of a few hundred concepts, for models too large to hold
 * as one string. Joined, the chunks are byte-identical to `toArchimateXml(model, options)`.
 *
 * @throws {@link ArchimateExportError} as {@link toArchimateXml} does, when the chunk concerned is reached.
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { Model, archimateChunks } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * const file = createWriteStream('/tmp/x.xml');
 * for (const chunk of archimateChunks(model)) file.write(chunk);
 * file.end();
 * ```
 *
 * @category ArchiMate
 */
export function archimateChunks(model: Model, options: ArchimateExportOptions = {}): Generator<string, void, void> {
  // Prepared before the first chunk is asked for, so bad options fail at the call, not at the first next().
  return chunksOf(prepare(model, options, 'archimateChunks'));
}

function* chunksOf(ctx: Prepared): Generator<string, void, void> {
  const out: string[] = [];
  const state = { current: 'the model' };
  const steps = produce(ctx, out, state);
  for (;;) {
    let done: boolean | undefined;
    try {
      done = steps.next().done;
    } catch (error) {
      throw exportError(error, state.current);
    }
    if (out.length > 0) {
      const chunk = out.join('');
      out.length = 0;
      yield chunk;
    }
    if (done) return;
  }
}

/**
 * Writes the export to a Node writable stream (a file, an HTTP response) chunk by chunk, respecting
 * back-pressure, and resolves once everything is written. The stream is ended unless `end: false` is given.
 *
 * @throws {@link ArchimateExportError} (as a rejection) as {@link toArchimateXml} does; stream errors reject too.
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { Model, writeArchimate } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X' });
 * await writeArchimate(model, createWriteStream('/tmp/x.xml'), { views: true });
 * ```
 *
 * @category ArchiMate
 */
export async function writeArchimate(
  model: Model,
  writable: NodeJS.WritableStream,
  options: ArchimateExportOptions & { readonly end?: boolean | undefined } = {},
): Promise<void> {
  const { end, rest } = checkWriteOptions(options);
  const chunks = chunksOf(prepare(model, rest, 'writeArchimate'));
  await pipeline(Readable.from(chunks, { objectMode: false }), writable, { end: end ?? true });
}

/**
 * What an export with these options removes or moves of what the imported file held (the `extras`): nodes of
 * removed elements, connections whose relationship or end (a node or another connection) is gone, relationships
 * kept from the file whose end is gone, properties of removed concepts, folder entries, and the nested nodes lifted
 * to the parent of a removed node. Each entry names the object by identifier (and its view, with the view's name)
 * and says why in `reasons`. Empty without extras, and after an import with no edit.
 *
 * It takes the same options as {@link toArchimateXml} and decides exactly what that export writes, without
 * writing it: call both to show a person what the file will lose before saving it.
 *
 * @throws {@link ArchimateExportError} and the other errors of {@link toArchimateXml}, for the same options.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { archimateExportChanges, fromArchimateXml } from 'kartta';
 * const { model, extras } = fromArchimateXml(readFileSync('from-archi.xml', 'utf8'));
 * const { model: next } = model.edit((doc) => {
 *   doc.systems = doc.systems.filter((s) => s.id !== 'pegasos');
 *   doc.relations = doc.relations.filter((r) => r.from !== 'pegasos' && r.to !== 'pegasos');
 *   doc.integrations = doc.integrations.filter((i) => i.source !== 'pegasos' && i.target !== 'pegasos');
 * });
 * for (const change of archimateExportChanges(next, { extras })) {
 *   console.log(change.action, change.object, change.identifier, change.view?.name ?? '', change.reasons[0]?.message);
 * }
 * ```
 *
 * @category ArchiMate
 */
export function archimateExportChanges(model: Model, options: ArchimateExportOptions = {}): ArchimateExportChange[] {
  return [...prepare(model, options, 'archimateExportChanges').changes];
}
