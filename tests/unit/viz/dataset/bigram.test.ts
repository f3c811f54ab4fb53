// The counting model, checked against counts and losses worked by hand on a two-name dataset,
// and against the dataset chapter's own follower counts on the shipped names.

import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/engine/random.ts';
import { Tokenizer } from '../../../../src/engine/tokenizer.ts';
import {
  bigramBaseline, bigramCounts, bigramLossPerToken, bigramDocumentLoss, bigramProbs, bigramTable, countedLoss, drawBigram, holdOutEveryTenth,
  pairCount, sampleBigram, smoothedProb,
} from '../../../../src/viz/dataset/bigram.ts';
import { followerCounts } from '../../../../src/viz/dataset/dataset-stats.ts';
import { defaultNames } from '../../../../scripts/build/names.ts';

// a = 0, b = 1, BOS = 2. "ab" → [2, 0, 1, 2], "a" → [2, 0, 2].
// Pairs: BOS→a twice, a→b once, b→BOS once, a→BOS once.
const tiny = ['ab', 'a'];
const tok = new Tokenizer(['a', 'b']);

describe('bigramCounts', () => {
  it('counts every adjacent pair of [BOS, ...chars, BOS]', () => {
    const b = bigramCounts(tiny, tok);
    expect(b.vocabSize).toBe(3);
    expect(Array.from(b.counts)).toEqual([
      0, 1, 1, // after a: a, b, BOS
      0, 0, 1, // after b
      2, 0, 0, // after BOS
    ]);
    expect(pairCount(b, 2, 0)).toBe(2);
  });

  it('agrees with the dataset chapter’s follower counts on the shipped names', () => {
    const names = defaultNames();
    const t = Tokenizer.fromDocuments(names);
    const b = bigramCounts(names, t);
    for (const { key, count } of followerCounts(names, 'q')) {
      const next = key === '' ? t.bos : t.encode(key)[0];
      expect(pairCount(b, t.encode('q')[0], next)).toBe(count);
    }
    let pairs = 0;
    for (const c of b.counts) pairs += c;
    expect(pairs).toBe(names.reduce((s, n) => s + [...n].length + 1, 0));
  });
});

