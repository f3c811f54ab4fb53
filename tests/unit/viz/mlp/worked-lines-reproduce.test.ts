// Every worked line ToyMlp and ToyOutput show, for every pick of the toy, recomputed from the
// numbers the line itself shows: the result it shows must be what a reader gets from its shown
// inputs, up to the rounding of those inputs (half a unit in their last place) and of the result.

import { describe, expect, it } from 'vitest';
import { toyConfig, toyStateDict, toyVocab } from '../../../../src/engine/toy.ts';
import { downLine, mlpUnits, normLine, residualLine, toyMlp, unitLine, vec } from '../../../../src/viz/mlp/toy-mlp.ts';
import { denominatorParts, logitLine, lossLine, outputRows, probabilityParts } from '../../../../src/viz/mlp/toy-output.ts';
import { plainLine } from '../../../../src/viz/mlp/line-parts.ts';
import { parseDisplayNumber } from '../../../../src/viz/shared/format.ts';
import { toyStep } from '../../../../src/viz/toy/walkthrough.ts';

const half = 0.5e-4; // half a unit in the 4th decimal, where every input and result is rounded
const num = (t: string) => parseDisplayNumber(t.replace(/[()]/g, ''));
/** The parts of a line between its equals signs. */
const sides = (line: string) => line.split('\u00a0= ');
/** A written dot product "0.30·0.7530 − 0.40·(−0.42)" as [weight, input] pairs. */
const terms = (dot: string) => dot.replaceAll(' − ', ' + −').split(' + ').map((t) => t.split('·').map(num) as [number, number]);
const vector = (t: string) => t.replace(/^\(|\)$/g, '').split(', ').map(num);

/** The shown result is the recomputed one up to the inputs' rounding (`inputError`) and its own. */
function reproduces(shown: number, recomputed: number, inputError: number): void {
  expect(Math.abs(shown - recomputed)).toBeLessThanOrEqual(inputError + half + 1e-12);
}

/** A dot-product line "name = w·x + … = result": weights are exact (the toy's have 2 decimals), inputs rounded. */
function dotReproduces(line: string): void {
  const [, dot, result] = sides(line);
  const pairs = terms(dot);
  reproduces(num(result), pairs.reduce((s, [w, x]) => s + w * x, 0), pairs.reduce((s, [w]) => s + Math.abs(w) * half, 0));
}

const picks = toyVocab.flatMap((_, token) => Array.from({ length: toyConfig.blockSize }, (_, pos) => (['pinned', 'computed'] as const).map((cache) => ({ token, pos, cache })))).flat();

describe.each(picks)('the worked lines for token $token at position $pos, cache $cache', (pick) => {
  const step = toyStep(pick);
  const m = toyMlp(step);

  it('RMSNorm: the mean square, the scale and x from the shown numbers', () => {
    const [, squares, msAndScale, sqrtOf, scale] = sides(normLine(step.norms.mlp));
    const xs = squares.replace(/\/\d+$/, '').replace(/^\(|\)$/g, '').split(' + ').map((t) => num(t.replace('²', '')));
    const ms = num(msAndScale.split(';')[0]);
    reproduces(ms, xs.reduce((s, x) => s + x * x, 0) / xs.length, xs.reduce((s, x) => s + (2 * Math.abs(x) * half + half * half), 0) / xs.length);
    expect(sqrtOf).toBe(`1/√(${msAndScale.split(';')[0]} + 0.00001)`);
    const s = num(scale);
    reproduces(s, 1 / Math.sqrt(ms + 1e-5), 0.5 * (ms - half) ** -1.5 * half); // d/dm of 1/√m is −m^−1.5/2
    const x = vector(vec(m.norm2));
    vector(vec(m.afterAttn)).forEach((a, i) => reproduces(x[i], a * s, (Math.abs(a) + Math.abs(s)) * half + half * half));
  });

  it('every unit, both outputs of mlp_fc2 and the residual add', () => {
    for (const u of mlpUnits(m)) dotReproduces(unitLine(u, m.norm2));
    m.mlpOut.forEach((_, j) => { if (!downLine(m, j).includes('every unit is off')) dotReproduces(downLine(m, j)); });
    const [, , sum, out] = sides(residualLine(m));
    const [r, d] = sum.split(') + (').map((t) => vector(`(${t.replace(/^\(|\)$/g, '')})`));
    vector(out).forEach((o, i) => reproduces(o, r[i] + d[i], 2 * half));
  });

  it('the logits, the softmax sum, each probability and the loss', () => {
    const rows = outputRows(toyVocab, toyStateDict['lm_head'], step.trace.logits, step.probs);
    for (const r of rows) dotReproduces(logitLine(r, m.output));
    const shownLogits = rows.map((r) => num(sides(logitLine(r, m.output))[2]));
    const [, exps, total] = sides(plainLine(denominatorParts(rows)));
    expect(exps.split(' + ').map((t) => num(t.replace('e^', '')))).toEqual(shownLogits);
    const expError = (l: number) => Math.exp(l) * (Math.exp(half) - 1);
    reproduces(num(total), shownLogits.reduce((s, l) => s + Math.exp(l), 0), shownLogits.reduce((s, l) => s + expError(l), 0));
    for (const r of rows) {
      const [, power, ratio, p] = sides(plainLine(probabilityParts(r, rows)));
      const l = num(power.split(' / ')[0].replace('e^', ''));
      const [e, t] = ratio.split(' / ').map(num);
      reproduces(e, Math.exp(l), expError(l));
      // e/t with both rounded: error at most (|e|·half + t·half)/t², to first order
      reproduces(num(p), e / t, ((Math.abs(e) + t) * half) / (t * t) * 1.01);
      const [, , lnOf, loss] = sides(lossLine(r.label, r.p));
      const shownP = num(lnOf.replace('−ln ', ''));
      expect(shownP).toBe(num(p));
      reproduces(num(loss), -Math.log(shownP), (half / shownP) * 1.01);
    }
  });
});
