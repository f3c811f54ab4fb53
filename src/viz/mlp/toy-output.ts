// The toy's output end for one picked step, arranged for reading: one logit per token from
// lm_head, softmax into probabilities, and the loss of a chosen target, each written out with
// the actual numbers. Logits and probabilities come from the engine; the exponentials shown
// in the softmax line are the same arithmetic written out (the engine subtracts the largest
// logit first, which changes every exponential but none of the ratios).

import { fixed } from '../shared/format.ts';
import { lossOf } from './next-token.ts';
import type { LinePart } from './line-parts.ts';
import { dotText, eq, workedDecimals } from './toy-mlp.ts';

/** One row of the output: a token, its lm_head row, its logit, e^logit, its probability. */
export type OutputRow = { token: number; label: string; row: readonly number[]; logit: number; exp: number; p: number };

/** The rows of the output for every token, in vocabulary order. */
export function outputRows(labels: readonly string[], lmHead: readonly (readonly number[])[], logits: readonly number[], probs: readonly number[]): OutputRow[] {
  return labels.map((label, token) => ({ token, label, row: lmHead[token], logit: logits[token], exp: Math.exp(logits[token]), p: probs[token] }));
}

const worked = (x: number) => fixed(x, workedDecimals);
const expSum = (rows: readonly OutputRow[]) => rows.reduce((s, r) => s + r.exp, 0);

/** A row's logit line: "logit(a) = −0.20·(−0.3469) + 0.40·1.6540 = 0.7310". */
export function logitLine(r: OutputRow, output: readonly number[]): string {
  return `logit(${r.label})${eq}${dotText(r.row, output)}${eq}${worked(r.logit)}`;
}

/** The softmax's denominator written out: "sum = e^0.0612 + e^0.7310 + e^−0.6700 + e^1.0300 = 6.4567". */
export function denominatorParts(rows: readonly OutputRow[]): LinePart[] {
  const terms = rows.flatMap((r, i): LinePart[] => (i === 0 ? [{ exp: worked(r.logit) }] : [' + ', { exp: worked(r.logit) }]));
  return [`sum${eq}`, ...terms, `${eq}${worked(expSum(rows))}`];
}

/** A row's probability line: "p(a) = e^0.7310 / 6.4567 = 2.0772 / 6.4567 = 0.3217". */
export function probabilityParts(r: OutputRow, rows: readonly OutputRow[]): LinePart[] {
  const total = worked(expSum(rows));
  return [`p(${r.label})${eq}`, { exp: worked(r.logit) }, ` / ${total}${eq}${worked(r.exp)} / ${total}${eq}${worked(r.p)}`];
}

/** The loss of a target, −ln p, natural log as the engine: "loss = −ln p(c) = −ln 0.4340 = 0.8347". */
export function lossLine(label: string, p: number): string {
  return `loss${eq}−ln p(${label})${eq}−ln ${worked(p)}${eq}${worked(lossOf(p))}`;
}

/** The target the toy's running example is scored on: the toy name being read is "abc", so after b comes c. */
export const runningTarget = 3;
