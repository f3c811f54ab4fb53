// Sampling: turn logits into a choice of next token, then generate a whole document (a name).

import type { FastGPT } from './fast.ts';
import type { Random } from './random.ts';
import type { Tokenizer } from './tokenizer.ts';

/** How to pick the next token. temperature 0 means greedy (always the most likely token). */
export type SamplingOptions = {
  temperature: number; // > 0 rescales logits before softmax; 0 = argmax
  topK?: number; // keep only the k most likely tokens
  topP?: number; // keep the fewest most-likely tokens whose probabilities reach p (0 < p ≤ 1)
};

/** A clear message for the first bad sampling option, or null. */
export function samplingProblem(o: SamplingOptions): string | null {
  if (!(Number.isFinite(o.temperature) && o.temperature >= 0)) return `temperature must be a number ≥ 0, got ${o.temperature}`;
  if (o.topK !== undefined && !(Number.isInteger(o.topK) && o.topK >= 1)) return `top-k must be an integer ≥ 1, got ${o.topK}`;
  if (o.topP !== undefined && !(o.topP > 0 && o.topP <= 1)) return `top-p must be in (0, 1], got ${o.topP}`;
  return null;
}

/** Index of the largest entry; the first one on ties. */
export function argmax(xs: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}

// #region distribution
/**
 * The distribution the next token is drawn from: softmax(logits / T), then cut to the
 * top-k and top-p tokens and renormalised. T = 0 puts all the mass on the argmax.
 * logits [vocabSize] → probabilities [vocabSize]
 */
export function samplingDistribution(logits: ArrayLike<number>, o: SamplingOptions): Float64Array {
  const problem = samplingProblem(o);
  if (problem) throw new RangeError(problem);
  const n = logits.length;
  const probs = new Float64Array(n);
  if (o.temperature === 0) {
    probs[argmax(logits)] = 1;
    return probs;
  }
  const invT = o.temperature ** -1;
  if (!Number.isFinite(invT)) {
    probs[argmax(logits)] = 1; // T so small that 1/T overflows: the limit T → 0 is greedy
    return probs;
  }
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, logits[i] * invT);
  // logits / T can overflow for a tiny T; shifting by the top logit first keeps it finite
  const shift = Number.isFinite(max) ? 0 : logits[argmax(logits)];
  if (shift !== 0) max = 0;
  let total = 0;
  for (let i = 0; i < n; i++) total += probs[i] = Math.exp((shift === 0 ? logits[i] * invT : (logits[i] - shift) * invT) - max);
  const inv = total ** -1;
  for (let i = 0; i < n; i++) probs[i] *= inv;
  if (o.topK === undefined && o.topP === undefined) return probs;

  // most likely first; ties keep the lower id first
  const ranked = Array.from({ length: n }, (_, i) => i).sort((a, b) => probs[b] - probs[a] || a - b);
  let keep = Math.min(n, o.topK ?? n);
  if (o.topP !== undefined) {
    let mass = 0;
    for (let r = 0; r < keep; r++) {
      mass += probs[ranked[r]];
      if (mass >= o.topP) { keep = r + 1; break; }
    }
  }
  const cut = new Float64Array(n);
  let kept = 0;
  for (let r = 0; r < keep; r++) kept += probs[ranked[r]];
  for (let r = 0; r < keep; r++) cut[ranked[r]] = probs[ranked[r]] / kept;
  return cut;
}
// #endregion distribution

// #region sample-token
/** Draw one token id from logits [vocabSize]. Greedy decoding (T = 0) uses no randomness. */
export function sampleToken(logits: ArrayLike<number>, o: SamplingOptions, rng: Random): number {
  if (o.temperature === 0) return argmax(logits);
  return rng.choice(samplingDistribution(logits, o));
}
// #endregion sample-token

/** One generated token and the distribution it was drawn from. */
export type GenerationStep = { pos: number; input: number; probs: Float64Array; token: number };

/** What generate() returns: the text (prefix included) and, on request, every step. */
export type Generation = { text: string; tokens: number[]; steps: GenerationStep[] };

// #region generate
/**
 * Generate one document: start from BOS, feed the prefix, then sample and feed back each
 * token until the model emits BOS or the context (blockSize positions) is full.
 */
export function generate(model: FastGPT, tokenizer: Tokenizer, rng: Random, o: SamplingOptions & { prefix?: string; record?: boolean }): Generation {
  const prefix = tokenizer.encode(o.prefix ?? '');
  const { blockSize, vocabSize } = model.config;
  if (prefix.length >= blockSize) throw new RangeError(`the prefix must be shorter than ${blockSize} characters`);
  const tokens = prefix.slice();
  const steps: GenerationStep[] = [];
  let input = tokenizer.bos;
  for (let pos = 0; pos < blockSize; pos++) {
    model.forward(input, pos);
    if (pos < prefix.length) { input = prefix[pos]; continue; }
    const logits = model.logits.subarray(pos * vocabSize, (pos + 1) * vocabSize);
    const token = sampleToken(logits, o, rng);
    if (o.record) steps.push({ pos, input, probs: samplingDistribution(logits, o), token });
    if (token === tokenizer.bos) break;
    tokens.push(token);
    input = token;
  }
  return { text: tokenizer.decode(tokens), tokens, steps };
}
// #endregion generate
