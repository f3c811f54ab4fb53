// Byte-pair encoding (BPE), the textbook's addition: microgpt itself tokenizes by character.
// BPE starts from those same characters and repeatedly glues the most frequent neighbouring
// pair of tokens into one new token, so common chunks of text cost one position instead of
// several. Production tokenizers learn ~100,000 merges on bytes; here we learn a few hundred
// on the names, enough to watch sequences get shorter while the vocabulary grows.
//
// Ids: 0..n-1 are the tokenizer's characters, n is BOS (unchanged), and the k-th merge
// (counting from 0) creates token id n+1+k. So the vocabulary after k merges has n+1+k tokens.
//
// Tie rule: when several pairs are equally frequent, the one whose left token's text sorts
// first wins, then the one whose right token's text sorts first (plain string order).
// Within a word, a merge replaces occurrences left to right without overlap ("aaa" with the
// merge a+a becomes "aa","a").

import { Tokenizer } from '../tokenizer.ts';

/** One learned merge: tokens `left` and `right` become token `id`, whose text is `text`. */
export type Merge = {
  left: number;
  right: number;
  id: number;
  text: string;
  /** How many times the pair occurred in the documents when it was merged. */
  count: number;
};

/** What BPE learned on a set of documents. */
export type Bpe = {
  tokenizer: Tokenizer;
  /** In the order learned; encoding applies them in this order. */
  merges: Merge[];
  /** Text of every id: the characters, "BOS", then each merge's text. */
  texts: string[];
  /** totals[k]: tokens in all documents (without BOS) after the first k merges; length merges+1. */
  totals: number[];
  /** Number of documents learned from. */
  documents: number;
};

// a pair of ids as one number (ids stay far below 2^20)
const PAIR = 1 << 20;
const pairKey = (a: number, b: number) => a * PAIR + b;

// #region bpe-merge
/** Replace every non-overlapping (left, right) in ids, scanning left to right, by id. */
export function applyMerge(ids: readonly number[], left: number, right: number, id: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (i + 1 < ids.length && ids[i] === left && ids[i + 1] === right) {
      out.push(id);
      i++; // the right half is consumed
    } else {
      out.push(ids[i]);
    }
  }
  return out;
}
// #endregion bpe-merge

/** Add `sign` times each adjacent pair of ids to counts (zero counts are deleted). */
function countPairs(counts: Map<number, number>, ids: readonly number[], sign: 1 | -1): void {
  for (let i = 0; i + 1 < ids.length; i++) {
    const key = pairKey(ids[i], ids[i + 1]);
    const c = (counts.get(key) ?? 0) + sign;
    if (c === 0) counts.delete(key);
    else counts.set(key, c);
  }
}

/** The most frequent pair under the tie rule, or null if no pair occurs. */
function bestPair(counts: Map<number, number>, texts: readonly string[]): [number, number, number] | null {
  let best: [number, number, number] | null = null;
  for (const [key, count] of counts) {
    const a = Math.floor(key / PAIR);
    const b = key - a * PAIR;
    if (best === null || count > best[2]) {
      best = [a, b, count];
    } else if (count === best[2]) {
      const [ba, bb] = best;
      const byLeft = texts[a] < texts[ba] ? -1 : texts[a] > texts[ba] ? 1 : 0;
      if (byLeft < 0 || (byLeft === 0 && texts[b] < texts[bb])) best = [a, b, count];
    }
  }
  return best;
}

// #region bpe-learn
/**
 * Learn up to `maxMerges` merges on docs (stops early when no pair is left).
 * Pair counts are kept up to date incrementally: only documents that contain the chosen
 * pair are re-counted, so each merge costs one pass over the documents' ids.
 */
export function learnBpe(docs: readonly string[], maxMerges: number, tokenizer = Tokenizer.fromDocuments(docs)): Bpe {
  const words = docs.map((d) => tokenizer.encode(d)); // [doc][token ids]
  const texts = [...tokenizer.chars, 'BOS'];
  const counts = new Map<number, number>(); // pairKey → occurrences in all docs
  for (const w of words) countPairs(counts, w, 1);
  let total = words.reduce((sum, w) => sum + w.length, 0);
  const merges: Merge[] = [];
  const totals = [total];

  while (merges.length < maxMerges) {
    const best = bestPair(counts, texts);
    if (best === null) break;
    const [left, right, count] = best;
    const id = texts.length;
    texts.push(texts[left] + texts[right]);
    merges.push({ left, right, id, text: texts[id], count });
    for (let d = 0; d < words.length; d++) {
      const w = words[d];
      if (!containsPair(w, left, right)) continue;
      countPairs(counts, w, -1);
      const merged = applyMerge(w, left, right, id);
      countPairs(counts, merged, 1);
      total -= w.length - merged.length;
      words[d] = merged;
    }
    totals.push(total);
  }
  return { tokenizer, merges, texts, totals, documents: docs.length };
}
// #endregion bpe-learn

function containsPair(ids: readonly number[], left: number, right: number): boolean {
  for (let i = 0; i + 1 < ids.length; i++) if (ids[i] === left && ids[i + 1] === right) return true;
  return false;
}

// #region bpe-encode
/**
 * Token ids of a text (without BOS) using the first `numMerges` merges, applied in the
 * order they were learned. Throws UnknownCharacterError like Tokenizer.encode.
 */
export function bpeEncode(bpe: Bpe, text: string, numMerges = bpe.merges.length): number[] {
  let ids = bpe.tokenizer.encode(text);
  for (const m of bpe.merges.slice(0, numMerges)) ids = applyMerge(ids, m.left, m.right, m.id);
  return ids;
}
// #endregion bpe-encode

/** Text of ids under a learned BPE; BOS is dropped, like Tokenizer.decode. */
export function bpeDecode(bpe: Bpe, ids: readonly number[]): string {
  return ids.filter((id) => id !== bpe.tokenizer.bos).map((id) => {
    const t = bpe.texts[id];
    if (t === undefined) throw new RangeError(`token id ${id} is outside 0..${bpe.texts.length - 1}`);
    return t;
  }).join('');
}

/** Average tokens per document (without BOS) after the first k merges. */
export function averageTokens(bpe: Bpe, k: number): number {
  return bpe.documents === 0 ? 0 : bpe.totals[Math.min(k, bpe.totals.length - 1)] / bpe.documents;
}
