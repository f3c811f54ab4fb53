// Training speed of both paths: `npm run bench`. Prints figures; asserts nothing.
//   fast path:  1,000 steps of microgpt on the default names (target ≤ 0.25 s)
//   whole process: `microgpt.ts train --steps 1000` on a 32,000-line names file, start-up
//              and writing the weights included (target ≤ 0.18 s wall)
//   Value path: 1,000 steps through the scalar autograd graph (target ≤ 6 s)
// and whether the fast path allocates once warmed up.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { EngineKind } from '../../src/engine/index.ts';
import { FastTrainer, Random, Tokenizer, initStateDict, microgptConfig, runTraining } from '../../src/engine/index.ts';
import { defaultNames } from '../build/names.ts';

const steps = Number(process.env.BENCH_STEPS ?? 1000);
const docs = defaultNames();
const tokenizer = Tokenizer.fromDocuments(docs);
const config = microgptConfig(tokenizer.vocabSize);

/** microgpt's main loop from seed 42 on one path, timed. */
function run(engine: EngineKind): { seconds: number; finalLoss: number } {
  const t0 = performance.now();
  const { losses } = runTraining({ docs, tokenizer, config, seed: 42, numSteps: steps, engine });
  return { seconds: (performance.now() - t0) / 1000, finalLoss: losses[losses.length - 1] };
}

const report = (name: string, r: { seconds: number; finalLoss: number }, target: number) =>
  console.log(
    `${name.padEnd(11)} ${String(steps).padStart(5)} steps  ${r.seconds.toFixed(3).padStart(7)} s  ` +
      `${Math.round(steps / r.seconds).toLocaleString('en-US').padStart(7)} steps/s  final loss ${r.finalLoss.toFixed(4)}  ` +
      `(target ≤ ${target} s: ${r.seconds <= target ? 'met' : 'MISSED'})`,
  );

console.log(`node ${process.version}, ${docs.length} names, ${steps} steps, cold start (JIT warm-up included)`);
report('fast path', run('fast'), 0.25);

// allocation: after warming up, step one trainer many times and see whether the heap grows
const tokens = docs.map((d) => tokenizer.encodeDocument(d)); // tokenized up front: only step() is measured
const warm = new FastTrainer({ config, stateDict: initStateDict(config, new Random(42)), numSteps: 10 * steps });
for (let s = 0; s < steps; s++) warm.step(tokens[s % tokens.length]);
const before = process.memoryUsage().heapUsed;
for (let s = 0; s < 5 * steps; s++) warm.step(tokens[s % tokens.length]);
const grown = process.memoryUsage().heapUsed - before;
console.log(
  `fast path   heap growth over ${5 * steps} warmed-up steps: ${(grown / 1024).toFixed(1)} KiB ` +
    `(${(grown / (5 * steps)).toFixed(1)} bytes/step; the returned loss, a boxed number, is 16)`,
);

/** The command line as a user runs it: the fastest of several whole runs (the first fills Node's compile cache). */
function wholeProcess(runs: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'microgpt-bench-'));
  try {
    const lines = 32_000;
    const data = join(dir, 'names.txt');
    writeFileSync(data, Array.from({ length: lines }, (_, i) => docs[i % docs.length]).join('\n') + '\n');
    const cli = join(import.meta.dirname, '../cli/microgpt.ts');
    const args = [cli, 'train', '--seed', '42', '--steps', String(steps), '--data', data, '--out', join(dir, 'model.json')];
    let best = Infinity;
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
      const seconds = (performance.now() - t0) / 1000;
      if (r.status !== 0) throw new Error(`microgpt.ts train exited with ${r.status}`);
      if (i > 0) best = Math.min(best, seconds);
    }
    console.log(
      `whole process: node scripts/cli/microgpt.ts train --steps ${steps} on ${lines.toLocaleString('en-US')} lines, ` +
        `fastest of ${runs} runs ${best.toFixed(3)} s (target ≤ 0.18 s: ${best <= 0.18 ? 'met' : 'MISSED'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

wholeProcess(5);

report('Value path', run('value'), 6);
