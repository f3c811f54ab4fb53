// The fast path: the same model as gpt() on typed arrays, with the backward pass written
// by hand over a whole document (a causal mask: position t attends to positions 0..t).
// Gives the same numbers as the Value path, with no allocation per step once built, so
// the browser can train microgpt live. Read model.ts first; this is its optimised twin.

import type { GPTConfig } from './config.ts';
import { headDim } from './config.ts';
import type { StateDict } from './params.ts';
import { matrixShapes } from './params.ts';

/** Offsets of one layer's matrices inside the flat parameter array. */
type LayerOffsets = { wq: number; wk: number; wv: number; wo: number; fc1: number; fc2: number };

/** Activations of one layer at every position, [blockSize][width] flattened row by row. */
type LayerBuffers = {
  norm1: Float64Array; scale1: Float64Array; // rmsnorm(input) and its 1/rms per position
  q: Float64Array; k: Float64Array; v: Float64Array; // [T][C]; k and v are the KV cache
  att: Float64Array; // softmax weights [T][nHead][T]; row t uses columns 0..t
  heads: Float64Array; // concatenated head outputs [T][C]
  afterAttn: Float64Array; // input + attn_wo · heads [T][C]
  norm2: Float64Array; scale2: Float64Array;
  hidden: Float64Array; // mlp_fc1 · norm2 before ReLU [T][4C]
  relu: Float64Array; // [T][4C]
  output: Float64Array; // afterAttn + mlp_fc2 · relu [T][C]
};

/** Gradients of the same activations, reused across steps. */
type LayerGrads = {
  input: Float64Array; norm1: Float64Array; q: Float64Array; k: Float64Array; v: Float64Array;
  heads: Float64Array; afterAttn: Float64Array; norm2: Float64Array; relu: Float64Array;
};

// #region fast-helpers
/** out[o] = Σ_i w[o][i]·x[i] for a matrix stored at w[off + o·nin + i]. */
function matvec(w: Float64Array, off: number, nout: number, nin: number, x: Float64Array, xOff: number, out: Float64Array, outOff: number): void {
  for (let o = 0; o < nout; o++) {
    const row = off + o * nin;
    let s = 0;
    for (let i = 0; i < nin; i++) s += w[row + i] * x[xOff + i];
    out[outOff + o] = s;
  }
}

/** Backward of matvec: dW[o][i] += dy[o]·x[i] and dx[i] += Σ_o dy[o]·w[o][i]. */
function matvecBackward(
  w: Float64Array, dw: Float64Array, off: number, nout: number, nin: number,
  x: Float64Array, dx: Float64Array, xOff: number, dy: Float64Array, dyOff: number,
): void {
  for (let o = 0; o < nout; o++) {
    const g = dy[dyOff + o];
    if (g === 0) continue; // ReLU zeros many rows; skipping them changes nothing
    const row = off + o * nin;
    for (let i = 0; i < nin; i++) {
      dw[row + i] += g * x[xOff + i];
      dx[xOff + i] += g * w[row + i];
    }
  }
}

/** y = x / rms(x), keeping the scale 1/rms in scales[pos] for backward (stored, not returned: a returned double may be boxed). */
function rmsnormForward(x: Float64Array, xOff: number, n: number, y: Float64Array, scales: Float64Array, pos: number): void {
  let ss = 0;
  for (let i = 0; i < n; i++) ss += x[xOff + i] * x[xOff + i];
  const scale = (ss * (1 / n) + 1e-5) ** -0.5;
  for (let i = 0; i < n; i++) y[xOff + i] = x[xOff + i] * scale;
  scales[pos] = scale;
}

/** dx += ∂(x·scale)/∂x applied to dy: scale·dy − scale³/n · x · (dy·x), with scale = scales[pos]. */
function rmsnormBackward(x: Float64Array, xOff: number, n: number, scales: Float64Array, pos: number, dy: Float64Array, dx: Float64Array): void {
  const scale = scales[pos];
  let dot = 0;
  for (let i = 0; i < n; i++) dot += dy[xOff + i] * x[xOff + i];
  const c = (scale * scale * scale * dot) / n;
  for (let i = 0; i < n; i++) dx[xOff + i] += scale * dy[xOff + i] - c * x[xOff + i];
}
// #endregion fast-helpers

