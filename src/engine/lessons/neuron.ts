// Chapter 3's lesson code: from an adder to a small network, on plain numbers.
// No autograd yet (chapter 4 adds gradients); the shapes are those of microgpt's MLP.

import type { Random } from '../random.ts';

// #region adder
/** The simplest neuron: the input plus a bias. */
export function adder(x: number, b: number): number {
  return x + b;
}
// #endregion adder

// #region weight
/** Scale the input by a weight, then add the bias. */
export function weighted(x: number, w: number, b: number): number {
  return x * w + b;
}
// #endregion weight

// #region relu
/** max(0, z): negatives become 0, positives pass unchanged. */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/** A weighted neuron whose result goes through ReLU. */
export function reluNeuron(x: number, w: number, b: number): number {
  return relu(x * w + b);
}
// #endregion relu

// #region dot
/** A list of n numbers: the inputs, or the weights. */
export type Vec = readonly number[];

/** The dot product: multiply pair by pair, then add it all up. */
export function dot(x: Vec, w: Vec): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i] * w[i];
  return total;
}

/** Many inputs, one output: ReLU(x · w + b). */
export function neuron(x: Vec, w: Vec, b: number): number {
  return relu(dot(x, w) + b);
}
// #endregion dot

/** Where initial weights come from: anything with uniform(a, b), like the engine's Random. */
export type Uniform = Pick<Random, 'uniform'>;

// #region classes
/** One neuron: a weight for each of its nin inputs and a bias. */
export class Neuron {
  w: number[];
  b: number;

  constructor(nin: number, rng: Uniform) {
    // start anywhere in [-1, 1): training (chapter 7) moves them from there
    this.w = Array.from({ length: nin }, () => rng.uniform(-1, 1));
    this.b = rng.uniform(-1, 1);
  }

  /** The weighted sum before the ReLU: w · x + b. */
  z(x: Vec): number {
    return dot(this.w, x) + this.b;
  }

  /** The forward pass of one neuron: ReLU(w · x + b). */
  call(x: Vec): number {
    return relu(this.z(x));
  }
}

/** nout neurons side by side, all reading the same inputs. */
export class Layer {
  neurons: Neuron[];

  constructor(nin: number, nout: number, rng: Uniform) {
    this.neurons = Array.from({ length: nout }, () => new Neuron(nin, rng));
  }

  call(x: Vec): number[] {
    return this.neurons.map((n) => n.call(x));
  }
}

/** Layers one after another, each reading the outputs of the one before. */
export class MLP {
  layers: Layer[];

  /** nin inputs, then a size per layer: MLP(3, [2, 1], rng) is 3 → 2 → 1. */
  constructor(nin: number, nouts: readonly number[], rng: Uniform) {
    const sizes = [nin, ...nouts];
    this.layers = nouts.map((nout, i) => new Layer(sizes[i], nout, rng));
  }

  call(x: Vec): number[] {
    let h = [...x];
    for (const layer of this.layers) h = layer.call(h);
    return h;
  }
}
// #endregion classes

/** Every parameter of an MLP in reading order: neuron by neuron, its weights then its bias. */
export function parameters(mlp: MLP): number[] {
  return mlp.layers.flatMap((layer) => layer.neurons.flatMap((n) => [...n.w, n.b]));
}

/** An MLP of the given shape holding exactly these parameters (in the order parameters() lists them). */
export function mlpWith(nin: number, nouts: readonly number[], params: readonly number[]): MLP {
  const mlp = new MLP(nin, nouts, { uniform: () => 0 });
  let k = 0;
  for (const layer of mlp.layers) {
    for (const n of layer.neurons) {
      for (let i = 0; i < n.w.length; i++) n.w[i] = params[k++];
      n.b = params[k++];
    }
  }
  if (k !== params.length) {
    throw new RangeError(`an MLP(${nin}, [${nouts.join(', ')}]) has ${k} parameters, got ${params.length}`);
  }
  return mlp;
}

/** One layer of a traced forward pass: what it read, each neuron's weighted sum z, and its output ReLU(z). */
export type LayerTrace = { input: number[]; z: number[]; out: number[] };

/** Every number of one forward pass, layer by layer; the last layer's `out` is mlp.call(x). */
export function trace(mlp: MLP, x: readonly number[]): LayerTrace[] {
  const layers: LayerTrace[] = [];
  let h = [...x];
  for (const layer of mlp.layers) {
    const z = layer.neurons.map((n) => n.z(h));
    const out = z.map(relu);
    layers.push({ input: h, z, out });
    h = out;
  }
  return layers;
}

// #region mse
/** Mean squared error of predictions ŷ against targets y: mean of (ŷᵢ − yᵢ)². */
export function mse(yhat: Vec, y: Vec): number {
  const n = yhat.length;
  if (n === 0 || y.length !== n) {
    throw new RangeError(`mse: ${n} predictions but ${y.length} targets`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += (yhat[i] - y[i]) ** 2;
  return total / n;
}
// #endregion mse
