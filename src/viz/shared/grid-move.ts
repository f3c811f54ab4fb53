// Moving a keyboard cursor through a grid of cells (heat maps, matrices, vector strips): the
// arrow keys, Home and End, as a grid role expects them.

/**
 * Where an arrow key (or Home, End) moves the focus in a grid whose row r has rowLength(r)
 * cells, or null for any other key. Up and down keep the column where the row is long enough.
 */
export function gridMove(key: string, at: readonly [number, number], rows: number, rowLength: (r: number) => number): [number, number] | null {
  const [r, c] = at;
  const clampCol = (row: number) => Math.min(c, rowLength(row) - 1);
  switch (key) {
    case 'ArrowUp': { const row = Math.max(0, r - 1); return [row, clampCol(row)]; }
    case 'ArrowDown': { const row = Math.min(rows - 1, r + 1); return [row, clampCol(row)]; }
    case 'ArrowLeft': return [r, Math.max(0, c - 1)];
    case 'ArrowRight': return [r, Math.min(rowLength(r) - 1, c + 1)];
    case 'Home': return [r, 0];
    case 'End': return [r, rowLength(r) - 1];
    default: return null;
  }
}
