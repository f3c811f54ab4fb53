// The KV cache view's state at one position of a name: which rows of K and V are reused from
// the cache and which one is computed now, the colour of every number, and what the step
// costs. Pure; the widget steps `at` from 0 to the last position.

import type { GPTConfig } from '../../engine/config.ts';
import { fixed, int } from '../shared/format.ts';
import { walkCosts, type CostRow } from './kv-cost.ts';
import type { NameTrace } from './name-trace.ts';

/** A number's colour in a strip: the tone of its sign and how much of it (0–100), relative to the largest size shown. */
export type Shade = { tone: 'positive' | 'negative'; pct: number };

/** The shade of x when the largest size on show is `scale`. */
export function signedShade(x: number, scale: number): Shade {
  const pct = scale > 0 ? Math.round((100 * Math.min(Math.abs(x), scale)) / scale) : 0;
  return { tone: x < 0 ? 'negative' : 'positive', pct };
}

/** A vector drawn as a strip: its row label, its name in words, its role colour, and whether it is new at this step. */
export type VectorRow = { id: string; label: string; name: string; values: readonly number[]; role: 'query' | 'key' | 'value'; fresh?: boolean };

/** The largest |x| among the given vectors (0 for none): one scale for a whole figure, so strips compare. */
export function largestSize(vectors: readonly (readonly number[])[]): number {
  let m = 0;
  for (const v of vectors) for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/** One row of the cache: the key and value of position pos, new at this step or reused. */
export type CacheRow = { pos: number; label: string; k: number[]; v: number[]; fresh: boolean };

/** What the view shows at position `at` of a traced name. */
export type KvStep = {
  at: number;
  last: number;
  label: string;
  /** the query computed at this step */
  q: number[];
  rows: CacheRow[];
  cost: CostRow;
  /** the costs of every position, for the chart */
  costs: CostRow[];
};

/** The view at position at (clamped to the name) of a trace. */
export function kvStep(config: GPTConfig, trace: NameTrace, at: number): KvStep {
  const last = trace.positions.length - 1;
  const i = Math.max(0, Math.min(last, Math.round(at)));
  const costs = walkCosts(config, trace.positions.length);
  const rows = trace.positions.slice(0, i + 1).map((p, pos) => ({ pos, label: p.label, k: p.k, v: p.v, fresh: pos === i }));
  return { at: i, last, label: trace.positions[i].label, q: trace.positions[i].q, rows, cost: costs[i], costs };
}

/** What the live region says after a step. */
export function kvStepSaid(step: KvStep): string {
  const reused = step.rows.length - 1;
  const kept = reused === 0 ? 'the cache was empty' : `${reused} key${reused === 1 ? '' : 's'} and ${reused} value${reused === 1 ? '' : 's'} reused from the cache`;
  return `Position ${step.at}, ${step.label}: one new query, key and value; ${kept}. ` +
    `${int(step.cost.cached)} multiplications with the cache, ${int(step.cost.uncached)} without.`;
}

/** The line under the counts: how much more work the name so far takes without the cache. */
export function kvSaving(step: KvStep): string {
  if (step.at === 0) return 'At the first position nothing is saved yet: with or without the cache, it is one call of gpt().';
  return `Without the cache: ${fixed(step.cost.uncachedTotal / step.cost.cachedTotal, 2)} × the work so far, because each step runs gpt() again at positions 0 to ${step.at} to get their keys and values back.`;
}
