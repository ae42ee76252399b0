/**
 * Reading a kartta/1 model from a file or standard input, and describing its problems for a person: each
 * issue with its code, path, line and column, and the entity it belongs to (kind, id and name).
 */
import type { Issue } from '../types.js';
import type { Model } from '../model/model.js';
import type { MigrationPlan } from '../migration/plan-schema.js';
import type { CliContext } from './command.js';
import { capped, CliError, ExitCode } from './exit.js';
import { readSource, type Source } from './io.js';
import { parseJson, pathLocator, type Position } from './json-source.js';

/** The entity an issue is about, read from the raw document (it may be half-formed). */
export interface IssueEntity {
  readonly kind: string;
  readonly id: string | null;
  readonly name: string | null;
}

/** An issue with where it is. */
export interface LocatedIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  /** The path as a reader writes it: `systems[3].contract.ends`. */
  readonly pathText: string;
  readonly message: string;
  /** 1-based line and column in the file, when the path can be found in it. */
  readonly line: number | null;
  readonly column: number | null;
  readonly entity: IssueEntity | null;
}

const entityKinds = new Map<string, string>([
  ['products', 'product'],
  ['organisations', 'organisation'],
  ['services', 'service'],
  ['systems', 'system'],
  ['integrations', 'integration'],
  ['relations', 'relation'],
]);

/** Reads and parses a JSON document (no validation yet). */
export async function readJsonDocument(context: CliContext, path: string): Promise<{ source: Source; value: unknown }> {
  const source = await readSource(context, path);
  return { source, value: parseJson(source) };
}

/** A problem in a document: the library's {@link Issue}, or one the command line finds (in a lint configuration). */
export type DocumentIssue =
  Issue | { readonly code: string; readonly path: readonly (string | number)[]; readonly message: string };

/** Adds positions and entities to issues. */
export async function locateIssues(
  source: Source,
  value: unknown,
  issues: readonly DocumentIssue[],
): Promise<LocatedIssue[]> {
  const { formatPath } = await import('../errors.js');
  const locate = pathLocator(source.text);
  return issues.map((issue) => {
    const position: Position | undefined = locate(issue.path);
    return {
      code: issue.code,
      path: issue.path,
      pathText: formatPath(issue.path),
      message: issue.message,
      line: position?.line ?? null,
      column: position?.column ?? null,
      entity: entityAt(value, issue.path),
    };
  });
}

function ownField(value: unknown, key: string | number): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
}

function entityAt(document: unknown, path: readonly (string | number)[]): IssueEntity | null {
  const [collection, index] = path;
  if (typeof collection !== 'string' || typeof index !== 'number') return null;
  const kind = entityKinds.get(collection);
  if (!kind) return null;
  const element = ownField(ownField(document, collection), index);
  if (kind === 'relation') {
    const type = ownField(element, 'type');
    const from = ownField(element, 'from');
    const to = ownField(element, 'to');
    if (typeof type !== 'string' || typeof from !== 'string' || typeof to !== 'string')
      return { kind, id: null, name: null };
    return { kind, id: null, name: `${type} ${from} → ${to}` };
  }
  const id = ownField(element, 'id');
  return { kind, id: typeof id === 'string' ? id : null, name: readableName(ownField(element, 'name')) };
}

function readableName(name: unknown): string | null {
  if (typeof name === 'string') return name;
  if (name === null || typeof name !== 'object' || Array.isArray(name)) return null;
  for (const language of ['fi', 'en', 'sv']) {
    const value = ownField(name, language);
    if (typeof value === 'string') return value;
  }
  const first = Object.values(name).find((value) => typeof value === 'string');
  return typeof first === 'string' ? first : null;
}

/** The entity of an issue in words: `system 'oulu-ad' (Oulu AD)`. */
export function describeEntity(entity: IssueEntity | null): string {
  if (!entity) return '';
  const name = entity.name === null ? null : capped(entity.name);
  if (entity.id === null) return name === null ? entity.kind : `${entity.kind} ${name}`;
  return name === null ? `${entity.kind} '${capped(entity.id)}'` : `${entity.kind} '${capped(entity.id)}' (${name})`;
}

/** One line per issue: `file:line:column  code  path  message  (entity)`. */
export function formatIssueLine(source: Source, issue: LocatedIssue, style: CliContext['stdout']['style']): string {
  const where = issue.line === null ? source.name : `${source.name}:${issue.line}:${issue.column}`;
  const entity = describeEntity(issue.entity);
  return `${style.dim(where)}  ${style.red(issue.code)}  ${style.cyan(capped(issue.pathText, 120))}  ${issue.message}${entity ? style.dim(`  (${entity})`) : ''}`;
}

/**
 * A document with problems: a model (exit 1: an invalid model is a finding) or a document a command needs
 * besides the model, such as a plan (exit 2: input the command refuses). Every problem is listed.
 */
export class InvalidDocumentError extends CliError {
  readonly issues: readonly LocatedIssue[];
  readonly source: Source;

  constructor(
    source: Source,
    issues: readonly LocatedIssue[],
    what: 'model' | 'plan' | 'configuration',
    exitCode: ExitCode = what === 'model' ? ExitCode.findings : ExitCode.failure,
  ) {
    const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    const hint = what === 'model' ? ` (kartta validate ${source.path ?? '-'} lists them all)` : '';
    super(
      `${what}.invalid`,
      `${source.name} is not a valid ${what === 'model' ? 'kartta/1 model' : what}: ${count}${hint}`,
      source.name,
      exitCode,
    );
    this.issues = issues;
    this.source = source;
  }
}

/** Reads, parses and loads a model; an invalid one throws {@link InvalidModelError}. */
export async function loadModel(
  context: CliContext,
  path: string,
): Promise<{ model: Model; source: Source; document: unknown }> {
  const { source, value } = await readJsonDocument(context, path);
  const { Model } = await import('../model/model.js');
  const result = Model.safeLoad(value);
  if (!result.ok) throw new InvalidDocumentError(source, await locateIssues(source, value, result.issues), 'model');
  return { model: result.model, source, document: value };
}

/** Reads a migration plan for `model`; a plan with problems throws {@link InvalidDocumentError} (exit 2). */
export async function loadPlan(context: CliContext, model: Model, path: string): Promise<MigrationPlan> {
  const { source, value } = await readJsonDocument(context, path);
  const { validatePlan } = await import('../migration/validate.js');
  const result = validatePlan(model, value);
  if (!result.ok) throw new InvalidDocumentError(source, await locateIssues(source, value, result.issues), 'plan');
  return result.plan;
}
