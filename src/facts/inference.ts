// Numbers chapter 8 quotes, computed by the engine when the site is built from the shipped
// model and names (src/facts/shipped.ts).

import { FastGPT } from '../engine/fast.ts';
import { Random } from '../engine/random.ts';
import { generate } from '../engine/sample.ts';
import { rankTokens } from '../viz/mlp/next-token.ts';
import { cacheSaving, generationCosts } from '../viz/inference/cache-cost.ts';
import { nameLikelihood, wasCut } from '../viz/inference/likelihood.ts';
import { markMemorised, trainingSet } from '../viz/inference/memorised.ts';
import { GenerationStepper } from '../viz/inference/generation.ts';
import { names, shippedWeights } from './shipped.ts';

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
  /** the step-by-step run with the seed: its name and the first distribution, for the still picture */
  stepped: { name: stepper.text, steps: stepper.steps.length, end: stepper.end },
  firstRanked: rankTokens(tokenizer, Array.from(stepper.steps[0].probs)),
  /** multiplications per generated token at position 0 and at the last position, with and without the cache */
  firstCost: costs[0].cached,
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
  /** a name of five letters and its closing BOS: six positions */
  five: cacheSaving(config, 6),
};
// ── end I2 ──
