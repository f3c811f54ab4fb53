// The toy model's forward pass for one picked token, with every intermediate as plain numbers:
// what every view of chapters 5 and 6 draws. The engine computes; this file only arranges.

import { toyConfig } from '../../engine/config.ts';
import type { KVCache } from '../../engine/model.ts';
import { toValueStateDict } from '../../engine/model.ts';
import { readTrace, tracedGpt, type NumericTrace } from '../../engine/trace.ts';
import { toyPinnedCache, toyStateDict, toyVocab } from '../../engine/toy.ts';
import { Value } from '../../engine/value.ts';
import { softmax } from '../../engine/nn.ts';

/** Where the cache entries of earlier positions come from: given in the plan, or run through the model. */
export type CacheMode = 'pinned' | 'computed';

/** What the token picker picks: the token, its position, and how the earlier cache entries were made. */
export type ToyPick = { token: number; pos: number; cache: CacheMode };

/** The running example: "b" at position 2, with the pinned cache. */
export const runningExample: ToyPick = { token: toyPinnedCache.token, pos: toyPinnedCache.pos, cache: 'pinned' };

/** The tokens at the positions before the picked one: BOS, a, b (the running example's context, one further). */
export const toyContext = [0, 1, 2] as const;

/** Positions whose cache entries the plan gives, when the cache is pinned (0 and 1). */
export const pinnedPositions = toyPinnedCache.keys.length;

/** One row of the KV cache as the picked step sees it. */
export type CacheRow = { pos: number; token: number; key: number[]; value: number[]; source: 'pinned' | 'computed' | 'current' };

/** An RMSNorm worked out: its input, mean square, scale = 1/√(ms + 1e-5), and output. */
export type NormWorking = { input: number[]; meanSquare: number; scale: number; output: number[] };

/** Everything the views draw for one pick. */
export type ToyStep = {
  pick: ToyPick;
  trace: NumericTrace; // the engine's trace of the picked position
  cache: CacheRow[]; // rows 0..pos, the last one appended by this step
  norms: { emb: NormWorking; attn: NormWorking; mlp: NormWorking };
  probs: number[]; // softmax(logits) over BOS, a, b, c
};

/** A clear message when a pick is outside the toy (token 0–3, position 0–3), or null. */
export function pickProblem(pick: ToyPick): string | null {
  if (!Number.isInteger(pick.token) || pick.token < 0 || pick.token >= toyVocab.length)
    return `the token must be one of ${toyVocab.join(', ')}`;
  if (!Number.isInteger(pick.pos) || pick.pos < 0 || pick.pos >= toyConfig.blockSize)
    return `the position must be a whole number from 0 to ${toyConfig.blockSize - 1} (the toy's block size is ${toyConfig.blockSize})`;
  if (pick.cache !== 'pinned' && pick.cache !== 'computed') return 'the cache is either pinned or computed';
  return null;
}

const values = (xs: readonly number[]) => xs.map((x) => new Value(x));

/** RMSNorm's working, from its input and the output the engine traced. */
function normWorking(input: number[], output: number[]): NormWorking {
  const meanSquare = input.reduce((s, x) => s + x * x, 0) / input.length;
  return { input, meanSquare, scale: (meanSquare + 1e-5) ** -0.5, output };
}

/**
 * Run the toy for one pick: the earlier positions (BOS, a, b…) fill the cache — from the
 * plan's given entries for positions 0 and 1 when pinned, through the model otherwise —
 * then the picked token runs at its position. Throws on a pick pickProblem() rejects.
 */
export function toyStep(pick: ToyPick): ToyStep {
  const problem = pickProblem(pick);
  if (problem) throw new Error(problem);
  const model = { config: toyConfig, params: toValueStateDict(toyStateDict) };
  const keys: KVCache = [[]];
  const vals: KVCache = [[]];
  const sources: CacheRow['source'][] = [];
  for (let p = 0; p < pick.pos; p++) {
    if (pick.cache === 'pinned' && p < pinnedPositions) {
      keys[0].push(values(toyPinnedCache.keys[p]));
      vals[0].push(values(toyPinnedCache.values[p]));
      sources.push('pinned');
    } else {
      tracedGpt(model, toyContext[p], p, keys, vals);
      sources.push('computed');
    }
  }
  const { logits, trace: t } = tracedGpt(model, pick.token, pick.pos, keys, vals);
  sources.push('current');
  const trace = readTrace(t);
  const layer = trace.layers[0];
  const cache = sources.map((source, p) => ({
    pos: p,
    token: p === pick.pos ? pick.token : toyContext[p],
    key: keys[0][p].map((x) => x.data),
    value: vals[0][p].map((x) => x.data),
    source,
  }));
  return {
    pick,
    trace,
    cache,
    norms: {
      emb: normWorking(trace.embSum, trace.embNorm),
      attn: normWorking(layer.input, layer.norm1),
      mlp: normWorking(layer.afterAttn, layer.norm2),
    },
    probs: softmax(logits).map((p) => p.data),
  };
}

/** The loss of predicting target next: −ln p(target). */
export function toyLoss(step: ToyStep, target: number): number {
  return -Math.log(step.probs[target]);
}

/** The toy's token label: BOS, a, b or c. */
export const toyLabel = (token: number) => toyVocab[token];
