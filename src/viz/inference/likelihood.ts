// How likely the model finds a name: the probability it gives each token of the name in turn,
// read from one forward pass over [BOS, ...name, BOS] at temperature 1 with no top-k or top-p
// (the model's own distribution, not the one a generator sampled from). A name cut at the
// context length has no closing BOS, so only its characters are scored.

import type { FastGPT } from '../../engine/fast.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';

/** A name's score: the per-token log-probabilities ln p and their mean, the negative of which is the cross-entropy loss. */
export type NameLikelihood = {
  /** ln p of each predicted token: every character, then the closing BOS unless the name was cut */
  logProbs: number[];
  /** Σ ln p: the log-probability of the whole name */
  total: number;
  /** −Σ ln p / n over the n predicted tokens: the mean negative log-likelihood per token (what FastGPT.loss computes) */
  perToken: number;
};

/**
 * Score `name` under the model: ln p of each character given the ones before it, and of the
 * closing BOS unless `cut` (the name filled the context). Runs the model, so it overwrites its cache.
 */
export function nameLikelihood(model: FastGPT, tokenizer: Tokenizer, name: string, cut = false): NameLikelihood {
  const V = model.config.vocabSize;
  const seq = [tokenizer.bos, ...tokenizer.encode(name), ...(cut ? [] : [tokenizer.bos])];
  const n = seq.length - 1;
  if (n < 1 || n > model.config.blockSize) throw new RangeError(`a name of ${n} predicted tokens does not fit a context of ${model.config.blockSize}`);
  const logProbs: number[] = [];
  for (let t = 0; t < n; t++) {
    model.forward(seq[t], t);
    logProbs.push(Math.log(model.probs[t * V + seq[t + 1]]));
  }
  const total = logProbs.reduce((a, b) => a + b, 0);
  return { logProbs, total, perToken: -total / n };
}

/** Whether generate() stopped because the context was full: it then returns blockSize tokens and no closing BOS. */
export function wasCut(tokens: readonly number[], blockSize: number): boolean {
  return tokens.length >= blockSize;
}
