// Adam: one update written out by hand, with microgpt's betas (0.85, 0.99), eps 1e-8 and a
// learning rate decaying linearly as lr·(1 − step/numSteps).

import { describe, expect, it } from 'vitest';
import { adamDefaults, adamState, adamStep } from '../../../src/engine/adam.ts';

const f64 = (xs: number[]) => Float64Array.from(xs);

function expectNear(actual: ArrayLike<number>, expected: number[], tol: number): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `[${i}] ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
}

describe('adamState', () => {
  it('adamState starts m and v at zero with microgpt\'s defaults lr 0.01, beta1 0.85, beta2 0.99, eps 1e-8', () => {
    expect(adamDefaults).toEqual({ lr: 0.01, beta1: 0.85, beta2: 0.99, eps: 1e-8 });
    const s = adamState(3);
    expect(s.config).toEqual(adamDefaults);
    expect(Array.from(s.m)).toEqual([0, 0, 0]);
    expect(Array.from(s.v)).toEqual([0, 0, 0]);
  });

  it('adamState overrides only the settings it is given', () => {
    expect(adamState(1, { lr: 0.1 }).config).toEqual({ lr: 0.1, beta1: 0.85, beta2: 0.99, eps: 1e-8 });
  });
});

describe('adamStep', () => {
  it('adamStep at step 0 of 10 updates m, v and the parameters as worked by hand', () => {
    const s = adamState(4);
    const data = f64([1, 1, 1, 1]);
    const grad = f64([0.5, -2, 0, 1e-3]);
    adamStep(s, data, grad, 0, 10);
    // m = 0.15·g,  v = 0.01·g²
    expectNear(s.m, [0.075, -0.3, 0, 0.00015], 1e-16);
    expectNear(s.v, [0.0025, 0.04, 0, 1e-8], 1e-16);
    // m̂ = m / (1 − 0.85) = g,  v̂ = v / (1 − 0.99) = g²,  lr_t = 0.01·(1 − 0/10) = 0.01
    // step = 0.01·g / (|g| + 1e-8)
    expectNear(data, [
      1 - 0.01 * 0.5 / (0.5 + 1e-8), // 0.9900000002
      1 + 0.01 * 2 / (2 + 1e-8), // 1.00999999995
      1, // zero gradient: no move
      1 - 0.01 * 1e-3 / (1e-3 + 1e-8), // 0.990000099999
    ], 1e-15);
    expectNear(data, [0.9900000002, 1.00999999995, 1, 0.990000099999], 1e-12);
  });

  it('adamStep at step 3 of 10 uses bias corrections 1 − 0.85⁴, 1 − 0.99⁴ and lr 0.01·(1 − 3/10)', () => {
    const s = adamState(1);
    s.m[0] = 0.2;
    s.v[0] = 0.05;
    const data = f64([1.5]);
    adamStep(s, data, f64([0.4]), 3, 10);
    // m = 0.85·0.2 + 0.15·0.4 = 0.17 + 0.06 = 0.23
    // v = 0.99·0.05 + 0.01·0.16 = 0.0495 + 0.0016 = 0.0511
    expect(s.m[0]).toBeCloseTo(0.23, 15);
    expect(s.v[0]).toBeCloseTo(0.0511, 15);
    // 1 − 0.85⁴ = 1 − 0.52200625 = 0.47799375;  1 − 0.99⁴ = 1 − 0.96059601 = 0.03940399
    const mHat = 0.23 / 0.47799375; // ≈ 0.4811778
    const vHat = 0.0511 / 0.03940399; // ≈ 1.2968230
    const lrT = 0.007;
    const update = (lrT * mHat) / (Math.sqrt(vHat) + 1e-8); // ≈ 0.0029577625
    expect(update).toBeCloseTo(0.0029577625, 9);
    expect(Math.abs(data[0] - (1.5 - update))).toBeLessThan(1e-14);
  });

  it('adamStep on a constant gradient from step 0 to 3 matches the closed form m̂ = g, v̂ = g²', () => {
    // with a constant g, m_t = (1 − β1^(t+1))·g and v_t = (1 − β2^(t+1))·g², so the bias-corrected
    // ratio is g/|g| at every step and each update is lr_t·|g|/(|g| + eps) against g
    const s = adamState(1);
    const data = f64([0]);
    const g = f64([-0.3]);
    for (let step = 0; step < 4; step++) adamStep(s, data, g, step, 10);
    const expected = 0.01 * (1 + 0.9 + 0.8 + 0.7) * (0.3 / (0.3 + 1e-8)); // Σ lr·(1 − t/10)
    expect(Math.abs(data[0] - expected)).toBeLessThan(1e-15);
    expect(s.m[0]).toBeCloseTo((1 - 0.85 ** 4) * -0.3, 15);
    expect(s.v[0]).toBeCloseTo((1 - 0.99 ** 4) * 0.09, 15);
  });

  const magnitudes = [1e-4, 0.02, 1, 37, -1e-4, -0.5, -250];
  for (const g of magnitudes) {
    it(`adamStep's bias correction makes the first step ≈ lr·sign(g) for g = ${g}`, () => {
      const s = adamState(1);
      const data = f64([0]);
      adamStep(s, data, f64([g]), 0, 100);
      expect(Math.abs(data[0] + 0.01 * Math.sign(g))).toBeLessThan(1e-6);
    });
  }

  it('adamStep at step = numSteps has learning rate 0 and leaves the parameters alone', () => {
    const s = adamState(2);
    const data = f64([0.3, -0.7]);
    adamStep(s, data, f64([1, -1]), 10, 10);
    expect(Array.from(data)).toEqual([0.3, -0.7]);
  });

  it('adamStep uses the configured lr', () => {
    const s = adamState(1, { lr: 0.5 });
    const data = f64([0]);
    adamStep(s, data, f64([2]), 0, 1000);
    expect(Math.abs(data[0] + 0.5)).toBeLessThan(1e-8);
  });

  it('adamStep does not zero the gradients', () => {
    const grad = f64([0.1, 0.2]);
    adamStep(adamState(2), f64([0, 0]), grad, 0, 10);
    expect(Array.from(grad)).toEqual([0.1, 0.2]);
  });
});
