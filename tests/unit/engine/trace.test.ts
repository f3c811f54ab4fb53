// The trace of a forward pass: the same numbers as gpt() without a recorder, every
// intermediate by name, and gradients that match finite differences on the toy.

import { describe, expect, it } from 'vitest';
import type { GPTConfig } from '../../../src/engine/config.ts';
import { toyConfig } from '../../../src/engine/config.ts';
import { documentLoss } from '../../../src/engine/loss.ts';
import type { KVCache } from '../../../src/engine/model.ts';
import { emptyCache, gpt, toValueStateDict } from '../../../src/engine/model.ts';
import { softmax as valueSoftmax } from '../../../src/engine/nn.ts';
import { initStateDict } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';
import { readTrace, tracedGpt } from '../../../src/engine/trace.ts';
import { toyPinnedCache, toyStateDict } from '../../../src/engine/toy.ts';
import { Value } from '../../../src/engine/value.ts';
import type { Nudge, RefStep } from './toy-reference.ts';
import { refStep, softmax } from './toy-reference.ts';

const config: GPTConfig = { vocabSize: 5, nEmbd: 4, nHead: 2, nLayer: 2, blockSize: 4 };
const randomModel = () => ({ config, params: toValueStateDict(initStateDict(config, new Random(3), 0.5)) });

describe('tracedGpt', () => {
  it('tracedGpt and gpt without a recorder give identical logits and caches at every position', () => {
    const plain = { model: randomModel(), keys: emptyCache(config), values: emptyCache(config) };
    const traced = { model: randomModel(), keys: emptyCache(config), values: emptyCache(config) };
    [4, 0, 1, 3].forEach((token, pos) => {
      const a = gpt(plain.model, token, pos, plain.keys, plain.values).map((l) => l.data);
      const b = tracedGpt(traced.model, token, pos, traced.keys, traced.values).logits.map((l) => l.data);
      expect(b).toEqual(a);
    });
    const read = (c: KVCache) => c.map((layer) => layer.map((row) => row.map((x) => x.data)));
    expect(read(traced.keys)).toEqual(read(plain.keys));
    expect(read(traced.values)).toEqual(read(plain.values));
  });

  it('tracedGpt keeps one entry per layer and per head, with the shapes of the config', () => {
    const model = randomModel();
    const keys = emptyCache(config);
    const values = emptyCache(config);
    tracedGpt(model, 4, 0, keys, values);
    const { logits, trace } = tracedGpt(model, 0, 1, keys, values);
    expect(trace.logits).toBe(logits);
    expect(trace.layers).toHaveLength(2);
    for (const layer of trace.layers) {
      expect(layer.heads).toHaveLength(2);
      for (const h of layer.heads) expect([h.scores.length, h.weights.length, h.out.length]).toEqual([2, 2, 2]);
      expect(layer.mlpHidden).toHaveLength(16);
      expect(layer.attnConcat).toEqual([...layer.heads[0].out, ...layer.heads[1].out]);
    }
    expect(trace.layers[1].input).toBe(trace.layers[0].output); // the residual stream runs on
  });
});

describe('readTrace', () => {
  const model = randomModel();
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
    d.layers[0].mlpHidden.forEach((h, i) => { if (h <= 0) expect(g.layers[0].mlpHidden[i]).toBe(0); });
  });
});

describe('trace gradients on the toy match central finite differences', () => {
  const target = 3; // the loss is −log p("c") after "b" at position 2
  const keys: KVCache = [toyPinnedCache.keys.map((k) => k.map((x) => new Value(x)))];
  const values: KVCache = [toyPinnedCache.values.map((v) => v.map((x) => new Value(x)))];
  const { logits, trace } = tracedGpt({ config: toyConfig, params: toValueStateDict(toyStateDict) }, toyPinnedCache.token, toyPinnedCache.pos, keys, values);
  valueSoftmax(logits)[target].log().neg().backward();
  const grad = readTrace(trace, 'grad');
  const layer = grad.layers[0];

  /** The loss of the plain-number reference with one intermediate nudged. */
  const refLoss = (nudge: Nudge) => {
    const step = refStep(toyPinnedCache.token, toyPinnedCache.pos, toyPinnedCache.keys.map((k) => k.slice()), toyPinnedCache.values.map((v) => v.slice()), nudge);
    return -Math.log(softmax(step.logits)[target]);
  };

  // trace entry → the reference's name for the same numbers (input is embNorm, attnConcat the one head's output)
  const cases: [string, number[], keyof RefStep][] = [
    ['tokEmb', grad.tokEmb, 'tokEmb'], ['posEmb', grad.posEmb, 'posEmb'], ['embSum', grad.embSum, 'embSum'],
    ['embNorm', grad.embNorm, 'embNorm'], ['input', layer.input, 'embNorm'], ['norm1', layer.norm1, 'norm1'],
    ['q', layer.q, 'q'], ['k', layer.k, 'k'], ['v', layer.v, 'v'],
    ['scores', layer.heads[0].scores, 'scores'], ['weights', layer.heads[0].weights, 'weights'], ['out', layer.heads[0].out, 'head'],
    ['attnConcat', layer.attnConcat, 'head'], ['attnOut', layer.attnOut, 'attnOut'], ['afterAttn', layer.afterAttn, 'afterAttn'],
    ['norm2', layer.norm2, 'norm2'], ['mlpHidden', layer.mlpHidden, 'hidden'], ['mlpRelu', layer.mlpRelu, 'relu'],
    ['mlpOut', layer.mlpOut, 'mlpOut'], ['output', layer.output, 'output'], ['logits', grad.logits, 'logits'],
  ];

  it.each(cases)('the gradient of %s in the trace matches finite differences', (_, g, point) => {
    const h = 1e-6;
    g.forEach((gi, index) => {
      const fd = (refLoss({ point, index, by: h }) - refLoss({ point, index, by: -h })) / (2 * h);
      expect(Math.abs(gi - fd), `[${index}] ${gi} vs ${fd}`).toBeLessThan(1e-7);
    });
    expect(g.some((gi) => gi !== 0)).toBe(true);
  });
});
