// Chapter 2's counting model as a heat map: the counts against a count done here from the
// names file with a plain loop, the sentences, the shading, and the losses and samples the
// widget shows.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../../src/engine/data.ts';
import { Random } from '../../../../src/engine/random.ts';
import { Tokenizer } from '../../../../src/engine/tokenizer.ts';
import { bigramCounts } from '../../../../src/viz/dataset/bigram.ts';
import {
  countingLosses, countingMap, countingModel, countingSamples, cutNote, lossText, pairSentence, probText, shadeKey, smoothingNote, tokenMark, tokenWord,
} from '../../../../src/viz/tokenizer/counting-map.ts';

const names = parseDocuments(readFileSync(new URL('../../../../public/data/names.txt', import.meta.url), 'utf8'));
const tokenizer = Tokenizer.fromDocuments(names);
const texts = [...tokenizer.chars, 'BOS'];

/** The pairs counted independently: "." stands for BOS, one string key per pair. */
function countByHand(docs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of docs) {
    const s = ['.', ...d, '.'];
    for (let i = 0; i + 1 < s.length; i++) m.set(s[i] + s[i + 1], (m.get(s[i] + s[i + 1]) ?? 0) + 1);
  }
  return m;
}

describe('countingMap', () => {
  const map = countingMap(bigramCounts(names, tokenizer), texts, 1);

  it('is 27 × 27 for the names, each cell the count done by hand', () => {
    expect(map.size).toBe(27);
    expect(map.cells).toHaveLength(27);
    const byHand = countByHand(names);
    const mark = (id: number) => (id === tokenizer.bos ? '.' : tokenizer.chars[id]);
    let total = 0;
    for (const row of map.cells) for (const cell of row) {
      expect(cell.count).toBe(byHand.get(mark(cell.prev) + mark(cell.next)) ?? 0);
      total += cell.count;
    }
    expect(total).toBe([...byHand.values()].reduce((s, c) => s + c, 0));
  });

  it('shades the largest count fully, a pair never seen not at all, and rows sum to 1', () => {
    const all = map.cells.flat();
    const top = all.reduce((a, b) => (b.count > a.count ? b : a));
    expect(top.mix).toBe(100);
    expect(top.count).toBe(map.max);
    const never = all.find((c) => c.count === 0)!;
    expect(never.mix).toBe(0);
    expect(never.p).toBeGreaterThan(0); // add-one
    for (const row of map.cells) expect(row.reduce((s, c) => s + c.p, 0)).toBeCloseTo(1, 12);
  });

  it('labels BOS with a dot mark and says each cell as a sentence', () => {
    expect(map.labels.at(-1)).toBe('•');
    expect(tokenMark(texts, 0, tokenizer.bos)).toBe('a');
    expect(pairSentence(['a', 'n', 'BOS'], 2, 0, 1, 5438, 0.16)).toBe('after “a”, “n” follows 5,438 times (p = 0.160)');
    expect(pairSentence(['a', 'n', 'BOS'], 2, 2, 0, 1, 0.5)).toBe('after BOS (the start of a name), “a” follows 1 time (p = 0.500)');
    expect(pairSentence(['a', 'n', 'BOS'], 2, 1, 2, 0, 0)).toBe('after “n”, BOS (the end of the name) follows 0 times (p = 0)');
  });
});

