// The same step under both caches: the given (pinned) keys and values of positions 0 and 1,
// and the ones the model computes for them, side by side with what changes downstream.

import { subscript } from '../shared/format.ts';
import { pinnedPositions, toyLabel, toyStep, type ToyStep } from './walkthrough.ts';

/** One number under both caches, and the change: computed − given. */
export type CompareRow = { label: string; pinned: number; computed: number; diff: number };

/** Rows that belong together (one cache entry, the scores, the weights…), under a title. */
export type CompareGroup = { title: string; rows: CompareRow[] };

export type CacheComparison = {
  pinned: ToyStep;
  computed: ToyStep;
  /** First the earlier entries that can differ (k and v of positions 0 and 1, as far as the pick reaches), then what they change. */
  groups: CompareGroup[];
};

const row = (label: string, pinned: number, computed: number): CompareRow => ({ label, pinned, computed, diff: computed - pinned });
const pair = (name: string, a: readonly number[], b: readonly number[]) => [0, 1].map((j) => row(`${name}[${j}]`, a[j], b[j]));

/** Run the picked token at its position with both caches and line up what differs, one number a row. */
export function compareCaches(token: number, pos: number): CacheComparison {
  const pinned = toyStep({ token, pos, cache: 'pinned' });
  const computed = toyStep({ token, pos, cache: 'computed' });
  const groups: CompareGroup[] = [];
  for (let t = 0; t < Math.min(pos, pinnedPositions); t++) {
    const [p, c] = [pinned.cache[t], computed.cache[t]];
    groups.push({
      title: `cache row ${t} (${toyLabel(p.token)})`,
      rows: [...pair(`k${subscript(t)}`, p.key, c.key), ...pair(`v${subscript(t)}`, p.value, c.value)],
    });
  }
  const [hp, hc] = [pinned, computed].map((s) => s.trace.layers[0].heads[0]);
  const [lp, lc] = [pinned, computed].map((s) => s.trace.layers[0]);
  const who = (t: number) => toyLabel(pinned.cache[t].token);
  groups.push(
    { title: 'scores', rows: hp.scores.map((x, t) => row(`s${subscript(t)} ${who(t)}`, x, hc.scores[t])) },
    { title: 'weights', rows: hp.weights.map((x, t) => row(`w${subscript(t)} ${who(t)}`, x, hc.weights[t])) },
    { title: "the head's output", rows: pair('out', hp.out, hc.out) },
    { title: 'after W_o', rows: pair('a', lp.attnOut, lc.attnOut) },
    { title: 'the stream after the add', rows: pair('x', lp.afterAttn, lc.afterAttn) },
  );
  return { pinned, computed, groups };
}

/** How many earlier cache rows differ between the two caches (0 at position 0). */
export const differingRows = (c: CacheComparison) => c.groups.filter((g) => g.title.startsWith('cache row')).length;
