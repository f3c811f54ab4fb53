// The trained model's guess at the next token after a prefix: BOS and the prefix run through
// gpt() one position at a time, with one KV cache, and the last position's logits turned into
// probabilities. Then the same 27 probabilities sorted for the chart, BOS named as the end of
// the name, and what a typed key picks as the target.

import { emptyCache, gpt, type ValueModel } from '../../engine/model.ts';
import { softmax } from '../../engine/nn.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import { prefixProblem } from '../home/name-prefix.ts';

/** The probability of every token coming next after `prefix`, in id order [vocabSize]. Throws on a prefix prefixProblem() rejects. */
export function nextTokenProbs(model: ValueModel, tokenizer: Tokenizer, prefix: string): number[] {
  const problem = prefixProblem(tokenizer, model.config.blockSize, prefix);
  if (problem) throw new RangeError(problem);
  const tokens = [tokenizer.bos, ...tokenizer.encode(prefix)];
  const keys = emptyCache(model.config);
  const values = emptyCache(model.config);
  let logits = gpt(model, tokens[0], 0, keys, values);
  for (let pos = 1; pos < tokens.length; pos++) logits = gpt(model, tokens[pos], pos, keys, values);
  return softmax(logits).map((p) => p.data);
}

/** One bar of the chart: a token, how it is labelled, its probability. */
export type RankedToken = { token: number; label: string; p: number };

/** A token's label for the reader: its letter, or "end" for BOS (as a next token, BOS ends the name). */
export function tokenLabel(tokenizer: Tokenizer, token: number): string {
  return token === tokenizer.bos ? 'end' : tokenizer.token(token);
}

/** The tokens from most to least likely; ties keep id order. */
export function rankTokens(tokenizer: Tokenizer, probs: readonly number[]): RankedToken[] {
  return probs
    .map((p, token) => ({ token, label: tokenLabel(tokenizer, token), p }))
    .sort((a, b) => b.p - a.p || a.token - b.token);
}

/** The target a key stands for: a letter of the vocabulary (either case), or null. */
export function targetForKey(tokenizer: Tokenizer, key: string): number | null {
  if ([...key].length !== 1) return null;
  const id = tokenizer.chars.indexOf(key.toLowerCase());
  return id < 0 ? null : id;
}

/** −ln p: the loss when `p` is the probability the model gave the true next token. */
export const lossOf = (p: number) => -Math.log(p);
