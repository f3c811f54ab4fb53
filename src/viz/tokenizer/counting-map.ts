// Chapter 2's counting model as a heat map: one cell per (previous token, next token) pair,
// shaded by how often the pair occurs (d3-scale, square root, so rare pairs still show), with
// the sentence a reader hears or sees for it. Pure layout: the widget draws the cells with CSS.

import { scaleSqrt } from 'd3-scale';
import { Random } from '../../engine/random.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import { bigramCounts, bigramTable, countedLoss, drawBigram, holdOutEveryTenth, type BigramCounts, type BigramDraw } from '../dataset/bigram.ts';
import { displayChar } from '../dataset/dataset-stats.ts';
import { fixed, int } from '../shared/format.ts';
import { charName } from './token-view.ts';

/** The widget's settings: smoothing k from 0 to max in steps, the seed and how many names are drawn. */
export const countingSettings = { k: { min: 0, max: 10, step: 0.1, initial: 1 }, seed: 42, samples: 10 } as const;

/** The largest vocabulary (BOS included) drawn as a heat map: past it, (V × V) cells are too many to draw or to read. */
export const maxDrawnVocab = 64;

/** One cell of the map. `mix` is the share (0–100 %) of the heat colour. */
export type CountCell = { prev: number; next: number; count: number; p: number; mix: number; said: string };

/** The map: its labels (one short mark per token, BOS as "•"), the cells [prev][next], the largest count. */
export type CountingMap = { size: number; labels: string[]; cells: CountCell[][]; max: number };

/** How a token is written in sentences and heard by a screen reader: “a”, the space, the invisible character U+200B, or BOS (chapter 1's names, charName). */
export function tokenWord(texts: readonly string[], id: number, bos: number): string {
  return id === bos ? 'BOS' : charName(texts[id]);
}

/** The mark on the map's edges and in the table's headers: the character as chapter 1 shows it (␣, ⇥, U+200B…, displayChar), or • for BOS. */
export function tokenMark(texts: readonly string[], id: number, bos: number): string {
  return id === bos ? '•' : displayChar(texts[id]);
}

/** A probability as the readout says it: three significant digits, trailing zeros kept (0.300, 0.0556); 0 as 0. */
export function probText(p: number): string {
  return p === 0 ? '0' : p.toPrecision(3);
}

/** One cell in words: after “a”, “n” follows 1,234 times (p = 0.160). BOS is named as the start or the end of a name. */
export function pairSentence(texts: readonly string[], bos: number, prev: number, next: number, count: number, p: number): string {
  const before = prev === bos ? 'BOS (the start of a name)' : tokenWord(texts, prev, bos);
  const after = next === bos ? 'BOS (the end of the name)' : tokenWord(texts, next, bos);
  return `after ${before}, ${after} follows ${int(count)} ${count === 1 ? 'time' : 'times'} (p = ${probText(p)})`;
}

/** What a drawn name that reached the context without BOS says about its length, in characters (code points, as the tokens count them). */
export function cutNote(draw: BigramDraw): string {
  return `(cut at ${int(draw.length)} ${draw.length === 1 ? 'character' : 'characters'})`;
}

/** One step of the colour key: a count and its share of the heat colour. */
export type ShadeStep = { count: number; mix: number };

/** The heat map's shading, square root of the count over the largest (d3-scale), as a share 0–100 of the heat colour. */
function shadeOf(max: number): (count: number) => number {
  const scale = scaleSqrt().domain([0, max || 1]).range([0, 100]).clamp(true);
  return (count) => Math.round(scale(count));
}

/** The colour key under the map: 1, then the powers of ten below the largest count, then the largest count itself (0 has its own mark). */
export function shadeKey(max: number): ShadeStep[] {
  const shade = shadeOf(max);
  const counts: number[] = [];
  for (let c = 1; c < max; c *= 10) counts.push(c);
  if (max > 0) counts.push(max);
  return counts.map((count) => ({ count, mix: shade(count) }));
}

/** Lay out the counts as a heat map, with probabilities add-k smoothed. `texts` names every id (the characters, then BOS). */
export function countingMap(b: BigramCounts, texts: readonly string[], k: number): CountingMap {
  const V = b.vocabSize;
  let max = 0;
  for (const c of b.counts) max = Math.max(max, c);
  const shade = shadeOf(max);
  const table = bigramTable(b, k);
  const cells = table.map((row, prev) =>
    Array.from(row, (p, next): CountCell => {
      const count = b.counts[prev * V + next];
      return { prev, next, count, p, mix: shade(count), said: pairSentence(texts, b.bos, prev, next, count, p) };
    }),
  );
  return { size: V, labels: texts.map((_, id) => tokenMark(texts, id, b.bos)), cells, max };
}

/** The counting model of one dataset: its pair counts on every document, and on the nine tenths kept for a held-out test. */
export type CountingModel = {
  tokenizer: Tokenizer;
  docs: readonly string[];
  counts: BigramCounts;
  /** counts of the documents not held out, and the held-out documents (none for a dataset under ten documents) */
  counted: BigramCounts;
  heldOut: readonly string[];
};

/** Count a dataset for the widget. */
export function countingModel(docs: readonly string[], tokenizer: Tokenizer): CountingModel {
  const split = holdOutEveryTenth(docs);
  return { tokenizer, docs, counts: bigramCounts(docs, tokenizer), counted: bigramCounts(split.counted, tokenizer), heldOut: split.heldOut };
}

/** The two losses the widget shows for smoothing k: on every document (all counted), and on the held-out tenth (null when there is none). */
export function countingLosses(m: CountingModel, k: number): { all: number; heldOut: number | null } {
  return {
    all: countedLoss(m.counts, m.docs, m.tokenizer, k),
    heldOut: m.heldOut.length ? countedLoss(m.counted, m.heldOut, m.tokenizer, k) : null,
  };
}

/** `count` names drawn one after another from one Random(seed), each from the add-k smoothed table. */
export function countingSamples(b: BigramCounts, tokenizer: Tokenizer, k: number, seed: number, count: number = countingSettings.samples): BigramDraw[] {
  const table = bigramTable(b, k);
  const rng = new Random(seed);
  return Array.from({ length: count }, () => drawBigram(table, tokenizer, rng));
}

/** A loss as shown: four decimals, or the word for infinity. */
export function lossText(loss: number): string {
  return Number.isFinite(loss) ? fixed(loss, 4) : 'infinite (∞)';
}

/** The smoothing k as shown: one decimal. */
export function kText(k: number): string {
  return fixed(k, 1);
}

/** What the losses mean for this k, in a sentence the widget shows and announces. */
export function smoothingNote(k: number, losses: { all: number; heldOut: number | null }): string {
  if (losses.heldOut !== null && !Number.isFinite(losses.heldOut)) {
    return `With k = 0, a pair that never occurred in the counted names has probability 0, and a held-out name holds such a pair: −ln 0 is infinite, so the loss on those names is infinite.`;
  }
  if (k === 0) return 'With k = 0 the probabilities are the raw counts’ shares: the likeliest table for all the pairs counted, but 0 for every pair never seen.';
  return `With k = ${kText(k)}, every pair gets ${kText(k)} imagined extra ${k === 1 ? 'sighting' : 'sightings'}: no probability is 0, and the common pairs give up a little of theirs.`;
}
