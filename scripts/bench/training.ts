// Training speed of both paths: `npm run bench`. Prints figures; asserts nothing.
//   fast path:  1,000 steps of microgpt on the default names (target ≤ 0.25 s)
//   Value path: 1,000 steps through the scalar autograd graph (target ≤ 6 s)
// and whether the fast path allocates once warmed up.

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

report('Value path', run('value'), 6);
