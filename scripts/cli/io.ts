// Where a command's output goes. Commands write through this, never to process.* directly,
// so the rules (results on stdout, progress only on a terminal) live in one place.

export type Io = {
  /** One line of results on stdout. */
  out(line: string): void;
  /** Transient progress text for stderr (it carries its own \r), or null when stderr is not a terminal. */
  progress: ((text: string) => void) | null;
};

/** The real process streams. */
export function processIo(): Io {
  return {
    out: (line) => { process.stdout.write(line + '\n'); },
    progress: process.stderr.isTTY ? (text) => { process.stderr.write(text); } : null,
  };
}
