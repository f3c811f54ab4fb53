// Parameters: a state dict of named matrices, exactly as microgpt names and shapes them.

import type { GPTConfig } from './config.ts';
import type { Random } from './random.ts';

/** Rows of numbers, [nout][nin]. */
export type Matrix = number[][];
/** Every parameter matrix by microgpt's name: wte, wpe, lm_head, layer{i}.attn_wq, … */
export type StateDict = Record<string, Matrix>;
/** A matrix name with its shape. */
export type MatrixShape = { name: string; rows: number; cols: number };

// #region shapes
/** Each matrix's name and [rows, cols], in microgpt's order (which fixes the order of initialisation). */
export function matrixShapes(c: GPTConfig): MatrixShape[] {
  const shapes: MatrixShape[] = [
    { name: 'wte', rows: c.vocabSize, cols: c.nEmbd }, // token embeddings
    { name: 'wpe', rows: c.blockSize, cols: c.nEmbd }, // position embeddings
    { name: 'lm_head', rows: c.vocabSize, cols: c.nEmbd }, // residual stream → logits
  ];
  for (let i = 0; i < c.nLayer; i++) {
    shapes.push(
      { name: `layer${i}.attn_wq`, rows: c.nEmbd, cols: c.nEmbd },
      { name: `layer${i}.attn_wk`, rows: c.nEmbd, cols: c.nEmbd },
      { name: `layer${i}.attn_wv`, rows: c.nEmbd, cols: c.nEmbd },
      { name: `layer${i}.attn_wo`, rows: c.nEmbd, cols: c.nEmbd },
      { name: `layer${i}.mlp_fc1`, rows: 4 * c.nEmbd, cols: c.nEmbd },
      { name: `layer${i}.mlp_fc2`, rows: c.nEmbd, cols: 4 * c.nEmbd },
    );
  }
  return shapes;
}
// #endregion shapes

/** How many numbers the model learns (4,192 for microgpt's defaults and 27 tokens). */
export function parameterCount(c: GPTConfig): number {
  return matrixShapes(c).reduce((n, s) => n + s.rows * s.cols, 0);
}

// #region init
/** The standard deviation of microgpt's fresh weights (std=0.08 in microgpt.py). */
export const initStd = 0.08;

/** Fresh parameters: each entry drawn from a Gaussian with mean 0 and the given std, row by row. */
export function initStateDict(c: GPTConfig, rng: Random, std = initStd): StateDict {
  const sd: StateDict = {};
  for (const { name, rows, cols } of matrixShapes(c)) {
    sd[name] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.gauss(0, std)));
  }
  return sd;
}
// #endregion init

/** A deep copy, so training one copy leaves the other alone. */
export function cloneStateDict(sd: StateDict): StateDict {
  const out: StateDict = {};
  for (const [name, m] of Object.entries(sd)) out[name] = m.map((row) => row.slice());
  return out;
}
