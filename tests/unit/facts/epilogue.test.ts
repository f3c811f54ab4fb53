// The epilogue's numbers against the published totals and hand-worked cache sizes.

import { describe, expect, it } from 'vitest';
import { epilogueFacts as f, modelRows } from '../../../src/facts/epilogue.ts';

describe('epilogue facts', () => {
  it("count microgpt, GPT-2 small, Llama 3 8B and Mixtral 8x7B as their published totals", () => {
    expect(modelRows.map((m) => [m.id, m.total])).toEqual([
      ['microgpt', 4192], ['gpt2', 124_439_808], ['llama3-8b', 8_030_261_248], ['mixtral', 46_702_792_704],
    ]);
  });

  it("give Mixtral's active parameters as two of eight experts: 12,879,925,248 (the paper's 13B)", () => {
    expect(f.mixtral.active).toBe(46_702_792_704 - 32 * 6 * 3 * 14_336 * 4096);
    expect(f.mixtral.active).toBe(12_879_925_248);
  });

  it('size the full-context caches by hand: microgpt 4,096 bytes in float64, Llama 3 8B 2³⁰ bytes in bf16 (2³² without GQA)', () => {
    expect(f.microgpt.kvFull).toBe(1 * 2 * 4 * 4 * 16 * 8);
    expect(f.llama.kvFull).toBe(2 ** 30);
    expect(f.llama.kvFullNoGqa).toBe(2 ** 32);
    expect(f.gqaSaving).toBe(4);
    expect(f.llamaBatch32).toBe('32 GB');
  });
});
