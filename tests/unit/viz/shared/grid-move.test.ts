import { describe, expect, it } from 'vitest';
import { gridMove } from '../../../../src/viz/shared/grid-move.ts';

describe('gridMove', () => {
  const triangle = (r: number) => r + 1;

  it.each([
    ['ArrowDown', [1, 1], [2, 1]],
    ['ArrowUp', [2, 2], [1, 1]], // the row above is shorter: the column is pulled in
    ['ArrowUp', [0, 0], [0, 0]],
    ['ArrowRight', [2, 2], [2, 2]],
    ['ArrowRight', [2, 0], [2, 1]],
    ['ArrowLeft', [1, 0], [1, 0]],
    ['Home', [3, 2], [3, 0]],
    ['End', [3, 0], [3, 3]],
    ['ArrowDown', [3, 3], [3, 3]],
  ] as const)('%s from %j goes to %j in a triangle of 4 rows', (key, from, to) => {
    expect(gridMove(key, from, 4, triangle)).toEqual(to);
  });

  it('ignores other keys', () => {
    expect(gridMove('a', [0, 0], 4, triangle)).toBeNull();
    expect(gridMove('Tab', [0, 0], 4, triangle)).toBeNull();
  });

  it('moves through rectangular rows too', () => {
    expect(gridMove('End', [0, 3], 2, () => 16)).toEqual([0, 15]);
    expect(gridMove('ArrowDown', [0, 9], 2, () => 16)).toEqual([1, 9]);
  });
});
