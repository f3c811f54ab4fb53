// The up-close step against independent computations: gradients against finite differences of
// FastGPT.loss, the update against FastTrainer, m̂ and v̂ against Adam's formulas worked here.

import { describe, expect, it } from 'vitest';
import { adamDefaults, adamSchedule, adamState, adamStep } from '../../../../src/engine/adam.ts';
import { FastGPT } from '../../../../src/engine/fast.ts';
import { seededStart } from '../../../../src/engine/run.ts';
import { FastTrainer } from '../../../../src/engine/train.ts';
import { names, shippedWeights } from '../../../../src/facts/shipped.ts';
import { signedHeatmap, cellSize, labelEvery, minCell } from '../../../../src/viz/training/heatmap.ts';
import {
  gradientSummaries, largestEntries, matrixPlaces, matrixValues, moveStage, rowLabels, stages, updateRange, upCloseStep, valueAt,
} from '../../../../src/viz/training/up-close.ts';

const { config, tokenizer } = shippedWeights;
const start = seededStart(names, config, 42).stateDict;
const name = 'hugibert';
const tokens = tokenizer.encodeDocument(name);
const s = upCloseStep(config, start, tokenizer, name, tokens, 1000);

describe('upCloseStep', () => {
  it('has the gradient finite differences of FastGPT.loss give, on entries of every matrix', () => {
    const h = 1e-5;
    const probe = new FastGPT(config, start);
    for (const place of s.matrices) {
      for (const k of [0, 7]) {
        const i = place.offset + ((k * 37) % (place.rows * place.cols));
        const x = probe.data[i];
        probe.data[i] = x + h;
        const up = probe.loss(tokens);
        probe.data[i] = x - h;
        const down = probe.loss(tokens);
        probe.data[i] = x;
        expect(s.grad[i]).toBeCloseTo((up - down) / (2 * h), 6);
      }
    }
  });

  it('ends where FastTrainer.step ends, and its after-loss is the engine’s on those weights', () => {
    const trainer = new FastTrainer({ config, stateDict: start, numSteps: 1000 });
    expect(trainer.step(tokens)).toBe(s.loss);
    expect(Array.from(trainer.model.data)).toEqual(Array.from(s.after));
    expect(new FastGPT(config, trainer.stateDict()).loss(tokens)).toBe(s.lossAfter);
    expect(s.lossAfter).toBeLessThan(s.loss);
  });

  it('keeps m and v as adamStep leaves them, and m̂, v̂ are Adam’s first-step values g and g²', () => {
    const state = adamState(s.before.length);
    adamStep(state, s.before.slice(), s.grad, 0, 1000);
    expect(Array.from(s.m)).toEqual(Array.from(state.m));
    expect(Array.from(s.v)).toEqual(Array.from(state.v));
    for (const i of [0, 500, 4000]) {
      const g = s.grad[i];
      expect(valueAt(s, 'mHat', i)).toBeCloseTo(g, 15);
      expect(valueAt(s, 'vHat', i)).toBeCloseTo(g * g, 15);
      expect(valueAt(s, 'update', i)).toBeCloseTo((-adamDefaults.lr * g) / (Math.abs(g) + adamDefaults.eps), 15);
    }
    expect(s.schedule).toEqual(adamSchedule(adamDefaults, 0, 1000));
  });

  it('moves every parameter with a non-zero gradient by about lr on the first step', () => {
    const r = updateRange(s);
    expect(r.moved).toBe(s.grad.filter((g) => g !== 0).length);
    expect(r.largest).toBeLessThanOrEqual(adamDefaults.lr);
    expect(r.smallest).toBeGreaterThan(0.9 * adamDefaults.lr);
  });

  it('gives the forward rows the probabilities of the targets', () => {
    expect(s.positions.map((p) => p.target).join('')).toBe('hugibertBOS');
    const sum = s.positions.reduce((t, p) => t - Math.log(p.p), 0);
    expect(sum / s.positions.length).toBeCloseTo(s.loss, 14);
  });
});

