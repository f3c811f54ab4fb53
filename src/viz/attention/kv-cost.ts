// What the KV cache saves, counted: the multiplications gpt() performs at each position with
// the cache, and without it, when every earlier position must be run again to get its keys
// and values back. Computed from the config alone; tests/unit/viz/attention/kv-cost.test.ts
// checks every count against the multiplications the engine really does (Value.mul calls).
// The engine builds division as a multiplication by x⁻¹ and subtraction as adding x · (−1)
// (src/engine/value.ts), so each of those is one Value.mul call too, and is counted here.

import type { GPTConfig } from '../../engine/config.ts';

/** Multiplications of one gpt() call, by what they are for. */
export type StepCost = {
  /** this position's query, key and value: three nEmbd × nEmbd matrix–vector products per layer */
  qkv: number;
  /** scores against every cached key and the weighted sum of every cached value, per layer */
  attention: number;
  /** everything else: W_o, the MLP, the output layer, RMSNorm */
  rest: number;
  total: number;
};

/** The Value.mul calls one more key in the cache adds to a gpt() call, per head and in all. */
export type PerKeyCost = {
  /** the query–key dot product of one head: headDim multiplications */
  score: number;
  /** the score's division by √headDim */
  scale: number;
  /** softmax's subtraction of the largest score, done as adding max · (−1) */
  shift: number;
  /** softmax's division by the total of the exponentials */
  normalise: number;
  /** the key's value in the weighted sum: headDim multiplications */
  mix: number;
  perHead: number;
  heads: number;
  layers: number;
  total: number;
};

/** What each key in the cache costs, per head and over every head and layer. */
export function perKeyCost(config: GPTConfig): PerKeyCost {
  const hd = config.nEmbd / config.nHead;
  const parts = { score: hd, scale: 1, shift: 1, normalise: 1, mix: hd };
  const perHead = parts.score + parts.scale + parts.shift + parts.normalise + parts.mix;
  return { ...parts, perHead, heads: config.nHead, layers: config.nLayer, total: config.nLayer * config.nHead * perHead };
}

/** Multiplications of gpt() at position pos, with pos + 1 keys and values in the cache. */
export function stepCost(config: GPTConfig, pos: number): StepCost {
  const { nEmbd: n, nLayer: layers, vocabSize } = config;
  const t = pos + 1; // keys and values the query is compared with
  const norm = 2 * n + 1; // each xᵢ·xᵢ, the mean's division, and each xᵢ·scale
  const qkv = layers * 3 * n * n;
  const attention = t * perKeyCost(config).total;
  const rest = norm + layers * (norm + n * n + norm + 8 * n * n) + vocabSize * n;
  return { qkv, attention, rest, total: qkv + attention + rest };
}

/** One position of a walk through a name: its own cost and the running totals, with and without the cache. */
export type CostRow = {
  pos: number;
  /** this step with the cache: one gpt() call */
  cached: number;
  /** this step without: gpt() again at every position 0..pos */
  uncached: number;
  cachedTotal: number;
  uncachedTotal: number;
};

/** The costs of running positions 0..count-1 one after another, with and without the cache. */
export function walkCosts(config: GPTConfig, count: number): CostRow[] {
  const rows: CostRow[] = [];
  let cachedTotal = 0;
  let uncachedTotal = 0;
  let prefix = 0; // cost of one gpt() call at each of positions 0..pos, summed
  for (let pos = 0; pos < count; pos++) {
    const cached = stepCost(config, pos).total;
    prefix += cached;
    cachedTotal += cached;
    uncachedTotal += prefix;
    rows.push({ pos, cached, uncached: prefix, cachedTotal, uncachedTotal });
  }
  return rows;
}
