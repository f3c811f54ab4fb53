// The optimiser landscape: its gradient against finite differences, SGD's path worked by hand,
// Adam's path against the engine's adamStep applied by hand, and the pixel mapping.

import { describe, expect, it } from 'vitest';
import { adamDefaults, adamState, adamStep } from '../../../../src/engine/adam.ts';
import {
  canStep, clampToDomain, current, decayedRate, fromPixel, landscape, landscapeContours, landscapeGradient, landscapeLoss,
  landscapeRun, landscapeStart, landscapeStep, nudgeStart, pathD, toPixel, type Point,
} from '../../../../src/viz/training/landscape.ts';

describe('landscapeGradient', () => {
  it.each([[{ x: -4.5, y: 3 }], [{ x: 1.3, y: -0.7 }], [{ x: 0, y: 0 }], [{ x: 4.9, y: 4.9 }]])('matches central finite differences at %o', (p: Point) => {
    const h = 1e-5;
    const g = landscapeGradient(p);
    expect(g.x).toBeCloseTo((landscapeLoss({ x: p.x + h, y: p.y }) - landscapeLoss({ x: p.x - h, y: p.y })) / (2 * h), 7);
    expect(g.y).toBeCloseTo((landscapeLoss({ x: p.x, y: p.y + h }) - landscapeLoss({ x: p.x, y: p.y - h })) / (2 * h), 7);
  });

  it('has its only minimum, 0, at the origin', () => {
    expect(landscapeLoss({ x: 0, y: 0 })).toBe(0);
    expect(landscapeGradient({ x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });
});

describe('landscapeStep', () => {
  it('moves SGD by −lr·(1 − t/T)·gradient, worked by hand', () => {
    // f = x²/50 + 2y²: ∂f/∂x = x/25, ∂f/∂y = 4y
    const lr = 0.1;
    const r = landscapeRun(landscapeStart({ x: -4, y: 2 }, lr), 2);
    expect(r.sgd[1].x).toBeCloseTo(-4 - 0.1 * (-4 / 25), 14); // −3.984
    expect(r.sgd[1].y).toBeCloseTo(2 - 0.1 * 8, 14); // 1.2
    const lr1 = 0.1 * (1 - 1 / landscape.steps);
    expect(r.sgd[2].x).toBeCloseTo(r.sgd[1].x - lr1 * (r.sgd[1].x / 25), 14);
    expect(r.sgd[2].y).toBeCloseTo(1.2 - lr1 * 4.8, 14);
  });

  it('moves Adam exactly as the engine’s adamStep does, applied by hand', () => {
    const lr = 0.3;
    const r = landscapeRun(landscapeStart(landscape.start, lr), landscape.steps);
    const state = adamState(2, { lr });
    const data = Float64Array.of(landscape.start.x, landscape.start.y);
    for (let t = 0; t < landscape.steps; t++) {
      const g = landscapeGradient({ x: data[0], y: data[1] });
      adamStep(state, data, Float64Array.of(g.x, g.y), t, landscape.steps);
      expect(r.adam[t + 1]).toEqual({ x: data[0], y: data[1] });
    }
    expect(Array.from(r.adamState.m)).toEqual(Array.from(state.m));
    expect(r.adamState.config).toEqual({ ...adamDefaults, lr });
  });

  it('takes Adam’s first step as lr·sign(g) in each coordinate (bias correction makes m̂/√v̂ = g/|g|)', () => {
    const r = landscapeStep(landscapeStart({ x: -4, y: 2 }, 0.2));
    expect(r.adam[1].x).toBeCloseTo(-4 + 0.2, 6);
    expect(r.adam[1].y).toBeCloseTo(2 - 0.2, 6);
  });

  it('leaves the run it was given untouched, and stops when the learning rate reaches 0', () => {
    const a = landscapeStart(landscape.start, 0.3);
    const b = landscapeStep(a);
    expect(a.step).toBe(0);
    expect(a.adam).toHaveLength(1);
    expect(Array.from(a.adamState.m)).toEqual([0, 0]);
    expect(b.step).toBe(1);
    const done = landscapeRun(a, 1000);
    expect(done.step).toBe(landscape.steps);
    expect(canStep(done)).toBe(false);
    expect(landscapeStep(done)).toBe(done);
    expect(decayedRate(0.3, landscape.steps)).toBe(0);
  });

  it('shows what the chapter claims: from the default start, Adam reaches the floor and SGD is still crawling', () => {
    const r = landscapeRun(landscapeStart(landscape.start, landscape.lr.initial), landscape.steps);
    expect(landscapeLoss(current(r.adam))).toBeLessThan(0.001);
    expect(landscapeLoss(current(r.sgd))).toBeGreaterThan(0.05);
    expect(Math.abs(current(r.sgd).y)).toBeLessThan(1e-6); // across the valley SGD is done
  });
});

describe('layout', () => {
  it('maps the domain corners to the frame corners and back', () => {
    expect(toPixel({ x: -5, y: -5 })).toEqual({ x: 0, y: 320 });
    expect(toPixel({ x: 5, y: 5 })).toEqual({ x: 320, y: 0 });
    expect(fromPixel(160, 160)).toEqual({ x: 0, y: 0 });
    expect(fromPixel(0, 0)).toEqual({ x: -5, y: 5 });
    expect(fromPixel(-40, 400)).toEqual({ x: -5, y: -5 });
  });

  it('snaps starts to quarters and keeps nudges inside the square', () => {
    expect(clampToDomain({ x: 1.13, y: -2.9 })).toEqual({ x: 1.25, y: -3 });
    expect(nudgeStart({ x: 4.75, y: 0 }, 1, 0)).toEqual({ x: 5, y: 0 });
    expect(nudgeStart({ x: 5, y: 0 }, 1, 0)).toEqual({ x: 5, y: 0 });
    expect(nudgeStart({ x: 0, y: 0 }, 0, -1)).toEqual({ x: 0, y: -0.25 });
  });

  it('draws a path through every point and one contour per level', () => {
    expect(pathD([{ x: -5, y: 5 }, { x: 0, y: 0 }])).toBe('M0,0L160,160');
    const c = landscapeContours();
    expect(c.map((l) => l.level)).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2, 4, 8, 16, 32]);
    expect(c.every((l) => l.d.startsWith('M'))).toBe(true);
  });
});
