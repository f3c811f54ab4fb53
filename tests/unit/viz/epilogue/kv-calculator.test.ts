// The KV-cache calculator's view against the formula written out by hand.

import { describe, expect, it } from 'vitest';
import { clampChoice, contextStep, defaultChoice, kvSaid, kvView } from '../../../../src/viz/epilogue/kv-calculator.ts';
import { comparedModel } from '../../../../src/viz/epilogue/models.ts';

const sp = '\u00a0'; // bytes() joins a number to its unit with a no-break space

describe('kvView', () => {
  it("shows Llama 3 8B's full context in bf16 as 1 GiB with 8 KV heads and 4 GiB with 32, a ratio of 4", () => {
    const v = kvView(defaultChoice('llama3-8b'));
    expect(v.bars.map((b) => b.bytes)).toEqual([32 * 2 * 8 * 128 * 8192 * 1 * 2, 32 * 2 * 32 * 128 * 8192 * 1 * 2]);
    expect(v.bars.map((b) => b.text)).toEqual([`1${sp}GiB`, `4${sp}GiB`]);
    // on the scale of the weights in bf16: 8,030,261,248 parameters × 2 bytes
    expect(v.weights.bytes).toBe(8_030_261_248 * 2);
    expect(v.weights.fraction).toBe(1);
    expect(v.bars.map((b) => b.fraction)).toEqual([2 ** 30 / (8_030_261_248 * 2), 2 ** 32 / (8_030_261_248 * 2)]);
    expect(v.ratio).toBe(4);
    expect(v.grouped).toBe(true);
    expect(v.perToken).toBe(`128${sp}KiB`);
    expect(v.bars[0].product).toBe('32 layers × 2 (K and V) × 8 KV heads × 128 numbers per head × 8,192 positions × 1 sequence × 2 bytes = 1,073,741,824 bytes');
  });

  it('gives microgpt 4 KiB in float64 and the same bar twice: it has no grouped-query attention', () => {
    const v = kvView(defaultChoice('microgpt'));
    expect(v.bars.map((b) => b.bytes)).toEqual([4096, 4096]);
    expect(v.grouped).toBe(false);
    expect(kvSaid(v)).toBe(`microgpt, 16 positions, batch 1, 8 bytes per number: 4${sp}KiB; it has no grouped-query attention`);
    expect(v.bars[0].product).toBe('1 layer × 2 (K and V) × 4 KV heads × 4 numbers per head × 16 positions × 1 sequence × 8 bytes = 4,096 bytes');
  });

  it('multiplies by the batch and the bytes per number', () => {
    const v = kvView({ model: 'gpt2', context: 1024, batch: 8, bytesPerNumber: 4 });
    expect(v.bars[0].bytes).toBe(12 * 2 * 12 * 64 * 1024 * 8 * 4);
    expect(v.bars[0].text).toBe(`576${sp}MiB`);
  });

  it('draws the bars on a scale fixed by the weights, so a shorter context gives shorter bars', () => {
    const full = kvView(defaultChoice('llama3-8b'));
    const short = kvView({ ...defaultChoice('llama3-8b'), context: 1024 });
    expect(short.bars[0].fraction).toBeCloseTo(full.bars[0].fraction / 8, 12);
    expect(short.weights.fraction).toBe(1);
  });

  it('changes the scale to the cache once the cache outgrows the weights: Llama 3 8B, batch 32, has 32 GiB of cache', () => {
    const v = kvView({ ...defaultChoice('llama3-8b'), batch: 32 });
    expect(v.bars[0].bytes).toBe(32 * 2 ** 30);
    expect(v.bars[1].fraction).toBe(1);
    expect(v.weights.fraction).toBeCloseTo((8_030_261_248 * 2) / (128 * 2 ** 30), 12);
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
