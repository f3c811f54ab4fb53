// The small figures beside each stage of the neuron: the output as a function of one input
// (adder, weight, ReLU), and the dot product as a running sum of products (many inputs).

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { adder, dot, relu, reluNeuron, weighted } from '../../engine/lessons/neuron.ts';
import { factor, fixed, subscript } from '../shared/format.ts';
import { placeOnAxis } from '../shared/off-axis.ts';
import type { Tick } from '../shared/ticks.ts';

/** Which stage of the chapter a widget shows. */
export type Stage = 'adder' | 'weight' | 'relu' | 'dot';

/** The one-input stages' neuron, as the lesson code computes it. */
export function stageOutput(stage: Exclude<Stage, 'dot'>, x: number, w: number, b: number): number {
  if (stage === 'adder') return adder(x, b);
  if (stage === 'weight') return weighted(x, w, b);
  return reluNeuron(x, w, b);
}

/** Where a ReLU neuron switches on: the x at which x·w + b = 0, or null when w = 0 (never, or always). */
export function turnOnPoint(w: number, b: number): number | null {
  return w === 0 ? null : -b / w;
}

/** Ranges of the one-input plots and their sliders. */
export const stageRanges = {
  x: { min: -4, max: 4, step: 0.1 },
  w: { min: -3, max: 3, step: 0.1 },
  b: { min: -4, max: 4, step: 0.1 },
} as const;

export const plotSize = { width: 320, height: 200, margin: 26 };

/** The plot of output against x for one stage: the curve, the dashed weighted sum (ReLU stage), the current point, the axes. */
export type StagePlot = {
  curve: string;
  /** The weighted sum before ReLU, drawn dashed on the ReLU stage only. */
  preactivation: string | null;
  /** The current (x, a). An a off the plot is held at the edge it passed, and `off` says which. */
  point: { x: number; y: number; off: 'above' | 'below' | null };
  /** Where ReLU switches on, if inside the plot. */
  turnOn: { x: number; y: number; at: number } | null;
  xTicks: Tick[];
  yTicks: Tick[];
  origin: { x: number; y: number };
};

/** Lay out the plot of a one-input stage for the current slider values. */
export function stagePlot(stage: Exclude<Stage, 'dot'>, x: number, w: number, b: number): StagePlot {
  const { width, height, margin } = plotSize;
  const sx = scaleLinear().domain([stageRanges.x.min, stageRanges.x.max]).range([margin, width - 8]);
  const sy = scaleLinear().domain([-6, 6]).range([height - margin + 8, 8]);
  const xs: number[] = [stageRanges.x.min, stageRanges.x.max];
  const on = stage === 'relu' ? turnOnPoint(w, b) : null;
  if (on !== null && on > xs[0] && on < xs[1]) xs.splice(1, 0, on);
  const path = line<number>().x((v) => round1(sx(v))).y((v) => round1(sy(stageOutput(stage, v, w, b))));
  const pre = line<number>().x((v) => round1(sx(v))).y((v) => round1(sy(weighted(v, w, b))));
  const a = placeOnAxis(sy, stageOutput(stage, x, w, b));
  const ticks = (scale: (v: number) => number, values: number[]): Tick[] => values.map((v) => ({ value: v, at: round1(scale(v)), label: fixed(v, 0) }));
  return {
    curve: path(xs) ?? '',
    preactivation: stage === 'relu' ? pre([xs[0], xs[xs.length - 1]]) : null,
    point: { x: round1(sx(x)), y: round1(a.at), off: a.off },
    turnOn: on !== null && on >= stageRanges.x.min && on <= stageRanges.x.max ? { x: round1(sx(on)), y: round1(sy(0)), at: on } : null,
    xTicks: ticks(sx, [-4, -2, 0, 2, 4]),
    yTicks: ticks(sy, [-6, -3, 0, 3, 6]),
    origin: { x: round1(sx(0)), y: round1(sy(0)) },
  };
}

/** One bar of the running sum: the term added, and where the sum stood before and after it. */
export type WaterfallRow = { label: string; value: number; from: number; to: number };

/**
 * The dot product and bias as a running sum: one row per product x_i·w_i, one for the bias,
 * then the total z, then ReLU(z). Bars run from the sum before to the sum after.
 */
