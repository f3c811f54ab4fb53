// Each attention step's arithmetic written out with the numbers of one pick, as text lines
// for the widgets (which never load KaTeX). Components are written as in the code, q[0] and
// q[1]; a subscript is a position: s₂ is the score of the key at position 2.

import { toyStateDict } from '../../engine/toy.ts';
import { fixed, subscript } from '../shared/format.ts';
import type { AttentionStepId } from './step-sequence.ts';
import { toyLabel, type NormWorking, type ToyStep } from './walkthrough.ts';

/** Decimals of activations in the written arithmetic: three, so the scores' differences show. */
export const stepDecimals = 3;

const n = (x: number, d = stepDecimals) => fixed(x, d);
/** A factor in a product: negative numbers in brackets, so "·(−0.3)" reads as one number. */
const factor = (x: number, d = stepDecimals) => (x < 0 && fixed(x, d) !== fixed(0, d) ? `(${n(x, d)})` : n(x, d));
/** A vector: (a, b). */
export const vec = (xs: readonly number[], d = stepDecimals) => `(${xs.map((x) => n(x, d)).join(', ')})`;
const w2 = (x: number) => factor(x, 2); // the plan's weights have two decimals

/** Σ w[i]·x[i] written out: "0.50·(−0.883) + 0.20·1.104". */
const products = (ws: readonly number[], xs: readonly number[], dw = 2) => ws.map((w, i) => `${factor(w, dw)}·${factor(xs[i])}`).join(' + ');

/** One line per output of a matrix–vector product: "q[0] = 0.50·(−0.883) + 0.20·1.104 = −0.221". */
function matVecLines(name: string, w: readonly (readonly number[])[], x: readonly number[], out: readonly number[]): string[] {
  return w.map((row, i) => `${name}[${i}] = ${products(row, x)} = ${n(out[i])}`);
}

/** A cached row's name: "BOS at 0". */
export const rowName = (s: ToyStep, t: number) => `${toyLabel(s.cache[t].token)} at ${t}`;

/** The embedding sum, from the two table rows. */
export function embeddingLines(s: ToyStep): string[] {
  const { tokEmb, posEmb, embSum } = s.trace;
  const tok = toyLabel(s.pick.token);
  return [
    `wte[${tok}] = ${vec(tokEmb, 2)}`,
    `wpe[${s.pick.pos}] = ${vec(posEmb, 2)}`,
    `x = wte[${tok}] + wpe[${s.pick.pos}] = (${n(tokEmb[0], 2)} + ${factor(posEmb[0], 2)}, ${n(tokEmb[1], 2)} + ${factor(posEmb[1], 2)}) = ${vec(embSum, 2)}`,
  ];
}

/** RMSNorm of the vector called `x` worked out: mean square, scale, output (called `out`); `d` decimals for the inputs. */
export function normLines(w: NormWorking, d = 4, x = 'x', out = 'x̂'): string[] {
  const [a, b] = w.input;
  const squares = w.input.map((v) => v * v);
  return [
    `ms = (${x}[0]² + ${x}[1]²)/2 = (${factor(a, d)}² + ${factor(b, d)}²)/2 = (${n(squares[0], d)} + ${n(squares[1], d)})/2 = ${n(w.meanSquare, d + 1)}`,
    `scale = 1/√(ms + 0.00001) = 1/√${n(w.meanSquare + 1e-5, d + 1)} = ${n(w.scale, d + 1)}`,
    `${out} = rmsnorm(${x}) = scale·${x} = (${n(w.scale, d + 1)}·${factor(a, d)}, ${n(w.scale, d + 1)}·${factor(b, d)}) = ${vec(w.output, d + 1)}`,
  ];
}

const exps = (s: ToyStep) => s.trace.layers[0].heads[0].scores.map(Math.exp);

/** The lines of one attention step for this pick. */
export function stepLines(id: AttentionStepId, s: ToyStep): string[] {
  const l = s.trace.layers[0];
  const h = l.heads[0];
  const sd = toyStateDict;
  const t = s.pick.pos;
  switch (id) {
    case 'qkv':
      return [
        `x̃ = rmsnorm(x̂) = ${vec(l.norm1)}`,
        ...matVecLines('q', sd['layer0.attn_wq'], l.norm1, l.q),
        ...matVecLines('k', sd['layer0.attn_wk'], l.norm1, l.k),
        ...matVecLines('v', sd['layer0.attn_wv'], l.norm1, l.v),
      ];
    case 'append':
      return [
        `k${subscript(t)} = ${vec(l.k)} and v${subscript(t)} = ${vec(l.v)} go in as row ${t}`,
        t === 0 ? 'the cache held nothing: now it holds 1 row' : `the cache held ${t} row${t > 1 ? 's' : ''}: now it holds ${t + 1}`,
      ];
    case 'score':
      return s.cache.map((row, i) => `s${subscript(i)} = q·k${subscript(i)}/√2 = (${products(l.q, row.key, stepDecimals)})/1.414 = ${n(h.scores[i])}`);
    case 'softmax': {
      const e = exps(s);
      const total = e.reduce((a, b) => a + b, 0);
      return [
        ...e.map((x, i) => `exp(s${subscript(i)}) = exp(${n(h.scores[i])}) = ${n(x)}`),
        `Σ = ${e.map((x) => n(x)).join(' + ')} = ${n(total)}`,
        ...h.weights.map((w, i) => `w${subscript(i)} = ${n(e[i])}/${n(total)} = ${n(w)}`),
      ];
    }
    case 'mix':
      return [0, 1].map((j) => `out[${j}] = ${h.weights.map((w, i) => `${n(w)}·${factor(s.cache[i].value[j])}`).join(' + ')} = ${n(h.out[j])}`);
    case 'project':
      return matVecLines('a', sd['layer0.attn_wo'], h.out, l.attnOut);
    case 'residual':
      return [0, 1].map((j) => `x′[${j}] = x̂[${j}] + a[${j}] = ${n(l.input[j])} + ${factor(l.attnOut[j])} = ${n(l.afterAttn[j])}`);
  }
}
