// The counting (bigram) model: the simplest next-token predictor there is. Count, over every
// document tokenized as microgpt does ([BOS, ...chars, BOS]), how often each token follows each
// other token; the probability of the next token is its share of the previous token's row.
// Chapter 7 uses its loss as the baseline the GPT has to beat; chapter 2 draws its counts.

import { presets } from '../../engine/config.ts';
import type { Random } from '../../engine/random.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';

/** Pair counts: counts[prev * vocabSize + next] = how often next follows prev. */
export type BigramCounts = { vocabSize: number; bos: number; counts: Float64Array };

/**
 * Count every adjacent pair (prev, next) of every document, tokenized as [BOS, ...chars, BOS].
 * All pairs are counted, however long the document (the shipped names are all shorter than
 * block_size, so this equals counting only the pairs training sees). Throws UnknownCharacterError
 * for a character outside the tokenizer's vocabulary.
 */
export function bigramCounts(docs: readonly string[], tokenizer: Tokenizer): BigramCounts {
  const V = tokenizer.vocabSize;
  const counts = new Float64Array(V * V);
  for (const doc of docs) {
    const tokens = tokenizer.encodeDocument(doc);
    for (let i = 0; i + 1 < tokens.length; i++) counts[tokens[i] * V + tokens[i + 1]]++;
  }
  return { vocabSize: V, bos: tokenizer.bos, counts };
}

/** How often next follows prev. */
export function pairCount(b: BigramCounts, prev: number, next: number): number {
  return b.counts[prev * b.vocabSize + next];
}

/** The smoothing microgpt's baseline uses: add one imagined sighting of every pair (Laplace). */
export const addOne = 1;

/** The add-k estimate of one probability: (count + k) / (rowTotal + k·V); a row with nothing in it (total and k both 0) is the uniform guess 1/V. */
export function smoothedProb(count: number, rowTotal: number, k: number, vocabSize: number): number {
  const denominator = rowTotal + k * vocabSize;
  return denominator > 0 ? (count + k) / denominator : 1 / vocabSize;
}

/**
 * p(next | prev) with add-k smoothing: (count(prev, next) + k) / (count(prev, ·) + k·V), where V is
 * the vocabulary size (BOS included). k = 1 (the default, add-one or Laplace smoothing) gives every
 * pair one imagined extra sighting, so no probability is exactly 0 and no loss is infinite; k = 0 is
 * the raw counts, where a pair never seen has probability 0. A row never seen is uniform, 1/V.
 */
export function bigramProbs(b: BigramCounts, prev: number, k: number = addOne): Float64Array {
  if (!(k >= 0) || !Number.isFinite(k)) throw new RangeError(`smoothing k must be a finite number ≥ 0, not ${k}`);
  const V = b.vocabSize;
  const row = new Float64Array(V);
  let total = 0;
  for (let j = 0; j < V; j++) total += b.counts[prev * V + j];
  for (let j = 0; j < V; j++) row[j] = smoothedProb(b.counts[prev * V + j], total, k, V);
  return row;
}

/** The whole table, add-k smoothed (add-one unless given), row by row: probs[prev][next]. */
export function bigramTable(b: BigramCounts, k: number = addOne): Float64Array[] {
  return Array.from({ length: b.vocabSize }, (_, prev) => bigramProbs(b, prev, k));
}

/** A name drawn from the counting model: its text, how many characters (tokens, so code points, not UTF-16 units) it has, and whether it was cut at maxLength characters before it drew BOS. */
export type BigramDraw = { text: string; length: number; cut: boolean };

/**
 * A name drawn from the counting model: start after BOS, draw each next token from the row of the
 * one before (rng.choice, the engine's draw for sampling, like random.choices), stop at BOS or
 * after maxLength characters. `table` is bigramTable(b, k) for the smoothing wanted.
 */
export function drawBigram(table: readonly Float64Array[], tokenizer: Tokenizer, rng: Random, maxLength: number = presets.microgpt.blockSize): BigramDraw {
  const ids: number[] = [];
  let prev = tokenizer.bos;
  while (ids.length < maxLength) {
    const next = rng.choice(table[prev]);
    if (next === tokenizer.bos) return { text: tokenizer.decode(ids), length: ids.length, cut: false };
    ids.push(next);
    prev = next;
  }
  return { text: tokenizer.decode(ids), length: ids.length, cut: true };
}

