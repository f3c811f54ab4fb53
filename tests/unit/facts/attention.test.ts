// The numbers chapter 5's lookup and playground sections quote, checked by hand.

import { describe, expect, it } from 'vitest';
import { lookupFacts as f } from '../../../src/facts/attention.ts';

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
