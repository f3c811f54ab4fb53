// Numbers chapter 6 quotes, computed when the site is built.

import { parameterTable, type ParameterTable } from '../viz/mlp/parameter-table.ts';
import { calculatorPresets } from '../viz/mlp/calculator-presets.ts';
import { gpt2Count, gpt2Small } from '../viz/mlp/gpt2-small.ts';
import { parameterCount } from '../engine/params.ts';
import { toyVocab } from '../engine/toy.ts';
import { gpt2ExtraCounts } from '../viz/mlp/gpt2-block.ts';
import { runningExample, toyStep } from '../viz/toy/walkthrough.ts';
import { dataset, model, training } from './shipped.ts';

function tableOf(id: string): ParameterTable & { config: (typeof calculatorPresets)[number]['config'] } {
  const preset = calculatorPresets.find((p) => p.id === id);
  if (!preset) throw new Error(`no calculator preset ${id}`);
  const t = parameterTable(preset.config);
  if (!t.ok) throw new Error(t.problem.message);
  return { ...t, config: preset.config };
}

const count = (t: ParameterTable, group: ParameterTable['groups'][number]['group']) => t.groups.find((g) => g.group === group)!.count;

/** The parameter counts of the calculator's presets, by group. */
export function parameterFacts() {
  const microgpt = tableOf('microgpt');
  const wide = tableOf('wide');
  const toy = tableOf('toy');
  const gpt2 = tableOf('gpt2');
  const by = (t: ParameterTable) => ({ embeddings: count(t, 'embeddings'), attention: count(t, 'attention'), mlp: count(t, 'mlp'), output: count(t, 'output') });
  return {
    microgpt: { config: microgpt.config, total: microgpt.total, ...by(microgpt) },
    wide: { config: wide.config, total: wide.total, ...by(wide) },
    toy: { config: toy.config, total: toy.total },
    gpt2: { config: gpt2Small, formula: gpt2.total, ...by(gpt2), ...gpt2Count(gpt2Small, gpt2.total) },
  };
}

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