/** A name drawn from the add-k smoothed counting model (add-one unless given); see drawBigram. */
export function sampleBigram(b: BigramCounts, tokenizer: Tokenizer, rng: Random, maxLength: number = presets.microgpt.blockSize, k: number = addOne): string {
  return drawBigram(bigramTable(b, k), tokenizer, rng, maxLength).text;
}

/**
 * One document's loss under the counting model, exactly as microgpt's training loss is taken:
 * tokens = [BOS, ...chars, BOS], n = min(blockSize, tokens.length − 1) = min(blockSize, len + 1),
 * loss = (1/n) Σ_{i<n} −ln p(tokens[i+1] | tokens[i]).
 */
export function bigramDocumentLoss(table: readonly Float64Array[], tokens: readonly number[], blockSize: number): number {
  const n = Math.min(blockSize, tokens.length - 1);
  if (n < 1) throw new RangeError('a document needs at least two tokens (BOS on both sides)');
  let total = 0;
  for (let i = 0; i < n; i++) total -= Math.log(table[tokens[i]][tokens[i + 1]]);
  return total / n;
}

/**
 * The counting model's loss on evalDocs, measured the way microgpt measures its training loss:
 * for each evaluation document take its mean −ln p over its first n = min(block_size, len + 1)
 * targets (block_size from the engine's microgpt preset, 16, unless given), with p from `counts`
 * add-k smoothed (see bigramProbs); then average those per-document means over the documents (each
 * document weighs the same, as each training step does, not each character). Infinity when k = 0
 * and an evaluation document holds a pair never counted.
 */
export function countedLoss(
  counts: BigramCounts,
  evalDocs: readonly string[],
  tokenizer: Tokenizer,
  k: number = addOne,
  blockSize: number = presets.microgpt.blockSize,
): number {
  if (evalDocs.length === 0) throw new RangeError('the counting model\'s loss needs at least one evaluation document');
  const table = bigramTable(counts, k);
  let total = 0;
  for (const doc of evalDocs) total += bigramDocumentLoss(table, tokenizer.encodeDocument(doc), blockSize);
  return total / evalDocs.length;
}

/**
 * The counting model's loss on evalDocs with pairs counted on trainDocs, add-one smoothed: the
 * baseline chapters 2 and 7 quote and the live trainer draws (see countedLoss).
 */
export function bigramBaseline(
  trainDocs: readonly string[],
  evalDocs: readonly string[],
  tokenizer: Tokenizer,
  blockSize: number = presets.microgpt.blockSize,
  k: number = addOne,
): number {
  return countedLoss(bigramCounts(trainDocs, tokenizer), evalDocs, tokenizer, k, blockSize);
}

/** The documents split for a fair test: every tenth (index 9, 19, …) held out, the rest counted. */
export function holdOutEveryTenth<T>(docs: readonly T[]): { counted: T[]; heldOut: T[] } {
  return { counted: docs.filter((_, i) => i % 10 !== 9), heldOut: docs.filter((_, i) => i % 10 === 9) };
}

/**
 * The counting model's loss per character instead: −ln p summed over every target of every
 * evaluation document (all pairs, BOS at both ends, no block_size cut), divided by the number
 * of targets, so long documents weigh more. Not the training loss; bigramBaseline is.
 */
export function bigramLossPerToken(trainDocs: readonly string[], evalDocs: readonly string[], tokenizer: Tokenizer): number {
  const table = bigramTable(bigramCounts(trainDocs, tokenizer));
  let total = 0;
  let targets = 0;
  for (const doc of evalDocs) {
    const tokens = tokenizer.encodeDocument(doc);
    for (let i = 0; i + 1 < tokens.length; i++) total -= Math.log(table[tokens[i]][tokens[i + 1]]);
    targets += tokens.length - 1;
  }
  if (targets === 0) throw new RangeError('bigramLossPerToken needs at least one evaluation document');
  return total / targets;
}
