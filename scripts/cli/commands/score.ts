// `microgpt score`: how surprised the model is by one document, position by position, as JSON.

import { FastGPT } from '../../../src/engine/index.ts';
import type { Flags, FlagSpec } from '../args.ts';
import { CliError } from '../error.ts';
import { readWeights } from '../files.ts';
import type { Io } from '../io.ts';
import { checkOutputs } from '../usable.ts';
import { checkVocabulary } from '../vocab.ts';

export const scoreFlags: FlagSpec = { model: 'FILE', doc: 'TEXT' };

export function score(flags: Flags, io: Io): void {
  const path = flags.require('model');
  const doc = flags.require('doc');
  if (doc === '') throw new CliError('--doc is empty (give at least one character)');
  const { config, tokenizer, stateDict } = readWeights('model', path);
  checkVocabulary(tokenizer, [doc], '--doc');

  const model = new FastGPT(config, stateDict);
  const tokens = tokenizer.encodeDocument(doc);
  const loss = model.loss(tokens);
  checkOutputs(model, 'model', path, loss);
  // loss() runs the same positions: at most blockSize, so a long document is cut short
  const n = Math.min(config.blockSize, tokens.length - 1);
  const V = config.vocabSize;
  const positions = Array.from({ length: n }, (_, t) => ({
    pos: t,
    input: tokenizer.token(tokens[t]),
    target: tokenizer.token(tokens[t + 1]),
    p: model.probs[t * V + tokens[t + 1]],
  }));
  io.out(JSON.stringify({ doc, loss, positions }));
}
