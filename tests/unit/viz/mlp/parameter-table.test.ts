// The parameter calculator against counts worked out by hand.

import { describe, expect, it } from 'vitest';
import { parameterCount } from '../../../../src/engine/params.ts';
import { groupOf, parameterTable } from '../../../../src/viz/mlp/parameter-table.ts';
import { gpt2Count, gpt2Small } from '../../../../src/viz/mlp/gpt2-small.ts';

const config = (c: Partial<{ vocabSize: number; nEmbd: number; nHead: number; nLayer: number; blockSize: number }> = {}) =>
  ({ vocabSize: 27, nEmbd: 16, nHead: 4, nLayer: 1, blockSize: 16, ...c });

const table = (c: ReturnType<typeof config>) => {
  const t = parameterTable(c);
  if (!t.ok) throw new Error(t.problem.message);
  return t;
};

describe('parameterTable', () => {
  it("counts microgpt's defaults as 27·16 + 16·16 + 27·16 + 4·16·16 + 2·64·16 = 4,192", () => {
    expect(table(config()).total).toBe(27 * 16 + 16 * 16 + 27 * 16 + 4 * 16 * 16 + 2 * 64 * 16);
    expect(table(config()).total).toBe(4192);
  });

  it('counts 14,528 when n_embd doubles to 32', () => {
    expect(table(config({ nEmbd: 32 })).total).toBe(14528);
  });

  it('groups the defaults into embeddings 688, attention 1,024, MLP 2,048 and output 432', () => {
    expect(table(config()).groups).toEqual([
      { group: 'embeddings', count: 27 * 16 + 16 * 16 },
      { group: 'attention', count: 4 * 16 * 16 },
      { group: 'mlp', count: 2 * 64 * 16 },
      { group: 'output', count: 27 * 16 },
    ]);
  });

  it('lists each matrix with its shape, one row per kind with n_layer copies', () => {
    const t = table(config({ nLayer: 3 }));
    expect(t.rows.map((r) => r.name)).toEqual(['wte', 'wpe', 'lm_head', 'layer{i}.attn_wq', 'layer{i}.attn_wk', 'layer{i}.attn_wv', 'layer{i}.attn_wo', 'layer{i}.mlp_fc1', 'layer{i}.mlp_fc2']);
    const fc1 = t.rows.find((r) => r.name === 'layer{i}.mlp_fc1')!;
    expect([fc1.rows, fc1.cols, fc1.copies, fc1.count]).toEqual([64, 16, 3, 3 * 64 * 16]);
    expect(t.total).toBe(parameterCount(config({ nLayer: 3 })));
  });

  it('names layer 0 as itself when there is one layer', () => {
    expect(table(config()).rows[3].name).toBe('layer0.attn_wq');
  });

  it.each([
    [config({ nHead: 3 }), /n_embd \(16\) must be divisible by n_head \(3\)/],
    [config({ nEmbd: 0 }), /n_embd must be a positive integer, got 0/],
    [config({ nLayer: 1.5 }), /n_layer must be a positive integer/i],
    [config({ vocabSize: 1 }), /vocab_size must be at least 2/i],
    [config({ nEmbd: 1_000_000, nHead: 1, nLayer: 1_000_000 }), /more than this calculator counts/],
  ])('refuses %o with a message', (c, message) => {
    const t = parameterTable(c);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.problem.message).toMatch(message);
  });

  it('puts every matrix of the state dict in a group, and refuses a name it does not know', () => {
    expect(['wte', 'wpe', 'lm_head', 'layer2.attn_wk', 'layer0.mlp_fc2', 'ln_f', 'layer0.mlp_gate'].map(groupOf)).toEqual(['embeddings', 'embeddings', 'output', 'attention', 'mlp', 'norms', 'mlp']);
    expect(() => groupOf('layer0.attn_wz')).toThrow(/no group/);
  });
});

