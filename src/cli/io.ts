/**
 * Reading inputs (a path, or `-` for standard input) and writing outputs (standard output, or a file written
 * atomically: into a temporary file in the same folder, then renamed over the target, so that a failed run
 * never leaves half a file and never spoils a good one).
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CliContext } from './command.js';
import { CliError, quote } from './exit.js';
import { plainStyle, type Style } from './style.js';

/** A text read from a file or from standard input. */
export interface Source {
  /** How messages name it: the path as given, or `<stdin>`. */
  readonly name: string;
  /** The path, or undefined for standard input (SARIF then has no file to point to). */
  readonly path: string | undefined;
  readonly text: string;
}

const STDIN = '-';

export function isStdio(target: string | undefined): boolean {
  return target === undefined || target === STDIN;
}

/** Reads a UTF-8 text file or standard input; refuses what is not UTF-8 text (a binary, a spreadsheet). */
export async function readSource(context: CliContext, path: string): Promise<Source> {
  const fromStdin = path === STDIN;
  const name = fromStdin ? '<stdin>' : path;
  let bytes: Buffer;
  try {
    bytes = fromStdin ? await readAll(context.stdin) : await readFile(path);
  } catch (error) {
    throw new CliError('input.unreadable', `cannot read ${quote(name)}: ${describeFsError(error)}`, name);
  }
  let text: string;
  try {
    // `fatal` refuses bytes that are not UTF-8 instead of turning them into U+FFFD; a BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(
      'input.not-text',
      `${name} is not UTF-8 text; give a kartta/1 JSON file (or an ArchiMate XML file where one is asked for)`,
      name,
    );
  }
  return { name, path: fromStdin ? undefined : path, text };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ERR_STRING_TOO_LONG':
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'the file is too large to read';
    default:
      return (error as Error | undefined)?.message ?? String(error);
  }
}

/** Temporary files being written, removed if the process is interrupted. */
const pendingTemporaries = new Set<string>();
/** What else must be undone on Ctrl-C (a spinner on the terminal). */
const interruptHandlers = new Set<() => void>();
let interruptInstalled = false;

function installInterruptHandler(): void {
  if (interruptInstalled) return;
  interruptInstalled = true;
  const stop = (signal: NodeJS.Signals, code: number) => {
    for (const handler of interruptHandlers) handler();
    for (const path of pendingTemporaries) rmSync(path, { force: true });
    process.stderr.write(`\nkartta: stopped by ${signal}; no output file was changed\n`);
    process.exit(code);
  };
  process.once('SIGINT', () => stop('SIGINT', 130));
  process.once('SIGTERM', () => stop('SIGTERM', 143));
}

/** Runs `handler` if the process is interrupted; returns a function that removes it. */
export function onInterrupt(handler: () => void): () => void {
  installInterruptHandler();
  interruptHandlers.add(handler);
  return () => interruptHandlers.delete(handler);
}

type Chunks = string | Iterable<string> | AsyncIterable<string>;

/**
 * Writes `content` to standard output (no target or `-`) or atomically to the file `target`. Content may be a
 * string or chunks; a generator that throws half-way leaves the target as it was.
 */
export async function writeOutput(context: CliContext, target: string | undefined, content: Chunks): Promise<void> {
  if (isStdio(target)) {
    await writeToStream(context.stdout.stream, content);
    return;
  }
  await writeFileAtomically(target as string, content);
}

/**
 * Writes bytes (a workbook) to standard output or atomically to the file `target`. A terminal gets no bytes: they
 * would garble it, so the user is asked for `-o FILE`.
 */
export async function writeBinaryOutput(
  context: CliContext,
  target: string | undefined,
  bytes: Uint8Array,
  what = 'an XLSX workbook',
): Promise<void> {
  if (isStdio(target)) {
    if (context.stdout.isTTY)
      throw new CliError(
        'output.binary-to-terminal',
        `${what} is not for the terminal: write it to a file with -o FILE (or pipe it)`,
      );
    const stream = context.stdout.stream;
    if (!stream.write(bytes)) await new Promise<void>((resolve) => stream.once('drain', resolve));
    return;
  }
  await writeFileAtomically(target as string, bytes);
}

async function writeToStream(stream: NodeJS.WritableStream, content: Chunks): Promise<void> {
  for await (const chunk of asChunks(content)) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
}

async function* asChunks(content: Chunks): AsyncIterable<string> {
  if (typeof content === 'string') yield content;
  else yield* content;
}

const FLUSH_AT = 1 << 16;

export async function writeFileAtomically(target: string, content: Chunks | Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  installInterruptHandler();
  let handle;
  try {
    handle = await open(temporary, 'wx');
  } catch (error) {
    throw new CliError('output.unwritable', `cannot write ${quote(target)}: ${describeFsError(error)}`, target);
  }
  pendingTemporaries.add(temporary);
  try {
    let buffered: string[] = [];
    let size = 0;
    if (content instanceof Uint8Array) await handle.write(content);
    else
      for await (const chunk of asChunks(content)) {
        buffered.push(chunk);
        size += chunk.length;
        if (size >= FLUSH_AT) {
          await handle.write(buffered.join(''));
          buffered = [];
          size = 0;
        }
      }
    if (buffered.length > 0) await handle.write(buffered.join(''));
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    if (error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).syscall === 'string') {
      throw new CliError('output.unwritable', `cannot write ${quote(target)}: ${describeFsError(error)}`, target);
    }
    throw error;
  } finally {
    pendingTemporaries.delete(temporary);
  }
}

/** The colours for text going to `target`: the terminal's for standard output, none for a file. */
export function styleForTarget(context: CliContext, target: string | undefined): Style {
  return isStdio(target) ? context.stdout.style : plainStyle;
}

/** A file shipped with the package (the JSON Schema, the sample region), relative to the built command. */
export async function readPackageFile(relativePath: string): Promise<string> {
  const url = new URL(relativePath, import.meta.url);
  try {
    return await readFile(url, 'utf8');
  } catch (error) {
    throw new CliError(
      'package.file-missing',
      `cannot read ${url.pathname}, which ships with Kartta: ${describeFsError(error)}; reinstall the package (in the repository: npm run build)`,
    );
  }
}
