// A widget's own state that survives a reload: hand `persist` a getter and a setter of
// `$state` the widget already has, and what the reader makes is kept through useKept (read
// after hydration, checked with `accept`, followed across tabs, and never throwing when
// storage is off or full: the widget then just starts afresh on the next visit).

import { untrack } from 'svelte';
import { useKept } from './kept.svelte.ts';

/**
 * Keep the value `read()` returns under `key`, and `write()` a kept one back once it is read.
 * Call while the component is created, after the state it reads.
 */
export function persist<T>(key: string, read: () => T, write: (value: T) => void, accept: (stored: unknown) => stored is T): void {
  const initial = $state.snapshot(untrack(read)) as T;
  const kept = useKept<T>(key, initial, accept);
  let synced = JSON.stringify(initial); // the text of the value the widget and the store agree on
  // store → widget: the kept value once it is read, or another tab's change
  $effect.pre(() => {
    const text = JSON.stringify(kept.current);
    if (text === synced) return;
    synced = text;
    untrack(() => write(structuredClone(kept.current)));
  });
  // widget → store: every change the reader makes (the snapshot reads every field, so any is seen)
  $effect(() => {
    const now = $state.snapshot(read()) as T;
    const text = JSON.stringify(now);
    if (text === synced) return;
    synced = text;
    untrack(() => kept.keep(now));
  });
}
