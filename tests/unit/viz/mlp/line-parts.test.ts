// Cutting a worked line after its equals signs, and writing it back as plain text.

import { describe, expect, it } from 'vitest';
import { plainLine, segments, sumTerms } from '../../../../src/viz/mlp/line-parts.ts';

const nb = '\u00a0=';

describe('segments', () => {
  it('cuts a line after each " =", keeping the = at the end of the segment before it', () => {
    expect(segments([`x${nb} 1 + 2${nb} 3`])).toEqual([[`x${nb}`], [`1 + 2${nb}`], ['3']]);
  });

  it('keeps a power in the segment it sits in, across text parts', () => {
    expect(segments([`p${nb} `, { exp: '−0.5000' }, ` / 2${nb} 0.3`])).toEqual([[`p${nb}`], [{ exp: '−0.5000' }, ` / 2${nb}`], ['0.3']]);
  });

  it('leaves a line without "=" whole', () => {
    expect(segments(['on: 3 of 8'])).toEqual([['on: 3 of 8']]);
  });
});

describe('plainLine', () => {
  it('writes a power with a caret', () => {
    expect(plainLine(['sum = ', { exp: '1.0000' }, ' + ', { exp: '−1.0000' }])).toBe('sum = e^1.0000 + e^−1.0000');
  });
});

describe('sumTerms', () => {
  it('cuts before a spaced + or −, never at the sign of a number', () => {
    expect(sumTerms('0.30·0.75 + 0.40·(−0.42) − 0.10·1.00')).toEqual(['0.30·0.75', '+ 0.40·(−0.42)', '− 0.10·1.00']);
    expect(sumTerms('−0.20·1.00')).toEqual(['−0.20·1.00']);
  });
});
