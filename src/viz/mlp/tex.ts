// TeX for the prose's worked arithmetic, built from computed numbers (rendered at build time
// by <Tex>): the same lines the widgets write as text, with \cdot for the products, broken
// into aligned rows narrow enough for a phone.

import { fixed } from '../shared/format.ts';
import { dotTerms } from './toy-mlp.ts';

const cdot = ' \\cdot ';

/**
 * Rows of an aligned block for lhs = w·x = result: the products `perRow` to a row, the
 * result on a row of its own. "h_0 &= 0.40 \cdot (−0.69) + 0.10 \cdot 1.23 \\ &= −0.15"
 */
export function texDotRows(lhs: string, w: readonly number[], x: readonly number[], result: number, decimals = 2, perRow = 2): string {
  const terms = dotTerms(w, x, decimals, cdot);
  const rows: string[] = [];
  for (let i = 0; i < terms.length; i += perRow) rows.push(`${i === 0 ? `${lhs} &= ` : '&\\quad'}${terms.slice(i, i + perRow).join('')}`);
  rows.push(`&= ${fixed(result, decimals)}`);
  return rows.join(' \\\\ ');
}
