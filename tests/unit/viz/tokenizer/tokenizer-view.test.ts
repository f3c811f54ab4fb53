// The tokenizer widgets' helpers: chips and messages for typed text, decoding typed ids,
// training pairs, and the BPE demo's snapshot and chart.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bpeEncode, learnBpe } from '../../../../src/engine/lessons/bpe.ts';
import { parseDocuments } from '../../../../src/engine/data.ts';
import { Tokenizer } from '../../../../src/engine/tokenizer.ts';
import { bpeSnapshot, bpeSplit, lengthChart, mergeRows } from '../../../../src/viz/tokenizer/bpe-view.ts';
import {
  charName, countSummary, decodeForView, describeChars, formatIds, pairsInContext, tokenizeForView, trainingPairs, unknownProblem,
} from '../../../../src/viz/tokenizer/token-view.ts';

const names = parseDocuments(readFileSync(new URL('../../../../public/data/names.txt', import.meta.url), 'utf8'));
const tok = Tokenizer.fromDocuments(names);

describe('tokenizeForView', () => {
  it('tokenizeForView gives the ids of encodeDocument for known text, with BOS chips at both ends', () => {
    for (const text of ['emma', '', 'christophorus', 'zz']) {
      const view = tokenizeForView(tok, text);
      expect(view.ids).toEqual(tok.encodeDocument(text));
      expect(view.chips[0]).toEqual({ kind: 'bos', text: 'BOS', id: tok.bos });
      expect(view.chips.at(-1)).toEqual({ kind: 'bos', text: 'BOS', id: tok.bos });
      expect(view.unknown).toEqual([]);
      expect(view.problem).toBeNull();
      expect(view.tokenCount).toBe(text.length + 2);
    }
  });

  it('tokenizeForView marks unknown characters with id null, lists each once, and never throws', () => {
    const view = tokenizeForView(tok, 'Emma!!');
    expect(view.chips.map((c) => c.kind)).toEqual(['bos', 'unknown', 'char', 'char', 'char', 'unknown', 'unknown', 'bos']);
    expect(view.ids).toEqual([26, null, 12, 12, 0, null, null, 26]);
    expect(view.unknown).toEqual(['E', '!']);
    expect(view.tokenCount).toBe(5);
    expect(formatIds(view.ids)).toBe('[26, ?, 12, 12, 0, ?, ?, 26]');
  });

  it('tokenizeForView keeps an astral character as one chip', () => {
    const view = tokenizeForView(tok, 'a😀');
    expect(view.chips.map((c) => c.text)).toEqual(['BOS', 'a', '😀', 'BOS']);
  });
});

describe('unknownProblem and character names', () => {
  it('unknownProblem names every unknown character and suggests lowercase for capitals', () => {
    const m = unknownProblem(tok, ['E', '!'])?.message;
    expect(m).toContain('“E” and “!” are not in the vocabulary');
    expect(m).toContain('a–z');
    expect(m).toContain('Try lowercase: “e” for “E”');
  });

  it('unknownProblem uses the singular for one character and names the space', () => {
    expect(unknownProblem(tok, [' '])?.message).toMatch(/^The space is not in the vocabulary/);
    expect(unknownProblem(tok, [' '])?.message).not.toContain('lowercase');
    expect(unknownProblem(tok, [])).toBeNull();
  });

  it('describeChars shortens runs of three or more consecutive characters to ranges', () => {
    expect(describeChars(tok.chars)).toBe('a–z');
    expect(describeChars([' ', 'a', 'b', 'c', 'x', 'z'])).toBe('␣, a–c, x, z');
  });

  it('charName names whitespace, invisible characters and combining marks', () => {
    expect(charName('\t')).toBe('the tab');
    expect(charName('\u0308')).toBe('the combining mark U+0308');
    expect(charName('😀')).toBe('“😀”');
    expect(charName(' ')).toBe('the space');
    expect(charName('\u0000')).toBe('the invisible character U+0000');
    expect(charName('\u200b')).toBe('the invisible character U+200B');
    expect(charName('\u00a0')).toBe('the invisible character U+00A0');
    expect(charName('é')).toBe('“é”');
    expect(charName('!')).toBe('“!”');
  });
});

describe('decodeForView', () => {
  it('decodeForView decodes ids typed with commas, spaces or brackets and counts dropped BOS', () => {
    expect(decodeForView(tok, '[26, 4, 12, 12, 0, 26]')).toEqual({ ids: [26, 4, 12, 12, 0, 26], text: 'emma', bosCount: 2, problem: null });
    expect(decodeForView(tok, '7 4 11 11 14')).toMatchObject({ text: 'hello', bosCount: 0 });
    expect(decodeForView(tok, '')).toMatchObject({ text: '', problem: null });
  });

  it('decodeForView explains an id out of range or a non-number instead of throwing', () => {
    expect(decodeForView(tok, '4, 27').problem).toEqual({ message: '“27” is not a token id: ids are whole numbers from 0 to 26.' });
    expect(decodeForView(tok, '4, x').problem?.message).toContain('“x”');
    expect(decodeForView(tok, '-1').problem?.message).toContain('“-1”');
  });

  it('decodeForView quotes at most 24 characters of a bad entry, so a huge paste gives a short message', () => {
    const { problem } = decodeForView(tok, 'x'.repeat(100_000));
    expect(problem?.message).toBe(`“${'x'.repeat(24)}…” is not a token id: ids are whole numbers from 0 to 26.`);
  });
});

