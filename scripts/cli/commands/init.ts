// `microgpt init`: fresh weights, drawn exactly as microgpt.py draws them.

import { Tokenizer, seededStart } from '../../../src/engine/index.ts';
import type { Flags, FlagSpec } from '../args.ts';
import { configFromFlags, parameterTotal, sizeFlags } from '../config.ts';
import { checkOutPath, readDataset, writeWeights } from '../files.ts';
import type { Io } from '../io.ts';
import { parseSeed } from '../numbers.ts';

export const initFlags: FlagSpec = { seed: 'N', data: 'FILE', ...sizeFlags, out: 'FILE' };

export function init(flags: Flags, io: Io): void {
  const seed = parseSeed(flags.require('seed'));
  const out = flags.require('out');
  const { docs } = readDataset(flags.get('data'));
  const tokenizer = Tokenizer.fromDocuments(docs);
  const config = configFromFlags(flags, tokenizer.vocabSize);
  const target = checkOutPath(out, flags.get('data'));

  // the weights come after the shuffle's draws, as in microgpt.py, so `init` and `train --seed` start alike
  const { stateDict } = seededStart(docs, config, seed);
  writeWeights(target, { config, tokenizer, stateDict });
  const v = config.vocabSize;
  io.out(`wrote ${out}: ${parameterTotal(config).toLocaleString('en-US')} parameters, vocab ${v} (${v - 1} characters + BOS)`);
}
