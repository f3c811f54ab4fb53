import { describe, expect, test } from 'vitest';
import { listOf, numberIn, recordOf, textUpTo } from '../../../../src/viz/shared/stored.ts';

describe('stored-value guards', () => {
  test('textUpTo takes strings up to its length only', () => {
    expect(textUpTo(3)('abc')).toBe(true);
    expect(textUpTo(3)('abcd')).toBe(false);
    expect(textUpTo(3)(3)).toBe(false);
  });
  test('numberIn takes finite numbers in range, whole ones when asked', () => {
    expect(numberIn(0, 2)(1.5)).toBe(true);
    for (const x of [-0.1, 2.1, NaN, Infinity, '1', null]) expect(numberIn(0, 2)(x)).toBe(false);
    expect(numberIn(1, 20, true)(3)).toBe(true);
    expect(numberIn(1, 20, true)(3.5)).toBe(false);
  });
  test('listOf wants exactly its length, each item checked with its index', () => {
    const g = listOf<number>(2, (v, i) => v === i);
    expect(g([0, 1])).toBe(true);
    expect(g([0, 1, 2])).toBe(false);
    expect(g([1, 0])).toBe(false);
    expect(g({ 0: 0, 1: 1, length: 2 })).toBe(false);
  });
  test('recordOf wants exactly its fields, each passing', () => {
    const g = recordOf({ a: textUpTo(5), n: numberIn(0, 1) });
    expect(g({ a: 'x', n: 0.5 })).toBe(true);
    expect(g({ a: 'x' })).toBe(false);
    expect(g({ a: 'x', n: 0.5, extra: 1 })).toBe(false);
    expect(g({ a: 'x', n: 2 })).toBe(false);
    expect(g(null)).toBe(false);
    expect(g([])).toBe(false);
  });
});
