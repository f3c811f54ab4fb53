// One real training step, laid out to be read in stages: the forward pass (each position's
// probabilities), the loss, the backward pass (the gradient of every matrix), Adam's update
// (m, v, the bias-corrected m̂ and v̂, and the change it made), and the loss after. Every
// number comes from the engine: FastGPT.lossAndGrad, adamStep on copies, FastGPT.loss.

import { adamSchedule, adamState, adamStep, type AdamConfig, type AdamSchedule } from '../../engine/adam.ts';
import type { GPTConfig } from '../../engine/config.ts';
import { FastGPT } from '../../engine/fast.ts';
import { matrixShapes, type MatrixShape, type StateDict } from '../../engine/params.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';

/** The stages of the step, in order. */
export const stages = ['forward', 'loss', 'backward', 'adam', 'after'] as const;
export type Stage = (typeof stages)[number];

/** What each stage is called on its button and in announcements. */
export const stageTitles: Record<Stage, string> = {
  forward: 'Forward pass',
  loss: 'The loss',
  backward: 'Backward pass',
  adam: 'Adam update',
  after: 'Loss after the step',
};

/** The stage `delta` places from `stage`, held at the ends. */
export function moveStage(stage: Stage, delta: number): Stage {
  const i = stages.indexOf(stage);
  return stages[Math.max(0, Math.min(stages.length - 1, i + delta))];
}

/** A matrix inside the flat parameter array. */
export type MatrixPlace = MatrixShape & { offset: number };

/** One position of the forward pass: input, target, p(target), and the most likely tokens. */
export type ForwardRow = { pos: number; input: string; target: string; p: number; top: { label: string; p: number }[] };

/** Everything the step did, flat arrays in matrixShapes() order. */
export type UpCloseStep = {
  name: string;
  positions: ForwardRow[];
  loss: number;
  matrices: MatrixPlace[];
  before: Float64Array; // parameters before the update
  grad: Float64Array; // ∂loss/∂parameter
  m: Float64Array; // Adam's first moment after the update
  v: Float64Array; // second moment
  after: Float64Array; // parameters after the update
  schedule: AdamSchedule; // lr at this step and the bias corrections
  step: number; // which step of the schedule (0: the first)
  lossAfter: number; // the same document's loss on the updated parameters
};

/** Where each matrix sits in FastGPT's flat arrays. */
export function matrixPlaces(config: GPTConfig): MatrixPlace[] {
  let offset = 0;
  return matrixShapes(config).map((s) => {
    const place = { ...s, offset };
    offset += s.rows * s.cols;
    return place;
  });
}

/**
 * Take one training step on `tokens` from `stateDict`, as FastTrainer.step does at `step` of
 * `numSteps` (fresh Adam moments: the first step of a run), keeping every intermediate.
 */
export function upCloseStep(
  config: GPTConfig, stateDict: StateDict, tokenizer: Tokenizer, name: string, tokens: readonly number[],
  numSteps: number, adam: Partial<AdamConfig> = {}, topK = 3,
): UpCloseStep {
  const model = new FastGPT(config, stateDict);
  const loss = model.lossAndGrad(tokens);
  const V = config.vocabSize;
  const n = Math.min(config.blockSize, tokens.length - 1);
  const positions = Array.from({ length: n }, (_, pos): ForwardRow => {
    const row = Array.from(model.probs.subarray(pos * V, (pos + 1) * V));
    const top = row.map((p, t) => ({ label: tokenizer.token(t), p })).sort((a, b) => b.p - a.p).slice(0, topK);
    return { pos, input: tokenizer.token(tokens[pos]), target: tokenizer.token(tokens[pos + 1]), p: row[tokens[pos + 1]], top };
  });
  const before = model.data.slice();
  const grad = model.grad.slice();
  const state = adamState(before.length, adam);
  const after = before.slice();
  const step = 0;
  adamStep(state, after, grad, step, numSteps);
  const updated = new FastGPT(config);
  updated.data.set(after);
  const lossAfter = updated.loss(tokens);
  return {
    name, positions, loss, matrices: matrixPlaces(config), before, grad, m: state.m, v: state.v, after,
    schedule: adamSchedule(state.config, step, numSteps), step, lossAfter,
  };
}

