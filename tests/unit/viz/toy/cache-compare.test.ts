import { describe, expect, it } from 'vitest';
import { compareCaches } from '../../../../src/viz/toy/cache-compare.ts';
import { matvec, rmsnorm } from '../../engine/toy-reference.ts';
import { toyStateDict } from '../../../../src/engine/toy.ts';

// by hand: BOS at 0 computed = W_k · rmsnorm(rmsnorm(wte[BOS] + wpe[0])), wte[BOS] + wpe[0] = (0.3, 0.25)
const bosIn = rmsnorm(rmsnorm([0.2 + 0.1, 0.3 - 0.05]));
const bosKey = matvec(toyStateDict['layer0.attn_wk'], bosIn);
const bosValue = matvec(toyStateDict['layer0.attn_wv'], bosIn);

describe('compareCaches', () => {
  const c = compareCaches(2, 2);
  it('lists the given and the computed entries of positions 0 and 1', () => {
    expect(c.entries.map((e) => e.label)).toEqual(['k₀ (BOS at 0)', 'v₀ (BOS at 0)', 'k₁ (a at 1)', 'v₁ (a at 1)']);
    expect(c.entries[0].pinned).toEqual([0.3, 0.1]);
    c.entries[0].computed.forEach((x, i) => expect(x).toBeCloseTo(bosKey[i], 12));
    c.entries[1].computed.forEach((x, i) => expect(x).toBeCloseTo(bosValue[i], 12));
  });
  it('leaves the score of the token\'s own key alone and moves the others; the change is computed − given', () => {
    const row = (label: string) => c.rows.find((r) => r.label === label)!;
    expect(row('score s₂').diff).toBe(0);
    expect(Math.abs(row('score s₀').diff)).toBeGreaterThan(0.01);
    for (const r of c.rows) expect(r.diff).toBeCloseTo(r.computed - r.pinned, 15);
    // the weights still sum to 1 both ways
    const sum = (k: 'pinned' | 'computed') => c.rows.filter((r) => r.label.startsWith('weight')).reduce((a, r) => a + r[k], 0);
    expect(sum('pinned')).toBeCloseTo(1, 12);
    expect(sum('computed')).toBeCloseTo(1, 12);
  });
  it('has nothing to compare at position 0, and only position 0\'s entries at position 1', () => {
    const first = compareCaches(3, 0);
    expect(first.entries).toEqual([]);
    for (const r of first.rows) expect(r.diff).toBe(0);
    expect(compareCaches(3, 1).entries).toHaveLength(2);
  });
  it('at position 3 compares the two given entries (position 2 is computed both ways)', () => {
    const c3 = compareCaches(3, 3);
    expect(c3.entries).toHaveLength(4);
    expect(c3.rows.find((r) => r.label === 'score s₃')!.diff).toBe(0);
  });
});
