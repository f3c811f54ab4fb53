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
