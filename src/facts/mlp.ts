// Numbers chapter 6 quotes, computed by the engine when the site is built: the toy's MLP and
// output, the trained model's next-token distribution, and the parameter counts.

import { toValueStateDict } from '../engine/model.ts';
import { FastGPT } from '../engine/fast.ts';
import { toyConfig, toyStateDict, toyVocab } from '../engine/toy.ts';
import { onUnits, unitName } from '../viz/mlp/toy-mlp.ts';
import { texDotRows } from '../viz/mlp/tex.ts';
import { factor, fixed, texAligned, texVector } from '../viz/shared/format.ts';
import { outputRows, runningTarget } from '../viz/mlp/toy-output.ts';
import { lossOf, nextTokenProbs, rankTokens } from '../viz/mlp/next-token.ts';
import { toyLoss, toyStep, runningExample } from '../viz/toy/walkthrough.ts';
import { toyFacts } from './toy.ts';
import { names, shippedWeights, dataset, model, training } from './shipped.ts';
import { parameterTable, type ParameterTable } from '../viz/mlp/parameter-table.ts';
import { calculatorPresets } from '../viz/mlp/calculator-presets.ts';
import { gpt2Count, gpt2Small } from '../viz/mlp/gpt2-small.ts';
import { parameterCount } from '../engine/params.ts';
import { gpt2ExtraCounts } from '../viz/mlp/gpt2-block.ts';

const step = toyFacts.pinned;
const layer = step.trace.layers[0];
const rows = outputRows(toyVocab, toyStateDict['lm_head'], step.trace.logits, step.probs);
/** The pick the exercise asks about: "a" at position 1, cache computed. */
const otherPick = { token: toyVocab.indexOf('a'), pos: 1, cache: 'computed' as const };

/** The exercise's pick: its normalised input to the MLP and which units it turns on. */
function otherLayer() {
  const l = toyStep(otherPick).trace.layers[0];
  return { norm2: l.norm2, on: onUnits(l.mlpHidden), onNames: onUnits(l.mlpHidden).map(unitName) };
}

const realModel = { config: shippedWeights.config, params: toValueStateDict(shippedWeights.stateDict) };
const { tokenizer } = shippedWeights;
/** A whole name; the real-model widget opens on all of it but its last letter, with that letter as the target. */
const fullName = 'emma';
const prefix = fullName.slice(0, -1);
const prefixTarget = tokenizer.encode(fullName.slice(-1))[0];
const prefixProbs = nextTokenProbs(realModel, tokenizer, prefix);
const prefixRanked = rankTokens(tokenizer, prefixProbs);
/** After the whole name: where the model puts the end. */
const fullRanked = rankTokens(tokenizer, nextTokenProbs(realModel, tokenizer, fullName));

