// A name's log-likelihood, checked against FastGPT.loss on the same tokens (the mean −ln p)
// and against the Value-path model's softmax, position by position.

import { describe, expect, it } from 'vitest';
import { FastGPT, Random, emptyCache, generate, gpt, softmax, toValueStateDict } from '../../../../src/engine/index.ts';
import { shippedWeights } from '../../../../src/facts/shipped.ts';
import { nameLikelihood, wasCut } from '../../../../src/viz/inference/likelihood.ts';

const { config, stateDict, tokenizer } = shippedWeights;
const model = new FastGPT(config, stateDict);

describe('nameLikelihood', () => {
  it('has per-token mean −ln p equal to FastGPT.loss of [BOS, name, BOS]', () => {
    for (const name of ['emma', 'olivia', 'x', 'zzzzq', 'kaelynn']) {
      const l = nameLikelihood(model, tokenizer, name);
      expect(l.logProbs).toHaveLength(name.length + 1);
      expect(l.perToken).toBeCloseTo(new FastGPT(config, stateDict).loss(tokenizer.encodeDocument(name)), 12);
    }
  });

  it('sums ln p of each character, then of the closing BOS, as the Value path computes them', () => {
    const name = 'ava';
    const vm = { config, params: toValueStateDict(stateDict) };
    const keys = emptyCache(config);
    const values = emptyCache(config);
    const seq = tokenizer.encodeDocument(name);
    let total = 0;
    for (let t = 0; t < seq.length - 1; t++) total += Math.log(softmax(gpt(vm, seq[t], t, keys, values))[seq[t + 1]].data);
    expect(nameLikelihood(model, tokenizer, name).total).toBeCloseTo(total, 10);
  });

  it('scores a name cut at the context without a closing BOS', () => {
    const name = 'a'.repeat(config.blockSize);
    const l = nameLikelihood(model, tokenizer, name, true);
    expect(l.logProbs).toHaveLength(config.blockSize);
    expect(() => nameLikelihood(model, tokenizer, name, false)).toThrow(RangeError);
  });

  it('knows a generated name was cut exactly when it holds blockSize tokens', () => {
    for (let seed = 1; seed < 40; seed++) {
      const g = generate(new FastGPT(config, stateDict), tokenizer, new Random(seed), { temperature: 1.5 });
      expect(wasCut(g.tokens, config.blockSize)).toBe(g.tokens.length === config.blockSize);
    }
    expect(wasCut(new Array(config.blockSize - 1).fill(0), config.blockSize)).toBe(false);
  });
});
