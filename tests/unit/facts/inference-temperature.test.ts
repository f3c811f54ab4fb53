// The numbers chapter 8's temperature section quotes: computed from the shipped model, and
// consistent with one another and with the limits the prose states.

import { describe, expect, it } from 'vitest';
import { temperatureFacts as f } from '../../../src/facts/inference.ts';

describe('temperatureFacts', () => {
  it('the ceiling is log2 of the vocabulary size', () => {
    expect(f.maxBits).toBeCloseTo(Math.log(f.vocabSize) / Math.LN2, 12);
  });
  it('lower temperature, lower entropy; never above the ceiling', () => {
    expect(f.startCold.entropy).toBeLessThan(f.start.entropy);
    expect(f.start.entropy).toBeLessThan(f.startHot.entropy);
    expect(f.startHot.entropy).toBeLessThan(f.maxBits);
    expect(f.startCold.top).toBe(f.start.top);
  });
  it('the made-up vectors: the favourite stays low longer, the flat one is high already at T = 0.1', () => {
    expect(f.presetBits.favourite[1]).toBeLessThan(1);
    expect(f.presetBits.favourite[3]).toBeGreaterThan(f.presetBits.favourite[1]);
    expect(f.presetBits.flat[0.1]).toBeGreaterThan(f.presetBits.favourite[3] - 1);
    expect(f.presetBits.flat[1]).toBeLessThan(f.maxBits);
    // two close favourites at T = 0.5: about one fair coin flip between them
    expect(Math.abs(f.presetBits.two[0.5] - 1)).toBeLessThan(0.3);
  });
  it('top-p keeps fewer tokens after the sure prefix than at the first letter', () => {
    expect(f.sureTopP).toBeLessThan(f.startTopP);
    expect(f.presetTopP.favourite).toBeLessThan(f.presetTopP.flat);
    expect(f.startTopPMass).toBeGreaterThanOrEqual(f.topP);
    expect(f.startLogits).toHaveLength(f.vocabSize);
    expect(f.chars).toHaveLength(f.vocabSize - 1);
  });
});
