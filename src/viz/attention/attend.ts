// One attention head on plain numbers, computed with the engine's own pieces, in the order
// model.ts computes them (region attn-heads): scores q·k/√d, softmax, then the weighted sum of
// the values. The playground calls it on a query the reader moves; with weights given
// (one-hot, say), it skips the scores and mixes the values with those weights instead.

import { dot, softmax } from '../../engine/nn.ts';
import { Value, sum } from '../../engine/value.ts';

/** What one head makes of a query: scores [t], weights [t], output [d]. */
export type Attended = { scores: number[]; weights: number[]; output: number[] };

const values = (xs: readonly number[]) => xs.map((x) => new Value(x));

/** Mix the value rows with the weights: Σₜ wₜ·vₜ, one sum per dimension. [t], [t][d] → [d] */
function mix(weights: readonly Value[], rows: readonly (readonly Value[])[]): number[] {
  return rows[0].map((_, j) => sum(weights.map((w, t) => w.mul(rows[t][j]))).data);
}

/**
 * Attend with `query` over the rows of keys and values ([t][d] each). `weights`, when given,
 * replace softmax's (the scores are still computed, to show them).
 */
export function attend(query: readonly number[], keys: readonly (readonly number[])[], vals: readonly (readonly number[])[], weights?: readonly number[]): Attended {
  const q = values(query);
  const scores = keys.map((k) => dot(q, values(k)).div(Math.sqrt(query.length)));
  const ws = weights ? values(weights) : softmax(scores);
  return { scores: scores.map((s) => s.data), weights: ws.map((w) => w.data), output: mix(ws, vals.map(values)) };
}

/** Weights that put everything on position `at` of t positions: 1 there, 0 elsewhere. */
export const oneHot = (t: number, at: number): number[] => Array.from({ length: t }, (_, i) => (i === at ? 1 : 0));
