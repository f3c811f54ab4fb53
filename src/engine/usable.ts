// Can a model be run at all? Two checks that the site and the command line share: a config
// small enough to allocate and run, and weights whose outputs do not overflow. Weights can be
// finite and still make the model overflow (a logit of 1e308 + 1e308): then every probability
// is NaN and every name scores the same.

import type { GPTConfig } from './config.ts';
import { FastGPT } from './fast.ts';

/**
 * The largest model that is run: 2,000,000 parameters. JSON writes a number in at most 24
 * characters and a separator, so its weights file stays under 50 MiB.
 */
export const maxParameters = 2_000_000;

/** The most the fast path may hold while it trains (weights, gradients, Adam's moments, activations): 256 MiB. */
export const maxWorkingBytes = 256 * 1024 * 1024;

/** The longest context that is run: a generated name can be this long, one forward pass per token. */
export const maxBlockSize = 1024;

/**
 * microgpt's parameter count, as arithmetic: wte and lm_head [V][C], wpe [T][C], and per layer
 * four [C][C] attention matrices and two [4C][C] MLP ones. (parameterCount() lists every
 * matrix, which an absurd n_layer would make take forever.)
 */
export function parameterTotal(c: GPTConfig): number {
  return 2 * c.vocabSize * c.nEmbd + c.blockSize * c.nEmbd + 12 * c.nLayer * c.nEmbd * c.nEmbd;
}

/** Bytes the fast path allocates for a config: FastGPT's buffers (see fast.ts) and Adam's two moments. */
export function workingBytes(c: GPTConfig): number {
  const { vocabSize: V, nEmbd: C, nHead: H, nLayer: L, blockSize: T } = c;
  const perLayer = 28 * T * C + H * T * T + 2 * T; // forward buffers, gradients, attention weights, rms scales
  const floats = 4 * parameterTotal(c) + L * perLayer + 4 * T * C + 3 * T * V + T;
  return 8 * floats;
}

/** Which limit a config breaks, and the sentence that says so. */
export type SizeProblem = { limit: 'parameters' | 'memory' | 'blockSize'; message: string };

const count = (n: number) => (n < 1e15 ? n.toLocaleString('en-US') : n.toExponential(1)); // 1e300 in a line, not 300 digits
const megabytes = (n: number) => count(Math.ceil(n / 2 ** 20));

/**
 * The first limit a config (with positive integer sizes) breaks, or null. `what` (plural:
 * "these sizes") opens the message. Computed from the sizes alone, before anything is allocated.
 */
export function sizeProblem(config: GPTConfig, what: string): SizeProblem | null {
  const total = parameterTotal(config);
  if (total > maxParameters) {
    return { limit: 'parameters', message: `${what} make ${count(total)} parameters; the limit is ${count(maxParameters)}` };
  }
  const bytes = workingBytes(config);
  if (bytes > maxWorkingBytes) {
    return { limit: 'memory', message: `${what} need about ${megabytes(bytes)} MiB of memory to run; the limit is ${megabytes(maxWorkingBytes)} MiB` };
  }
  if (config.blockSize > maxBlockSize) {
    return { limit: 'blockSize', message: `${what} give a context of ${count(config.blockSize)} tokens; the limit is ${count(maxBlockSize)}` };
  }
  return null;
}

/** Are the model's last outputs (logits, probabilities, and `loss` when given) all finite? */
export function outputsFinite(model: FastGPT, loss?: number): boolean {
  return model.logits.every(Number.isFinite) && model.probs.every(Number.isFinite) && (loss === undefined || Number.isFinite(loss));
}

/** The sentence for a model whose outputs overflow. */
export const overflowMessage = 'the model overflows when it runs (its numbers grow past the largest a computer holds): the weights are too large to use';

/**
 * Run the model on the start of a name (BOS at position 0, then the first character at
 * position 1, when the context has room) and say whether it overflows on the way, or null.
 * A probe, not a proof: weights that only overflow deep into a name pass it, and the places
 * that run the model still check their own outputs.
 */
export function overflowProblem(model: FastGPT, bos: number): string | null {
  model.forward(bos, 0);
  if (model.overflowedAt(0)) return overflowMessage;
  if (model.config.blockSize > 1 && bos > 0) {
    model.forward(0, 1);
    if (model.overflowedAt(1)) return overflowMessage;
  }
  return null;
}
