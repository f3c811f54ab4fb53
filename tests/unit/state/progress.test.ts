import { beforeEach, describe, expect, test } from 'vitest';
import { chapterProgress, markRevealed, markVisited, progressText, readProgress, resetProgress, setSolved } from '../../../src/state/progress.ts';

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) },
  });
});

describe('progress', () => {
  test('solved and revealed are kept apart, per chapter', () => {
    markVisited('neuron');
    setSolved('neuron', 'a', true);
    setSolved('neuron', 'b', true);
    markRevealed('neuron', 'b');
    markRevealed('neuron', 'c');
    setSolved('tokenizer', 'a', true);
    const p = readProgress();
    expect(p).toEqual({ visited: ['neuron'], solved: { neuron: ['a', 'b'], tokenizer: ['a'] }, revealed: { neuron: ['b', 'c'] } });
    expect(chapterProgress(p, 'neuron', 7)).toEqual({ visited: true, solved: 2, seen: 2 });
  });

  test('unticking forgets the tick only, and ticking twice counts once', () => {
    setSolved('neuron', 'a', true);
    setSolved('neuron', 'a', true);
    markRevealed('neuron', 'a');
    setSolved('neuron', 'a', false);
    expect(chapterProgress(readProgress(), 'neuron', 5)).toEqual({ visited: false, solved: 0, seen: 1 });
  });

  test('an older record without ticks, or a malformed one, reads cleanly', () => {
    store.set('inside-microgpt:progress:v1', JSON.stringify({ visited: ['neuron', 3], revealed: { neuron: ['a', null] } }));
    expect(readProgress()).toEqual({ visited: ['neuron'], solved: {}, revealed: { neuron: ['a'] } });
    store.set('inside-microgpt:progress:v1', JSON.stringify({ visited: 'x', solved: ['a'], revealed: 5 }));
    expect(readProgress()).toEqual({ visited: [], solved: {}, revealed: {} });
  });

  test('counts never exceed the chapter’s exercises (ids of exercises since removed)', () => {
    for (const id of ['a', 'b', 'c']) setSolved('neuron', id, true);
    expect(chapterProgress(readProgress(), 'neuron', 2).solved).toBe(2);
  });

  test('progressText says both, in the singular for one', () => {
    expect(progressText({ solved: 3, seen: 1 }, 5)).toBe('3 of 5 solved, 1 answer seen');
    expect(progressText({ solved: 0, seen: 2 }, 5)).toBe('0 of 5 solved, 2 answers seen');
  });

  test('reset forgets everything; storage off reads as empty and never throws', () => {
    setSolved('neuron', 'a', true);
    resetProgress();
    expect(readProgress()).toEqual({ visited: [], solved: {}, revealed: {} });
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get() { throw new DOMException('off', 'SecurityError'); } });
    expect(setSolved('neuron', 'a', true)).toBe('browser storage is turned off for this site');
    expect(readProgress()).toEqual({ visited: [], solved: {}, revealed: {} });
  });
});
