// The toy's forward pass by hand, with plain numbers (no Values, no engine helpers): the
// oracle gpt() and its trace are checked against. One layer, one head of width 2.
// A nudge adds a small amount to one entry of one intermediate, for finite differences.

import { toyStateDict } from '../../../src/engine/toy.ts';

export type Vec = number[];
export const matvec = (w: number[][], x: Vec): Vec => w.map((row) => row.reduce((s, wi, i) => s + wi * x[i], 0));
const addv = (a: Vec, b: Vec): Vec => a.map((ai, i) => ai + b[i]);
const dot = (a: Vec, b: Vec) => a.reduce((s, ai, i) => s + ai * b[i], 0);

export function rmsnorm(x: Vec): Vec {
  const ms = x.reduce((s, xi) => s + xi * xi, 0) / x.length;
  const scale = 1 / Math.sqrt(ms + 1e-5);
  return x.map((xi) => xi * scale);
}

export function softmax(x: Vec): Vec {
  const m = Math.max(...x);
  const e = x.map((xi) => Math.exp(xi - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((ei) => ei / s);
}

/** Every intermediate of one step, named as the engine's trace names them. */
export type RefStep = {
  tokEmb: Vec; posEmb: Vec; embSum: Vec; embNorm: Vec; norm1: Vec; q: Vec; k: Vec; v: Vec; scores: Vec; weights: Vec; head: Vec;
  attnOut: Vec; afterAttn: Vec; norm2: Vec; hidden: Vec; relu: Vec; mlpOut: Vec; output: Vec; logits: Vec; probs: Vec;
};

/** Add `by` to entry `index` of the intermediate called `point` as soon as it is computed. */
export type Nudge = { point: keyof RefStep; index: number; by: number };

/** One step of the toy, appending k and v to the plain caches. */
export function refStep(token: number, pos: number, keys: Vec[], values: Vec[], nudge?: Nudge): RefStep {
  const at = (point: keyof RefStep, x: Vec): Vec => {
    if (nudge?.point !== point) return x;
    const y = x.slice();
    y[nudge.index] += nudge.by;
    return y;
  };
  const sd = toyStateDict;
  const tokEmb = at('tokEmb', sd['wte'][token]);
  const posEmb = at('posEmb', sd['wpe'][pos]);
  const embSum = at('embSum', addv(tokEmb, posEmb));
  const embNorm = at('embNorm', rmsnorm(embSum));
  const norm1 = at('norm1', rmsnorm(embNorm));
  const q = at('q', matvec(sd['layer0.attn_wq'], norm1));
  const k = at('k', matvec(sd['layer0.attn_wk'], norm1));
  const v = at('v', matvec(sd['layer0.attn_wv'], norm1));
  keys.push(k);
  values.push(v);
  const scores = at('scores', keys.map((kt) => dot(q, kt) / Math.sqrt(2)));
  const weights = at('weights', softmax(scores));
  const head = at('head', [0, 1].map((j) => weights.reduce((s, w, t) => s + w * values[t][j], 0)));
  const attnOut = at('attnOut', matvec(sd['layer0.attn_wo'], head));
  const afterAttn = at('afterAttn', addv(attnOut, embNorm));
  const norm2 = at('norm2', rmsnorm(afterAttn));
  const hidden = at('hidden', matvec(sd['layer0.mlp_fc1'], norm2));
  const relu = at('relu', hidden.map((h) => Math.max(0, h)));
  const mlpOut = at('mlpOut', matvec(sd['layer0.mlp_fc2'], relu));
  const output = at('output', addv(mlpOut, afterAttn));
  const logits = at('logits', matvec(sd['lm_head'], output));
  return {
    tokEmb, posEmb, embSum, embNorm, norm1, q, k, v, scores, weights, head, attnOut, afterAttn, norm2, hidden, relu, mlpOut, output, logits,
    probs: softmax(logits),
  };
}
