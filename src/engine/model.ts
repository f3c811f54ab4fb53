// The GPT itself, on scalar Values: one token in, logits over the vocabulary out.
// Exactly microgpt's gpt(): no biases, RMSNorm without gain, no final norm. What the
// widgets draw of it is collected by trace.ts through the optional recorder.

import type { GPTConfig } from './config.ts';
import { headDim } from './config.ts';
import type { StateDict } from './params.ts';
import { Value, sum } from './value.ts';
import { dot, linear, rmsnorm, softmax } from './nn.ts';
import type { Recorder } from './trace.ts';

/** Parameters as Values, so gradients can flow into them. Same names and shapes as StateDict. */
export type ValueStateDict = Record<string, Value[][]>;

/** A model on the Value path: its config and its parameters. */
export type ValueModel = { config: GPTConfig; params: ValueStateDict };

/** Keys or values seen so far: [layer][position][nEmbd]. gpt() appends one position per call. */
export type KVCache = Value[][][];

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

// #region helpers
/** An empty KV cache for a model with nLayer layers. */
export function emptyCache(config: GPTConfig): KVCache {
  return Array.from({ length: config.nLayer }, () => []);
}

/** Elementwise a + b (a residual connection, or the two embeddings). [n], [n] → [n] */
const add = (a: readonly Value[], b: readonly Value[]) => a.map((ai, i) => ai.add(b[i]));
// #endregion helpers

// #region gpt
/**
 * One step of the model: the token at position pos, attending to every earlier position
 * through the cache. Appends this position's keys and values to the cache. → logits [vocabSize]
 * rec, when given, sees each intermediate as it is made (see trace.ts); the math ignores it.
 */
export function gpt(model: ValueModel, token: number, pos: number, keys: KVCache, values: KVCache, rec?: Recorder): Value[] {
  const { config, params: sd } = model;
  const hd = headDim(config);
  // #region embed
  const tokEmb = sd['wte'][token]; // token embedding [nEmbd]
  const posEmb = sd['wpe'][pos]; // position embedding [nEmbd]
  let x = add(tokEmb, posEmb); // token row plus position row
  rec?.('tokEmb', tokEmb); rec?.('posEmb', posEmb); rec?.('embSum', x);
  x = rmsnorm(x); rec?.('embNorm', x);
  // #endregion embed

  for (let li = 0; li < config.nLayer; li++) {
    // 1) multi-head attention, the block's first half
    // #region attn-qkv
    let xResidual = x; rec?.('input', x);
    x = rmsnorm(x); rec?.('norm1', x);
    const q = linear(x, sd[`layer${li}.attn_wq`]); // [nEmbd]
    const k = linear(x, sd[`layer${li}.attn_wk`]);
    const v = linear(x, sd[`layer${li}.attn_wv`]);
    rec?.('q', q); rec?.('k', k); rec?.('v', v);
    keys[li].push(k);
    values[li].push(v);
    // #endregion attn-qkv
    // #region attn-heads
    const xAttn: Value[] = [];
    for (let h = 0; h < config.nHead; h++) {
      const hs = h * hd; // this head's slice of the nEmbd dimensions
      const qh = q.slice(hs, hs + hd); // [hd]
      const kh = keys[li].map((ki) => ki.slice(hs, hs + hd)); // [t][hd]
      const vh = values[li].map((vi) => vi.slice(hs, hs + hd)); // [t][hd]
      const attnLogits = kh.map((kt) => dot(qh, kt).div(Math.sqrt(hd))); // [t]
      const attnWeights = softmax(attnLogits); // [t]
      const headOut = Array.from({ length: hd }, (_, j) => sum(attnWeights.map((w, t) => w.mul(vh[t][j])))); // [hd]
      rec?.('scores', attnLogits); rec?.('weights', attnWeights); rec?.('out', headOut);
      xAttn.push(...headOut);
    }
    rec?.('attnConcat', xAttn);
    // #endregion attn-heads
    // #region attn-out
    x = linear(xAttn, sd[`layer${li}.attn_wo`]); rec?.('attnOut', x);
    x = add(x, xResidual); rec?.('afterAttn', x);
    // #endregion attn-out
    // 2) MLP, the block's second half
    // #region mlp
    xResidual = x;
    x = rmsnorm(x); rec?.('norm2', x);
    x = linear(x, sd[`layer${li}.mlp_fc1`]); rec?.('mlpHidden', x); // [4·nEmbd]
    x = x.map((xi) => xi.relu()); rec?.('mlpRelu', x);
    x = linear(x, sd[`layer${li}.mlp_fc2`]); rec?.('mlpOut', x);
    x = add(x, xResidual); rec?.('output', x);
    // #endregion mlp
  }

  // #region lm-head
  const logits = linear(x, sd['lm_head']); rec?.('logits', logits);
  // #endregion lm-head
  return logits;
}
// #endregion gpt
