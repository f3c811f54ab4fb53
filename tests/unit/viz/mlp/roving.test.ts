import { describe, expect, it } from 'vitest';
import { rovingIndex } from '../../../../src/viz/mlp/roving.ts';

describe('rovingIndex', () => {
  it.each([
    ['ArrowDown', 2, 3], ['ArrowRight', 2, 3], ['ArrowUp', 2, 1], ['ArrowLeft', 2, 1],
    ['ArrowDown', 4, 4], ['ArrowUp', 0, 0], ['Home', 3, 0], ['End', 1, 4],
  ])('%s from %i among 5 moves to %i', (key, from, to) => expect(rovingIndex(key, from, 5)).toBe(to));

  it('ignores keys that do not move', () => {
    expect(rovingIndex('Enter', 1, 5)).toBeNull();
    expect(rovingIndex('a', 1, 5)).toBeNull();
  });
});
