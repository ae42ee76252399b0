/** Runs the built `kartta` command as a child process, as a user or a CI job would. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const binary = join(root, 'dist/bin/kartta.js');
export const sampleModel = join(root, 'examples/pohjois-pohjanmaa.json');
export const samplePlan = join(root, 'examples/pohjois-pohjanmaa.plan.json');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Written to the command's standard input (which is otherwise closed at once). */
  readonly input?: string | Buffer;
  /** Added to a clean environment: no NO_COLOR, FORCE_COLOR or CI settings leak in from the test runner. */
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  /** Extra node flags, before the script. */
  readonly nodeArgs?: readonly string[];
}

const leaking = new Set(['NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS', 'TERM']);

export function kartta(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !leaking.has(key) && !key.startsWith('VITEST')) env[key] = value;
  Object.assign(env, options.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), binary, ...args], {
      cwd: options.cwd ?? root,
      env,
      stdio: 'pipe',
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => undefined); // the command may exit before reading all of it
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary folder for a test's files. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'kartta-cli-'));
}

/** True when the output contains a stack trace line (`    at fn (file:1:2)`). */
export function hasStack(text: string): boolean {
  return /^\s+at .+[:(]/m.test(text);
}

/** True when the text contains ANSI colour escapes. */
export function hasColour(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /\u001b\[[0-9;]*m/.test(text);
}
