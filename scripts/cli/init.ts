// `microgpt init`: fresh weights, drawn exactly as microgpt.py draws them.

import { Random, Tokenizer, initStateDict, parameterCount, trainingOrder } from '../../src/engine/index.ts';
import type { Flags, FlagSpec } from './args.ts';
import { configFromFlags, sizeFlags } from './config.ts';
import { checkOutPath, readDataset, writeWeights } from './files.ts';
import type { Io } from './io.ts';
import { parseSeed } from './numbers.ts';

export const initFlags: FlagSpec = { seed: 'N', data: 'FILE', ...sizeFlags, out: 'FILE' };

export function init(flags: Flags, io: Io): void {
  const seed = parseSeed(flags.require('seed'));
  const out = flags.require('out');
  const { docs } = readDataset(flags.get('data'));
  const tokenizer = Tokenizer.fromDocuments(docs);
  const config = configFromFlags(flags, tokenizer.vocabSize);
  checkOutPath(out);

  const rng = new Random(seed);
  // microgpt.py shuffles the documents before it draws the weights, so the shuffle's draws
  // come first here too; otherwise `init` and `train --seed` would start from different weights
  trainingOrder(docs, rng);
  const stateDict = initStateDict(config, rng);
  writeWeights(out, { config, tokenizer, stateDict });
  const v = config.vocabSize;
  io.out(`wrote ${out}: ${parameterCount(config).toLocaleString('en-US')} parameters, vocab ${v} (${v - 1} characters + BOS)`);
}
