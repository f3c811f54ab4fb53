// Dataset statistics and chart layout, checked on small hand-made lists and on the shipped names.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../../src/engine/data.ts';
import {
  binLabel, datasetStats, datasetSummary, displayChar, endingCounts, followerCounts, lengthHistogram,
  letterCounts, sampleDocuments, searchDocuments, topCounts, foldCase,
} from '../../../../src/viz/dataset/dataset-stats.ts';
import { defaultNames } from '../../../../scripts/build/names.ts';

const names = defaultNames();
const alphabet = [...'abcdefghijklmnopqrstuvwxyz'];

describe('datasetSummary', () => {
  it('datasetSummary counts documents and characters and finds every shortest and longest document', () => {
    const s = datasetSummary(['ab', 'abcd', 'xy', 'abcde', 'fghij']);
    expect(s).toEqual({ documents: 5, characters: 18, shortest: 2, longest: 5, shortestDocs: ['ab', 'xy'], longestDocs: ['abcde', 'fghij'], meanLength: 18 / 5 });
  });

  it('datasetSummary measures length in characters, so an emoji counts once', () => {
    expect(datasetSummary(['a😀']).longest).toBe(2);
  });

  it('datasetSummary of no documents is all zeros', () => {
    expect(datasetSummary([])).toMatchObject({ documents: 0, characters: 0, shortest: 0, longest: 0 });
  });

  it('datasetSummary of the shipped names agrees with public/data/names.txt line by line', () => {
    const file = parseDocuments(readFileSync('public/data/names.txt', 'utf8'));
    expect(file).toEqual(names);
    const s = datasetSummary(file);
    expect(s.documents).toBe(file.length);
    expect(s.longestDocs.every((d) => d.length === s.longest)).toBe(true);
    expect(file.every((d) => d.length >= s.shortest && d.length <= s.longest)).toBe(true);
  });
});

describe('lengthHistogram', () => {
  it('lengthHistogram has a bar for every length from shortest to longest, zeros included', () => {
    expect(lengthHistogram(['ab', 'abcde', 'xy'])).toEqual([
      { from: 2, to: 2, count: 2 }, { from: 3, to: 3, count: 0 }, { from: 4, to: 4, count: 0 }, { from: 5, to: 5, count: 1 },
    ]);
  });

  it('lengthHistogram groups lengths into equal bins when there are more than maxBars lengths', () => {
    const docs = Array.from({ length: 100 }, (_, i) => 'x'.repeat(i + 1));
    const bins = lengthHistogram(docs, 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 1, to: 10, count: 10 });
    expect(binLabel(bins[0])).toBe('1–10');
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(100);
  });

  it('lengthHistogram of the shipped names counts every name once', () => {
    const bins = lengthHistogram(names);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(names.length);
    expect(binLabel(bins[0])).toBe(String(Math.min(...names.map((n) => n.length))));
  });
});

describe('letterCounts and friends', () => {
  it('letterCounts counts every character, in code-point order', () => {
    expect(letterCounts(['abba', 'cab'])).toEqual([{ key: 'a', count: 3 }, { key: 'b', count: 3 }, { key: 'c', count: 1 }]);
  });

  it('letterCounts counts first and last characters once per document', () => {
    expect(letterCounts(['abba', 'cab'], 'first')).toEqual([{ key: 'a', count: 1 }, { key: 'c', count: 1 }]);
    expect(letterCounts(['abba', 'cab'], 'last')).toEqual([{ key: 'a', count: 1 }, { key: 'b', count: 1 }]);
  });

  it('letterCounts lists alphabet characters that never occur with a count of zero', () => {
    const counts = letterCounts(['ab'], 'all', alphabet);
    expect(counts).toHaveLength(26);
    expect(counts.find((c) => c.key === 'z')).toEqual({ key: 'z', count: 0 });
  });

  it('letterCounts over all positions of the shipped names sums to their number of characters', () => {
    const total = letterCounts(names).reduce((a, b) => a + b.count, 0);
    expect(total).toBe(names.join('').length);
  });

  it('topCounts puts the largest first and breaks ties by key', () => {
    expect(topCounts([{ key: 'b', count: 2 }, { key: 'a', count: 2 }, { key: 'c', count: 5 }], 2)).toEqual([{ key: 'c', count: 5 }, { key: 'a', count: 2 }]);
  });

  it('endingCounts counts endings of a given length and skips shorter documents', () => {
    expect(endingCounts(['anna', 'hanna', 'a', 'bob'], 2)).toEqual([{ key: 'na', count: 2 }, { key: 'ob', count: 1 }]);
  });

  it('followerCounts says what follows a character, with "" for the end of a document', () => {
    expect(followerCounts(['qua', 'iraq', 'quo'], 'q')).toEqual([{ key: 'u', count: 2 }, { key: '', count: 1 }]);
  });

  it('datasetStats bundles the summary, lengths and the three letter counts', () => {
    const s = datasetStats(['ab', 'ba'], ['a', 'b', 'c']);
    expect(s.summary.documents).toBe(2);
    expect(s.lengths).toEqual([{ from: 2, to: 2, count: 2 }]);
    expect(s.letters.first).toEqual([{ key: 'a', count: 1 }, { key: 'b', count: 1 }, { key: 'c', count: 0 }]);
  });
});

