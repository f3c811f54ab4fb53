// The stepper is generate() cut open: for every seed and option set it must produce the same
// tokens, the same distributions and the same stopping reason, and its cache rows must be the
// keys and values the Value-path model computes for the same tokens.

import { describe, expect, it } from 'vitest';
import { FastGPT, Random, emptyCache, generate, gpt, toValueStateDict, type SamplingOptions } from '../../../../src/engine/index.ts';
import { shippedWeights } from '../../../../src/facts/shipped.ts';
import { GenerationStepper } from '../../../../src/viz/inference/generation.ts';

const { config, stateDict, tokenizer } = shippedWeights;
const options: (SamplingOptions & { prefix?: string })[] = [
  { temperature: 1 }, { temperature: 0.5 }, { temperature: 0 }, { temperature: 1.6, topK: 5 }, { temperature: 1, topP: 0.8 }, { temperature: 0.8, prefix: 'ka' },
];

describe('GenerationStepper', () => {
  it('draws exactly the tokens generate() draws for the same seed and options', () => {
    for (const o of options) {
      for (let seed = 1; seed <= 25; seed++) {
        const expected = generate(new FastGPT(config, stateDict), tokenizer, new Random(seed), { ...o, record: true });
        const s = new GenerationStepper({ config, stateDict, tokenizer, options: o, seed });
        expect(s.run()).toBe(expected.text);
        expect(s.tokens).toEqual(expected.tokens);
        const sampled = s.steps.filter((st) => !st.fed);
        expect(sampled.map((st) => st.token)).toEqual(expected.steps.map((st) => st.token));
        expect(sampled.map((st) => Array.from(st.probs))).toEqual(expected.steps.map((st) => Array.from(st.probs)));
      }
    }
  });

  it('feeds the prefix without sampling, then stops at BOS or at the block size', () => {
    const s = new GenerationStepper({ config, stateDict, tokenizer, options: { temperature: 1, prefix: 'em' }, seed: 3 });
    const first = s.step()!;
    expect(first).toMatchObject({ pos: 0, input: tokenizer.bos, token: tokenizer.encode('e')[0], fed: true });
    expect(s.step()!.fed).toBe(true);
    s.run();
    expect(s.end === 'bos' || s.end === 'context').toBe(true);
    if (s.end === 'bos') expect(s.steps.at(-1)!.token).toBe(tokenizer.bos);
    else expect(s.steps).toHaveLength(config.blockSize);
    expect(s.step()).toBeNull();
  });

  it('stops at the block size when the model never chooses BOS', () => {
    // a model whose output layer is all zeros except a large logit for "a" never ends a name
    const sd = structuredClone(stateDict);
    sd['lm_head'] = sd['lm_head'].map((row, id) => row.map(() => (id === 0 ? 0 : -1e3)));
    const s = new GenerationStepper({ config, stateDict: sd, tokenizer, options: { temperature: 1 }, seed: 1 });
    s.run();
    expect(s.end).toBe('context');
    expect(s.tokens).toHaveLength(config.blockSize);
  });

  it('caches at each position the key and value the Value-path gpt() computes', () => {
    const s = new GenerationStepper({ config, stateDict, tokenizer, options: { temperature: 1 }, seed: 11 });
    s.run();
    const model = { config, params: toValueStateDict(stateDict) };
    const keys = emptyCache(config);
    const values = emptyCache(config);
    for (const st of s.steps) gpt(model, st.input, st.pos, keys, values);
    for (const st of s.steps) {
      st.keys[0].forEach((k, i) => expect(k).toBeCloseTo(keys[0][st.pos][i].data, 10));
      st.values[0].forEach((v, i) => expect(v).toBeCloseTo(values[0][st.pos][i].data, 10));
    }
  });

  it('refuses a prefix that fills the context', () => {
    expect(() => new GenerationStepper({ config, stateDict, tokenizer, options: { temperature: 1, prefix: 'a'.repeat(config.blockSize) }, seed: 1 })).toThrow(RangeError);
  });
});
