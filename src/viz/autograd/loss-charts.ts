// Geometry for the two loss figures of chapter 4: the loss over SGD steps, and the 1-D loss
// curve with its tangent and one gradient step. d3 computes the scales and paths; the
// widgets only draw them.

import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { evaluate, type SgdRecord, type SgdSetup } from './sgd.ts';

export type ChartSize = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export type Tick = { value: number; pos: number; label: string };

/** Loss over steps on a log scale: a path, its points, and axis ticks. */
export type LossHistoryChart = {
  path: string;
  points: { x: number; y: number; step: number; loss: number }[];
  xTicks: Tick[];
  yTicks: Tick[];
  size: ChartSize;
};

export const lossChartSize: ChartSize = { width: 360, height: 200, left: 52, right: 12, top: 22, bottom: 30 };

/** The smallest loss the chart shows; a loss of exactly 0 sits on the floor. */
const floor = 1e-12;

export function lossHistoryChart(history: readonly SgdRecord[], size: ChartSize = lossChartSize): LossHistoryChart {
  const steps = Math.max(10, history.length - 1);
  const losses = history.map((r) => Math.max(floor, r.loss));
  const lo = Math.min(...losses, 1);
  const hi = Math.max(...losses, 10);
  const x = scaleLinear().domain([0, steps]).range([size.left, size.width - size.right]);
  const y = scaleLog().domain([lo, hi]).range([size.height - size.bottom, size.top]).nice();
  const points = history.map((r, i) => ({ x: x(r.step), y: y(losses[i]), step: r.step, loss: r.loss }));
  const path = line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y)(points) ?? '';
  const [d0, d1] = y.domain();
  // one tick per power of ten, thinned to at most five
  const exps: number[] = [];
  for (let e = Math.ceil(Math.log10(d0)); e <= Math.floor(Math.log10(d1)); e++) exps.push(e);
  const every = Math.ceil(exps.length / 5);
  const yTicks = exps.filter((_, i) => i % every === 0).map((e) => ({ value: 10 ** e, pos: y(10 ** e), label: e === 0 ? '1' : e === 1 ? '10' : `1e${e}` }));
  const xTicks = x.ticks(5).filter(Number.isInteger).map((v) => ({ value: v, pos: x(v), label: String(v) }));
  return { path, points, xTicks, yTicks, size };
}

/** The 1-D curve: L as a function of w alone (x, y and b fixed), over [wMin, wMax]. */
export type CurveSetup = Pick<SgdSetup, 'x' | 'y' | 'b'> & { wMin: number; wMax: number };
export const curveDefaults: CurveSetup = { x: 3, y: 10, b: 1, wMin: 0, wMax: 6 };

export type LossCurveFigure = {
  curve: string;
  /** The tangent at the current point: slope = ∂L/∂w there. */
  tangent: string;
  point: { x: number; y: number };
  /** Where one step of gradient descent lands, and whether that is inside the chart. */
  next: { w: number; loss: number; x: number; y: number; inside: boolean };
  /** The step drawn along the w axis, from w to w − lr·grad (clamped to the chart). */
  arrow: { x1: number; x2: number; y: number };
  loss: number;
  grad: number;
  step: number;
  xTicks: Tick[];
  yTicks: Tick[];
  size: ChartSize;
};

export const curveSize: ChartSize = { width: 360, height: 220, left: 44, right: 12, top: 20, bottom: 30 };

/** The curve, the tangent at w, and the step −lr·grad, all from the engine's forward and backward. */
export function lossCurveFigure(c: CurveSetup, w: number, lr: number, size: ChartSize = curveSize): LossCurveFigure {
  const at = (v: number) => evaluate({ ...c, w: v, lr }, v, c.b);
  const n = 120;
  const samples = Array.from({ length: n + 1 }, (_, i) => c.wMin + ((c.wMax - c.wMin) * i) / n).map((v) => ({ w: v, loss: at(v).loss }));
  const top = Math.max(...samples.map((s) => s.loss));
  const x = scaleLinear().domain([c.wMin, c.wMax]).range([size.left, size.width - size.right]);
  const y = scaleLinear().domain([0, top]).range([size.height - size.bottom, size.top]).nice();
  const path = line<{ w: number; loss: number }>().x((s) => x(s.w)).y((s) => y(s.loss));
  const here = at(w);
  const span = (c.wMax - c.wMin) / 6; // half the tangent's length, in w
  const tangent = path([
    { w: w - span, loss: here.loss - span * here.gradW },
    { w: w + span, loss: here.loss + span * here.gradW },
  ]) ?? '';
  const step = -lr * here.gradW;
  const wNext = w + step;
  const next = at(wNext);
  const inside = wNext >= c.wMin && wNext <= c.wMax;
  const clampW = (v: number) => Math.min(c.wMax, Math.max(c.wMin, v));
  return {
    curve: path(samples) ?? '',
    tangent,
    point: { x: x(w), y: y(here.loss) },
    next: { w: wNext, loss: next.loss, x: x(clampW(wNext)), y: y(Math.min(next.loss, y.domain()[1])), inside },
    arrow: { x1: x(w), x2: x(clampW(wNext)), y: y(here.loss) },
    loss: here.loss,
    grad: here.gradW,
    step,
    xTicks: x.ticks(8).map((v) => ({ value: v, pos: x(v), label: String(v) })),
    yTicks: y.ticks(4).map((v) => ({ value: v, pos: y(v), label: String(v) })),
    size,
  };
}
