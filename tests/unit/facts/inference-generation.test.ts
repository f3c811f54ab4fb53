// The generation facts the prose quotes agree with the engine run again here.

import { describe, expect, it } from 'vitest';
import { FastGPT, Random, generate } from '../../../src/engine/index.ts';
import { generationFacts as g } from '../../../src/facts/inference.ts';
import { names, shippedWeights } from '../../../src/facts/shipped.ts';

describe('generationFacts', () => {
  it('quotes the names generate() gives for the seed, and marks memorised ones by the shipped names', () => {
    const { config, stateDict, tokenizer } = shippedWeights;
    const model = new FastGPT(config, stateDict);
    const rng = new Random(g.seed);
    const again = Array.from({ length: g.count }, () => generate(model, tokenizer, rng, { temperature: g.temperature }).text);
    expect(g.sampled.map((s) => s.name)).toEqual(again);
    expect(g.memorised).toBe(again.filter((n) => names.includes(n)).length);
  });
});

describe('generationFacts: memorisation over a larger sample, the first step split', () => {
  it('counts memorised names among the seed\'s first memorisedSample names at each temperature', () => {
    const { config, stateDict, tokenizer } = shippedWeights;
    const known = new Set(names);
    expect(g.memorisedAt.map((m) => m.temperature)).toEqual([0.5, 1, 1.5]);
    for (const { temperature, memorised } of g.memorisedAt) {
      const model = new FastGPT(config, stateDict);
      const rng = new Random(g.seed);
      let n = 0;
      for (let i = 0; i < g.memorisedSample; i++) if (known.has(generate(model, tokenizer, rng, { temperature }).text)) n++;
      expect(memorised).toBe(n);
    }
    // the flatter the distribution, the fewer memorised: the prose says so
    expect(g.memorisedAt[0].memorised).toBeGreaterThan(g.memorisedAt[1].memorised);
    expect(g.memorisedAt[1].memorised).toBeGreaterThan(g.memorisedAt[2].memorised);
  });
  it('splits the first step into matrix products and the rest, and the last uncached step equals the whole cached generation', () => {
    const { nEmbd: n, vocabSize: v } = shippedWeights.config;
    expect(g.firstMatrix).toBe(3 * n * n + n * n + 2 * 4 * n * n + v * n); // q k v, W_o, the MLP, lm_head
    expect(g.firstMatrix + g.firstOther).toBe(g.firstCost);
    expect(g.lastUncached).toBe(g.full.cached);
  });
});
