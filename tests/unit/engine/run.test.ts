// runTraining: microgpt's main loop (seed, shuffle, initialise, train, report) in one call.

import { describe, expect, it } from 'vitest';
import type { GPTConfig } from '../../../src/engine/config.ts';
import { initStateDict } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';
import { runTraining, seededStart } from '../../../src/engine/run.ts';
import { Tokenizer } from '../../../src/engine/tokenizer.ts';
import { FastTrainer, trainingOrder } from '../../../src/engine/train.ts';

const docs = ['emma', 'olivia', 'ava', 'isabella', 'sophia', 'mia', 'amelia', 'harper'];
const tokenizer = Tokenizer.fromDocuments(docs);
const config: GPTConfig = { vocabSize: tokenizer.vocabSize, nEmbd: 8, nHead: 2, nLayer: 1, blockSize: 8 };
const numSteps = 12; // more steps than documents, so the order wraps around
const base = { docs, tokenizer, config, seed: 7, numSteps };

/** The loop written out: seed, shuffle, initialise from the same stream, one document per step. */
function byHand(shuffle: boolean) {
  const rng = new Random(7);
  const shuffled = trainingOrder(docs, rng);
  const order = shuffle ? shuffled : docs;
  const trainer = new FastTrainer({ config, stateDict: initStateDict(config, rng), numSteps });
  const losses = Array.from({ length: numSteps }, (_, s) => trainer.step(tokenizer.encodeDocument(order[s % order.length])));
  return { stateDict: trainer.stateDict(), losses };
}

describe('runTraining', () => {
  it('runTraining shuffles, then initialises from the same random stream, then trains one document per step', () => {
    expect(runTraining(base)).toEqual(byHand(true));
  });

  it('runTraining with shuffle false trains in the given order from the same initial weights', () => {
    expect(runTraining({ ...base, shuffle: false })).toEqual(byHand(false));
  });

  it('runTraining reports every step, counted from 1, with the loss it returns', () => {
    const seen: [number, number][] = [];
    const { losses } = runTraining({ ...base, onStep: (step, loss) => seen.push([step, loss]) });
    expect(seen).toEqual(losses.map((l, i) => [i + 1, l]));
    expect(losses).toHaveLength(numSteps);
  });

  it('runTraining from a given state dict draws no weights and matches a run that drew the same ones', () => {
    const rng = new Random(7);
    trainingOrder(docs, rng);
    const stateDict = initStateDict(config, rng);
    expect(seededStart(docs, config, 7).stateDict).toEqual(stateDict);
    expect(runTraining({ ...base, stateDict })).toEqual(runTraining(base));
  });

  it('runTraining gives the same numbers on the Value path as on the fast path', () => {
    const fast = runTraining({ ...base, numSteps: 4 });
    const value = runTraining({ ...base, numSteps: 4, engine: 'value' });
    value.losses.forEach((l, i) => expect(Math.abs(l - fast.losses[i])).toBeLessThan(1e-9));
    expect(Math.abs(value.stateDict['wte'][3][1] - fast.stateDict['wte'][3][1])).toBeLessThan(1e-9);
  });

  it('runTraining passes Adam settings through: another learning rate, the same first loss, other weights', () => {
    const start = byHand(true);
    const slow = runTraining({ ...base, adam: { lr: 0.001 } });
    expect(slow.losses[0]).toBe(start.losses[0]);
    expect(slow.stateDict).not.toEqual(start.stateDict);
  });
});
