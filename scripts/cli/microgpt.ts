// microgpt on the command line: init, train, sample, score. See `node scripts/cli/microgpt.ts help`.

import { run } from './cli.ts';
import { processIo } from './io.ts';

// `microgpt sample | head` closes stdout early; that is the reader's choice, not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = run(process.argv.slice(2), processIo(), (line) => process.stderr.write(line + '\n'));
