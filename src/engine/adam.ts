// Adam: gradient descent with momentum (m) and a per-parameter step size (from v).

// #region adam-defaults
/** Adam's settings; microgpt's values are the defaults. */
export type AdamConfig = { lr: number; beta1: number; beta2: number; eps: number };

/** microgpt's Adam: learning rate 0.01, β₁ 0.85, β₂ 0.99, ε 1e-8. */
export const adamDefaults: AdamConfig = { lr: 0.01, beta1: 0.85, beta2: 0.99, eps: 1e-8 };
// #endregion adam-defaults

/** Adam's memory: a running mean of gradients (m) and of squared gradients (v), one per parameter. */
export type AdamState = { config: AdamConfig; m: Float64Array; v: Float64Array };

/** Fresh moments for size parameters (m and v start at 0), with microgpt's settings unless overridden. */
export function adamState(size: number, config: Partial<AdamConfig> = {}): AdamState {
  return { config: { ...adamDefaults, ...config }, m: new Float64Array(size), v: new Float64Array(size) };
}

/** The per-step numbers Adam's update uses: the decayed learning rate and the two bias corrections. */
export type AdamSchedule = { lrT: number; mCorrection: number; vCorrection: number };

// #region adam-schedule
/** At step (from 0) of numSteps: lr decays linearly to 0; m and v start at 0, so early averages are biased towards 0 and 1 − β^(step+1) undoes that. */
export function adamSchedule(config: AdamConfig, step: number, numSteps: number): AdamSchedule {
  return { lrT: config.lr * (1 - step / numSteps), mCorrection: 1 - config.beta1 ** (step + 1), vCorrection: 1 - config.beta2 ** (step + 1) };
}
// #endregion adam-schedule

// #region adam
/**
 * One update of every parameter in place. step counts from 0; the learning rate decays
 * linearly from lr at step 0 towards 0 at numSteps. Does not zero the gradients.
 * data, grad: [numParams], the parameters laid end to end in matrixShapes() order.
 */
export function adamStep(state: AdamState, data: Float64Array, grad: Float64Array, step: number, numSteps: number): void {
  const { beta1, beta2, eps } = state.config;
  const { m, v } = state;
  const { lrT, mCorrection, vCorrection } = adamSchedule(state.config, step, numSteps);
  for (let i = 0; i < data.length; i++) {
    const g = grad[i];
    m[i] = beta1 * m[i] + (1 - beta1) * g;
    v[i] = beta2 * v[i] + (1 - beta2) * (g * g);
    const mHat = m[i] / mCorrection;
    const vHat = v[i] / vCorrection;
    data[i] -= (lrT * mHat) / (Math.sqrt(vHat) + eps);
  }
}
// #endregion adam
