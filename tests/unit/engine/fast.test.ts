// FastGPT: the typed-array twin of the Value path. Same loss, same gradient entry by entry,
// same logits step by step, same weights after training, to 1e-9.

import { describe, expect, it } from 'vitest';
import type { GPTConfig } from '../../../src/engine/config.ts';
import { microgptConfig } from '../../../src/engine/config.ts';
import { FastGPT } from '../../../src/engine/fast.ts';
import { documentLoss } from '../../../src/engine/loss.ts';
import type { ValueModel } from '../../../src/engine/model.ts';
import { emptyCache, gpt, toValueStateDict } from '../../../src/engine/model.ts';
import type { StateDict } from '../../../src/engine/params.ts';
import { initStateDict, matrixShapes, parameterCount } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';
import { Tokenizer } from '../../../src/engine/tokenizer.ts';
import { FastTrainer, ValueTrainer, createTrainer, trainingOrder } from '../../../src/engine/train.ts';
import { toyConfig, toyStateDict } from '../../../src/engine/toy.ts';
import { defaultNames } from '../../../scripts/build/names.ts';

const TOL = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(b));

const names = defaultNames();
const tok = Tokenizer.fromDocuments(names);
const defaultConfig = microgptConfig(tok.vocabSize);
// two layers, two heads, a context shorter than the document below
const deepConfig: GPTConfig = { vocabSize: 6, nEmbd: 8, nHead: 2, nLayer: 2, blockSize: 5 };
const deepDocs = [[5, 0, 1, 2, 3, 4, 0, 1, 5], [5, 3, 5], [5, 1, 1, 2, 0, 5]];

/** Every entry of fast.gradDict() vs the Value grads; returns the entries that differ beyond TOL. */
function mismatches(sd: StateDict, valueModel: ValueModel): string[] {
  const bad: string[] = [];
  for (const [name, m] of Object.entries(sd)) {
    m.forEach((row, r) => row.forEach((g, c) => {
      const want = valueModel.params[name][r][c].grad;
      if (!close(g, want)) bad.push(`${name}[${r}][${c}] fast ${g} value ${want}`);
    }));
  }
  return bad;
}

/** Loss and all gradients of one document on both paths, from the same weights. */
function compareDocument(config: GPTConfig, sd: StateDict, tokens: number[], fast = new FastGPT(config, sd)) {
  const fastLoss = fast.lossAndGrad(tokens);
  const valueModel: ValueModel = { config, params: toValueStateDict(sd) };
  const { loss } = documentLoss(valueModel, tokens);
  loss.backward();
  return { fastLoss, valueLoss: loss.data, bad: mismatches(fast.gradDict(), valueModel), grads: fast.gradDict() };
}

describe('FastGPT.lossAndGrad equals the Value path', () => {
  const sd = initStateDict(defaultConfig, new Random(42));
  for (const name of ['emma', 'ab', 'alejandra', 'christopher']) {
    it(`FastGPT.lossAndGrad on "${name}" (default config) gives the Value loss and every gradient entry to 1e-9`, () => {
      const { fastLoss, valueLoss, bad } = compareDocument(defaultConfig, sd, tok.encodeDocument(name));
      expect(close(fastLoss, valueLoss), `${fastLoss} vs ${valueLoss}`).toBe(true);
      expect(bad).toEqual([]);
    });
  }

  it('FastGPT.lossAndGrad on a name longer than blockSize truncates like documentLoss', () => {
    const long = 'abcdefghijklmnopqrstu'; // 21 letters, 16 positions fit
    const { fastLoss, valueLoss, bad } = compareDocument(defaultConfig, sd, tok.encodeDocument(long));
    expect(close(fastLoss, valueLoss)).toBe(true);
    expect(bad).toEqual([]);
  });

  const deepSd = initStateDict(deepConfig, new Random(7), 0.3);
  deepDocs.forEach((doc, i) => {
    it(`FastGPT.lossAndGrad on a 2-layer, 2-head model (document ${i}: ${doc.length} tokens, blockSize 5) matches every gradient entry`, () => {
      const { fastLoss, valueLoss, bad, grads } = compareDocument(deepConfig, deepSd, doc);
      expect(close(fastLoss, valueLoss), `${fastLoss} vs ${valueLoss}`).toBe(true);
      expect(bad).toEqual([]);
      // gradients reach both layers
      expect(grads['layer0.attn_wq'].flat().some((g) => Math.abs(g) > 1e-6)).toBe(true);
      expect(grads['layer1.mlp_fc1'].flat().some((g) => Math.abs(g) > 1e-6)).toBe(true);
    });
  });

  it('FastGPT reused for a shorter document after a longer one keeps nothing stale', () => {
    const fast = new FastGPT(deepConfig, deepSd);
    fast.lossAndGrad(deepDocs[0]);
    const { fastLoss, valueLoss, bad } = compareDocument(deepConfig, deepSd, deepDocs[1], fast);
    expect(close(fastLoss, valueLoss)).toBe(true);
    expect(bad).toEqual([]);
  });

  it('FastGPT.loss equals lossAndGrad\'s loss without touching grad', () => {
    const fast = new FastGPT(deepConfig, deepSd);
    const l = fast.loss(deepDocs[2]);
    expect(fast.grad.every((g) => g === 0)).toBe(true);
    expect(fast.lossAndGrad(deepDocs[2])).toBe(l);
  });
});

