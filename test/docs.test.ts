import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

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

function exportsWithoutExample(entry: string): string[] {
  const program = ts.createProgram([entry], {
    strict: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) return [`cannot read ${entry}`];
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    const hasExample = declarations.some((declaration) =>
      ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example'),
    );
    if (!hasExample) missing.push(exported.name);
  }
  return missing.sort();
}

describe('API documentation', () => {
  for (const entry of entries) {
    it(`every export of ${entry.split('/src/')[1]} has TSDoc with an example`, () => {
      expect(exportsWithoutExample(entry)).toEqual([]);
    });
  }
});
