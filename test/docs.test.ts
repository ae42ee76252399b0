import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { libraryEntries } from '../tsup.config.js';

/**
 * Every public export carries TSDoc with an example, so the API site never shows a bare signature. Checked on
 * the source with the TypeScript compiler, for each entry point of the package.
 */
const entries = [
  '../src/index.ts',
  '../src/core.ts',
  '../src/archimate/index.ts',
  '../src/sample/index.ts',
  '../src/testing/index.ts',
  '../src/spreadsheet/index.ts',
  '../src/report/index.ts',
].map((path) => fileURLToPath(new URL(path, import.meta.url)));

/**
 * The topics of the API site, in the order of `categoryOrder` in typedoc.json. Every export names one with
 * `@category`, so the site lists the API by topic and nothing lands in "Uncategorised".
 */
const categories = [
  'Model',
  'Format',
  'Queries',
  'Lint',
  'Migration',
  'Portfolio',
  'ArchiMate',
  'Scenarios',
  'Report',
  'Spreadsheets',
  'Sample',
  'Testing',
  'Errors',
  'Codes',
];

interface ExportDocs {
  readonly name: string;
  /** The TSDoc tags of all its declarations. */
  readonly tags: readonly string[];
  /** The `@category` of each declaration the site shows ('' for none). */
  readonly categories: readonly string[];
}

function exportedDocs(entry: string): ExportDocs[] {
  const program = ts.createProgram([entry], {
    strict: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} is not a module`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    // The site shows each declaration (a const and a type of one name are two entries), but not the
    // implementation signature of an overloaded function.
    const shown = declarations.filter(
      (declaration) => !(ts.isFunctionDeclaration(declaration) && declaration.body && declarations.length > 1),
    );
    const tags = shown.map((declaration) => ts.getJSDocTags(declaration));
    return {
      name: exported.name,
      tags: tags.flat().map((tag) => tag.tagName.text),
      categories: tags.map((own) =>
        own
          .filter((tag) => tag.tagName.text === 'category')
          .map((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').trim())
          .join(', '),
      ),
    };
  });
}

describe('API documentation', () => {
  for (const entry of entries) {
    const name = entry.split('/src/')[1];
    const docs = exportedDocs(entry);
    it(`every export of ${name} has TSDoc with an example`, () => {
      const missing = docs.filter((doc) => !doc.tags.includes('example')).map((doc) => doc.name);
      expect(missing.sort()).toEqual([]);
    });
    it(`every export of ${name} names one topic of the site with @category`, () => {
      const wrong = docs
        .filter((doc) => doc.categories.some((category) => !categories.includes(category)))
        .map((doc) => `${doc.name}: ${doc.categories.map((category) => category || 'no @category').join('; ')}`);
      expect(wrong.sort()).toEqual([]);
    });
  }

  it('typedoc.json orders the topics as the test knows them', () => {
    const config = JSON.parse(readFileSync(new URL('../typedoc.json', import.meta.url), 'utf8')) as {
      categoryOrder: string[];
    };
    expect(config.categoryOrder).toEqual([...categories, '*']);
  });
});

/** The ```ts blocks of the TSDoc comments of the source files, with where they are. */
function tsdocExamples(): { where: string; code: string }[] {
  const out: { where: string; code: string }[] = [];
  const root = fileURLToPath(new URL('../src/', import.meta.url));
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      for (const block of comment[0].matchAll(/```ts\n([\s\S]*?)```/g)) {
        const code = block[1]!
          .split('\n')
          .map((line) => line.replace(/^\s*\* ?/, ''))
          .join('\n');
        const line = text.slice(0, (comment.index ?? 0) + (block.index ?? 0)).split('\n').length;
        out.push({ where: `src/${file}:${line}`, code });
      }
    }
  }
  return out;
}

describe('the examples in the TSDoc', () => {
  it('every example that imports from kartta type-checks against the source', () => {
    // The examples of internal helpers use names from their own module and are not part of the site.
    const examples = tsdocExamples().filter((example) => /from 'kartta(\/[a-z]+)?'/.test(example.code));
    expect(examples.length).toBeGreaterThan(150);
    const dir = mkdtempSync(join(tmpdir(), 'kartta-tsdoc-'));
    const files = examples.map((example, index) => {
      const file = join(dir, `example-${index}.ts`);
      writeFileSync(file, `export {};\n${example.code}`);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [fileURLToPath(new URL('../node_modules/@types', import.meta.url))],
      // Each subpath of the package resolves to its entry in src/ (tsup.config.ts lists them).
      paths: Object.fromEntries(
        Object.entries(libraryEntries).map(([name, path]) => [
          name === 'index' ? 'kartta' : `kartta/${name}`,
          [fileURLToPath(new URL(`../${path}`, import.meta.url))],
        ]),
      ),
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file && files.includes(diagnostic.file.fileName))
      .map((diagnostic) => {
        const index = files.indexOf(diagnostic.file!.fileName);
        const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        return `${examples[index]!.where} (+${line - 1}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
      });
    expect(errors).toEqual([]);
    // One compiler program over the whole source: seconds alone, longer on a busy machine.
  }, 300_000);
});
