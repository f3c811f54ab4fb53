// documentLoss: mean −log p(next token) over min(blockSize, len − 1) positions, and its
// gradient w.r.t. parameters checked by central finite differences on the Value path.

import { describe, expect, it } from 'vitest';
import type { GPTConfig } from '../../../src/engine/config.ts';
import { microgptConfig } from '../../../src/engine/config.ts';
import { documentLoss } from '../../../src/engine/loss.ts';
import type { ValueModel } from '../../../src/engine/model.ts';
import { toValueStateDict } from '../../../src/engine/model.ts';
import { initStateDict, matrixShapes } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';
import { Tokenizer } from '../../../src/engine/tokenizer.ts';
import { defaultNames } from '../../../scripts/build/names.ts';

// two layers, two heads, and a document longer than the context
const config: GPTConfig = { vocabSize: 5, nEmbd: 4, nHead: 2, nLayer: 2, blockSize: 4 };
const BOS = 4;
const longDoc = [BOS, 0, 2, 1, 3, 3, 0, BOS]; // 7 predictions possible, only 4 fit
const shortDoc = [BOS, 2, BOS];

/** A random model; std 0.5 so activations and gradients are far from trivial. */
const makeModel = (seed: number): ValueModel => ({ config, params: toValueStateDict(initStateDict(config, new Random(seed), 0.5)) });

/** −log softmax(logits)[target] with plain numbers (log-sum-exp, max subtracted). */
function nll(logits: number[], target: number): number {
  const m = Math.max(...logits);
  const lse = m + Math.log(logits.reduce((s, l) => s + Math.exp(l - m), 0));
  return lse - logits[target];
}

describe('documentLoss', () => {
  it('documentLoss predicts n = min(blockSize, len − 1) positions: input tokens[pos], target tokens[pos + 1]', () => {
    const { positions } = documentLoss(makeModel(1), longDoc);
    expect(positions).toHaveLength(4);
    expect(positions.map((p) => [p.pos, p.token, p.target])).toEqual([[0, BOS, 0], [1, 0, 2], [2, 2, 1], [3, 1, 3]]);
    expect(documentLoss(makeModel(1), shortDoc).positions).toHaveLength(2);
  });

  for (const [label, doc] of [['a document longer than the context', longDoc], ['a short document', shortDoc]] as const) {
    it(`documentLoss on ${label} is the mean of −log p(target) computed from the traced logits`, () => {
      const { loss, positions } = documentLoss(makeModel(2), doc);
      const perPosition = positions.map((p) => nll(p.trace.logits.map((l) => l.data), p.target));
      positions.forEach((p, i) => expect(Math.abs(p.loss.data - perPosition[i])).toBeLessThan(1e-12));
      const mean = perPosition.reduce((a, b) => a + b, 0) / perPosition.length;
      expect(Math.abs(loss.data - mean)).toBeLessThan(1e-12);
    });
  }

  it('documentLoss gives each position probabilities that sum to 1', () => {
    for (const p of documentLoss(makeModel(3), longDoc).positions) {
      expect(Math.abs(p.probs.reduce((s, q) => s + q.data, 0) - 1)).toBeLessThan(1e-14);
    }
  });

  it('documentLoss ignores tokens past the context window', () => {
    const a = documentLoss(makeModel(4), longDoc).loss.data;
    const b = documentLoss(makeModel(4), [...longDoc.slice(0, 5), 2, 2, 2, 2]).loss.data;
    expect(b).toBe(a);
  });

  it('documentLoss rejects a document of fewer than two tokens', () => {
    expect(() => documentLoss(makeModel(1), [BOS])).toThrow(RangeError);
    expect(() => documentLoss(makeModel(1), [])).toThrow(RangeError);
  });

  it('documentLoss.backward gives the gradient of the whole document loss (30 parameters over every matrix vs central finite differences)', () => {
    const model = makeModel(5);
    const { loss } = documentLoss(model, longDoc);
    loss.backward();

    // two entries of every matrix, picked by a seeded rng; wte gets a used row and a random one
    const pick = new Random(17);
    const samples: { name: string; r: number; c: number }[] = [];
    for (const { name, rows, cols } of matrixShapes(config)) {
      for (let s = 0; s < 2; s++) samples.push({ name, r: name === 'wte' && s === 0 ? 2 : pick.below(rows), c: pick.below(cols) });
    }
    expect(samples).toHaveLength(30);

    const h = 1e-6;
    let nonzero = 0;
    for (const { name, r, c } of samples) {
      const p = model.params[name][r][c];
      const x0 = p.data;
      p.data = x0 + h;
      const up = documentLoss(model, longDoc).loss.data;
      p.data = x0 - h;
      const down = documentLoss(model, longDoc).loss.data;
      p.data = x0;
      const fd = (up - down) / (2 * h);
      const tol = 1e-6 * Math.abs(fd) + 1e-8;
      expect(Math.abs(p.grad - fd), `${name}[${r}][${c}]: ${p.grad} vs ${fd}`).toBeLessThanOrEqual(tol);
      if (Math.abs(fd) > 1e-4) nonzero++;
    }
    expect(nonzero).toBeGreaterThan(20); // the check is not passing on zeros
  });

  it('documentLoss of a fresh default model on a name is near −log(1/27) ≈ 3.3', () => {
    const names = defaultNames();
    const tok = Tokenizer.fromDocuments(names);
    const model: ValueModel = { config: microgptConfig(tok.vocabSize), params: toValueStateDict(initStateDict(microgptConfig(tok.vocabSize), new Random(42))) };
    for (const name of ['emma', 'olivia', 'alejandra']) {
      const { loss } = documentLoss(model, tok.encodeDocument(name));
      expect(Math.abs(loss.data - Math.log(27))).toBeLessThan(0.15);
    }
  });
});
