// The command line: pick the command, parse its flags, run it, and turn every failure
// into one line on stderr. Returns the exit code instead of exiting, so it stays testable.
// Each command's module (and the engine behind it) is imported only when that command runs.

import type { FlagSpec, Flags } from './args.ts';
import { parseFlags } from './args.ts';
import { CliError } from './error.ts';
import type { Io } from './io.ts';
import { usage } from './usage.ts';

type Command = { flags: FlagSpec; run: (flags: Flags, io: Io) => void };

const commands: Record<string, () => Promise<Command>> = {
  init: async () => { const m = await import('./commands/init.ts'); return { flags: m.initFlags, run: m.init }; },
  train: async () => { const m = await import('./commands/train.ts'); return { flags: m.trainFlags, run: m.train }; },
  sample: async () => { const m = await import('./commands/sample.ts'); return { flags: m.sampleFlags, run: m.sample }; },
  score: async () => { const m = await import('./commands/score.ts'); return { flags: m.scoreFlags, run: m.score }; },
};

const HELP = new Set(['help', '--help', '-h']);

/** One line, whatever the message holds (a JSON.parse error can quote a file's newlines). */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export async function run(argv: readonly string[], io: Io, err: (line: string) => void): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || HELP.has(name) || rest.some((a) => a === '--help' || a === '-h')) {
      io.out(usage);
      return 0;
    }
    if (!Object.hasOwn(commands, name)) {
      throw new CliError(`unknown command ${JSON.stringify(name)} (commands: ${Object.keys(commands).join(', ')}, help)`);
    }
    const command = await commands[name]();
    command.run(parseFlags(name, rest, command.flags), io);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      err(`microgpt: ${oneLine(e.message)}`);
      return 2;
    }
    // a model or dataset too large for this machine's memory after all: still one line
    if (e instanceof RangeError && /allocation failed|Invalid (typed )?array length|Invalid string length/i.test(e.message)) {
      err(`microgpt: out of memory (${oneLine(e.message)}); try smaller sizes or a smaller file`);
      return 2;
    }
    err(`microgpt: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}`);
    return 1;
  }
}
