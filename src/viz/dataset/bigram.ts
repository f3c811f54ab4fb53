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

/**
 * p(next | prev) with add-one (Laplace) smoothing: (count(prev, next) + 1) / (count(prev, ·) + V),
 * where V is the vocabulary size (BOS included). Every pair gets one imagined extra sighting, so
 * no probability is exactly 0 and no loss is infinite; a row never seen becomes uniform, 1/V.
 */
export function bigramProbs(b: BigramCounts, prev: number): Float64Array {
  const V = b.vocabSize;
  const row = new Float64Array(V);
  let total = 0;
  for (let j = 0; j < V; j++) total += b.counts[prev * V + j];
  for (let j = 0; j < V; j++) row[j] = (b.counts[prev * V + j] + 1) / (total + V);
  return row;
}

/** The whole smoothed table, row by row: probs[prev][next]. */
export function bigramTable(b: BigramCounts): Float64Array[] {
  return Array.from({ length: b.vocabSize }, (_, prev) => bigramProbs(b, prev));
}

/**
 * A name drawn from the counting model: start after BOS, draw each next token from the smoothed
 * row of the one before (rng.choice, like random.choices), stop at BOS or after maxLength characters.
 */
export function sampleBigram(b: BigramCounts, tokenizer: Tokenizer, rng: Random, maxLength: number = presets.microgpt.blockSize): string {
  const ids: number[] = [];
  let prev = b.bos;
  while (ids.length < maxLength) {
    const next = rng.choice(bigramProbs(b, prev));
    if (next === b.bos) break;
    ids.push(next);
    prev = next;
  }
  return tokenizer.decode(ids);
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
 * count pairs on trainDocs (add-one smoothed, see bigramProbs); for each evaluation document take
 * its mean −ln p over its first n = min(block_size, len + 1) targets (block_size from the engine's
 * microgpt preset, 16, unless given); then average those per-document means over the documents
 * (each document weighs the same, as each training step does, not each character).
 */
export function bigramBaseline(
  trainDocs: readonly string[],
  evalDocs: readonly string[],
  tokenizer: Tokenizer,
  blockSize: number = presets.microgpt.blockSize,
): number {
  if (evalDocs.length === 0) throw new RangeError('bigramBaseline needs at least one evaluation document');
  const table = bigramTable(bigramCounts(trainDocs, tokenizer));
  let total = 0;
  for (const doc of evalDocs) total += bigramDocumentLoss(table, tokenizer.encodeDocument(doc), blockSize);
  return total / evalDocs.length;
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
