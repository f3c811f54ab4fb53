import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/engine/random.ts';
import { initStateDict } from '../../../src/engine/params.ts';
import { documentLoss } from '../../../src/engine/loss.ts';
import { readTrace, toValueStateDict } from '../../../src/engine/model.ts';
import type { GPTConfig } from '../../../src/engine/config.ts';

describe('readTrace', () => {
  const config: GPTConfig = { vocabSize: 5, nEmbd: 4, nHead: 2, nLayer: 1, blockSize: 4 };
  const model = { config, params: toValueStateDict(initStateDict(config, new Random(3))) };
  const { loss, positions } = documentLoss(model, [4, 0, 1, 4]);

  it('reads every intermediate of a forward pass as plain numbers of the right shapes', () => {
    const t = readTrace(positions[2].trace);
    expect(t.pos).toBe(2);
    expect(t.embSum).toHaveLength(4);
    expect(t.layers[0].heads).toHaveLength(2);
    expect(t.layers[0].heads[0].weights).toHaveLength(3); // attends to positions 0, 1, 2
    expect(t.layers[0].mlpHidden).toHaveLength(16);
    expect(t.logits).toHaveLength(5);
    const w = t.layers[0].heads[1].weights;
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // embSum is literally wte[token] + wpe[pos]
    const sd = model.params;
    t.embSum.forEach((x, i) => expect(x).toBe(sd['wte'][1][i].data + sd['wpe'][2][i].data));
  });

  it('reads gradients after backward: ReLU units that were off receive none', () => {
    loss.backward();
    const g = readTrace(positions[1].trace, 'grad');
    const d = readTrace(positions[1].trace, 'data');
    expect(g.logits.some((x) => x !== 0)).toBe(true);
    d.layers[0].mlpHidden.forEach((h, i) => {
      if (h <= 0) expect(g.layers[0].mlpRelu[i] === 0 || g.layers[0].mlpHidden[i] === 0).toBe(true);
    });
    d.layers[0].mlpHidden.forEach((h, i) => { if (h <= 0) expect(g.layers[0].mlpHidden[i]).toBe(0); });
  });
});
