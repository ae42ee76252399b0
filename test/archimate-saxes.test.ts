/**
 * The import writes saxes' private handler fields in its parser's constructor (see read-xml.ts, for speed). If a
 * saxes version stored its handlers elsewhere, the import would still work but slowly, and nothing else would
 * notice: these tests do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS, SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { FastLayoutSaxesParser, SAXES_HANDLER_FIELDS } from '../src/archimate/read-xml.js';
import { repoDir } from './archimate-support.js';

describe('saxes handler fields', () => {
  it('are where saxes stores the handler of each of its events', () => {
    const fields: string[] = [];
    for (const event of EVENTS) {
      const parser = new SaxesParser();
      const before = new Set(
        Object.keys(parser).filter((key) => (parser as unknown as Record<string, unknown>)[key] !== undefined),
      );
      const handler = () => undefined;
      parser.on(event, handler);
      const holders = Object.keys(parser).filter(
        (key) => !before.has(key) && (parser as unknown as Record<string, unknown>)[key] === handler,
      );
      expect(holders, `the field that holds the '${event}' handler`).toHaveLength(1);
      fields.push(holders[0] as string);
    }
    expect(fields.sort()).toEqual([...SAXES_HANDLER_FIELDS].sort());
  });

  it('are own properties of the import parser from its construction on', () => {
    const parser = new FastLayoutSaxesParser();
    for (const field of SAXES_HANDLER_FIELDS) expect(Object.hasOwn(parser, field), field).toBe(true);
  });

  it('come from a saxes version pinned exactly', () => {
    const pkg = JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const installed = JSON.parse(readFileSync(join(repoDir, 'node_modules/saxes/package.json'), 'utf8')) as {
      version: string;
    };
    expect(pkg.dependencies.saxes).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pkg.dependencies.saxes);
  });
});
