// The model the site ships (trained at build time), fetched once per page and shared by
// every island that needs it.

import { FastGPT, parseWeightsText, type Weights } from '../engine/index.ts';

/** The shipped weights and a fast model built from them. */
export type ShippedModel = Weights & { model: FastGPT };

let pending: Promise<ShippedModel> | null = null;

/** Load /data/model.json (once). Rejects with a readable message if it cannot be used. */
export function loadShippedModel(): Promise<ShippedModel> {
  pending ??= fetch('/data/model.json')
    .then((res) => {
      if (!res.ok) throw new Error(`the model file could not be loaded (HTTP ${res.status})`);
      return res.text();
    })
    .then((text) => {
      const weights = parseWeightsText(text);
      return { ...weights, model: new FastGPT(weights.config, weights.stateDict) };
    })
    .catch((e: unknown) => {
      pending = null; // let a later call try again
      throw new Error(e instanceof Error ? e.message : String(e));
    });
  return pending;
}
