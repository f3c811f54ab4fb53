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
  it('refuses a position past the name’s end, and one that is not a number', () => {
    expect(check('emma', '5').posProblem?.message).toMatch(/past the end of “emma”: its positions are 0 \(BOS\) to 4/);
    expect(check('emma', 'x').posProblem?.message).toMatch(/whole number/);
  });
});
