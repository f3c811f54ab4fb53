// The numbers chapter 3 quotes, checked against the lesson code run again here.

import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/engine/random.ts';
import { initStateDict, microgptConfig } from '../../../src/engine/index.ts';
import { MLP, mlpWith, mse, trace } from '../../../src/engine/lessons/neuron.ts';
import { neuronChapter, neuronFacts } from '../../../src/facts/neuron.ts';
import { model } from '../../../src/facts/shipped.ts';
import { defaultNetworkValues, splitValues } from '../../../src/viz/neuron/network.ts';

describe('neuronFacts', () => {
  const L = neuronFacts();

  it('answers the plan’s exercises', () => {
    expect(L.adder.a).toBe(2);
    expect([L.relu.at1, L.relu.at4, L.relu.on]).toEqual([0, 5, 1.5]);
    expect(L.counts).toEqual({ small: 11, hiddenLayer: 8, bigger: 41 });
    expect(L.negativeFloor).toBe(1);
  });

  it('runs the seeded MLP on a batch of four, with the mean squared error against the targets', () => {
    expect(L.mlp.batch).toHaveLength(4);
    const mlp = new MLP(3, [2, 1], new Random(L.mlp.seed));
    L.mlp.batch.forEach((r) => expect(r.y).toBe(mlp.call(r.x)[0]));
    expect(L.mlp.loss).toBe(mse(L.mlp.batch.map((r) => r.y), L.mlp.batch.map((r) => r.target)));
  });

  it('quotes the std microgpt’s fresh weights are drawn with, as the engine draws them', () => {
    const sd = initStateDict(microgptConfig(27), new Random(7));
    const xs = Object.values(sd).flat(2);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(L.initStd).toBe(0.08); // microgpt.py: std=0.08
    expect(std / L.initStd).toBeGreaterThan(0.95);
    expect(std / L.initStd).toBeLessThan(1.05);
  });

  it('the dead network of the exercise really is off for the whole batch', () => {
    expect(L.dead.z.every((z) => z < 0)).toBe(true);
  });

  it('the collapsed network (no hidden ReLUs) is one neuron with the same output wherever both hidden neurons are on', () => {
    const { x, params } = splitValues(defaultNetworkValues);
    const [hidden, out] = trace(mlpWith(3, [2, 1], params), x);
    if (hidden.z.every((z) => z > 0)) {
      expect(L.collapsed.w.reduce((s, w, i) => s + w * x[i], L.collapsed.b)).toBeCloseTo(out.z[0], 12);
    }
    // and everywhere, the linear network equals the collapsed neuron
    const p = params;
    const pt = [0.3, -1.2, 2];
    const h = [0, 1].map((j) => p[4 * j] * pt[0] + p[4 * j + 1] * pt[1] + p[4 * j + 2] * pt[2] + p[4 * j + 3]);
    expect(p[8] * h[0] + p[9] * h[1] + p[10]).toBeCloseTo(L.collapsed.w.reduce((s, w, i) => s + w * pt[i], L.collapsed.b), 12);
  });
});

describe('neuronChapter', () => {
  it('quotes the shipped model’s size', () => {
    expect(neuronChapter.parameters).toBe(model.parameters);
    expect(neuronChapter.nEmbd).toBe(model.nEmbd);
  });
});
