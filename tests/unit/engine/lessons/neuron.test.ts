// Chapter 3's lesson code: the neuron in stages, the Neuron/Layer/MLP classes and the mean
// squared error, checked against arithmetic written out by hand.

import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/engine/random.ts';
import {
  Layer, MLP, Neuron, adder, dot, mlpWith, mse, neuron, parameters, relu, reluNeuron, trace, weighted,
} from '../../../../src/engine/lessons/neuron.ts';

describe('the neuron, stage by stage', () => {
  it('adder(3, −1) is 2', () => {
    expect(adder(3, -1)).toBe(2);
  });

  it('weighted(x, w, b) is x·w + b', () => {
    expect(weighted(3, 2, -1)).toBe(5);
    expect(weighted(1.5, 0, 0.25)).toBe(0.25);
  });

  const reluCases: [number, number][] = [[-2, 0], [-0, 0], [0, 0], [0.5, 0.5], [3, 3]];
  for (const [z, a] of reluCases) {
    it(`relu(${z}) is ${a}`, () => expect(relu(z)).toBe(a));
  }

  it('a ReLU neuron with w = 2, b = −3 gives 0 at x = 1 and 5 at x = 4', () => {
    expect(reluNeuron(1, 2, -3)).toBe(0);
    expect(reluNeuron(4, 2, -3)).toBe(5);
    expect(reluNeuron(1.5, 2, -3)).toBe(0); // the switch point itself: z = 0
  });

  it('dot multiplies pair by pair and adds', () => {
    expect(dot([2, -1, 0.5], [0.5, 1.5, -2])).toBe(1 - 1.5 - 1);
    expect(dot([], [])).toBe(0);
  });

  it('neuron(x, w, b) is ReLU(x · w + b)', () => {
    expect(neuron([1, -2, 3], [0.5, 0.5, -1], 2)).toBe(0);
    expect(neuron([1, 2, 3], [1, 1, 1], -1)).toBe(5);
  });
});

describe('Neuron, Layer and MLP', () => {
  it('a Neuron draws its weights, then its bias, uniformly from [−1, 1) in that order', () => {
    const n = new Neuron(3, new Random(7));
    const rng = new Random(7);
    expect(n.w).toEqual([rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)]);
    expect(n.b).toBe(rng.uniform(-1, 1));
  });

  it('Neuron.call is ReLU of Neuron.z', () => {
    const n = new Neuron(2, new Random(1));
    n.w = [1, -1];
    n.b = 0.5;
    expect(n.z([2, 3])).toBe(-0.5);
    expect(n.call([2, 3])).toBe(0);
    expect(n.call([3, 2])).toBe(1.5);
  });

  it('a Layer gives one output per neuron, each reading the whole input', () => {
    const layer = new Layer(3, 4, new Random(3));
    const x = [0.5, -1, 2];
    expect(layer.call(x)).toEqual(layer.neurons.map((n) => neuron(x, n.w, n.b)));
  });

  it('MLP(3, [2, 1]) is a 3 → 2 → 1 network with 11 parameters', () => {
    const mlp = new MLP(3, [2, 1], new Random(2));
    expect(mlp.layers.map((l) => l.neurons.length)).toEqual([2, 1]);
    expect(mlp.layers.map((l) => l.neurons[0].w.length)).toEqual([3, 2]);
    expect(parameters(mlp)).toHaveLength(11);
    expect(parameters(new MLP(3, [4, 4, 1], new Random(0)))).toHaveLength(41);
  });

  it('MLP.call feeds each layer the outputs of the one before', () => {
    const mlp = new MLP(3, [2, 1], new Random(5));
    const x = [1, 0.5, -1];
    const hidden = mlp.layers[0].call(x);
    expect(mlp.call(x)).toEqual(mlp.layers[1].call(hidden));
  });

  it('the same seed builds the same network', () => {
    expect(parameters(new MLP(3, [2, 1], new Random(11)))).toEqual(parameters(new MLP(3, [2, 1], new Random(11))));
  });

  it('mlpWith puts parameters back in the order parameters() lists them', () => {
    const mlp = new MLP(3, [2, 1], new Random(9));
    const copy = mlpWith(3, [2, 1], parameters(mlp));
    expect(parameters(copy)).toEqual(parameters(mlp));
    expect(copy.call([0.3, -0.2, 1])).toEqual(mlp.call([0.3, -0.2, 1]));
  });

  it('mlpWith refuses a parameter list of the wrong length', () => {
    expect(() => mlpWith(3, [2, 1], [1, 2, 3])).toThrow(/has 11 parameters, got 3/);
  });

  it('a 3-2-1 forward pass written out by hand agrees with MLP.call and trace', () => {
    // h1 = ReLU(1·1 + 0.5·2 + 0.5·(−1) − 0.5) = 1; h2 = ReLU(−0.6·1 + 1·2 − 0.5·(−1) + 0.2) = 2.1
    // ŷ = ReLU(0.8·1 + 1·2.1 − 0.4) = 2.5
    const mlp = mlpWith(3, [2, 1], [1, 0.5, 0.5, -0.5, -0.6, 1, -0.5, 0.2, 0.8, 1, -0.4]);
    const [hidden, out] = trace(mlp, [1, 2, -1]);
    expect(hidden.z[0]).toBeCloseTo(1, 12);
    expect(hidden.out[1]).toBeCloseTo(2.1, 12);
    expect(out.input).toEqual(hidden.out);
    expect(out.out[0]).toBeCloseTo(2.5, 12);
    expect(mlp.call([1, 2, -1])[0]).toBe(out.out[0]);
  });
});

describe('mean squared error', () => {
  it('averages the squared differences', () => {
    expect(mse([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(mse([0, 0], [1, -1])).toBe(1);
    expect(mse([3], [1])).toBe(4);
    expect(mse([0.5, 0.16, 0.25, 0.67], [1, -1, 0.5, 2])).toBeCloseTo((0.25 + 1.3456 + 0.0625 + 1.7689) / 4, 12);
  });

  it('refuses empty or mismatched lists', () => {
    expect(() => mse([], [])).toThrow(RangeError);
    expect(() => mse([1, 2], [1])).toThrow('mse: 2 predictions but 1 targets');
    expect(() => mse([], [])).toThrow('mse: 0 predictions but 0 targets');
  });
});
