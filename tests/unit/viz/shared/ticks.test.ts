// One tick shape for every axis: value, pixel position, label.

import { scaleLinear, scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks } from '../../../../src/viz/shared/ticks.ts';

describe('linearTicks', () => {
  const x = scaleLinear().domain([0, 10]).range([0, 100]);

  it('gives each round number its pixel position and label', () => {
    expect(linearTicks(x, 2)).toEqual([
      { value: 0, at: 0, label: '0' },
      { value: 5, at: 50, label: '5' },
      { value: 10, at: 100, label: '10' },
    ]);
  });

  it('labels negative ticks with a true minus sign', () => {
    const s = scaleLinear().domain([-2, 2]).range([0, 40]);
    expect(linearTicks(s, 4).map((t) => t.label)).toEqual(['−2', '−1', '0', '1', '2']);
  });

  it('keeps only whole numbers when asked, for counts and steps', () => {
    const s = scaleLinear().domain([0, 3]).range([0, 30]);
    expect(linearTicks(s, 10, { integers: true }).map((t) => t.value)).toEqual([0, 1, 2, 3]);
  });

  it('takes a label function', () => {
    expect(linearTicks(x, 1, { label: (v) => `${v}%` }).map((t) => t.label)).toEqual(['0%', '10%']);
  });
});

describe('logTicks', () => {
  it('puts one tick on each power of ten inside the domain', () => {
    const y = scaleLog().domain([0.01, 100]).range([100, 0]);
    expect(logTicks(y).map((t) => t.label)).toEqual(['0.01', '0.1', '1', '10', '100']);
    expect(logTicks(y)[2].at).toBeCloseTo(50);
  });

  it('thins to at most the number asked for, and writes far powers as 1e…', () => {
    const y = scaleLog().domain([1e-12, 1e4]).range([100, 0]);
    const ticks = logTicks(y, 5);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks[0].label).toBe('1e−12');
  });
});
