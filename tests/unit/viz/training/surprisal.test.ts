// A name's surprisal rows against the engine's own loss and against −ln p worked from softmax here.

import { describe, expect, it } from 'vitest';
import { FastGPT } from '../../../../src/engine/fast.ts';
import { documentLoss } from '../../../../src/engine/loss.ts';
import { toValueStateDict } from '../../../../src/engine/model.ts';
import { seededStart } from '../../../../src/engine/run.ts';
import { barFraction, checkDocument, meanSurprisal, surprisalView } from '../../../../src/viz/training/surprisal.ts';
import { names, shippedWeights } from '../../../../src/facts/shipped.ts';

const { config, tokenizer } = shippedWeights;
const untrained = seededStart(names, config, 42).stateDict;

describe('surprisalView', () => {
  for (const [which, sd] of [['untrained', untrained], ['trained', shippedWeights.stateDict]] as const) {
    it(`gives the mean FastGPT.loss gives, exactly, on the ${which} model`, () => {
      for (const name of ['emma', 'hugibert', 'x', '', 'christophorusabc']) {
        const tokens = tokenizer.encodeDocument(name);
        const view = surprisalView(new FastGPT(config, sd), tokenizer, name, tokens);
        expect(view.mean).toBe(new FastGPT(config, sd).loss(tokens));
        expect(meanSurprisal(view.rows)).toBe(view.mean);
      }
    });
  }

  it('matches the Value path’s −log p at every position', () => {
    const tokens = tokenizer.encodeDocument('emma');
    const view = surprisalView(new FastGPT(config, untrained), tokenizer, 'emma', tokens);
    const slow = documentLoss({ config, params: toValueStateDict(untrained) }, tokens);
    expect(view.rows.map((r) => r.target)).toEqual(['e', 'm', 'm', 'a', 'BOS']);
    expect(view.rows.map((r) => r.input)).toEqual(['BOS', 'e', 'm', 'm', 'a']);
    view.rows.forEach((r, i) => {
      expect(r.surprisal).toBeCloseTo(slow.positions[i].loss.data, 12);
      expect(r.p).toBeCloseTo(Math.exp(-slow.positions[i].loss.data), 12);
    });
  });

  it('scores at most block_size positions of a long name', () => {
    const long = 'abcdefghijklmnopqrs'; // 19 letters: 20 targets
    const view = surprisalView(new FastGPT(config, untrained), tokenizer, long, tokenizer.encodeDocument(long));
    expect(view.rows).toHaveLength(config.blockSize);
    expect(view.rows.at(-1)!.target).toBe(long[config.blockSize - 1]);
  });
});

describe('checkDocument', () => {
  it('refuses characters outside the vocabulary, naming them', () => {
    const c = checkDocument(tokenizer, 16, 'Émma1');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problem.message).toMatch(/“É”.*“1”|“1”.*“É”/);
  });
  it('notes the targets a too-long name loses, and none for one that fits', () => {
    const fits = checkDocument(tokenizer, 16, 'abcdefghijklmno'); // 15 letters: 16 targets
    expect(fits.ok && fits.note).toBe('');
    expect(fits.ok && fits.scored).toBe(16);
    const over = checkDocument(tokenizer, 16, 'abcdefghijklmnopq'); // 17 letters: 18 targets
    expect(over.ok && over.scored).toBe(16);
    expect(over.ok && over.note).toMatch(/last 2 targets/);
  });
  it('gives an empty name one position', () => {
    const c = checkDocument(tokenizer, 16, '');
    expect(c.ok && c.tokens).toEqual([tokenizer.bos, tokenizer.bos]);
    expect(c.ok && c.scored).toBe(1);
  });
});

describe('barFraction', () => {
  it('is the surprisal over the top, clipped to [0, 1]', () => {
    expect(barFraction(2, 8)).toBe(0.25);
    expect(barFraction(12, 8)).toBe(1);
  });
});
