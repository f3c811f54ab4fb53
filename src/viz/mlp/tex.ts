// TeX for the prose's worked arithmetic, built from computed numbers (rendered at build time
// by <Tex>): the same lines the widgets write as text, with \cdot for the products.

import { fixed } from '../shared/format.ts';
import { dotText } from './toy-mlp.ts';

/** A dot product in TeX: texDot([0.4, 0.1], [−0.69, 1.23]) = "0.40 \cdot (−0.69) + 0.10 \cdot 1.23". */
export const texDot = (w: readonly number[], x: readonly number[], decimals = 2) => dotText(w, x, decimals, ' \\cdot ');

/** A vector in TeX: texVec([−0.69, 1.23]) = "(−0.69,\ 1.23)". */
export const texVec = (xs: readonly number[], decimals = 2) => `(${xs.map((x) => fixed(x, decimals)).join(',\\ ')})`;
