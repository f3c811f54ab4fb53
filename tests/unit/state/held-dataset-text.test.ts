// A paste held out of the dataset box is kept for the next visit until used or cleared; storage
// that is full or off says so and never lets an older paste come back.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropHeldText, keepHeldText, loadHeldText } from '../../../src/state/held-dataset-text.ts';
import { textLimits } from '../../../src/viz/shared/input-limits.ts';
import { installFakeStorage, removeFakeStorage, type FakeStorage } from '../lib/fake-storage.ts';

let storage: FakeStorage;
beforeEach(() => {
  storage = installFakeStorage();
});
afterEach(removeFakeStorage);

describe('held dataset text', () => {
  it('keeps a paste and gives it back on the next visit', () => {
    expect(keepHeldText('emma\nolivia')).toBeNull();
    expect(loadHeldText()).toBe('emma\nolivia');
  });

  it('gives nothing back once dropped, or when nothing was kept', () => {
    expect(loadHeldText()).toBeNull();
    keepHeldText('ava');
    dropHeldText();
    expect(loadHeldText()).toBeNull();
  });

  it('says storage is full, and the older paste it could not replace is gone', () => {
    keepHeldText('older');
    storage.mode = 'full';
    expect(keepHeldText('newer')).toBe('browser storage is full');
    storage.mode = 'ok';
    expect(loadHeldText()).toBeNull();
  });

  it('says storage is off, and loading with storage off gives nothing without throwing', () => {
    storage.mode = 'off';
    expect(keepHeldText('ava')).toBe('browser storage is turned off for this site');
    expect(loadHeldText()).toBeNull();
  });

  it('ignores what is kept under its key but is not a usable text: empty, not a string, too long', () => {
    keepHeldText('x');
    const stored = [...storage.data.keys()][0];
    for (const bad of ['""', '42', '{"text":"ava"}', 'not json', JSON.stringify('a'.repeat(textLimits.dataset + 1))]) {
      storage.data.set(stored, bad);
      expect(loadHeldText(), bad.slice(0, 20)).toBeNull();
    }
    storage.data.set(stored, JSON.stringify('a'.repeat(textLimits.dataset)));
    expect(loadHeldText()?.length).toBe(textLimits.dataset);
  });
});
