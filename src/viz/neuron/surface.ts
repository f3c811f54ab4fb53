// A function of two inputs drawn as a surface seen from above: a heatmap of its values,
// contour lines at round levels, and straight fold lines where a ReLU switches on.
// Pure layout: grids of numbers in, rectangles and SVG path strings out.

import { contours } from 'd3-contour';

/** A square domain [min, max]² in input units. */
export type Domain = { min: number; max: number };

/**
 * Values of f sampled on (n+1)×(n+1) points from min to max inclusive, edges included.
 * values[j * (n + 1) + i] = f(x1_i, x2_j), with x2 growing with j (drawn upwards).
 */
export type Grid = { n: number; domain: Domain; values: Float64Array };

/** Sample f(x1, x2) on an n-step grid over the domain, edges included. */
export function sampleGrid(f: (x1: number, x2: number) => number, domain: Domain, n: number): Grid {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`a grid needs a whole number of steps ≥ 1, got ${n}`);
  const side = n + 1;
  const h = (domain.max - domain.min) / n;
  const values = new Float64Array(side * side);
  for (let j = 0; j < side; j++) {
    const x2 = domain.min + j * h;
    for (let i = 0; i < side; i++) values[j * side + i] = f(domain.min + i * h, x2);
  }
  return { n, domain, values };
}

/** The largest value of a grid (0 for an all-zero grid). */
export function gridMax(grid: Grid): number {
  let max = 0;
  for (const v of grid.values) if (v > max) max = v;
  return max;
}

/** Where the plot sits: a size×size square of pixels for the domain, x1 to the right, x2 up. */
export type Frame = { size: number };

/** Pixel position of input x1 (horizontal) or x2 (vertical, upwards). */
export function toPixelX(x1: number, domain: Domain, frame: Frame): number {
  return ((x1 - domain.min) / (domain.max - domain.min)) * frame.size;
}
export function toPixelY(x2: number, domain: Domain, frame: Frame): number {
  return frame.size - ((x2 - domain.min) / (domain.max - domain.min)) * frame.size;
}

/** One shade of the heatmap: the region where the value reaches it, as one SVG path; shade in (0, 1]. */
export type HeatShade = { shade: number; d: string };

/**
 * The heatmap as nested regions, palest first: shade k/levels covers where value/top rounds to
 * k/levels or more, its edge traced by the contour at (k − ½)/levels · top, interpolated between
 * samples. Painted in order, each over the last, they shade the surface in smooth-edged bands
 * instead of grid cells. A region closes along the outside of the sampled square, half a cell
 * past the frame, so clip the drawing to the frame.
 */
export function heatBands(grid: Grid, frame: Frame, top: number, levels = 24): HeatShade[] {
  const thresholds = Array.from({ length: levels }, (_, k) => ((k + 0.5) / levels) * top);
  return contourPaths(grid, thresholds, frame)
    .map((c, k) => ({ shade: (k + 1) / levels, d: c.d }))
    .filter((b) => b.d !== '');
}

/** Contour levels for values up to `max`: round steps, at most `most` of them, never 0. */
export function contourLevels(max: number, most = 10): { step: number; levels: number[] } {
  const steps = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100];
  const step = steps.find((s) => max / s <= most) ?? Math.ceil(max / most);
  return { step, levels: levelsEvery(step, max) };
}

/** step, 2·step, … below max. */
export function levelsEvery(step: number, max: number): number[] {
  const levels: number[] = [];
  for (let k = 1; k * step < max; k++) levels.push(k * step);
  return levels;
}

/** One contour line (possibly several pieces) at one level, as an SVG path in frame pixels. */
export type ContourPath = { level: number; d: string };

/**
 * Contour lines of a grid at the given levels, as SVG paths in frame pixels. d3-contour closes
 * each region along the outside of the sampled square; those pieces land half a cell beyond
 * the frame, so clipping the drawing to the frame leaves only the true lines.
 */
export function contourPaths(grid: Grid, levels: readonly number[], frame: Frame): ContourPath[] {
  const side = grid.n + 1;
  const cell = frame.size / grid.n;
  // d3-contour puts sample (i, j) at (i + 0.5, j + 0.5)
  const px = (c: number) => round2((c - 0.5) * cell);
  const py = (c: number) => round2(frame.size - (c - 0.5) * cell);
  const generator = contours().size([side, side]).smooth(true).thresholds(levels as number[]);
  return generator(Array.from(grid.values)).map((polygon) => ({
    level: polygon.value,
    d: polygon.coordinates
      .flatMap((rings) => rings.map((ring) => 'M' + ring.map(([cx, cy]) => `${px(cx)},${py(cy)}`).join('L') + 'Z'))
      .join(''),
  }));
}

/**
 * The straight line a·x1 + b·x2 + c = 0 inside the domain (where a neuron's weighted sum
 * crosses zero and its ReLU switches on), as two end points in frame pixels, or null if it
 * misses the square.
 */
export function foldLine(a: number, b: number, c: number, domain: Domain, frame: Frame): [number, number, number, number] | null {
  const { min, max } = domain;
  const points: [number, number][] = [];
  const add = (x1: number, x2: number) => {
    const eps = 1e-9 * (max - min);
    if (x1 < min - eps || x1 > max + eps || x2 < min - eps || x2 > max + eps) return;
    if (points.some(([p, q]) => Math.abs(p - x1) < eps && Math.abs(q - x2) < eps)) return;
    points.push([x1, x2]);
  };
  if (b !== 0) {
    add(min, -(a * min + c) / b);
    add(max, -(a * max + c) / b);
  }
  if (a !== 0) {
    add(-(b * min + c) / a, min);
    add(-(b * max + c) / a, max);
  }
  if (points.length < 2) return null;
  const [[p1, q1], [p2, q2]] = points;
  return [toPixelX(p1, domain, frame), toPixelY(q1, domain, frame), toPixelX(p2, domain, frame), toPixelY(q2, domain, frame)].map(round2) as [number, number, number, number];
}

/** Evenly spaced tick values from min to max inclusive. */
export function axisTicks(domain: Domain, step = 1): number[] {
  const ticks: number[] = [];
  for (let v = domain.min; v <= domain.max + 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
