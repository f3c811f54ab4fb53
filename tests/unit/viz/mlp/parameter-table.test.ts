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
    expect(['wte', 'wpe', 'lm_head', 'layer2.attn_wk', 'layer0.mlp_fc2'].map(groupOf)).toEqual(['embeddings', 'embeddings', 'output', 'attention', 'mlp']);
    expect(() => groupOf('ln_f')).toThrow(/no group/);
  });
});

describe("GPT-2 small's count", () => {
  it('is 124,439,808: the microgpt formula, minus the tied head, plus biases and LayerNorms', () => {
    const t = table(gpt2Small);
    expect(t.total).toBe(50257 * 768 * 2 + 1024 * 768 + 12 * 12 * 768 * 768);
    expect(gpt2Count(gpt2Small, t.total).total).toBe(124_439_808);
  });
});
