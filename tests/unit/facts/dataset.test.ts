// The numbers chapter 1 quotes, checked against the names file counted again here with plain
// string operations.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetChapter as f, datasetFacts } from '../../../src/facts/dataset.ts';
import { samples, training } from '../../../src/facts/shipped.ts';
import { int } from '../../../src/viz/shared/format.ts';

const raw = readFileSync(new URL('../../../public/data/names.txt', import.meta.url), 'utf8');
const names = raw.split('\n').filter((line) => line !== '');
const count = (re: RegExp) => names.join('\n').match(re)?.length ?? 0;

describe('datasetFacts', () => {
  it('reads a small file as microgpt does: split at line breaks, trim, drop blank lines', () => {
    const small = datasetFacts('b\n a \n\nc\n');
    expect(small.docs).toEqual(['b', 'a', 'c']);
    expect(small.lines).toEqual(['b', ' a ', '', 'c', '']);
    expect(small.bytes).toBe(9);
    expect(small.lastSorted).toBe('c');
  });
});

describe('datasetChapter', () => {
  it('counts the shipped file: names, bytes, letters and the lines a split gives', () => {
    expect(f.docs).toEqual(names);
    expect(f.documents).toBe(names.length);
    expect(f.bytes).toBe(Buffer.byteLength(raw));
    expect(f.lines).toHaveLength(names.length + 1);
    expect(f.summary.characters).toBe(names.join('').length);
  });

  it('counts endings and what follows q', () => {
    expect(f.endsA).toBe(count(/a$/gm));
    expect(f.qTotal).toBe(count(/q/g));
    expect(f.qu).toBe(count(/qu/g));
    const lastLetters = new Map<string, number>();
    for (const n of names) lastLetters.set(n.at(-1)!, (lastLetters.get(n.at(-1)!) ?? 0) + 1);
    expect(f.lasts[0].count).toBe(Math.max(...lastLetters.values()));
  });

  it('follows the shipped training run: how many names it sees, in file order and shuffled', () => {
    expect(f.seen).toBe(Math.min(training.steps, names.length));
    expect(f.lastSorted).toBe(names[f.seen - 1]);
    expect(f.sortedStarts).toEqual([...new Set(names.slice(0, f.seen).map((n) => n[0]))]);
    expect([...f.order].sort()).toEqual([...names].sort());
    const shuffledStarts = new Set(f.order.slice(0, f.seen).map((n) => n[0]));
    expect(f.shuffledSeen).toBe(shuffledStarts.size);
    expect(f.shuffledMissing.every((c) => !shuffledStarts.has(c))).toBe(true);
    expect(f.missingNames).toBe(names.filter((n) => f.shuffledMissing.includes(n[0])).length);
  });

  it('sorts the model’s samples into real names and invented ones', () => {
    expect(f.generated).toEqual(samples.names);
    expect(f.realOnes.every((n) => names.includes(n))).toBe(true);
    for (const n of f.madeUp) {
      expect(samples.names).toContain(n);
      expect(names).not.toContain(n);
      expect(n.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('adds Zoë: a capital and an accented letter, two more tokens', () => {
    expect(f.zoe).toEqual({ newChars: ['Z', 'ë'], vocabSize: f.vocabSize + 2, chars: f.alphabet.length + 2, pastedChars: 5, plainChars: 3 });
  });

  it('lays out the figures of the file becoming documents, with a gap row that says what it leaves out', () => {
    expect(f.peek.raw[0]).toEqual({ at: '0', value: names[0] });
    expect(f.peek.raw[4]).toEqual({ at: '…', note: `${int(names.length - 5)} more names` });
    expect(f.peek.split.at(-1)).toEqual({ at: String(names.length), value: '' });
    expect(f.peek.shuffled[0]).toEqual({ at: '0', value: f.order[0] });
  });

  it('quotes the limits of the reader’s own dataset, and whether the longest name fits the context', () => {
    expect(f.limits.maxSize).toBe('2\u00a0MiB');
    expect(f.fits).toBe(Math.max(...names.map((n) => n.length)) + 1 <= f.blockSize);
  });
});