describe('trainingPairs', () => {
  it('trainingPairs of [BOS, e, m, m, a, BOS] are the five (input → target) pairs', () => {
    expect(trainingPairs([26, 4, 12, 12, 0, 26])).toEqual([
      { position: 0, input: 26, target: 4 },
      { position: 1, input: 4, target: 12 },
      { position: 2, input: 12, target: 12 },
      { position: 3, input: 12, target: 0 },
      { position: 4, input: 0, target: 26 },
    ]);
  });

  it('trainingPairs gives L + 1 pairs for a name of L letters, capped by the limit', () => {
    for (const name of ['ab', 'albertina', 'christophorus']) expect(trainingPairs(tok.encodeDocument(name))).toHaveLength(name.length + 1);
    expect(trainingPairs(tok.encodeDocument('christophorus'), 5)).toHaveLength(5);
    expect(trainingPairs([26])).toEqual([]);
  });
});

describe('what the playground says about its chips and pairs', () => {
  it('countSummary counts the chips shown: tokens when all have ids, positions and the missing ids otherwise', () => {
    expect(countSummary(tokenizeForView(tok, 'emma'))).toBe('6 tokens');
    expect(countSummary(tokenizeForView(tok, ''))).toBe('2 tokens');
    const one = tokenizeForView(tok, 'Emma');
    expect(one.chips).toHaveLength(6);
    expect(countSummary(one)).toBe('6 positions, 1 without an id');
    expect(countSummary(tokenizeForView(tok, 'EMMA!'))).toBe('7 positions, 5 without an id');
  });

  it('pairsInContext marks the pairs from position blockSize on as never trained, as microgpt’s n = min(block_size, len − 1)', () => {
    const blockSize = 16;
    const name = 'abcdefghijklmnopqrstuvwxyz';
    const ids = tok.encodeDocument(name);
    const pairs = pairsInContext(ids, blockSize);
    expect(pairs).toHaveLength(name.length + 1);
    expect(pairs.filter((p) => p.inContext)).toHaveLength(Math.min(blockSize, ids.length - 1));
    expect(pairs.filter((p) => p.inContext).map(({ inContext: _, ...p }) => p)).toEqual(trainingPairs(ids, blockSize));
    expect(pairs.findIndex((p) => !p.inContext)).toBe(blockSize);
    expect(pairsInContext(tok.encodeDocument('emma'), blockSize).every((p) => p.inContext)).toBe(true);
  });
});

describe('the BPE demo view', () => {
  const bpe = learnBpe(names, 60);

  it('bpeSnapshot reports vocabulary 27 + k, the totals and the average for k merges', () => {
    const s = bpeSnapshot(bpe, 10, 'christina');
    expect(s.merges).toBe(10);
    expect(s.vocabSize).toBe(37);
    expect(s.total).toBe(bpe.totals[10]);
    expect(s.average).toBeCloseTo(bpe.totals[10] / names.length, 12);
    expect(s.rows).toHaveLength(10);
    expect(s.averages).toHaveLength(61);
    expect(s.pieces.map((p) => p.id)).toEqual(bpeEncode(bpe, 'christina', 10));
    expect(s.problem).toBeNull();
  });

  it('bpeSnapshot clamps k to the merges learned and rounds it', () => {
    expect(bpeSnapshot(bpe, 500, 'a').merges).toBe(60);
    expect(bpeSnapshot(bpe, -3, 'a').merges).toBe(0);
    expect(bpeSnapshot(bpe, 2.6, 'a').merges).toBe(3);
  });

  it('mergeRows numbers merges from 1 with their parts and texts', () => {
    expect(mergeRows(bpe, 2)).toEqual([
      { rank: 1, left: 'a', right: 'n', text: 'an', id: 27, count: bpe.merges[0].count },
      { rank: 2, left: 'a', right: 'r', text: 'ar', id: 28, count: bpe.merges[1].count },
    ]);
  });

  it('bpeSplit explains unknown characters instead of throwing', () => {
    const split = bpeSplit(bpe, 'Anna', 10);
    expect(split.pieces).toEqual([]);
    expect(split.problem?.message).toContain('“A”');
  });

  it('lengthChart puts one point per merge count inside the box, falling left to right', () => {
    const averages = bpe.totals.map((t) => t / names.length);
    const c = lengthChart(averages, 400, 200);
    expect(c.points).toHaveLength(averages.length);
    expect(c.points[0].x).toBe(c.margin.left);
    expect(c.points.at(-1)!.x).toBe(400 - c.margin.right);
    for (const p of c.points) {
      expect(p.y).toBeGreaterThanOrEqual(c.margin.top);
      expect(p.y).toBeLessThanOrEqual(200 - c.margin.bottom);
    }
    expect(c.points.at(-1)!.y).toBeGreaterThan(c.points[0].y);
    expect(c.path.startsWith('M')).toBe(true);
    expect(c.yTicks.map((t) => t.label)).toContain('0');
    expect(c.xTicks[0].label).toBe('0');
  });
});
