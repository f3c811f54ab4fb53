// One head on plain numbers, against hand-worked values and a plain recomputation.

import { describe, expect, it } from 'vitest';
import { attend, oneHot } from '../../../../src/viz/attention/attend.ts';
import { runningExample, toyStep } from '../../../../src/viz/toy/walkthrough.ts';

/** The plain-number head: scores q·k/√d, softmax, weighted sum. */
function plainHead(q: number[], keys: number[][], vals: number[][]) {
  const scores = keys.map((k) => k.reduce((s, kj, j) => s + kj * q[j], 0) / Math.sqrt(q.length));
  const exps = scores.map((s) => Math.exp(s));
  const total = exps.reduce((a, b) => a + b, 0);
  const weights = exps.map((e) => e / total);
  const output = vals[0].map((_, j) => vals.reduce((s, v, t) => s + weights[t] * v[j], 0));
  return { scores, weights, output };
}

describe('attend', () => {
  it('scores q = (1, 0) against keys (1, 0) and (0, 1) as 1/√2 and 0, with weights e^(1/√2) : 1', () => {
    const r = attend([1, 0], [[1, 0], [0, 1]], [[2, 0], [0, 2]]);
    expect(r.scores[0]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(r.scores[1]).toBe(0);
    const e = Math.exp(Math.SQRT1_2);
    expect(r.weights[0]).toBeCloseTo(e / (e + 1), 14);
    expect(r.output[0]).toBeCloseTo((2 * e) / (e + 1), 14);
    expect(r.output[1]).toBeCloseTo(2 / (e + 1), 14);
  });

  it('matches the plain head and the engine’s trace on the running example', () => {
    const s = toyStep(runningExample);
    const q = s.trace.layers[0].q;
    const keys = s.cache.map((c) => c.key);
    const vals = s.cache.map((c) => c.value);
    const r = attend(q, keys, vals);
    const p = plainHead(q, keys, vals);
    r.weights.forEach((w, t) => expect(w).toBeCloseTo(p.weights[t], 14));
    r.output.forEach((o, j) => expect(o).toBeCloseTo(p.output[j], 14));
    expect(r.weights).toEqual(s.trace.layers[0].heads[0].weights);
    expect(r.output).toEqual(s.trace.layers[0].heads[0].out);
  });

  it('with one-hot weights returns that position’s value row exactly, whatever the query', () => {
    const vals = [[0.2, -0.3], [0.5, 0.2], [-0.24, 0.84]];
    for (const q of [[0, 0], [2, -2], [-1.3, 0.7]]) {
      const r = attend(q, [[0.3, 0.1], [-0.1, 0.4], [-0.4, 0.4]], vals, oneHot(3, 1));
      expect(r.weights).toEqual([0, 1, 0]);
      expect(r.output).toEqual(vals[1]);
    }
  });
});

describe('oneHot', () => {
  it('puts 1 at the chosen position and 0 elsewhere', () => {
    expect(oneHot(4, 2)).toEqual([0, 0, 1, 0]);
  });
});
