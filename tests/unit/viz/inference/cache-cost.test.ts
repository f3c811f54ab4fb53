// Generation's cost with and without the KV cache: a hand count for the toy config, a count of
// the engine's real multiplications (Value.mul) while a generator runs each way, and the
// uncached generator checked to draw the very names generate() draws.

import { describe, expect, it } from 'vitest';
import { countMuls } from '../../../fixtures/count-multiplications.ts';
import { FastGPT, Random, emptyCache, generate, gpt, initStateDict, presetConfig, toValueStateDict } from '../../../../src/engine/index.ts';
import { shippedWeights } from '../../../../src/facts/shipped.ts';
import { cacheSaving, costChart, generateWithoutCache, generationCosts, timeInRounds } from '../../../../src/viz/inference/cache-cost.ts';

const toy = presetConfig('toy', 3); // nEmbd 2, one head, one layer, block size 4, vocabulary 3

describe('generationCosts', () => {
  it('matches a hand count for the toy config', () => {
    // per call: three RMSNorms of 2·2 + 1 = 15; q, k, v 3 · (2×2) = 12; W_o 4; MLP fc1 8×2 + fc2 2×8 = 32;
    // output layer 3×2 = 6; so 15 + 12 + 4 + 32 + 6 = 69 before attention.
    // attention per key: score 2, ÷√2 1, softmax shift 1, ÷ total 1, weighted sum 2 = 7.
    const cached = [69 + 7, 69 + 14, 69 + 21, 69 + 28];
    const rows = generationCosts(toy);
    expect(rows.map((r) => r.cached)).toEqual(cached);
    expect(rows.map((r) => r.uncached)).toEqual([76, 76 + 83, 76 + 83 + 90, 76 + 83 + 90 + 97]);
    expect(cacheSaving(toy, 4)).toEqual({ positions: 4, cached: 346, uncached: 76 + 159 + 249 + 346, saved: 830 - 346, ratio: 830 / 346, lastRatio: 346 / 97 });
  });

  it('counts the multiplications the engine performs generating with and without the cache', () => {
    const model = { config: toy, params: toValueStateDict(initStateDict(toy, new Random(2))) };
    const tokens = [2, 0, 1, 1];
    const rows = generationCosts(toy);
    const keys = emptyCache(toy);
    const values = emptyCache(toy);
    tokens.forEach((tok, pos) => expect(countMuls(() => gpt(model, tok, pos, keys, values))).toBe(rows[pos].cached));
    tokens.forEach((_, pos) =>
      expect(countMuls(() => {
        const k = emptyCache(toy);
        const v = emptyCache(toy);
        for (let p = 0; p <= pos; p++) gpt(model, tokens[p], p, k, v);
      })).toBe(rows[pos].uncached));
  });

  it('refuses a length outside the context', () => {
    expect(() => cacheSaving(toy, 0)).toThrow(RangeError);
    expect(() => cacheSaving(toy, 5)).toThrow(RangeError);
  });
});

describe('generateWithoutCache', () => {
  it('draws the same names as generate() for the same seed', () => {
    const { config, stateDict, tokenizer } = shippedWeights;
    for (let seed = 1; seed <= 20; seed++) {
      for (const o of [{ temperature: 1 }, { temperature: 0.4, topK: 4 }]) {
        const withCache = generate(new FastGPT(config, stateDict), tokenizer, new Random(seed), o);
        expect(generateWithoutCache(new FastGPT(config, stateDict), tokenizer, new Random(seed), o)).toEqual(withCache.tokens);
      }
    }
  });
});

describe('costChart', () => {
  it('draws one point per position inside the plot, the uncached line never below the cached one', () => {
    const chart = costChart(generationCosts(shippedWeights.config), 400, 200);
    expect(chart.points).toHaveLength(shippedWeights.config.blockSize);
    for (const p of chart.points) {
      expect(p.x).toBeGreaterThanOrEqual(chart.left);
      expect(p.x).toBeLessThanOrEqual(chart.right);
      expect(p.uncachedY).toBeLessThanOrEqual(p.cachedY);
      expect(p.uncachedY).toBeGreaterThanOrEqual(chart.top);
    }
    expect(chart.points[0].uncachedY).toBe(chart.points[0].cachedY);
  });
});

describe('timeInRounds', () => {
  it('alternates the order, times each piece by the clock and takes each path\'s median round', () => {
    let clock = 0;
    const order: string[] = [];
    // the cached path costs 10, 1, 1, 1, 1 (a slow first run); the uncached one 5 every time
    const cachedCosts = [10, 1, 1, 1, 1];
    let c = 0;
    const t = timeInRounds(
      () => { order.push('c'); clock += cachedCosts[c++]; },
      () => { order.push('u'); clock += 5; },
      5, () => clock,
    );
    expect(order).toEqual(['c', 'u', 'u', 'c', 'c', 'u', 'u', 'c', 'c', 'u']);
    expect(t.rounds).toEqual([{ cached: 10, uncached: 5 }, { cached: 1, uncached: 5 }, { cached: 1, uncached: 5 }, { cached: 1, uncached: 5 }, { cached: 1, uncached: 5 }]);
    expect(t).toMatchObject({ cached: 1, uncached: 5 }); // the slow first round does not decide the result
  });
  it('an even number of rounds takes the mean of the middle two; no rounds is refused', () => {
    let clock = 0;
    const costs = [1, 2, 3, 10];
    let i = 0;
    expect(timeInRounds(() => { clock += costs[i++]; }, () => {}, 4, () => clock).cached).toBe(2.5);
    expect(() => timeInRounds(() => {}, () => {}, 0, () => 0)).toThrow(RangeError);
  });
});
