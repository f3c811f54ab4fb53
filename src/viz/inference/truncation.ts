// Greedy, top-k and top-p on a logit vector at temperature 1: the engine's samplingDistribution
// does the cut; here only the reading of its answer. A token is kept when the cut distribution
// gives it any probability; rows come in order of the original probabilities.

import { samplingDistribution, type SamplingOptions } from '../../engine/sample.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import { tokenLabel } from '../mlp/next-token.ts';
import { entropyBits } from './entropy.ts';
import { logitOrder } from './temperature.ts';

export const truncationModes = ['greedy', 'top-k', 'top-p'] as const;
export type TruncationMode = (typeof truncationModes)[number];

/** The sampling options a mode stands for, at temperature 1 (greedy: temperature 0). */
export function truncationOptions(mode: TruncationMode, k: number, p: number): SamplingOptions {
  if (mode === 'greedy') return { temperature: 0 };
  return mode === 'top-k' ? { temperature: 1, topK: k } : { temperature: 1, topP: p };
}

/** One row: a token, its probability before the cut, after it (0 when dropped), and whether it is kept. */
export type TruncationRow = { token: number; label: string; before: number; after: number; kept: boolean };

/** What a cut leaves: every token's row, most likely first, how many are kept, the mass they had before, the entropies. */
export type Truncation = { rows: TruncationRow[]; kept: number; keptMass: number; entropyBefore: number; entropyAfter: number };

/** The rows, the kept set and the entropies for one mode on a logit vector. */
export function truncate(tokenizer: Tokenizer, logits: ArrayLike<number>, o: SamplingOptions): Truncation {
  const before = samplingDistribution(logits, { temperature: 1 });
  const after = samplingDistribution(logits, o);
  const rows = logitOrder(logits).map((token) => ({ token, label: tokenLabel(tokenizer, token), before: before[token], after: after[token], kept: after[token] > 0 }));
  const kept = rows.filter((r) => r.kept);
  return {
    rows,
    kept: kept.length,
    keptMass: kept.reduce((s, r) => s + r.before, 0),
    entropyBefore: entropyBits(before),
    entropyAfter: entropyBits(after),
  };
}

/** How many tokens top-p keeps on a logit vector at temperature 1. */
export function topPCount(logits: ArrayLike<number>, p: number): number {
  return samplingDistribution(logits, { temperature: 1, topP: p }).filter((x) => x > 0).length;
}
