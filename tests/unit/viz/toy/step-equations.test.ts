// The written arithmetic against the running example worked by hand from the plan's numbers:
// wte[b] = (−0.30, 0.40), wpe[2] = (−0.10, 0.10), the given keys and values of positions 0, 1.

import { describe, expect, it } from 'vitest';
import { embeddingLines, normLines, stepLines, vec } from '../../../../src/viz/toy/step-equations.ts';
import { runningExample, toyStep } from '../../../../src/viz/toy/walkthrough.ts';
import { fixed } from '../../../../src/viz/shared/format.ts';

const s = toyStep(runningExample);
const minus = (text: string) => text.replaceAll('-', '\u2212');

// by hand: x = (−0.4, 0.5); ms = (0.16 + 0.25)/2 = 0.205; scale = 1/√0.20501
const scale = 1 / Math.sqrt(0.20501);
const xhat = [-0.4 * scale, 0.5 * scale];
// norm1 normalises again: ms ≈ 1, so x̂ barely moves
const ms1 = (xhat[0] ** 2 + xhat[1] ** 2) / 2;
const n1 = xhat.map((x) => x / Math.sqrt(ms1 + 1e-5));
const q = [0.5 * n1[0] + 0.2 * n1[1], 0.1 * n1[0] + 0.4 * n1[1]];
const k2 = [0.3 * n1[0] - 0.1 * n1[1], 0.2 * n1[0] + 0.5 * n1[1]];
const v2 = [0.4 * n1[0] + 0.1 * n1[1], -0.2 * n1[0] + 0.6 * n1[1]];
const keys = [[0.3, 0.1], [-0.1, 0.4], k2];
const values = [[0.2, -0.3], [0.5, 0.2], v2];
const scores = keys.map((k) => (q[0] * k[0] + q[1] * k[1]) / Math.SQRT2);
const exps = scores.map(Math.exp);
const total = exps.reduce((a, b) => a + b, 0);
const weights = exps.map((e) => e / total);
const out = [0, 1].map((j) => weights.reduce((acc, w, t) => acc + w * values[t][j], 0));
const a = [0.6 * out[0] + 0.2 * out[1], 0.1 * out[0] + 0.7 * out[1]];

describe('embeddingLines and normLines', () => {
  it('write the running example\'s sum of rows', () => {
    expect(embeddingLines(s)).toEqual([
      minus('wte[b] = (-0.30, 0.40)'),
      minus('wpe[2] = (-0.10, 0.10)'),
      minus('x = wte[b] + wpe[2] = (-0.30 + (-0.10), 0.40 + 0.10) = (-0.40, 0.50)'),
    ]);
  });
  it('write RMSNorm\'s mean square, scale and output', () => {
    const lines = normLines(s.norms.emb);
    expect(lines[0]).toBe(minus('ms = (x[0]² + x[1]²)/2 = ((-0.4000)² + 0.5000²)/2 = (0.1600 + 0.2500)/2 = 0.20500'));
    expect(lines[1]).toBe(`scale = 1/√(ms + 0.00001) = 1/√0.20501 = ${fixed(scale, 5)}`);
    expect(lines[2]).toContain(`= (${fixed(xhat[0], 5)}, ${fixed(xhat[1], 5)})`);
  });
  it('name the vector they normalise', () => {
    expect(normLines(s.norms.attn, 5, 'x̂', 'x̃')[2]).toMatch(/^x̃ = rmsnorm\(x̂\) = scale·x̂ = /);
  });
});

describe('stepLines', () => {
  it('qkv: one line per output of each product, from x̃ = rmsnorm(x̂)', () => {
    const lines = stepLines('qkv', s);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`x̃ = rmsnorm(x̂) = ${vec(n1)}`);
    expect(lines[1]).toBe(`q[0] = 0.50·${'(' + fixed(n1[0], 3) + ')'} + 0.20·${fixed(n1[1], 3)} = ${fixed(q[0], 3)}`);
    expect(lines[6]).toBe(`v[1] = (${fixed(-0.2, 2)})·(${fixed(n1[0], 3)}) + 0.60·${fixed(n1[1], 3)} = ${fixed(v2[1], 3)}`);
  });
  it('append: the new row and the cache size', () => {
    expect(stepLines('append', s)).toEqual([`k₂ = ${vec(k2)} and v₂ = ${vec(v2)} go in as row 2`, 'the cache held 2 rows: now it holds 3']);
  });
  it('score: one scaled dot product per cached key', () => {
    const lines = stepLines('score', s);
    expect(lines).toHaveLength(3);
    lines.forEach((line, t) => expect(line.endsWith(`/1.414 = ${fixed(scores[t], 3)}`), line).toBe(true));
    expect(lines[0]).toBe(minus(`s₀ = q·k₀/√2 = ((${fixed(q[0], 3)})·0.300 + ${fixed(q[1], 3)}·0.100)/1.414 = ${fixed(scores[0], 3)}`));
  });
  it('softmax: the exponentials, their sum and the weights', () => {
    const lines = stepLines('softmax', s);
    expect(lines[3]).toBe(`Σ = ${exps.map((e) => fixed(e, 3)).join(' + ')} = ${fixed(total, 3)}`);
    expect(lines.slice(4)).toEqual(weights.map((w, t) => `w${'₀₁₂'[t]} = ${fixed(exps[t], 3)}/${fixed(total, 3)} = ${fixed(w, 3)}`));
  });
  it('mix, project and residual: the weighted sum, W_o and the add', () => {
    expect(stepLines('mix', s)[0]).toMatch(new RegExp(`= ${fixed(out[0], 3)}$`));
    expect(stepLines('mix', s)[1]).toMatch(new RegExp(`= ${fixed(out[1], 3)}$`));
    expect(stepLines('project', s)).toEqual([
      `a[0] = 0.60·${fixed(out[0], 3)} + 0.20·${fixed(out[1], 3)} = ${fixed(a[0], 3)}`,
      `a[1] = 0.10·${fixed(out[0], 3)} + 0.70·${fixed(out[1], 3)} = ${fixed(a[1], 3)}`,
    ]);
    expect(stepLines('residual', s)[0]).toBe(`x′[0] = x̂[0] + a[0] = ${fixed(xhat[0], 3)} + ${fixed(a[0], 3)} = ${fixed(xhat[0] + a[0], 3)}`);
  });
  it('at position 0 the cache starts empty and holds one row', () => {
    expect(stepLines('append', toyStep({ token: 1, pos: 0, cache: 'pinned' }))[1]).toBe('the cache held nothing: now it holds 1 row');
    expect(stepLines('score', toyStep({ token: 1, pos: 0, cache: 'pinned' }))).toHaveLength(1);
  });
});
