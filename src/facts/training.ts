// Numbers chapter 7 quotes, computed by the engine when the site is built.

import { seededStart } from '../engine/run.ts';
import { FastGPT } from '../engine/fast.ts';
import { FastTrainer } from '../engine/train.ts';
import { adamDefaults } from '../engine/adam.ts';
import { checkDocument, surprisalView } from '../viz/training/surprisal.ts';
import { gradientNorm, gradientSummaries, largestEntries, matrixValues, updateRange, upCloseStep } from '../viz/training/up-close.ts';
import { names, shippedWeights, training } from './shipped.ts';

// ── T2: one step of training, and one real step up close ──
const { config, tokenizer } = shippedWeights;
const start = seededStart(names, config, training.seed);
/** The first document of the shipped run: step 1 of microgpt's training is this name. */
const firstName = start.shuffled[0];

/** A name's surprisal rows under the untrained and the trained model. */
function bothModels(name: string) {
  const check = checkDocument(tokenizer, config.blockSize, name);
  if (!check.ok) throw new Error(`facts: ${name}: ${check.problem.message}`);
  return {
    untrained: surprisalView(new FastGPT(config, start.stateDict), tokenizer, name, check.tokens),
    trained: surprisalView(new FastGPT(config, shippedWeights.stateDict), tokenizer, name, check.tokens),
  };
}

/** Which of two names the trained model finds more predictable, for the exercise. */
function comparePair(a: string, b: string) {
  const va = bothModels(a);
  const vb = bothModels(b);
  return { a: { name: a, loss: va.trained.mean, untrained: va.untrained.mean }, b: { name: b, loss: vb.trained.mean, untrained: vb.untrained.mean } };
}

const step = upCloseStep(config, start.stateDict, tokenizer, firstName, tokenizer.encodeDocument(firstName), training.steps);
const summaries = gradientSummaries(step);
const moved = updateRange(step);
const inputs = new Set(tokenizer.encodeDocument(firstName).slice(0, -1));
const wteZeroRows = Array.from({ length: config.vocabSize }, (_, r) => r).filter((r) => matrixValues(step, 'wte', 'grad')[r].every((g) => g === 0));
/** The same step taken by the trainer the live run uses: its after-loss must be the widget's. */
const trainer = new FastTrainer({ config, stateDict: start.stateDict, numSteps: training.steps });
trainer.step(tokenizer.encodeDocument(firstName));
const trainerAfter = new FastGPT(config, trainer.stateDict()).loss(tokenizer.encodeDocument(firstName));
if (trainerAfter !== step.lossAfter) throw new Error(`facts: the up-close step's after-loss ${step.lossAfter} is not the trainer's ${trainerAfter}`);

/** The initial widget state for the up-close view: the forward rows and the loss (the rest is computed in the page). */
const upCloseInitial = { name: firstName, positions: step.positions, loss: step.loss };


/** Chapter 7's one-step sections: a name through one training step, and the first real step up close. */
export const stepFacts = {
  seed: training.seed,
  numSteps: training.steps,
  blockSize: config.blockSize,
  vocabSize: config.vocabSize,
  lr: adamDefaults.lr,
  beta1: adamDefaults.beta1,
  beta2: adamDefaults.beta2,
  eps: adamDefaults.eps,
  firstName,
  /** The default name of the surprisal bars under both models. */
  bars: bothModels(firstName),
  pair: comparePair('anna', 'xzavyon'),
  upCloseInitial,
  loss: step.loss,
  lossAfter: step.lossAfter,
  gradNorm: gradientNorm(step),
  summaries,
  largest: largestEntries(step, 'grad', 5),
  moved,
  parameters: step.grad.length,
  wteZeroRows: wteZeroRows.length,
  /** Every all-zero row of wte's gradient is a token the name never feeds in. */
  wteZeroRowsAreUnused: wteZeroRows.every((r) => !inputs.has(r)),
  /** Distinct tokens fed in (the letters and the first BOS). */
  inputTokens: inputs.size,
  /** The trained model's least and most surprising position of the default name. */
  trainedEasiest: [...bothModels(firstName).trained.rows].sort((a, b) => a.surprisal - b.surprisal)[0],
  trainedHardest: [...bothModels(firstName).trained.rows].sort((a, b) => b.surprisal - a.surprisal)[0],
  tokenCount: tokenizer.encodeDocument(firstName).length,
  uniformLoss: training.uniformLoss,
  /** √Σg² of each matrix, by name. */
  norms: Object.fromEntries(summaries.map((g) => [g.name, g.norm])) as Record<string, number>,
  wpeZeroRows: config.blockSize - step.positions.length,
  fc1Rows: config.nEmbd * 4,
  fc1Cols: config.nEmbd,
};
// ── end T2 ──