/** What follows `start` in the dataset's names that begin with it, most often first: the letter, or "end". */
function followers(start: string): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const name of names) if (name.startsWith(start)) {
    const next = name.length > start.length ? name[start.length] : 'end';
    counts.set(next, (counts.get(next) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** How many places two rankings share from the top before they first differ. */
function agreeing(a: readonly string[], b: readonly string[]): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** Every pick of the toy: each token at each position, with the cache pinned and computed. */
const allPicks = toyVocab.flatMap((_, token) => Array.from({ length: toyConfig.blockSize }, (_, pos) => (['pinned', 'computed'] as const).map((cache) => ({ token, pos, cache })))).flat();

/** How many of the toy's hidden units are on, for every pick: the hand-picked toy is not sparse. */
function toyOnCounts() {
  const counts = allPicks.map((pick) => onUnits(toyStep(pick).trace.layers[0].mlpHidden).length);
  const half = layer.mlpHidden.length / 2;
  return { picks: counts.length, fewest: Math.min(...counts), most: Math.max(...counts), atLeastHalf: counts.filter((c) => c >= half).length };
}

/** Pairs of units whose mlp_fc1 rows are opposite (one is on whenever the other is off). */
function mirrorPairs(fc1: readonly (readonly number[])[]): [number, number][] {
  return fc1.flatMap((row, i) => fc1.flatMap((other, j) => (j > i && row.every((w, c) => w === -other[c]) ? [[i, j] as [number, number]] : [])));
}

/** How often the real model's MLP units are on: the mean fraction of the 4·nEmbd units with z > 0, over every position of every name of the dataset (the fast path's forward pass, the same numbers as gpt()). */
function realOnFraction(): number {
  const fast = new FastGPT(realModel.config, shippedWeights.stateDict);
  let on = 0;
  let seen = 0;
  for (const name of names) {
    const tokens = [tokenizer.bos, ...tokenizer.encode(name)].slice(0, realModel.config.blockSize);
    tokens.forEach((t, pos) => {
      fast.forward(t, pos);
      const hidden = fast.mlpHidden(0, pos);
      on += onUnits([...hidden]).length;
      seen += hidden.length;
    });
  }
  return on / seen;
}

/**
 * The running example's worked arithmetic as TeX, 4 decimals (rendered by <Tex> in the prose):
 * each display an aligned block narrow enough for a phone.
 */
function workedTex() {
  const n = step.norms.mlp;
  const on = onUnits(layer.mlpHidden);
  const fc1 = toyStateDict['layer0.mlp_fc1'];
  const fc2 = toyStateDict['layer0.mlp_fc2'];
  const aligned = texAligned;
  return {
    afterAttn: `r = ${texVector(layer.afterAttn, 4)}`,
    meanSquare: `\\tfrac{1}{2}\\big(${layer.afterAttn.map((x) => `${factor(x, 4)}^2`).join(' + ')}\\big) = ${fixed(n.meanSquare, 4)}`,
    scale: `1/\\sqrt{${fixed(n.meanSquare, 4)} + 0.00001} = ${fixed(n.scale, 4)}`,
    norm2: aligned(`x &= ${fixed(n.scale, 4)} \\cdot ${texVector(layer.afterAttn, 4)} \\\\ &= ${texVector(layer.norm2, 4)}`),
    units: layer.mlpHidden.map((z, i) => aligned(texDotRows(`h_${i}`, fc1[i], layer.norm2, z, 4))),
    down: aligned(layer.mlpOut.map((m, j) => texDotRows(`m_${j}`, on.map((i) => fc2[j][i]), on.map((i) => layer.mlpRelu[i]), m, 4)).join(' \\\\[0.4em] ')),
    output: aligned(`\\text{output} &= r + m \\\\ &= ${texVector(layer.afterAttn, 4)} \\\\ &\\quad + ${texVector(layer.mlpOut, 4)} \\\\ &= ${texVector(layer.output, 4)}`),
    finalVector: texVector(layer.output, 4),
    logits: aligned(rows.map((r) => texDotRows(`\\ell_{\\text{${r.label}}}`, r.row, layer.output, r.logit, 4)).join(' \\\\[0.4em] ')),
  };
}

/** Chapter 6's MLP and output sections: the toy's running example and the trained model's next letter after "emm". */
export const mlpOutputFacts = {
  toy: {
    step,
    fc1: toyStateDict['layer0.mlp_fc1'],
    fc2: toyStateDict['layer0.mlp_fc2'],
    lmHead: toyStateDict['lm_head'],
    layer,
    rows,
    expSum: rows.reduce((total, r) => total + r.exp, 0),
    width: layer.afterAttn.length, // the toy's nEmbd
    hiddenSize: layer.mlpHidden.length,
    on: onUnits(layer.mlpHidden),
    onNames: onUnits(layer.mlpHidden).map(unitName),
    tex: workedTex(),
    target: runningTarget,
    targetP: step.probs[runningTarget],
    targetLoss: toyLoss(step, runningTarget),
    lossB: toyLoss(step, toyVocab.indexOf('b')),
    mirror: mirrorPairs(toyStateDict['layer0.mlp_fc1'])[0].map((i) => ({ index: i, name: unitName(i) })),
    other: { pick: otherPick, ...otherLayer() },
    onCounts: toyOnCounts(),
  },
  real: {
    vocabSize: tokenizer.vocabSize,
    hiddenSize: 4 * realModel.config.nEmbd,
    nEmbd: realModel.config.nEmbd,
    blockSize: realModel.config.blockSize,
    prefix,
    ranked: prefixRanked,
    target: prefixTarget,
    targetP: prefixProbs[prefixTarget],
    targetLoss: lossOf(prefixProbs[prefixTarget]),
    least: prefixRanked[prefixRanked.length - 1],
    leastLoss: lossOf(prefixRanked[prefixRanked.length - 1].p),
    followers: followers(prefix),
    agreeing: agreeing(prefixRanked.map((r) => r.label), followers(prefix).map((x) => x.label)),
    fullName,
    endRank: fullRanked.findIndex((r) => r.token === tokenizer.bos) + 1,
    uniformLoss: lossOf(1 / tokenizer.vocabSize),
    onFraction: realOnFraction(),
    names: names.length,
  },
};

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

/** Decimals the prose prints the two norms in a row with: enough that the constant's change shows. */
const normDecimals = 6;

/** The model map (helper model-map): the running example's two norms in a row, and where it ends. */
export const modelMapFacts = {
  embNorm: running.trace.embNorm,
  norm1: running.trace.layers[0].norm1,
  normDecimals,
  embNormText: running.trace.embNorm.map((x) => fixed(x, normDecimals)).join(', '),
  norm1Text: running.trace.layers[0].norm1.map((x) => fixed(x, normDecimals)).join(', '),
  probs: running.probs,
  top: { token: toyVocab[topToken], p: running.probs[topToken] },
};
