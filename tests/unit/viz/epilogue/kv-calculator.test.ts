// The KV-cache calculator's view against the formula written out by hand.

import { describe, expect, it } from 'vitest';
import { clampChoice, contextStep, defaultChoice, kvSaid, kvView } from '../../../../src/viz/epilogue/kv-calculator.ts';
import { comparedModel } from '../../../../src/viz/epilogue/models.ts';

describe('kvView', () => {
  it("shows Llama 3 8B's full context in bf16 as 1 GB with 8 KV heads and 4 GB with 32, a ratio of 4", () => {
    const v = kvView(defaultChoice('llama3-8b'));
    expect(v.bars.map((b) => b.bytes)).toEqual([32 * 2 * 8 * 128 * 8192 * 1 * 2, 32 * 2 * 32 * 128 * 8192 * 1 * 2]);
    expect(v.bars.map((b) => b.text)).toEqual(['1 GB', '4 GB']);
    expect(v.bars.map((b) => b.fraction)).toEqual([0.25, 1]);
    expect(v.ratio).toBe(4);
    expect(v.grouped).toBe(true);
    expect(v.perToken).toBe('128 KB');
    expect(v.bars[0].product).toBe('32 layers × 2 (K and V) × 8 KV heads × 128 numbers per head × 8,192 positions × 1 sequence × 2 bytes = 1,073,741,824 bytes');
  });

  it('gives microgpt 4 KB in float64 and the same bar twice: it has no grouped-query attention', () => {
    const v = kvView(defaultChoice('microgpt'));
    expect(v.bars.map((b) => b.bytes)).toEqual([4096, 4096]);
    expect(v.grouped).toBe(false);
    expect(kvSaid(v)).toBe('microgpt, 16 positions, batch 1, 8 bytes per number: 4 KB; it has no grouped-query attention');
  });

  it('multiplies by the batch and the bytes per number', () => {
    const v = kvView({ model: 'gpt2', context: 1024, batch: 8, bytesPerNumber: 4 });
    expect(v.bars[0].bytes).toBe(12 * 2 * 12 * 64 * 1024 * 8 * 4);
    expect(v.bars[0].text).toBe('576 MB');
  });

  it("keeps a choice within the model's context, the batch limit and the known formats", () => {
    expect(clampChoice({ model: 'microgpt', context: 1000, batch: 0, bytesPerNumber: 3 })).toEqual({ model: 'microgpt', context: 16, batch: 1, bytesPerNumber: 2 });
    expect(clampChoice({ model: 'mixtral', context: 0.2, batch: 999, bytesPerNumber: 1 })).toEqual({ model: 'mixtral', context: 1, batch: 64, bytesPerNumber: 1 });
  });

  it('steps the context slider in 64 stops, at least one token', () => {
    expect(contextStep(comparedModel('microgpt'))).toBe(1);
    expect(contextStep(comparedModel('llama3-8b'))).toBe(128);
  });
});
