// The training objective: how surprised the model is by each next token of a document (a name).

import type { ValueModel } from './model.ts';
import { emptyCache } from './model.ts';
import { softmax } from './nn.ts';
import type { ForwardTrace } from './trace.ts';
import { tracedGpt } from './trace.ts';
import { Value, sum } from './value.ts';

/** One position of a document's loss: what went in, what should come out, and how likely the model found it. */
export type PositionLoss = { pos: number; token: number; target: number; probs: Value[]; loss: Value; trace: ForwardTrace };

/** A document's mean loss and every position that went into it. */
export type DocumentLoss = { loss: Value; positions: PositionLoss[] };

// #region loss
/**
 * Mean cross-entropy of a tokenized document [BOS, ...chars, BOS] on the Value path:
 * at each position the model predicts the next token; the loss is −log p(that token).
 */
export function documentLoss(model: ValueModel, tokens: readonly number[]): DocumentLoss {
  const n = Math.min(model.config.blockSize, tokens.length - 1);
  if (n < 1) throw new RangeError('a document needs at least two tokens (BOS on both sides)');
  const keys = emptyCache(model.config);
  const values = emptyCache(model.config);
  const positions: PositionLoss[] = [];
  for (let pos = 0; pos < n; pos++) {
    const token = tokens[pos];
    const target = tokens[pos + 1];
    const { logits, trace } = tracedGpt(model, token, pos, keys, values);
    const probs = softmax(logits);
    const loss = probs[target].log().neg();
    positions.push({ pos, token, target, probs, loss, trace });
  }
  const loss = sum(positions.map((p) => p.loss)).mul(1 / n);
  return { loss, positions };
}
// #endregion loss
