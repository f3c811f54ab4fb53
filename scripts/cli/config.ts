// The model's shape from --n-embd, --n-head, --n-layer and --block-size, each defaulting
// to microgpt's value. The vocabulary size always comes from the dataset.

import type { GPTConfig } from '../../src/engine/index.ts';
import { microgptConfig, sizeProblem } from '../../src/engine/index.ts';
import type { Flags, FlagSpec } from './args.ts';
import { CliError } from './error.ts';
import { parseInteger } from './numbers.ts';

// The limits are the engine's (src/engine/usable.ts), shared with the site's weights loader.
export { maxParameters, maxWorkingBytes, parameterTotal, workingBytes } from '../../src/engine/index.ts';

/** The Value path builds a graph node per multiplication of every step; beyond this it runs out of memory. */
export const maxValueParameters = 100_000;

const hints = {
  parameters: 'try smaller --n-embd, --n-layer or --block-size',
  memory: 'try smaller --block-size, --n-layer or --n-embd',
  blockSize: 'try a smaller --block-size',
} as const;

/** Refuse a config too large to allocate or to run, before anything is allocated. `what` (plural: "these sizes") opens the message. */
export function checkSize(config: GPTConfig, what: string): void {
  const problem = sizeProblem(config, what);
  if (problem) throw new CliError(`${problem.message} (${hints[problem.limit]})`);
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
