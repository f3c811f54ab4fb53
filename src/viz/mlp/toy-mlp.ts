// The toy MLP of one picked step, arranged for reading: each hidden unit with its mlp_fc1 row,
// its value before ReLU and whether ReLU lets it through, then mlp_fc2 and the residual add,
// each as a line of arithmetic with the actual numbers. The values come from the engine's
// trace; this file only lays them side by side and writes them out.

import { toyStateDict } from '../../engine/toy.ts';
import { fixed, subscript } from '../shared/format.ts';
import type { NormWorking, ToyStep } from '../toy/walkthrough.ts';

/** One hidden unit: its index, its row of mlp_fc1, its value z before ReLU, and ReLU(z). */
export type MlpUnit = { index: number; row: readonly number[]; z: number; relu: number; on: boolean };

/** The MLP block of one layer as the engine traced it, with the two matrices it used. */
export type MlpNumbers = {
  afterAttn: readonly number[]; // the residual stream entering the block [nEmbd]
  norm2: readonly number[]; // rmsnorm(afterAttn) [nEmbd]
  hidden: readonly number[]; // mlp_fc1 · norm2 [4·nEmbd]
  relu: readonly number[]; // ReLU of hidden [4·nEmbd]
  mlpOut: readonly number[]; // mlp_fc2 · relu [nEmbd]
  output: readonly number[]; // afterAttn + mlpOut [nEmbd]
  fc1: readonly (readonly number[])[]; // [4·nEmbd][nEmbd]
  fc2: readonly (readonly number[])[]; // [nEmbd][4·nEmbd]
};

/** The hidden units, in order. A unit is on when ReLU lets it through: z > 0. */
export function mlpUnits(m: MlpNumbers): MlpUnit[] {
  return m.hidden.map((z, index) => ({ index, row: m.fc1[index], z, relu: m.relu[index], on: z > 0 }));
}

/** Indices of the units that are on: z > 0. */
export function onUnits(hidden: readonly number[]): number[] {
  return hidden.flatMap((z, i) => (z > 0 ? [i] : []));
}

/** A unit's name, h with a subscript index: unitName(3) = "h₃". */
export const unitName = (i: number) => `h${subscript(i)}`;

/** A vector in parentheses: (−0.69, 1.23). */
export const vec = (xs: readonly number[], decimals = 2) => `(${xs.map((x) => fixed(x, decimals)).join(', ')})`;

/** A factor in a product, bracketed when negative so the minus reads as a sign: "(−0.69)". */
export const factor = (x: number, decimals = 2) => (fixed(x, decimals).startsWith('\u2212') ? `(${fixed(x, decimals)})` : fixed(x, decimals));

/**
 * A dot product written out, weights to 2 decimals (as the toy's are), a negative weight after
 * the first written as a subtraction: "−0.20·(−0.69) + 0.50·1.23 − 0.30·0.10".
 */
export function dotText(w: readonly number[], x: readonly number[], decimals = 2, times = '·'): string {
  return dotTerms(w, x, decimals, times).join('');
}

/** The terms of dotText, each after the first with its " + " or " − " in front. */
export function dotTerms(w: readonly number[], x: readonly number[], decimals = 2, times = '·'): string[] {
  return w.map((wi, i) => {
    const term = `${times}${factor(x[i], decimals)}`;
    if (i === 0) return `${fixed(wi)}${term}`;
    return fixed(wi).startsWith('\u2212') ? ` \u2212 ${fixed(-wi)}${term}` : ` + ${fixed(wi)}${term}`;
  });
}

/** A unit's line: "h₁ = −0.20·(−0.69) + 0.50·1.23 = 0.75". */
export function unitLine(u: MlpUnit, input: readonly number[]): string {
  return `${unitName(u.index)} = ${dotText(u.row, input)} = ${fixed(u.z)}`;
}

/** What ReLU does to a unit, in words: "on: ReLU(0.75) = 0.75" or "off: ReLU(−0.15) = 0". */
export function reluText(u: MlpUnit): string {
  return `${u.on ? 'on' : 'off'}: ReLU(${fixed(u.z)}) = ${u.on ? fixed(u.relu) : '0'}`;
}

/**
 * One output of mlp_fc2, written over the units that are on (the others multiply a 0):
 * "mlpOut₀ = 0.30·0.75 + 0.40·0.42 + 0.00·0.59 = 0.40".
 */
export function downLine(m: MlpNumbers, out: number): string {
  const on = onUnits(m.hidden);
  const name = `mlpOut${subscript(out)}`;
  if (on.length === 0) return `${name} = 0 (every unit is off)`;
  const terms = dotText(on.map((i) => m.fc2[out][i]), on.map((i) => m.relu[i]));
  return `${name} = ${terms} = ${fixed(m.mlpOut[out])}`;
}

/** The residual add: "output = (−0.74, 1.31) + (0.40, 0.35) = (−0.34, 1.66)". */
export function residualLine(m: MlpNumbers): string {
  return `output = afterAttn + mlpOut = ${vec(m.afterAttn)} + ${vec(m.mlpOut)} = ${vec(m.output)}`;
}

/** Which units are on, in words: "h₁, h₃, h₄ on (3 of 8); 5 off". */
export function onSummary(hidden: readonly number[]): string {
  const on = onUnits(hidden);
  const off = hidden.length - on.length;
  const names = on.length ? `${on.map(unitName).join(', ')} on` : 'no unit on';
  return `${names} (${on.length} of ${hidden.length}); ${off} off`;
}

/** The toy's MLP block for a picked step: the traced vectors and the toy's two matrices. */
export function toyMlp(step: ToyStep): MlpNumbers {
  const l = step.trace.layers[0];
  return {
    afterAttn: l.afterAttn, norm2: l.norm2, hidden: l.mlpHidden, relu: l.mlpRelu, mlpOut: l.mlpOut, output: l.output,
    fc1: toyStateDict['layer0.mlp_fc1'], fc2: toyStateDict['layer0.mlp_fc2'],
  };
}

/** RMSNorm's working written out: "mean square = ((−0.74)² + 1.31²)/2 = 1.137, scale = 1/√(1.137 + 0.00001) = 0.938". */
export function normLine(n: NormWorking): string {
  const squares = n.input.map((x) => `${factor(x)}²`).join(' + ');
  return `mean square = (${squares})/${n.input.length} = ${fixed(n.meanSquare, 3)}; scale = 1/√(${fixed(n.meanSquare, 3)} + 0.00001) = ${fixed(n.scale, 3)}`;
}