describe('sampleDocuments', () => {
  it('sampleDocuments gives the same sample for the same seed and a different one for another seed', () => {
    expect(sampleDocuments(names, 12, 7)).toEqual(sampleDocuments(names, 12, 7));
    expect(sampleDocuments(names, 12, 7)).not.toEqual(sampleDocuments(names, 12, 8));
  });

  it('sampleDocuments draws distinct real documents', () => {
    const sample = sampleDocuments(names, 50, 3);
    expect(new Set(sample).size).toBe(50);
    const known = new Set(names);
    expect(sample.every((s) => known.has(s))).toBe(true);
  });

  it('sampleDocuments never asks for more documents than there are', () => {
    expect(sampleDocuments(['a', 'b'], 5, 1).sort()).toEqual(['a', 'b']);
    expect(sampleDocuments([], 5, 1)).toEqual([]);
  });
});

describe('searchDocuments', () => {
  const docs = ['anna', 'hanna', 'Anabel', 'bob'];

  describe('Greek sigma: Σ, σ and the final ς are one letter to a reader', () => {
    const greek = ['Νίκος', 'Σοφία', 'Ερμής', 'Άννα', 'Κασσάνδρα'];
    const withSigma = ['Νίκος', 'Σοφία', 'Ερμής', 'Κασσάνδρα'];
    for (const q of ['Σ', 'σ', 'ς']) {
      it(`searching ${q} finds every name with a sigma in any form`, () => {
        expect(searchDocuments(greek, q).shown).toEqual(withSigma);
      });
    }
    it('a word ending in ς is found by the same word typed with σ or in capitals', () => {
      expect(searchDocuments(greek, 'νίκοσ').shown).toEqual(['Νίκος']);
      expect(searchDocuments(greek, 'ΝΊΚΟΣ').shown).toEqual(['Νίκος']);
      expect(searchDocuments(greek, 'ος', { mode: 'starts' }).shown).toEqual([]);
      expect(searchDocuments(greek, 'σο', { mode: 'starts' }).shown).toEqual(['Σοφία']);
    });
    it('a dataset whose only sigma is ς still knows Σ', () => {
      const chars = [...new Set('Νίκος'.split(''))];
      expect(searchDocuments(['Νίκος'], 'Σ', { chars })).toEqual({ query: 'σ', total: 1, shown: ['Νίκος'], unknown: [] });
    });
  });

  it('foldCase composes accents, ignores the locale and keeps one code point per code point', () => {
    expect(foldCase('e\u0301')).toBe('é');
    expect(foldCase('IRMAK')).toBe('irmak');
    expect(foldCase('ΟΔΥΣΣΕΥΣ')).toBe('οδυσσευσ');
    expect(foldCase('Οδυσσεύς')).toBe('οδυσσεύσ');
    expect([...foldCase('Ωμέγας')].length).toBe([...'Ωμέγας'].length);
  });

  it('searchDocuments finds a substring anywhere, ignoring case', () => {
    expect(searchDocuments(docs, 'ANN')).toEqual({ query: 'ann', total: 2, shown: ['anna', 'hanna'], unknown: [] });
  });

  it('searchDocuments by prefix only matches the start', () => {
    expect(searchDocuments(docs, 'an', { mode: 'starts' }).shown).toEqual(['anna', 'Anabel']);
  });

  it('searchDocuments counts every match but lists at most limit', () => {
    const r = searchDocuments(docs, 'a', { limit: 2 });
    expect(r.total).toBe(3);
    expect(r.shown).toHaveLength(2);
  });

  it('searchDocuments names characters outside the vocabulary and matches nothing', () => {
    const r = searchDocuments(names, 'an3 n!', { chars: alphabet });
    expect(r).toEqual({ query: 'an3 n!', total: 0, shown: [], unknown: ['3', ' ', '!'] });
  });

  it('searchDocuments treats uppercase letters as their lowercase vocabulary letters', () => {
    expect(searchDocuments(names, 'Ann', { chars: alphabet }).total).toBe(names.filter((n) => n.includes('ann')).length);
  });

  it('searchDocuments with an empty query matches nothing', () => {
    expect(searchDocuments(docs, '').total).toBe(0);
  });
});

describe('displayChar', () => {
  it('displayChar gives visible stand-ins for space, tab and control characters', () => {
    expect(displayChar(' ')).toBe('␣');
    expect(displayChar('\t')).toBe('⇥');
    expect(displayChar('\u0007')).toBe('U+0007');
    expect(displayChar('é')).toBe('é');
  });

  it('displayChar shows zero-width, other spaces and combining marks, and every character of a longer token', () => {
    expect(displayChar('\u200b')).toBe('U+200B');
    expect(displayChar('\u00a0')).toBe('U+00A0');
    expect(displayChar('\u0308')).toBe('◌\u0308');
    expect(displayChar('😀')).toBe('😀');
    expect(displayChar('a b')).toBe('a␣b');
    expect(displayChar('BOS')).toBe('BOS');
  });
});

