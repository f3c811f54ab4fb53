// The numbers chapter 5's lookup and playground sections quote, checked by hand.

import { describe, expect, it } from 'vitest';
import { handDecimals, lookupFacts as f, rmsnormExercise, toyWalk } from '../../../src/facts/attention.ts';
import katex from 'katex';
import { katexOptions } from '../../../src/styles/math-macros.ts';

describe('lookupFacts', () => {
  it('finds a query on the sliders’ grid that scores keys 0 and 1 equally: (0.6, 0.8), at right angles to k₀ − k₁ = (0.4, −0.3)', () => {
    expect(f.equal.difference[0]).toBeCloseTo(0.4, 14);
    expect(f.equal.difference[1]).toBeCloseTo(-0.3, 14);
    expect(f.equal.query).toEqual([0.6, 0.8]);
    // q·k₀ = 0.6·0.3 + 0.8·0.1 = 0.26 = 0.6·(−0.1) + 0.8·0.4 = q·k₁, over √2
    expect(f.equal.scores[0]).toBeCloseTo(0.26 / Math.SQRT2, 14);
    expect(f.equal.scores[1]).toBeCloseTo(0.26 / Math.SQRT2, 14);
    expect(f.equal.weights[0]).toBeCloseTo(f.equal.weights[1], 14);
  });

  it('no query on a 0.1 grid inside the sliders’ square beats the weight it says the edge reaches', () => {
    const { keys, values } = f.toy;
    let best = 0;
    for (let i = -20; i <= 20; i++) for (let j = -20; j <= 20; j++) {
      const q = [i / 10, j / 10];
      const exps = keys.map((k) => Math.exp((k[0] * q[0] + k[1] * q[1]) / Math.SQRT2));
      const total = exps.reduce((a, b) => a + b, 0);
      best = Math.max(best, ...exps.map((e) => e / total));
    }
    expect(values).toHaveLength(3);
    expect(best).toBeLessThanOrEqual(f.reach + 1e-12);
    expect(best).toBeGreaterThan(f.reach - 0.01);
  });

  it('quotes the real model’s head size (16 / 4) and the toy’s (2)', () => {
    expect(f.realHeadDim).toBe(4);
    expect(f.toy.headDim).toBe(2);
  });

  it('has one spread per dimension the widget offers, the raw one near √d', () => {
    expect(f.spreads.map((s) => s.d)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(f.spreadOf(256).sdRaw).toBeGreaterThan(14);
    expect(f.spreadOf(256).sdRaw).toBeLessThan(18);
  });
});

describe('toyWalk (chapter 5\'s running example)', () => {
  it('counts the toy\'s parameters: 4·2 + 4·2 + 4·(2·2) + 8·2 + 2·8 + 4·2 = 72', () => {
    expect(toyWalk.toyParams).toBe(72);
  });
  it('writes the hand arithmetic with the numbers worked from the plan', () => {
    expect(toyWalk.tex.embSum).toContain('= (−0.40,\\ 0.50)');
    expect(toyWalk.tex.meanSquare).toContain('= 0.2050');
    expect(toyWalk.tex.scale).toContain(`= ${(1 / Math.sqrt(0.20501)).toFixed(5)}`);
    // s₀ = ((−0.2209)·0.3 + 0.3534·0.1)/√2 ≈ −0.022
    expect(toyWalk.tex.score0).toMatch(/= −0\.022 \\end\{aligned\}$/);
  });
  it('every display renders with the chapter\'s KaTeX options', () => {
    for (const [name, tex] of Object.entries(toyWalk.tex)) expect(() => katex.renderToString(tex, { ...katexOptions, throwOnError: true }), name).not.toThrow();
  });
  it('orders the cache by weight the way the scores order it', () => {
    const scores = toyWalk.example.trace.layers[0].heads[0].scores;
    const labels = ['BOS', 'a', 'b'];
    expect(toyWalk.byWeight).toEqual([0, 1, 2].sort((i, j) => scores[j] - scores[i]).map((i) => labels[i]));
  });
  it('prints the exercise\'s q with enough decimals that q·k₀ by hand gives the engine\'s −0.0309', () => {
    // (−0.221)·0.30 + 0.353·0.10 = −0.0310, one off; (−0.2209)·0.30 + 0.3534·0.10 = −0.03093
    expect(handDecimals([-0.22086194778884644, 0.3533791164621542], [0.3, 0.1])).toBe(4);
    expect(handDecimals([0.5, 0.25], [0.3, 0.1])).toBe(3);
    expect(toyWalk.qHand).toBe('(−0.2209, 0.3534)');
    expect(toyWalk.tex.score0).toContain('(-0.2209) \\cdot 0.30 + 0.3534 \\cdot 0.10'.replace('-', '−'));
    expect(toyWalk.tex.score0).toContain('{−0.0309}');
  });
  it('orders c at position 3 with the computed cache as its scores do: c, BOS, a, b', () => {
    const { order, topAgree } = toyWalk.c3;
    expect(order.map((r) => r.label)).toEqual(['c', 'BOS', 'a', 'b']);
    for (let i = 1; i < order.length; i++) expect(order[i].score).toBeLessThan(order[i - 1].score);
    // softmax by hand from the scores the figure shows
    const e = order.map((r) => Math.exp(r.score));
    const sum = e.reduce((a, b) => a + b, 0);
    order.forEach((r, i) => expect(r.weight).toBeCloseTo(e[i] / sum, 12));
    expect(order.map((r) => r.weight.toFixed(3))).toEqual(['0.275', '0.274', '0.270', '0.182']);
    expect(topAgree).toBe(2); // 0.27 both; 0.275 against 0.274
  });
  it('finds the second norm agrees with the first to several decimals', () => {
    expect(toyWalk.norm1Agrees).toBeGreaterThanOrEqual(3);
  });
});

describe('rmsnormExercise', () => {
  it('sends (2, 2) and (0.2, 0.2) to nearly the same vector: ms 4 → scale ½, ms 0.04 → scale ≈ 5', () => {
    expect(rmsnormExercise.big.ms).toBe(4);
    expect(rmsnormExercise.big.scale).toBeCloseTo(1 / Math.sqrt(4.00001), 15);
    expect(rmsnormExercise.small.scale).toBeCloseTo(1 / Math.sqrt(0.04001), 12);
    expect(rmsnormExercise.small.out[0]).toBeCloseTo(0.2 / Math.sqrt(0.04001), 12);
  });
});
