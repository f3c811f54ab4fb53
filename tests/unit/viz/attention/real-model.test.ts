// The real-model views of chapter 5: a typed name checked and cut as training cuts it, the
// causal heatmap's cells, the cache view's rows and colours.

import { describe, expect, it } from 'vitest';
import { Tokenizer } from '../../../../src/engine/tokenizer.ts';
import { causalHeatmap, weightShade } from '../../../../src/viz/attention/causal-heatmap.ts';
import { kvSaving, kvStep, kvStepSaid, largestSize, signedShade } from '../../../../src/viz/attention/kv-walk.ts';
import { checkName, type NameTrace } from '../../../../src/viz/attention/name-trace.ts';
import { microgptConfig } from '../../../../src/engine/config.ts';

const tokenizer = new Tokenizer([...'abcdefghijklmnopqrstuvwxyz']);

describe('checkName', () => {
  it('reads a name of the vocabulary as it is', () => {
    expect(checkName(tokenizer, 16, 'olivia')).toEqual({ ok: true, name: 'olivia', note: '' });
  });

  it('reads the empty name too: BOS alone', () => {
    expect(checkName(tokenizer, 16, '')).toEqual({ ok: true, name: '', note: '' });
  });

  it('keeps a name of block_size − 1 letters whole', () => {
    expect(checkName(tokenizer, 16, 'abcdefghijklmno')).toMatchObject({ ok: true, name: 'abcdefghijklmno', note: '' });
  });

  it('cuts a longer name to BOS and the first block_size − 1 letters, and says why', () => {
    const c = checkName(tokenizer, 16, 'abcdefghijklmnopqr');
    expect(c).toMatchObject({ ok: true, name: 'abcdefghijklmno' });
    expect(c.ok && c.note).toBe(
      '“abcdefghijklmnopqr” has 18 letters, but microgpt reads at most 16 positions (block_size): BOS and the first 15 letters, “abcdefghijklmno”. Training cuts long names the same way, so that is what is shown.',
    );
  });

  it('refuses characters outside the vocabulary, naming them, with a lowercase hint', () => {
    const c = checkName(tokenizer, 16, 'Anna-Lena');
    expect(c.ok).toBe(false);
    expect(!c.ok && c.problem.message).toBe(
      '“A”, “-” and “L” are not in the vocabulary, so encode would refuse this text. The vocabulary has only a–z (and BOS). Try lowercase: “a” for “A”, “l” for “L”.',
    );
  });
});

describe('causalHeatmap', () => {
  const weights = [[1], [0.25, 0.75], [0.5, 0.125, 0.375]];
  const map = causalHeatmap(2, weights, ['BOS', 'a', 'b']);

  it('has one row per query position and cells only up to the diagonal', () => {
    expect(map.size).toBe(3);
    expect(map.cells.map((r) => r.length)).toEqual([1, 2, 3]);
    expect(map.cells[2].map((c) => [c.row, c.col])).toEqual([[2, 0], [2, 1], [2, 2]]);
  });

  it('shades each cell by its weight and describes it in words', () => {
    expect(map.cells[1].map((c) => c.shade)).toEqual([25, 75]);
    expect(map.cells[2][1]).toMatchObject({ weight: 0.125, text: '0.13', said: 'head 3: position 2 b looks at position 1 a with weight 0.125' });
  });

  it('ignores weights beyond the diagonal and clamps shades to 0–100', () => {
    expect(causalHeatmap(0, [[1, 9]], ['BOS']).cells[0]).toHaveLength(1);
    expect([weightShade(-0.1), weightShade(1.2), weightShade(0.555)]).toEqual([0, 100, 56]);
  });
});

describe('the KV cache view', () => {
  const config = microgptConfig(27);
  const pos = (label: string, x: number) => ({ token: 0, label, q: [x], k: [x + 1], v: [-x], weights: [] });
  const trace: NameTrace = { name: 'ab', positions: [pos('BOS', 0), pos('a', 1), pos('b', 2)] };

  it('shows at position t the keys and values of 0..t, only the last one new', () => {
    const s = kvStep(config, trace, 1);
    expect(s.rows.map((r) => [r.pos, r.label, r.k, r.v, r.fresh])).toEqual([[0, 'BOS', [1], [-0], false], [1, 'a', [2], [-1], true]]);
    expect(s.q).toEqual([1]);
    expect(s.label).toBe('a');
  });

  it('clamps the position to the name', () => {
    expect(kvStep(config, trace, 9).at).toBe(2);
    expect(kvStep(config, trace, -1).at).toBe(0);
  });

  it('carries the costs of this step and of the whole name', () => {
    const s = kvStep(config, trace, 2);
    expect(s.costs).toHaveLength(3);
    expect(s.cost).toBe(s.costs[2]);
    expect(s.cost.uncached).toBe(s.costs[0].cached + s.costs[1].cached + s.costs[2].cached);
  });

  it('says what was computed and what was reused', () => {
    expect(kvStepSaid(kvStep(config, trace, 0))).toBe(
      `Position 0, BOS: one new query, key and value; the cache was empty. 3,647 multiplications with the cache, 3,647 without.`,
    );
    expect(kvStepSaid(kvStep(config, trace, 1))).toMatch(/^Position 1, a: one new query, key and value; 1 key and 1 value reused from the cache\. 3,691 multiplications with the cache, 7,338 without\.$/);
  });

  it('says nothing is saved at the first position, and the ratio of the totals after it', () => {
    expect(kvSaving(kvStep(config, trace, 0))).toBe('At the first position nothing is saved yet: with or without the cache, it is one call of gpt().');
    // (3,647 + 7,338) / (3,647 + 3,691) = 10,985 / 7,338 ≈ 1.497
    expect(kvSaving(kvStep(config, trace, 1))).toBe('Without the cache: 1.50 × the work so far, because each step runs gpt() again at positions 0 to 1 to get their keys and values back.');
  });

  it('colours a number by its sign and its size against the largest on show', () => {
    expect(largestSize([[0.5, -2], [1]])).toBe(2);
    expect(largestSize([])).toBe(0);
    expect(signedShade(-1, 2)).toEqual({ tone: 'negative', pct: 50 });
    expect(signedShade(2, 2)).toEqual({ tone: 'positive', pct: 100 });
    expect(signedShade(3, 0)).toEqual({ tone: 'positive', pct: 0 });
  });
});
