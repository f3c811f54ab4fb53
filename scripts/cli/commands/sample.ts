// `microgpt sample`: generated names, one per line and nothing else, so the output pipes cleanly.

import { FastGPT, Random, generate } from '../../../src/engine/index.ts';
import type { Flags, FlagSpec } from '../args.ts';
import { CliError } from '../error.ts';
import { readWeights } from '../files.ts';
import type { Io } from '../io.ts';
import { parseInteger, parseReal, parseSeed } from '../numbers.ts';
import { checkOutputs } from '../usable.ts';
import { checkVocabulary } from '../vocab.ts';

export const sampleFlags: FlagSpec = { model: 'FILE', n: 'N', temperature: 'T', 'top-k': 'K', 'top-p': 'P', prefix: 'S', seed: 'N' };

export function sample(flags: Flags, io: Io): void {
  const path = flags.require('model');
  const optional = <T>(name: string, parse: (text: string) => T): T | undefined => {
    const text = flags.get(name);
    return text === undefined ? undefined : parse(text);
  };
  const n = optional('n', (t) => parseInteger('n', t, 1, 10_000, 'an integer from 1 to 10000')) ?? 20;
  const temperature = optional('temperature', (t) => parseReal('temperature', t, (x) => x >= 0, 'a number ≥ 0')) ?? 0.5;
  const topK = optional('top-k', (t) => parseInteger('top-k', t, 1, Number.MAX_SAFE_INTEGER, 'an integer ≥ 1'));
  const topP = optional('top-p', (t) => parseReal('top-p', t, (x) => x > 0 && x <= 1, 'a number in (0, 1]'));
  const seed = optional('seed', parseSeed) ?? 42;
  const prefix = flags.get('prefix') ?? '';

  const { config, tokenizer, stateDict } = readWeights('model', path);
  checkVocabulary(tokenizer, [prefix], '--prefix');
  const length = [...prefix].length;
  if (length >= config.blockSize) {
    throw new CliError(`--prefix must be shorter than block_size (${config.blockSize} characters), got ${length}`);
  }

  const model = new FastGPT(config, stateDict);
  const rng = new Random(seed);
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    let text: string;
    try {
      text = generate(model, tokenizer, rng, { temperature, topK, topP, prefix }).text;
    } catch (e) {
      checkOutputs(model, 'model', path); // NaN probabilities make the draw itself fail
      throw e;
    }
    checkOutputs(model, 'model', path);
    names.push(text);
  }
  io.out(names.join('\n'));
}
