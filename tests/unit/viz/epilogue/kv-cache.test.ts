// The KV cache's size against products worked out by hand, and the compared models' sizes.

import { describe, expect, it } from 'vitest';
import { kvBytesPerToken, kvCacheBytes, numberFormats } from '../../../../src/viz/epilogue/kv-cache.ts';
import { comparedModel, comparedModels } from '../../../../src/viz/epilogue/models.ts';
import { parameterTable } from '../../../../src/viz/mlp/parameter-table.ts';
import { bytes } from '../../../../src/viz/shared/format.ts';

describe('kvCacheBytes', () => {
  it("is 1 · 2 · 4 · 4 · 16 · 1 · 8 = 4,096 bytes for microgpt's full context in float64", () => {
    expect(kvCacheBytes({ layers: 1, kvHeads: 4, headSize: 4, context: 16, batch: 1, bytesPerNumber: 8 })).toBe(4096);
  });

  it('is 2³⁰ bytes (1 GiB) for Llama 3 8B at 8,192 positions in bf16 with 8 KV heads, and four times that with 32', () => {
    const llama = { layers: 32, headSize: 128, context: 8192, batch: 1, bytesPerNumber: 2 };
    expect(kvCacheBytes({ ...llama, kvHeads: 8 })).toBe(32 * 2 * 8 * 128 * 8192 * 2);
    expect(kvCacheBytes({ ...llama, kvHeads: 8 })).toBe(2 ** 30);
    expect(kvCacheBytes({ ...llama, kvHeads: 32 })).toBe(4 * 2 ** 30);
  });

  it('grows in proportion to the batch and to the bytes per number', () => {
    const one = { layers: 12, kvHeads: 12, headSize: 64, context: 1024, batch: 1, bytesPerNumber: 4 };
    expect(kvCacheBytes({ ...one, batch: 8 })).toBe(8 * kvCacheBytes(one));
    expect(kvCacheBytes({ ...one, bytesPerNumber: 1 })).toBe(kvCacheBytes(one) / 4);
  });

  it('adds layers · 2 · KV heads · head size · bytes per token', () => {
    expect(kvBytesPerToken({ layers: 32, kvHeads: 8, headSize: 128, bytesPerNumber: 2 })).toBe(131_072);
  });

  it('offers float64, fp32, bf16 and fp8 at 8, 4, 2 and 1 bytes', () => {
    expect(numberFormats.map((f) => [f.label, f.bytes])).toEqual([['float64', 8], ['fp32', 4], ['bf16', 2], ['fp8', 1]]);
  });
});

describe('bytes', () => {
  const sp = '\u00a0'; // a no-break space between the number and its unit
  it.each([
    [0, '0 bytes'], [1000, '1,000 bytes'], [1024, '1 KiB'], [1536, '1.5 KiB'], [2048, '2 KiB'],
    [75_497_472, '72 MiB'], [2 ** 30, '1 GiB'], [1.25 * 2 ** 30, '1.25 GiB'], [3000 * 2 ** 30, '2.93 TiB'],
  ])('writes %d as %s, in binary units', (n, text) => {
    expect(bytes(n)).toBe(text.replace(' ', sp));
  });

  it('rounds to fewer decimals when told: 16,060,522,496 bytes are about 15 GiB, 4,015,130,624 about 3.7 GiB', () => {
    expect(bytes(16_060_522_496, 0)).toBe(`15${sp}GiB`);
    expect(bytes(4_015_130_624, 1)).toBe(`3.7${sp}GiB`);
  });
});

describe('the compared models', () => {
  it('all have a config and options the calculator counts, and a named source with a web address', () => {
    for (const m of comparedModels) {
      expect(parameterTable(m.config, m.options).ok).toBe(true);
      expect(m.sources.length).toBeGreaterThan(0);
      for (const s of m.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it("keep GPT-2 small's published sizes: 12 layers, 768 wide, 12 heads, 50,257 tokens, 1,024 positions", () => {
    expect(comparedModel('gpt2').config).toEqual({ vocabSize: 50_257, nEmbd: 768, nHead: 12, nLayer: 12, blockSize: 1024 });
  });
});
