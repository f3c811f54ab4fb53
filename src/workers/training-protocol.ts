// The messages between the page and the training worker, both ways. Every message about a run
// carries its runId, so a message from a run the page has already reset or replaced is dropped.

import { largestSeed } from '../engine/random.ts';
import type { WeightsFile } from '../engine/weights.ts';

/** What a run trains on and how: the page's settings. */
export type RunSettings = {
  docs: readonly string[]; // the dataset, one document per entry, in file order
  seed: number; // seeds the shuffle and the initial weights, as microgpt does
  numSteps: number; // the learning rate decays to 0 at the last
  lr: number; // Adam's starting learning rate (microgpt: 0.01)
  holdout: boolean; // keep 10 % of the documents out of training and measure the loss on them
  attentionName: string; // the name whose attention weights are posted as the model learns
};

/** Page → worker. */
export type ToWorker =
  | ({ type: 'start'; runId: number; paused: boolean } & RunSettings) // paused: build the run but take no step yet
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'step'; runId: number } // one step, while paused
  | { type: 'reset' }; // drop the run, whatever it is doing

/** One measured loss: after `step` steps. */
export type LossPoint = { step: number; loss: number };

/** Names generated from the model after `step` steps. */
export type SampleBatch = { step: number; names: string[] };

/** Every head's attention weights for one name after `step` steps: weights[head][query][key ≤ query]. */
export type AttentionSnapshot = { step: number; name: string; labels: string[]; weights: number[][][] };

/** What the worker found when it built the run. */
export type RunFacts = {
  vocabSize: number;
  parameters: number;
  trainDocs: number;
  heldOutDocs: number;
  overContext: number; // documents longer than the context: training reads their first blockSize positions
  blockSize: number;
  attentionName: string; // the name actually traced (cut to the context)
};

/** Worker → page. */
export type FromWorker =
  | ({ type: 'started'; runId: number } & RunFacts)
  | {
    type: 'progress';
    runId: number;
    step: number; // steps taken so far
    losses: number[]; // the loss of each step since the last progress, in order
    heldOut: LossPoint[]; // held-out loss measured since the last progress
    trainEval: LossPoint[]; // loss on as many training documents, at the same steps
    samples: SampleBatch[];
    attention: AttentionSnapshot | null;
    stepsPerSecond: number;
  }
  | { type: 'paused'; runId: number; step: number }
  | { type: 'done'; runId: number; step: number; finalLoss: number; busyMs: number; weights: WeightsFile } // busyMs: time spent taking steps, yields left out
  | { type: 'stopped'; runId: number; step: number; loss: number; message: string } // the loss was NaN or infinite at `step`
  | { type: 'error'; runId: number; message: string };

/** The page's limits on the settings, so that a typo does not start an hour-long run. */
export const runLimits = { maxSteps: 50_000, minLr: 1e-6, maxLr: 10, maxSeed: largestSeed } as const;

/** Share of the documents held out when the split is on. */
export const holdoutShare = 0.1;

/**
 * How many of `documents` shuffled documents are trained on and how many held out (the last
 * ones of the shuffle). At least one is held out, and at least one is left to train on, or
 * none is held out.
 */
export function splitCounts(documents: number, holdout: boolean): { train: number; heldOut: number } {
  const held = holdout ? Math.max(1, Math.round(documents * holdoutShare)) : 0;
  return documents - held >= 1 ? { train: documents - held, heldOut: held } : { train: documents, heldOut: 0 };
}

/** What is wrong with one setting, in words (the shape of the page's Problem). */
export type SettingProblem = { message: string };
const count = (n: number) => n.toLocaleString('en-US');

// One check per setting, used by the page's fields and again here before a run starts.
// (name, value) is the number fields' signature; the name is not needed.

/** The learning rate: a number from runLimits.minLr to runLimits.maxLr. */
export function lrProblem(_name: string, v: number | null | undefined): SettingProblem | null {
  if (v == null || !Number.isFinite(v)) return { message: 'Type a learning rate, such as 0.01.' };
  if (v < runLimits.minLr || v > runLimits.maxLr) return { message: `The learning rate must be from ${runLimits.minLr} to ${runLimits.maxLr}.` };
  return null;
}

/** The number of steps: a whole number from 1 to runLimits.maxSteps. */
export function stepsProblem(_name: string, v: number | null | undefined): SettingProblem | null {
  if (v == null || !Number.isFinite(v)) return { message: 'Type a number of steps, such as 1000.' };
  if (!Number.isInteger(v) || v < 1 || v > runLimits.maxSteps) return { message: `The number of steps must be a whole number from 1 to ${count(runLimits.maxSteps)}.` };
  return null;
}

/** The seed: a whole number from 0 to runLimits.maxSeed. */
export function seedProblem(_name: string, v: number | null | undefined): SettingProblem | null {
  if (v == null || !Number.isFinite(v)) return { message: 'Type a seed, such as 42.' };
  if (!Number.isInteger(v) || v < 0 || v > runLimits.maxSeed) return { message: `The seed must be a whole number from 0 to ${count(runLimits.maxSeed)}.` };
  return null;
}

/** The first problem with a run's settings, in words, or null. */
export function settingsProblem(s: Pick<RunSettings, 'docs' | 'seed' | 'numSteps' | 'lr'>): string | null {
  if (s.docs.length === 0) return 'There are no documents to train on.';
  return (stepsProblem('', s.numSteps) ?? lrProblem('', s.lr) ?? seedProblem('', s.seed))?.message ?? null;
}

/** The message for a loss that stopped being a finite number. */
export function divergedMessage(step: number, loss: number, lr: number): string {
  return `Training stopped at step ${step.toLocaleString('en-US')}: the loss became ${loss} (no longer a finite number). The learning rate ${lr} is too large; try a smaller one, such as ${lr / 10}.`;
}
