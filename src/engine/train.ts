// Training: one document per step, forward, loss, backward, Adam — on either path.

import type { AdamConfig, AdamState } from './adam.ts';
import { adamState, adamStep } from './adam.ts';
import type { GPTConfig } from './config.ts';
import { FastGPT } from './fast.ts';
import { documentLoss } from './loss.ts';
import type { ValueModel } from './model.ts';
import { fromValueStateDict, toValueStateDict } from './model.ts';
import type { StateDict } from './params.ts';
import type { Random } from './random.ts';
import type { Value } from './value.ts';

/** Which implementation computes the gradients. Both give the same numbers. */
export type EngineKind = 'fast' | 'value';

/** A model being trained: call step() once for each document, in order. */
export interface Trainer {
  readonly engine: EngineKind;
  /** Steps taken so far. */
  readonly stepsTaken: number;
  /** Train on one tokenized document [BOS, ...chars, BOS]; returns its loss before the update. */
  step(tokens: readonly number[]): number;
  /** The current parameters (a copy). */
  stateDict(): StateDict;
}

/** What every trainer needs: the starting point and the schedule length. */
export type TrainerOptions = { config: GPTConfig; stateDict: StateDict; numSteps: number; adam?: Partial<AdamConfig> };

// #region order
/** The documents in training order: step s uses order[s % length]. Shuffled when an rng is given. */
export function trainingOrder(docs: readonly string[], rng: Random | null): string[] {
  const order = docs.slice();
  if (rng) rng.shuffle(order);
  return order;
}
// #endregion order

/** The learning rate decays to 0 at numSteps; a step past that would climb the loss. */
function checkSchedule(t: { stepsTaken: number; numSteps: number }): void {
  if (t.stepsTaken >= t.numSteps) throw new RangeError(`the schedule has ${t.numSteps} steps and all were taken`);
}

/** The fast path: typed arrays and a hand-written backward pass. */
export class FastTrainer implements Trainer {
  readonly engine = 'fast' as const;
  readonly model: FastGPT;
  readonly adam: AdamState;
  readonly numSteps: number;
  stepsTaken = 0;

  constructor(options: TrainerOptions) {
    this.model = new FastGPT(options.config, options.stateDict);
    this.adam = adamState(this.model.data.length, options.adam);
    this.numSteps = options.numSteps;
  }

  // #region fast-step
  step(tokens: readonly number[]): number {
    checkSchedule(this);
    const loss = this.model.lossAndGrad(tokens);
    adamStep(this.adam, this.model.data, this.model.grad, this.stepsTaken, this.numSteps);
    this.stepsTaken++;
    return loss;
  }
  // #endregion fast-step

  stateDict(): StateDict {
    return this.model.stateDict();
  }
}

/** The Value path: the autograd graph, exactly as microgpt builds it. */
export class ValueTrainer implements Trainer {
  readonly engine = 'value' as const;
  readonly model: ValueModel;
  readonly adam: AdamState;
  readonly numSteps: number;
  stepsTaken = 0;
  private readonly flat: Value[];
  private readonly data: Float64Array;
  private readonly grad: Float64Array;

  constructor(options: TrainerOptions) {
    this.model = { config: options.config, params: toValueStateDict(options.stateDict) };
    this.flat = Object.values(this.model.params).flatMap((m) => m.flat());
    this.adam = adamState(this.flat.length, options.adam);
    this.data = new Float64Array(this.flat.length);
    this.grad = new Float64Array(this.flat.length);
    this.numSteps = options.numSteps;
  }

  // #region train-step
  step(tokens: readonly number[]): number {
    checkSchedule(this);
    const { loss } = documentLoss(this.model, tokens);
    loss.backward();
    const { flat, data, grad } = this;
    for (let i = 0; i < flat.length; i++) { data[i] = flat[i].data; grad[i] = flat[i].grad; }
    adamStep(this.adam, data, grad, this.stepsTaken, this.numSteps);
    for (let i = 0; i < flat.length; i++) { flat[i].data = data[i]; flat[i].grad = 0; }
    this.stepsTaken++;
    return loss.data;
  }
  // #endregion train-step

  stateDict(): StateDict {
    return fromValueStateDict(this.model.params);
  }
}

/** A trainer of the given kind. */
export function createTrainer(engine: EngineKind, options: TrainerOptions): Trainer {
  return engine === 'fast' ? new FastTrainer(options) : new ValueTrainer(options);
}
