/**
 * The fused reader against the reader it replaced (kept in test/reference/archimate/ as the oracle): on the corpus,
 * on generated models and on damaged files, both give the same model and extras, or fail with the same code,
 * message and position.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model, fromArchimateXml, toArchimateXml, type ArchimateImportResult } from '../src/index.js';
import { documentSchema } from '../src/schema/document.js';
import { fromArchimateXml as referenceImport } from './reference/archimate/import.js';
import { documentArb } from './arbitraries.js';
import { repoDir } from './archimate-support.js';
import { generateRegionModel } from '../src/testing/index.js';

const corpusDir = join(repoDir, 'test', 'corpus');
const corpus = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.xml'))
  .sort()
  .map((name) => {
    const bytes = readFileSync(join(corpusDir, name));
    const declared = /encoding="([^"]+)"/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1] ?? 'utf-8';
    return { name, text: new TextDecoder(declared).decode(bytes) };
  });

type Outcome =
  | { ok: true; document: string; extras: string; result: ArchimateImportResult }
  | { ok: false; error: { name: string; code: unknown; message: string; line: unknown; column: unknown } };

function outcome(run: () => ArchimateImportResult): Outcome {
  try {
    const result = run();
    return {
      ok: true,
      document: JSON.stringify(result.model.document),
      extras: JSON.stringify(result.extras),
      result,
    };
  } catch (error) {
    const e = error as { name: string; code?: unknown; message: string; line?: unknown; column?: unknown };
    return { ok: false, error: { name: e.name, code: e.code, message: e.message, line: e.line, column: e.column } };
  }
}

/** Both readers on one text: the same model and extras (in the same order), or the same error. */
function expectSame(xml: string, options = {}): Outcome {
  const fused = outcome(() => fromArchimateXml(xml, options));
  const reference = outcome(() => referenceImport(xml, options));
  if (fused.ok && reference.ok) {
    expect(fused.document).toBe(reference.document);
    expect(fused.extras).toBe(reference.extras);
    expect(fused.result.extras).toEqual(reference.result.extras);
    // What the fused reader builds is a valid document by the schema, whatever path built it.
    expect(documentSchema.safeParse(JSON.parse(fused.document)).success).toBe(true);
  } else {
    expect(fused.ok ? 'imported' : fused.error).toEqual(reference.ok ? 'imported' : reference.error);
  }
  return fused;
}

describe('the fused ArchiMate reader against the previous reader', () => {
  it.each(corpus)('reads $name as before', ({ text }) => {
    expect(expectSame(text).ok).toBe(true);
  });

  it('reads a generated region model as before, and its export again', () => {
    const xml = toArchimateXml(Model.load(generateRegionModel({ seed: 7, systems: 120 })));
    const first = expectSame(xml);
    expect(first.ok).toBe(true);
    if (first.ok) expectSame(toArchimateXml(first.result.model, { extras: first.result.extras }));
  });

  it('reads generated models with hostile ids and texts as before', () => {
    fc.assert(
      fc.property(documentArb(), (doc) => {
        const loaded = Model.safeLoad(doc);
        fc.pre(loaded.ok);
        if (loaded.ok) expect(expectSame(toArchimateXml(loaded.model)).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('fails on damaged files exactly as before (code, message, line and column)', () => {
    const texts = [
      ...corpus.map((c) => c.text),
      toArchimateXml(Model.load(generateRegionModel({ seed: 3, systems: 40 }))),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.constantFrom('', '<', '>', '"', 'x', '/', '<a>', '</', ' identifier="dup"', 'ä', '&amp;', '\n'),
        (which, at, cut, insert) => {
          const text = texts[which] as string;
          const start = at % text.length;
          expectSame(text.slice(0, start) + insert + text.slice(start + cut));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('enforces the limits as before', () => {
    const text = corpus[0]?.text as string;
    for (const options of [{ maxObjects: 3 }, { maxDepth: 4 }, { maxLength: 500 }, { maxObjects: 1_000_000 }])
      expectSame(text, options);
  });
});
