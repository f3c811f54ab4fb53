// Every number chapter 1 quotes, computed from the shipped names file when the site is built:
// what is in the file, how it becomes documents, the counts behind "statistical patterns",
// and what the shuffle changes about the first training steps.

import { Random } from '../engine/random.ts';
import { Tokenizer } from '../engine/tokenizer.ts';
import { microgptConfig } from '../engine/config.ts';
import { parseDocuments } from '../engine/data.ts';
import { trainingOrder } from '../engine/train.ts';
import { datasetLimits } from '../state/custom-dataset.ts';
import { bytes, int } from '../viz/shared/format.ts';
import { datasetStats, endingCounts, followerCounts, sampleDocuments, topCounts, type Count } from '../viz/dataset/dataset-stats.ts';
import { model, namesText, samples, training, vocab } from './shipped.ts';

/** A row of a DatasetPeek figure: an index and a string, or a gap that says how many are left out. */
export type PeekRow = { at: string; value: string } | { at: string; note: string };

const row = (at: number, value: string): PeekRow => ({ at: String(at), value });
const gap = (count: number, what: string): PeekRow => ({ at: '…', note: `${int(count)} more ${what}` });
const countOf = (counts: readonly Count[], key: string) => counts.find((c) => c.key === key)?.count ?? 0;
const firstLetters = (docs: readonly string[], steps: number) => [...new Set(docs.slice(0, steps).map((d) => d[0]))];

/** The chapter's facts for a names file (the shipped one unless a test passes another). */
export function datasetFacts(text = namesText) {
  const docs = parseDocuments(text);
  const N = docs.length;
  const alphabet = [...vocab.chars];
  const stats = datasetStats(docs, alphabet);
  const lines = text.split('\n');
  const { seed, steps } = training;
  const order = trainingOrder(docs, new Random(seed));
  const afterQ = followerCounts(docs, 'q');
  const shuffledMissing = alphabet.filter((c) => !order.slice(0, steps).some((d) => d[0] === c));
  const known = new Set(docs);
  const generated = samples.names;
  const invented = generated.filter((n) => !known.has(n) && n.length >= 5);
  const withZoe = Tokenizer.fromDocuments([...docs, 'Zoë']);
  const blockSize = microgptConfig(vocab.size).blockSize;
  return {
    docs,
    documents: N,
    bytes: new TextEncoder().encode(text).length,
    /** the file split at '\n' only, before trimming: one more string than names */
    lines,
    alphabet,
    stats,
    summary: stats.summary,
    /** the first four names, and four from halfway down */
    opening: docs.slice(0, 4),
    middle: docs.slice(Math.floor(N / 2), Math.floor(N / 2) + 4),
    example: docs.includes('emma') ? 'emma' : docs[0],
    parameters: model.parameters,
    vocabSize: vocab.size,
    blockSize,
    fits: stats.summary.longest <= blockSize - 1,
    seed,
    steps,
    /** how many names the shipped training run sees, each once */
    seen: Math.min(steps, N),
    order,
    letters: topCounts(stats.letters.all, alphabet.length),
    firsts: topCounts(stats.letters.first, alphabet.length),
    lasts: topCounts(stats.letters.last, alphabet.length),
    endsA: countOf(stats.letters.last, 'a'),
    qTotal: afterQ.reduce((a, c) => a + c.count, 0),
    qu: countOf(afterQ, 'u'),
    ends2: endingCounts(docs, 2).slice(0, 4),
    ends3: endingCounts(docs, 3).slice(0, 4),
    modeLength: stats.lengths.reduce((a, b) => (b.count > a.count ? b : a)),
    /** in file order the first `steps` names end at lastSorted and start with these letters */
    lastSorted: docs[Math.min(steps, N) - 1],
    sortedStarts: firstLetters(docs, steps),
    /** after the shuffle: how many first letters the first `steps` names have, which are missing, and how many names those start */
    shuffledSeen: firstLetters(order, steps).length,
    shuffledMissing,
    missingNames: shuffledMissing.reduce((a, c) => a + countOf(stats.letters.first, c), 0),
    initialSample: sampleDocuments(docs, 12, 1),
    generated,
    realOnes: generated.filter((n) => known.has(n)),
    /** three invented names of five letters or more, for the opening */
    madeUp: [4, 5, 10].map((i) => invented[i % invented.length]),
    limits: { ...datasetLimits, maxSize: bytes(datasetLimits.maxBytes) },
    /** adding Zoë to the file: its new characters and the vocabulary after; the two lines zoe and Zoë alone, and zoe alone */
    zoe: {
      newChars: withZoe.chars.filter((c) => !alphabet.includes(c)),
      vocabSize: withZoe.vocabSize,
      chars: withZoe.chars.length,
      pastedChars: Tokenizer.fromDocuments(['zoe', 'Zoë']).chars.length,
      plainChars: new Set('zoe').size,
    },
    /** the rows of the four figures of "From a file to a list of strings" */
    peek: {
      raw: [...docs.slice(0, 4).map((d, i) => row(i, d)), gap(N - 5, 'names'), row(N - 1, docs[N - 1])],
      split: [...lines.slice(0, 3).map((d, i) => row(i, d)), gap(lines.length - 5, 'strings'), row(lines.length - 2, lines[lines.length - 2]), row(lines.length - 1, lines[lines.length - 1])],
      documents: [...docs.slice(0, 3).map((d, i) => row(i, d)), gap(N - 4, 'documents'), row(N - 1, docs[N - 1])],
      shuffled: [...order.slice(0, 5).map((d, i) => row(i, d)), gap(N - 6, 'documents'), row(N - 1, order[N - 1])],
    },
  };
}

/** Chapter 1's facts for the shipped names. */
export const datasetChapter = datasetFacts();
