// Why the KV cache makes generation cheap, counted and timed. The counts are chapter 5's
// (src/viz/attention/kv-cost.ts: every multiplication gpt() performs at a position, with the
// cache or with every earlier position run again), here read as a generator meets them: one
// generated token per position, up to the block size. Beside them, generation without a cache,
// run for real on the engine, so the page can time both paths.

import { scaleLinear } from 'd3-scale';
import type { GPTConfig } from '../../engine/config.ts';
import type { FastGPT } from '../../engine/fast.ts';
import type { Random } from '../../engine/random.ts';
import { sampleToken, type SamplingOptions } from '../../engine/sample.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import { int } from '../shared/format.ts';
import { linearTicks, type Tick } from '../shared/ticks.ts';
import { walkCosts, type CostRow } from '../attention/kv-cost.ts';

/** The cost of each generated token, with and without the cache, at positions 0..blockSize−1. */
export function generationCosts(config: GPTConfig): CostRow[] {
  return walkCosts(config, config.blockSize);
}

/** Totals for generating through `positions` positions (a name of positions − 1 letters and its closing BOS). */
export type CacheSaving = { positions: number; cached: number; uncached: number; saved: number; ratio: number; lastRatio: number };

/** What the cache saves over a whole generation of `positions` positions, and at its last step. */
export function cacheSaving(config: GPTConfig, positions: number): CacheSaving {
  if (!(Number.isInteger(positions) && positions >= 1 && positions <= config.blockSize)) throw new RangeError(`positions must be in 1..${config.blockSize}`);
  const last = walkCosts(config, positions)[positions - 1];
  return {
    positions, cached: last.cachedTotal, uncached: last.uncachedTotal, saved: last.uncachedTotal - last.cachedTotal,
    ratio: last.uncachedTotal / last.cachedTotal, lastRatio: last.uncached / last.cached,
  };
}

/** The chart of generationCosts: one polyline per path, in SVG user units, with ticks. */
export type CostChart = {
  width: number; height: number; left: number; right: number; top: number; baseline: number;
  cached: string; uncached: string; xTicks: Tick[]; yTicks: Tick[];
  points: { pos: number; x: number; cachedY: number; uncachedY: number }[];
};

/** Lay the costs out as two lines against position. */
export function costChart(rows: readonly CostRow[], width: number, height: number): CostChart {
  const m = { top: 24, right: 12, bottom: 40, left: 56 };
  const x = scaleLinear().domain([0, Math.max(1, rows.length - 1)]).range([m.left, width - m.right]);
  const y = scaleLinear().domain([0, Math.max(1, ...rows.map((r) => r.uncached))]).nice(4).range([height - m.bottom, m.top]);
  const points = rows.map((r) => ({ pos: r.pos, x: x(r.pos), cachedY: y(r.cached), uncachedY: y(r.uncached) }));
  const line = (key: 'cachedY' | 'uncachedY') => points.map((p) => `${p.x.toFixed(1)},${p[key].toFixed(1)}`).join(' ');
  return {
    width, height, left: m.left, right: width - m.right, top: m.top, baseline: y(0),
    cached: line('cachedY'), uncached: line('uncachedY'),
    xTicks: linearTicks(x, Math.min(8, rows.length), { integers: true, label: int }),
    yTicks: linearTicks(y, 4, { integers: true, label: int }),
    points,
  };
}

/**
 * generate() without the KV cache: at every step the whole sequence so far is run again from
 * position 0, so no key or value computed at an earlier step is reused. The same draws in the
 * same order as generate(), so the same seed gives the same name. → the name's token ids
 */
export function generateWithoutCache(model: FastGPT, tokenizer: Tokenizer, rng: Random, o: SamplingOptions): number[] {
  const { blockSize, vocabSize } = model.config;
  const seq = [tokenizer.bos];
  for (let pos = 0; pos < blockSize; pos++) {
    for (let p = 0; p <= pos; p++) model.forward(seq[p], p); // every position again, not only the new one
    const token = sampleToken(model.logits.subarray(pos * vocabSize, (pos + 1) * vocabSize), o, rng);
    if (token === tokenizer.bos) break;
    seq.push(token);
  }
  return seq.slice(1);
}

/** Both paths timed in rounds: each path's median round, in ms, and every round's pair. */
export type Timing = { cached: number; uncached: number; rounds: { cached: number; uncached: number }[] };

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Time two pieces of work fairly: `rounds` rounds, each running both, the order alternating
 * (cached first in even rounds, uncached first in odd ones), so that neither path always pays
 * for a compiler warming up or a garbage collection the other caused; each path's time is the
 * median of its rounds. `now` is the clock (performance.now in the page).
 */
export function timeInRounds(cached: () => void, uncached: () => void, rounds: number, now: () => number): Timing {
  if (!(Number.isInteger(rounds) && rounds >= 1)) throw new RangeError('rounds must be a whole number, 1 or more');
  const time = (work: () => void) => { const t0 = now(); work(); return now() - t0; };
  const all = Array.from({ length: rounds }, (_, i) => {
    if (i % 2 === 0) { const c = time(cached); return { cached: c, uncached: time(uncached) }; }
    const u = time(uncached);
    return { cached: time(cached), uncached: u };
  });
  return { cached: median(all.map((r) => r.cached)), uncached: median(all.map((r) => r.uncached)), rounds: all };
}
