// microgpt's main loop: seed, shuffle the documents, initialise the parameters from the same
// random stream, then train one document per step and report each step's loss.

import type { AdamConfig } from './adam.ts';
import type { GPTConfig } from './config.ts';
import type { StateDict } from './params.ts';
import { initStateDict } from './params.ts';
import { Random } from './random.ts';
import type { Tokenizer } from './tokenizer.ts';
import type { EngineKind } from './train.ts';
import { createTrainer, trainingOrder } from './train.ts';

/** What a training run needs. Only docs, tokenizer, config, seed and numSteps are required. */
export type RunOptions = {
  docs: readonly string[]; // the dataset, one document per entry
  tokenizer: Tokenizer; // encodes each document as [BOS, ...chars, BOS]
  config: GPTConfig;
  seed: number; // seeds the shuffle and, without stateDict, the initial weights
  numSteps: number; // steps to take; the learning rate reaches 0 at the last
  engine?: EngineKind; // 'fast' (default) or 'value'; both give the same numbers
  adam?: Partial<AdamConfig>;
  shuffle?: boolean; // false trains in the given order; the shuffle is drawn anyway, so the weights do not change
  stateDict?: StateDict; // start from these weights instead of fresh ones
  onStep?: (step: number, loss: number) => void; // after each step, counted from 1, with its loss before the update
};

/** The trained parameters and every step's loss [numSteps]. */
export type RunResult = { stateDict: StateDict; losses: number[] };

// #region run
/** microgpt.py's first draws from Random(seed): the documents shuffled, then fresh weights from the same stream. */
export function seededStart(docs: readonly string[], config: GPTConfig, seed: number): { shuffled: string[]; stateDict: StateDict } {
  const rng = new Random(seed);
  const shuffled = trainingOrder(docs, rng); // shuffle first, then initialise: microgpt.py's order
  return { shuffled, stateDict: initStateDict(config, rng) };
}

/** Train a model from the start, as microgpt.py does when run. */
export function runTraining(o: RunOptions): RunResult {
  const start = seededStart(o.docs, o.config, o.seed);
  const docs = o.shuffle === false ? o.docs : start.shuffled;
  const stateDict = o.stateDict ?? start.stateDict;
  const trainer = createTrainer(o.engine ?? 'fast', { config: o.config, stateDict, numSteps: o.numSteps, adam: o.adam });
  const losses: number[] = [];
  for (let step = 0; step < o.numSteps; step++) {
    const tokens = o.tokenizer.encodeDocument(docs[step % docs.length]);
    const loss = trainer.step(tokens);
    losses.push(loss);
    o.onStep?.(step + 1, loss);
  }
  return { stateDict: trainer.stateDict(), losses };
}
// #endregion run
