// Entropy, temperature and the cut, checked against values worked by hand and against the
// limits the chapter states (T → 0 is greedy, a huge T is nearly uniform).

import { describe, expect, it } from 'vitest';
import { FastGPT } from '../../../../src/engine/fast.ts';
import { Tokenizer } from '../../../../src/engine/tokenizer.ts';
import { matrixShapes, type GPTConfig } from '../../../../src/engine/index.ts';
import { decimalsBelow, entropyBits, maxEntropyBits } from '../../../../src/viz/inference/entropy.ts';
import { atTemperature, curveGrid, entropyCurve, logitOrder, modelLogits, nearestStep, presetLogits, presets, temperatureSteps } from '../../../../src/viz/inference/temperature.ts';
import { topPCount, truncate, truncationOptions } from '../../../../src/viz/inference/truncation.ts';
import { columnLayout, curveLayout } from '../../../../src/viz/inference/temperature-layout.ts';

const abc = new Tokenizer(['a', 'b', 'c']); // a 0, b 1, c 2, BOS 3

describe('entropyBits', () => {
  it('is log2 n for a uniform distribution and 0 for a one-hot', () => {
    for (const n of [1, 2, 5, 27]) expect(entropyBits(new Array(n).fill(1 / n))).toBeCloseTo(Math.log(n) / Math.LN2, 12);
    expect(entropyBits([0, 1, 0, 0])).toBe(0);
    expect(maxEntropyBits(27)).toBeCloseTo(Math.log(27) / Math.log(2), 14);
  });
  it('matches hand-worked 2- and 3-token cases', () => {
    // ¼, ¾: −(¼·(−2) + ¾·log₂ ¾) = ½ + ¾·(2 − log₂ 3)
    expect(entropyBits([0.25, 0.75])).toBeCloseTo(0.5 + 0.75 * (2 - Math.log(3) / Math.LN2), 12);
    // ½, ¼, ¼: ½·1 + ¼·2 + ¼·2 = 1.5 bits
    expect(entropyBits([0.5, 0.25, 0.25])).toBeCloseTo(1.5, 14);
  });
});

describe('temperature', () => {
  const logits = [2, 1, 0, -1];
  it('divides the logits by T before softmax', () => {
    const t = 2;
    const e = logits.map((z) => Math.exp(z / t));
    const total = e.reduce((a, b) => a + b);
    const { bars, entropy } = atTemperature(abc, logits, t);
    bars.forEach((b) => expect(b.p).toBeCloseTo(e[b.token] / total, 12));
    expect(entropy).toBeCloseTo(entropyBits(e.map((v) => v / total)), 12);
    expect(bars.map((b) => b.label)).toEqual(['a', 'b', 'c', 'end']);
  });
  it('T = 0 puts all the mass on the top logit: 0 bits; a tiny T is the same limit', () => {
    for (const t of [0, 1e-3, 1e-300]) {
      const { bars, entropy } = atTemperature(abc, logits, t);
      expect(bars[0].p).toBeCloseTo(1, 12);
      expect(entropy).toBeCloseTo(0, 9);
    }
  });
  it('a huge T is nearly uniform: entropy close to log2 n', () => {
    const { bars, entropy } = atTemperature(abc, logits, 1e6);
    bars.forEach((b) => expect(b.p).toBeCloseTo(0.25, 5));
    expect(entropy).toBeCloseTo(2, 9);
  });
  it('the entropy curve rises from 0 towards log2 n, never above', () => {
    const curve = entropyCurve(presetLogits('two', 27), curveGrid(10, 100));
    expect(curve[0]).toEqual({ t: 0, bits: 0 });
    for (let i = 1; i < curve.length; i++) expect(curve[i].bits).toBeGreaterThanOrEqual(curve[i - 1].bits - 1e-12);
    expect(curve.at(-1)!.bits).toBeLessThan(maxEntropyBits(27));
    expect(curve.at(-1)!.bits).toBeGreaterThan(maxEntropyBits(27) - 0.05);
  });
  it('orders tokens by logit, ties by id', () => {
    expect(logitOrder([1, 3, 3, 0])).toEqual([1, 2, 0, 3]);
  });
  it('slider stops start at 0 (greedy), include 1, end at 10, rising; nearestStep finds them', () => {
    expect(temperatureSteps[0]).toBe(0);
    expect(temperatureSteps.at(-1)).toBe(10);
    expect(temperatureSteps[nearestStep(1)]).toBe(1);
    expect(temperatureSteps[nearestStep(0.52)]).toBeCloseTo(0.5, 12);
    for (let i = 1; i < temperatureSteps.length; i++) expect(temperatureSteps[i]).toBeGreaterThan(temperatureSteps[i - 1]);
  });
  it('presets: the favourite is peaked, two favourites lead, flat is flat', () => {
    for (const p of presets) expect(presetLogits(p, 27)).toHaveLength(27);
    const one = atTemperature(abc, presetLogits('favourite', 4), 1).entropy;
    const flat = atTemperature(abc, presetLogits('flat', 4), 1).entropy;
    expect(one).toBeLessThan(1);
    expect(flat).toBeGreaterThan(1.95);
    expect(logitOrder(presetLogits('two', 27)).slice(0, 2)).toEqual([0, 4]);
  });
});

