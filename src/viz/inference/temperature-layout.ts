// The temperature widget's two charts, laid out in SVG units: one column per token (probability
// on a fixed axis from 0 to 1, ticks labelled) and entropy against temperature
// with the current point, on a square-root axis so that the steep part near 0 gets room.

import { scaleBand, scaleLinear, scaleSqrt } from 'd3-scale';
import { line } from 'd3-shape';
import { fixed, short } from '../shared/format.ts';
import { linearTicks, type Tick } from '../shared/ticks.ts';
import type { TemperatureBar } from './temperature.ts';

const margin = { top: 20, right: 6, bottom: 22, left: 38 };

/** A column chart of the distribution: a rectangle and a label position per token. */
export type ColumnLayout = {
  width: number; height: number; baseline: number; left: number; right: number; ticks: Tick[];
  columns: { token: number; label: string; x: number; y: number; width: number; height: number; centre: number }[];
  /** Whether the labels have room to be whole words ("end"); otherwise BOS is drawn as "·". */
  roomy: boolean;
};

/** Columns for the bars, heights from p on a fixed axis from 0 to 1, so that one temperature compares with another by eye. */
export function columnLayout(bars: readonly TemperatureBar[], width: number, height = 150): ColumnLayout {
  const x = scaleBand<number>().domain(bars.map((b) => b.token)).range([margin.left, width - margin.right]).paddingInner(0.15).paddingOuter(0.05);
  const y = scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
  const baseline = y(0);
  return {
    width, height, baseline, left: margin.left, right: width - margin.right,
    ticks: linearTicks(y, 4, { label: (v) => fixed(v, 2) }),
    columns: bars.map((b) => {
      const left = x(b.token) ?? 0;
      return { token: b.token, label: b.label, x: left, y: y(b.p), width: x.bandwidth(), height: baseline - y(b.p), centre: left + x.bandwidth() / 2 };
    }),
    roomy: x.step() >= 22,
  };
}

/** The entropy plot: the curve as an SVG path, axes, the ceiling log₂ n and the current point. */
export type CurveLayout = {
  width: number; height: number; left: number; right: number; top: number; bottom: number;
  path: string; xTicks: Tick[]; yTicks: Tick[]; ceiling: number; point: { x: number; y: number };
};

/** The temperatures labelled on the square-root axis (those up to the curve's last). */
const tTicks = [0, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 10];

export function curveLayout(curve: readonly { t: number; bits: number }[], maxBits: number, current: { t: number; bits: number }, width: number, height = 170): CurveLayout {
  const m = { top: 18, right: 10, bottom: 34, left: 34 };
  const tMax = curve[curve.length - 1].t;
  const x = scaleSqrt().domain([0, tMax]).range([m.left, width - m.right]);
  const y = scaleLinear().domain([0, Math.ceil(maxBits)]).range([height - m.bottom, m.top]);
  const path = line<{ t: number; bits: number }>().x((d) => x(d.t)).y((d) => y(d.bits))(curve) ?? '';
  return {
    width, height, left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom, path,
    xTicks: tTicks.filter((t) => t <= tMax && (width >= 360 || t !== 0.25 && t !== 3 && t !== 8)).map((t) => ({ value: t, at: x(t), label: short(t) })),
    yTicks: linearTicks(y, 5, { integers: true, label: (v) => short(v) }),
    ceiling: y(maxBits),
    point: { x: x(Math.min(current.t, tMax)), y: y(current.bits) },
  };
}
