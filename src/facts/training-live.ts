// Numbers the live-training section of chapter 7 quotes, computed by the engine when the site is
// built: the defaults and the CLI's final loss, the baselines, what a 10× learning rate does, and
// a small run long enough to memorise its names (the held-out exercise).

import { adamDefaults } from '../engine/adam.ts';
import { microgptConfig } from '../engine/config.ts';
import { FastGPT } from '../engine/fast.ts';
import { parameterCount } from '../engine/params.ts';
import { runTraining, seededStart } from '../engine/run.ts';
import { Tokenizer } from '../engine/tokenizer.ts';
import { FastTrainer } from '../engine/train.ts';
import { evaluation, holdoutShare, sampling, splitCounts } from '../state/training-constants.ts';
import { bigramBaseline } from '../viz/dataset/bigram.ts';
import { smoothingBeta } from '../viz/training/loss-chart.ts';
import { realModelName } from './attention.ts';
import { names, training } from './shipped.ts';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A run of the shipped names with the defaults but this learning rate: its last-100 mean, or the step it diverged at. */
function runAt(lr: number): { lr: number; meanLast100: number; divergedAt: number | null; lowest: number } {
  const tokenizer = Tokenizer.fromDocuments(names);
  let divergedAt: number | null = null;
  const { losses } = runTraining({
    docs: names, tokenizer, config: microgptConfig(tokenizer.vocabSize), seed: training.seed, numSteps: training.steps, adam: { lr },
    onStep: (step, loss) => { if (divergedAt === null && !Number.isFinite(loss)) divergedAt = step; },
  });
  const finite = losses.filter(Number.isFinite);
  return { lr, meanLast100: mean(losses.slice(-100)), divergedAt, lowest: Math.min(...finite) };
}

/**
 * The default run's noise, from its own steps: among the last 100, the step whose name scored
 * lowest and the one that scored highest (the trained model scores names very unevenly).
 */
function noise() {
  const tokenizer = Tokenizer.fromDocuments(names);
  const config = microgptConfig(tokenizer.vocabSize);
  const { shuffled } = seededStart(names, config, training.seed);
  const { losses } = runTraining({ docs: names, tokenizer, config, seed: training.seed, numSteps: training.steps });
  const last = losses.map((loss, i) => ({ step: i + 1, name: shuffled[i % shuffled.length], loss })).slice(-100);
  const easiest = last.reduce((a, b) => (b.loss < a.loss ? b : a));
  const hardest = last.reduce((a, b) => (b.loss > a.loss ? b : a));
  return { easiest, hardest };
}

/**
 * Memorising, measured: the first `size` shipped names, 10 % held out from the seeded shuffle
 * (as the widget splits them), trained for `steps` steps; the held-out loss and the loss on the
 * training names every `every` steps.
 */
function memorising(size = 200, steps = 4000, every = 250) {
  const docs = names.slice(0, size);
  const tokenizer = Tokenizer.fromDocuments(docs);
  const config = microgptConfig(tokenizer.vocabSize);
  const start = seededStart(docs, config, training.seed);
  const held = Math.round(docs.length * holdoutShare);
  const train = start.shuffled.slice(0, docs.length - held);
  const heldOut = start.shuffled.slice(docs.length - held);
  const trainer = new FastTrainer({ config, stateDict: start.stateDict, numSteps: steps });
  const probe = new FastGPT(config);
  const lossOn = (ds: readonly string[]) => { probe.data.set(trainer.model.data); return mean(ds.map((d) => probe.loss(tokenizer.encodeDocument(d)))); };
  const points: { step: number; heldOut: number; train: number }[] = [];
  for (let s = 0; s < steps; s++) {
    trainer.step(tokenizer.encodeDocument(train[s % train.length]));
    if ((s + 1) % every === 0) points.push({ step: s + 1, heldOut: lossOn(heldOut), train: lossOn(train) });
  }
  const best = points.reduce((a, b) => (b.heldOut < a.heldOut ? b : a));
  const last = points[points.length - 1];
  return { size, trainDocs: train.length, heldOutDocs: heldOut.length, steps, epochs: steps / train.length, best, last, points };
}

/** The live section's numbers. */
export const liveFacts = (() => {
  const tokenizer = Tokenizer.fromDocuments(names);
  const config = microgptConfig(tokenizer.vocabSize);
  const tenX = runAt(adamDefaults.lr * 10);
  const hundredX = runAt(adamDefaults.lr * 100);
  return {
    defaults: { seed: training.seed, numSteps: training.steps, lr: adamDefaults.lr },
    cliFinalLoss: training.finalLoss,
    cliCommand: `npm run microgpt -- train --seed ${training.seed} --steps ${training.steps} --out model.json`,
    uniform: training.uniformLoss,
    bigram: bigramBaseline(names, names, tokenizer),
    vocabSize: tokenizer.vocabSize,
    parameters: parameterCount(config),
    blockSize: config.blockSize,
    documents: names.length,
    holdoutShare,
    split: splitCounts(names.length, true), // the shipped names with the held-out split on
    sampling,
    evaluation,
    smoothing: smoothingBeta,
    meanLast100: training.meanLast100,
    epochsOfDefault: training.steps / names.length,
    tenX,
    hundredX,
    memorising: memorising(),
    noise: noise(),
    attentionName: realModelName, // chapter 5's name
  };
})();
