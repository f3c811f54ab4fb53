// The GPT itself, on scalar Values: one token in, logits over the vocabulary out.
// Exactly microgpt's gpt(): no biases, RMSNorm without gain, no final norm.

import type { GPTConfig } from './config.ts';
import { headDim } from './config.ts';
import type { StateDict } from './params.ts';
import { Value, sum } from './value.ts';
import { linear, rmsnorm, softmax } from './nn.ts';

/** Parameters as Values, so gradients can flow into them. Same names and shapes as StateDict. */
export type ValueStateDict = Record<string, Value[][]>;

/** A model on the Value path: its config and its parameters. */
export type ValueModel = { config: GPTConfig; params: ValueStateDict };

/** Keys or values seen so far: [layer][position][nEmbd]. gpt() appends one position per call. */
export type KVCache = Value[][][];

/** One attention head at one position: its raw scores, softmax weights and output. */
export type HeadTrace = { scores: Value[]; weights: Value[]; out: Value[] };

/** Every intermediate of one layer at one position, in the order they are computed. */
export type LayerTrace = {
  input: Value[]; // the residual stream entering the layer
  norm1: Value[]; // rmsnorm(input)
  q: Value[];
  k: Value[];
  v: Value[];
  heads: HeadTrace[];
  attnConcat: Value[]; // head outputs side by side
  attnOut: Value[]; // attn_wo · attnConcat
  afterAttn: Value[]; // input + attnOut
  norm2: Value[]; // rmsnorm(afterAttn)
  mlpHidden: Value[]; // mlp_fc1 · norm2, before ReLU [4·nEmbd]
  mlpRelu: Value[]; // after ReLU
  mlpOut: Value[]; // mlp_fc2 · mlpRelu
  output: Value[]; // afterAttn + mlpOut
};

/** Every intermediate of one forward pass, by name. */
export type ForwardTrace = {
  token: number;
  pos: number;
  tokEmb: Value[];
  posEmb: Value[];
  embSum: Value[];
  embNorm: Value[];
  layers: LayerTrace[];
  logits: Value[];
};

/** Wrap a state dict's numbers as Values (leaves of the graph). */
export function toValueStateDict(sd: StateDict): ValueStateDict {
  const out: ValueStateDict = {};
  for (const [name, m] of Object.entries(sd)) out[name] = m.map((row) => row.map((x) => new Value(x)));
  return out;
}

/** Read the numbers back out of Value parameters. */
export function fromValueStateDict(params: ValueStateDict): StateDict {
  const out: StateDict = {};
  for (const [name, m] of Object.entries(params)) out[name] = m.map((row) => row.map((p) => p.data));
  return out;
}

/** An empty KV cache for a model with nLayer layers. */
export function emptyCache(config: GPTConfig): KVCache {
  return Array.from({ length: config.nLayer }, () => []);
}

const add = (a: readonly Value[], b: readonly Value[]) => a.map((ai, i) => ai.add(b[i]));

// #region gpt
/**
 * One step of the model: the token at position pos, attending to every earlier position
 * through the cache. Appends this position's keys and values to the cache. → logits [vocabSize]
 */
export function gpt(model: ValueModel, token: number, pos: number, keys: KVCache, values: KVCache, trace?: (t: ForwardTrace) => void): Value[] {
  const { config, params } = model;
  const hd = headDim(config);
  const tokEmb = params['wte'][token];
  const posEmb = params['wpe'][pos];
  const embSum = add(tokEmb, posEmb);
  let x = rmsnorm(embSum);
  const embNorm = x;
  const layers: LayerTrace[] = [];

  for (let li = 0; li < config.nLayer; li++) {
    // 1) attention: this position looks back at every position so far
    const input = x;
    const norm1 = rmsnorm(x);
    const q = linear(norm1, params[`layer${li}.attn_wq`]);
    const k = linear(norm1, params[`layer${li}.attn_wk`]);
    const v = linear(norm1, params[`layer${li}.attn_wv`]);
    keys[li].push(k);
    values[li].push(v);
    const heads: HeadTrace[] = [];
    const attnConcat: Value[] = [];
    for (let h = 0; h < config.nHead; h++) {
      const hs = h * hd; // this head's slice of the nEmbd dimensions
      const qh = q.slice(hs, hs + hd);
      const kh = keys[li].map((kt) => kt.slice(hs, hs + hd)); // [t][hd]
      const vh = values[li].map((vt) => vt.slice(hs, hs + hd)); // [t][hd]
      const scores = kh.map((kt) => sum(qh.map((qj, j) => qj.mul(kt[j]))).div(Math.sqrt(hd)));
      const weights = softmax(scores);
      const out = Array.from({ length: hd }, (_, j) => sum(weights.map((w, t) => w.mul(vh[t][j]))));
      heads.push({ scores, weights, out });
      attnConcat.push(...out);
    }
    const attnOut = linear(attnConcat, params[`layer${li}.attn_wo`]);
    x = add(attnOut, input);
    const afterAttn = x;

    // 2) MLP: each position thinks on its own, 4× wider in the middle
    const norm2 = rmsnorm(x);
    const mlpHidden = linear(norm2, params[`layer${li}.mlp_fc1`]);
    const mlpRelu = mlpHidden.map((hi) => hi.relu());
    const mlpOut = linear(mlpRelu, params[`layer${li}.mlp_fc2`]);
    x = add(mlpOut, afterAttn);
    layers.push({ input, norm1, q, k, v, heads, attnConcat, attnOut, afterAttn, norm2, mlpHidden, mlpRelu, mlpOut, output: x });
  }

  const logits = linear(x, params['lm_head']);
  trace?.({ token, pos, tokEmb, posEmb, embSum, embNorm, layers, logits });
  return logits;
}
// #endregion gpt

/** A trace with plain numbers in place of Values (same shape), e.g. to draw or to post to a worker. */
export type NumericTrace = {
  token: number;
  pos: number;
  tokEmb: number[];
  posEmb: number[];
  embSum: number[];
  embNorm: number[];
  layers: { [K in keyof LayerTrace]: K extends 'heads' ? { scores: number[]; weights: number[]; out: number[] }[] : number[] }[];
  logits: number[];
};

/** Read a trace's values (`'data'`) or, after backward(), its gradients (`'grad'`). */
export function readTrace(t: ForwardTrace, field: 'data' | 'grad' = 'data'): NumericTrace {
  const read = (vs: readonly Value[]) => vs.map((v) => v[field]);
  return {
    token: t.token,
    pos: t.pos,
    tokEmb: read(t.tokEmb),
    posEmb: read(t.posEmb),
    embSum: read(t.embSum),
    embNorm: read(t.embNorm),
    layers: t.layers.map((l) => ({
      input: read(l.input), norm1: read(l.norm1), q: read(l.q), k: read(l.k), v: read(l.v),
      heads: l.heads.map((h) => ({ scores: read(h.scores), weights: read(h.weights), out: read(h.out) })),
      attnConcat: read(l.attnConcat), attnOut: read(l.attnOut), afterAttn: read(l.afterAttn), norm2: read(l.norm2),
      mlpHidden: read(l.mlpHidden), mlpRelu: read(l.mlpRelu), mlpOut: read(l.mlpOut), output: read(l.output),
    })),
    logits: read(t.logits),
  };
}