/** microgpt on typed arrays: forward, loss and hand-written backward, one document at a time. */
export class FastGPT {
  readonly config: GPTConfig;
  /** Every parameter, matrices laid end to end in matrixShapes() order, rows [nout][nin]. */
  readonly data: Float64Array;
  /** ∂loss/∂data after lossAndGrad(). */
  readonly grad: Float64Array;
  /** Where each named matrix starts in data. */
  readonly offsets: Readonly<Record<string, number>>;

  private readonly wte: number;
  private readonly wpe: number;
  private readonly lmHead: number;
  private readonly layerOffsets: LayerOffsets[];
  private readonly invSqrtHd: number;
  private readonly tokens: Int32Array;
  private readonly targets: Int32Array;
  private readonly embSum: Float64Array;
  private readonly embNorm: Float64Array;
  private readonly scale0: Float64Array;
  private readonly layers: LayerBuffers[];
  private readonly grads: LayerGrads[];
  private readonly dEmbSum: Float64Array;
  private readonly dOut: Float64Array; // gradient entering the top of the stack [T][C]
  private readonly dAtt: Float64Array; // scratch [T]
  /** Logits [T][vocab] of the last forward pass. */
  readonly logits: Float64Array;
  /** Softmax of logits [T][vocab]. */
  readonly probs: Float64Array;
  private readonly dLogits: Float64Array;

  constructor(config: GPTConfig, stateDict?: StateDict) {
    this.config = config;
    const { vocabSize: V, nEmbd: C, nHead: H, nLayer: L, blockSize: T } = config;
    const offsets: Record<string, number> = {};
    let size = 0;
    for (const s of matrixShapes(config)) {
      offsets[s.name] = size;
      size += s.rows * s.cols;
    }
    this.offsets = offsets;
    this.data = new Float64Array(size);
    this.grad = new Float64Array(size);
    this.wte = offsets['wte'];
    this.wpe = offsets['wpe'];
    this.lmHead = offsets['lm_head'];
    this.layerOffsets = Array.from({ length: L }, (_, l) => ({
      wq: offsets[`layer${l}.attn_wq`], wk: offsets[`layer${l}.attn_wk`], wv: offsets[`layer${l}.attn_wv`],
      wo: offsets[`layer${l}.attn_wo`], fc1: offsets[`layer${l}.mlp_fc1`], fc2: offsets[`layer${l}.mlp_fc2`],
    }));
    this.invSqrtHd = Math.sqrt(headDim(config)) ** -1;
    const f64 = (n: number) => new Float64Array(n);
    this.tokens = new Int32Array(T);
    this.targets = new Int32Array(T);
    this.embSum = f64(T * C);
    this.embNorm = f64(T * C);
    this.scale0 = f64(T);
    this.layers = Array.from({ length: L }, () => ({
      norm1: f64(T * C), scale1: f64(T), q: f64(T * C), k: f64(T * C), v: f64(T * C), att: f64(T * H * T),
      heads: f64(T * C), afterAttn: f64(T * C), norm2: f64(T * C), scale2: f64(T), hidden: f64(T * 4 * C),
      relu: f64(T * 4 * C), output: f64(T * C),
    }));
    this.grads = Array.from({ length: L }, () => ({
      input: f64(T * C), norm1: f64(T * C), q: f64(T * C), k: f64(T * C), v: f64(T * C), heads: f64(T * C),
      afterAttn: f64(T * C), norm2: f64(T * C), relu: f64(T * 4 * C),
    }));
    this.dEmbSum = f64(T * C);
    this.dOut = f64(T * C);
    this.dAtt = f64(T);
    this.logits = f64(T * V);
    this.probs = f64(T * V);
    this.dLogits = f64(T * V);
    if (stateDict) this.load(stateDict);
  }

  /** Copy a state dict's numbers in. Its shapes must match the config. */
  load(sd: StateDict): void {
    for (const { name, rows, cols } of matrixShapes(this.config)) {
      const m = sd[name];
      if (!m || m.length !== rows) throw new RangeError(`${name} must have ${rows} rows`);
      const off = this.offsets[name];
      for (let r = 0; r < rows; r++) {
        if (m[r].length !== cols) throw new RangeError(`${name} row ${r} must have ${cols} columns`);
        for (let c = 0; c < cols; c++) this.data[off + r * cols + c] = m[r][c];
      }
    }
  }

