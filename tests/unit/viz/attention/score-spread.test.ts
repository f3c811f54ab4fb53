// The score spread against independent computations: the test draws its own vectors from the
// engine's seeded Random and computes dot products and spreads with its own loops.

import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/engine/random.ts';
import {
  drawPairs, rowLength, softmaxRow, softmaxRows, spreadAt, spreadPairs, spreadSampleSize, standardDeviation,
} from '../../../../src/viz/attention/score-spread.ts';

/** The test's own sample: count pairs of d-entry Gaussian vectors, drawn q then k, and their dot products. */
function ownScores(count: number, maxD: number, d: number, seed: number): number[] {
  const r = new Random(seed);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const q = Array.from({ length: maxD }, () => r.gauss());
    const k = Array.from({ length: maxD }, () => r.gauss());
    let s = 0;
    for (let j = 0; j < d; j++) s += q[j] * k[j];
    out.push(s);
  }
  return out;
}

function ownSd(xs: number[]): number {
  let mean = 0;
  for (const x of xs) mean += x / xs.length;
  let v = 0;
  for (const x of xs) v += (x - mean) * (x - mean);
  return Math.sqrt(v / xs.length);
}

describe('standardDeviation', () => {
  it('is √1.25 for 1, 2, 3, 4 (mean 2.5, squared deviations 2.25, 0.25, 0.25, 2.25) and 0 for equal numbers', () => {
    expect(standardDeviation([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(standardDeviation([2, 2, 2])).toBe(0);
  });
});

describe('drawPairs', () => {
  it('draws each pair as a query then a key, in the seeded generator’s order', () => {
    const pairs = drawPairs(2, 3, 7);
    const r = new Random(7);
    const seq = Array.from({ length: 12 }, () => r.gauss());
    expect(pairs.q).toEqual([seq.slice(0, 3), seq.slice(6, 9)]);
    expect(pairs.k).toEqual([seq.slice(3, 6), seq.slice(9, 12)]);
  });
});

describe('spreadAt on the page’s sample', () => {
  const pairs = spreadPairs();
  const { count, seed } = spreadSampleSize;

  it.each([1, 4, 16, 64, 256])('at d = %i the raw scores spread like √d and the divided ones like 1 (within 15%)', (d) => {
    const own = ownScores(count, 256, d, seed);
    const s = spreadAt(pairs, d);
    expect(s.sdRaw).toBeCloseTo(ownSd(own), 10);
    expect(Math.abs(s.sdRaw / Math.sqrt(d) - 1)).toBeLessThan(0.15);
    expect(Math.abs(s.sdScaled - 1)).toBeLessThan(0.15);
    expect(s.scaled[0]).toBeCloseTo(own[0] / Math.sqrt(d), 12);
  });

  it('at d = 256 softmax of raw rows is far more peaked than of divided rows, and far less steep', () => {
    const s = spreadAt(pairs, 256);
    expect(s.rowsRaw.meanTopWeight).toBeGreaterThan(0.85);
    expect(s.rowsScaled.meanTopWeight).toBeLessThan(0.5);
    expect(s.rowsRaw.meanTopSlope).toBeLessThan(s.rowsScaled.meanTopSlope / 3);
  });
});

describe('softmaxRow', () => {
  it('gives weights 1/4 and 3/4 for scores 0 and ln 3, and the top weight’s slope w(1 − w) = 3/16', () => {
    const row = softmaxRow([0, Math.log(3)]);
    expect(row.weights[0]).toBeCloseTo(0.25, 14);
    expect(row.weights[1]).toBeCloseTo(0.75, 14);
    expect(row.top).toBe(1);
    expect(row.topSlope).toBeCloseTo(3 / 16, 14);
  });
});

describe('softmaxRows', () => {
  it(`cuts scores into rows of ${rowLength}: equal scores give every weight 1/8 and a slope of 7/64`, () => {
    const rows = softmaxRows(new Array(rowLength * 3).fill(0.5));
    expect(rows.first.weights).toHaveLength(rowLength);
    expect(rows.meanTopWeight).toBeCloseTo(1 / 8, 14);
    expect(rows.meanTopSlope).toBeCloseTo(7 / 64, 14);
  });
});