describe('FastGPT.forward equals gpt() step by step', () => {
  const cases: [string, GPTConfig, StateDict, number[]][] = [
    ['the default config', defaultConfig, initStateDict(defaultConfig, new Random(3)), tok.encodeDocument('olivia').slice(0, -1)],
    ['the 2-layer config', deepConfig, initStateDict(deepConfig, new Random(8), 0.3), [5, 2, 0, 4, 1]],
    ['the toy', toyConfig, toyStateDict, [0, 1, 2, 3]],
  ];
  for (const [label, config, sd, inputs] of cases) {
    it(`FastGPT.forward with its KV cache gives gpt()'s logits at every position (${label})`, () => {
      const fast = new FastGPT(config, sd);
      const model: ValueModel = { config, params: toValueStateDict(sd) };
      const keys = emptyCache(config);
      const values = emptyCache(config);
      const V = config.vocabSize;
      inputs.forEach((token, pos) => {
        fast.forward(token, pos);
        const logits = gpt(model, token, pos, keys, values).map((l) => l.data);
        const fastLogits = Array.from(fast.logits.subarray(pos * V, (pos + 1) * V));
        fastLogits.forEach((l, i) => expect(close(l, logits[i]), `pos ${pos} logit ${i}: ${l} vs ${logits[i]}`).toBe(true));
        // probs is the softmax of those logits, computed here with plain numbers
        const m = Math.max(...logits);
        const e = logits.map((l) => Math.exp(l - m));
        const s = e.reduce((a, b) => a + b, 0);
        e.forEach((ei, i) => expect(close(fast.probs[pos * V + i], ei / s)).toBe(true));
      });
    });
  }

  it("FastGPT.mlpHidden gives gpt()'s MLP pre-activations at every position and layer (the 2-layer config)", () => {
    const sd = initStateDict(deepConfig, new Random(8), 0.3);
    const fast = new FastGPT(deepConfig, sd);
    const model: ValueModel = { config: deepConfig, params: toValueStateDict(sd) };
    const keys = emptyCache(deepConfig);
    const values = emptyCache(deepConfig);
    [5, 2, 0, 4].forEach((token, pos) => {
      fast.forward(token, pos);
      const hidden: number[][] = [];
      gpt(model, token, pos, keys, values, (point, xs) => { if (point === 'mlpHidden') hidden.push(xs.map((x) => x.data)); });
      hidden.forEach((h, l) => {
        const got = Array.from(fast.mlpHidden(l, pos));
        expect(got).toHaveLength(4 * deepConfig.nEmbd);
        got.forEach((x, i) => expect(close(x, h[i]), `layer ${l} pos ${pos} unit ${i}: ${x} vs ${h[i]}`).toBe(true));
      });
    });
  });

  it('FastGPT.forward rejects a position outside the context and a token outside the vocabulary', () => {
    const fast = new FastGPT(toyConfig, toyStateDict);
    expect(() => fast.forward(0, 4)).toThrow(RangeError);
    expect(() => fast.forward(0, -1)).toThrow(RangeError);
    expect(() => fast.forward(4, 0)).toThrow(RangeError);
    expect(() => fast.forward(-1, 0)).toThrow(RangeError);
  });
});