  /** The parameters as a state dict of nested arrays (a copy). */
  stateDict(): StateDict {
    const sd: StateDict = {};
    for (const { name, rows, cols } of matrixShapes(this.config)) {
      const off = this.offsets[name];
      sd[name] = Array.from({ length: rows }, (_, r) => Array.from(this.data.subarray(off + r * cols, off + (r + 1) * cols)));
    }
    return sd;
  }

  /** Gradients in the same layout as stateDict(). */
  gradDict(): StateDict {
    const sd: StateDict = {};
    for (const { name, rows, cols } of matrixShapes(this.config)) {
      const off = this.offsets[name];
      sd[name] = Array.from({ length: rows }, (_, r) => Array.from(this.grad.subarray(off + r * cols, off + (r + 1) * cols)));
    }
    return sd;
  }

  // #region fast-forward
  /**
   * Run one token at position pos, reading keys and values of positions 0..pos-1 from the
   * buffers filled by earlier calls (the KV cache). Fills logits and probs at row pos.
   */
  forward(token: number, pos: number): void {
    const { vocabSize: V, nEmbd: C, nHead: H, nLayer: L, blockSize: T } = this.config;
    if (pos < 0 || pos >= T) throw new RangeError(`position ${pos} is outside 0..${T - 1}`);
    if (!(Number.isInteger(token) && token >= 0 && token < V)) throw new RangeError(`token ${token} is not an id in 0..${V - 1}`);
    const w = this.data;
    const hd = C / H;
    const row = pos * C;
    this.tokens[pos] = token;
    for (let i = 0; i < C; i++) this.embSum[row + i] = w[this.wte + token * C + i] + w[this.wpe + pos * C + i];
    rmsnormForward(this.embSum, row, C, this.embNorm, this.scale0, pos);
    let input = this.embNorm;
    for (let l = 0; l < L; l++) {
      const b = this.layers[l];
      const o = this.layerOffsets[l];
      rmsnormForward(input, row, C, b.norm1, b.scale1, pos);
      matvec(w, o.wq, C, C, b.norm1, row, b.q, row);
      matvec(w, o.wk, C, C, b.norm1, row, b.k, row);
      matvec(w, o.wv, C, C, b.norm1, row, b.v, row);
      for (let h = 0; h < H; h++) {
        const hs = h * hd;
        const attRow = (pos * H + h) * T;
        let max = -Infinity;
        for (let t = 0; t <= pos; t++) {
          let s = 0;
          for (let j = 0; j < hd; j++) s += b.q[row + hs + j] * b.k[t * C + hs + j];
          s *= this.invSqrtHd;
          b.att[attRow + t] = s;
          if (s > max) max = s;
        }
        let total = 0;
        for (let t = 0; t <= pos; t++) total += b.att[attRow + t] = Math.exp(b.att[attRow + t] - max);
        const inv = total ** -1;
        for (let t = 0; t <= pos; t++) b.att[attRow + t] *= inv;
        for (let j = 0; j < hd; j++) {
          let s = 0;
          for (let t = 0; t <= pos; t++) s += b.att[attRow + t] * b.v[t * C + hs + j];
          b.heads[row + hs + j] = s;
        }
      }
      matvec(w, o.wo, C, C, b.heads, row, b.afterAttn, row);
      for (let i = 0; i < C; i++) b.afterAttn[row + i] += input[row + i];
      rmsnormForward(b.afterAttn, row, C, b.norm2, b.scale2, pos);
      matvec(w, o.fc1, 4 * C, C, b.norm2, row, b.hidden, pos * 4 * C);
      for (let i = pos * 4 * C; i < (pos + 1) * 4 * C; i++) b.relu[i] = b.hidden[i] > 0 ? b.hidden[i] : 0;
      matvec(w, o.fc2, C, 4 * C, b.relu, pos * 4 * C, b.output, row);
      for (let i = 0; i < C; i++) b.output[row + i] += b.afterAttn[row + i];
      input = b.output;
    }
    matvec(w, this.lmHead, V, C, input, row, this.logits, pos * V);
    let max = -Infinity;
    for (let i = pos * V; i < (pos + 1) * V; i++) if (this.logits[i] > max) max = this.logits[i];
    let total = 0;
    for (let i = pos * V; i < (pos + 1) * V; i++) total += this.probs[i] = Math.exp(this.logits[i] - max);
    const inv = total ** -1;
    for (let i = pos * V; i < (pos + 1) * V; i++) this.probs[i] *= inv;
  }
  // #endregion fast-forward

