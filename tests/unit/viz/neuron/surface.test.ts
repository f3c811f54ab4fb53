// Surface layout: sampling a function on a grid, the heatmap's shades, contour levels and
// paths, and the fold lines where a ReLU switches on.

import { describe, expect, it } from 'vitest';
import {
  axisTicks, contourLevels, contourPaths, foldLine, gridMax, heatBands, levelsEvery, sampleGrid, toPixelX, toPixelY,
} from '../../../../src/viz/neuron/surface.ts';

const domain = { min: -2, max: 2 };
const frame = { size: 200 };

describe('sampleGrid', () => {
  it('samples (n+1)² points, edges included, x₁ along rows and x₂ growing with the row', () => {
    const g = sampleGrid((x1, x2) => 10 * x1 + x2, domain, 4);
    expect(g.values).toHaveLength(25);
    expect(g.values[0]).toBe(10 * -2 + -2); // (min, min)
    expect(g.values[4]).toBe(10 * 2 + -2); // (max, min): end of the first row
    expect(g.values[5]).toBe(10 * -2 + -1); // next row: x2 one step up
    expect(g.values[24]).toBe(10 * 2 + 2); // (max, max)
  });

  it('refuses a grid with no steps', () => {
    expect(() => sampleGrid(() => 0, domain, 0)).toThrow(RangeError);
  });

  it('gridMax is the largest value, and 0 for a grid of zeros', () => {
    expect(gridMax(sampleGrid((x1) => x1, domain, 4))).toBe(2);
    expect(gridMax(sampleGrid(() => 0, domain, 4))).toBe(0);
  });
});

describe('pixels', () => {
  it('x₁ runs left to right and x₂ bottom to top', () => {
    expect([toPixelX(-2, domain, frame), toPixelX(0, domain, frame), toPixelX(2, domain, frame)]).toEqual([0, 100, 200]);
    expect([toPixelY(-2, domain, frame), toPixelY(2, domain, frame)]).toEqual([200, 0]);
  });

  it('axis ticks run from min to max inclusive', () => {
    expect(axisTicks(domain)).toEqual([-2, -1, 0, 1, 2]);
    expect(axisTicks({ min: 0, max: 1 }, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('heatBands', () => {
  it('a grid of zeros shades nothing', () => {
    expect(heatBands(sampleGrid(() => 0, domain, 4), frame, 3)).toEqual([]);
  });

  it('nests the shades, palest first, each covering where value/top rounds up to it', () => {
    const g = sampleGrid((x1) => x1 + 2, domain, 8); // 0 … 4 from left to right
    const bands = heatBands(g, frame, 4, 4);
    expect(bands.map((b) => b.shade)).toEqual([0.25, 0.5, 0.75, 1]);
    // each band's left edge sits where the value crosses its threshold (k − ½)/levels · top, interpolated between samples
    const leftEdge = (d: string) => Math.min(...[...d.matchAll(/[ML]([-\d.]+),/g)].map(([, x]) => Number(x)).filter((x) => x >= 0));
    bands.forEach((b, k) => expect(leftEdge(b.d)).toBeCloseTo(toPixelX((k + 0.5) - 2, domain, frame), 6));
  });

  it('traces its edges between samples, not along grid cells', () => {
    const g = sampleGrid((x1, x2) => Math.max(0, x1 + x2), domain, 10);
    const cell = frame.size / 10;
    const xs = heatBands(g, frame, 3).flatMap((b) => [...b.d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map(([, x]) => Number(x)));
    const offGrid = xs.filter((x) => Math.abs(x / cell - Math.round(x / cell)) > 0.01);
    expect(offGrid.length).toBeGreaterThan(xs.length / 4);
  });
});

describe('contour levels', () => {
  it('picks a round step so there are at most ten levels, never including 0 or the maximum', () => {
    expect(contourLevels(3)).toEqual({ step: 0.5, levels: [0.5, 1, 1.5, 2, 2.5] });
    expect(contourLevels(2.2).step).toBe(0.25);
    expect(contourLevels(40)).toEqual({ step: 5, levels: [5, 10, 15, 20, 25, 30, 35] });
    expect(contourLevels(0).levels).toEqual([]);
  });

  it('levelsEvery lists step, 2·step, … below max', () => {
    expect(levelsEvery(0.5, 1.7)).toEqual([0.5, 1, 1.5]);
    expect(levelsEvery(1, 1)).toEqual([]);
  });
});

describe('contourPaths', () => {
  it('the contour of x₁ at level 0 is the vertical line through the middle of the frame', () => {
    const g = sampleGrid((x1) => x1, domain, 8);
    const [c] = contourPaths(g, [0], frame);
    expect(c.level).toBe(0);
    // every point of the path that lies inside the frame is on x = 100 (the rest is the
    // region's border outside the frame, which the widget clips away)
    const points = [...c.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const inside = points.filter(([x, y]) => x > 0 && x < 200 && y > 0 && y < 200);
    expect(inside.length).toBeGreaterThan(0);
    for (const [x] of inside) expect(x).toBeCloseTo(100, 6);
  });

  it('gives one path per level, and an empty path for a level nothing reaches', () => {
    const g = sampleGrid((x1, x2) => x1 * x1 + x2 * x2, domain, 20);
    const paths = contourPaths(g, [1, 2, 100], frame);
    expect(paths.map((p) => p.level)).toEqual([1, 2, 100]);
    expect(paths[0].d).toMatch(/^M/);
    expect(paths[2].d).toBe('');
  });

  it('a circle contour stays at its radius', () => {
    const g = sampleGrid((x1, x2) => Math.hypot(x1, x2), domain, 40);
    const [c] = contourPaths(g, [1], frame);
    const points = [...c.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // the region above 1 is everything outside the circle; its outer border lies beyond the frame
    const inside = points.filter(([x, y]) => x >= 0 && x <= 200 && y >= 0 && y <= 200);
    expect(inside.length).toBeGreaterThan(20);
    for (const [x, y] of inside) expect(Math.abs(Math.hypot(x - 100, y - 100) - 50)).toBeLessThan(0.5); // radius 1 = 50 px
  });
});

describe('foldLine', () => {
  it('x₁ = 0 crosses the square from bottom to top in the middle', () => {
    const line = foldLine(1, 0, 0, domain, frame)!;
    expect(line).not.toBeNull();
    expect([line[0], line[2]]).toEqual([100, 100]);
    expect([line[1], line[3]].sort((a, b) => a - b)).toEqual([0, 200]);
  });

  it('x₁ + x₂ = 0 is the diagonal from the bottom-left to the top-right corner', () => {
    const line = foldLine(1, 1, 0, domain, frame)!;
    const ends = [[line[0], line[1]], [line[2], line[3]]].sort((a, b) => a[0] - b[0]);
    expect(ends).toEqual([[0, 0], [200, 200]]);
  });

  it('is null when the line misses the square or there is no line at all', () => {
    expect(foldLine(1, 0, -5, domain, frame)).toBeNull(); // x₁ = 5
    expect(foldLine(0, 0, 1, domain, frame)).toBeNull(); // 1 = 0: never
  });
});
