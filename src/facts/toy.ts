// The toy model's numbers that chapters 5 and 6 quote, computed by the engine when the site
// is built: the running example ("b" at position 2, pinned cache) and the same step with the
// cache computed by the model.

import { toyConfig } from '../engine/config.ts';
import { toyStateDict, toyVocab } from '../engine/toy.ts';
import { runningExample, toyStep } from '../viz/toy/walkthrough.ts';

/** The toy's facts: its config and weights, and the running example in both cache modes. */
export const toyFacts = {
  config: toyConfig,
  vocab: toyVocab,
  weights: toyStateDict,
  pinned: toyStep(runningExample),
  computed: toyStep({ ...runningExample, cache: 'computed' }),
};
