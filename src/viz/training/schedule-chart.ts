// Adam's schedule over a run, as one chart: the learning rate as a share of its start (decaying
// linearly to 0) and the two bias-correction divisors 1 − β₁ᵗ and 1 − β₂ᵗ (rising to 1).
// Pure layout: config in, SVG paths and ticks out.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { AdamConfig } from '../../engine/adam.ts';
import { linearTicks, type Tick } from '../shared/ticks.ts';
import { int } from '../shared/format.ts';
import { decayedRate } from './landscape.ts';

/** The chart's pixel box. */
export const scheduleSize = { width: 480, height: 220, left: 40, right: 70, top: 12, bottom: 34 } as const;

/** One curve: its values at steps t = 1..steps, its path, and where its label sits (its last point). */
export type ScheduleLine = { id: 'lr' | 'm' | 'v'; label: string; values: number[]; d: string; end: { x: number; y: number } };

/** The three curves of Adam's schedule over numSteps steps (t counted from 1, the code's step + 1). */
export function scheduleChart(config: AdamConfig, numSteps: number): { lines: ScheduleLine[]; xTicks: Tick[]; yTicks: Tick[] } {
  if (!(Number.isInteger(numSteps) && numSteps >= 2)) throw new RangeError(`a schedule needs at least 2 steps, got ${numSteps}`);
  const s = scheduleSize;
  const x = scaleLinear().domain([1, numSteps]).range([s.left, s.width - s.right]);
  const y = scaleLinear().domain([0, 1]).range([s.height - s.bottom, s.top]);
  const ts = Array.from({ length: numSteps }, (_, k) => k + 1);
  const series: [ScheduleLine['id'], string, (t: number) => number][] = [
    ['lr', 'ηₜ / η', (t) => decayedRate(1, t - 1, numSteps)],
    ['m', '1 − β₁ᵗ', (t) => 1 - config.beta1 ** t],
    ['v', '1 − β₂ᵗ', (t) => 1 - config.beta2 ** t],
  ];
  const path = line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
  const lines = series.map(([id, label, f]) => {
    const values = ts.map(f);
    const points = ts.map((t, k) => [t, values[k]] as [number, number]);
    return { id, label, values, d: path(points) ?? '', end: { x: x(numSteps), y: y(values[numSteps - 1]) } };
  });
  return {
    lines,
    xTicks: linearTicks(x, 5, { integers: true, label: int }),
    yTicks: linearTicks(y, 4),
  };
}
