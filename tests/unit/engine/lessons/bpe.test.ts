// Byte-pair encoding: merges learned by hand on tiny corpora, then properties on the names.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMerge, averageTokens, bpeDecode, bpeEncode, learnBpe } from '../../../../src/engine/lessons/bpe.ts';
import { parseDocuments } from '../../../../src/engine/data.ts';
import { Tokenizer, UnknownCharacterError } from '../../../../src/engine/tokenizer.ts';

const names = parseDocuments(readFileSync(new URL('../../../../public/data/names.txt', import.meta.url), 'utf8'));
const texts = (bpe: ReturnType<typeof learnBpe>, ids: number[]) => ids.map((id) => bpe.texts[id]);

describe('applyMerge', () => {
  it('applyMerge replaces each (left, right) by the new id, scanning left to right without overlap', () => {
    expect(applyMerge([0, 0, 0], 0, 0, 9)).toEqual([9, 0]);
    expect(applyMerge([0, 0, 0, 0], 0, 0, 9)).toEqual([9, 9]);
    expect(applyMerge([1, 0, 1, 0, 2], 1, 0, 9)).toEqual([9, 9, 2]);
    expect(applyMerge([0, 1], 1, 0, 9)).toEqual([0, 1]);
    expect(applyMerge([], 0, 1, 9)).toEqual([]);
  });
});

describe('learnBpe on a corpus worked by hand', () => {
  // ["aaab", "aab"], ids a=0, b=1, BOS=2, merges get ids 3, 4, 5.
  // counts: (a,a) = 2 + 1 = 3, (a,b) = 1 + 1 = 2            → merge 1: a+a → "aa" (id 3)
  // words:  [aa, a, b], [aa, b]; counts (aa,a) = 1, (a,b) = 1, (aa,b) = 1: a three-way tie;
  //         left texts "aa", "a", "aa": "a" sorts first      → merge 2: a+b → "ab" (id 4)
  // words:  [aa, ab], [aa, b]; counts (aa,ab) = 1, (aa,b) = 1: same left, "ab" < "b"
  //                                                          → merge 3: aa+ab → "aaab" (id 5)
  // words:  [aaab], [aa, b]; counts (aa,b) = 1               → merge 4: aa+b → "aab" (id 6)
  // words:  [aaab], [aab]: no pairs left, learning stops.
  const bpe = learnBpe(['aaab', 'aab'], 10);

  it('learnBpe picks the most frequent pair first and breaks ties by left text, then right text', () => {
    expect(bpe.merges).toEqual([
      { left: 0, right: 0, id: 3, text: 'aa', count: 3 },
      { left: 0, right: 1, id: 4, text: 'ab', count: 1 },
      { left: 3, right: 4, id: 5, text: 'aaab', count: 1 },
      { left: 3, right: 1, id: 6, text: 'aab', count: 1 },
    ]);
  });

  it('learnBpe numbers merged tokens after BOS and stops when no pair is left', () => {
    expect(bpe.tokenizer.bos).toBe(2);
    expect(bpe.texts).toEqual(['a', 'b', 'BOS', 'aa', 'ab', 'aaab', 'aab']);
  });

  it('learnBpe records the total token count after every merge', () => {
    // 7 letters; merge 1 removes 2 (one "aa" in each word), the others remove 1 each
    expect(bpe.totals).toEqual([7, 5, 4, 3, 2]);
    expect(averageTokens(bpe, 0)).toBe(3.5);
    expect(averageTokens(bpe, 4)).toBe(1);
  });

  it('learnBpe respects maxMerges and treats maxMerges = 0 as the character tokenizer', () => {
    expect(learnBpe(['aaab', 'aab'], 2).merges.map((m) => m.text)).toEqual(['aa', 'ab']);
    const none = learnBpe(['aaab', 'aab'], 0);
    expect(none.merges).toEqual([]);
    expect(none.totals).toEqual([7]);
    expect(bpeEncode(none, 'abba')).toEqual(none.tokenizer.encode('abba'));
  });

  it('bpeEncode applies the merges in learned order', () => {
    expect(texts(bpe, bpeEncode(bpe, 'aaab'))).toEqual(['aaab']);
    expect(texts(bpe, bpeEncode(bpe, 'aaab', 1))).toEqual(['aa', 'a', 'b']);
    expect(texts(bpe, bpeEncode(bpe, 'aaab', 2))).toEqual(['aa', 'ab']);
    // "aabab": a a b a b → aa b a b (merge 1) → aa b ab (merge 2; "b a" is no pair)
    //          → merge 3 (aa + ab) finds no neighbours → aab ab (merge 4)
    expect(texts(bpe, bpeEncode(bpe, 'aabab'))).toEqual(['aab', 'ab']);
    expect(texts(bpe, bpeEncode(bpe, 'ba'))).toEqual(['b', 'a']);
  });

  it('learnBpe on an empty corpus learns nothing', () => {
    const empty = learnBpe([], 5);
    expect(empty.merges).toEqual([]);
    expect(averageTokens(empty, 0)).toBe(0);
  });
});

