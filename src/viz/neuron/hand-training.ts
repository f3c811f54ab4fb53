// "Train it by hand": a hidden target network the reader matches with the sliders, scored by
// the mean squared error over a fixed grid of sample points. Targets come from a seeded
// generator and are checked to be reachable by hand before they are used.

import { line } from 'd3-shape';
import { Random } from '../../engine/random.ts';
import { mlpWith, mse } from '../../engine/lessons/neuron.ts';
import { NIN, NOUTS, defaultNetworkValues, networkControls, snap, splitValues, surfaceDomain } from './network.ts';

/** Below this error the match counts as done. */
export const GOAL = 0.02;
/** The third input is held here while training by hand, so both surfaces are pictures over x₁, x₂. */
export const HAND_X3 = 1;
/** The parameters the reader starts from (and returns to with "Start over"): the playground's. */
export const startParams: readonly number[] = splitValues(defaultNetworkValues).params;
/** The sliders of the hand-training widget: the 11 parameters (x₁, x₂ are the picture, x₃ is fixed). */
export const paramControls = networkControls.slice(NIN);

/** Where the error is measured: a 9×9 grid over the square, x₃ = HAND_X3. [81][3] */
export const samplePoints: readonly (readonly [number, number, number])[] = (() => {
  const points: [number, number, number][] = [];
  const n = 8;
  const { min, max } = surfaceDomain;
  for (let j = 0; j <= n; j++) for (let i = 0; i <= n; i++) points.push([min + (i * (max - min)) / n, min + (j * (max - min)) / n, HAND_X3]);
  return points;
})();

/** The network's output at every sample point, through the chapter's MLP class. */
export function outputsAt(params: readonly number[], points = samplePoints): number[] {
  const mlp = mlpWith(NIN, NOUTS, params);
  return points.map((x) => mlp.call(x)[0]);
}

/** The mean squared error between two parameter sets' outputs over the sample points. */
export function handError(params: readonly number[], targetOutputs: readonly number[]): number {
  return mse(outputsAt(params), targetOutputs);
}

// The generator's search runs ~10^5 forward passes, so it uses this unrolled copy of the
// 3 → 2 → 1 forward pass (the unit tests check it against MLP.call) on flat arrays.
const px1 = Float64Array.from(samplePoints, (p) => p[0]);
const px2 = Float64Array.from(samplePoints, (p) => p[1]);
const px3 = Float64Array.from(samplePoints, (p) => p[2]);

/** The same numbers as outputsAt, unrolled for speed. */
export function fastOutputs(p: ArrayLike<number>, out: Float64Array = new Float64Array(px1.length)): Float64Array {
  for (let k = 0; k < px1.length; k++) {
    const z1 = p[0] * px1[k] + p[1] * px2[k] + p[2] * px3[k] + p[3];
    const z2 = p[4] * px1[k] + p[5] * px2[k] + p[6] * px3[k] + p[7];
    const h1 = z1 > 0 ? z1 : 0;
    const h2 = z2 > 0 ? z2 : 0;
    const y = p[8] * h1 + p[9] * h2 + p[10];
    out[k] = y > 0 ? y : 0;
  }
  return out;
}

function fastError(p: ArrayLike<number>, target: Float64Array, scratch: Float64Array): number {
  fastOutputs(p, scratch);
  let total = 0;
  for (let k = 0; k < target.length; k++) total += (scratch[k] - target[k]) ** 2;
  return total / target.length;
}

/** Every value a parameter slider can take, low to high. */
export const sliderValues: readonly number[] = (() => {
  const { min, max, step } = paramControls[0];
  return Array.from({ length: Math.round((max - min) / step) + 1 }, (_, k) => snap(min + k * step));
})();

/**
 * What a patient reader can do with sliders alone: take each slider in turn and leave it where
 * the error is smallest, and repeat the round. Returns the error after each round.
 */
export function sliderBySlider(start: readonly number[], target: readonly number[], rounds: number, stopBelow = 0): { params: number[]; errors: number[] } {
  const targetOut = fastOutputs(target);
  const scratch = new Float64Array(targetOut.length);
  const p = Float64Array.from(start);
  let best = fastError(p, targetOut, scratch);
  const errors: number[] = [];
  for (let r = 0; r < rounds && best >= stopBelow; r++) {
    for (let i = 0; i < p.length; i++) {
      let bestValue = p[i];
      for (const v of sliderValues) {
        p[i] = v;
        const e = fastError(p, targetOut, scratch);
        if (e < best) { best = e; bestValue = v; }
      }
      p[i] = bestValue;
    }
    errors.push(best);
  }
  return { params: Array.from(p), errors };
}

