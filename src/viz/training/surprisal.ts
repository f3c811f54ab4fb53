// One document as a training step scores it: the tokens with BOS on both sides, and at each
// predicted position the input, the target, p(target) and the surprisal −ln p, plus their
// mean, which is the document's loss. Computed by the fast path's own loss(), so the mean
// is FastGPT.loss(tokens) to the last bit.

import type { FastGPT } from '../../engine/fast.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import type { Failed } from '../shared/problem.ts';
import { unknownProblem } from '../tokenizer/token-view.ts';

/** A typed name as training reads it: its tokens, how many positions are scored, and a note when some are not. */
export type DocumentCheck = { ok: true; name: string; tokens: number[]; scored: number; note: string } | Failed;

/** The number of predicted positions of a document of `tokens` tokens: min(blockSize, tokens − 1), as loss() counts. */
export function scoredPositions(blockSize: number, tokenCount: number): number {
  return Math.min(blockSize, tokenCount - 1);
}

/**
 * Check a typed name against the vocabulary, and say what the engine does with a name too
 * long for the block: it scores only the first blockSize positions and never sees the rest.
 */
export function checkDocument(tokenizer: Tokenizer, blockSize: number, text: string): DocumentCheck {
  const unknown = [...new Set(tokenizer.unknownCharacters(text).map((u) => u.char))];
  const problem = unknownProblem(tokenizer, unknown);
  if (problem) return { ok: false, problem };
  const tokens = tokenizer.encodeDocument(text);
  const scored = scoredPositions(blockSize, tokens.length);
  const letters = [...text].length;
  let note = '';
  if (letters === 0) note = 'An empty name is BOS, BOS: one position, where the model should say “end” straight away.';
  else if (scored < tokens.length - 1) {
    const missed = tokens.length - 1 - scored;
    note = `“${text}” has ${letters} letters, so ${tokens.length - 1} targets, but the loss counts at most ${blockSize} positions (block_size): ` +
      `the last ${missed === 1 ? 'target' : `${missed} targets`} (${missed === 1 ? 'the end' : 'the last letters and the end'}) ${missed === 1 ? 'is' : 'are'} never scored.`;
  }
  return { ok: true, name: text, tokens, scored, note };
}

/** One scored position: what went in, what should come out, the model's probability for it and −ln of it. */
export type SurprisalRow = { pos: number; input: string; target: string; p: number; surprisal: number };

/** A document's rows and their mean: plain numbers, so it can be a build-time prop. */
export type SurprisalView = { name: string; rows: SurprisalRow[]; mean: number };

/** Run the document through `model` (forward only) and read each position's probability of its target. */
export function surprisalView(model: FastGPT, tokenizer: Tokenizer, name: string, tokens: readonly number[]): SurprisalView {
  const mean = model.loss(tokens); // fills model.probs row by row for the scored positions
  const V = model.config.vocabSize;
  const n = scoredPositions(model.config.blockSize, tokens.length);
  const rows = Array.from({ length: n }, (_, pos): SurprisalRow => {
    const p = model.probs[pos * V + tokens[pos + 1]];
    return { pos, input: tokenizer.token(tokens[pos]), target: tokenizer.token(tokens[pos + 1]), p, surprisal: -Math.log(p) };
  });
  return { name, rows, mean };
}

/** The mean of the rows' surprisals, summed in order and scaled by 1/n as loss() does. */
export function meanSurprisal(rows: readonly SurprisalRow[]): number {
  let total = 0;
  for (const r of rows) total += r.surprisal;
  return total * (1 / rows.length);
}

/** A bar's height as a fraction of the tallest the chart allows (surprisals above `top` are clipped and marked). */
export function barFraction(surprisal: number, top: number): number {
  return Math.max(0, Math.min(1, surprisal / top));
}
