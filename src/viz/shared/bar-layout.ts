// Vertical bar charts of counts: a band scale across, a linear scale up from zero. Every bar
// fits, because the axis runs to the largest value (rounded up), so none is ever cut off.

import { scaleBand, scaleLinear } from 'd3-scale';
import { int } from './format.ts';
import { linearTicks, type Tick } from './ticks.ts';

/** A bar of a laid-out chart, in SVG user units. */
export type Bar = { label: string; value: number; x: number; y: number; width: number; height: number };

/**
 * A bar chart: bars, horizontal gridline ticks, the chart's size, and which bars have room
 * for their label under them (every labelEvery-th, from the first).
 */
export type BarLayout = {
  width: number; height: number; baseline: number; left: number; right: number;
  bars: Bar[]; ticks: Tick[]; labelEvery: number;
};

/**
 * Lay out labelled counts as vertical bars. labelWidth is the room one label needs, in the
 * same units as width.
 */
export function barLayout(
  data: readonly { label: string; value: number }[],
  size: { width: number; height: number; margin?: { top: number; right: number; bottom: number; left: number }; labelWidth?: number },
): BarLayout {
  const { width, height, labelWidth = 12 } = size;
  const m = size.margin ?? { top: 10, right: 8, bottom: 24, left: 44 };
  const x = scaleBand<string>().domain(data.map((d) => d.label)).range([m.left, width - m.right]).paddingInner(0.18).paddingOuter(0.1);
  const max = Math.max(1, ...data.map((d) => d.value));
  const y = scaleLinear().domain([0, max]).nice(4).range([height - m.bottom, m.top]);
  const baseline = y(0);
  return {
    width,
    height,
    baseline,
    left: m.left,
    right: width - m.right,
    bars: data.map((d) => ({ label: d.label, value: d.value, x: x(d.label) ?? 0, y: y(d.value), width: x.bandwidth(), height: baseline - y(d.value) })),
    ticks: linearTicks(y, 4, { integers: true, label: int }),
    labelEvery: Math.max(1, Math.ceil(labelWidth / Math.max(1e-9, x.step()))),
  };
}
