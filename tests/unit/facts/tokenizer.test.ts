// The numbers chapter 2 quotes, checked against the shipped names counted again here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../src/engine/data.ts';
import { bpeEncode } from '../../../src/engine/lessons/bpe.ts';
import { tokenizerChapter, tokenizerFacts } from '../../../src/facts/tokenizer.ts';

const names = parseDocuments(readFileSync(new URL('../../../public/data/names.txt', import.meta.url), 'utf8'));

describe('tokenizerFacts', () => {
  const lesson = tokenizerFacts(names);

  it('lists the 27 vocabulary entries with BOS last', () => {
    expect(lesson.vocabulary).toHaveLength(27);
    expect(lesson.vocabulary[0]).toEqual({ text: 'a', id: 0 });
    expect(lesson.vocabulary.at(-1)).toEqual({ text: 'BOS', id: 26 });
    expect(lesson.texts).toEqual([...'abcdefghijklmnopqrstuvwxyz', 'BOS']);
  });

  it('works "emma" through to its five training pairs', () => {
    expect(lesson.example.sequence).toEqual([26, 4, 12, 12, 0, 26]);
    expect(lesson.example.pairs).toHaveLength(5);
    expect(lesson.example.decoded).toBe('emma');
    expect(lesson.example.charChips.map((c) => c.id)).toEqual([null, null, null, null]);
    expect(lesson.example.sequenceChips.map((c) => c.kind)).toEqual(['bos', 'char', 'char', 'char', 'char', 'bos']);
  });

  it('finds a 9-letter name of the dataset, which becomes 11 tokens', () => {
    expect(lesson.nine.name).toHaveLength(9);
    expect(names).toContain(lesson.nine.name);
    expect(lesson.nine.sequence).toHaveLength(11);
  });

  it('counts names by ending and by containing a letter', () => {
    expect(lesson.endingIn('a')).toBe(names.filter((n) => n.at(-1) === 'a').length);
    expect(lesson.containing('a')).toBeGreaterThan(lesson.endingIn('a'));
  });
});

describe('tokenizerChapter', () => {
  it('counts a letter over every name', () => {
    expect(tokenizerChapter.occurrences('q')).toBe(names.join('').split('q').length - 1);
  });

  it('hands out the ids in reverse for the exercise: z is 0, a is 25', () => {
    expect(tokenizerChapter.reversed.encode('az')).toEqual([25, 0]);
  });

  it('quotes the last merge learned, and the dataset’s size and longest name', () => {
    const { learned, lastMerge } = tokenizerChapter.bpe;
    expect(lastMerge).toBe(learned.merges.at(-1));
    expect(bpeEncode(learned, lastMerge.text, learned.merges.length)).toEqual([lastMerge.id]);
    expect(tokenizerChapter.documents).toBe(names.length);
    expect(tokenizerChapter.longest).toBe(Math.max(...names.map((n) => n.length)));
  });
});

describe('tokenizerChapter.counting', () => {
  const c = tokenizerChapter.counting;

  it('quotes the same baseline chapter 7 quotes, from the same function', async () => {
    const { baselineFacts } = await import('../../../src/facts/training.ts');
    expect(c.loss).toBe(baselineFacts.bigramLoss);
    expect(c.losses.all).toBe(c.loss);
  });

  it('counts pairs the prose names, with BOS at both ends', () => {
    expect(c.pair('BOS', 'a')).toBe(names.filter((n) => n.startsWith('a')).length);
    expect(c.pair('a', 'BOS')).toBe(names.filter((n) => n.endsWith('a')).length);
    expect(c.counts).toHaveLength(27 * 27);
    expect(c.rawLosses.heldOut).toBe(Infinity);
    expect(c.maxLosses.all).toBeGreaterThan(c.losses.all);
  });

  it('quotes the pooled loss beside the per-name mean, and the best held-out k the slider reaches', async () => {
    const { bigramLossPerToken } = await import('../../../src/viz/dataset/bigram.ts');
    const { Tokenizer } = await import('../../../src/engine/tokenizer.ts');
    expect(c.pooled).toBe(bigramLossPerToken(names, names, Tokenizer.fromDocuments(names)));
    expect(c.pooled).not.toBeCloseTo(c.loss, 3); // the two measures differ
    const best = c.bestHeldOut!;
    expect(best.k).toBeGreaterThan(0);
    expect(best.loss).toBeLessThanOrEqual(c.losses.heldOut!);
    expect(best.loss).toBeLessThanOrEqual(c.maxLosses.heldOut!);
  });
});
