/**
 * JSON inputs with positions: a syntax error is reported at its line and column, and a validation issue's path
 * (`systems[3].contract.ends`) is turned back into the line and column of the value in the file, so an editor
 * or a CI annotation can point at it. `JSON.parse` does the parsing (fast, strict); Microsoft's jsonc-parser,
 * the scanner behind VS Code, is used only to find positions, and only when there is something to point at.
 */
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { CliError } from './exit.js';
import type { Source } from './io.js';

/** A 1-based line and column, as editors count them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Parses the JSON text of `source`; a syntax error becomes a CliError naming the file, line and column. */
export function parseJson(source: Source): unknown {
  try {
    return JSON.parse(source.text);
  } catch (error) {
    const found = syntaxError(source.text);
    const where = found ? `${source.name}:${found.position.line}:${found.position.column}` : source.name;
    const detail = found?.message ?? (error as Error).message;
    throw new CliError('input.json-syntax', `${where}: not valid JSON: ${detail}`, where);
  }
}

const friendly: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' (or the end of the object or array)",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'malformed escape in a string',
  InvalidCharacter: 'a control character inside a string',
};

function syntaxError(text: string): { position: Position; message: string } | undefined {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    return undefined; // nesting deep enough to exhaust the stack: no position, JSON.parse's message stands
  }
  if (text.trim() === '') return { position: { line: 1, column: 1 }, message: 'the input is empty' };
  const first = errors[0];
  if (!first) return undefined;
  const code = printParseErrorCode(first.error);
  return { position: positionAt(text, first.offset), message: friendly[code] ?? code };
}

/** The line and column of a character offset. */
export function positionAt(text: string, offset: number): Position {
  return positionFromStarts(computeLineStarts(text), offset);
}

/** Above this size positions are not looked up: the tree jsonc-parser builds would cost more than it helps. */
const LOCATE_LIMIT = 64 * 1024 * 1024;

/**
 * Finds where a path points in a JSON text. A path to something missing (a required field) points at the
 * nearest enclosing value that exists. Builds the positional tree once, on the first call.
 */
export function pathLocator(text: string): (path: readonly (string | number)[]) => Position | undefined {
  let root: Node | undefined | null = null;
  let lineStarts: number[] | undefined;
  return (path) => {
    if (text.length > LOCATE_LIMIT) return undefined;
    if (root === null) {
      try {
        root = parseTree(text, [], { disallowComments: true });
      } catch {
        root = undefined;
      }
    }
    if (!root) return undefined;
    for (let length = path.length; length >= 0; length -= 1) {
      const node = findNodeAtLocation(root, path.slice(0, length));
      if (!node) continue;
      // A property's value sits after its name; point at the name, where a reader looks.
      const offset = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      lineStarts ??= computeLineStarts(text);
      return positionFromStarts(lineStarts, offset);
    }
    return undefined;
  };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function positionFromStarts(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}
