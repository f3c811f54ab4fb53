// microgpt on the command line: init, train, sample, score. See `node scripts/cli/microgpt.ts help`.
// Start-up is most of a short run, so this file does two things only: turn on Node's compile
// cache (the TypeScript of every later module is then stripped and compiled once, not per run),
// and import the command line, which imports a command's code only when it runs.

import { enableCompileCache } from 'node:module';

enableCompileCache();

const { run } = await import('./cli.ts');
const { processIo, stdoutFailed, stdoutFailureReported } = await import('./io.ts');

// a write that fails after the synchronous check (rare): the same rules, as one line and code 2
process.stdout.on('error', (e) => {
  if (stdoutFailureReported()) return;
  try {
    stdoutFailed(e);
  } catch (failure) {
    process.stderr.write(`microgpt: ${(failure as Error).message}\n`);
    process.exit(2);
  }
});

process.exitCode = await run(process.argv.slice(2), processIo(), (line) => process.stderr.write(line + '\n'));
