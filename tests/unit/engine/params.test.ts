// Parameters: microgpt's matrix names, shapes, count, and Gaussian initialisation.

import { describe, expect, it } from 'vitest';
import { configProblem, headDim, microgptConfig, toyConfig } from '../../../src/engine/config.ts';
import type { GPTConfig } from '../../../src/engine/config.ts';
import { cloneStateDict, initStateDict, matrixShapes, parameterCount } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';

/** 2·V·C (wte, lm_head) + T·C (wpe) + L·(4·C² attention + 2·4C·C MLP), written out by hand. */
const expectedCount = (c: GPTConfig) => 2 * c.vocabSize * c.nEmbd + c.blockSize * c.nEmbd + c.nLayer * 12 * c.nEmbd * c.nEmbd;

describe('config', () => {
  it('microgptConfig(27) is microgpt\'s default: 16 wide, 4 heads, 1 layer, a context of 16, for 27 tokens', () => {
    expect(microgptConfig(27)).toEqual({ vocabSize: 27, nEmbd: 16, nHead: 4, nLayer: 1, blockSize: 16 });
    expect(headDim(microgptConfig(27))).toBe(4);
  });

  const problems: [string, GPTConfig, RegExp | null][] = [
    ['the default config', microgptConfig(27), null],
    ['the toy config', toyConfig, null],
    ['nEmbd 0', { ...microgptConfig(27), nEmbd: 0 }, /n_embd must be a positive integer, got 0/],
    ['nLayer 1.5', { ...microgptConfig(27), nLayer: 1.5 }, /n_layer must be a positive integer/],
    ['vocabSize 1', { ...microgptConfig(27), vocabSize: 1 }, /vocab_size must be at least 2/],
    ['nEmbd 16 with nHead 3', { ...microgptConfig(27), nHead: 3 }, /n_embd \(16\) must be divisible by n_head \(3\)/],
  ];
  for (const [label, config, message] of problems) {
    it(`configProblem of ${label} is ${message ? message.source : 'null'}`, () => {
      const p = configProblem(config);
      if (message) expect(p).toMatch(message);
      else expect(p).toBeNull();
    });
  }
});

describe('parameterCount', () => {
  it('parameterCount(microgptConfig(27)) is 4,192', () => {
    expect(parameterCount(microgptConfig(27))).toBe(4192);
  });

  it('parameterCount with n_embd 32 is 14,528', () => {
    expect(parameterCount({ ...microgptConfig(27), nEmbd: 32 })).toBe(14528);
  });

  const configs: GPTConfig[] = [toyConfig, { vocabSize: 5, nEmbd: 4, nHead: 2, nLayer: 3, blockSize: 7 }, { ...microgptConfig(40), nLayer: 2 }];
  for (const c of configs) {
    it(`parameterCount(${JSON.stringify(c)}) is 2VC + TC + 12LC²`, () => {
      expect(parameterCount(c)).toBe(expectedCount(c));
    });
  }
});

describe('matrixShapes', () => {
  it('matrixShapes lists wte, wpe, lm_head, then each layer\'s attn_wq, attn_wk, attn_wv, attn_wo, mlp_fc1, mlp_fc2 with [nout, nin]', () => {
    const c: GPTConfig = { vocabSize: 27, nEmbd: 16, nHead: 4, nLayer: 2, blockSize: 8 };
    const layer = (i: number) => [
      { name: `layer${i}.attn_wq`, rows: 16, cols: 16 },
      { name: `layer${i}.attn_wk`, rows: 16, cols: 16 },
      { name: `layer${i}.attn_wv`, rows: 16, cols: 16 },
      { name: `layer${i}.attn_wo`, rows: 16, cols: 16 },
      { name: `layer${i}.mlp_fc1`, rows: 64, cols: 16 },
      { name: `layer${i}.mlp_fc2`, rows: 16, cols: 64 },
    ];
    expect(matrixShapes(c)).toEqual([
      { name: 'wte', rows: 27, cols: 16 },
      { name: 'wpe', rows: 8, cols: 16 },
      { name: 'lm_head', rows: 27, cols: 16 },
      ...layer(0),
      ...layer(1),
    ]);
  });
});

