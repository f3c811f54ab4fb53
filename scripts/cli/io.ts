// Where a command's output goes. Commands write through this, never to process.* directly,
// so the rules (results on stdout, progress only on a terminal) live in one place.

import { CliError, reason } from './error.ts';

export type Io = {
  /** One line of results on stdout. */
  out(line: string): void;
  /** Transient progress text for stderr (it carries its own \r), or null when stderr is not a terminal. */
  progress: ((text: string) => void) | null;
};

let stdoutReported = false;

/** Whether stdoutFailed() has already dealt with a failure (stdout's 'error' event then comes too). */
export const stdoutFailureReported = () => stdoutReported;

/**
 * What a failed write to stdout means. A closed pipe (`microgpt sample | head`) is the reader's
 * choice: end quietly. Anything else (`> /dev/full`) is an error of one line.
 */
export function stdoutFailed(e: unknown): never {
  stdoutReported = true;
  if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
  throw new CliError(`cannot write to standard output: ${reason(e)}`);
}

/** The real process streams. On Linux stdout writes are synchronous and a failure is known at once. */
export function processIo(): Io {
  return {
    out: (line) => {
      process.stdout.write(line + '\n');
      if (process.stdout.errored) stdoutFailed(process.stdout.errored);
    },
    progress: process.stderr.isTTY ? (text) => { process.stderr.write(text); } : null,
  };
}
