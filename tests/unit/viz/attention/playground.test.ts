// The playground's layout and the query's moves, against values worked by hand.

import { describe, expect, it } from 'vitest';
import { clampQuery, labelPoints, plane, planeSize, queryAt, rayEnd, stepQuery, valueExtent } from '../../../../src/viz/attention/playground.ts';

describe('plane', () => {
  // side 220, margin 26: x runs from 26 to 220 − 13 = 207, y from 194 (bottom) up to 13
  const pl = plane(2);
  it('maps −2…2 onto 26…207 across and 194…13 up', () => {
    expect(planeSize).toEqual({ side: 220, margin: 26 });
    expect([pl.x(-2), pl.x(2), pl.y(-2), pl.y(2)]).toEqual([26, 207, 194, 13]);
    expect(pl.origin).toEqual({ x: 116.5, y: 103.5 });
  });
  it('reads a pointer back into a query on the sliders’ grid, held inside the range', () => {
    expect(queryAt(pl, 116.5, 103.5)).toEqual([0, 0]);
    expect(queryAt(pl, 207, 13)).toEqual([2, 2]);
    expect(queryAt(pl, 0, 300)).toEqual([-2, -2]);
    // 45.25 units per 1: (116.5 + 45.25·0.5, 103.5 − 45.25·0.25)
    expect(queryAt(pl, 139.125, 92.1875)).toEqual([0.5, 0.25]);
  });
});

describe('clampQuery', () => {
  it.each([[0.123, 0.12], [0.126, 0.13], [2.345, 2], [-7, -2], [-0.004, 0]])('%f becomes %f', (v, want) => {
    expect(clampQuery(v)).toBe(want);
  });
});

describe('stepQuery', () => {
  it('moves q₁ with left and right, q₂ with up and down, by 0.05 (0.25 with Shift)', () => {
    expect(stepQuery([0, 0], 'ArrowRight')).toEqual([0.05, 0]);
    expect(stepQuery([0, 0], 'ArrowLeft')).toEqual([-0.05, 0]);
    expect(stepQuery([0.1, 0.2], 'ArrowUp')).toEqual([0.1, 0.25]);
    expect(stepQuery([0.1, 0.2], 'ArrowDown', true)).toEqual([0.1, -0.05]);
  });
  it('stops at the edge of the range and ignores other keys', () => {
    expect(stepQuery([1.9, 0], 'ArrowRight', true)).toEqual([2, 0]);
    expect(stepQuery([0, 0], 'Enter')).toBeNull();
  });
});

describe('valueExtent', () => {
  it('is at least 1 and otherwise the next half above the largest coordinate', () => {
    expect(valueExtent([[0.5, -0.3], [0.84, 0.2]])).toBe(1);
    expect(valueExtent([[1.2, 0]])).toBe(1.5);
    expect(valueExtent([[0, -1.5]])).toBe(1.5);
  });
});

describe('rayEnd', () => {
  it('carries a key out along its direction to 0.9 of the extent', () => {
    const [x, y] = rayEnd(plane(2), [0.3, 0.1]);
    expect(x).toBeCloseTo(1.8, 14);
    expect(y).toBeCloseTo(0.6, 14);
    expect(rayEnd(plane(2), [0, 0])).toEqual([0, 0]);
  });
});

describe('labelPoints', () => {
  const pl = plane(2);
  it('puts a label 7 units right of its point and 6 above; one that would overlap goes a line (12) lower', () => {
    const [a, b] = labelPoints(pl, [{ at: [0, 0], label: 'k₀ BOS' }, { at: [0, 0], label: 'k₃ BOS' }]);
    expect([a.labelX, a.labelY, a.anchor]).toEqual([123.5, 97.5, 'start']);
    expect([b.labelX, b.labelY]).toEqual([123.5, 109.5]);
  });
  it('anchors a label near the right edge at its end, to the left of the point', () => {
    const [p] = labelPoints(pl, [{ at: [1.8, 0], label: 'k₀ BOS' }]);
    expect(p.anchor).toBe('end');
    expect(p.labelX).toBeCloseTo(pl.x(1.8) - 7, 12);
  });
});
