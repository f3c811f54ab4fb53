// The live loss chart as pure layout: the raw per-step loss, its smoothed curve, the held-out
// and training-set points, the kept runs and the two baselines, each one SVG path. d3 computes
// the scales and paths; the widget draws them. A long run is thinned to about two points per
// two pixel columns (its lowest and highest), so a path never has more points than the chart has pixels across.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { fixed, int } from '../shared/format.ts';
import { linearTicks, type Tick } from '../shared/ticks.ts';

/** A loss after `step` steps. */
export type Point = { step: number; loss: number };

/** How much of the past the smoothed curve remembers: about 1 / (1 − β) steps. */
export const smoothingBeta = 0.95;

/**
 * The exponential moving average of the losses, corrected for its start at 0 (as Adam corrects
 * m): s_t = β·s_{t−1} + (1 − β)·x_t, shown as s_t / (1 − β^t). losses [n] → smoothed [n]
 */
export function smooth(losses: readonly number[], beta = smoothingBeta): number[] {
  const out: number[] = [];
  let s = 0;
  for (let t = 0; t < losses.length; t++) {
    s = beta * s + (1 - beta) * losses[t];
    out.push(s / (1 - beta ** (t + 1)));
  }
  return out;
}

/** How many of the latest steps the "mean of the last steps" readout averages: the number the chapter quotes. */
export const lastStepsWindow = 100;

/** The plain mean of the last `n` losses (fewer when the run is shorter), and how many it took; null for none. */
export function meanOfLast(losses: readonly number[], n = lastStepsWindow): { mean: number; count: number } | null {
  const last = losses.slice(-n);
  if (last.length === 0) return null;
  return { mean: last.reduce((a, b) => a + b, 0) / last.length, count: last.length };
}

/** The losses as points, step 1 first. */
export const asPoints = (losses: readonly number[]): Point[] => losses.map((loss, i) => ({ step: i + 1, loss }));

/**
 * At most about 2·columns points keeping the shape: the points split into `columns` runs of
 * consecutive steps, and each run kept as its lowest and highest point, in step order.
 */
export function thin(points: readonly Point[], columns: number): Point[] {
  const cols = Math.max(1, Math.floor(columns));
  if (points.length <= 2 * cols) return points.slice();
  const out: Point[] = [];
  const per = points.length / cols;
  for (let c = 0; c < cols; c++) {
    const from = Math.floor(c * per);
    const to = Math.floor((c + 1) * per);
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (points[i].loss < points[lo].loss) lo = i;
      if (points[i].loss > points[hi].loss) hi = i;
    }
    if (lo === hi) out.push(points[lo]);
    else out.push(points[Math.min(lo, hi)], points[Math.max(lo, hi)]);
  }
  return out;
}

/** A run kept to compare with: its label and its smoothed curve. */
export type KeptCurve = { id: number; label: string; smoothed: readonly Point[] };

/** What the chart shows. */
export type LossChartInput = {
  width: number;
  losses: readonly number[]; // the current run's per-step losses
  numSteps: number; // the current run's length, so the x axis does not stretch as it runs
  heldOut: readonly Point[];
  trainEval: readonly Point[];
  kept: readonly KeptCurve[];
  uniform: number; // −ln(1/vocab)
  bigram: number | null; // the counting model's loss, when known
};

export type Baseline = { y: number; value: number; label: string; labelY: number };

export type LossChart = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  raw: string; // path d of the per-step losses
  smoothed: string;
  heldOut: string;
  trainEval: string;
  kept: { id: number; label: string; d: string }[];
  uniform: Baseline;
  bigram: Baseline | null;
  lastStep: number;
  yDomain: [number, number]; // the y axis's bottom and top
  above: { count: number; max: number; label: string } | null; // per-step losses drawn at the top edge
  said: string; // the chart in a sentence
};

export const chartHeight = 260;
const margin = { top: 12, right: 12, bottom: 34, left: 48 };

