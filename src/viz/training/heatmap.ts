// A signed matrix as a heatmap: each cell's colour is the positive or negative colour mixed
// into the background in proportion to its size, on one linear scale whose top is the
// largest magnitude in the matrix (d3-scale). Pure layout: Svelte draws the cells.

import { scaleLinear } from 'd3-scale';
import { precise } from '../shared/format.ts';

/** One cell: where it is, its value, its sign and how much colour (0–100 %) it gets. */
export type SignedCell = { row: number; col: number; value: number; sign: 'positive' | 'negative' | 'zero'; mix: number; said: string };

/** The cells row by row, the scale's top, and the cell size in px that fits the width. */
export type SignedHeatmap = { rows: number; cols: number; max: number; cells: SignedCell[][]; cell: number };

/** The smallest cell the heatmap draws: below it, the heatmap scrolls instead of shrinking. */
export const minCell = 4;
/** The largest. */
export const maxCell = 22;

/** The tallest a heatmap grows, in px: a 64-row matrix gets smaller cells rather than a page of its own. */
export const maxHeight = 520;

/** Cell size that fits `cols` columns (plus a label column of labelWidth px) into width px and `rows` rows into maxHeight, between minCell and maxCell. */
export function cellSize(width: number, cols: number, labelWidth: number, rows = 1): number {
  const tall = Math.floor(maxHeight / rows);
  const wide = width <= 0 ? maxCell : Math.floor((width - labelWidth) / cols);
  return Math.max(minCell, Math.min(maxCell, wide, tall));
}

/** Label every how many rows, so labels stand at least 10 px apart: 1 for cells of 10 px and more. */
export function labelEvery(cell: number): number {
  return Math.ceil(10 / cell);
}

/** Lay out values [rows][cols] named `name` (row labels for the words said on focus) to fit width px. */
export function signedHeatmap(name: string, values: readonly (readonly number[])[], rowLabels: readonly string[], width: number, labelWidth = 40): SignedHeatmap {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  let max = 0;
  for (const row of values) for (const x of row) max = Math.max(max, Math.abs(x));
  const shade = scaleLinear().domain([0, max || 1]).range([0, 100]).clamp(true);
  const cells = values.map((row, r) =>
    row.map((value, c): SignedCell => ({
      row: r, col: c, value, sign: value > 0 ? 'positive' : value < 0 ? 'negative' : 'zero', mix: Math.round(shade(Math.abs(value))),
      said: `${name}[${r}][${c}] (row ${rowLabels[r] ?? r}) = ${precise(value, 4)}`,
    })),
  );
  return { rows, cols, max, cells, cell: cellSize(width, cols, labelWidth, rows) };
}
