// Geometry for the two loss figures of chapter 4: the loss over SGD steps, and the 1-D loss
// curve with its tangent and one gradient step. d3 computes the scales and paths; the
// widgets only draw them. A value off an axis is held at the edge and flagged, never hidden.

import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { placeOnAxis } from '../shared/off-axis.ts';
import { linearTicks, logTicks, type Tick } from '../shared/ticks.ts';
import { evaluate, type SgdRecord, type SgdSetup } from './sgd.ts';

export type ChartSize = { width: number; height: number; left: number; right: number; top: number; bottom: number };

/** A step's loss on the chart; `below` when the loss is 0, which a log axis cannot show. */
export type LossPoint = { x: number; y: number; step: number; loss: number; below: boolean };

/** Loss over steps on a log scale: a path, its points, and axis ticks. */
export type LossHistoryChart = {
  path: string;
  points: LossPoint[];
  xTicks: Tick[];
  yTicks: Tick[];
  size: ChartSize;
};

export const lossChartSize: ChartSize = { width: 360, height: 200, left: 52, right: 12, top: 22, bottom: 30 };

export function lossHistoryChart(history: readonly SgdRecord[], size: ChartSize = lossChartSize): LossHistoryChart {
  const steps = Math.max(10, history.length - 1);
  const shown = history.map((r) => r.loss).filter((l) => l > 0);
  const lo = Math.min(...shown, 1);
  const hi = Math.max(...shown, 10);
  const x = scaleLinear().domain([0, steps]).range([size.left, size.width - size.right]);
  const y = scaleLog().domain([lo, hi]).range([size.height - size.bottom, size.top]).nice();
  const points = history.map((r) => {
    const placed = placeOnAxis(y, r.loss > 0 ? r.loss : 0);
    return { x: x(r.step), y: placed.at, step: r.step, loss: r.loss, below: placed.off === 'below' };
  });
  const path = line<LossPoint>().x((p) => p.x).y((p) => p.y)(points) ?? '';
  return { path, points, xTicks: linearTicks(x, 5, { integers: true }), yTicks: logTicks(y, 5), size };
}

/** The 1-D curve: L as a function of w alone (x, y and b fixed), over [wMin, wMax]. */
export type CurveSetup = Pick<SgdSetup, 'x' | 'y' | 'b'> & { wMin: number; wMax: number };
export const curveDefaults: CurveSetup = { x: 3, y: 10, b: 1, wMin: 0, wMax: 6 };

export type LossCurveFigure = {
  curve: string;
  /** The tangent at the current point: slope = ∂L/∂w there. */
  tangent: string;
  point: { x: number; y: number };
  /**
   * Where one step of gradient descent lands. Off the chart (`inside` false), x and y are the
   * edge it left by, and `off` says which way: the figure marks it there with its value.
   */
  next: { w: number; loss: number; x: number; y: number; inside: boolean; off: 'left' | 'right' | 'up' | null };
  /** The step drawn along the w axis, from w to w − lr·grad (to the edge, when it leaves the chart). */
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
  const nx = placeOnAxis(x, wNext);
  const ny = placeOnAxis(y, next.loss);
  const off = nx.off === 'below' ? 'left' : nx.off === 'above' ? 'right' : ny.off === 'above' ? 'up' : null;
  return {
    curve: path(samples) ?? '',
    tangent,
    point: { x: x(w), y: y(here.loss) },
    next: { w: wNext, loss: next.loss, x: nx.at, y: ny.at, inside: off === null, off },
    arrow: { x1: x(w), x2: nx.at, y: y(here.loss) },
    loss: here.loss,
    grad: here.gradW,
    step,
    xTicks: linearTicks(x, 8),
    yTicks: linearTicks(y, 4),
    size,
  };
}

/** What the loss-curve figure warns about the step it shows, for the page and the live region alike; '' when the step is fine. */
export function curveStepWarning(fig: Pick<LossCurveFigure, 'next' | 'loss'>): string {
  if (!fig.next.inside) return 'This step would leave the chart: the learning rate is far too large for a slope this steep.';
  if (fig.next.loss > fig.loss) return 'This step overshoots: it lands higher on the other side, so the loss would go up.';
  return '';
}