describe('FastGPT layout', () => {
  it('FastGPT lays the matrices end to end in matrixShapes order, and stateDict() returns what load() took', () => {
    const sd = initStateDict(deepConfig, new Random(1));
    const fast = new FastGPT(deepConfig, sd);
    expect(fast.data).toHaveLength(parameterCount(deepConfig));
    let off = 0;
    for (const { name, rows, cols } of matrixShapes(deepConfig)) {
      expect(fast.offsets[name]).toBe(off);
      expect(fast.data[off + cols + 1]).toBe(sd[name][1][1]); // row 1, column 1
      off += rows * cols;
    }
    expect(fast.stateDict()).toEqual(sd);
  });

  it('FastGPT.load rejects a matrix with the wrong number of rows or columns', () => {
    const sd = initStateDict(toyConfig, new Random(1));
    expect(() => new FastGPT(toyConfig, { ...sd, wpe: sd['wpe'].slice(1) })).toThrow(/wpe must have 4 rows/);
    expect(() => new FastGPT(toyConfig, { ...sd, lm_head: sd['lm_head'].map((r) => [...r, 0]) })).toThrow(/lm_head row 0 must have 2 columns/);
    const { wte: _, ...noWte } = sd;
    expect(() => new FastGPT(toyConfig, noWte)).toThrow(/wte/);
  });

  it('FastGPT.lossAndGrad rejects a document of fewer than two tokens', () => {
    expect(() => new FastGPT(toyConfig, toyStateDict).lossAndGrad([0])).toThrow(RangeError);
  });
});

describe('FastTrainer equals ValueTrainer', () => {
  it('FastTrainer and ValueTrainer return the same losses and weights after 5 Adam steps (default config)', () => {
    const sd = initStateDict(defaultConfig, new Random(42));
    const docs = trainingOrder(names, new Random(42)).slice(0, 5).map((d) => tok.encodeDocument(d));
    const fast = new FastTrainer({ config: defaultConfig, stateDict: sd, numSteps: 10 });
    const slow = new ValueTrainer({ config: defaultConfig, stateDict: sd, numSteps: 10 });
    for (const doc of docs) expect(close(fast.step(doc), slow.step(doc))).toBe(true);
    expect(fast.stepsTaken).toBe(5);
    expect(slow.stepsTaken).toBe(5);
    const a = fast.stateDict();
    const b = slow.stateDict();
    let moved = 0;
    for (const name of Object.keys(b)) {
      b[name].forEach((row, r) => row.forEach((x, c) => {
        expect(close(a[name][r][c], x), `${name}[${r}][${c}]`).toBe(true);
        if (x !== sd[name][r][c]) moved++;
      }));
    }
    expect(moved).toBeGreaterThan(1000); // training really changed the weights
  });

  it('FastTrainer and ValueTrainer agree on the 2-layer config with a custom Adam setting', () => {
    const sd = initStateDict(deepConfig, new Random(9), 0.3);
    const options = { config: deepConfig, stateDict: sd, numSteps: 5, adam: { lr: 0.05 } };
    const fast = createTrainer('fast', options);
    const slow = createTrainer('value', options);
    expect(fast.engine).toBe('fast');
    expect(slow.engine).toBe('value');
    for (let s = 0; s < 5; s++) {
      fast.step(deepDocs[s % 3]);
      slow.step(deepDocs[s % 3]);
    }
    const a = fast.stateDict();
    const b = slow.stateDict();
    for (const name of Object.keys(b)) b[name].forEach((row, r) => row.forEach((x, c) => expect(close(a[name][r][c], x)).toBe(true)));
  });

  it('FastTrainer does not modify the state dict it was given', () => {
    const sd = initStateDict(toyConfig, new Random(2));
    const before = JSON.stringify(sd);
    const t = new FastTrainer({ config: toyConfig, stateDict: sd, numSteps: 3 });
    t.step([0, 1, 2, 0]);
    expect(JSON.stringify(sd)).toBe(before);
  });

  it('trainingOrder copies the documents, shuffled like random.shuffle when an rng is given', () => {
    const docs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    expect(trainingOrder(docs, null)).toEqual(docs);
    expect(trainingOrder(docs, null)).not.toBe(docs);
    // CPython: random.seed(42); [random.random() for _ in range(3)]; 3 gauss; then shuffle → [3, 5, 2, 4, 9, 8, 7, 0, 6, 1]
    const rng = new Random(42);
    for (let i = 0; i < 3; i++) rng.random();
    for (let i = 0; i < 3; i++) rng.gauss();
    expect(trainingOrder(docs, rng)).toEqual([3, 5, 2, 4, 9, 8, 7, 0, 6, 1].map((i) => docs[i]));
    expect(docs[0]).toBe('a');
  });
});