describe('the gradient, read', () => {
  it('is zero exactly on the rows of wte whose token the name never feeds in', () => {
    const wte = matrixValues(s, 'wte', 'grad');
    const fed = new Set(tokens.slice(0, -1));
    wte.forEach((row, r) => expect(row.every((g) => g === 0)).toBe(!fed.has(r)));
    expect(gradientSummaries(s).find((g) => g.name === 'wte')!.zeros).toBe((config.vocabSize - fed.size) * config.nEmbd);
  });

  it('lists the largest entries by magnitude, named as the code indexes them', () => {
    const top = largestEntries(s, 'grad', 4);
    for (const e of top) {
      const place = s.matrices.find((m) => m.name === e.matrix)!;
      expect(e.value).toBe(s.grad[place.offset + e.row * place.cols + e.col]);
      expect(e.label).toBe(`${e.matrix}[${e.row}][${e.col}]`);
    }
    const all = Array.from(s.grad, Math.abs).sort((a, b) => b - a);
    expect(top.map((e) => Math.abs(e.value))).toEqual(all.slice(0, 4));
    expect(largestEntries(s, 'grad', 2, 'layer0.mlp_fc1').every((e) => e.matrix === 'layer0.mlp_fc1')).toBe(true);
  });

  it('places the matrices end to end as FastGPT does', () => {
    const fast = new FastGPT(config);
    for (const p of matrixPlaces(config)) expect(p.offset).toBe(fast.offsets[p.name]);
    expect(rowLabels('wte', 3, tokenizer)).toEqual(['0 a', '1 b', '2 c']);
  });
});

describe('moveStage', () => {
  it('steps through the stages in order and holds at the ends', () => {
    expect(moveStage('forward', 1)).toBe('loss');
    expect(moveStage('forward', -1)).toBe('forward');
    expect(moveStage('after', 1)).toBe('after');
    expect(stages).toHaveLength(5);
  });
});

describe('signedHeatmap', () => {
  it('colours by sign, scaled to the largest magnitude', () => {
    const m = signedHeatmap('w', [[1, -0.5], [0, 0.25]], ['a', 'b'], 400);
    expect(m.max).toBe(1);
    expect(m.cells[0].map((c) => [c.sign, c.mix])).toEqual([['positive', 100], ['negative', 50]]);
    expect(m.cells[1][0].sign).toBe('zero');
    expect(m.cells[1][1].said).toBe('w[1][1] (row b) = 0.25');
  });
  it('shrinks cells to fit a phone, down to a floor', () => {
    expect(cellSize(330, 16, 48)).toBe(17);
    expect(cellSize(300, 64, 40)).toBe(4);
    expect(cellSize(100, 64, 48)).toBe(minCell);
    expect(cellSize(1000, 16, 40, 64)).toBe(8); // 64 rows: no taller than maxHeight
    expect(cellSize(1000, 16, 40, 27)).toBe(19);
  });
});

describe('labelEvery', () => {
  it('labels every row of large cells and spaces labels 10 px apart on small ones', () => {
    expect(labelEvery(22)).toBe(1);
    expect(labelEvery(4)).toBe(3);
  });
});

describe('adamSchedule', () => {
  it('decays lr linearly and corrects m and v by 1 − β^(step+1), as adamStep uses them', () => {
    const c = { lr: 0.02, beta1: 0.5, beta2: 0.75, eps: 1e-8 };
    expect(adamSchedule(c, 0, 4)).toEqual({ lrT: 0.02, mCorrection: 0.5, vCorrection: 0.25 });
    const half = adamSchedule(c, 2, 4);
    expect(half.lrT).toBeCloseTo(0.01, 15);
    expect(half.mCorrection).toBeCloseTo(1 - 0.125, 15);
    expect(half.vCorrection).toBeCloseTo(1 - 0.421875, 15);
    // one parameter through adamStep at step 2 from known moments: the same numbers by hand
    const state = { config: c, m: new Float64Array([0.4]), v: new Float64Array([0.3]) };
    const data = new Float64Array([1]);
    adamStep(state, data, new Float64Array([2]), 2, 4);
    const m = 0.5 * 0.4 + 0.5 * 2;
    const v = 0.75 * 0.3 + 0.25 * 4;
    expect(data[0]).toBeCloseTo(1 - (0.01 * (m / half.mCorrection)) / (Math.sqrt(v / half.vCorrection) + 1e-8), 14);
  });
});
