// The KV cache's operation counts, checked against the engine: Value.mul is wrapped to count
// every multiplication gpt() really performs, with the cache (one call per position) and
// without it (every earlier position run again from an empty cache at each step).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { countMuls } from '../../../fixtures/count-multiplications.ts';
import { Random } from '../../../../src/engine/random.ts';
import { microgptConfig, type GPTConfig } from '../../../../src/engine/config.ts';
import { initStateDict } from '../../../../src/engine/params.ts';
import { emptyCache, gpt, toValueStateDict, type ValueModel } from '../../../../src/engine/model.ts';
import { perKeyCost, stepCost, walkCosts } from '../../../../src/viz/attention/kv-cost.ts';

const modelFor = (config: GPTConfig): ValueModel => ({ config, params: toValueStateDict(initStateDict(config, new Random(3))) });
const tokensFor = (config: GPTConfig, count: number) => Array.from({ length: count }, (_, i) => (i * 7 + 1) % config.vocabSize);

/** With the cache: one gpt() call per position, the cache growing; the count of each call. */
function cachedCounts(model: ValueModel, tokens: readonly number[]): number[] {
  const keys = emptyCache(model.config);
  const values = emptyCache(model.config);
  return tokens.map((tok, pos) => countMuls(() => gpt(model, tok, pos, keys, values)));
}

/** Without: at each position, positions 0..pos run again from an empty cache. */
function uncachedCounts(model: ValueModel, tokens: readonly number[]): number[] {
  return tokens.map((_, pos) =>
    countMuls(() => {
      const keys = emptyCache(model.config);
      const values = emptyCache(model.config);
      for (let p = 0; p <= pos; p++) gpt(model, tokens[p], p, keys, values);
    }),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('stepCost', () => {
  const config = microgptConfig(27);

  it('adds up its parts', () => {
    for (const pos of [0, 5, 15]) {
      const c = stepCost(config, pos);
      expect(c.total).toBe(c.qkv + c.attention + c.rest);
    }
  });

  it('gives microgpt 3 × 16 × 16 multiplications for one query, key and value', () => {
    expect(stepCost(config, 0).qkv).toBe(768);
    expect(stepCost(config, 9).qkv).toBe(768);
  });

  it('grows by 4 heads × (4 + 1 + 1 + 1 + 4) = 44 for every key added to the cache', () => {
    const k = perKeyCost(config);
    expect([k.score, k.scale, k.shift, k.normalise, k.mix, k.perHead, k.heads, k.total]).toEqual([4, 1, 1, 1, 4, 11, 4, 44]);
    expect(stepCost(config, 1).total - stepCost(config, 0).total).toBe(44);
    expect(stepCost(config, 15).total - stepCost(config, 14).total).toBe(44);
  });

  it('counts one more key as exactly the Value.mul calls the engine adds for it', () => {
    // two layers and two heads, so a slip in either factor shows
    const cfg = { vocabSize: 5, nEmbd: 8, nHead: 2, nLayer: 2, blockSize: 6 };
    const counts = cachedCounts(modelFor(cfg), tokensFor(cfg, 4));
    // 2 layers × 2 heads × (4 + 1 + 1 + 1 + 4)
    expect(perKeyCost(cfg).total).toBe(44);
    for (let pos = 1; pos < counts.length; pos++) expect(counts[pos] - counts[pos - 1]).toBe(perKeyCost(cfg).total);
  });

  it.each([
    ['microgpt', microgptConfig(27), 16],
    ['two layers, 8 wide, 2 heads', { vocabSize: 5, nEmbd: 8, nHead: 2, nLayer: 2, blockSize: 6 }, 6],
    ['the toy', { vocabSize: 4, nEmbd: 2, nHead: 1, nLayer: 1, blockSize: 4 }, 4],
  ] as const)('matches the Value.mul calls of one gpt() call at every position (%s)', (_, cfg, count) => {
    const model = modelFor(cfg);
    expect(cachedCounts(model, tokensFor(cfg, count))).toEqual(Array.from({ length: count }, (_, pos) => stepCost(cfg, pos).total));
  });
});

describe('walkCosts', () => {
  const config = microgptConfig(27);
  const model = modelFor(config);
  const tokens = tokensFor(config, 7);
  const rows = walkCosts(config, tokens.length);

  it('counts with the cache what the engine multiplies, one call per position', () => {
    expect(rows.map((r) => r.cached)).toEqual(cachedCounts(model, tokens));
  });

  it('counts without the cache what the engine multiplies when every earlier position is run again', () => {
    expect(rows.map((r) => r.uncached)).toEqual(uncachedCounts(model, tokens));
  });

  it('keeps running totals, and the two agree only at the first position', () => {
    expect(rows[0].cachedTotal).toBe(rows[0].uncachedTotal);
    rows.slice(1).forEach((r, i) => {
      expect(r.cachedTotal).toBe(rows[i].cachedTotal + r.cached);
      expect(r.uncachedTotal).toBe(rows[i].uncachedTotal + r.uncached);
      expect(r.uncachedTotal).toBeGreaterThan(r.cachedTotal);
    });
  });

  it('is empty for no positions', () => {
    expect(walkCosts(config, 0)).toEqual([]);
  });
});
