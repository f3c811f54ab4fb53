// A shipped file is fetched at most once per page, and again only after a failure.

import { describe, expect, it } from 'vitest';
import { once } from '../../../src/state/once.ts';

describe('once', () => {
  it('runs the load once, however many ask', async () => {
    let calls = 0;
    const load = once(async () => ++calls);
    const [a, b] = await Promise.all([load(), load()]);
    expect([a, b, await load()]).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it('forgets a failed load, so the next ask tries again', async () => {
    let calls = 0;
    const load = once(async () => {
      calls++;
      if (calls === 1) throw new Error('HTTP 503');
      return 'names';
    });
    await expect(load()).rejects.toThrow('HTTP 503');
    await expect(load()).resolves.toBe('names');
    expect(calls).toBe(2);
  });

  it('turns a thrown non-error into an Error', async () => {
    const load = once(() => Promise.reject('offline'));
    await expect(load()).rejects.toThrow('offline');
  });
});
