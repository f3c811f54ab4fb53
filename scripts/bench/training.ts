// Training speed of both paths: `npm run bench`. Prints figures; asserts nothing.
//   fast path:  1,000 steps of microgpt on the default names (target ≤ 0.25 s)
//   Value path: 1,000 steps through the scalar autograd graph (target ≤ 6 s)
// and whether the fast path allocates once warmed up.

import {
  FastTrainer, Random, Tokenizer, ValueTrainer, initStateDict, microgptConfig, trainingOrder,
} from '../../src/engine/index.ts';
import { defaultNames } from '../build/names.ts';

const steps = Number(process.env.BENCH_STEPS ?? 1000);
const docs = defaultNames();
const tokenizer = Tokenizer.fromDocuments(docs);
const config = microgptConfig(tokenizer.vocabSize);
const rng = new Random(42);
const order = trainingOrder(docs, rng).map((d) => tokenizer.encodeDocument(d)); // tokenized up front
const init = initStateDict(config, rng);

function run(trainer: FastTrainer | ValueTrainer): { seconds: number; finalLoss: number } {
  const t0 = performance.now();
  let loss = 0;
  for (let s = 0; s < steps; s++) loss = trainer.step(order[s % order.length]);
  return { seconds: (performance.now() - t0) / 1000, finalLoss: loss };
}

const report = (name: string, r: { seconds: number; finalLoss: number }, target: number) =>
  console.log(
    `${name.padEnd(11)} ${String(steps).padStart(5)} steps  ${r.seconds.toFixed(3).padStart(7)} s  ` +
      `${Math.round(steps / r.seconds).toLocaleString('en-US').padStart(7)} steps/s  final loss ${r.finalLoss.toFixed(4)}  ` +
      `(target ≤ ${target} s: ${r.seconds <= target ? 'met' : 'MISSED'})`,
  );

console.log(`node ${process.version}, ${docs.length} names, ${steps} steps, cold start (JIT warm-up included)`);
report('fast path', run(new FastTrainer({ config, stateDict: init, numSteps: steps })), 0.25);

// allocation: after warming up, step many times and see whether the heap grows
const warm = new FastTrainer({ config, stateDict: init, numSteps: 10 * steps });
for (let s = 0; s < steps; s++) warm.step(order[s % order.length]);
const before = process.memoryUsage().heapUsed;
for (let s = 0; s < 5 * steps; s++) warm.step(order[s % order.length]);
const grown = process.memoryUsage().heapUsed - before;
console.log(
  `fast path   heap growth over ${5 * steps} warmed-up steps: ${(grown / 1024).toFixed(1)} KiB ` +
    `(${(grown / (5 * steps)).toFixed(1)} bytes/step; the returned loss, a boxed number, is 16)`,
);

report('Value path', run(new ValueTrainer({ config, stateDict: init, numSteps: steps })), 6);