  /**
   * Did the last forward() at pos overflow on the way? Every value it computed there is finite
   * and no rmsnorm's sum of squares overflowed (1/√∞ = 0 would silently zero the vector, so
   * huge weights give a uniform guess, not a NaN). Read only; changes nothing.
   */
  overflowedAt(pos: number): boolean {
    const { vocabSize: V, nEmbd: C } = this.config;
    const rowFinite = (a: Float64Array, width: number) => a.subarray(pos * width, (pos + 1) * width).every(Number.isFinite);
    const scaleOk = (s: Float64Array) => Number.isFinite(s[pos]) && s[pos] > 0;
    if (!rowFinite(this.embSum, C) || !scaleOk(this.scale0)) return true;
    for (const b of this.layers) {
      if (!scaleOk(b.scale1) || !scaleOk(b.scale2)) return true;
      for (const a of [b.q, b.k, b.v, b.heads, b.afterAttn, b.output]) if (!rowFinite(a, C)) return true;
      if (!rowFinite(b.hidden, 4 * C)) return true;
    }
    return !rowFinite(this.logits, V) || !rowFinite(this.probs, V);
  }

  /** The MLP's hidden pre-activations of layer l at position pos, from the last forward(): [4·nEmbd]. */
  mlpHidden(l: number, pos: number): Float64Array {
    const n = 4 * this.config.nEmbd;
    return this.layers[l].hidden.subarray(pos * n, (pos + 1) * n);
  }

  /** The key and value layer l cached at position pos by the last forward() there: [nEmbd] each (views, not copies). */
  cached(l: number, pos: number): { k: Float64Array; v: Float64Array } {
    const C = this.config.nEmbd;
    const b = this.layers[l];
    return { k: b.k.subarray(pos * C, (pos + 1) * C), v: b.v.subarray(pos * C, (pos + 1) * C) };
  }

  /** Mean cross-entropy of a tokenized document [BOS, ...chars, BOS], forward only. */
  loss(tokens: ArrayLike<number>): number {
    const n = this.positions(tokens);
    const V = this.config.vocabSize;
    let total = 0;
    for (let t = 0; t < n; t++) {
      this.forward(tokens[t], t);
      this.targets[t] = tokens[t + 1];
      total += -Math.log(this.probs[t * V + tokens[t + 1]]);
    }
    return total * (1 / n);
  }

