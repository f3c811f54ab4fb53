// Numbers chapter 5 quotes, computed by the engine when the site is built.

import { presets } from '../engine/config.ts';
import { attend } from '../viz/attention/attend.ts';
import { clampQuery, queryRange } from '../viz/attention/playground.ts';
import { spreadAt, spreadDims, spreadPairs, spreadSampleSize, rowLength } from '../viz/attention/score-spread.ts';
import { runningExample, toyStep } from '../viz/toy/walkthrough.ts';

const pairs = spreadPairs();
const spreads = spreadDims.map((d) => {
  const s = spreadAt(pairs, d);
  return { d, sdRaw: s.sdRaw, sdScaled: s.sdScaled, raw: s.rowsRaw, scaled: s.rowsScaled };
});
const spreadOf = (d: number) => spreads.find((s) => s.d === d)!;

const running = toyStep(runningExample);
const keys = running.cache.map((r) => r.key);
const vals = running.cache.map((r) => r.value);
const [k0, k1] = keys;
// a query perpendicular to k₀ − k₁ scores both keys the same; this one sits on the sliders' grid
const along = [-(k0[1] - k1[1]), k0[0] - k1[0]];
const stretch = 2;
const equalQuery = along.map((x) => clampQuery(stretch * x));
const equal = attend(equalQuery, keys, vals);

// the largest weight any query on the sliders can reach in the running example: softmax's top
// weight grows as the query goes further out, so it is enough to walk the square's edge
const { min, max } = queryRange;
const edge = Array.from({ length: 81 }, (_, i) => min + ((max - min) * i) / 80).flatMap((t) => [[t, min], [t, max], [min, t], [max, t]]);
const reach = Math.max(...edge.flatMap((q) => attend(q, keys, vals).weights));

/** The lookup and playground sections' numbers: the seeded score spreads, and the toy's head on the running example. */
export const lookupFacts = {
  sample: { ...spreadSampleSize, rowLength },
  dims: spreadDims,
  /** The largest d the widget offers. */
  largest: spreadDims[spreadDims.length - 1],
  spreads,
  spreadOf,
  /** The size of one head of the real model (n_embd / n_head), the d its scores are divided by the root of. */
  realHeadDim: presets.microgpt.nEmbd / presets.microgpt.nHead,
  /** The real model's width and number of heads. */
  realModel: { nEmbd: presets.microgpt.nEmbd, nHead: presets.microgpt.nHead },
  /** The running example's query, keys and values, and the head's scores and weights. */
  toy: { query: running.trace.layers[0].q, keys, values: vals, head: running.trace.layers[0].heads[0], headDim: running.trace.layers[0].q.length },
  /** The largest weight a query on the sliders reaches in the running example. */
  reach,
  /** Where the query gives keys 0 and 1 the same weight: perpendicular to k₀ − k₁. */
  equal: { difference: [k0[0] - k1[0], k0[1] - k1[1]], query: equalQuery, ...equal },
};
