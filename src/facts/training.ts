// Numbers chapter 7 quotes, computed by the engine when the site is built.

import { adamDefaults } from '../engine/adam.ts';
import { FastGPT } from '../engine/fast.ts';
import { Random } from '../engine/random.ts';
import { seededStart } from '../engine/run.ts';
import { bigramBaseline, bigramCounts, sampleBigram } from '../viz/dataset/bigram.ts';
import { current, landscape, landscapeLoss, landscapeRun, landscapeStart, valley } from '../viz/training/landscape.ts';
import { names, shippedWeights, training } from './shipped.ts';
import { FastTrainer } from '../engine/train.ts';
import { checkDocument, surprisalView } from '../viz/training/surprisal.ts';
import { gradientNorm, gradientSummaries, largestEntries, matrixValues, upCloseStep, updateRange } from '../viz/training/up-close.ts';

// Where the loss starts, the counting baseline, SGD then Adam.

/** The mean loss of a model over documents, each document's mean −ln p weighted equally (as in training). */
function meanLoss(model: FastGPT, docs: readonly string[]): number {
  const { tokenizer } = shippedWeights;
  let total = 0;
  for (const doc of docs) total += model.loss(tokenizer.encodeDocument(doc));
  return total / docs.length;
}

/** Where the loss starts and where it goes: the uniform guess, the untrained model, the counting baseline, the trained GPT. */
export const baselineFacts = (() => {
  const { config, tokenizer } = shippedWeights;
  const start = seededStart(names, config, training.seed);
  const untrained = new FastGPT(config, start.stateDict);
  const trained = new FastGPT(config, shippedWeights.stateDict);
  const firstName = start.shuffled[0];
  // the untrained model's logits and probabilities at every position of the first name
  const firstTokens = tokenizer.encodeDocument(firstName);
  const firstLoss = untrained.loss(firstTokens);
  const positions = Math.min(config.blockSize, firstTokens.length - 1);
  const logits = Array.from(untrained.logits.subarray(0, positions * config.vocabSize));
  const probs = Array.from(untrained.probs.subarray(0, positions * config.vocabSize));
  // the 100 names of steps 901–1000, the ones meanLast100 averages over
  const last100 = Array.from({ length: 100 }, (_, k) => start.shuffled[(training.steps - 100 + k) % start.shuffled.length]);
  const counts = bigramCounts(names, tokenizer);
  const rng = new Random(training.seed);
  return {
    vocabSize: config.vocabSize,
    /** −ln(1/27): the loss of a guess that gives every token the same probability. */
    uniformLoss: Math.log(config.vocabSize),
    /** The first name the shipped run trains on, its length, and its loss before any update (= training.firstLoss). */
    firstName,
    firstNameLength: [...firstName].length,
    firstLoss,
    /** The untrained model's logits and probabilities over the first name's positions. */
    logitMin: Math.min(...logits),
    logitMax: Math.max(...logits),
    probMin: Math.min(...probs),
    probMax: Math.max(...probs),
    /** The untrained model's mean loss over every name. */
    untrainedMean: meanLoss(untrained, names),
    /** The counting model (add-one smoothed pair counts of all names), its loss over every name. */
    bigramLoss: bigramBaseline(names, names, tokenizer),
    /** … and over the 100 names of the last 100 training steps. */
    bigramLast100: bigramBaseline(names, last100, tokenizer),
    /** The shipped GPT after training: its loss at step 1,000 (one name), its mean over steps 901–1000, its mean over every name. */
    finalLoss: training.finalLoss,
    finalName: last100[99],
    meanLast100: training.meanLast100,
    trainedMean: meanLoss(trained, names),
    steps: training.steps,
    /** Five names drawn from the counting model. */
    bigramSamples: Array.from({ length: 5 }, () => sampleBigram(counts, tokenizer, rng)),
  };
})();

/** Adam's settings and the sizes bias correction fixes at step 1, and the landscape's two runs at the default learning rate. */
export const optimizerFacts = (() => {
  const { lr, beta1, beta2, eps } = adamDefaults;
  const run = landscapeRun(landscapeStart(landscape.start, landscape.lr.initial), landscape.steps);
  const lrL = landscape.lr.initial;
  // started on the valley's steep axis (x = 0), where plain gradient descent is the faster one
  const steepSteps = 10;
  const steep = landscapeRun(landscapeStart({ x: 0, y: landscape.start.y }, lrL), steepSteps);
  return {
    lr, beta1, beta2, eps,
    /** m = (1 − β₁)·g and v = (1 − β₂)·g² after one step; uncorrected, the step would be lr·m/√v = this × lr. */
    firstStepUncorrected: (1 - beta1) / Math.sqrt(1 - beta2),
    /** How many steps the running means roughly remember: 1 / (1 − β). */
    beta1Memory: 1 / (1 - beta1),
    beta2Memory: 1 / (1 - beta2),
    landscape: {
      lr: landscape.lr.initial,
      steps: landscape.steps,
      start: landscape.start,
      startLoss: landscapeLoss(landscape.start),
      sgdLoss: landscapeLoss(current(run.sgd)),
      adamLoss: landscapeLoss(current(run.adam)),
      sgdX: current(run.sgd).x,
      /** f and its gradient as TeX, from the valley's constants. */
      tex: { across: `1 - ${2 * valley.across}\\eta`, along: `1 - \\tfrac{2\\eta}{${valley.along}}`, f: `f(x, y) = \\frac{x^2}{${valley.along}} + ${valley.across}y^2`, grad: `\\nabla f = \\left(\\frac{2x}{${valley.along}},\\ ${2 * valley.across}y\\right)` },
      /** How much steeper the valley is across than along: the ratio of its curvatures. */
      steepness: (2 * valley.across) / (2 / valley.along),
      /** Per SGD step at the full rate: y is multiplied by 1 − 2·across·lr, x by 1 − 2·lr/along. */
      sgdAcross: 1 - 2 * valley.across * lrL,
      sgdAlong: 1 - (2 * lrL) / valley.along,
      /** The learning rate above which SGD's steps across the valley grow instead of shrink. */
      sgdLimit: 1 / valley.across,
      /** At the slider's top: the factor on y per SGD step, and how many steps until |y| is below 1 % of its start. */
      lrMax: landscape.lr.max,
      sgdAcrossAtMax: 1 - 2 * valley.across * landscape.lr.max,
      stepsTo1PercentAtMax: Math.ceil(Math.log(0.01) / Math.log(Math.abs(1 - 2 * valley.across * landscape.lr.max))),
      stepsTo1Percent: Math.ceil(Math.log(0.01) / Math.log(Math.abs(1 - 2 * valley.across * lrL))),
      /** From (0, start.y), after 10 steps: plain gradient descent wins on the steep axis. */
      steepStart: { x: 0, y: landscape.start.y },
      steepSteps,
      steepSgdLoss: landscapeLoss(current(steep.sgd)),
      steepAdamLoss: landscapeLoss(current(steep.adam)),
    },
  };
})();

// One step of training, and one real step up close.
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
