import { describe, expect, it } from 'vitest';
import { texDot, texVec } from '../../../../src/viz/mlp/tex.ts';

describe('TeX for the worked arithmetic', () => {
  it('writes a dot product with \\cdot and a vector with spaced commas, true minus signs', () => {
    expect(texDot([0.4, 0.1], [-0.6946, 1.2319], 4)).toBe('0.40 \\cdot (−0.6946) + 0.10 \\cdot 1.2319');
    expect(texVec([-0.74, 1.3135], 4)).toBe('(−0.7400,\\ 1.3135)');
  });
});