describe('bigramProbs (add-one smoothing)', () => {
  it('gives (count + 1) / (row total + V)', () => {
    const b = bigramCounts(tiny, tok);
    expect(Array.from(bigramProbs(b, 2))).toEqual([3 / 5, 1 / 5, 1 / 5]);
    expect(Array.from(bigramProbs(b, 0))).toEqual([1 / 5, 2 / 5, 2 / 5]);
    expect(Array.from(bigramProbs(b, 1))).toEqual([1 / 4, 1 / 4, 2 / 4]);
  });

  it('turns a row never seen into the uniform guess, and every row sums to 1', () => {
    const b = bigramCounts([], tok);
    expect(Array.from(bigramProbs(b, 0))).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const names = defaultNames();
    for (const row of bigramTable(bigramCounts(names, Tokenizer.fromDocuments(names)))) {
      expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('bigramBaseline', () => {
  it('averages each document’s mean surprisal over the documents', () => {
    const ab = (-Math.log(3 / 5) - Math.log(2 / 5) - Math.log(2 / 4)) / 3;
    const a = (-Math.log(3 / 5) - Math.log(2 / 5)) / 2;
    expect(bigramBaseline(tiny, tiny, tok)).toBeCloseTo((ab + a) / 2, 14);
    expect(bigramBaseline(tiny, ['ab'], tok)).toBeCloseTo(ab, 14);
  });

  it('stops at block_size targets, as training does', () => {
    expect(bigramBaseline(tiny, tiny, tok, 1)).toBeCloseTo(-Math.log(3 / 5), 14);
    const table = bigramTable(bigramCounts(tiny, tok));
    expect(bigramDocumentLoss(table, [2, 0, 1, 2], 2)).toBeCloseTo((-Math.log(3 / 5) - Math.log(2 / 5)) / 2, 14);
  });

  it('with nothing counted, is the uniform guess −ln(1/V)', () => {
    expect(bigramBaseline([], tiny, tok)).toBeCloseTo(Math.log(3), 14);
  });

  it('lands between a good model and the uniform guess on the shipped names', () => {
    const names = defaultNames();
    const t = Tokenizer.fromDocuments(names);
    const loss = bigramBaseline(names, names, t);
    expect(loss).toBeLessThan(Math.log(27));
    expect(loss).toBeGreaterThan(2);
  });

  it('refuses an empty evaluation set', () => {
    expect(() => bigramBaseline(tiny, [], tok)).toThrow(RangeError);
  });
});

describe('bigramLossPerToken', () => {
  it('weighs every target alike, so it differs from the per-document mean', () => {
    const all = (-Math.log(3 / 5) - Math.log(2 / 5) - Math.log(2 / 4) - Math.log(3 / 5) - Math.log(2 / 5)) / 5;
    expect(bigramLossPerToken(tiny, tiny, tok)).toBeCloseTo(all, 14);
    expect(bigramLossPerToken(tiny, tiny, tok)).not.toBeCloseTo(bigramBaseline(tiny, tiny, tok), 6);
    expect(() => bigramLossPerToken(tiny, [], tok)).toThrow(RangeError);
  });
});

describe('sampleBigram', () => {
  it('draws the same name from the same seed, from the vocabulary, at most maxLength long', () => {
    const names = defaultNames();
    const t = Tokenizer.fromDocuments(names);
    const b = bigramCounts(names, t);
    const one = Array.from({ length: 20 }, (_, i) => sampleBigram(b, t, new Random(i)));
    const two = Array.from({ length: 20 }, (_, i) => sampleBigram(b, t, new Random(i)));
    expect(one).toEqual(two);
    for (const name of one) {
      expect(name).toMatch(/^[a-z]*$/);
      expect([...name].length).toBeLessThanOrEqual(16);
    }
    expect(sampleBigram(b, t, new Random(1), 3).length).toBeLessThanOrEqual(3);
  });

  it('starts names with a as often as the smoothed counts say (3 in 5)', () => {
    const b = bigramCounts(tiny, tok);
    const rng = new Random(7);
    let startsWithA = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) if (sampleBigram(b, tok, rng).startsWith('a')) startsWithA++;
    expect(startsWithA / n).toBeGreaterThan(0.57);
    expect(startsWithA / n).toBeLessThan(0.63);
  });
});

describe('add-k smoothing', () => {
  it('smoothedProb is (count + k) / (row total + k·V), and 1/V for an empty row at k = 0', () => {
    expect(smoothedProb(3, 10, 0, 4)).toBe(3 / 10);
    expect(smoothedProb(3, 10, 2, 4)).toBe(5 / 18);
    expect(smoothedProb(0, 10, 0.5, 4)).toBe(0.5 / 12);
    expect(smoothedProb(0, 0, 0, 4)).toBe(1 / 4);
  });

  it('bigramProbs with k = 0 gives the raw shares, with k = 2 two imagined sightings of every pair', () => {
    const b = bigramCounts(tiny, tok);
    expect(Array.from(bigramProbs(b, 0, 0))).toEqual([0, 1 / 2, 1 / 2]);
    expect(Array.from(bigramProbs(b, 2, 2))).toEqual([4 / 8, 2 / 8, 2 / 8]);
    expect(() => bigramProbs(b, 0, -1)).toThrow(RangeError);
    expect(() => bigramProbs(b, 0, Number.NaN)).toThrow(RangeError);
  });

  it('countedLoss by hand on the tiny dataset, raw counts and add-two', () => {
    const b = bigramCounts(tiny, tok);
    // raw: BOS→a 1, a→b ½, b→BOS 1, a→BOS ½
    const rawAb = (-Math.log(1) - Math.log(1 / 2) - Math.log(1)) / 3;
    const rawA = (-Math.log(1) - Math.log(1 / 2)) / 2;
    expect(countedLoss(b, tiny, tok, 0)).toBeCloseTo((rawAb + rawA) / 2, 14);
    // add two: BOS→a 4/8, a→b 3/8, b→BOS 3/7, a→BOS 3/8
    const ab = (-Math.log(4 / 8) - Math.log(3 / 8) - Math.log(3 / 7)) / 3;
    const a = (-Math.log(4 / 8) - Math.log(3 / 8)) / 2;
    expect(countedLoss(b, tiny, tok, 2)).toBeCloseTo((ab + a) / 2, 14);
    expect(countedLoss(b, tiny, tok)).toBeCloseTo(bigramBaseline(tiny, tiny, tok), 14);
  });

  it('with k = 0 a pair never counted makes the loss infinite; any k > 0 keeps it finite', () => {
    const b = bigramCounts(['a'], tok);
    expect(countedLoss(b, ['b'], tok, 0)).toBe(Infinity);
    expect(Number.isFinite(countedLoss(b, ['b'], tok, 0.1))).toBe(true);
  });

  it('raises the loss on the names counted as k grows, on the shipped names', () => {
    const names = defaultNames();
    const t = Tokenizer.fromDocuments(names);
    const b = bigramCounts(names, t);
    const losses = [0, 0.5, 1, 5, 10].map((k) => countedLoss(b, names, t, k));
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeGreaterThan(losses[i - 1]);
  });
});

describe('holdOutEveryTenth', () => {
  it('holds out indexes 9, 19, … and counts the rest, in order', () => {
    const docs = Array.from({ length: 25 }, (_, i) => i);
    const { counted, heldOut } = holdOutEveryTenth(docs);
    expect(heldOut).toEqual([9, 19]);
    expect(counted.length).toBe(23);
    expect(counted.includes(9)).toBe(false);
  });
});

describe('drawBigram', () => {
  it('says when a name was cut at maxLength, and draws what sampleBigram draws', () => {
    const b = bigramCounts(['aaaaaaaa'], new Tokenizer(['a']));
    const t = new Tokenizer(['a']);
    const table = bigramTable(b, 0);
    expect(drawBigram(table, t, new Random(1), 3)).toEqual({ text: 'aaa', length: 3, cut: true });
    // its length counts characters (tokens), not UTF-16 units: an emoji is one
    const e = new Tokenizer(['😀']);
    const loop = [Float64Array.of(1, 0), Float64Array.of(1, 0)]; // 😀 always follows, BOS never comes
    expect(drawBigram(loop, e, new Random(1), 3)).toEqual({ text: '😀😀😀', length: 3, cut: true });
    const names = defaultNames();
    const nt = Tokenizer.fromDocuments(names);
    const nb = bigramCounts(names, nt);
    const one = new Random(5), two = new Random(5);
    const nTable = bigramTable(nb);
    for (let i = 0; i < 5; i++) expect(drawBigram(nTable, nt, one).text).toBe(sampleBigram(nb, nt, two));
  });
});
