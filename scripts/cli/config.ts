// The model's shape from --n-embd, --n-head, --n-layer and --block-size, each defaulting
// to microgpt's value. The vocabulary size always comes from the dataset.

import type { GPTConfig } from '../../src/engine/index.ts';
import { microgptConfig, parameterCount } from '../../src/engine/index.ts';
import type { Flags, FlagSpec } from './args.ts';
import { CliError } from './error.ts';
import { parseInteger } from './numbers.ts';

/** The largest model the command line builds: its weights file is then about 200 MB, and bigger ones exhaust memory. */
export const maxParameters = 10_000_000;

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
  const count = parameterCount(config);
  if (count > maxParameters) {
    throw new CliError(`these sizes give ${count.toLocaleString('en-US')} parameters; the limit is ${maxParameters.toLocaleString('en-US')} (try smaller --n-embd, --n-layer or --block-size)`);
  }
  return config;
}
