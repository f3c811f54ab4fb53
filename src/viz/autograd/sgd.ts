// Plain gradient descent on one example: prediction p = w·x + b, loss L = (p − y)².
// Every forward value and gradient comes from the engine's Value and its backward().

import { Value } from '../../engine/value.ts';

/** One input x with its target y, starting parameters w and b, and the learning rate. */
export type SgdSetup = { x: number; y: number; w: number; b: number; lr: number };

export const sgdDefaults: SgdSetup = { x: 3, y: 10, w: 2, b: 1, lr: 0.02 };

/** The model at one point: parameters, prediction, loss and both gradients. */
export type SgdRecord = { step: number; w: number; b: number; prediction: number; loss: number; gradW: number; gradB: number };

/** A run so far: history[k] is the point after k updates (history[0] is the start). */
export type SgdRun = { setup: SgdSetup; history: SgdRecord[] };

/** The most steps a run keeps, and the loss past which it stops (the numbers would overflow). */
export const sgdLimits = { steps: 500, loss: 1e12 } as const;

// #region sgd-step
/** Forward and backward at (w, b): build the graph from Values, then ask for the gradients. */
export function evaluate(s: SgdSetup, w: number, b: number, step = 0): SgdRecord {
  const wv = new Value(w);
  const bv = new Value(b);
  const p = wv.mul(s.x).add(bv); // prediction
  const L = p.sub(s.y).pow(2); // squared error
  L.backward();
  return { step, w, b, prediction: p.data, loss: L.data, gradW: wv.grad, gradB: bv.grad };
}

/** One step of gradient descent: move each parameter against its gradient. */
export function sgdStep(run: SgdRun): SgdRun {
  const last = run.history[run.history.length - 1];
  const w = last.w - run.setup.lr * last.gradW;
  const b = last.b - run.setup.lr * last.gradB;
  return { ...run, history: [...run.history, evaluate(run.setup, w, b, last.step + 1)] };
}
// #endregion sgd-step

/** A fresh run at the setup's starting parameters. */
export function sgdStart(setup: SgdSetup): SgdRun {
  return { setup, history: [evaluate(setup, setup.w, setup.b)] };
}

/** Whether another step is allowed: not past the step limit, and the loss is still representable. */
export function canStep(run: SgdRun): boolean {
  const last = run.history[run.history.length - 1];
  return run.history.length <= sgdLimits.steps && Number.isFinite(last.loss) && last.loss < sgdLimits.loss;
}

/** n steps (fewer if the run stops). */
export function sgdRun(run: SgdRun, n: number): SgdRun {
  let r = run;
  for (let i = 0; i < n && canStep(r); i++) r = sgdStep(r);
  return r;
}

export type SgdTrend = 'start' | 'falling' | 'flat' | 'rising' | 'blown-up' | 'solved';

/**
 * Where the run is heading, from its last two losses: the loss of this problem changes by
 * the same factor every step, so two points are enough.
 */
export function sgdTrend(run: SgdRun): SgdTrend {
  const h = run.history;
  const last = h[h.length - 1];
  if (!Number.isFinite(last.loss) || last.loss >= sgdLimits.loss) return 'blown-up';
  if (last.loss < 1e-12) return 'solved';
  if (h.length < 2) return 'start';
  const ratio = last.loss / h[h.length - 2].loss;
  if (ratio > 1 + 1e-9) return 'rising';
  if (ratio > 1 - 1e-9) return 'flat';
  return 'falling';
}

/**
 * The largest learning rate that does not diverge on this problem. One step changes the
 * error p − y by the factor 1 − 2·lr·(x² + 1), since ∂L/∂w = 2(p − y)·x and ∂L/∂b = 2(p − y);
 * the loss shrinks exactly when that factor lies between −1 and 1, i.e. lr < 1/(x² + 1).
 */
export function largestStableRate(s: Pick<SgdSetup, 'x'>): number {
  return 1 / (s.x * s.x + 1);
}
