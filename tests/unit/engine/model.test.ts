// The model on the 2-D toy: every intermediate of gpt() at "b", position 2, recomputed
// from the toy weights with plain numbers (toy-reference.ts: no Values, no engine helpers).

import { describe, expect, it } from 'vitest';
import { toyConfig } from '../../../src/engine/config.ts';
import type { KVCache } from '../../../src/engine/model.ts';
import { emptyCache, fromValueStateDict, gpt, toValueStateDict } from '../../../src/engine/model.ts';
import { tracedGpt } from '../../../src/engine/trace.ts';
import { toyPinnedCache, toyStateDict, toyVocab } from '../../../src/engine/toy.ts';
import { Value } from '../../../src/engine/value.ts';
import type { Vec } from './toy-reference.ts';
import { refStep, softmax } from './toy-reference.ts';

const TOL = 1e-12;

// ---- the engine under test ---------------------------------------------------------------
const toyModel = () => ({ config: toyConfig, params: toValueStateDict(toyStateDict) });
const data = (xs: readonly Value[]) => xs.map((x) => x.data);

function expectVec(actual: readonly number[], expected: readonly number[], tol = TOL): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]), `[${i}] ${a} vs ${expected[i]}`).toBeLessThanOrEqual(tol));
}

/** gpt() on "b" at position 2 with the pinned keys and values of positions 0 and 1 in the cache. */
function runPinned() {
  const keys: KVCache = [toyPinnedCache.keys.map((k) => k.map((x) => new Value(x)))];
  const values: KVCache = [toyPinnedCache.values.map((v) => v.map((x) => new Value(x)))];
  const { logits, trace } = tracedGpt(toyModel(), toyPinnedCache.token, toyPinnedCache.pos, keys, values);
  const refKeys = toyPinnedCache.keys.map((k) => k.slice());
  const refValues = toyPinnedCache.values.map((v) => v.slice());
  const ref = refStep(toyPinnedCache.token, toyPinnedCache.pos, refKeys, refValues);
  return { logits, trace, keys, values, ref };
}

describe('gpt on the toy with the pinned cache ("b" at position 2)', () => {
  const { logits, trace, keys, values, ref } = runPinned();
  const layer = trace.layers[0];
  const head = layer.heads[0];

  it('the toy processes token 2 = "b" at position 2', () => {
    expect(toyVocab[toyPinnedCache.token]).toBe('b');
    expect(trace.token).toBe(2);
    expect(trace.pos).toBe(2);
  });

  it('gpt traces embSum = wte[b] + wpe[2] = (−0.4, 0.5), worked by hand', () => {
    expectVec(data(trace.tokEmb), [-0.3, 0.4], 0);
    expectVec(data(trace.posEmb), [-0.1, 0.1], 0);
    expectVec(data(trace.embSum), [-0.4, 0.5], 1e-15);
  });

  it('gpt traces embNorm = embSum / √(mean(embSum²) + 1e-5), by hand ≈ (−0.88343, 1.10429)', () => {
    // mean square = (0.16 + 0.25) / 2 = 0.205; √0.20501 ≈ 0.452780
    expectVec(data(trace.embNorm), [-0.4 / Math.sqrt(0.20501), 0.5 / Math.sqrt(0.20501)], TOL);
    expectVec(data(trace.embNorm), [-0.88343, 1.10429], 5e-6);
    expectVec(data(trace.embNorm), ref.embNorm);
  });

  it('gpt traces the layer input as embNorm and norm1 as rmsnorm of it (microgpt normalises twice)', () => {
    expectVec(data(layer.input), ref.embNorm);
    expectVec(data(layer.norm1), ref.norm1);
  });

  it('gpt traces q, k, v = attn_wq·norm1, attn_wk·norm1, attn_wv·norm1', () => {
    expectVec(data(layer.q), ref.q);
    expectVec(data(layer.k), ref.k);
    expectVec(data(layer.v), ref.v);
  });

  it('gpt appends this position\'s k and v to the cache after the two pinned ones', () => {
    expect(keys[0]).toHaveLength(3);
    expect(values[0]).toHaveLength(3);
    expectVec(data(keys[0][0]), toyPinnedCache.keys[0], 0);
    expectVec(data(keys[0][1]), toyPinnedCache.keys[1], 0);
    expect(keys[0][2]).toBe(layer.k);
    expect(values[0][2]).toBe(layer.v);
  });

  it('gpt scores the three cached keys with q·k / √2', () => {
    const expected = [toyPinnedCache.keys[0], toyPinnedCache.keys[1], ref.k].map((k) => (ref.q[0] * k[0] + ref.q[1] * k[1]) / Math.SQRT2);
    expectVec(data(head.scores), expected);
    expectVec(data(head.scores), ref.scores);
  });

  it('gpt turns the scores into softmax weights that sum to 1', () => {
    expectVec(data(head.weights), ref.weights);
    expect(Math.abs(data(head.weights).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-15);
  });

  it('gpt computes the head output as the weighted sum of the cached values', () => {
    expectVec(data(head.out), ref.head);
    expectVec(data(layer.attnConcat), ref.head);
  });

  it('gpt computes attnOut = attn_wo·head and adds the residual', () => {
    expectVec(data(layer.attnOut), ref.attnOut);
    expectVec(data(layer.afterAttn), ref.afterAttn);
  });

  it('gpt computes the MLP: norm2, hidden = mlp_fc1·norm2, ReLU, mlp_fc2·relu, plus the residual', () => {
    expectVec(data(layer.norm2), ref.norm2);
    expectVec(data(layer.mlpHidden), ref.hidden);
    expectVec(data(layer.mlpRelu), ref.relu);
    // the example is only interesting if ReLU switches some units off and leaves some on
    expect(ref.hidden.some((h) => h < 0)).toBe(true);
    expect(ref.hidden.some((h) => h > 0)).toBe(true);
    expectVec(data(layer.mlpOut), ref.mlpOut);
    expectVec(data(layer.output), ref.output);
  });

  it('gpt returns logits = lm_head·output, the same Values as the trace\'s', () => {
    expect(logits).toBe(trace.logits);
    expectVec(data(logits), ref.logits);
  });

  it('softmax of the logits gives the next-token probabilities', () => {
    const probs = softmax(data(logits));
    expectVec(probs, ref.probs);
    expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-15);
  });
});

