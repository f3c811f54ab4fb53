import { describe, expect, it } from 'vitest';
import { markMemorised, trainingSet } from '../../../../src/viz/inference/memorised.ts';

describe('markMemorised', () => {
  it('marks a generated name memorised exactly when it is one of the training names', () => {
    const set = trainingSet(['emma', 'ava', 'mia']);
    expect(markMemorised(['ava', 'avaa', 'Emma', 'mia', ''], set)).toEqual([
      { name: 'ava', memorised: true }, { name: 'avaa', memorised: false }, { name: 'Emma', memorised: false },
      { name: 'mia', memorised: true }, { name: '', memorised: false },
    ]);
  });
});
