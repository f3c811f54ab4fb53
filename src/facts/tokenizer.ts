// Every number chapter 2 quotes, computed from the dataset by the engine when the site is built.

import { averageTokens, bpeEncode, learnBpe } from '../engine/lessons/bpe.ts';
import { Tokenizer } from '../engine/tokenizer.ts';
import { addOne, bigramBaseline, bigramLossPerToken, bigramProbs, countedLoss, pairCount } from '../viz/dataset/bigram.ts';
import { bpeDemo, bpeSnapshot, mergeRows } from '../viz/tokenizer/bpe-view.ts';
import { countingLosses, countingModel, countingSamples, countingSettings, type CountingModel } from '../viz/tokenizer/counting-map.ts';
import { trainingPairs, type TokenChip } from '../viz/tokenizer/token-view.ts';
import { dataset, model, names } from './shipped.ts';

/** A worked example: a name, its characters, ids, training sequence and pairs. */
export function workedExample(tokenizer: Tokenizer, name: string) {
  const ids = tokenizer.encode(name);
  const sequence = tokenizer.encodeDocument(name);
  const chip = (id: number): TokenChip => ({ kind: id === tokenizer.bos ? 'bos' : 'char', text: tokenizer.token(id), id });
  return {
    name,
    chars: [...name],
    ids,
    sequence,
    pairs: trainingPairs(sequence),
    decoded: tokenizer.decode(sequence),
    /** chips for figures: the bare characters, the characters with ids, the training sequence */
    charChips: ids.map((id): TokenChip => ({ ...chip(id), id: null })),
    idChips: ids.map(chip),
    sequenceChips: sequence.map(chip),
  };
}

/** The slider's smoothing k above 0 whose held-out loss is lowest, with that loss (null without a held-out tenth). */
export function bestHeldOut(m: CountingModel): { k: number; loss: number } | null {
  const { min, max, step } = countingSettings.k;
  let best: { k: number; loss: number } | null = null;
  for (let i = 1; min + i * step <= max + 1e-9; i++) {
    const k = Math.round((min + i * step) * 10) / 10;
    if (m.heldOut.length === 0) return null;
    const loss = countedLoss(m.counted, m.heldOut, m.tokenizer, k);
    if (!best || loss < best.loss) best = { k, loss };
  }
  return best;
}

/** The counting (bigram) model of the documents: its counts, losses and samples as chapter 2 quotes and draws them. */
export function countingFacts(docs: readonly string[], tokenizer: Tokenizer) {
  const m = countingModel(docs, tokenizer);
  const { initial } = countingSettings.k;
  const id = (c: string) => tokenizer.encode(c)[0];
  // the pair seen most often, for the prose
  let top = 0;
  for (let i = 1; i < m.counts.counts.length; i++) if (m.counts.counts[i] > m.counts.counts[top]) top = i;
  const V = tokenizer.vocabSize;
  return {
    vocabSize: V,
    /** the baseline chapter 7 quotes again: add-one smoothed counts of every name, scored on every name */
    loss: bigramBaseline(docs, docs, tokenizer),
    smoothing: addOne,
    kMax: countingSettings.k.max,
    /** p(u | q) with add-one smoothing */
    qu: bigramProbs(m.counts, id('q'), addOne)[id('u')],
    losses: countingLosses(m, initial),
    /** the add-one table's loss pooled over every target of every name (long names weigh more), for comparison with the per-name mean */
    pooled: bigramLossPerToken(docs, docs, tokenizer),
    /** the slider's k above 0 with the lowest held-out loss */
    bestHeldOut: bestHeldOut(m),
    /** raw counts (k = 0): on the names counted, and on the held-out tenth */
    rawLosses: countingLosses(m, 0),
    maxLosses: countingLosses(m, countingSettings.k.max),
    heldOutCount: m.heldOut.length,
    samples: countingSamples(m.counts, tokenizer, initial, countingSettings.seed),
    /** the widget's still picture: the flat counts [prev·V + next] */
    counts: Array.from(m.counts.counts),
    pair: (a: string, b: string) => pairCount(m.counts, a === 'BOS' ? tokenizer.bos : id(a), b === 'BOS' ? tokenizer.bos : id(b)),
    top: { prev: Math.floor(top / V), next: top % V, count: m.counts.counts[top] },
    /** how often a letter is followed by anything (its row's total) */
    rowTotal: (a: string) => { const r = id(a); let t = 0; for (let j = 0; j < V; j++) t += pairCount(m.counts, r, j); return t; },
    /** pairs in the held-out names that the other nine tenths never show */
    unseenHeldOut: m.heldOut.reduce((n, d) => {
      const t = tokenizer.encodeDocument(d);
      for (let i = 0; i + 1 < t.length; i++) if (pairCount(m.counted, t[i], t[i + 1]) === 0) n++;
      return n;
    }, 0),
    /** the uniform guess −ln(1/V), for comparison */
    uniform: Math.log(V),
  };
}

/** Everything the chapter computes from the documents. */
export function tokenizerFacts(docs: readonly string[], example = 'emma') {
  const tokenizer = Tokenizer.fromDocuments(docs);
  const vocabulary = [...tokenizer.chars.map((text, id) => ({ text, id })), { text: 'BOS', id: tokenizer.bos }];
  const nineLetters = docs.find((d) => [...d].length === 9) ?? 'abcdefghi';
  const bpe = learnBpe(docs, bpeDemo.maxMerges, tokenizer);
  const at = (k: number) => ({ merges: k, vocabSize: tokenizer.vocabSize + k, average: averageTokens(bpe, k), total: bpe.totals[k] });
  const letters = bpe.totals[0];
  return {
    tokenizer,
    vocabulary,
    /** text of every id, for tables: the characters, then "BOS" */
    texts: vocabulary.map((v) => v.text),
    example: workedExample(tokenizer, example),
    /** the same vocabulary with the ids handed out in reverse */
    reversed: new Tokenizer([...tokenizer.chars].reverse()),
    nine: workedExample(tokenizer, nineLetters),
    letters,
    /** how many names end with a letter / contain it */
    endingIn: (c: string) => docs.filter((d) => d.endsWith(c)).length,
    containing: (c: string) => docs.filter((d) => d.includes(c)).length,
    /** how often a letter occurs in all the names */
    occurrences: (c: string) => docs.reduce((n, d) => n + [...d].filter((x) => x === c).length, 0),
    counting: countingFacts(docs, tokenizer),
    bpeDemo,
    bpe: {
      learned: bpe,
      firstMerges: mergeRows(bpe, 10),
      lastMerge: bpe.merges[bpe.merges.length - 1],
      before: at(0),
      middle: at(bpeDemo.initialMerges),
      after: at(bpe.merges.length),
      /** the example split after one merge and after all of them */
      exampleAfterOne: bpeEncode(bpe, example, 1).map((id) => bpe.texts[id]),
      splitsOf: (name: string, k: number) => bpeEncode(bpe, name, k).map((id) => bpe.texts[id]),
      snapshot: bpeSnapshot(bpe, bpeDemo.initialMerges, bpeDemo.initialName),
    },
  };
}

/** Chapter 2's facts for the shipped names, with the dataset and context sizes it quotes. */
export const tokenizerChapter = { ...tokenizerFacts(names), documents: dataset.documents, longest: dataset.longest, blockSize: model.blockSize };
