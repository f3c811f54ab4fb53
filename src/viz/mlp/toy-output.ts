// The toy's output end for one picked step, arranged for reading: one logit per token from
// lm_head, softmax into probabilities, and the loss of a chosen target, each written out with
// the actual numbers. Logits and probabilities come from the engine; the exponentials shown
// in the softmax line are the same arithmetic written out (the engine subtracts the largest
// logit first, which changes every exponential but none of the ratios).

import { fixed } from '../shared/format.ts';
import { lossOf } from './next-token.ts';
import { dotText } from './toy-mlp.ts';

/** One row of the output: a token, its lm_head row, its logit, e^logit, its probability. */
export type OutputRow = { token: number; label: string; row: readonly number[]; logit: number; exp: number; p: number };

/** The rows of the output for every token, in vocabulary order. */
export function outputRows(labels: readonly string[], lmHead: readonly (readonly number[])[], logits: readonly number[], probs: readonly number[]): OutputRow[] {
  return labels.map((label, token) => ({ token, label, row: lmHead[token], logit: logits[token], exp: Math.exp(logits[token]), p: probs[token] }));
}

/** A row's logit line: "logit(a) = −0.20·(−0.34) + 0.40·1.66 = 0.73". */
export function logitLine(r: OutputRow, output: readonly number[]): string {
  return `logit(${r.label}) = ${dotText(r.row, output)} = ${fixed(r.logit)}`;
}

/** The softmax's denominator written out: "e^0.06 + e^0.73 + e^−0.67 + e^1.03 = 6.45". */
export function denominatorText(rows: readonly OutputRow[]): string {
  const total = rows.reduce((s, r) => s + r.exp, 0);
  return `${rows.map((r) => `e^${fixed(r.logit)}`).join(' + ')} = ${fixed(total)}`;
}

/** A row's probability line: "p(a) = e^0.73 / 6.45 = 2.08 / 6.45 = 0.322". */
export function probabilityLine(r: OutputRow, rows: readonly OutputRow[]): string {
  const total = rows.reduce((s, x) => s + x.exp, 0);
  return `p(${r.label}) = e^${fixed(r.logit)} / ${fixed(total)} = ${fixed(r.exp)} / ${fixed(total)} = ${fixed(r.p, 3)}`;
}

/** The loss of a target, −ln p, natural log as the engine: "loss = −ln p(c) = −ln 0.434 = 0.835". */
export function lossLine(label: string, p: number): string {
  return `loss = −ln p(${label}) = −ln ${fixed(p, 3)} = ${fixed(lossOf(p), 3)}`;
}

/** The target the toy's running example is scored on: the toy name being read is "abc", so after b comes c. */
export const runningTarget = 3;
