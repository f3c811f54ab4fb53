// The next-token distribution, on a tiny model whose answer can be worked by hand: every
// matrix is zero except wte and lm_head, so attention and the MLP add nothing and the logits
// are lm_head · rmsnorm(wte[last token]).

import { describe, expect, it } from 'vitest';
import { matrixShapes, type GPTConfig } from '../../../../src/engine/index.ts';
import { toValueStateDict } from '../../../../src/engine/model.ts';
import { Tokenizer } from '../../../../src/engine/tokenizer.ts';
import { lossOf, nextTokenProbs, rankTokens, targetForKey, tokenLabel } from '../../../../src/viz/mlp/next-token.ts';

const tokenizer = new Tokenizer(['a', 'b']); // a 0, b 1, BOS 2
const config: GPTConfig = { vocabSize: 3, nEmbd: 2, nHead: 1, nLayer: 1, blockSize: 3 };
const sd = Object.fromEntries(matrixShapes(config).map((s) => [s.name, Array.from({ length: s.rows }, () => new Array<number>(s.cols).fill(0))]));
sd['wte'] = [[0, 1], [3, 4], [1, 0]];
sd['lm_head'] = [[1, 0], [0, 1], [0, 0]];
const model = { config, params: toValueStateDict(sd) };

/** Softmax worked by hand for the toy model's last token t: logits = rmsnorm(wte[t]) against lm_head's rows. */
function byHand(t: number): number[] {
  const [x, y] = sd['wte'][t];
  const scale = 1 / Math.sqrt((x * x + y * y) / 2 + 1e-5);
  const e = [Math.exp(x * scale), Math.exp(y * scale), Math.exp(0)];
  const total = e[0] + e[1] + e[2];
  return e.map((v) => v / total);
}

describe('nextTokenProbs', () => {
  it('runs BOS and the prefix through the model and returns the last position’s softmax', () => {
    const probs = nextTokenProbs(model, tokenizer, 'ab');
    byHand(1).forEach((p, i) => expect(probs[i]).toBeCloseTo(p, 12));
    expect(probs.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });

  it('with an empty prefix predicts the first letter, from BOS alone', () => {
    const probs = nextTokenProbs(model, tokenizer, '');
    byHand(2).forEach((p, i) => expect(probs[i]).toBeCloseTo(p, 12));
  });

  it('refuses characters outside the vocabulary and a prefix as long as the block size, in words', () => {
    expect(() => nextTokenProbs(model, tokenizer, 'aZ')).toThrow(/“Z” is not in the vocabulary/);
    expect(() => nextTokenProbs(model, tokenizer, 'aba')).toThrow(/shorter than 3 letters/);
  });
});

describe('rankTokens, tokenLabel, targetForKey, lossOf', () => {
  it('sorts the tokens from most to least likely, ties in id order, BOS called "end"', () => {
    expect(rankTokens(tokenizer, [0.2, 0.5, 0.2]).map((r) => r.label)).toEqual(['b', 'a', 'end']);
    expect(tokenLabel(tokenizer, 2)).toBe('end');
  });

  it('reads a typed letter of either case as a target, anything else as none', () => {
    expect(targetForKey(tokenizer, 'b')).toBe(1);
    expect(targetForKey(tokenizer, 'A')).toBe(0);
    expect(targetForKey(tokenizer, 'z')).toBeNull();
    expect(targetForKey(tokenizer, 'Enter')).toBeNull();
  });

  it('gives −ln p: 0 for a sure guess, ln 27 for a uniform one over 27 tokens', () => {
    expect(lossOf(1)).toBe(-0);
    expect(lossOf(1 / 27)).toBeCloseTo(3.295836866, 9);
    expect(lossOf(Math.exp(-2))).toBeCloseTo(2, 12);
  });
});
