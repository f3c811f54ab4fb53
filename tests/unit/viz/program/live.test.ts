import { describe, expect, it } from 'vitest';
import { FastGPT } from '../../../../src/engine/fast.ts';
import { shippedWeights } from '../../../../src/facts/shipped.ts';
import { checkLiveInput, liveView, runProgram } from '../../../../src/viz/program/live.ts';

const { config, stateDict, tokenizer } = shippedWeights;
const m = { config, stateDict, tokenizer };
const run = runProgram(m, 'emma');

describe('runProgram', () => {
  it('gives the fast path’s loss for the name (an independent implementation)', () => {
    const fast = new FastGPT(config, stateDict);
    expect(run.loss).toBeCloseTo(fast.lossAndGrad(tokenizer.encodeDocument('emma')), 12);
  });

  it('runs BOS and every letter, each predicting the next token', () => {
    expect(run.positions.map((p) => [p.label, p.targetLabel])).toEqual([['BOS', 'e'], ['e', 'm'], ['m', 'm'], ['m', 'a'], ['a', 'BOS']]);
  });

  it('adds the token and position rows for the embedding', () => {
    const p = run.positions[2];
    expect(p.data.embSum).toEqual(stateDict.wte[p.token].map((x, i) => x + stateDict.wpe[2][i]));
  });

  it('has the gradient of the mean loss on the logits: (p − onehot) / n', () => {
    const n = run.positions.length;
    for (const p of run.positions) {
      p.grad.logits.forEach((g, id) => expect(g).toBeCloseTo((p.probs[id] - (id === p.target ? 1 : 0)) / n, 12));
    }
  });

  it('starts every run from fresh leaves, so a second run has the same gradients', () => {
    expect(runProgram(m, 'emma').positions[1].grad.tokEmb).toEqual(run.positions[1].grad.tokEmb);
  });
});

describe('liveView', () => {
  it('shows a vector point of the layer and its gradient', () => {
    const v = liveView({ kind: 'vector', point: 'q' }, run, 1);
    expect(v).toEqual({ kind: 'vector', point: 'q', values: run.positions[1].data.layers[0].q, grads: run.positions[1].grad.layers[0].q });
  });

  it('shows every head over the positions so far', () => {
    const v = liveView({ kind: 'heads' }, run, 3);
    if (v.kind !== 'heads') throw new Error(v.kind);
    expect(v.keys).toEqual(['BOS', 'e', 'm', 'm']);
    expect(v.heads).toHaveLength(config.nHead);
    for (const h of v.heads) expect(h.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('lists the most likely next tokens and always the target', () => {
    const v = liveView({ kind: 'logits' }, run, 0);
    if (v.kind !== 'logits') throw new Error(v.kind);
    expect(v.rows.some((r) => r.target && r.label === 'e')).toBe(true);
    const probs = v.rows.slice(0, v.shown).map((r) => r.prob);
    expect(probs).toEqual(probs.slice().sort((a, b) => b - a));
  });

  it('shows the loss at the position and the mean', () => {
    const v = liveView({ kind: 'loss' }, run, 4);
    expect(v).toMatchObject({ kind: 'loss', loss: -Math.log(run.positions[4].probs[tokenizer.bos]), mean: run.loss, target: 'BOS' });
  });

  it('says an embedding is a parameter row whose gradient sums every position that reads it', () => {
    // emma: positions 2 and 3 both read m, so row m of wte gets both their contributions
    const at2 = liveView({ kind: 'vector', point: 'tokEmb' }, run, 2);
    const at3 = liveView({ kind: 'vector', point: 'tokEmb' }, run, 3);
    expect(at2).toMatchObject({ row: { matrix: 'wte', label: 'm', positions: [2, 3] } });
    if (at2.kind !== 'vector' || at3.kind !== 'vector') throw new Error('not a vector');
    expect(at2.grads).toEqual(at3.grads);
    expect(liveView({ kind: 'vector', point: 'tokEmb' }, run, 1)).toMatchObject({ row: { positions: [1] } });
    expect(liveView({ kind: 'vector', point: 'posEmb' }, run, 3)).toMatchObject({ row: { matrix: 'wpe', label: '3', positions: [3] } });
    expect(liveView({ kind: 'vector', point: 'q' }, run, 3)).not.toHaveProperty('row');
  });

  it('gives each head’s output, the weighted sum of the values so far', () => {
    const v = liveView({ kind: 'heads' }, run, 2);
    if (v.kind !== 'heads') throw new Error(v.kind);
    const hd = config.nEmbd / config.nHead;
    v.heads.forEach((h, hi) => {
      expect(h.out).toHaveLength(hd);
      const values = run.positions.slice(0, 3).map((p) => p.data.layers[0].v.slice(hi * hd, (hi + 1) * hd));
      h.out.forEach((o, j) => expect(o).toBeCloseTo(h.weights.reduce((acc, w, t) => acc + w * values[t][j], 0), 12));
    });
  });

  it('says plainly when a line has no value at a position', () => {
    expect(liveView(undefined, run, 0).kind).toBe('none');
  });
});

describe('checkLiveInput', () => {
  const check = (name: string, pos: string) => checkLiveInput(tokenizer, config.blockSize, name, pos);
  it('takes a name of the vocabulary and a position up to its length', () => {
    expect(check('emma', '4')).toMatchObject({ nameProblem: null, posProblem: null, pos: 4 });
  });
  it('refuses characters outside the vocabulary', () => {
    expect(check('Emma!', '1').nameProblem?.message).toMatch(/not in the vocabulary/);
  });
  it('refuses a name longer than the context', () => {
    expect(check('a'.repeat(config.blockSize), '1').nameProblem?.message).toMatch(/longer than the context/);
    expect(check('a'.repeat(config.blockSize - 1), '1').nameProblem).toBeNull();
  });
  it('refuses an empty name, as training never reads one', () => {
    expect(check('', '0').nameProblem?.message).toMatch(new RegExp(`Type a name of 1 to ${config.blockSize - 1} letters`));
  });
  it('quotes a long name cut short', () => {
    expect(check('a'.repeat(1000), '1').nameProblem?.message).toMatch(new RegExp(`^“${'a'.repeat(20)}…” has 1000 letters`));
  });
  it('words the range for a one-letter name', () => {
    expect(check('a', '2').posProblem?.message).toBe('Position 2 is past the end of “a”: its positions are 0 (BOS) and 1 (its letter).');
  });
  it('refuses a position past the name’s end, and one that is not a number', () => {
    expect(check('emma', '5').posProblem?.message).toMatch(/past the end of “emma”: its positions are 0 \(BOS\) to 4/);
    expect(check('emma', 'x').posProblem?.message).toMatch(/whole number/);
  });
});
