/** Typed errors of the ArchiMate exchange: import (with line and column) and export. */
import type { KarttaErrorCode } from '../codes.js';
import { KarttaError } from '../errors.js';
import type { Issue } from '../types.js';

/**
 * Thrown by {@link fromArchimateXml} when a file cannot be imported. `code` says what went wrong:
 *
 * - `xml.malformed`: not well-formed XML (or an entity reference other than the five predefined ones);
 * - `xml.doctype`: the file has a DOCTYPE; DTDs are never processed, so no entity is ever expanded;
 * - `xml.too-deep`: elements nested deeper than the limit; `xml.too-large`: the text is longer than the limit;
 * - `archimate.not-a-model`: the root is not an ArchiMate exchange `model`;
 * - `archimate.unknown-type`: an element, relationship, view, node or connection of a type the exchange format
 *   does not define;
 * - `archimate.missing-attribute`: a required attribute (an identifier, a relationship's source) is absent;
 * - `archimate.duplicate-identifier`: two objects share an identifier;
 * - `archimate.missing-element`: a reference (a relationship end, a view node's element, a property
 *   definition, a folder item) names nothing in the file;
 * - `archimate.invalid-model`: the Kartta document read from the file breaks a `kartta/1` rule (see `issues`);
 *
 * Bad options (an unknown one, or a limit that is not a whole number of at least 1) are an {@link OptionError}
 * (`option.invalid`), as for every function.
 *
 * `line` and `column` (both 1-based) point at the offending place when there is one.
 *
 * @example
 * ```ts
 * import { fromArchimateXml, ArchimateImportError } from 'kartta';
 * try {
 *   fromArchimateXml('<!DOCTYPE model SYSTEM "file:///etc/passwd"><model/>');
 * } catch (error) {
 *   if (error instanceof ArchimateImportError) console.log(error.code, error.line, error.column); // 'xml.doctype' 1 ...
 * }
 * ```
 *
 * @category ArchiMate
 */
export class ArchimateImportError extends KarttaError {
  /** Line of the problem, 1-based, where known. */
  readonly line: number | undefined;
  /** Column of the problem, 1-based, where known. */
  readonly column: number | undefined;
  /** For `archimate.invalid-model`: every problem of the Kartta document read from the file. */
  readonly issues: readonly Issue[];

  /**
   * An import error with its code; `position` (1-based) is added to the message, `issues` are those of an invalid
   * model, `cause` the underlying error.
   */
  constructor(
    code: KarttaErrorCode,
    message: string,
    position?: { line: number; column: number },
    issues: readonly Issue[] = [],
    cause?: unknown,
  ) {
    super(
      code,
      position ? `${message} (line ${position.line}, column ${position.column})` : message,
      cause === undefined ? {} : { cause },
    );
    this.line = position?.line;
    this.column = position?.column;
    this.issues = issues;
  }
}

/**
 * Thrown by {@link toArchimateXml} (and the streaming variants) when a model cannot be written: `code` is
 * `archimate.unrepresentable-text` (a text holds a character XML 1.0 cannot carry, such as U+0000),
 * `archimate.identifier-collision` (extras from an import and the model now claim one identifier). `id` is
 * the identifier of the concept being written, where known. Bad options (an unknown one, a malformed `views`,
 * `extras` or `planResult`) are an {@link OptionError} (`option.invalid`), as for every function.
 *
 * @example
 * ```ts
 * import { Model, toArchimateXml, ArchimateExportError } from 'kartta';
 * const model = Model.load({ format: 'kartta/1', name: 'X', description: 'bell \u0007' });
 * try {
 *   toArchimateXml(model);
 * } catch (error) {
 *   if (error instanceof ArchimateExportError) console.log(error.code); // 'archimate.unrepresentable-text'
 * }
 * ```
 *
 * @category ArchiMate
 */
export class ArchimateExportError extends KarttaError {
  /** An export error with its code and the identifier of the concept being written, where known. */
  constructor(code: KarttaErrorCode, message: string, identifier?: string) {
    super(code, message, { id: identifier });
  }

  /**
   * The identifier of the concept being written, where known.
   *
   * @deprecated Read `id`, the field every {@link KarttaError} names the concerned id in.
   */
  get identifier(): string | undefined {
    return this.id;
  }
}

/** A value echoed in a message, cut to about 80 characters with an ellipsis and its length, so a hostile file cannot flood the message. */
export function cap(value: string): string {
  return value.length <= 80 ? value : `${value.slice(0, 77)}… (${value.length} characters)`;
}