/** The quantities a heatmap can show for one matrix. */
export type Quantity = 'grad' | 'm' | 'v' | 'mHat' | 'vHat' | 'update';

/** One number of the step for flat index i: m̂ and v̂ are m and v over their corrections; update is after − before. */
export function valueAt(s: UpCloseStep, q: Quantity, i: number): number {
  switch (q) {
    case 'grad': return s.grad[i];
    case 'm': return s.m[i];
    case 'v': return s.v[i];
    case 'mHat': return s.m[i] / s.schedule.mCorrection;
    case 'vHat': return s.v[i] / s.schedule.vCorrection;
    case 'update': return s.after[i] - s.before[i];
  }
}

/** A matrix of the step as rows [rows][cols] of one quantity. */
export function matrixValues(s: UpCloseStep, name: string, q: Quantity): number[][] {
  const place = s.matrices.find((m) => m.name === name);
  if (!place) throw new RangeError(`no matrix called ${name}`);
  return Array.from({ length: place.rows }, (_, r) => Array.from({ length: place.cols }, (_, c) => valueAt(s, q, place.offset + r * place.cols + c)));
}

/** An entry named as the code indexes it, e.g. lm_head[4][7]. */
export type Entry = { label: string; matrix: string; row: number; col: number; value: number };

/** The k entries of largest magnitude of quantity q, over the named matrices (all when omitted), largest first. */
export function largestEntries(s: UpCloseStep, q: Quantity, k: number, only?: string): Entry[] {
  const entries: Entry[] = [];
  for (const place of s.matrices) {
    if (only && place.name !== only) continue;
    for (let r = 0; r < place.rows; r++)
      for (let c = 0; c < place.cols; c++) {
        const value = valueAt(s, q, place.offset + r * place.cols + c);
        entries.push({ label: `${place.name}[${r}][${c}]`, matrix: place.name, row: r, col: c, value });
      }
  }
  return entries.sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, k);
}

/** Per matrix: the gradient's size (√Σg²), how many entries are exactly 0, and how many there are. */
export type GradientSummary = { name: string; norm: number; zeros: number; size: number };

export function gradientSummaries(s: UpCloseStep): GradientSummary[] {
  return s.matrices.map((place) => {
    let ss = 0;
    let zeros = 0;
    const size = place.rows * place.cols;
    for (let i = place.offset; i < place.offset + size; i++) {
      ss += s.grad[i] * s.grad[i];
      if (s.grad[i] === 0) zeros++;
    }
    return { name: place.name, norm: Math.sqrt(ss), zeros, size };
  });
}

/** The whole gradient's size √Σg² over every parameter. */
export function gradientNorm(s: UpCloseStep): number {
  let ss = 0;
  for (const g of s.grad) ss += g * g;
  return Math.sqrt(ss);
}

/** Over the parameters with a non-zero gradient: the smallest and largest |change| Adam made, and how many there are. */
export function updateRange(s: UpCloseStep): { moved: number; smallest: number; largest: number } {
  let moved = 0;
  let smallest = Infinity;
  let largest = 0;
  for (let i = 0; i < s.grad.length; i++) {
    if (s.grad[i] === 0) continue;
    const d = Math.abs(s.after[i] - s.before[i]);
    moved++;
    smallest = Math.min(smallest, d);
    largest = Math.max(largest, d);
  }
  return { moved, smallest, largest };
}

/** Row labels of a matrix as the chapter names them: tokens for wte and lm_head, positions for wpe, numbers otherwise. */
export function rowLabels(name: string, rows: number, tokenizer: Tokenizer): string[] {
  if (name === 'wte' || name === 'lm_head') return Array.from({ length: rows }, (_, r) => `${r} ${tokenizer.token(r)}`);
  if (name === 'wpe') return Array.from({ length: rows }, (_, r) => `pos ${r}`);
  return Array.from({ length: rows }, (_, r) => String(r));
}
