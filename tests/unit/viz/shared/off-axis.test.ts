// A value off its axis is held at the edge and flagged, never silently clamped.

import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { offAxisArrow, placeOnAxis } from '../../../../src/viz/shared/off-axis.ts';

describe('placeOnAxis', () => {
  const y = scaleLinear().domain([0, 10]).range([200, 0]);

  it.each([
    [5, { at: 100, off: null }],
    [0, { at: 200, off: null }],
    [-3, { at: 200, off: 'below' }],
    [42, { at: 0, off: 'above' }],
    [Infinity, { at: 0, off: 'above' }],
    [Number.NaN, { at: 0, off: 'above' }],
  ])('places %s at %o', (value, expected) => {
    expect(placeOnAxis(y, value)).toEqual(expected);
  });

  it('works on a reversed domain', () => {
    const x = scaleLinear().domain([10, 0]).range([0, 100]);
    expect(placeOnAxis(x, 11)).toEqual({ at: 0, off: 'above' });
  });
});

describe('offAxisArrow', () => {
  it('points the way the value left the plot, its tip on the edge and its body inside', () => {
    expect(offAxisArrow(10, 20, 'up').path).toBe('M10,20L6,28L14,28Z');
    expect(offAxisArrow(10, 20, 'right').path).toBe('M10,20L2,16L2,24Z');
  });

  it('puts the label beside the arrow, inside the plot', () => {
    const right = offAxisArrow(300, 50, 'right');
    expect(right.anchor).toBe('end');
    expect(right.labelX).toBeLessThan(300);
    expect(offAxisArrow(20, 50, 'left').labelX).toBeGreaterThan(20);
  });

  it('moves an up arrow’s label to its left near the right edge', () => {
    expect(offAxisArrow(100, 0, 'up', { right: 240 }).anchor).toBe('start');
    expect(offAxisArrow(230, 0, 'up', { right: 240 }).anchor).toBe('end');
  });
});
