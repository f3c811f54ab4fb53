import { describe, expect, it } from 'vitest';
import { largestSeed } from '../../../../src/engine/random.ts';
import { optionalNumber, parseSeed, samplingFieldsProblem, seedProblem } from '../../../../src/viz/inference/sampling-fields.ts';
import { lrProblem, seedProblem as trainerSeedProblem } from '../../../../src/workers/training-protocol.ts';

describe('the generators’ typed settings', () => {
  it('take the same seeds as the trainer, from 0 to the largest seed', () => {
    for (const ok of ['0', '42', ` ${largestSeed} `]) {
      expect(seedProblem(ok)).toBe('');
      expect(trainerSeedProblem('', parseSeed(ok))).toBeNull();
    }
    for (const bad of ['', '-1', '1.5', 'abc', '0x10', '1e3', String(largestSeed + 1), '１']) expect(seedProblem(bad)).toMatch(/^The seed must be a whole number from 0 to 2,147,483,647\.$/);
    expect(trainerSeedProblem('', largestSeed + 1)).not.toBeNull();
  });

  it('read top-k and top-p as plain decimals only', () => {
    expect(optionalNumber('')).toBeUndefined();
    expect(optionalNumber(' 5 ')).toBe(5);
    expect(optionalNumber('0.9')).toBe(0.9);
    expect(optionalNumber('.5')).toBe(0.5);
    for (const odd of ['0x1', '1e1', '1e-320', 'Infinity', '-1', '１', '5 tokens']) expect(optionalNumber(odd)).toBeNaN();
  });

  it('say which setting is wrong, quoting what was typed', () => {
    expect(samplingFieldsProblem(0.5, '', '')).toBe('');
    expect(samplingFieldsProblem(0.5, '5', '0.9')).toBe('');
    expect(samplingFieldsProblem(0.5, '0x10', '')).toBe('Top-k must be a whole number of tokens, 1 or more (or empty for no cut), not “0x10”.');
    expect(samplingFieldsProblem(0.5, '2.5', '')).toMatch(/^Top-k must be a whole number/);
    expect(samplingFieldsProblem(0.5, '', '1.5')).toBe('Top-p must be a probability above 0 and at most 1 (or empty for no cut), not “1.5”.');
    expect(samplingFieldsProblem(0.5, '', '0')).toMatch(/^Top-p must be a probability/);
    expect(lrProblem('', 0.01)).toBeNull(); // the trainer's checks live beside the seed's
  });
});
