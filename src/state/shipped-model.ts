// The model the site ships (trained at build time), fetched at most once per page and shared
// by every island that needs it.

import { FastGPT, parseWeightsText, type Weights } from '../engine/index.ts';
import { once } from './once.ts';
import { fetchShipped } from './shipped-names.ts';

/** The shipped weights and a fast model built from them. */
export type ShippedModel = Weights & { model: FastGPT };

/** Load /data/model.json (once). Rejects with a readable message if it cannot be used. */
export const loadShippedModel = once(async (): Promise<ShippedModel> => {
  const weights = parseWeightsText(await fetchShipped('/data/model.json', 'the model file'));
  return { ...weights, model: new FastGPT(weights.config, weights.stateDict) };
});
