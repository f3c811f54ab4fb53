import { describe, expect, it } from 'vitest';
import { clipped, counted, factor, fixed, int, parseDisplayNumber, percent, precise, short, signed, subscript, tex } from '../../../../src/viz/shared/format.ts';

describe('format', () => {
  it.each([
    [4192, '4,192'], [14528, '14,528'], [0, '0'], [-3, '−3'], [1234567, '1,234,567'], [2.6, '3'],
  ])('int(%s) writes %s', (n, text) => expect(int(n)).toBe(text));

  it.each([
    [1, 'layer', undefined, '1 layer'], [32, 'layer', undefined, '32 layers'], [0, 'byte', undefined, '0 bytes'],
    [4096, 'byte', undefined, '4,096 bytes'], [1, 'KV head', undefined, '1 KV head'], [2, 'sequence', undefined, '2 sequences'], [3, 'mouse', 'mice', '3 mice'],
  ])('counted(%s, %s, %s) writes %s', (n, one, many, text) => expect(counted(n, one, many)).toBe(text));

  it.each([
    [-1.5, 2, '−1.50'], [-0.004, 2, '0.00'], [-0.001, 2, '0.00'], [2, 0, '2'], [0.125, 1, '0.1'], [3.14159, 3, '3.142'], [-0, 2, '0.00'],
  ])('fixed(%s, %s) writes %s', (x, d, text) => expect(fixed(x, d)).toBe(text));

  it('signed puts a plus on positive numbers only', () => {
    expect(signed(0.25)).toBe('+0.25');
    expect(signed(-0.25)).toBe('−0.25');
    expect(signed(0.001)).toBe('0.00');
  });

  it.each([
    [2.5, '2.5'], [-0.000012, '−1.2e−5'], [1 / 3, '0.3333'], [-0, '0'], [2e6, '2e+6'], [-0.00001, '−1e−5'],
    [4, '4'], [-18, '−18'], [2 / 3, '0.6667'], [1.5e-7, '1.5e−7'], [-4.406e-16, '−4.406e−16'], [123456789, '1.235e+8'],
  ])('short(%s) writes %s', (x, text) => expect(short(x)).toBe(text));

  it('precise keeps ten significant digits, so float rounding stays visible', () => {
    expect(precise(0.1 + 0.2)).toBe('0.3');
    expect(precise(0.0039999999999995595)).toBe('0.004');
    expect(precise(-1.5e-15)).toBe('−1.5e−15');
    expect(precise(-0.0040000001234)).toBe('−0.004000000123');
  });

  it('percent and subscript', () => {
    expect(percent(1, 8)).toBe('12.5%');
    expect(subscript(12)).toBe('₁₂');
    expect(subscript(-1)).toBe('₋₁');
  });

  it('parseDisplayNumber reads back what the formatters write', () => {
    expect(parseDisplayNumber(fixed(-1.5))).toBe(-1.5);
    expect(parseDisplayNumber(' 2,5 ')).toBe(2.5);
    expect(parseDisplayNumber(short(-4.406e-16))).toBe(-4.406e-16);
    expect(parseDisplayNumber('')).toBeNaN();
  });

  it('tex keeps a thousands comma from being spaced as punctuation: 4,192 → 4{,}192', () => {
    expect(tex(int(4192))).toBe('4{,}192');
    expect(tex(int(124439808))).toBe('124{,}439{,}808');
    expect(tex(signed(-0.25))).toBe(signed(-0.25));
  });
  it('factor brackets a negative factor and leaves the rest alone, never bracketing a rounded zero', () => {
    expect(factor(-0.5)).toBe('(−0.50)');
    expect(factor(0.5)).toBe('0.50');
    expect(factor(-0.004)).toBe('0.00');
    expect(factor(-2.5, 4, short)).toBe('(−2.5)');
  });

  it('clips typed text to a few characters, counting a character outside the BMP once', () => {
    expect(clipped('emma')).toBe('emma');
    expect(clipped('abcdef', 3)).toBe('abc…');
    expect(clipped('😀😀😀', 2)).toBe('😀😀…');
  });
});
