// The score-spread figure laid out: one strip of dots per kind of score (raw q·k, and q·k/√d)
// on one shared axis, each with a bar from one standard deviation below the mean to one above.
// The axis is fixed, so the raw strip visibly widens as d grows while the scaled one stays put.

import { scaleLinear } from 'd3-scale';
import { Random } from '../../engine/random.ts';
import { placeOnAxis } from '../shared/off-axis.ts';
import { linearTicks, type Tick } from '../shared/ticks.ts';
import type { SpreadAt } from './score-spread.ts';

/** The figure's size in SVG user units, and the axis range: wide enough for the raw scores at d = 256. */
export const spreadFigure = { width: 360, height: 150, left: 62, right: 10, top: 8, strip: 48, axis: [-60, 60] } as const;

/** One strip: its label, the dots (and all of them as one path), the ±1 standard deviation bar, and how many scores lie past the axis. */
export type Strip = { label: string; y: number; dots: { x: number; y: number }[]; path: string; sdBar: [number, number]; beyond: number };

/**
 * Dots as one SVG path of zero-length segments, drawn with round caps: a thousand dots are one
 * element and a few bytes each in the page, instead of a thousand circles.
 */
export function dotsPath(dots: readonly { x: number; y: number }[]): string {
  return dots.map((d) => `M${d.x.toFixed(1)} ${d.y.toFixed(1)}h0`).join('');
}

export type SpreadLayout = { strips: Strip[]; ticks: Tick[]; axisY: number; zeroX: number };

/** Vertical jitter inside a strip, the same on every render (a seeded generator of its own). */
function jitter(count: number): number[] {
  const random = new Random(1);
  return Array.from({ length: count }, () => random.uniform(-0.4, 0.4));
}

/** Lay out the raw and the scaled scores of one dimension. */
export function spreadLayout(s: SpreadAt): SpreadLayout {
  const f = spreadFigure;
  const x = scaleLinear().domain(f.axis).range([f.left, f.width - f.right]);
  const offsets = jitter(s.raw.length);
  const strip = (label: string, scores: number[], sd: number, row: number): Strip => {
    const y = f.top + f.strip * (row + 0.5);
    const placed = scores.map((v) => placeOnAxis(x, v));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const dots = placed.map((p, i) => ({ x: p.at, y: y + offsets[i] * f.strip }));
    return {
      label,
      y,
      dots,
      path: dotsPath(dots),
      sdBar: [placeOnAxis(x, mean - sd).at, placeOnAxis(x, mean + sd).at],
      beyond: placed.filter((p) => p.off).length,
    };
  };
  const axisY = f.top + 2 * f.strip + 6;
  return {
    strips: [strip('q·k', s.raw, s.sdRaw, 0), strip('q·k/√d', s.scaled, s.sdScaled, 1)],
    ticks: linearTicks(x, 6),
    axisY,
    zeroX: x(0),
  };
}