describe('modelLogits', () => {
  // every matrix zero but lm_head: the final vector is 0, so every logit is 0 — except we give
  // wte a value and lm_head an identity, so the logits depend on the last token only
  const config: GPTConfig = { vocabSize: 4, nEmbd: 4, nHead: 1, nLayer: 1, blockSize: 3 };
  const sd = Object.fromEntries(matrixShapes(config).map((s) => [s.name, Array.from({ length: s.rows }, () => new Array<number>(s.cols).fill(0))]));
  sd['wte'] = [[1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 3, 0], [0, 0, 0, 1]];
  sd['lm_head'] = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]];
  const model = new FastGPT(config, sd);
  it('is the last position’s row of FastGPT’s logits after BOS and the prefix', () => {
    const got = modelLogits(model, abc, 'ab');
    model.forward(abc.bos, 0); model.forward(0, 1); model.forward(1, 2);
    expect(Array.from(got)).toEqual(Array.from(model.logits.slice(2 * 4, 3 * 4)));
    // by hand: rmsnorm of (0, 2, 0, 0) is (0, 2/√(1 + 1e−5), 0, 0)
    expect(got[1]).toBeCloseTo(2 / Math.sqrt(1 + 1e-5), 9);
  });
  it('rejects unknown characters and prefixes too long for the context', () => {
    expect(() => modelLogits(model, abc, 'aZ')).toThrow(/not in the vocabulary/);
    expect(() => modelLogits(model, abc, 'abc')).toThrow(/shorter than 3/);
  });
});

describe('truncate', () => {
  // probabilities ½, ¼, ⅛, ⅛ at T = 1: logits ln of them
  const logits = [0.5, 0.25, 0.125, 0.125].map(Math.log);
  const kept = (o: Parameters<typeof truncate>[2]) => truncate(abc, logits, o).rows.filter((r) => r.kept).map((r) => r.label);
  it('greedy keeps the top token with probability 1', () => {
    const t = truncate(abc, logits, truncationOptions('greedy', 2, 0.9));
    expect(t.kept).toBe(1);
    expect(t.rows[0]).toMatchObject({ label: 'a', after: 1, kept: true });
    expect(t.entropyAfter).toBe(0);
    expect(t.entropyBefore).toBeCloseTo(1.75, 12);
  });
  it('top-k keeps k, ties by id, and renormalises', () => {
    expect(kept(truncationOptions('top-k', 2, 1))).toEqual(['a', 'b']);
    expect(kept(truncationOptions('top-k', 3, 1))).toEqual(['a', 'b', 'c']); // c and end tie: c, the lower id
    const t = truncate(abc, logits, truncationOptions('top-k', 3, 1));
    expect(t.rows.map((r) => r.after)).toEqual([0.5 / 0.875, 0.25 / 0.875, 0.125 / 0.875, 0].map((x) => expect.closeTo(x, 12)));
    expect(t.keptMass).toBeCloseTo(0.875, 12);
    expect(kept(truncationOptions('top-k', 10, 1))).toHaveLength(4);
  });
  it('top-p keeps the fewest whose mass reaches p', () => {
    expect(kept(truncationOptions('top-p', 1, 0.5))).toEqual(['a']); // ½ reaches ½
    expect(kept(truncationOptions('top-p', 1, 0.6))).toEqual(['a', 'b']);
    expect(kept(truncationOptions('top-p', 1, 0.8))).toEqual(['a', 'b', 'c']);
    expect(kept(truncationOptions('top-p', 1, 1))).toHaveLength(4);
    const t = truncate(abc, logits, truncationOptions('top-p', 1, 0.6));
    expect(t.rows[0].after).toBeCloseTo(2 / 3, 12);
    expect(t.entropyAfter).toBeCloseTo(entropyBits([2 / 3, 1 / 3]), 12);
  });
  it('top-p adapts to the shape, top-k does not', () => {
    const peaked = presetLogits('favourite', 27);
    const flat = presetLogits('flat', 27);
    expect(topPCount(peaked, 0.9)).toBeLessThan(5);
    expect(topPCount(flat, 0.9)).toBeGreaterThan(20);
    for (const l of [peaked, flat]) expect(truncate(abc, l.slice(0, 4), truncationOptions('top-k', 2, 1)).kept).toBe(2);
  });
});

