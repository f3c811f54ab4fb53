// The same step under both caches: the given (pinned) keys and values of positions 0 and 1,
// and the ones the model computes for them, side by side with what changes downstream.

import { subscript } from '../shared/format.ts';
import { pinnedPositions, toyLabel, toyStep, type ToyStep } from './walkthrough.ts';

/** One number under both caches. */
export type CompareRow = { label: string; pinned: number; computed: number; diff: number };

/** One earlier cache entry under both caches (only the ones the plan gives can differ). */
export type CacheEntryPair = { label: string; pinned: readonly number[]; computed: readonly number[] };

export type CacheComparison = {
  pinned: ToyStep;
  computed: ToyStep;
  /** The earlier entries that differ: k and v of positions 0 and 1, as far as the pick reaches. */
  entries: CacheEntryPair[];
  /** Scores, weights, the head's output, W_o's output and the stream after the residual add. */
  rows: CompareRow[];
};

/** Run the picked token at its position with both caches and line up what differs. */
export function compareCaches(token: number, pos: number): CacheComparison {
  const pinned = toyStep({ token, pos, cache: 'pinned' });
  const computed = toyStep({ token, pos, cache: 'computed' });
  const entries: CacheEntryPair[] = [];
  for (let t = 0; t < Math.min(pos, pinnedPositions); t++) {
    const who = `${toyLabel(pinned.cache[t].token)} at ${t}`;
    entries.push({ label: `k${subscript(t)} (${who})`, pinned: pinned.cache[t].key, computed: computed.cache[t].key });
    entries.push({ label: `v${subscript(t)} (${who})`, pinned: pinned.cache[t].value, computed: computed.cache[t].value });
  }
  const rows: CompareRow[] = [];
  const add = (label: string, a: number, b: number) => rows.push({ label, pinned: a, computed: b, diff: b - a });
  const [hp, hc] = [pinned, computed].map((s) => s.trace.layers[0].heads[0]);
  const [lp, lc] = [pinned, computed].map((s) => s.trace.layers[0]);
  hp.scores.forEach((x, t) => add(`score s${subscript(t)}`, x, hc.scores[t]));
  hp.weights.forEach((x, t) => add(`weight w${subscript(t)}`, x, hc.weights[t]));
  [0, 1].forEach((j) => add(`head out[${j}]`, hp.out[j], hc.out[j]));
  [0, 1].forEach((j) => add(`W_o out a[${j}]`, lp.attnOut[j], lc.attnOut[j]));
  [0, 1].forEach((j) => add(`stream x[${j}]`, lp.afterAttn[j], lc.afterAttn[j]));
  return { pinned, computed, entries, rows };
}