describe('gpt on the toy with a fully computed cache', () => {
  it('gpt on BOS at 0, "a" at 1, then "b" at 2 matches the plain computation and differs from the pinned cache', () => {
    const model = toyModel();
    const keys = emptyCache(toyConfig);
    const values = emptyCache(toyConfig);
    const refKeys: Vec[] = [];
    const refValues: Vec[] = [];
    for (const [token, pos] of [[0, 0], [1, 1]]) {
      const logits = gpt(model, token, pos, keys, values);
      expectVec(data(logits), refStep(token, pos, refKeys, refValues).logits);
    }
    // computed keys and values of positions 0 and 1 are not the pinned ones
    expect(Math.abs(keys[0][0][0].data - toyPinnedCache.keys[0][0])).toBeGreaterThan(1e-3);
    expect(Math.abs(values[0][1][1].data - toyPinnedCache.values[1][1])).toBeGreaterThan(1e-3);
    expectVec(data(keys[0][1]), refKeys[1]);

    const { logits, trace } = tracedGpt(model, 2, 2, keys, values);
    const ref = refStep(2, 2, refKeys, refValues);
    expectVec(data(trace.layers[0].heads[0].weights), ref.weights);
    expectVec(data(logits), ref.logits);

    const pinned = runPinned();
    // the embedding and q, k, v of "b" at 2 do not depend on the cache …
    expectVec(data(trace.layers[0].q), data(pinned.trace.layers[0].q));
    // … but the attention and the logits do
    const weightGap = Math.max(...data(trace.layers[0].heads[0].weights).map((w, i) => Math.abs(w - pinned.trace.layers[0].heads[0].weights[i].data)));
    expect(weightGap).toBeGreaterThan(1e-3);
    const logitGap = Math.max(...data(logits).map((l, i) => Math.abs(l - pinned.logits[i].data)));
    expect(logitGap).toBeGreaterThan(1e-4);
  });
});

describe('model helpers', () => {
  it('toValueStateDict wraps every number as a leaf Value and fromValueStateDict reads them back', () => {
    const params = toValueStateDict(toyStateDict);
    expect(params['wte'][2][1]).toBeInstanceOf(Value);
    expect(params['wte'][2][1].children).toEqual([]);
    expect(fromValueStateDict(params)).toEqual(toyStateDict);
  });

  it('emptyCache has one empty list per layer', () => {
    expect(emptyCache({ ...toyConfig, nLayer: 3 })).toEqual([[], [], []]);
  });

  it('gpt traces tokEmb and posEmb as the parameter rows themselves, so gradients reach them', () => {
    const model = toyModel();
    const { logits, trace } = tracedGpt(model, 3, 1, emptyCache(toyConfig), emptyCache(toyConfig));
    expect(trace.tokEmb).toBe(model.params['wte'][3]);
    expect(trace.posEmb).toBe(model.params['wpe'][1]);
    logits[0].backward();
    expect(model.params['wte'][3][0].grad).not.toBe(0);
    expect(model.params['wte'][0][0].grad).toBe(0); // a token not fed in gets no gradient
  });
});