/** How a target must look: a surface with relief, both folds inside the square, not too tall. */
export function targetIsLegible(params: readonly number[]): boolean {
  const out = fastOutputs(params);
  let max = 0;
  let on = 0;
  for (const v of out) { if (v > max) max = v; if (v > 0.05) on++; }
  if (max < 1 || max > 3 || on < 0.3 * out.length) return false;
  // each hidden neuron is switched on over part of the square, and off over part of it
  for (const j of [0, 1]) {
    let active = 0;
    for (const [x1, x2, x3] of samplePoints) if (params[4 * j] * x1 + params[4 * j + 1] * x2 + params[4 * j + 2] * x3 + params[4 * j + 3] > 0) active++;
    if (active < 0.15 * samplePoints.length || active > 0.85 * samplePoints.length) return false;
  }
  return true;
}

/** The most rounds of slider-by-slider a target may need; and the error those rounds must reach. */
export const MAX_ROUNDS = 4;
const REACH = 0.75 * GOAL;

/** A hidden target: its parameters (on the slider grid), its outputs at the sample points, and how it was checked. */
export type Target = { seed: number; params: number[]; outputs: number[]; rounds: number; draws: number };

/**
 * The target for a seed (computed once, then remembered). Draws parameters uniformly over the slider range, snapped to the
 * slider steps (so the exact answer is on the sliders), until one is legible, differs from the
 * start, and slider-by-slider from the start gets below the goal within MAX_ROUNDS rounds.
 */
export function makeTarget(seed: number): Target {
  let target = made.get(seed);
  if (!target) made.set(seed, (target = drawTarget(seed)));
  return target;
}
const made = new Map<number, Target>();

function drawTarget(seed: number): Target {
  const rng = new Random(seed);
  const { min, max } = paramControls[0];
  for (let draws = 1; draws <= 20_000; draws++) {
    const params = paramControls.map(() => snap(rng.uniform(min, max)));
    if (!targetIsLegible(params)) continue;
    const outputs = outputsAt(params);
    if (handError(startParams, outputs) < 10 * GOAL) continue;
    const { errors } = sliderBySlider(startParams, params, MAX_ROUNDS, REACH);
    if (errors[errors.length - 1] >= REACH) continue;
    return { seed, params, outputs, rounds: errors.length, draws };
  }
  throw new Error(`no reachable target found for seed ${seed}`);
}

/** The error bar: a log scale from 0.001 to 10, as a fraction of the bar's length. */
export function errorBarFraction(error: number): number {
  const lo = -3;
  const hi = 1;
  const t = (Math.log10(Math.max(error, 1e-12)) - lo) / (hi - lo);
  return Math.min(1, Math.max(0, t));
}

/** The history line: errors in order, left to right, on the bar's log scale (bottom = 0.001, top = 10). */
export function historyPath(errors: readonly number[], width: number, height: number, capacity: number): string {
  const dx = width / Math.max(1, capacity - 1);
  const path = line<number>()
    .x((_, i) => Math.round(i * dx * 10) / 10)
    .y((e) => Math.round((1 - errorBarFraction(e)) * height * 10) / 10);
  return path(errors as number[]) ?? '';
}

/**
 * Where the latest reading sits on the history line (same scale as historyPath). A reading
 * off the scale (above 10, below 0.001) is held at the edge, and `off` says which, so the
 * figure marks it there with its value.
 */
export function historyLast(errors: readonly number[], width: number, height: number, capacity: number): { x: number; y: number; off: 'above' | 'below' | null } {
  const i = Math.max(0, errors.length - 1);
  const dx = width / Math.max(1, capacity - 1);
  const e = errors[i] ?? 1;
  const off = e > 10 || Number.isNaN(e) ? 'above' : e < 0.001 ? 'below' : null;
  return { x: Math.round(i * dx * 10) / 10, y: Math.round((1 - errorBarFraction(e)) * height * 10) / 10, off };
}

/** Add a reading to the history, keeping the last `capacity`. */
export function pushReading(history: readonly number[], error: number, capacity: number): number[] {
  const next = [...history, error];
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}
