import { describe, expect, it } from 'vitest';
import { inputLimit, numberProblem, sizeProblem, unreadableProblem } from '../../../../src/viz/shared/number-input.ts';

describe('numberProblem', () => {
  it.each([
    ['an ordinary number', 2.5],
    ['zero', 0],
    ['a negative number', -3],
    ['the limit itself', inputLimit],
    ['minus the limit', -inputLimit],
  ])('accepts %s', (_, v) => expect(numberProblem('x', v)).toBeNull());

  it.each([
    ['an empty field', null],
    ['a field the browser could not read', undefined],
    ['NaN', Number.NaN],
  ])('asks for a number for %s', (_, v) => expect(numberProblem('x', v)).toEqual({ message: 'Type a number for x, like 2 or −1.5.' }));

  it.each([
    ['a number past the limit', inputLimit * 10],
    ['Infinity (what 1e999 parses to)', Number.POSITIVE_INFINITY],
    ['−Infinity', Number.NEGATIVE_INFINITY],
  ])('names the range for %s', (_, v) => expect(numberProblem('b', v)).toEqual({ message: 'Keep b between −1,000,000 and 1,000,000.' }));
});

describe('sizeProblem', () => {
  it.each([1, 16, 100_000])('takes the whole number %d up to the limit', (v) => expect(sizeProblem('n_embd', v, 100_000)).toBeNull());
  it.each([0, -1, 1.5, 100_001, Number.NaN, null, undefined, Infinity])('refuses %s with one message naming the range', (v) => {
    expect(sizeProblem('n_embd', v, 100_000)?.message).toBe('Type a whole number from 1 to 100,000 for n_embd.');
  });
});

describe('unreadableProblem', () => {
  it('says the text is not a number yet, names the two usual causes and asks for a number', () => {
    expect(unreadableProblem('a').message).toBe('What is typed for a is not a number yet (a sign alone, or more digits than a number holds). Type a number like 2 or −1.5.');
  });
});
