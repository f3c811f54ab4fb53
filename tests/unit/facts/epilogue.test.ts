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
    expect(f.llamaBatch32).toBe('32\u00a0GiB');
  });

  it("write Llama 3 8B's count out by hand as 2Vd + d + L(2d² + 2·n_kv·h_d·d + 3hd + 2d), the calculator's total", () => {
    const [V, d, L, kv, hd, h] = [128_256, 4096, 32, 8, 128, 14_336];
    const layer = 2 * d * d + 2 * kv * hd * d + 3 * h * d + 2 * d;
    expect(f.llamaFormula.layer.count).toBe(layer);
    expect(f.llamaFormula.total.count).toBe(2 * V * d + d + L * layer);
    expect(f.llamaFormula.total.numbers).toBe('1,050,673,152 + 4,096 + 6,979,584,000 = 8,030,261,248');
    expect(f.llamaFormula.attnKv.numbers).toBe('2 × 8 × 128 × 4,096 = 8,388,608');
    expect(f.llamaFormula.router.count).toBe(0);
  });

  it("write Mixtral's out with eight experts and a router, and with the two a token uses", () => {
    const [V, d, L, kv, hd, h] = [32_000, 4096, 32, 8, 128, 14_336];
    const layer = (e: number) => 2 * d * d + 2 * kv * hd * d + e * 3 * h * d + 8 * d + 2 * d;
    expect(f.mixtralFormula.total.count).toBe(2 * V * d + d + L * layer(8));
    expect(f.mixtralFormula.mlp.numbers).toBe('8 × 3 × 14,336 × 4,096 = 1,409,286,144');
    expect(f.mixtralActiveFormula.total.count).toBe(2 * V * d + d + L * layer(2));
    expect(f.mixtralActiveFormula.total.count).toBe(f.mixtral.active);
  });

  it('count Mixtral with one MLP per layer as a 7B model, and microgpt with 2 KV heads as 8-row W_k and W_v read by pairs of heads', () => {
    expect(f.mixtralDense).toBe(2 * 32_000 * 4096 + 4096 + 32 * (2 * 4096 ** 2 + 2 * 8 * 128 * 4096 + 3 * 14_336 * 4096 + 2 * 4096));
    expect(f.mixtralDense).toBe(7_241_732_096);
    expect(f.microgptGqa).toEqual({ kvHeads: 2, rows: 8, group: 2 });
  });

  it('give the weights in rounded binary units, and in billions of bytes as download pages do', () => {
    expect(f.llamaWeightsBf16).toBe('15\u00a0GiB');
    expect(f.llamaWeightsBf16Billions).toBe('16');
    expect(f.llamaWeights4bit).toBe('3.7\u00a0GiB');
    expect(f.mixtralWeightsBf16).toBe('87\u00a0GiB');
    expect(f.mixtralWeightsBf16Billions).toBe('93');
  });
});
