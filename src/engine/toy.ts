// The 2-D toy model of chapters 5 and 6, small enough to follow by hand.
// Its vocabulary puts BOS first: 0 BOS, 1 a, 2 b, 3 c.

import { toyConfig } from './config.ts';
import type { StateDict } from './params.ts';

/** Token labels of the toy, by id. */
export const toyVocab = ['BOS', 'a', 'b', 'c'] as const;

// #region toy-weights
/** The toy's parameters, rows [nout][nin]. */
export const toyStateDict: StateDict = {
  wte: [[0.2, 0.3], [0.5, -0.1], [-0.3, 0.4], [0.1, 0.2]], // BOS, a, b, c
  wpe: [[0.1, -0.05], [0.05, 0.15], [-0.1, 0.1], [0.15, 0.0]], // positions 0–3
  lm_head: [[0.3, 0.1], [-0.2, 0.4], [0.5, -0.3], [-0.1, 0.6]],
  'layer0.attn_wq': [[0.5, 0.2], [0.1, 0.4]],
  'layer0.attn_wk': [[0.3, -0.1], [0.2, 0.5]],
  'layer0.attn_wv': [[0.4, 0.1], [-0.2, 0.6]],
  'layer0.attn_wo': [[0.6, 0.2], [0.1, 0.7]],
  'layer0.mlp_fc1': [[0.4, 0.1], [-0.2, 0.5], [0.3, -0.3], [0.1, 0.4], [-0.5, 0.2], [0.2, -0.1], [0.6, 0.3], [-0.1, -0.4]],
  'layer0.mlp_fc2': [
    [0.1, 0.3, -0.2, 0.4, 0.0, 0.2, -0.1, 0.5],
    [-0.3, 0.2, 0.5, -0.1, 0.4, -0.4, 0.3, 0.1],
  ],
};
// #endregion toy-weights

/**
 * The running example: BOS at position 0 and "a" at position 1 are already in the cache,
 * with these keys and values given (not computed) to keep the hand arithmetic short;
 * the model now processes "b" at position 2.
 */
export const toyPinnedCache = {
  keys: [[0.3, 0.1], [-0.1, 0.4]],
  values: [[0.2, -0.3], [0.5, 0.2]],
  token: 2,
  pos: 2,
};

export { toyConfig };
