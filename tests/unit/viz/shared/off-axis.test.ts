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
  it('points the way the value left the plot, its tip beyond the edge', () => {
    expect(offAxisArrow(10, 20, 'up', 8).path).toBe('M10,12L6,20L14,20Z');
    expect(offAxisArrow(10, 20, 'right', 8).path).toBe('M18,20L10,16L10,24Z');
  });

  it('puts the label beside the arrow, away from the plot edge it points past', () => {
    const left = offAxisArrow(50, 50, 'left');
    expect(left.anchor).toBe('end');
    expect(left.labelX).toBeLessThan(50);
  });
});
