import { describe, expect, it } from 'vitest';
import { toyMatrices } from '../../../../src/viz/toy/toy-matrices.ts';

describe('toyMatrices', () => {
  it('lists all of the toy\'s matrices in the order the forward pass uses them, mlp_fc2 in two halves of four columns', () => {
    const ms = toyMatrices({ token: 0, pos: 0, cache: 'pinned' });
    expect(ms.map((m) => m.key)).toEqual([
      'wte', 'wpe', 'layer0.attn_wq', 'layer0.attn_wk', 'layer0.attn_wv', 'layer0.attn_wo', 'layer0.mlp_fc1', 'layer0.mlp_fc2 0', 'layer0.mlp_fc2 4', 'lm_head',
    ]);
    expect(ms[8].rows).toEqual([[0.0, 0.2, -0.1, 0.5], [0.4, -0.4, 0.3, 0.1]]); // the plan's columns 4–7
    expect(ms[8].colLabels).toEqual(['4', '5', '6', '7']);
  });
  it('marks the token\'s row of wte and the position\'s row of wpe, and no other row', () => {
    const ms = toyMatrices({ token: 3, pos: 1, cache: 'computed' });
    expect(ms[0].rowLabels[ms[0].highlightRow]).toBe('c');
    expect(ms[1].rowLabels[ms[1].highlightRow]).toBe('pos 1');
    expect(ms.slice(2).every((m) => m.highlightRow === -1)).toBe(true);
  });
  it('labels the rows of the embedding tables and lm_head by token and position', () => {
    const ms = toyMatrices({ token: 0, pos: 0, cache: 'pinned' });
    expect(ms[0].rowLabels).toEqual(['BOS', 'a', 'b', 'c']);
    expect(ms[9].rowLabels).toEqual(['BOS', 'a', 'b', 'c']);
    expect(ms[0].rows[2]).toEqual([-0.3, 0.4]); // the plan's row for b
  });
});
