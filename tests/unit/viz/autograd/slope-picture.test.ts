// The slope picture: its numbers are the engine's, checked against the calculus by hand.

import { describe, expect, it } from 'vitest';
import { slopePicture } from '../../../../src/viz/autograd/slope-picture.ts';

describe('slopePicture', () => {
  it('puts the point, the real change and the tangent’s prediction where L = (3w + 1 − 10)² puts them', () => {
    const { numbers: n, at, real, predicted } = slopePicture(1, 0.75);
    const L = (w: number) => (3 * w + 1 - 10) ** 2;
    expect(n.loss).toBeCloseTo(L(1), 12);
    expect(n.grad).toBeCloseTo(2 * (3 * 1 - 9) * 3, 12); // dL/dw = 2(3w − 9)·3
    expect(n.after).toBeCloseTo(L(1.75), 12);
    expect(n.change).toBeCloseTo(L(1.75) - L(1), 12);
    expect(n.predicted).toBeCloseTo(n.grad * 0.75, 12);
    // the curve bends up, so the tangent's prediction goes lower than the curve does
    expect(n.predicted).toBeLessThan(n.change);
    expect(real.x).toBe(predicted.x);
    expect(predicted.y).toBeGreaterThan(real.y); // lower on screen
    expect(real.x).toBeGreaterThan(at.x);
    expect(slopePicture()).toEqual(slopePicture(1, 0.75)); // the chapter's picture
  });
});
