// The numbers chapter 6's MLP and output sections quote, against plain arithmetic done here
// from the plan's weights and the running example's normalised input.

import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { mlpOutputFacts as f } from '../../../src/facts/mlp.ts';
import { katexOptions } from '../../../src/styles/math-macros.ts';

const t = f.toy;
const l = t.layer;

describe('the toy MLP of the running example', () => {
  it('computes each unit as its fc1 row · norm2, and the on units are those with z > 0 (h₁, h₃, h₄)', () => {
    const byHand = t.fc1.map(([a, b]) => a * l.norm2[0] + b * l.norm2[1]);
    byHand.forEach((z, i) => expect(l.mlpHidden[i]).toBeCloseTo(z, 14));
    expect(t.on).toEqual([1, 3, 4]);
    expect(t.onNames).toEqual(['h₁', 'h₃', 'h₄']);
  });

  it('brings the on units back down with fc2 and adds the residual', () => {
    const down = t.fc2.map((row) => t.on.reduce((s, i) => s + row[i] * l.mlpRelu[i], 0));
    down.forEach((m, j) => expect(l.mlpOut[j]).toBeCloseTo(m, 14));
    l.output.forEach((o, j) => expect(o).toBeCloseTo(l.afterAttn[j] + down[j], 14));
  });

  it('finds the mirror pair of rows, (0.1, 0.4) and (−0.1, −0.4), exactly one of which is on', () => {
    expect(t.mirror.map((m) => m.index)).toEqual([3, 7]);
    expect(t.on.includes(3) !== t.on.includes(7)).toBe(true);
    expect(t.other.on.includes(3) !== t.other.on.includes(7)).toBe(true);
  });
});

describe('the toy output', () => {
  it('takes logits as lm_head rows · output, softmax them, and scores c with −ln p', () => {
    const logits = t.lmHead.map(([a, b]) => a * l.output[0] + b * l.output[1]);
    const e = logits.map(Math.exp);
    const total = e.reduce((s, x) => s + x, 0);
    t.rows.forEach((r, i) => {
      expect(r.logit).toBeCloseTo(logits[i], 14);
      expect(r.p).toBeCloseTo(e[i] / total, 14);
    });
    expect(t.expSum).toBeCloseTo(total, 12);
    expect(t.target).toBe(3);
    expect(Math.max(...t.rows.map((r) => r.p))).toBe(t.targetP); // the prose: c gets the largest probability
    expect(t.targetLoss).toBeCloseTo(-Math.log(e[3] / total), 14);
    expect(t.lossB).toBeCloseTo(-Math.log(e[2] / total), 14);
  });

  it('writes every worked step as TeX that KaTeX renders', () => {
    const all = [...Object.values(t.tex).flat()];
    for (const expr of all) expect(() => katex.renderToString(expr, { ...katexOptions, throwOnError: true })).not.toThrow();
    expect(t.tex.units[1]).toBe('\\begin{aligned} h_1 &= −0.20 \\cdot (−0.6946) + 0.50 \\cdot 1.2319 \\\\ &= 0.7549 \\end{aligned}');
  });
});

describe('the trained model after "emm"', () => {
  it('ranks 27 probabilities that add up to 1, with the target a and its loss', () => {
    expect(f.real.ranked).toHaveLength(27);
    expect(f.real.ranked.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < 27; i++) expect(f.real.ranked[i - 1].p).toBeGreaterThanOrEqual(f.real.ranked[i].p);
    expect(f.real.targetLoss).toBeCloseTo(-Math.log(f.real.targetP), 14);
    expect(f.real.least).toEqual(f.real.ranked[26]);
  });

  it('compares with the uniform guess, ln 27 ≈ 3.2958, and counts what follows "emm" in the names', () => {
    expect(f.real.uniformLoss).toBeCloseTo(Math.log(27), 14);
    expect(f.real.uniformLoss).toBeCloseTo(3.2958, 4);
    expect(f.real.followers.every((x) => x.count > 0)).toBe(true);
    // the prose says the model's first guesses are the dataset's first continuations
    expect(f.real.agreeing).toBeGreaterThanOrEqual(2);
    expect(f.real.ranked.slice(0, f.real.agreeing).map((r) => r.label)).toEqual(f.real.followers.slice(0, f.real.agreeing).map((x) => x.label));
    expect(f.real.onFraction).toBeGreaterThan(0);
    expect(f.real.onFraction).toBeLessThan(0.5); // most units are off, as the prose says
    expect(f.real.names).toBe(8403); // taken over the whole dataset, as the prose says
  });

  it('counts the toy\'s units that are on over all 32 picks: not sparse, the running example the fewest', () => {
    const c = f.toy.onCounts;
    expect(c.picks).toBe(4 * 4 * 2);
    expect(c.fewest).toBe(f.toy.on.length); // the prose calls the running example the sparsest
    expect(c.atLeastHalf).toBeGreaterThan(c.picks / 2); // "not sparse"
    expect(c.most).toBeLessThanOrEqual(f.toy.hiddenSize);
  });
});
