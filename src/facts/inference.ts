// Numbers chapter 8 quotes, computed by the engine when the site is built from the shipped model.

import { FastGPT } from '../engine/fast.ts';
import { names, shippedWeights } from './shipped.ts';
import { maxEntropyBits } from '../viz/inference/entropy.ts';
import { atTemperature, modelLogits, presetLogits } from '../viz/inference/temperature.ts';
import { topPCount, truncate, truncationOptions } from '../viz/inference/truncation.ts';
import { Random } from '../engine/random.ts';
import { generate } from '../engine/sample.ts';
import { rankTokens } from '../viz/mlp/next-token.ts';
import { cacheSaving, generationCosts } from '../viz/inference/cache-cost.ts';
import { stepCost } from '../viz/attention/kv-cost.ts';
import { nameLikelihood, wasCut } from '../viz/inference/likelihood.ts';
import { markMemorised, trainingSet } from '../viz/inference/memorised.ts';
import { GenerationStepper } from '../viz/inference/generation.ts';

// ── I1: temperature and truncation ──
const i1Model = new FastGPT(shippedWeights.config, shippedWeights.stateDict);
const i1Tokenizer = shippedWeights.tokenizer;

/** The model's distribution after a prefix at temperature t: the top token, its probability, the entropy. */
function i1At(prefix: string, t: number) {
  const { bars, entropy } = atTemperature(i1Tokenizer, modelLogits(i1Model, i1Tokenizer, prefix), t);
  return { top: bars[0].label, topP: bars[0].p, entropy };
}

/** The opening states of the temperature widgets and the numbers the prose quotes about them. */
export const temperatureFacts = (() => {
  const vocabSize = shippedWeights.config.vocabSize;
  /** The empty prefix (the first letter), where the model is unsure, and the start of a name it is surest after: of the dataset's distinct three-letter starts, the one with the lowest entropy. */
  const starts = [...new Set(names.filter((n) => n.length > 3).map((n) => n.slice(0, 3)))].sort();
  const sure = starts.reduce((best, s) => (i1At(s, 1).entropy < i1At(best, 1).entropy ? s : best));
  const startLogits = Array.from(modelLogits(i1Model, i1Tokenizer, ''));
  const sureLogits = modelLogits(i1Model, i1Tokenizer, sure);
  const topP = 0.9;
  const k = 5;
  const mass = (logits: ArrayLike<number>, o: Parameters<typeof truncate>[2]) => truncate(i1Tokenizer, logits, o).keptMass;
  return {
    vocabSize,
    /** The tokenizer's characters, for the widgets' still picture (BOS is the id after them). */
    chars: [...i1Tokenizer.chars],
    maxBits: maxEntropyBits(vocabSize),
    /** After BOS alone (the first letter of a name), at T = 1, 0.5 and 2. */
    start: i1At('', 1),
    startCold: i1At('', 0.5),
    startHot: i1At('', 2),
    /** The logits after BOS, for the widgets' still picture. */
    startLogits,
    sure,
    sureAt: i1At(sure, 1),
    /** Top-p and top-k on the first letter and after the sure prefix: how many kept, the mass kept. */
    topP,
    k,
    startTopP: topPCount(startLogits, topP),
    sureTopP: topPCount(sureLogits, topP),
    startTopPMass: mass(startLogits, truncationOptions('top-p', k, topP)),
    startTopKMass: mass(startLogits, truncationOptions('top-k', k, topP)),
    sureTopKMass: mass(sureLogits, truncationOptions('top-k', k, topP)),
    /** The made-up vectors' entropy at T = 0.1, 0.5, 1 and 3. */
    presetBits: Object.fromEntries((['favourite', 'two', 'flat'] as const).map((p) => [p, Object.fromEntries([0.1, 0.5, 1, 3].map((t) => [t, atTemperature(i1Tokenizer, presetLogits(p, vocabSize), t).entropy]))])) as Record<'favourite' | 'two' | 'flat', Record<0.1 | 0.5 | 1 | 3, number>>,
    /** The made-up vectors: how many tokens top-p keeps on each. */
    presetTopP: { favourite: topPCount(presetLogits('favourite', vocabSize), topP), flat: topPCount(presetLogits('flat', vocabSize), topP) },
  };
})();
// ── end I1 ──

