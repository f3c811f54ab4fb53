// The stepper is generate() cut open: for every seed and option set it must produce the same
// tokens, the same distributions and the same stopping reason, and its cache rows must be the
// keys and values the Value-path model computes for the same tokens.

import { describe, expect, it } from 'vitest';
import { FastGPT, Random, emptyCache, generate, gpt, toValueStateDict, type SamplingOptions } from '../../../../src/engine/index.ts';
import { shippedWeights } from '../../../../src/facts/shipped.ts';
import { GenerationStepper, cacheScale } from '../../../../src/viz/inference/generation.ts';

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

  it('stops at the block size when the context fills before the model chooses BOS', () => {
    // a prefix one short of the context leaves one draw: whenever it is not BOS the name is cut
    const prefix = 'a'.repeat(config.blockSize - 1);
    const runs = Array.from({ length: 60 }, (_, seed) => new GenerationStepper({ config, stateDict, tokenizer, options: { temperature: 2, prefix }, seed }));
    for (const s of runs) s.run();
    const cut = runs.find((s) => s.end === 'context');
    expect(cut).toBeDefined();
    expect(cut!.tokens).toHaveLength(config.blockSize);
    expect(cut!.steps).toHaveLength(config.blockSize);
    expect(cut!.steps.at(-1)!.token).not.toBe(tokenizer.bos);
    const ended = runs.find((s) => s.end === 'bos');
    expect(ended?.tokens).toHaveLength(config.blockSize - 1);
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

describe('the stepper preview and the cache colour scale', () => {
  it('upcoming() is the next step\'s distribution and draws no random number', () => {
    for (const o of options) {
      const a = new GenerationStepper({ config, stateDict, tokenizer, options: o, seed: 5 });
      const b = new GenerationStepper({ config, stateDict, tokenizer, options: o, seed: 5 });
      while (!a.end) {
        const peek = a.upcoming()!;
        const s = a.step()!;
        expect(Array.from(peek)).toEqual(Array.from(s.probs));
        expect(s.token).toBe(b.step()!.token); // the same draws as a stepper never previewed
      }
      expect(a.upcoming()).toBeNull();
    }
  });

  it('cacheScale bounds every layer-0 key and value of any run, and is reached by one', () => {
    const scale = cacheScale(config, stateDict);
    let seen = 0;
    for (const o of options) {
      for (let seed = 1; seed <= 30; seed++) {
        const s = new GenerationStepper({ config, stateDict, tokenizer, options: o, seed });
        s.run();
        for (const st of s.steps) for (const x of [...st.keys[0], ...st.values[0]]) seen = Math.max(seen, Math.abs(x));
      }
    }
    expect(seen).toBeLessThanOrEqual(scale + 1e-12);
    // an independent search: the largest |k|, |v| over every token at every position, each run on a fresh model
    let direct = 0;
    for (let pos = 0; pos < config.blockSize; pos++) {
      for (let token = 0; token < config.vocabSize; token++) {
        const m = new FastGPT(config, stateDict);
        for (let p = 0; p <= pos; p++) m.forward(p === pos ? token : tokenizer.bos, p);
        const { k, v } = m.cached(0, pos);
        for (const x of [...k, ...v]) direct = Math.max(direct, Math.abs(x));
      }
    }
    expect(scale).toBeCloseTo(direct, 12);
  });

  it('a cache row drawn with the fixed scale never changes as the cache grows', () => {
    const scale = cacheScale(config, stateDict);
    const s = new GenerationStepper({ config, stateDict, tokenizer, options: { temperature: 1 }, seed: 11 });
    const drawn: number[][] = [];
    while (s.step()) {
      // every row so far, drawn again at this step: the same opacities as when it first appeared
      s.steps.forEach((st, i) => {
        const row = Array.from(st.keys[0], (x) => x / scale);
        if (i === drawn.length) drawn.push(row);
        expect(row).toEqual(drawn[i]);
      });
    }
    expect(drawn.length).toBeGreaterThan(1);
  });
});
