import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { rmsnormExercise, toyWalk } from '../../../src/facts/attention.ts';
import { katexOptions } from '../../../src/styles/math-macros.ts';

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