describe("GPT-2 small's count", () => {
  it('is 124,439,808: the microgpt formula, minus the tied head, plus biases and LayerNorms', () => {
    const t = table(gpt2Small);
    expect(t.total).toBe(50257 * 768 * 2 + 1024 * 768 + 12 * 12 * 768 * 768);
    expect(gpt2Count(gpt2Small, t.total).total).toBe(124_439_808);
  });
});

describe('parameterTable with architecture options', () => {
  const withOptions = (c: ReturnType<typeof config>, o: Parameters<typeof parameterTable>[1]) => {
    const t = parameterTable(c, o);
    if (!t.ok) throw new Error(t.problem.message);
    return t;
  };

  it("gives microgpt's 4,192 with no options and with every option at microgpt's value", () => {
    expect(withOptions(config(), {}).total).toBe(4192);
    expect(withOptions(config(), { tiedEmbeddings: false, positions: 'learned', biases: false, norm: 'none', kvHeads: 4, mlpHidden: 64, gatedMlp: false, experts: 1 }).total).toBe(4192);
    expect(withOptions(config(), {}).rows).toEqual(table(config()).rows);
  });

  it('counts GPT-2 small as 124,439,808: tied head, biases on every linear layer, 25 LayerNorms', () => {
    const t = withOptions(gpt2Small, { tiedEmbeddings: true, biases: true, norm: 'gain-bias' });
    expect(t.total).toBe(124_439_808);
    expect(t.total).toBe(gpt2Count(gpt2Small, table(gpt2Small).total).total);
    expect(t.rows.some((r) => r.name === 'lm_head')).toBe(false);
    expect(t.groups.find((g) => g.group === 'norms')!.count).toBe(25 * 2 * 768);
  });

  it("counts Llama 3 8B as 8,030,261,248 (Hugging Face's 8.03B): GQA with 8 KV heads, SwiGLU of 14,336, RMSNorm gains, no wpe, untied head", () => {
    const llama = { vocabSize: 128_256, nEmbd: 4096, nHead: 32, nLayer: 32, blockSize: 8192 };
    const t = withOptions(llama, { positions: 'rotary', norm: 'gain', kvHeads: 8, mlpHidden: 14_336, gatedMlp: true });
    // by hand: two 128,256 × 4,096 tables; per layer q and o 4,096², k and v 1,024 × 4,096, three 14,336 × 4,096, two gains; a final gain
    const perLayer = 2 * 4096 * 4096 + 2 * 1024 * 4096 + 3 * 14_336 * 4096 + 2 * 4096;
    expect(t.total).toBe(2 * 128_256 * 4096 + 32 * perLayer + 4096);
    expect(t.total).toBe(8_030_261_248);
    const wk = t.rows.find((r) => r.name === 'layer{i}.attn_wk')!;
    expect([wk.rows, wk.cols]).toEqual([1024, 4096]);
  });

  it('counts Mixtral 8x7B as 46,702,792,704 (the paper’s 47B): eight SwiGLU experts and a router per layer', () => {
    const mixtral = { vocabSize: 32_000, nEmbd: 4096, nHead: 32, nLayer: 32, blockSize: 32_768 };
    const t = withOptions(mixtral, { positions: 'rotary', norm: 'gain', kvHeads: 8, mlpHidden: 14_336, gatedMlp: true, experts: 8 });
    const perLayer = 2 * 4096 * 4096 + 2 * 1024 * 4096 + 8 * 3 * 14_336 * 4096 + 8 * 4096 + 2 * 4096;
    expect(t.total).toBe(2 * 32_000 * 4096 + 32 * perLayer + 4096);
    expect(t.total).toBe(46_702_792_704);
  });

  it.each([
    [{ kvHeads: 3 }, /must divide n_head \(4\)/],
    [{ kvHeads: 0 }, /must divide n_head/],
    [{ mlpHidden: 0 }, /hidden width must be a positive integer/],
    [{ experts: 1.5 }, /experts must be a positive integer/],
  ])('refuses the options %o with a message', (o, message) => {
    const t = parameterTable(config(), o);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.problem.message).toMatch(message);
  });
});
