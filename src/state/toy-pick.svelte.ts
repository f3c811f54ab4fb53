// The toy token picker's choice as page state: every island of chapters 5 and 6 reads the same
// pick and sees it change when the picker moves. The build-time picture is the running
// example; a kept pick is read only once an island has hydrated, then kept for the next visit.

import { loadJSON, saveJSON } from './storage.ts';
import { pickProblem, runningExample, type ToyPick } from '../viz/toy/walkthrough.ts';

const storageKey = 'toy-pick';
let current: ToyPick = $state.raw(runningExample);
let loaded = false;

function load(): void {
  if (loaded) return;
  loaded = true;
  const kept = loadJSON<ToyPick | null>(storageKey, null);
  if (kept && typeof kept === 'object' && !pickProblem(kept)) current = { token: kept.token, pos: kept.pos, cache: kept.cache };
}

/** Change the pick for every island on the page, and keep it. Bad picks are refused with a message. */
export function setToyPick(pick: ToyPick): string | null {
  const problem = pickProblem(pick);
  if (problem) return problem;
  current = pick;
  saveJSON(storageKey, pick);
  return null;
}

/**
 * The page's toy pick for this component: the running example until the component has
 * hydrated, then the shared pick. Call while the component is created.
 */
export function useToyPick(): { readonly current: ToyPick } {
  let hydrated = $state(false);
  $effect(() => {
    load();
    hydrated = true;
  });
  return {
    get current() {
      return hydrated ? current : runningExample;
    },
  };
}