export function waterfall(x: readonly number[], w: readonly number[], b: number): WaterfallRow[] {
  const rows: WaterfallRow[] = [];
  let sum = 0;
  x.forEach((xi, i) => {
    const value = xi * w[i];
    rows.push({ label: `x${subscript(i + 1)}·w${subscript(i + 1)}`, value, from: sum, to: sum + value });
    sum += value;
  });
  rows.push({ label: '+ b', value: b, from: sum, to: sum + b });
  sum += b;
  rows.push({ label: 'z', value: sum, from: 0, to: sum });
  const a = Math.max(0, sum);
  rows.push({ label: 'ReLU(z)', value: a, from: 0, to: a });
  return rows;
}

/** A symmetric extent for the waterfall's axis: covers every bar end, at least ±1, rounded up to a whole number. */
export function waterfallExtent(rows: readonly WaterfallRow[]): number {
  let m = 1;
  for (const r of rows) m = Math.max(m, Math.abs(r.from), Math.abs(r.to));
  return Math.ceil(m);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The numbers a stage widget shows. One-input stages: x, w, b; the dot stage: xs, ws, b. */
export type StageValues = { x: number; w: number; b: number } | { xs: number[]; ws: number[]; b: number };

const num = (v: number, d = 1) => factor(v, d);

/** The stage's output a, as the lesson code computes it. */
export function stageResult(stage: Stage, v: StageValues): number {
  if ('xs' in v) return relu(dot(v.xs, v.ws) + v.b);
  return stage === 'dot' ? Number.NaN : stageOutput(stage, v.x, v.w, v.b);
}

/** The stage's computation written out with the current numbers, one line per step. */
export function stageEquations(stage: Stage, v: StageValues): string[] {
  if ('xs' in v) {
    const z = dot(v.xs, v.ws) + v.b;
    const products = v.xs.map((x, i) => `${num(x)}·${num(v.ws[i])}`).join(' + ');
    return [`z = x · w + b = ${products} + ${num(v.b)} = ${fixed(z)}`, `a = ReLU(z) = ${fixed(relu(z))}`];
  }
  const { x, w, b } = v;
  if (stage === 'adder') return [`a = x + b = ${num(x)} + ${num(b)} = ${fixed(adder(x, b))}`];
  if (stage === 'weight') return [`a = x·w + b = ${num(x)}·${num(w)} + ${num(b)} = ${fixed(weighted(x, w, b))}`];
  const z = weighted(x, w, b);
  return [`z = x·w + b = ${num(x)}·${num(w)} + ${num(b)} = ${fixed(z)}`, `a = ReLU(z) = max(0, ${fixed(z)}) = ${fixed(relu(z))}`];
}

/** Where a ReLU neuron switches on, in words. */
export function turnOnText(w: number, b: number): string {
  const at = turnOnPoint(w, b);
  if (at === null) return b > 0 ? 'With w = 0, z = b > 0 for every x: the ReLU is always on.' : 'With w = 0, z = b ≤ 0 for every x: the ReLU is always off.';
  return `The ReLU switches on at x = −b/w = ${fixed(at)}: it is on for x ${w > 0 ? 'above' : 'below'} that point and outputs 0 on the other side.`;
}

/** One bar of the drawn waterfall, in viewBox units; `kind` says what it adds, `tone` the colour that shows it. */
export type WaterfallBar = WaterfallRow & {
  x: number; y: number; width: number; height: number; kind: 'up' | 'down' | 'total'; tone: 'positive' | 'negative' | 'muted';
};

const tones = { up: 'positive', down: 'negative', total: 'muted' } as const;

/** Lay out the waterfall: a label column, the bars on a symmetric axis, a value column, ticks below. */
export function waterfallLayout(rows: readonly WaterfallRow[]) {
  const width = 320;
  const row = 22;
  const left = 64; // label column
  const right = 52; // value column
  const extent = waterfallExtent(rows);
  const sx = scaleLinear().domain([-extent, extent]).range([left, width - right]);
  const bars: WaterfallBar[] = rows.map((r, i) => {
    const kind = i >= rows.length - 2 ? 'total' : r.to < r.from ? 'down' : 'up';
    return {
      ...r,
      x: round1(Math.min(sx(r.from), sx(r.to))),
      y: i * row + 4,
      width: round1(Math.max(1, Math.abs(sx(r.to) - sx(r.from)))),
      height: row - 8,
      kind,
      tone: tones[kind],
    };
  });
  return {
    width,
    height: rows.length * row + 22,
    row,
    labelX: left - 6,
    valueX: width - 2,
    zeroX: round1(sx(0)),
    bars,
    tickY: rows.length * row + 16,
    ticks: [-extent, 0, extent].map((v): Tick => ({ value: v, at: round1(sx(v)), label: fixed(v, 0) })),
  };
}
