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
export type PlotArrow = ArrowSpec & { x1: number; y1: number; x2: number; y2: number; head: string; labelX: number; labelY: number; anchor: LabelAnchor };

export type LabelAnchor = 'start' | 'middle' | 'end';

/** A label's box in SVG units (10 px monospace: about 6.5 px a character, 11 px tall), as the widget draws it. */
export type LabelBox = { left: number; right: number; top: number; bottom: number };

export function labelBox(x: number, y: number, anchor: LabelAnchor, text: string): LabelBox {
  const w = 6.5 * [...text].length;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { left, right: left + w, top: y - 5.5, bottom: y + 5.5 };
}

/** How far two boxes are from overlapping: negative when they overlap (by the smaller of the two overlaps). */
function clearance(a: LabelBox, b: LabelBox): number {
  const gx = Math.max(b.left - a.right, a.left - b.right);
  const gy = Math.max(b.top - a.bottom, a.top - b.bottom);
  return Math.max(gx, gy);
}

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
  // each label takes the first of its places (beside the middle on its preferred side, then the
  // other side, beyond the tip, beside the three-quarter and quarter points) that keeps clear of
  // the labels already placed, else the place with the most room; short arrows crowd the origin
  const placed: LabelBox[] = [];
  const laid = arrows.map((a) => {
    const [x1, y1, x2, y2] = [toX(a.from[0]), toY(a.from[1]), toX(a.to[0]), toY(a.to[1])];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len]; // along the arrow
    const back = (k: number, side: number) => `${x2 - ux * k - uy * side},${y2 - uy * k + ux * side}`;
    const head = [`${x2},${y2}`, back(7, 3.5), back(7, -3.5)].join(' ');
    const first = a.labelRight ? -10 : 10;
    const beside = (f: number, side: number) => {
      const [mx, my] = [x1 + (x2 - x1) * f, y1 + (y2 - y1) * f];
      const [x, y] = [mx + uy * side, my - ux * side];
      return { x, y, anchor: (Math.abs(x - mx) < 2 ? 'middle' : x < mx ? 'end' : 'start') as LabelAnchor };
    };
    const tip = { x: x2 + ux * 8, y: y2 + uy * 8, anchor: (Math.abs(ux) < 0.3 ? 'middle' : ux < 0 ? 'end' : 'start') as LabelAnchor };
    const places = [beside(0.5, first), beside(0.5, -first), tip, beside(0.75, first), beside(0.75, -first), beside(0.25, first), beside(0.25, -first)];
    const room = (c: (typeof places)[number]) => Math.min(Infinity, ...placed.map((b) => clearance(labelBox(c.x, c.y, c.anchor, a.label), b)));
    const best = places.find((c) => room(c) >= 2) ?? places.reduce((m, c) => (room(c) > room(m) ? c : m));
    placed.push(labelBox(best.x, best.y, best.anchor, a.label));
    return { ...a, x1, y1, x2, y2, head, labelX: best.x, labelY: best.y, anchor: best.anchor };
  });
  const ticks = linearTicks(scale, 4).filter((t) => t.value !== 0);
  return { size, origin: { x: toX(0), y: toY(0) }, arrows: laid, circle: circleRadius ? { r: scale(circleRadius) - scale(0) } : null, ticks };
}