describe('initStateDict', () => {
  const config = microgptConfig(27);

  it('initStateDict makes every matrix of matrixShapes with its shape', () => {
    const sd = initStateDict(config, new Random(1));
    const shapes = matrixShapes(config);
    expect(Object.keys(sd)).toEqual(shapes.map((s) => s.name));
    for (const { name, rows, cols } of shapes) {
      expect(sd[name]).toHaveLength(rows);
      for (const row of sd[name]) expect(row).toHaveLength(cols);
    }
  });

  it('initStateDict after new Random(42) draws CPython\'s random.seed(42); random.gauss(0, 0.08) sequence, row by row', () => {
    const sd = initStateDict(config, new Random(42));
    // [random.gauss(0, 0.08) for _ in range(16)] after random.seed(42): wte row 0
    expect(sd['wte'][0]).toEqual([
      -0.011527226366234268, -0.013832288026521545, -0.008905268925412997, 0.05615869800790905,
      -0.010207062702630967, -0.1197882731472766, 0.02658546752541722, -0.02138699827977346,
      -0.0173566947316156, 0.009270782936068407, 0.01858381895253767, 0.09308469492793144,
      0.052530920543893515, 0.008840574195506556, -0.059065728187585646, -0.08117298939901738,
    ]);
    expect(sd['wte'][1][0]).toBe(0.01970737561689616); // draw 16
    expect(sd['wte'][26][15]).toBe(0.0522564697065574); // draw 431
    expect(sd['wpe'][0][0]).toBe(0.09043787206870528); // draw 432
    expect(sd['lm_head'][0][0]).toBe(0.014555659348806814); // draw 688
    expect(sd['layer0.attn_wq'][0][0]).toBe(0.12201541967215841); // draw 1120
    expect(sd['layer0.mlp_fc2'][15][63]).toBe(0.013323935780253003); // draw 4191, the last
  });

  it('initStateDict uses the given std (CPython random.seed(7); random.gauss(0, 0.02) ×3)', () => {
    const sd = initStateDict(toyConfig, new Random(7), 0.02);
    expect([sd['wte'][0][0], sd['wte'][0][1], sd['wte'][1][0]]).toEqual([-0.005117605768952009, 0.01022863025033028, -0.004521923295662094]);
  });

  it('initStateDict has mean ≈ 0 and std ≈ 0.08', () => {
    const all = Object.values(initStateDict({ ...config, nEmbd: 32 }, new Random(3))).flat(2);
    expect(all).toHaveLength(14528);
    const mean = all.reduce((s, x) => s + x, 0) / all.length;
    const std = Math.sqrt(all.reduce((s, x) => s + (x - mean) ** 2, 0) / all.length);
    expect(Math.abs(mean)).toBeLessThan(0.003); // standard error 0.08/√14528 ≈ 0.00066
    expect(Math.abs(std - 0.08)).toBeLessThan(0.002); // standard error ≈ 0.00047
  });

  it('initStateDict is reproducible by seed and differs between seeds', () => {
    expect(initStateDict(config, new Random(5))).toEqual(initStateDict(config, new Random(5)));
    expect(initStateDict(config, new Random(5))['wte'][0][0]).not.toBe(initStateDict(config, new Random(6))['wte'][0][0]);
  });

  it('cloneStateDict is a deep copy', () => {
    const sd = initStateDict(toyConfig, new Random(1));
    const copy = cloneStateDict(sd);
    expect(copy).toEqual(sd);
    copy['wte'][0][0] = 123;
    expect(sd['wte'][0][0]).not.toBe(123);
  });
});

describe('training schedule', () => {
  it('a trainer refuses to step past numSteps, where the decayed learning rate would turn negative', async () => {
    const { FastTrainer } = await import('../../../src/engine/train.ts');
    const config: GPTConfig = { vocabSize: 3, nEmbd: 2, nHead: 1, nLayer: 1, blockSize: 3 };
    const t = new FastTrainer({ config, stateDict: initStateDict(config, new Random(1)), numSteps: 2 });
    t.step([2, 0, 2]);
    t.step([2, 1, 2]);
    expect(() => t.step([2, 0, 2])).toThrow(/all were taken/);
  });
});
