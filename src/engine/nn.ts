// The three building blocks the model is made of, on scalar Values.

import { Value, sum } from './value.ts';

// #region linear
/** Matrix–vector product: one dot product per row. x: [nin], w: [nout][nin] → [nout]. No bias. */
export function linear(x: readonly Value[], w: readonly (readonly Value[])[]): Value[] {
  return w.map((row) => dot(row, x));
}

/** Σ a[i]·b[i], summed left to right (the same graph as sum(a[i].mul(b[i]))). [n], [n] → scalar */
export function dot(a: readonly Value[], b: readonly Value[]): Value {
  let total = a[0].mul(b[0]);
  for (let i = 1; i < a.length; i++) total = total.add(a[i].mul(b[i]));
  return total;
}
// #endregion linear

// #region softmax
/** Scores → probabilities, [n] → [n]. Subtracting the max first keeps exp() from overflowing; the result is the same. */
export function softmax(logits: readonly Value[]): Value[] {
  const max = Math.max(...logits.map((v) => v.data));
  const exps = logits.map((v) => v.sub(max).exp());
  const total = sum(exps);
  return exps.map((e) => e.div(total));
}
// #endregion softmax

// #region rmsnorm
/** Rescale x to unit root-mean-square (no learned gain, as in microgpt). [n] → [n] */
export function rmsnorm(x: readonly Value[]): Value[] {
  const ms = sum(x.map((xi) => xi.mul(xi))).div(x.length);
  const scale = ms.add(1e-5).pow(-0.5);
  return x.map((xi) => xi.mul(scale));
}
// #endregion rmsnorm
