// Plain gradient descent and Adam side by side on a two-parameter loss: a long, narrow valley,
// f(x, y) = x²/50 + 2y², steep across (y) and nearly flat along (x). Adam is the engine's own
// adamStep on a 2-element Float64Array; SGD is its one line. Pure state and layout: plain data in,
// plain data out, for the OptimizerLandscape widget.

import { adamDefaults, adamSchedule, adamState, adamStep, type AdamState } from '../../engine/adam.ts';
import { contourPaths, sampleGrid, toPixelX, toPixelY, type ContourPath, type Domain, type Frame } from '../neuron/surface.ts';

/** A point of the plane: the two parameters. */
export type Point = { x: number; y: number };

/** How much flatter the valley is along x than across it: f = x²/along + across·y². */
export const valley = { along: 50, across: 2 } as const;

/** The landscape's loss at (x, y). */
export function landscapeLoss(p: Point): number {
  return (p.x * p.x) / valley.along + valley.across * p.y * p.y;
}

/** Its gradient (∂f/∂x, ∂f/∂y). */
export function landscapeGradient(p: Point): Point {
  return { x: (2 * p.x) / valley.along, y: 2 * valley.across * p.y };
}

/** The plotted square, the steps of a run, the learning-rate slider and the default start. */
export const landscape = {
  domain: { min: -5, max: 5 } satisfies Domain,
  steps: 100, // both optimisers decay the learning rate linearly to 0 at this step
  lr: { min: 0.02, max: 0.48, step: 0.02, initial: 0.3 }, // below 2 / (2·across) = 0.5, where SGD would diverge across the valley
  start: { x: -4.5, y: 3 } satisfies Point,
  nudge: 0.25, // how far an arrow key moves the start
} as const;

/** One run of both optimisers from the same start: paths[k] is the point after k updates. */
export type LandscapeRun = {
  start: Point;
  lr: number;
  step: number; // updates taken so far, 0..landscape.steps
  sgd: Point[];
  adam: Point[];
  adamState: AdamState; // Adam's m and v after `step` updates, [x, y]
};

/** A fresh run: both at the start, Adam's m and v at 0, with microgpt's β₁, β₂ and ε. */
export function landscapeStart(start: Point, lr: number): LandscapeRun {
  return { start, lr, step: 0, sgd: [start], adam: [start], adamState: adamState(2, { lr }) };
}

/** The learning rate SGD uses at step (from 0): the same linear decay to 0 that Adam applies. */
export function decayedRate(lr: number, step: number, numSteps: number = landscape.steps): number {
  return adamSchedule({ ...adamDefaults, lr }, step, numSteps).lrT;
}

/** Whether another update is left before the learning rate reaches 0. */
export function canStep(run: LandscapeRun): boolean {
  return run.step < landscape.steps;
}

/** One update of both optimisers from their current points (a new run; the old one is untouched). */
export function landscapeStep(run: LandscapeRun): LandscapeRun {
  if (!canStep(run)) return run;
  const t = run.step;
  const s = run.sgd[run.sgd.length - 1];
  const gs = landscapeGradient(s);
  // #region sgd-line
  const lrT = decayedRate(run.lr, t); // this step's learning rate (it decays, as Adam's does)
  const sgd = { x: s.x - lrT * gs.x, y: s.y - lrT * gs.y }; // p ← p − lr·g
  // #endregion sgd-line

  const a = run.adam[run.adam.length - 1];
  const ga = landscapeGradient(a);
  const state: AdamState = { config: run.adamState.config, m: Float64Array.from(run.adamState.m), v: Float64Array.from(run.adamState.v) };
  const data = Float64Array.of(a.x, a.y);
  adamStep(state, data, Float64Array.of(ga.x, ga.y), t, landscape.steps);
  return { ...run, step: t + 1, sgd: [...run.sgd, sgd], adam: [...run.adam, { x: data[0], y: data[1] }], adamState: state };
}

/** Up to `count` more updates. */
export function landscapeRun(run: LandscapeRun, count: number): LandscapeRun {
  let r = run;
  for (let k = 0; k < count && canStep(r); k++) r = landscapeStep(r);
  return r;
}

/** The last point of a path. */
export function current(path: readonly Point[]): Point {
  return path[path.length - 1];
}

// ── layout ──

/** The plot: a size×size square of pixels for the domain, x to the right, y up. */
export const landscapeFrame: Frame = { size: 320 };

/** Contour levels: each about twice the last, so the flat floor of the valley still shows lines. */
export const landscapeLevels = [0.05, 0.1, 0.2, 0.5, 1, 2, 4, 8, 16, 32] as const;

/** The contour lines of the landscape, in frame pixels (clip them to the frame). */
export function landscapeContours(n = 80): ContourPath[] {
  const grid = sampleGrid((x, y) => landscapeLoss({ x, y }), landscape.domain, n);
  return contourPaths(grid, landscapeLevels, landscapeFrame);
}

/** A point in frame pixels. */
export function toPixel(p: Point): Point {
  return { x: toPixelX(p.x, landscape.domain, landscapeFrame), y: toPixelY(p.y, landscape.domain, landscapeFrame) };
}

/** The point under a pixel of the frame, rounded to the nudge grid and kept inside the domain. */
export function fromPixel(px: number, py: number): Point {
  const { min, max } = landscape.domain;
  const s = landscapeFrame.size;
  return clampToDomain({ x: min + (px / s) * (max - min), y: min + (1 - py / s) * (max - min) });
}

/** Round to the nudge grid (multiples of 0.25) and clamp into the domain. */
export function clampToDomain(p: Point): Point {
  const { min, max } = landscape.domain;
  const snap = (v: number) => Math.min(max, Math.max(min, Math.round(v / landscape.nudge) * landscape.nudge));
  return { x: snap(p.x), y: snap(p.y) };
}

/** The start moved by an arrow key (dx, dy in nudges), kept inside the domain. */
export function nudgeStart(p: Point, dx: number, dy: number): Point {
  return clampToDomain({ x: p.x + dx * landscape.nudge, y: p.y + dy * landscape.nudge });
}

/** A path as an SVG polyline in frame pixels. */
export function pathD(path: readonly Point[]): string {
  return path.map((p, i) => {
    const q = toPixel(p);
    return `${i === 0 ? 'M' : 'L'}${round2(q.x)},${round2(q.y)}`;
  }).join('');
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
