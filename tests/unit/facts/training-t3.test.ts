// Chapter 7's numbers on where the loss starts and on the optimisers, checked against
// independent computations: the shipped run's own facts, the uniform guess, Adam's formulas.

import { describe, expect, it } from 'vitest';
import { baselineFacts, optimizerFacts } from '../../../src/facts/training.ts';
import { training } from '../../../src/facts/shipped.ts';

describe('baselineFacts', () => {
  it('starts where the shipped run started, near the uniform guess', () => {
    expect(baselineFacts.firstLoss).toBeCloseTo(training.firstLoss, 12);
    expect(baselineFacts.uniformLoss).toBeCloseTo(training.uniformLoss, 14);
    expect(Math.abs(baselineFacts.untrainedMean - baselineFacts.uniformLoss)).toBeLessThan(0.2);
    expect(baselineFacts.logitMax - baselineFacts.logitMin).toBeLessThan(2);
  });

  it('puts the counting baseline between the uniform guess and the trained GPT’s mean over all names', () => {
    expect(baselineFacts.bigramLoss).toBeLessThan(baselineFacts.uniformLoss);
    expect(baselineFacts.bigramLoss).toBeGreaterThan(2);
    expect(baselineFacts.bigramSamples).toHaveLength(5);
  });
});

describe('optimizerFacts', () => {
  it('says an uncorrected first step would be (1 − β₁)/√(1 − β₂) = 1.5 times lr', () => {
    expect(optimizerFacts.firstStepUncorrected).toBeCloseTo(1.5, 12);
    expect(optimizerFacts.landscape.adamLoss).toBeLessThan(optimizerFacts.landscape.sgdLoss);
  });
});
