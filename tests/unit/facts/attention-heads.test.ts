// The real-model numbers chapter 5 quotes, and the claims its prose makes about them, checked
// against the shipped model and names. headHabits itself is checked on a model whose every
// head spreads its weight evenly (W_q = 0), where the answer is known without the engine.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../src/engine/data.ts';
import { microgptConfig } from '../../../src/engine/config.ts';
import { initStateDict } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';
import { toValueStateDict } from '../../../src/engine/model.ts';
import { Tokenizer } from '../../../src/engine/tokenizer.ts';
import { realHeads as f } from '../../../src/facts/attention.ts';
import { shippedWeights } from '../../../src/facts/shipped.ts';
import { headHabits } from '../../../src/viz/attention/head-habits.ts';

const names = parseDocuments(readFileSync(new URL('../../../public/data/names.txt', import.meta.url), 'utf8'));
const vowel = (c: string) => 'aeiou'.includes(c);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('headHabits', () => {
  const config = microgptConfig(27);
  const sd = initStateDict(config, new Random(5));
  sd['layer0.attn_wq'] = sd['layer0.attn_wq'].map((row) => row.map(() => 0)); // every score 0: even weights
  const model = { config, params: toValueStateDict(sd) };
  const tokenizer = new Tokenizer([...'abcdefghijklmnopqrstuvwxyz']);
  const docs = ['ab', 'olivia', 'eve'];
  const habits = headHabits(model, tokenizer, docs);
  // queries at positions t ≥ 2: "ab" has 1 (t = 2), "olivia" 5 (t = 2..6), "eve" 2 (t = 2, 3)
  const ts = [2, 2, 3, 4, 5, 6, 2, 3];

  it('counts the names and the queries from position 2 on', () => {
    expect(habits.names).toBe(3);
    expect(habits.queries).toBe(ts.length);
  });

  it('gives an even head the even spread, and evenness 1', () => {
    expect(habits.even.bos).toBeCloseTo(mean(ts.map((t) => 1 / (t + 1))), 12);
    expect(habits.even.earlier).toBeCloseTo(mean(ts.map((t) => (t - 2) / (t + 1))), 12);
    for (const h of habits.heads) {
      expect(h.bos).toBeCloseTo(habits.even.bos, 12);
      expect(h.current).toBeCloseTo(habits.even.current, 12);
      expect(h.previous).toBeCloseTo(habits.even.previous, 12);
      expect(h.earlier).toBeCloseTo(habits.even.earlier, 12);
      expect(h.evenness).toBeCloseTo(1, 12);
    }
  });

  it('splits the weight on BOS by whether the current letter is a vowel', () => {
    // the letter at query position t is the name's (t − 1)-th (BOS is position 0)
    const letters = [['ab', 2], ['olivia', 2], ['olivia', 3], ['olivia', 4], ['olivia', 5], ['olivia', 6], ['eve', 2], ['eve', 3]] as const;
    const isVowel = letters.map(([n, t]) => vowel(n[t - 1]));
    // grouped by the letter at the query position itself, not the one before it
    const whenCurrent = (v: boolean) => mean(ts.filter((_, i) => isVowel[i] === v).map((t) => 1 / (t + 1)));
    for (const h of habits.heads) {
      expect(h.bosWhenVowel).toBeCloseTo(whenCurrent(true), 12);
      expect(h.bosWhenConsonant).toBeCloseTo(whenCurrent(false), 12);
    }
  });
});

describe('realHeads', () => {
  it('starts both widgets on a name of the dataset', () => {
    expect(names).toContain(f.name);
    expect(f.trace.positions.map((p) => p.label)).toEqual(['BOS', ...f.name]);
  });

  it('runs microgpt: 16 numbers in 4 heads of 4', () => {
    expect([f.config.nEmbd, f.config.nHead, f.headDim]).toEqual([16, 4, 4]);
  });

  it('has every head’s weights of every position add up to 1', () => {
    for (const p of f.trace.positions) for (const w of p.weights) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('works the nine-letter exercise out by hand: Σ (first + perKey·t) with the cache, Σ of prefixes without', () => {
    expect([...f.nine.name]).toHaveLength(9);
    expect(names).toContain(f.nine.name);
    const step = (t: number) => f.first.total + f.perKey * t;
    const cached = Array.from({ length: 10 }, (_, t) => step(t));
    expect(f.nine.costs.cachedTotal).toBe(cached.reduce((a, b) => a + b, 0));
    expect(f.nine.costs.uncachedTotal).toBe(cached.reduce((a, _, t) => a + cached.slice(0, t + 1).reduce((x, y) => x + y, 0), 0));
  });

  it('counts the full cache as 2 × 16 positions × 16 numbers', () => {
    expect(f.fullCacheNumbers).toBe(512);
  });

  describe('backs the prose’s reading of the heads', () => {
    const h = f.habits.heads;

    it('measures thousands of positions over a large sample', () => {
      expect(f.habits.names).toBeGreaterThan(1000);
      expect(f.habits.queries).toBeGreaterThan(5000);
    });

    it('has every head favour the previous letter over an even spread', () => {
      for (const x of h) expect(x.previous).toBeGreaterThan(f.habits.even.previous);
    });

    it('has its evenest head close to even, and the BOS-switching head as the sharpest', () => {
      expect(h[f.evenest].evenness).toBeGreaterThan(0.95);
      expect(f.bosSwitch).toBe(f.sharpest);
      expect(h[f.bosSwitch].bosWhenConsonant).toBeGreaterThan(3 * h[f.bosSwitch].bosWhenVowel);
    });

    it('groups the real model’s weight on BOS by the current letter, the one at the query position', () => {
      // the exercise name's trace, grouped by hand: positions 2.. whose own label is a vowel, or not
      const ps = f.bosExercise.positions.slice(2);
      const byHand = (v: boolean) => mean(ps.filter((p) => vowel(p.label) === v).map((p) => p.onBos[f.bosSwitch]));
      const { config, tokenizer } = shippedWeights;
      const one = headHabits({ config, params: toValueStateDict(shippedWeights.stateDict) }, tokenizer, [f.bosExercise.name]).heads[f.bosSwitch];
      expect(one.bosWhenVowel).toBeCloseTo(byHand(true), 12);
      expect(one.bosWhenConsonant).toBeCloseTo(byHand(false), 12);
    });

    it('answers the BOS exercise with a consonant last and a vowel at position 2, as the question assumes', () => {
      const ps = f.bosExercise.positions;
      expect(vowel(ps[ps.length - 1].label)).toBe(false);
      expect(vowel(ps[2].label)).toBe(true);
      expect(ps[ps.length - 1].head).toBe(f.bosSwitch);
      expect(ps[2].head).not.toBe(f.bosSwitch);
    });
  });
});
