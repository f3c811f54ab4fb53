// A name run through the real model the way training runs it: BOS and its letters, one gpt()
// call per position with one KV cache, at most block_size positions. Keeps what chapter 5's
// real-model widgets draw: each position's query, key and value, and every head's weights.

import { emptyCache, type ValueModel } from '../../engine/model.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import { tracedGpt } from '../../engine/trace.ts';
import type { Problem } from '../shared/problem.ts';
import { unknownProblem } from '../tokenizer/token-view.ts';

/** One position of the run: its token, its q, k, v [nEmbd], and each head's weights over positions 0..pos (of the first layer: microgpt has one). */
export type TracedPosition = { token: number; label: string; q: number[]; k: number[]; v: number[]; weights: number[][] };

/** A name's run: plain numbers, so it can be a build-time prop. */
export type NameTrace = { name: string; positions: TracedPosition[] };

/** What a typed name gives: the text the model will read, or the problem that stops it; a note when part is cut. */
export type NameCheck = { ok: true; name: string; note: string } | { ok: false; problem: Problem };

/**
 * Check a typed name against the vocabulary and the block size. Unknown characters are a
 * problem; a name too long for the block is cut, as training cuts it, and the note says so.
 */
export function checkName(tokenizer: Tokenizer, blockSize: number, text: string): NameCheck {
  const unknown = [...new Set(tokenizer.unknownCharacters(text).map((u) => u.char))];
  const problem = unknownProblem(tokenizer, unknown);
  if (problem) return { ok: false, problem };
  const letters = [...text];
  const room = blockSize - 1; // BOS takes the first position
  if (letters.length <= room) return { ok: true, name: text, note: '' };
  const kept = letters.slice(0, room).join('');
  return {
    ok: true,
    name: kept,
    note: `“${text}” has ${letters.length} letters, but microgpt reads at most ${blockSize} positions (block_size): BOS and the first ${room} letters, “${kept}”. Training cuts long names the same way, so that is what is shown.`,
  };
}

/** Run BOS + name through the model, one position at a time with one cache. The name must pass checkName. */
export function traceName(model: ValueModel, tokenizer: Tokenizer, name: string): NameTrace {
  const tokens = [tokenizer.bos, ...tokenizer.encode(name)].slice(0, model.config.blockSize);
  const keys = emptyCache(model.config);
  const values = emptyCache(model.config);
  const positions = tokens.map((token, pos): TracedPosition => {
    const layer = tracedGpt(model, token, pos, keys, values).trace.layers[0];
    const read = (xs: readonly { data: number }[]) => xs.map((x) => x.data);
    return { token, label: tokenizer.token(token), q: read(layer.q), k: read(layer.k), v: read(layer.v), weights: layer.heads.map((h) => read(h.weights)) };
  });
  return { name, positions };
}
