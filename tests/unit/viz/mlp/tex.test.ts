import { describe, expect, it } from 'vitest';
import { texDotRows } from '../../../../src/viz/mlp/tex.ts';
import { texVector as texVec } from '../../../../src/viz/shared/format.ts';

describe('TeX for the worked arithmetic', () => {
  it('writes a vector with spaced commas and true minus signs', () => {
    expect(texVec([-0.74, 1.3135], 4)).toBe('(−0.7400,\\ 1.3135)');
  });
});

describe('texDotRows', () => {
  it('puts two products to a row and the result on its own row', () => {
    expect(texDotRows('m_0', [0.3, -0.4, 0], [0.75, 0.42, 0.59], 0.057, 2))
      .toBe('m_0 &= 0.30 \\cdot 0.75 − 0.40 \\cdot 0.42 \\\\ &\\quad + 0.00 \\cdot 0.59 \\\\ &= 0.06');
  });
});
