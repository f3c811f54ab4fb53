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
