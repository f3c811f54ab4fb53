// The slope picture that opens chapter 4: a loss curve L(w), the tangent at one w, and one
// nudge h drawn both ways, along the curve (the real change) and along the tangent (the
// gradient's prediction). The numbers come from the engine's forward and backward.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { linearTicks, type Tick } from '../shared/ticks.ts';
import { curveDefaults, curveSize, type ChartSize, type CurveSetup } from './loss-charts.ts';
import { evaluate } from './sgd.ts';

export type SlopePicture = {
  curve: string;
  tangent: string;
  /** The point (w, L(w)), the curve at w + h, and the tangent at w + h, in pixels. */
  at: { x: number; y: number };
  real: { x: number; y: number };
  predicted: { x: number; y: number };
  /** w, h, L(w), ∂L/∂w, L(w + h), the real change and grad × h. */
  numbers: { w: number; h: number; loss: number; grad: number; after: number; change: number; predicted: number };
  xTicks: Tick[];
  yTicks: Tick[];
  size: ChartSize;
};

/** The picture for L(w) = (w·x + b − y)² with x, y, b of `setup`, at w nudged by h. */
export function slopePicture(w = 1, h = 0.75, setup: CurveSetup = { ...curveDefaults, wMax: 4 }, size: ChartSize = curveSize): SlopePicture {
  const at = (v: number) => evaluate({ ...setup, w: v, lr: 0 }, v, setup.b);
  const n = 100;
  const samples = Array.from({ length: n + 1 }, (_, i) => setup.wMin + ((setup.wMax - setup.wMin) * i) / n).map((v) => ({ w: v, loss: at(v).loss }));
  const x = scaleLinear().domain([setup.wMin, setup.wMax]).range([size.left, size.width - size.right]);
  const y = scaleLinear().domain([0, Math.max(...samples.map((s) => s.loss))]).range([size.height - size.bottom, size.top]).nice();
  const path = line<{ w: number; loss: number }>().x((s) => x(s.w)).y((s) => y(s.loss));
  const here = at(w);
  const after = at(w + h).loss;
  const predicted = here.gradW * h;
  // the tangent runs from h before w to a little past w + h, short enough to stay above L = 0 here
  return {
    curve: path(samples) ?? '',
    tangent: path([{ w: w - h, loss: here.loss - h * here.gradW }, { w: w + 1.3 * h, loss: here.loss + 1.3 * h * here.gradW }]) ?? '',
    at: { x: x(w), y: y(here.loss) },
    real: { x: x(w + h), y: y(after) },
    predicted: { x: x(w + h), y: y(here.loss + predicted) },
    numbers: { w, h, loss: here.loss, grad: here.gradW, after, change: after - here.loss, predicted },
    xTicks: linearTicks(x, 5),
    yTicks: linearTicks(y, 4),
    size,
  };
}
