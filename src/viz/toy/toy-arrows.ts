// The arrows the toy's plots draw for one pick: the embedding (token row, then position row
// tip to tail, their sum, its RMSNorm) and the residual add (the stream, the attention output
// added at its tip, the result). Labels in the figures' words.

import { fixed } from '../shared/format.ts';
import type { ArrowSpec, Point } from './vector-plot.ts';
import { toyLabel, type ToyStep } from './walkthrough.ts';

const pt = (xs: readonly number[]): Point => [xs[0], xs[1]];
const origin: Point = [0, 0];
/** "(−0.40, 0.50)" with `d` decimals, for the plots' accessible descriptions. */
const at = (xs: readonly number[], d = 2) => `(${xs.map((x) => fixed(x, d)).join(', ')})`;

/** RMSNorm of a 2-D vector has root mean square 1, so it lies on the circle of radius √2. */
export const normCircle = Math.SQRT2;

export function embeddingArrows(s: ToyStep): ArrowSpec[] {
  const { tokEmb, embSum, embNorm } = s.trace;
  return [
    { from: origin, to: pt(tokEmb), role: 'token', label: 'wte' },
    { from: pt(tokEmb), to: pt(embSum), role: 'position', label: 'wpe' },
    { from: origin, to: pt(embSum), role: 'sum', label: 'x' },
    { from: origin, to: pt(embNorm), role: 'norm', label: 'x̂', labelRight: true },
  ];
}

export function embeddingDescription(s: ToyStep): string {
  const { tokEmb, posEmb, embSum, embNorm } = s.trace;
  return `Arrows: the token row of ${toyLabel(s.pick.token)} ${at(tokEmb)}, then the position row ${at(posEmb)} from its tip, reaching the sum ${at(embSum)}; the normalised vector ${at(embNorm, 3)} on the dashed circle of radius √2.`;
}

export function residualArrows(s: ToyStep): ArrowSpec[] {
  const l = s.trace.layers[0];
  return [
    { from: origin, to: pt(l.input), role: 'norm', label: 'x̂' },
    { from: pt(l.input), to: pt(l.afterAttn), role: 'attn', label: 'a' },
    { from: origin, to: pt(l.afterAttn), role: 'stream', label: 'x′', labelRight: true },
  ];
}

export function residualDescription(s: ToyStep): string {
  const l = s.trace.layers[0];
  return `Arrows: the stream entering attention ${at(l.input, 3)}, the attention output ${at(l.attnOut, 3)} added at its tip, reaching ${at(l.afterAttn, 3)}.`;
}
