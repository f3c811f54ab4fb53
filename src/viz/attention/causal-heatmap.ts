// One head's attention weights as a causal heatmap: a row per query position, a column per
// key position, only the lower triangle (a position sees itself and the positions before it).
// Pure layout: cells with their place, weight and words; Svelte draws them.

import { fixed } from '../shared/format.ts';

/** One cell: query position row attends to key position col with this weight. */
export type HeatCell = { row: number; col: number; weight: number; shade: number; text: string; said: string };

/** A heatmap: the cells row by row, and the labels of the positions (the same on both axes). */
export type Heatmap = { head: number; size: number; labels: string[]; cells: HeatCell[][] };

/** How strongly a weight in [0, 1] is coloured, as a percentage of the head colour mixed in. */
export function weightShade(weight: number): number {
  return Math.round(100 * Math.min(1, Math.max(0, weight)));
}

/** A position as the axis names it: "2 m". */
export const positionLabel = (labels: readonly string[], pos: number) => `${pos} ${labels[pos]}`;

/** Lay out head `head`'s weights ([query][key ≤ query]) with the token labels of the positions. */
export function causalHeatmap(head: number, weights: readonly (readonly number[])[], labels: readonly string[]): Heatmap {
  const cells = weights.map((row, r) =>
    row.slice(0, r + 1).map((weight, c): HeatCell => ({
      row: r, col: c, weight, shade: weightShade(weight), text: fixed(weight, 2),
      said: `head ${head + 1}: position ${positionLabel(labels, r)} looks at position ${positionLabel(labels, c)} with weight ${fixed(weight, 3)}`,
    })),
  );
  return { head, size: weights.length, labels: [...labels], cells };
}
