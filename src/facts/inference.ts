// Numbers chapter 8 quotes, computed by the engine when the site is built from the shipped model.

// ── I1: temperature and truncation (imports aliased so that the file's other parts can import the same names) ──
import { FastGPT as I1FastGPT } from '../engine/fast.ts';
import { names as i1Names, shippedWeights as i1Weights } from './shipped.ts';
import { maxEntropyBits } from '../viz/inference/entropy.ts';
import { atTemperature, modelLogits, presetLogits } from '../viz/inference/temperature.ts';
import { topPCount, truncate, truncationOptions } from '../viz/inference/truncation.ts';

const i1Model = new I1FastGPT(i1Weights.config, i1Weights.stateDict);
const i1Tokenizer = i1Weights.tokenizer;

/** The model's distribution after a prefix at temperature t: the top token, its probability, the entropy. */
function i1At(prefix: string, t: number) {
  const { bars, entropy } = atTemperature(i1Tokenizer, modelLogits(i1Model, i1Tokenizer, prefix), t);
  return { top: bars[0].label, topP: bars[0].p, entropy };
}

/** The opening states of the temperature widgets and the numbers the prose quotes about them. */
export const temperatureFacts = (() => {
  const vocabSize = i1Weights.config.vocabSize;
  /** The empty prefix (the first letter), where the model is unsure, and the start of a name it is surest after: of the dataset's distinct three-letter starts, the one with the lowest entropy. */
  const starts = [...new Set(i1Names.filter((n) => n.length > 3).map((n) => n.slice(0, 3)))].sort();
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
