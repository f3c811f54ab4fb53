// The name generator refuses a prefix exactly when the engine's generate() would.

import { describe, expect, it } from 'vitest';
import { Tokenizer } from '../../../../src/engine/tokenizer.ts';
import { prefixProblem, usablePrefix } from '../../../../src/viz/home/name-prefix.ts';

const tokenizer = new Tokenizer([...'abcdefghijklmnopqrstuvwxyz']);

describe('prefixProblem', () => {
  it('accepts an empty prefix and one of known letters shorter than the context', () => {
    expect(prefixProblem(tokenizer, 16, '')).toBe('');
    expect(prefixProblem(tokenizer, 16, 'ma')).toBe('');
  });

  it('names each unknown character once', () => {
    expect(prefixProblem(tokenizer, 16, 'aÉÉ1')).toBe('“É”, “1” are not in the vocabulary. The model only knows the lowercase letters a–z.');
  });

  it('names a character that cannot be seen by its code point, and the space by name', () => {
    expect(prefixProblem(tokenizer, 16, 'a\u0000b')).toBe('The invisible character U+0000 is not in the vocabulary. The model only knows the lowercase letters a–z.');
    expect(prefixProblem(tokenizer, 16, 'a b')).toMatch(/^The space is not in the vocabulary/);
  });

  it("names the model's own vocabulary when it is not a–z", () => {
    expect(prefixProblem(new Tokenizer([...'abc-']), 16, 'ab!')).toBe('“!” is not in the vocabulary. The model only knows the characters a–c, -.');
  });

  it('refuses a prefix that fills the context, as generate() does', () => {
    expect(prefixProblem(tokenizer, 4, 'abc')).toBe('');
    expect(prefixProblem(tokenizer, 4, 'abcd')).toBe("A prefix must be shorter than 4 letters (the model's context).");
  });
});

describe('usablePrefix', () => {
  it('drops trailing whitespace when the model has no space token, and says it did', () => {
    expect(usablePrefix(tokenizer, 'ma ')).toEqual({ prefix: 'ma', trimmed: true });
    expect(usablePrefix(tokenizer, 'ma \t')).toEqual({ prefix: 'ma', trimmed: true });
    expect(usablePrefix(tokenizer, 'ma')).toEqual({ prefix: 'ma', trimmed: false });
  });

  it('keeps a leading or inner space, which prefixProblem then names', () => {
    expect(usablePrefix(tokenizer, ' ma')).toEqual({ prefix: ' ma', trimmed: false });
    expect(prefixProblem(tokenizer, 16, usablePrefix(tokenizer, 'm a ').prefix)).toMatch(/^The space is not in the vocabulary/);
  });

  it('keeps a trailing space for a model whose vocabulary has one', () => {
    expect(usablePrefix(new Tokenizer([...' ab']), 'a ')).toEqual({ prefix: 'a ', trimmed: false });
  });
});
