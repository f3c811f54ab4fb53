// Every number chapter 3 quotes, computed by the lesson code when the site is built.

import { initStd } from '../engine/params.ts';
import { Random } from '../engine/random.ts';
import { MLP, adder, dot, mse, neuron, parameters, reluNeuron, trace, weighted } from '../engine/lessons/neuron.ts';
import { GOAL, HAND_X3, MAX_ROUNDS, makeTarget, paramControls, samplePoints } from '../viz/neuron/hand-training.ts';
import { NIN, NOUTS, defaultNetworkValues, splitValues } from '../viz/neuron/network.ts';
import { turnOnPoint } from '../viz/neuron/neuron-stage.ts';
import { model } from './shipped.ts';

/** The seed of the MLP the chapter builds and runs on a batch. */
export const BATCH_SEED = 2;
/** Four inputs of three numbers each, and what we would like the network to answer for them. */
export const batchInputs = [[1, 0.5, -1], [-2, 1, 0], [0.5, -0.5, 2], [1.5, 1.5, 1.5]];
export const batchTargets = [1, -1, 0.5, 2];

/** A dead network: with this seed the output neuron's weighted sum is negative for all four inputs. */
export const DEAD_SEED = 42;

/** The chapter's computed numbers. */
export function neuronFacts() {
  const mlp = new MLP(NIN, NOUTS, new Random(BATCH_SEED));
  const batch = batchInputs.map((x, i) => {
    const [hidden, out] = trace(mlp, x);
    return { x, hidden: hidden.out, z: out.z[0], y: out.out[0], target: batchTargets[i] };
  });
  const predictions = batch.map((r) => r.y);
  const dead = new MLP(NIN, NOUTS, new Random(DEAD_SEED));
  const deadZ = batchInputs.map((x) => trace(dead, x)[1].z[0]);

  // the playground's network with its hidden ReLUs removed collapses into one linear neuron
  const p = splitValues(defaultNetworkValues).params;
  const [w1, w2, u] = [p.slice(0, 3), p.slice(4, 7), p.slice(8, 10)];
  const collapsed = { w: w1.map((v, i) => u[0] * v + u[1] * w2[i]), b: u[0] * p[3] + u[1] * p[7] + p[10] };
  // the playground's starting parameters, for a question that has to stand without the widget
  const start = { w1, b1: p[3], w2, b2: p[7], u, c: p[10] };

  const dotExample = { x: [2, -1, 0.5], w: [0.5, 1.5, -2], b: 1 };
  const dotExercise = { x: [1, -2, 3], w: [0.5, 0.5, -1], b: 2 };
  const firstTarget = makeTarget(1);

  return {
    /** microgpt's fresh weights: a Gaussian with mean 0 and this standard deviation */
    initStd,
    adder: { x: 3, b: -1, a: adder(3, -1) },
    weighted: { x: 3, w: 2, b: -1, a: weighted(3, 2, -1) },
    relu: { w: 2, b: -3, at1: reluNeuron(1, 2, -3), z1: weighted(1, 2, -3), at4: reluNeuron(4, 2, -3), z4: weighted(4, 2, -3), on: turnOnPoint(2, -3)! },
    dot: { ...dotExample, xw: dot(dotExample.x, dotExample.w), a: neuron(dotExample.x, dotExample.w, dotExample.b), products: dotExample.x.map((x, i) => x * dotExample.w[i]) },
    dotExercise: {
      ...dotExercise,
      products: dotExercise.x.map((x, i) => x * dotExercise.w[i]),
      xw: dot(dotExercise.x, dotExercise.w),
      z: dot(dotExercise.x, dotExercise.w) + dotExercise.b,
      a: neuron(dotExercise.x, dotExercise.w, dotExercise.b),
    },
    counts: {
      small: parameters(mlp).length,
      hiddenLayer: NOUTS[0] * (NIN + 1),
      bigger: parameters(new MLP(3, [4, 4, 1], new Random(0))).length,
    },
    mlp: { seed: BATCH_SEED, params: parameters(mlp), batch, loss: mse(predictions, batchTargets) },
    // the best a ReLU output can do for a target of −1 is 0, an error of 1 on that example
    negativeFloor: (0 - -1) ** 2,
    dead: { seed: DEAD_SEED, z: deadZ },
    collapsed,
    start,
    hand: { goal: GOAL, x3: HAND_X3, samples: samplePoints.length, rounds: MAX_ROUNDS, firstRounds: firstTarget.rounds, sliders: paramControls.length },
  };
}

/** Chapter 3's facts, with the size of the shipped model it compares against. */
export const neuronChapter = { ...neuronFacts(), parameters: model.parameters, nEmbd: model.nEmbd };