// ── I2: generation, log-likelihood, memorised or new, the KV cache's saving ──
const { config, stateDict, tokenizer } = shippedWeights;
const seed = 42;
const temperature = 0.5; // microgpt's own sampling temperature
const count = 20;
const training = trainingSet(names);

function sampleNames(t: number) {
  const model = new FastGPT(config, stateDict);
  const rng = new Random(seed);
  return Array.from({ length: count }, () => {
    const g = generate(model, tokenizer, rng, { temperature: t });
    const cut = wasCut(g.tokens, config.blockSize);
    return { name: g.text, cut, perToken: nameLikelihood(new FastGPT(config, stateDict), tokenizer, g.text, cut).perToken };
  });
}

const sampled = sampleNames(temperature);
const marked = markMemorised(sampled.map((s) => s.name), training);
const hot = markMemorised(sampleNames(1.5).map((s) => s.name), training);
const greedy = generate(new FastGPT(config, stateDict), tokenizer, new Random(seed), { temperature: 0 }).text;
/** A larger sample for the memorisation rate: the first `memorisedSample` names of the seed at three temperatures. */
const memorisedSample = 400;
const memorisedAt = [0.5, 1, 1.5].map((t) => {
  const model = new FastGPT(config, stateDict);
  const rng = new Random(seed);
  const made = Array.from({ length: memorisedSample }, () => generate(model, tokenizer, rng, { temperature: t }).text);
  return { temperature: t, memorised: markMemorised(made, training).filter((m) => m.memorised).length };
});
const first = stepCost(config, 0);
/** of the first step's multiplications, the matrix–vector products: q, k, v and W_o (4 n²), the MLP's two (8 n²) per layer, and the output layer */
const matrixProducts = config.nLayer * 12 * config.nEmbd ** 2 + config.vocabSize * config.nEmbd;
const stepper = new GenerationStepper({ config, stateDict, tokenizer, options: { temperature }, seed });
stepper.run();
const costs = generationCosts(config);

export const generationFacts = {
  seed,
  config,
  temperature,
  count,
  blockSize: config.blockSize,
  vocabSize: config.vocabSize,
  trainingNames: names.length,
  /** names sampled at build time with the seed, at microgpt's temperature */
  sampled: sampled.map((s, i) => ({ ...s, memorised: marked[i].memorised })),
  memorised: marked.filter((m) => m.memorised).length,
  /** the same seed at temperature 1.5: how many are in the training data */
  hotTemperature: 1.5,
  hotMemorised: hot.filter((m) => m.memorised).length,
  greedy,
  /** memorised names among the seed's first memorisedSample names, at T = 0.5, 1 and 1.5 */
  memorisedSample,
  memorisedAt,
  /** the step-by-step run with the seed: its name and the first distribution, for the still picture */
  stepped: { name: stepper.text, steps: stepper.steps.length, end: stepper.end },
  firstRanked: rankTokens(tokenizer, Array.from(stepper.steps[0].probs)),
  /** multiplications per generated token at position 0 and at the last position, with and without the cache */
  firstCost: costs[0].cached,
  /** the first step split: matrix–vector products, and the rest (attention over one key, the RMSNorms) */
  firstMatrix: matrixProducts,
  firstOther: first.total - matrixProducts,
  lastCached: costs[costs.length - 1].cached,
  lastUncached: costs[costs.length - 1].uncached,
  /** a whole generation through the full context */
  full: cacheSaving(config, config.blockSize),
  /** numbers the cache holds at a full context: a key and a value of nEmbd numbers per layer per position */
  cacheNumbers: config.blockSize * config.nLayer * 2 * config.nEmbd,
  nLayer: config.nLayer,
  nEmbd: config.nEmbd,
  /** how many names the page's timing generates each way */
  timedNames: 500,
  /** in how many rounds (the order of the two paths alternating; each path's median round is shown) */
  timedRounds: 5,
  /** a name of five letters and its closing BOS: six positions */
  five: cacheSaving(config, 6),
};
// ── end I2 ──
