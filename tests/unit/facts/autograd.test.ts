// The numbers chapter 4 quotes, checked against derivatives worked out by hand.

import { describe, expect, it } from 'vitest';
import { autogradChapter, autogradFacts } from '../../../src/facts/autograd.ts';
import { model } from '../../../src/facts/shipped.ts';

describe('autogradFacts', () => {
  const A = autogradFacts();

  it('the branch c = a·b, L = c + a at a = 2, b = 3 has ∂L/∂a = b + 1 and ∂L/∂b = a', () => {
    expect(A.branch).toEqual({ a: 2, b: 3, c: 6, L: 8, aGrad: 4, bGrad: 2, cGrad: 1 });
  });

  it('the neuron p = relu(w·x + b), L = (p − y)² at x = 2, w = 0.5, b = 1, y = 3', () => {
    expect([A.neuron.z, A.neuron.p, A.neuron.L]).toEqual([2, 2, 1]);
    // ∂L/∂p = 2(p − y) = −2, and relu passes it on while z > 0
    expect(A.neuron.grads).toMatchObject({ p: -2, w: -4, b: -2, x: -1, y: 2 });
  });

  it('the nudge moves L = a·b + a by exactly a.grad × h, since L is a straight line in a', () => {
    expect(A.nudge.a.change).toBeCloseTo(4 * A.nudge.h, 12);
    expect(A.nudge.a.exact).toBe(true);
    expect(A.nudge.b.change).toBeCloseTo(2 * A.nudge.h, 12);
  });

  it('gradient descent on p = w·x + b, x = 3, y = 10, from w = 2, b = 1 at lr 0.02', () => {
    expect(A.sgd.s0).toMatchObject({ prediction: 7, loss: 9, gradW: -18, gradB: -6 });
    // each step multiplies the error by 1 − 2·lr·(x² + 1) = 0.6, so the loss by 0.36
    expect(A.sgd.ratio).toBeCloseTo(0.36, 12);
    expect(A.sgd.limit).toBeCloseTo(1 / 10, 12);
    // the prediction moves by lr·(x·18 + 6) = 60·lr, so lr = 0.05 lands on the target
    expect(A.sgd.exactRate).toBeCloseTo(0.05, 12);
    expect(A.sgd.exact.prediction).toBeCloseTo(10, 12);
    expect(A.sgd.s0.loss * A.sgd.ratio ** A.sgd.below.steps).toBeLessThan(A.sgd.below.goal);
    expect(A.curve.limit).toBeCloseTo(1 / 9, 12);
  });

  it('the exercises: x³ at 2, log at 4, a + a + a at 5, a dead relu, a² at 3', () => {
    expect(A.exercises.pow3).toEqual({ out: 8, grads: [12] });
    expect(A.exercises.log4.out).toBeCloseTo(Math.log(4), 12);
    expect(A.exercises.log4.grads).toEqual([0.25]);
    expect(A.exercises.triple).toEqual({ out: 15, grads: [3] });
    expect(A.exercises.dead).toEqual({ out: 0, grads: [0, 0, 0] });
    expect(A.exercises.square).toEqual({ out: 9, grads: [6] });
    const ds = A.exercises.diffSquares;
    expect(ds.nodes).toBe(2 + ds.ops + ds.consts); // a and b, then every operation and literal
  });

  it('a document of four letters is six tokens for the full model', () => {
    expect(A.documentGraph).toMatchObject({ name: 'emma', tokens: 6 });
    expect(A.documentGraph.values).toBeGreaterThan(model.parameters);
  });
});

describe('autogradChapter', () => {
  it('quotes the shipped model’s size', () => {
    expect(autogradChapter.parameters).toBe(model.parameters);
  });
});
