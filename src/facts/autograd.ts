// Every number chapter 4 quotes, computed by the engine's Value when the site is built.

import { microgptConfig } from '../engine/config.ts';
import { documentLoss } from '../engine/loss.ts';
import { toValueStateDict } from '../engine/model.ts';
import { initStateDict } from '../engine/params.ts';
import { Random } from '../engine/random.ts';
import { Tokenizer } from '../engine/tokenizer.ts';
import { Value, topologicalOrder } from '../engine/value.ts';
import { stepperCases, stepperModel, type StepperModel } from '../viz/autograd/backprop-stepper.ts';
import { evaluateExpr } from '../viz/autograd/expr.ts';
import { nudge } from '../viz/autograd/nudge.ts';
import { slopePicture } from '../viz/autograd/slope-picture.ts';
import { evaluate, largestStableRate, sgdDefaults, sgdRun, sgdStart } from '../viz/autograd/sgd.ts';
import { graphOf } from '../viz/autograd/value-graph.ts';
import { model as shippedModel } from './shipped.ts';

/** The nudge the chapter quotes. */
export const NUDGE_H = 0.001;

const gradOf = (m: StepperModel, name: string) => m.grads[m.graph.nodes.findIndex((n) => n.name === name)];
const dataOf = (m: StepperModel, name: string) => m.graph.nodes.find((n) => n.name === name)!.data;

/** A one-off graph's output and input gradients. */
function grads(build: (...xs: Value[]) => Value, ...xs: number[]) {
  const vs = xs.map((x) => new Value(x));
  const out = build(...vs);
  out.backward();
  return { out: out.data, grads: vs.map((v) => v.grad) };
}

/** The name whose training graph the chapter measures. */
export const GRAPH_NAME = 'emma';

/** How many Values one document's loss builds in the full model (random weights; the count does not depend on them). */
export function documentGraphSize(name = GRAPH_NAME): { name: string; tokens: number; values: number } {
  const tokenizer = new Tokenizer([...'abcdefghijklmnopqrstuvwxyz']);
  const config = microgptConfig(tokenizer.vocabSize);
  const model = { config, params: toValueStateDict(initStateDict(config, new Random(1))) };
  const tokens = [tokenizer.bos, ...tokenizer.encode(name), tokenizer.bos];
  return { name, tokens: tokens.length, values: topologicalOrder(documentLoss(model, tokens).loss).length };
}

/** The chapter's computed numbers. */
export function autogradFacts() {
  const branch = stepperModel(stepperCases.find((c) => c.id === 'branch')!);
  const neuron = stepperModel(stepperCases.find((c) => c.id === 'neuron')!);
  const nudgeA = nudge('a*b + a', branch.inputs, 'a', NUDGE_H);
  const nudgeB = nudge('a*b + a', branch.inputs, 'b', NUDGE_H);
  if (!nudgeA.ok || !nudgeB.ok) throw new Error('the nudge example must build');

  const setup = sgdDefaults;
  const run = sgdRun(sgdStart(setup), 40);
  const [s0, s1] = run.history;
  // the learning rate whose first step puts the prediction exactly on the target:
  // p moves by −lr·(x·∂L/∂w + ∂L/∂b), and we want it to move by y − p
  const exactRate = (setup.y - s0.prediction) / -(setup.x * s0.gradW + s0.gradB);
  const exact = sgdRun(sgdStart({ ...setup, lr: exactRate }), 1).history[1];
  const stepsBelow = (goal: number) => run.history.findIndex((r) => r.loss < goal);

  const diffSquares = evaluateExpr('(a + b)*(a - b)', { a: 3, b: 1 });
  if (!diffSquares.ok) throw new Error('the graph exercise must build');
  const dsGraph = graphOf(diffSquares.graph.root, diffSquares.graph.names);

  return {
    documentGraph: documentGraphSize(),
    branch: {
      a: dataOf(branch, 'a'), b: dataOf(branch, 'b'), c: dataOf(branch, 'c'), L: dataOf(branch, 'L'),
      aGrad: gradOf(branch, 'a'), bGrad: gradOf(branch, 'b'), cGrad: gradOf(branch, 'c'),
    },
    neuron: {
      inputs: neuron.inputs, L: dataOf(neuron, 'L'), p: dataOf(neuron, 'p'), z: dataOf(neuron, 'z'),
      grads: Object.fromEntries(['x', 'w', 'b', 'y', 'p', 'e'].map((n) => [n, gradOf(neuron, n)])),
    },
    nudge: { h: NUDGE_H, a: nudgeA, b: nudgeB },
    /** the numbers of the slope picture that opens the chapter */
    slope: slopePicture().numbers,
    sgd: {
      setup, s0, s1, ratio: s1.loss / s0.loss, limit: largestStableRate(setup),
      below: { goal: 0.01, steps: stepsBelow(0.01) }, exactRate, exact,
    },
    // the loss curve moves w alone: a step multiplies p − y by 1 − 2·lr·x², so it diverges past lr = 1/x²
    curve: { ...evaluate(setup, setup.w, setup.b), limit: 1 / setup.x ** 2 },
    exercises: {
      pow3: grads((x) => x.pow(3), 2),
      log4: grads((x) => x.log(), 4),
      triple: grads((a) => a.add(a).add(a), 5),
      dead: grads((w, x, b) => w.mul(x).add(b).relu(), -1, 2, 1),
      diffSquares: {
        nodes: dsGraph.nodes.length,
        ops: dsGraph.nodes.filter((n) => n.kind === 'op').length,
        consts: dsGraph.nodes.filter((n) => n.kind === 'const').length,
      },
      square: grads((a) => a.mul(a), 3),
    },
  };
}

/** Chapter 4's facts, with the size of the shipped model it quotes. */
export const autogradChapter = { ...autogradFacts(), parameters: shippedModel.parameters };
