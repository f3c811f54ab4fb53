// What a reader made in a widget (a typed name, a config), kept for the next visit. The
// build-time picture uses the default; a kept value is read once the island has hydrated,
// and only if `accept` still takes it (storage may hold an older or hand-edited value). A
// change made in another tab is followed here too, so neither tab later writes back a stale
// copy over the other's work.

import { loadJSON, onOtherTabWrite, saveJSON } from './storage.ts';

/** A value kept under `key`: `current` reads it, `keep()` changes and stores it. */
export type Kept<T> = { readonly current: T; keep(value: T): void };

/** Keep a widget's value under `key` (one key per widget and purpose). Call while the component is created. */
export function useKept<T>(key: string, fallback: T, accept: (stored: unknown) => stored is T): Kept<T> {
  let value = $state.raw(fallback);
  $effect(() => {
    const stored = loadJSON<unknown>(`kept:${key}`, null);
    if (stored !== null && accept(stored)) value = stored;
    return onOtherTabWrite(`kept:${key}`, (next) => {
      if (next !== null && accept(next)) value = next;
    });
  });
  return {
    get current() {
      return value;
    },
    keep(next: T) {
      value = next;
      saveJSON(`kept:${key}`, next);
    },
  };
}
