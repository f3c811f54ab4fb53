// Why attention divides its scores by √d: dot products of random vectors with unit-variance
// entries spread out like √d as the dimension d grows, and softmax turns a row of widely spread
// scores into nearly one-hot weights. Sampled with the engine's seeded Random, so the picture and
// the numbers the prose quotes are the same on every build.

import { Random } from '../../engine/random.ts';
import { softmax } from '../../engine/nn.ts';
import { Value } from '../../engine/value.ts';

/** The dimensions the reader can pick: powers of two from 1 to 256. */
export const spreadDims = [1, 2, 4, 8, 16, 32, 64, 128, 256] as const;

/** How many query–key pairs are drawn, and from which seed. */
export const spreadSampleSize = { count: 1024, seed: 42 } as const;

/** How many scores make a row that softmax turns into weights (as if a query met 8 keys): the sample is 128 such rows. */
export const rowLength = 8;

/** Query and key entries of every pair, [count][maxD] each: a smaller d reads the first d entries. */
export type SpreadPairs = { q: number[][]; k: number[][] };

/** Draw `count` pairs of vectors with maxD Gaussian N(0, 1) entries from the seeded generator. */
export function drawPairs(count: number, maxD: number, seed: number): SpreadPairs {
  const random = new Random(seed);
  const draw = () => Array.from({ length: maxD }, () => random.gauss());
  const q: number[][] = [];
  const k: number[][] = [];
  for (let i = 0; i < count; i++) {
    q.push(draw());
    k.push(draw());
  }
  return { q, k };
}

/** The dot product of every pair over its first d entries: the raw scores q·k. [count] */
export function scoresAt(pairs: SpreadPairs, d: number): number[] {
  return pairs.q.map((q, i) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += q[j] * pairs.k[i][j];
    return s;
  });
}

/** The standard deviation of xs around their mean, dividing by n (the spread of this sample itself). */
export function standardDeviation(xs: readonly number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
}

/** What softmax makes of one row of scores: the weights, the largest one, and how fast it moves with its own score. */
export type SoftmaxRow = { scores: number[]; weights: number[]; top: number; topWeight: number; topSlope: number };

/**
 * Softmax of a row of scores by the engine, and ∂(top weight)/∂(its score) by the engine's
 * backward pass: p(1 − p), which is near 0 when the weights are nearly one-hot, so training
 * barely moves those scores any more.
 */
export function softmaxRow(scores: readonly number[]): SoftmaxRow {
  const xs = scores.map((s) => new Value(s));
  const ws = softmax(xs);
  const weights = ws.map((w) => w.data);
  const top = weights.indexOf(Math.max(...weights));
  ws[top].backward();
  return { scores: [...scores], weights, top, topWeight: weights[top], topSlope: xs[top].grad };
}

/** Softmax of every row of a sample's scores: the first row to draw, and the averages over all rows. */
export type RowsSummary = { first: SoftmaxRow; meanTopWeight: number; meanTopSlope: number };

/** Cut scores into rows of rowLength, softmax each, and average the largest weight and its slope. */
export function softmaxRows(scores: readonly number[]): RowsSummary {
  const rows: SoftmaxRow[] = [];
  for (let i = 0; i + rowLength <= scores.length; i += rowLength) rows.push(softmaxRow(scores.slice(i, i + rowLength)));
  const mean = (f: (r: SoftmaxRow) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  return { first: rows[0], meanTopWeight: mean((r) => r.topWeight), meanTopSlope: mean((r) => r.topSlope) };
}

/** The scores of one dimension, raw and divided by √d, with their spreads and what softmax makes of their rows. */
export type SpreadAt = {
  d: number;
  raw: number[];
  scaled: number[];
  sdRaw: number;
  sdScaled: number;
  rowsRaw: RowsSummary;
  rowsScaled: RowsSummary;
};

/** The sample's scores at dimension d, with and without the division by √d. */
export function spreadAt(pairs: SpreadPairs, d: number): SpreadAt {
  const raw = scoresAt(pairs, d);
  const scaled = raw.map((s) => s / Math.sqrt(d));
  return {
    d,
    raw,
    scaled,
    sdRaw: standardDeviation(raw),
    sdScaled: standardDeviation(scaled),
    rowsRaw: softmaxRows(raw),
    rowsScaled: softmaxRows(scaled),
  };
}

/** The page's sample: the seeded pairs for the largest dimension the reader can pick. */
export const spreadPairs = (): SpreadPairs => drawPairs(spreadSampleSize.count, spreadDims[spreadDims.length - 1], spreadSampleSize.seed);
