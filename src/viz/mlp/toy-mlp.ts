// The toy MLP of one picked step, arranged for reading: each hidden unit with its mlp_fc1 row,
// its value before ReLU and whether ReLU lets it through, then mlp_fc2 and the residual add,
// each as a line of arithmetic with the actual numbers. The values come from the engine's
// trace; this file only lays them side by side and writes them out.

import { toyStateDict } from '../../engine/toy.ts';
import { factor, fixed, subscript } from '../shared/format.ts';
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

/** Decimals of the inputs and results in the worked lines: 4, as in the prose, so each line reproduces from the numbers it shows. */
export const workedDecimals = 4;

/** " =" with a no-break space in front, so a long line wraps after an equals sign, never before it. */
export const eq = '\u00a0= ';

/** A vector in parentheses: (−0.6900, 1.2300). */
export const vec = (xs: readonly number[], decimals = workedDecimals) => `(${xs.map((x) => fixed(x, decimals)).join(', ')})`;

/**
 * A dot product written out, weights to 2 decimals (as the toy's are), a negative weight after
 * the first written as a subtraction: "−0.20·(−0.6900) + 0.50·1.2300 − 0.30·0.1000".
 */
export function dotText(w: readonly number[], x: readonly number[], decimals = workedDecimals, times = '·'): string {
  return dotTerms(w, x, decimals, times).join('');
}

/** The terms of dotText, each after the first with its " + " or " − " in front. */
export function dotTerms(w: readonly number[], x: readonly number[], decimals = workedDecimals, times = '·'): string[] {
  return w.map((wi, i) => {
    const term = `${times}${factor(x[i], decimals)}`;
    if (i === 0) return `${fixed(wi)}${term}`;
    return fixed(wi).startsWith('\u2212') ? ` \u2212 ${fixed(-wi)}${term}` : ` + ${fixed(wi)}${term}`;
  });
}

/** A unit's line: "h₁ = −0.20·(−0.6900) + 0.50·1.2300 = 0.7530". */
export function unitLine(u: MlpUnit, input: readonly number[]): string {
  return `${unitName(u.index)}${eq}${dotText(u.row, input)}${eq}${fixed(u.z, workedDecimals)}`;
}

/** What ReLU does to a unit, in words: "on: ReLU(0.7530) = 0.7530" or "off: ReLU(−0.1500) = 0". */
export function reluText(u: MlpUnit): string {
  return `${u.on ? 'on' : 'off'}: ReLU(${fixed(u.z, workedDecimals)})${eq}${u.on ? fixed(u.relu, workedDecimals) : '0'}`;
}

/**
 * One output of mlp_fc2, written over the units that are on (the others multiply a 0):
 * "mlpOut₀ = 0.30·0.7530 + 0.40·0.4210 + 0.00·0.5900 = 0.3943".
 */
export function downLine(m: MlpNumbers, out: number): string {
  const on = onUnits(m.hidden);
  const name = `mlpOut${subscript(out)}`;
  if (on.length === 0) return `${name}${eq}0 (every unit is off)`;
  const terms = dotText(on.map((i) => m.fc2[out][i]), on.map((i) => m.relu[i]));
  return `${name}${eq}${terms}${eq}${fixed(m.mlpOut[out], workedDecimals)}`;
}

/** The residual add: "output = afterAttn + mlpOut = (−0.7412, 1.3100) + (0.3943, 0.3440) = (−0.3469, 1.6540)". */
export function residualLine(m: MlpNumbers): string {
  return `output${eq}afterAttn + mlpOut${eq}${vec(m.afterAttn)} + ${vec(m.mlpOut)}${eq}${vec(m.output)}`;
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

/** RMSNorm's working written out: "mean square = ((−0.7412)² + 1.3100²)/2 = 1.1327; scale = 1/√(1.1327 + 0.00001) = 0.9396". */
export function normLine(n: NormWorking): string {
  const squares = n.input.map((x) => `${factor(x, workedDecimals)}²`).join(' + ');
  const ms = fixed(n.meanSquare, workedDecimals);
  return `mean square${eq}(${squares})/${n.input.length}${eq}${ms}; scale${eq}1/√(${ms} + 0.00001)${eq}${fixed(n.scale, workedDecimals)}`;
}
