// The model's shape from --n-embd, --n-head, --n-layer and --block-size, each defaulting
// to microgpt's value. The vocabulary size always comes from the dataset.

import type { GPTConfig } from '../../src/engine/index.ts';
import { microgptConfig } from '../../src/engine/index.ts';
import type { Flags, FlagSpec } from './args.ts';
import { CliError } from './error.ts';
import { parseInteger } from './numbers.ts';

/**
 * The largest model the command line builds. JSON writes a number in at most 24 characters
 * and a separator, so its weights file stays under 50 MB, which readText() reads back.
 */
export const maxParameters = 2_000_000;

/** The most the fast path may hold while it trains (weights, gradients, Adam's moments, activations): 256 MB. */
export const maxWorkingBytes = 256 * 1024 * 1024;

/** The Value path builds a graph node per multiplication of every step; beyond this it runs out of memory. */
export const maxValueParameters = 100_000;

/**
 * microgpt's parameter count, as arithmetic: wte and lm_head [V][C], wpe [T][C], and per layer
 * four [C][C] attention matrices and two [4C][C] MLP ones. (The engine's parameterCount() lists
 * every matrix, which an absurd --n-layer would make take forever.)
 */
export function parameterTotal(c: GPTConfig): number {
  return 2 * c.vocabSize * c.nEmbd + c.blockSize * c.nEmbd + 12 * c.nLayer * c.nEmbd * c.nEmbd;
}

/** Bytes the fast path allocates for a config: FastGPT's buffers (see src/engine/fast.ts) and Adam's two moments. */
export function workingBytes(c: GPTConfig): number {
  const { vocabSize: V, nEmbd: C, nHead: H, nLayer: L, blockSize: T } = c;
  const perLayer = 28 * T * C + H * T * T + 2 * T; // forward buffers, gradients, attention weights, rms scales
  const floats = 4 * parameterTotal(c) + L * perLayer + 4 * T * C + 3 * T * V + T;
  return 8 * floats;
}

/** Refuse a config too large to allocate or to run, before anything is allocated. `what` (plural: "these sizes") opens the message. */
export function checkSize(config: GPTConfig, what: string): void {
  const count = parameterTotal(config);
  const fmt = (n: number) => (n < 1e15 ? n.toLocaleString('en-US') : n.toExponential(1)); // 1e300 parameters in a line, not 300 digits
  if (count > maxParameters) {
    throw new CliError(`${what} make ${fmt(count)} parameters; the limit is ${fmt(maxParameters)} (try smaller --n-embd, --n-layer or --block-size)`);
  }
  const bytes = workingBytes(config);
  if (bytes > maxWorkingBytes) {
    const mb = (n: number) => fmt(Math.ceil(n / 2 ** 20));
    throw new CliError(`${what} need about ${mb(bytes)} MB of memory to run; the limit is ${mb(maxWorkingBytes)} MB (try smaller --block-size, --n-layer or --n-embd)`);
  }
}

export const sizeFlags: FlagSpec = { 'n-embd': 'N', 'n-head': 'N', 'n-layer': 'N', 'block-size': 'N' };

/** Names of the size flags that were given. */
export function givenSizeFlags(flags: Flags): string[] {
  return Object.keys(sizeFlags).filter((name) => flags.has(name));
}

/** microgpt's config for this vocabulary, with any size flags applied. */
export function configFromFlags(flags: Flags, vocabSize: number): GPTConfig {
  const defaults = microgptConfig(vocabSize);
  const size = (name: string, fallback: number) => {
    const text = flags.get(name);
    return text === undefined ? fallback : parseInteger(name, text, 1, Number.MAX_SAFE_INTEGER, 'a positive integer');
  };
  const config: GPTConfig = {
    vocabSize,
    nEmbd: size('n-embd', defaults.nEmbd),
    nHead: size('n-head', defaults.nHead),
    nLayer: size('n-layer', defaults.nLayer),
    blockSize: size('block-size', defaults.blockSize),
  };
  if (config.nEmbd % config.nHead !== 0) {
    throw new CliError(`--n-embd (${config.nEmbd}) must be divisible by --n-head (${config.nHead})`);
  }
  // checked before any weights are drawn: a typo like --block-size 1600000 would otherwise run out of memory
  checkSize(config, 'these sizes');
  return config;
}
