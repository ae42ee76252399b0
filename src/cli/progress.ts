/**
 * Progress of long work (a 100k-system export or import) on stderr: a spinner with a running count from
 * yocto-spinner, only when stderr is a terminal and `--quiet` is not given. In a pipe, a file or CI log nothing is
 * printed, so logs stay clean. The library is loaded only when a spinner is shown.
 */
import type { CliContext } from './command.js';
import { onInterrupt } from './io.js';

export interface Progress {
  /** Replaces the text next to the spinner. */
  update(text: string): void;
  /** Stops and clears the spinner (the command prints its own result). */
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

export async function startProgress(context: CliContext, text: string): Promise<Progress> {
  if (context.quiet || !context.stderr.isTTY) return silent;
  const { default: yoctoSpinner } = await import('yocto-spinner');
  // Our interrupt handler stops it, removes temporary files and exits 130; the spinner must not exit first.
  const spinner = yoctoSpinner({
    text,
    stream: context.stderr.stream as NodeJS.WriteStream,
    handleSignals: false,
  }).start();
  const detach = onInterrupt(() => spinner.stop());
  return {
    update: (next) => {
      spinner.text = next;
    },
    stop: () => {
      detach();
      spinner.stop();
    },
  };
}

/** `12.3 MB` */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