describe('BPE on the shipped names', () => {
  const bpe = learnBpe(names, 200);
  const tok = Tokenizer.fromDocuments(names);

  it('learnBpe learns 200 merges on the names in well under a second', () => {
    const t0 = performance.now();
    learnBpe(names, 200);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(bpe.merges).toHaveLength(200);
  });

  it('with 0 merges BPE is the character tokenizer on every name', () => {
    for (const name of names) expect(bpeEncode(bpe, name, 0)).toEqual(tok.encode(name));
    expect(bpe.totals[0]).toBe(names.reduce((n, d) => n + d.length, 0));
  });

  it('sequence lengths never grow as merges are added', () => {
    for (let k = 1; k < bpe.totals.length; k++) expect(bpe.totals[k]).toBeLessThan(bpe.totals[k - 1]);
    for (const name of names.slice(0, 500)) {
      let previous = Infinity;
      for (const k of [0, 1, 10, 50, 100, 200]) {
        const n = bpeEncode(bpe, name, k).length;
        expect(n).toBeLessThanOrEqual(previous);
        previous = n;
      }
    }
  });

  it('encoding every name with the first k merges reproduces the totals counted while learning', () => {
    for (const k of [0, 1, 7, 50, 200]) {
      expect(names.reduce((n, d) => n + bpeEncode(bpe, d, k).length, 0)).toBe(bpe.totals[k]);
    }
  });

  it('each merge shortens the dataset by at most its pair count, and exactly for pairs of different tokens', () => {
    bpe.merges.forEach((m, i) => {
      const saved = bpe.totals[i] - bpe.totals[i + 1];
      expect(saved).toBeLessThanOrEqual(m.count);
      if (m.left !== m.right) expect(saved).toBe(m.count);
    });
  });

  it('the counts of the chosen pairs never increase from one merge to the next', () => {
    // old pairs only lose occurrences, and a pair with the new token occurs at most as often as it
    for (let i = 1; i < bpe.merges.length; i++) expect(bpe.merges[i].count).toBeLessThanOrEqual(bpe.merges[i - 1].count);
  });

  it('the first merge on the names is a + n', () => {
    expect(bpe.merges[0]).toMatchObject({ left: tok.encode('a')[0], right: tok.encode('n')[0], id: tok.vocabSize, text: 'an' });
    expect(bpe.merges[0].count).toBe(names.reduce((n, d) => n + (d.match(/an/g)?.length ?? 0), 0));
  });

  it('bpeDecode inverts bpeEncode and drops BOS', () => {
    for (const name of names.slice(0, 300)) expect(bpeDecode(bpe, bpeEncode(bpe, name))).toBe(name);
    expect(bpeDecode(bpe, [bpe.tokenizer.bos, ...bpeEncode(bpe, 'emma'), bpe.tokenizer.bos])).toBe('emma');
    expect(() => bpeDecode(bpe, [bpe.texts.length])).toThrow(RangeError);
  });

  it('bpeEncode refuses characters outside the vocabulary like Tokenizer.encode', () => {
    expect(() => bpeEncode(bpe, 'Emma')).toThrow(UnknownCharacterError);
  });
});