  // #region fast-backward
  /** Loss of a document and, in grad, its gradient with respect to every parameter. */
  lossAndGrad(tokens: ArrayLike<number>): number {
    const loss = this.loss(tokens);
    const n = this.positions(tokens);
    const { vocabSize: V, nEmbd: C, nHead: H, nLayer: L, blockSize: T } = this.config;
    const w = this.data;
    const dw = this.grad;
    const hd = C / H;
    dw.fill(0);

    // loss = mean of −log p[target]  ⇒  ∂loss/∂logits = (p − onehot(target)) / n
    const dLogits = this.dLogits;
    for (let t = 0; t < n; t++) {
      for (let i = 0; i < V; i++) dLogits[t * V + i] = this.probs[t * V + i] / n;
      dLogits[t * V + this.targets[t]] -= 1 / n;
    }
    const top = L > 0 ? this.layers[L - 1].output : this.embNorm;
    const dOut = this.dOut;
    dOut.fill(0, 0, n * C);
    for (let t = 0; t < n; t++) matvecBackward(w, dw, this.lmHead, V, C, top, dOut, t * C, dLogits, t * V);

    let dx = dOut; // gradient w.r.t. the residual stream above the current layer
    for (let l = L - 1; l >= 0; l--) {
      const b = this.layers[l];
      const g = this.grads[l];
      const o = this.layerOffsets[l];
      const input = l > 0 ? this.layers[l - 1].output : this.embNorm;
      for (let i = 0; i < n * C; i++) g.afterAttn[i] = dx[i]; // residual: output = afterAttn + mlp(…)
      g.relu.fill(0, 0, n * 4 * C);
      g.norm2.fill(0, 0, n * C);
      for (let t = 0; t < n; t++) {
        matvecBackward(w, dw, o.fc2, C, 4 * C, b.relu, g.relu, t * 4 * C, dx, t * C);
        for (let i = t * 4 * C; i < (t + 1) * 4 * C; i++) if (b.hidden[i] <= 0) g.relu[i] = 0; // ReLU passes gradient only where it was on
        matvecBackward(w, dw, o.fc1, 4 * C, C, b.norm2, g.norm2, t * C, g.relu, t * 4 * C);
        rmsnormBackward(b.afterAttn, t * C, C, b.scale2, t, g.norm2, g.afterAttn);
      }
      for (let i = 0; i < n * C; i++) g.input[i] = g.afterAttn[i]; // residual: afterAttn = input + attn(…)
      g.heads.fill(0, 0, n * C);
      for (let t = 0; t < n; t++) matvecBackward(w, dw, o.wo, C, C, b.heads, g.heads, t * C, g.afterAttn, t * C);

      // attention, every (position, head): heads = Σ_t' att·v,  att = softmax(q·k / √hd)
      g.q.fill(0, 0, n * C);
      g.k.fill(0, 0, n * C);
      g.v.fill(0, 0, n * C);
      const dAtt = this.dAtt;
      for (let t = 0; t < n; t++) {
        for (let h = 0; h < H; h++) {
          const hs = h * hd;
          const attRow = (t * H + h) * T;
          let weighted = 0;
          for (let u = 0; u <= t; u++) {
            let s = 0;
            for (let j = 0; j < hd; j++) {
              s += g.heads[t * C + hs + j] * b.v[u * C + hs + j];
              g.v[u * C + hs + j] += b.att[attRow + u] * g.heads[t * C + hs + j];
            }
            dAtt[u] = s;
            weighted += b.att[attRow + u] * s;
          }
          for (let u = 0; u <= t; u++) {
            const dScore = b.att[attRow + u] * (dAtt[u] - weighted) * this.invSqrtHd;
            for (let j = 0; j < hd; j++) {
              g.q[t * C + hs + j] += dScore * b.k[u * C + hs + j];
              g.k[u * C + hs + j] += dScore * b.q[t * C + hs + j];
            }
          }
        }
      }
      g.norm1.fill(0, 0, n * C);
      for (let t = 0; t < n; t++) {
        matvecBackward(w, dw, o.wq, C, C, b.norm1, g.norm1, t * C, g.q, t * C);
        matvecBackward(w, dw, o.wk, C, C, b.norm1, g.norm1, t * C, g.k, t * C);
        matvecBackward(w, dw, o.wv, C, C, b.norm1, g.norm1, t * C, g.v, t * C);
        rmsnormBackward(input, t * C, C, b.scale1, t, g.norm1, g.input);
      }
      dx = g.input;
    }

    // embeddings: embNorm = rmsnorm(wte[token] + wpe[pos])
    this.dEmbSum.fill(0, 0, n * C);
    for (let t = 0; t < n; t++) {
      rmsnormBackward(this.embSum, t * C, C, this.scale0, t, dx, this.dEmbSum);
      const tok = this.tokens[t];
      for (let i = 0; i < C; i++) {
        dw[this.wte + tok * C + i] += this.dEmbSum[t * C + i];
        dw[this.wpe + t * C + i] += this.dEmbSum[t * C + i];
      }
    }
    return loss;
  }
  // #endregion fast-backward

  /** Number of predicted positions in a document: min(blockSize, tokens − 1). */
  private positions(tokens: ArrayLike<number>): number {
    const n = Math.min(this.config.blockSize, tokens.length - 1);
    if (n < 1) throw new RangeError('a document needs at least two tokens (BOS on both sides)');
    return n;
  }
}
