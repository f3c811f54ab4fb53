// A value a figure cannot fit on its axis is never clamped silently: it is held at the edge
// and flagged, so the figure draws it there with its value and an arrow pointing off the axis.

/** Where a value sits along an axis: its pixel position, and which edge it passed, if any. */
export type Placed = { at: number; off: 'below' | 'above' | null };

/** Place `value` on a scale's range, held at the nearer edge (and flagged) when it lies outside [min, max] of the domain. */
export function placeOnAxis(scale: { (v: number): number; domain(): number[] }, value: number): Placed {
  const [a, b] = scale.domain();
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (value < lo) return { at: scale(lo), off: 'below' };
  // NaN (a run that blew up past every number) is drawn past the top, like +Infinity
  if (value > hi || Number.isNaN(value)) return { at: scale(hi), off: 'above' };
  return { at: scale(value), off: null };
}

/** Which way an arrow for an off-axis value points on screen. */
export type OffDirection = 'up' | 'down' | 'left' | 'right';

/**
 * The arrow drawn for a value held at the edge: a small triangle whose tip is at (x, y) on
 * the edge, pointing off the plot, and where its label goes. `size` is the triangle's length
 * in pixels; an up or down arrow's label goes to its left when less than `room` pixels are
 * left before `right`.
 */
export function offAxisArrow(
  x: number, y: number, direction: OffDirection, { size = 8, right = Infinity, room = 48 }: { size?: number; right?: number; room?: number } = {},
): { path: string; labelX: number; labelY: number; anchor: 'start' | 'end' } {
  const h = size / 2;
  const tip = {
    up: [x, y, x - h, y + size, x + h, y + size],
    down: [x, y, x - h, y - size, x + h, y - size],
    left: [x, y, x + size, y - h, x + size, y + h],
    right: [x, y, x - size, y - h, x - size, y + h],
  }[direction];
  const path = `M${tip[0]},${tip[1]}L${tip[2]},${tip[3]}L${tip[4]},${tip[5]}Z`;
  if (direction === 'left') return { path, labelX: x + size + 3, labelY: y - h - 4, anchor: 'start' };
  if (direction === 'right') return { path, labelX: x - size - 3, labelY: y - h - 4, anchor: 'end' };
  const labelY = direction === 'up' ? y + h : y - h;
  return right - x < room ? { path, labelX: x - h - 3, labelY, anchor: 'end' } : { path, labelX: x + h + 3, labelY, anchor: 'start' };
}
