// The command line: pick the command, parse its flags, run it, and turn every failure
// into one line on stderr. Returns the exit code instead of exiting, so it stays testable.

import type { FlagSpec, Flags } from './args.ts';
import { parseFlags } from './args.ts';
import { CliError } from './error.ts';
import { init, initFlags } from './commands/init.ts';
import type { Io } from './io.ts';
import { sample, sampleFlags } from './commands/sample.ts';
import { score, scoreFlags } from './commands/score.ts';
import { train, trainFlags } from './commands/train.ts';
import { usage } from './usage.ts';

type Command = { flags: FlagSpec; run: (flags: Flags, io: Io) => void };

const commands = new Map<string, Command>([
  ['init', { flags: initFlags, run: init }],
  ['train', { flags: trainFlags, run: train }],
  ['sample', { flags: sampleFlags, run: sample }],
  ['score', { flags: scoreFlags, run: score }],
]);

const HELP = new Set(['help', '--help', '-h']);

/** One line, whatever the message holds (a JSON.parse error can quote a file's newlines). */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export function run(argv: readonly string[], io: Io, err: (line: string) => void): number {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || HELP.has(name) || rest.some((a) => a === '--help' || a === '-h')) {
      io.out(usage);
      return 0;
    }
    const command = commands.get(name);
    if (!command) throw new CliError(`unknown command ${JSON.stringify(name)} (commands: ${[...commands.keys()].join(', ')}, help)`);
    command.run(parseFlags(name, rest, command.flags), io);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      err(`microgpt: ${oneLine(e.message)}`);
      return 2;
    }
    err(`microgpt: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}`);
    return 1;
  }
}