describe('odd characters of a reader’s dataset', () => {
  const odd = [' ', '\t', '\u200b', '\u0308', '😀', 'a', 'BOS'];
  const bos = odd.length - 1;

  it('marks the map and the table as chapter 1 shows characters, and names them for a screen reader', () => {
    expect(odd.map((_, id) => tokenMark(odd, id, bos))).toEqual(['␣', '⇥', 'U+200B', '◌\u0308', '😀', 'a', '•']);
    expect(odd.map((_, id) => tokenWord(odd, id, bos))).toEqual([
      'the space', 'the tab', 'the invisible character U+200B', 'the combining mark U+0308', '“😀”', '“a”', 'BOS',
    ]);
    expect(pairSentence(odd, bos, 0, 2, 3, 0.25)).toBe('after the space, the invisible character U+200B follows 3 times (p = 0.250)');
  });

  it('says a cut name’s length in characters, an emoji counting one', () => {
    const t = new Tokenizer(['😀']);
    // 😀 follows 😀 and BOS, BOS follows nothing: with k = 0 every name runs into the context
    const [draw] = countingSamples({ vocabSize: 2, bos: 1, counts: Float64Array.of(5, 0, 1, 0) }, t, 0, 1, 1);
    expect(draw.cut).toBe(true);
    expect(draw.text).toHaveLength(32); // UTF-16 units
    expect(cutNote(draw)).toBe('(cut at 16 characters)');
  });
});

describe('probText and shadeKey', () => {
  it('keeps three significant digits, trailing zeros too', () => {
    expect(probText(0.29961)).toBe('0.300');
    expect(probText(0.05555)).toBe('0.0556');
    expect(probText(1)).toBe('1.00');
    expect(probText(0)).toBe('0');
  });

  it('keys the shading at 1, the powers of ten and the largest count, on the map’s own scale', () => {
    const map = countingMap(bigramCounts(names, tokenizer), texts, 1);
    const key = shadeKey(map.max);
    expect(key.map((s) => s.count)).toEqual([1, 10, 100, 1000, map.max]);
    expect(key.at(-1)!.mix).toBe(100);
    expect(key[0].mix).toBe(Math.round(100 * Math.sqrt(1 / map.max)));
    // the same shade as a cell with that count
    const ten = map.cells.flat().find((c) => c.count === 10);
    if (ten) expect(ten.mix).toBe(key[1].mix);
    expect(shadeKey(0)).toEqual([]);
  });
});

describe('countingLosses and countingSamples', () => {
  const m = countingModel(names, tokenizer);

  it('holds out a tenth; raw counts give an infinite held-out loss here, any smoothing a finite one', () => {
    expect(m.heldOut.length).toBe(Math.floor(names.length / 10));
    const raw = countingLosses(m, 0);
    expect(Number.isFinite(raw.all)).toBe(true);
    expect(raw.heldOut).toBe(Infinity);
    expect(smoothingNote(0, raw)).toMatch(/infinite/);
    const one = countingLosses(m, 1);
    expect(Number.isFinite(one.heldOut!)).toBe(true);
    expect(one.all).toBeGreaterThan(raw.all);
    expect(lossText(Infinity)).toBe('infinite (∞)');
    expect(lossText(2.43209)).toBe('2.4321');
  });

  it('has no held-out loss for a dataset of fewer than ten documents', () => {
    const docs = ['ab', 'ba'];
    expect(countingLosses(countingModel(docs, Tokenizer.fromDocuments(docs)), 1).heldOut).toBeNull();
  });

  it('draws names with the engine’s weighted choice from one Random(seed), smoothed rows', () => {
    const k = 2;
    const drawn = countingSamples(m.counts, tokenizer, k, 7, 5);
    // the same draws, done here from the counts with the smoothing formula
    const V = tokenizer.vocabSize;
    const rng = new Random(7);
    const expected = Array.from({ length: 5 }, () => {
      let prev = tokenizer.bos;
      let text = '';
      while ([...text].length < 16) {
        let total = 0;
        for (let j = 0; j < V; j++) total += m.counts.counts[prev * V + j];
        const row = Array.from({ length: V }, (_, j) => (m.counts.counts[prev * V + j] + k) / (total + k * V));
        const next = rng.choice(row);
        if (next === tokenizer.bos) break;
        text += tokenizer.chars[next];
        prev = next;
      }
      return text;
    });
    expect(drawn.map((d) => d.text)).toEqual(expected);
  });
});