/** Lay out the chart. The y axis spans every curve and both baselines; the per-step losses only up to uniform + 1.5. */
export function lossChart(input: LossChartInput): LossChart {
  const width = Math.max(240, input.width);
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: chartHeight - margin.bottom };
  const columns = plot.right - plot.left;
  const buckets = Math.ceil(columns / 2); // two points per bucket: one point per pixel column
  const maxStep = Math.max(1, input.numSteps, input.losses.length, ...input.kept.map((k) => k.smoothed.at(-1)?.step ?? 0));
  const x = scaleLinear().domain([0, maxStep]).range([plot.left, plot.right]);
  // Every curve (smoothed, held-out, training names, kept runs) fits the axis whole. The thin
  // per-step line alone is capped at uniform + 1.5, so that one wild step does not flatten the
  // rest; steps above the top are drawn at the edge and counted in a mark that gives their largest value.
  let min = input.uniform;
  let max = input.uniform;
  const see = (l: number) => { if (Number.isFinite(l)) { if (l < min) min = l; if (l > max) max = l; } };
  if (input.bigram !== null) see(input.bigram);
  const smoothedLosses = smooth(input.losses);
  for (const l of smoothedLosses) see(l);
  for (const p of input.heldOut) see(p.loss);
  for (const p of input.trainEval) see(p.loss);
  for (const k of input.kept) for (const p of k.smoothed) see(p.loss);
  const rawFinite = input.losses.filter(Number.isFinite);
  const rawMax = rawFinite.length ? Math.max(...rawFinite) : -Infinity;
  const rawMin = rawFinite.length ? Math.min(...rawFinite) : Infinity;
  if (rawMin < min) min = rawMin;
  const lo = Math.max(0, min - 0.1);
  const hi = Math.max(max + 0.1, Math.min(input.uniform + 1.5, rawMax + 0.1));
  const y = scaleLinear().domain([lo, hi]).range([plot.bottom, plot.top]).nice().clamp(true);
  const top = y.domain()[1];
  const over = rawFinite.filter((l) => l > top);
  const above = over.length ? { count: over.length, max: Math.max(...over), label: `${int(over.length)} ${over.length === 1 ? 'step' : 'steps'} above ${fixed(top, 1)}, up to ${fixed(Math.max(...over), 2)}` } : null;
  const path = line<Point>().x((p) => x(p.step)).y((p) => y(p.loss)).defined((p) => Number.isFinite(p.loss)).digits(1); // tenths of a pixel
  const d = (points: readonly Point[]) => (points.length ? path(points as Point[]) ?? '' : '');
  const raw = asPoints(input.losses);
  const smoothed = asPoints(smoothedLosses);
  const baseline = (value: number, label: string): Baseline => ({ y: y(value), value, label, labelY: y(value) - 4 });
  const uniform = baseline(input.uniform, `uniform guess ${fixed(input.uniform, 2)}`);
  const bigram = input.bigram === null ? null : baseline(input.bigram, `counting (bigram) ${fixed(input.bigram, 2)}`);
  // labels that would overlap are moved apart: the lower one goes under its line
  if (bigram && Math.abs(bigram.y - uniform.y) < 14) bigram.labelY = bigram.y + 12;
  const last = smoothed.at(-1);
  const said = last
    ? `Step ${int(last.step)} of ${int(input.numSteps)}: smoothed loss ${fixed(last.loss, 3)}, uniform guess ${fixed(input.uniform, 3)}${input.bigram === null ? '' : `, counting baseline ${fixed(input.bigram, 3)}`}.`
    : `No steps yet. The uniform guess is ${fixed(input.uniform, 3)}.`;
  return {
    width, height: chartHeight, plot,
    xTicks: linearTicks(x, Math.max(2, Math.floor(columns / 80)), { integers: true, label: int }),
    yTicks: linearTicks(y, 5),
    raw: d(thin(raw, buckets)),
    smoothed: d(thin(smoothed, buckets)),
    heldOut: d(input.heldOut),
    trainEval: d(input.trainEval),
    kept: input.kept.map((k) => ({ id: k.id, label: k.label, d: d(thin(k.smoothed, buckets)) })),
    uniform, bigram,
    lastStep: input.losses.length,
    yDomain: [y.domain()[0], top],
    above,
    said: above ? `${said} ${above.label}.` : said,
  };
}
