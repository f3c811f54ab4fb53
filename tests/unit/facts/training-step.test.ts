// The numbers chapter 7's one-step sections quote, against the shipped run and the engine.

import { describe, expect, it } from 'vitest';
import { stepFacts as f } from '../../../src/facts/training.ts';
import { training } from '../../../src/facts/shipped.ts';

describe('stepFacts', () => {
  it('starts from the shipped run’s first step: its first name and its first loss', () => {
    expect(f.loss).toBe(training.firstLoss);
    expect(f.bars.untrained.mean).toBe(training.firstLoss);
    expect(f.bars.untrained.name).toBe(f.firstName);
    expect(f.tokenCount).toBe([...f.firstName].length + 2);
  });

  it('has a step that lowers the loss on its name, and a trained model that scores it lower still than the start', () => {
    expect(f.lossAfter).toBeLessThan(f.loss);
    expect(f.bars.trained.mean).toBeLessThan(f.bars.untrained.mean);
  });

  it('backs the prose’s claims: unused wte rows are zero, Adam’s first moves are about lr, attention’s q and k get the smallest gradients', () => {
    expect(f.wteZeroRowsAreUnused).toBe(true);
    expect(f.wteZeroRows).toBe(f.vocabSize - f.inputTokens);
    expect(f.moved.largest).toBeLessThanOrEqual(f.lr);
    expect(f.moved.smallest).toBeGreaterThan(0.9 * f.lr);
    const sorted = Object.entries(f.norms).sort((a, b) => a[1] - b[1]).map(([n]) => n);
    expect(sorted.slice(0, 2).sort()).toEqual(['layer0.attn_wk', 'layer0.attn_wq']);
    expect(sorted.at(-1)).toBe('lm_head');
    expect(f.largest[0].label).toMatch(/^[\w.]+\[\d+\]\[\d+\]$/);
  });

  it('picks an exercise pair the trained model tells apart and the untrained one does not', () => {
    expect(f.pair.a.loss).toBeLessThan(f.pair.b.loss - 1);
    expect(Math.abs(f.pair.a.untrained - f.pair.b.untrained)).toBeLessThan(0.5);
    expect(f.trainedEasiest.surprisal).toBeLessThan(f.trainedHardest.surprisal);
  });
});
