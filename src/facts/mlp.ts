// Numbers chapter 6 quotes, computed when the site is built.

import { parameterCount } from '../engine/params.ts';
import { toyVocab } from '../engine/toy.ts';
import { gpt2ExtraCounts } from '../viz/mlp/gpt2-block.ts';
import { runningExample, toyStep } from '../viz/toy/walkthrough.ts';
import { dataset, model, training } from './shipped.ts';

const config = { vocabSize: model.vocabSize, nEmbd: model.nEmbd, nHead: model.nHead, nLayer: model.nLayer, blockSize: model.blockSize };
const twoLayers = { ...config, nLayer: 2 };

/** The block diagram (helper model-map): the shipped model's config and run, and what GPT-2's extras would cost it. */
export const blockFacts = {
  config,
  steps: training.steps,
  documents: dataset.documents,
  parameters: parameterCount(config),
  gpt2: gpt2ExtraCounts(config), // biases, and the norms' gains and biases
  lmHead: config.vocabSize * config.nEmbd, // what weight tying would save
  twoLayers: { parameters: parameterCount(twoLayers), perLayer: parameterCount(twoLayers) - parameterCount(config) },
  finalNorm: 2 * config.nEmbd, // a LayerNorm's gain and bias
};

const running = toyStep(runningExample);
const topToken = running.probs.indexOf(Math.max(...running.probs));

/** The model map (helper model-map): the running example's two norms in a row, and where it ends. */
export const modelMapFacts = {
  embNorm: running.trace.embNorm,
  norm1: running.trace.layers[0].norm1,
  probs: running.probs,
  top: { token: toyVocab[topToken], p: running.probs[topToken] },
};
