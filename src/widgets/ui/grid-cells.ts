// The cells of a keyboard grid (role="grid": heat maps, matrices, vector strips) carry their
// row and column as data-r and data-c; these two read a cell from an event and move focus to one.

/** The [row, column] of the grid cell an event came from, or null when it came from outside a cell. */
export function cellOf(target: EventTarget | null): [number, number] | null {
  const el = (target as Element | null)?.closest<HTMLElement>('[data-r][data-c]');
  return el ? [Number(el.dataset.r), Number(el.dataset.c)] : null;
}

/** Moves the focus to the cell at [row, column] of `grid` (the roving tab stop follows it). */
export function focusCell(grid: HTMLElement | undefined, [r, c]: readonly [number, number]): void {
  grid?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)?.focus();
}