describe('layouts', () => {
  it('columns stand on one baseline, height proportional to p; the axis reaches the tallest and never passes 1', () => {
    for (const t of [0, 1, 5]) {
      const { bars } = atTemperature(abc, [2, 1, 0, -1], t);
      const l = columnLayout(bars, 300, 150);
      const tick = l.ticks.at(-1)!; // the top tick: its height per unit of p is the scale
      const perUnit = (l.baseline - tick.at) / tick.value;
      expect(tick.value).toBeLessThanOrEqual(1);
      expect(tick.value).toBeGreaterThanOrEqual(bars[0].p - 1e-12);
      l.columns.forEach((c, i) => {
        expect(c.y + c.height).toBeCloseTo(l.baseline, 9);
        expect(c.height).toBeCloseTo(bars[i].p * perUnit, 9);
        expect(c.x + c.width).toBeLessThanOrEqual(l.right + 1e-9);
      });
    }
  });
  it('the column axis is fixed at 0 to 1 whatever the temperature, so a column keeps its scale', () => {
    const logits = presetLogits('flat', 27);
    const tokenizer = new Tokenizer([...'abcdefghijklmnopqrstuvwxyz']);
    const layouts = [0.5, 1, 10].map((t) => columnLayout(atTemperature(tokenizer, logits, t).bars, 300, 150));
    for (const l of layouts) {
      expect(l.ticks.at(-1)!.value).toBe(1);
      expect(l.ticks.at(-1)!.at).toBe(layouts[0].ticks.at(-1)!.at);
    }
  });
  it('the curve grid is even in √T, as the axis is: dense near 0', () => {
    const grid = curveGrid(10, 200);
    expect(grid[0]).toBe(0);
    expect(grid.at(-1)).toBe(10);
    for (let i = 1; i < grid.length; i++) expect(Math.sqrt(grid[i]) - Math.sqrt(grid[i - 1])).toBeCloseTo(Math.sqrt(10) / 200, 12);
    expect(grid.filter((t) => t <= 0.05).length).toBeGreaterThan(10); // the old even grid had 2 points there
  });
  it('decimalsBelow keeps an entropy just under the ceiling from reading as the ceiling', () => {
    expect(decimalsBelow(2.5, 4.7549)).toBe(2);
    expect(decimalsBelow(4.7486, 4.7549)).toBe(3); // 4.75 and 4.75 at two decimals; 4.749 and 4.755 at three
    expect(decimalsBelow(4.75485, 4.75488)).toBe(5);
    expect(decimalsBelow(4.7549, 4.7549)).toBe(2); // at the ceiling itself nothing to separate
    const bits = 4.7486;
    const d = decimalsBelow(bits, 4.7549);
    expect(Number(bits.toFixed(d))).toBeLessThan(Number((4.7549).toFixed(d)));
  });
  it('the curve runs across the plot and the point sits on it', () => {
    const logits = presetLogits('two', 27);
    const curve = entropyCurve(logits, curveGrid(10, 50));
    const l = curveLayout(curve, maxEntropyBits(27), curve[25], 320);
    expect(l.path.startsWith(`M${l.left},${l.bottom}`)).toBe(true);
    expect(l.point.x).toBeCloseTo(l.left + (l.right - l.left) * Math.sqrt(curve[25].t / 10), 9); // square-root axis
    expect(l.xTicks.map((t) => t.value)).toContain(1);
    expect(l.ceiling).toBeGreaterThan(l.top);
    expect(l.ceiling).toBeLessThan(l.bottom);
  });
});
