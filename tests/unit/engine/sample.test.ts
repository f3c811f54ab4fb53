// Sampling: the next-token distribution (temperature, top-k, top-p) and whole-document
// generation, on hand-made logits and on a model whose weights script its output.

import { describe, expect, it } from 'vitest';
import { microgptConfig } from '../../../src/engine/config.ts';
import type { GPTConfig } from '../../../src/engine/config.ts';
import { FastGPT } from '../../../src/engine/fast.ts';
import type { StateDict } from '../../../src/engine/params.ts';
import { initStateDict, matrixShapes } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';
import type { SamplingOptions } from '../../../src/engine/sample.ts';
import { argmax, generate, sampleToken, samplingDistribution, samplingProblem } from '../../../src/engine/sample.ts';
import { Tokenizer, UnknownCharacterError } from '../../../src/engine/tokenizer.ts';

const arr = (p: Float64Array) => Array.from(p);
const total = (p: ArrayLike<number>) => Array.from(p).reduce((a, b) => a + b, 0);
function expectNear(actual: ArrayLike<number>, expected: number[], tol = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `[${i}] ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
}
/** softmax(logits / T) with plain numbers. */
function softmaxT(logits: number[], T: number): number[] {
  const z = logits.map((l) => l / T);
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

// probabilities 0.15, 0.5, 0.05, 0.3 by id; ranked: id 1 (0.5), id 3 (0.3), id 0 (0.15), id 2 (0.05)
const probs4 = [0.15, 0.5, 0.05, 0.3];
const logits4 = probs4.map(Math.log);

describe('argmax', () => {
  it('argmax returns the index of the largest entry, the first on ties', () => {
    expect(argmax([0.1, 3, -2, 2.9])).toBe(1);
    expect(argmax([1, 5, 5, 0])).toBe(1);
    expect(argmax([-1])).toBe(0);
  });
});

describe('samplingDistribution', () => {
  it('samplingDistribution at temperature 1 is softmax(logits)', () => {
    expectNear(samplingDistribution(logits4, { temperature: 1 }), probs4);
  });

  for (const T of [0.5, 2, 3.7]) {
    it(`samplingDistribution at temperature ${T} is softmax(logits / ${T})`, () => {
      const logits = [1.2, -0.4, 3.1, 0, 2.2];
      expectNear(samplingDistribution(logits, { temperature: T }), softmaxT(logits, T));
    });
  }

  it('samplingDistribution at temperature 0 puts all the mass on the argmax', () => {
    expect(arr(samplingDistribution([0.3, 2.5, -1, 2.4], { temperature: 0 }))).toEqual([0, 1, 0, 0]);
  });

  it('samplingDistribution with topK 1 puts all the mass on the argmax', () => {
    expect(arr(samplingDistribution([0.3, 2.5, -1, 2.4], { temperature: 1.3, topK: 1 }))).toEqual([0, 1, 0, 0]);
  });

  it('samplingDistribution with topK 2 keeps the two most likely tokens, renormalised', () => {
    expectNear(samplingDistribution(logits4, { temperature: 1, topK: 2 }), [0, 0.5 / 0.8, 0, 0.3 / 0.8]);
  });

  it('samplingDistribution with topK larger than the vocabulary keeps everything', () => {
    expectNear(samplingDistribution(logits4, { temperature: 1, topK: 99 }), probs4);
  });

  const topPCases: [number, number[]][] = [
    [0.3, [0, 1, 0, 0]], // 0.5 already reaches p
    [0.6, [0, 0.5 / 0.8, 0, 0.3 / 0.8]], // 0.5 < 0.6 ≤ 0.8
    [0.8 + 1e-9, [0.15 / 0.95, 0.5 / 0.95, 0, 0.3 / 0.95]], // just past 0.8 needs the third
    [0.97, probs4], // 0.95 < 0.97: all four
    [1, probs4],
  ];
  for (const [p, expected] of topPCases) {
    it(`samplingDistribution with topP ${p} keeps the smallest most-likely set whose mass reaches p`, () => {
      expectNear(samplingDistribution(logits4, { temperature: 1, topP: p }), expected);
    });
  }

  it('samplingDistribution with topK and topP applies both: topP inside the top k', () => {
    expectNear(samplingDistribution(logits4, { temperature: 1, topK: 2, topP: 0.99 }), [0, 0.5 / 0.8, 0, 0.3 / 0.8]);
    expectNear(samplingDistribution(logits4, { temperature: 1, topK: 3, topP: 0.3 }), [0, 1, 0, 0]);
  });

  it('samplingDistribution with topK breaks ties towards the lower id', () => {
    expect(arr(samplingDistribution([1, 2, 2, 0], { temperature: 1, topK: 1 }))).toEqual([0, 1, 0, 0]);
  });

  it('samplingDistribution always sums to 1', () => {
    const rng = new Random(1);
    const options: SamplingOptions[] = [
      { temperature: 1 }, { temperature: 0 }, { temperature: 0.2 }, { temperature: 5, topK: 3 },
      { temperature: 1, topP: 0.5 }, { temperature: 0.7, topK: 10, topP: 0.9 },
    ];
    for (let trial = 0; trial < 20; trial++) {
      const logits = Array.from({ length: 27 }, () => rng.gauss(0, 3));
      for (const o of options) expect(Math.abs(total(samplingDistribution(logits, o)) - 1)).toBeLessThan(1e-12);
    }
  });

  it('samplingDistribution does not overflow on huge logits', () => {
    const p = samplingDistribution([1000, 999, -1000], { temperature: 1 });
    expectNear(p, [1 / (1 + Math.exp(-1)), Math.exp(-1) / (1 + Math.exp(-1)), 0]);
  });

  it('samplingDistribution approaches uniform as the temperature grows', () => {
    const logits = [4, -3, 0.5, 2, 1];
    const p = samplingDistribution(logits, { temperature: 1e6 });
    for (const x of p) expect(Math.abs(x - 0.2)).toBeLessThan(1e-5);
    // and is sharper at lower temperatures: the top token's share falls monotonically
    const top = [0.5, 1, 2, 10, 100].map((T) => samplingDistribution(logits, { temperature: T })[0]);
    for (let i = 1; i < top.length; i++) expect(top[i]).toBeLessThan(top[i - 1]);
  });

  it('samplingDistribution at a tiny positive temperature is the argmax one-hot, not NaN', () => {
    // Engine bug: samplingProblem accepts any temperature > 0, but logits·(1/T) overflows to
    // Infinity for T ≈ 1e-308 and exp(Infinity − Infinity) fills the distribution with NaN.
    for (const T of [1e-200, 1e-308]) expectNear(samplingDistribution([1, 2, 0], { temperature: T }), [0, 1, 0], 0);
  });

  it('samplingDistribution throws a RangeError for bad options', () => {
    expect(() => samplingDistribution(logits4, { temperature: -1 })).toThrow(RangeError);
    expect(() => samplingDistribution(logits4, { temperature: 1, topP: 0 })).toThrow(/top-p must be in \(0, 1\]/);
  });
});

describe('samplingProblem', () => {
  const cases: [SamplingOptions, string | null][] = [
    [{ temperature: 1 }, null],
    [{ temperature: 0 }, null],
    [{ temperature: 0.5, topK: 1, topP: 1 }, null],
    [{ temperature: -0.1 }, 'temperature must be a number ≥ 0, got -0.1'],
    [{ temperature: NaN }, 'temperature must be a number ≥ 0, got NaN'],
    [{ temperature: Infinity }, 'temperature must be a number ≥ 0, got Infinity'],
    [{ temperature: 1, topK: 0 }, 'top-k must be an integer ≥ 1, got 0'],
    [{ temperature: 1, topK: 2.5 }, 'top-k must be an integer ≥ 1, got 2.5'],
    [{ temperature: 1, topP: 0 }, 'top-p must be in (0, 1], got 0'],
    [{ temperature: 1, topP: 1.2 }, 'top-p must be in (0, 1], got 1.2'],
    [{ temperature: 1, topP: NaN }, 'top-p must be in (0, 1], got NaN'],
  ];
  for (const [o, message] of cases) {
    const label = Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ');
    it(`samplingProblem({ ${label} }) is ${message === null ? 'null' : JSON.stringify(message)}`, () => {
      expect(samplingProblem(o)).toBe(message);
    });
  }
});

describe('sampleToken', () => {
  it('sampleToken at temperature 0 returns the argmax and draws no random number', () => {
    const rng = new Random(5);
    for (let i = 0; i < 10; i++) expect(sampleToken([0.3, 2.5, -1, 2.4], { temperature: 0 }, rng)).toBe(1);
    expect(rng.random()).toBe(new Random(5).random());
  });

  it('sampleToken with topK 1 returns the argmax every time', () => {
    const rng = new Random(6);
    for (let i = 0; i < 50; i++) expect(sampleToken([0.3, 2.5, -1, 2.4], { temperature: 2, topK: 1 }, rng)).toBe(1);
  });

  it('sampleToken never returns a token outside the top-p set', () => {
    const rng = new Random(7);
    for (let i = 0; i < 500; i++) expect([1, 3]).toContain(sampleToken(logits4, { temperature: 1, topP: 0.6 }, rng));
  });

  it('sampleToken draws tokens with the softmax probabilities', () => {
    const rng = new Random(8);
    const counts = [0, 0, 0, 0];
    const n = 40_000;
    for (let i = 0; i < n; i++) counts[sampleToken(logits4, { temperature: 1 }, rng)]++;
    counts.forEach((c, i) => expect(Math.abs(c / n - probs4[i])).toBeLessThan(0.01));
  });

  it('sampleToken with the same seed repeats', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 30 }, () => sampleToken(logits4, { temperature: 0.9, topK: 3 }, rng));
    };
    expect(draw(11)).toEqual(draw(11));
    expect(draw(11)).not.toEqual(draw(12));
  });
});

describe('generate', () => {
  const tok = Tokenizer.fromDocuments(['abcdefghijklmnopqrstuvwxyz']);
  const config: GPTConfig = microgptConfig(tok.vocabSize); // nEmbd 16 = blockSize 16
  const BOS = tok.bos;

  /**
   * A model whose output at position p is script[p], whatever came before: every layer
   * matrix and wte are zero, wpe[p] is the unit vector e_p, so the final residual stream is
   * rmsnorm(e_p) ≈ 4·e_p, and lm_head[script[p]][p] = 1 gives that token logit ≈ 4, all others 0.
   */
  function scriptedModel(script: number[]): FastGPT {
    const sd: StateDict = {};
    for (const { name, rows, cols } of matrixShapes(config)) sd[name] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
    for (let p = 0; p < config.blockSize; p++) {
      sd['wpe'][p][p] = 1;
      sd['lm_head'][script[p]][p] = 1;
    }
    return new FastGPT(config, sd);
  }
  const ids = (s: string) => tok.encode(s);
  const emmaScript = [...ids('emma'), BOS, ...ids('zzzzzzzzzzz')];

  it('generate at temperature 0 follows the argmax and stops when the model emits BOS', () => {
    const g = generate(scriptedModel(emmaScript), tok, new Random(0), { temperature: 0 });
    expect(g.text).toBe('emma');
    expect(g.tokens).toEqual(ids('emma'));
  });

  it('generate with topK 1 at temperature 1 is greedy too', () => {
    expect(generate(scriptedModel(emmaScript), tok, new Random(0), { temperature: 1, topK: 1 }).text).toBe('emma');
  });

  it('generate stops after blockSize tokens when the model never emits BOS', () => {
    const g = generate(scriptedModel(ids('abcdefghijklmnop')), tok, new Random(0), { temperature: 0 });
    expect(g.text).toBe('abcdefghijklmnop');
    expect(g.tokens).toHaveLength(config.blockSize);
  });

  it('generate returns "" when the first token is BOS', () => {
    const g = generate(scriptedModel([BOS, ...ids('aaaaaaaaaaaaaaa')]), tok, new Random(0), { temperature: 0 });
    expect(g.text).toBe('');
    expect(g.tokens).toEqual([]);
  });

  it('generate feeds the prefix first and samples only after it, keeping it in the text', () => {
    // positions 0 and 1 read BOS and "z"; sampling starts at position 2 with script[2] = "m"
    const g = generate(scriptedModel(emmaScript), tok, new Random(0), { temperature: 0, prefix: 'zo', record: true });
    expect(g.text).toBe('zoma');
    expect(g.tokens).toEqual(ids('zoma'));
    expect(g.steps.map((s) => [s.pos, s.input, s.token])).toEqual([
      [2, ids('o')[0], ids('m')[0]],
      [3, ids('m')[0], ids('a')[0]],
      [4, ids('a')[0], BOS],
    ]);
    for (const s of g.steps) expect(s.probs[s.token]).toBe(1); // greedy: one-hot
  });

  it('generate with a prefix of blockSize − 1 characters samples one more token at most', () => {
    const g = generate(scriptedModel(ids('abcdefghijklmnop')), tok, new Random(0), { temperature: 0, prefix: 'x'.repeat(15) });
    expect(g.text).toBe('x'.repeat(15) + 'p');
  });

  it('generate records nothing unless asked', () => {
    expect(generate(scriptedModel(emmaScript), tok, new Random(0), { temperature: 0 }).steps).toEqual([]);
  });

  it('generate rejects a prefix of blockSize characters or more', () => {
    const model = scriptedModel(emmaScript);
    expect(() => generate(model, tok, new Random(0), { temperature: 0, prefix: 'x'.repeat(16) })).toThrow(/shorter than 16/);
    expect(() => generate(model, tok, new Random(0), { temperature: 0, prefix: 'x'.repeat(40) })).toThrow(RangeError);
  });

  it('generate rejects a prefix with unknown characters', () => {
    expect(() => generate(scriptedModel(emmaScript), tok, new Random(0), { temperature: 0, prefix: 'Em' })).toThrow(UnknownCharacterError);
  });

  it('generate rejects bad sampling options', () => {
    expect(() => generate(scriptedModel(emmaScript), tok, new Random(0), { temperature: -1 })).toThrow(RangeError);
  });

  it('generate with the same seed repeats, and its recorded distributions sum to 1', () => {
    const model = new FastGPT(config, initStateDict(config, new Random(1), 0.5));
    const run = (seed: number) => generate(model, tok, new Random(seed), { temperature: 1.2, record: true });
    const a = run(21);
    expect(run(21)).toEqual(a);
    const texts = new Set(Array.from({ length: 10 }, (_, i) => run(100 + i).text));
    expect(texts.size).toBeGreaterThan(1);
    for (const s of a.steps) expect(Math.abs(total(s.probs) - 1)).toBeLessThan(1e-12);
    expect(a.text).toBe(tok.decode(a.tokens));
    expect(a.tokens).not.toContain(BOS);
    expect(a.tokens.length).toBeLessThanOrEqual(config.blockSize);
  });
});
