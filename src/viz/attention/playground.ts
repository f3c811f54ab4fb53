// The attention playground laid out: two planes side by side. In the first, the query the
// reader moves and the keys of the cache, each drawn as an arrow from the origin and a ray on
// to the edge, where its label goes (a score is q·k, so direction and length both count). In the second, the value rows and the output, the
// weighted mix of them, which always lies among them. Also: where a pointer or a key press
// puts the query.

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { linearTicks, type Tick } from '../shared/ticks.ts';

/** The query's range on both sliders and in the first plane, and the sliders' step. */
export const queryRange = { min: -2, max: 2, step: 0.01 } as const;

/** How far one arrow key moves the query point, and one with Shift held. */
export const keySteps = { small: 0.05, large: 0.25 } as const;

/** One plane's size in SVG user units (square). */
export const planeSize = { side: 220, margin: 26 } as const;

export type Vec2 = readonly [number, number];

/** A labelled point on a plane, in SVG units, with where its label goes. */
export type PlanePoint = { x: number; y: number; label: string; labelX: number; labelY: number; anchor: 'start' | 'end' };

/** A plane's scales, ticks and the origin, for axes and grid lines. */
export type Plane = { extent: number; x: ScaleLinear<number, number>; y: ScaleLinear<number, number>; ticks: Tick[]; yTicks: Tick[]; origin: { x: number; y: number } };

/** A square plane from −extent to extent on both axes, y pointing up. */
export function plane(extent: number): Plane {
  const { side, margin } = planeSize;
  const x = scaleLinear().domain([-extent, extent]).range([margin, side - margin / 2]);
  const y = scaleLinear().domain([-extent, extent]).range([side - margin, margin / 2]);
  return { extent, x, y, ticks: linearTicks(x, 4), yTicks: linearTicks(y, 4), origin: { x: x(0), y: y(0) } };
}

/** The smallest half-width, in steps of 0.5 and at least 1, that holds every point. */
export function valueExtent(points: readonly Vec2[]): number {
  const largest = Math.max(0, ...points.flatMap(([a, b]) => [Math.abs(a), Math.abs(b)]));
  return Math.max(1, Math.ceil(largest / 0.5 - 1e-9) * 0.5);
}

const labelHeight = 12;
const charWidth = 6.2;

/**
 * Place each point's label beside it, to the right (to the left near the right edge); a label
 * that would overlap one already placed moves down a line until it does not.
 */
export function labelPoints(pl: Plane, points: readonly { at: Vec2; label: string }[]): PlanePoint[] {
  const placed: { x0: number; x1: number; y: number }[] = [];
  const right = planeSize.side - planeSize.margin / 2;
  return points.map(({ at, label }) => {
    const x = pl.x(at[0]);
    const y = pl.y(at[1]);
    const width = label.length * charWidth;
    const anchor = x + 7 + width > right ? 'end' : 'start';
    const x0 = anchor === 'start' ? x + 7 : x - 7 - width;
    let labelY = y - 6;
    while (placed.some((p) => p.x0 < x0 + width && x0 < p.x1 && Math.abs(p.y - labelY) < labelHeight)) labelY += labelHeight;
    placed.push({ x0, x1: x0 + width, y: labelY });
    return { x, y, label, labelX: anchor === 'start' ? x + 7 : x - 7, labelY, anchor };
  });
}

/**
 * Where the ray from the origin through `at` meets a square a little inside the plane's edge:
 * the keys are short, so each key is labelled out there, at the end of its direction.
 */
export function rayEnd(pl: Plane, at: Vec2, inset = 0.9): Vec2 {
  const largest = Math.max(Math.abs(at[0]), Math.abs(at[1]));
  if (largest === 0) return at;
  const t = (inset * pl.extent) / largest;
  return [at[0] * t, at[1] * t];
}

/** Keep a coordinate inside the query's range, on the sliders' step. */
export function clampQuery(v: number): number {
  const { min, max, step } = queryRange;
  const stepped = Math.round(v / step) * step;
  return Number(Math.min(max, Math.max(min, stepped)).toFixed(2));
}

/** The query at a point of the first plane given in SVG units (where a pointer is). */
export function queryAt(pl: Plane, px: number, py: number): [number, number] {
  return [clampQuery(pl.x.invert(px)), clampQuery(pl.y.invert(py))];
}

/**
 * Where an arrow key moves the query: left and right change q₁, up and down q₂, by a small
 * step (a large one with Shift), held inside the range. null for any other key.
 */
export function stepQuery(q: Vec2, key: string, large = false): [number, number] | null {
  const d = large ? keySteps.large : keySteps.small;
  const moves: Record<string, Vec2> = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowDown: [0, -d], ArrowUp: [0, d] };
  const m = moves[key];
  return m ? [clampQuery(q[0] + m[0]), clampQuery(q[1] + m[1])] : null;
}
