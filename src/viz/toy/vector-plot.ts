// The toy's 2-D vectors drawn as arrows in the plane: every vector of the model fits on one
// small square plot because d_model is 2. Lays out arrows (tip to tail where one adds to
// another), an optional circle, and the gridlines; the widget only draws.

import { scaleLinear } from 'd3-scale';
import { linearTicks, type Tick } from '../shared/ticks.ts';

export type Point = readonly [number, number];

/** What an arrow stands for, which picks its colour from the visual vocabulary. */
export type ArrowRole = 'token' | 'position' | 'sum' | 'norm' | 'attn' | 'stream';

/** An arrow from `from` to `to`, in model units; its label goes on its left unless `labelRight`. */
export type ArrowSpec = { from: Point; to: Point; role: ArrowRole; label: string; labelRight?: boolean };

/** A laid-out arrow, in SVG units: its shaft, its head (polygon points) and where its label sits (beside its middle). */
export type PlotArrow = ArrowSpec & { x1: number; y1: number; x2: number; y2: number; head: string; labelX: number; labelY: number };

export type VectorPlot = {
  size: number;
  origin: { x: number; y: number };
  arrows: PlotArrow[];
  circle: { r: number } | null;
  ticks: Tick[]; // the same round numbers on both axes (x: `at` across; y: size − at)
};

/** Lay out arrows on a square plot of `size` units whose axes reach past every tip (and the circle). */
export function vectorPlot(arrows: readonly ArrowSpec[], size: number, circleRadius = 0): VectorPlot {
  const pad = 22;
  const reach = Math.max(circleRadius, ...arrows.flatMap((a) => [...a.from, ...a.to].map(Math.abs)), 0.1) * 1.15;
  const scale = scaleLinear().domain([-reach, reach]).range([pad, size - pad]);
  const toX = (v: number) => scale(v);
  const toY = (v: number) => size - scale(v);
  const laid = arrows.map((a) => {
    const [x1, y1, x2, y2] = [toX(a.from[0]), toY(a.from[1]), toX(a.to[0]), toY(a.to[1])];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len]; // along the arrow
    const back = (k: number, side: number) => `${x2 - ux * k - uy * side},${y2 - uy * k + ux * side}`;
    const head = [`${x2},${y2}`, back(7, 3.5), back(7, -3.5)].join(' ');
    // beside the middle, not at the tip, so arrows drawn tip to tail keep their labels apart
    const side = a.labelRight ? -10 : 10;
    return { ...a, x1, y1, x2, y2, head, labelX: (x1 + x2) / 2 + uy * side, labelY: (y1 + y2) / 2 - ux * side };
  });
  const ticks = linearTicks(scale, 4).filter((t) => t.value !== 0);
  return { size, origin: { x: toX(0), y: toY(0) }, arrows: laid, circle: circleRadius ? { r: scale(circleRadius) - scale(0) } : null, ticks };
}
