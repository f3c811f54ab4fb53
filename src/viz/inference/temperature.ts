// What the temperature widgets show: a logit vector (the model's real next-token logits after a
// prefix, or a made-up one), its distribution at a temperature through the engine's
// samplingDistribution, the entropy of that distribution, and entropy against temperature.

import { samplingDistribution } from '../../engine/sample.ts';
import type { FastGPT } from '../../engine/fast.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import { prefixProblem } from '../home/name-prefix.ts';
import { tokenLabel } from '../mlp/next-token.ts';
import { entropyBits } from './entropy.ts';

/** The temperatures the slider stops at: 0 (greedy), fine steps up to 2, coarser ones up to 10. */
export const temperatureSteps: readonly number[] = (() => {
  const steps: number[] = [];
  for (let i = 0; i <= 40; i++) steps.push(i / 20); // 0, 0.05, …, 2
  for (let i = 1; i <= 10; i++) steps.push(2 + i / 5); // 2.2, …, 4
  for (let i = 1; i <= 12; i++) steps.push(4 + i / 2); // 4.5, …, 10
  return steps;
})();

/** The slider stop nearest to temperature t. */
export function nearestStep(t: number): number {
  let best = 0;
  for (let i = 1; i < temperatureSteps.length; i++) if (Math.abs(temperatureSteps[i] - t) < Math.abs(temperatureSteps[best] - t)) best = i;
  return best;
}

/** The made-up logit vectors, by name. */
export const presets = ['favourite', 'two', 'flat'] as const;
export type Preset = (typeof presets)[number];
export const presetNames: Record<Preset, string> = { favourite: 'one clear favourite', two: 'two close favourites', flat: 'nearly flat' };

/**
 * A made-up logit vector over n tokens: every token gets a small score between 0 and 1 (spread
 * evenly, in a scrambled order), then "favourite" lifts token 0 by 7, "two" lifts tokens 0 and 4
 * by 4.2 and 4, and "flat" squeezes all of them into 0 to 0.3.
 */
export function presetLogits(preset: Preset, n: number): Float64Array {
  const logits = new Float64Array(n);
  for (let i = 0; i < n; i++) logits[i] = ((i * 7 + 3) % n) / n; // 7 and 27 share no factor: a permutation
  if (preset === 'favourite') logits[0] += 7;
  if (preset === 'two') { logits[0] += 4.2; logits[Math.min(4, n - 1)] += 4; }
  if (preset === 'flat') for (let i = 0; i < n; i++) logits[i] *= 0.3;
  return logits;
}

/**
 * The model's logits for the token after `prefix`: BOS and the prefix fed through forward() one
 * position at a time, the last position's row copied out [vocabSize]. Throws on a prefix
 * prefixProblem() rejects.
 */
export function modelLogits(model: FastGPT, tokenizer: Tokenizer, prefix: string): Float64Array {
  const problem = prefixProblem(tokenizer, model.config.blockSize, prefix);
  if (problem) throw new RangeError(problem);
  const tokens = [tokenizer.bos, ...tokenizer.encode(prefix)];
  tokens.forEach((t, pos) => model.forward(t, pos));
  const V = model.config.vocabSize;
  const last = tokens.length - 1;
  return model.logits.slice(last * V, (last + 1) * V);
}

/** One bar: a token, its label, its logit and its probability at the chosen temperature. */
export type TemperatureBar = { token: number; label: string; logit: number; p: number };

/** Token ids from the largest logit to the smallest; ties keep id order. Dividing by T > 0 keeps this order. */
export function logitOrder(logits: ArrayLike<number>): number[] {
  return Array.from({ length: logits.length }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
}

/** The distribution at temperature t, as bars in logit order, and its entropy in bits. */
export function atTemperature(tokenizer: Tokenizer, logits: ArrayLike<number>, t: number): { bars: TemperatureBar[]; entropy: number } {
  const probs = samplingDistribution(logits, { temperature: t });
  return {
    bars: logitOrder(logits).map((token) => ({ token, label: tokenLabel(tokenizer, token), logit: logits[token], p: probs[token] })),
    entropy: entropyBits(probs),
  };
}

/** Entropy in bits at each temperature of `temps`: the curve of the entropy plot. */
export function entropyCurve(logits: ArrayLike<number>, temps: readonly number[]): { t: number; bits: number }[] {
  return temps.map((t) => ({ t, bits: entropyBits(samplingDistribution(logits, { temperature: t })) }));
}

/**
 * The plot's grid: 0 to tMax in `count` steps even in √T, as the plot's axis is, so the steep
 * part near 0 is sampled as densely as the rest looks (T = tMax · (i / count)²).
 */
export function curveGrid(tMax = 10, count = 200): number[] {
  return Array.from({ length: count + 1 }, (_, i) => tMax * (i / count) ** 2);
}
