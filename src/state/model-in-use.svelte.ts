// The model the generators run, as page state: the shipped one, or one the reader trained in
// chapter 7 or loaded from a weights file. Kept in this browser (so chapter 8 and the home page
// use it too) until the reader goes back to the shipped model; followed across tabs.

import { FastGPT, parseWeights, toWeightsFile, usableWeights, type Weights } from '../engine/index.ts';
import { shippedModel } from './shipped-model.svelte.ts';
import type { ShippedModel } from './shipped-model.ts';
import { loadJSON, onOtherTabWrite, removeKey, saveJSON } from './storage.ts';

/** Where the model in use came from. */
export type ModelSource = 'shipped' | 'trained' | 'file';

/** A runnable model with a note of where it came from, for the reader ("trained here: 1,000 steps, lr 0.01"). */
export type ModelInUse = ShippedModel & { source: ModelSource; label: string };

type Kept = { source: 'trained' | 'file'; label: string; weights: unknown };

const storageKey = 'model-in-use';
let kept: ModelInUse | null = $state.raw(null);
let following = false;

function fromKept(value: unknown): ModelInUse | null {
  if (!value || typeof value !== 'object') return null;
  const k = value as Partial<Kept>;
  if ((k.source !== 'trained' && k.source !== 'file') || typeof k.label !== 'string') return null;
  try {
    return { ...usableWeights(parseWeights(k.weights)), source: k.source, label: k.label };
  } catch {
    return null; // a kept file that no longer parses, or cannot be run, is dropped: the shipped model is used
  }
}

const shippedInUse = new WeakMap<ShippedModel, ModelInUse>();
/** The shipped model as a model in use: one object per load, so views keyed on it do not redraw. */
function asInUse(s: ShippedModel | null): ModelInUse | null {
  if (!s) return null;
  if (!shippedInUse.has(s)) shippedInUse.set(s, { ...s, source: 'shipped', label: 'the shipped model' });
  return shippedInUse.get(s)!;
}

function follow(): void {
  if (following) return;
  following = true;
  kept = fromKept(loadJSON<unknown>(storageKey, null));
  onOtherTabWrite(storageKey, (v) => (kept = fromKept(v)));
}

/**
 * Use these weights in every generator on the page, and keep them in this browser. Returns why
 * they could not be kept (storage full or off), or null; either way this page uses them.
 */
export function useWeights(weights: Weights, source: 'trained' | 'file', label: string): string | null {
  follow();
  kept = { ...weights, model: new FastGPT(weights.config, weights.stateDict), source, label };
  return saveJSON(storageKey, { source, label, weights: toWeightsFile(weights) } satisfies Kept);
}

/** Go back to the shipped model, here and in the other tabs. */
export function useShippedWeights(): void {
  follow();
  kept = null;
  removeKey(storageKey);
}

/**
 * The model in use for this component: null until the component has hydrated and the model
 * has loaded (the build-time picture comes from the shipped model), then the kept model or the
 * shipped one. error says why the shipped model could not be loaded. Call while the component
 * is created.
 */
export function useModelInUse(): { readonly current: ModelInUse | null; readonly error: string } {
  let hydrated = $state(false);
  $effect(() => {
    follow();
    shippedModel.load();
    hydrated = true;
  });
  return {
    get current() {
      if (!hydrated) return null;
      if (kept) return kept;
      return asInUse(shippedModel.value);
    },
    get error() {
      return hydrated && !kept ? shippedModel.error : '';
    },
  };
}
