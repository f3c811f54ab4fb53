import { describe, expect, it } from 'vitest';
import { compareCaches, differingRows } from '../../../../src/viz/toy/cache-compare.ts';
import { matvec, rmsnorm } from '../../engine/toy-reference.ts';
import { toyStateDict } from '../../../../src/engine/toy.ts';

// by hand: BOS at 0 computed = W_k · rmsnorm(rmsnorm(wte[BOS] + wpe[0])), wte[BOS] + wpe[0] = (0.3, 0.25)
const bosIn = rmsnorm(rmsnorm([0.2 + 0.1, 0.3 - 0.05]));
const bosKey = matvec(toyStateDict['layer0.attn_wk'], bosIn);
const bosValue = matvec(toyStateDict['layer0.attn_wv'], bosIn);

const group = (c: ReturnType<typeof compareCaches>, title: string) => c.groups.find((g) => g.title === title)!.rows;

describe('compareCaches', () => {
  const c = compareCaches(2, 2);
  it('lists the given and the computed entries of positions 0 and 1, one number a row', () => {
    expect(c.groups.map((g) => g.title)).toEqual(['cache row 0 (BOS)', 'cache row 1 (a)', 'scores', 'weights', "the head's output", 'after W_o', 'the stream after the add']);
    const bos = group(c, 'cache row 0 (BOS)');
    expect(bos.map((r) => r.label)).toEqual(['k₀[0]', 'k₀[1]', 'v₀[0]', 'v₀[1]']);
    expect(bos.map((r) => r.pinned)).toEqual([0.3, 0.1, 0.2, -0.3]);
    expect(bos[0].computed).toBeCloseTo(bosKey[0], 12);
    expect(bos[1].computed).toBeCloseTo(bosKey[1], 12);
    expect(bos[3].computed).toBeCloseTo(bosValue[1], 12);
  });
  it('leaves the score of the token\'s own key alone and moves the others; the change is computed − given', () => {
    const scores = group(c, 'scores');
    expect(scores.map((r) => r.label)).toEqual(['s₀ BOS', 's₁ a', 's₂ b']);
    expect(scores[2].diff).toBe(0);
    expect(Math.abs(scores[0].diff)).toBeGreaterThan(0.01);
    for (const g of c.groups) for (const r of g.rows) expect(r.diff).toBeCloseTo(r.computed - r.pinned, 15);
    const sum = (k: 'pinned' | 'computed') => group(c, 'weights').reduce((a, r) => a + r[k], 0);
    expect(sum('pinned')).toBeCloseTo(1, 12);
    expect(sum('computed')).toBeCloseTo(1, 12);
  });
  it('has nothing to compare at position 0, and only position 0\'s entries at position 1', () => {
    const first = compareCaches(3, 0);
    expect(differingRows(first)).toBe(0);
    for (const g of first.groups) for (const r of g.rows) expect(r.diff).toBe(0);
    expect(differingRows(compareCaches(3, 1))).toBe(1);
  });
  it('at position 3 compares the two given entries (position 2 is computed both ways)', () => {
    const c3 = compareCaches(3, 3);
    expect(differingRows(c3)).toBe(2);
    expect(group(c3, 'scores')[3].diff).toBe(0);
  });
});
