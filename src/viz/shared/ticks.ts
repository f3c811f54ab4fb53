// Axis ticks, one shape for every figure: a tick is its value, where it sits in pixels along
// its axis, and the label drawn there. d3 picks the round numbers; figures only draw them.

import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { short } from './format.ts';

/** One tick: its value, its position along the axis in pixels, its label. */
export type Tick = { value: number; at: number; label: string };

/** About `count` round-number ticks of a linear scale; `integers` keeps only whole numbers (counts, steps). */
export function linearTicks(
  scale: ScaleLinear<number, number>,
  count = 5,
  { integers = false, label = (v: number) => short(v) }: { integers?: boolean; label?: (v: number) => string } = {},
): Tick[] {
  return scale
    .ticks(count)
    .filter((v) => !integers || Number.isInteger(v))
    .map((value) => ({ value, at: scale(value), label: label(value) }));
}

/** A power of ten as a tick label: 1, 10, 100, then 1e3, and 0.1, 0.01, then 1e−3. */
function powerLabel(exponent: number): string {
  return exponent >= -2 && exponent <= 2 ? short(10 ** exponent) : `1e${short(exponent)}`;
}

/** One tick per power of ten inside a log scale's domain, thinned evenly to at most `max`. */
export function logTicks(scale: ScaleLogarithmic<number, number>, max = 5): Tick[] {
  const [lo, hi] = scale.domain();
  const exponents: number[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) exponents.push(e);
  const every = Math.max(1, Math.ceil(exponents.length / max));
  return exponents.filter((_, i) => i % every === 0).map((e) => ({ value: 10 ** e, at: scale(10 ** e), label: powerLabel(e) }));
}
