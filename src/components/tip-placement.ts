// Where a glossary definition pops up: under its word if it fits, above if it fits there and not
// below, shifted sideways to stay inside the viewport. Pure: boxes in, an offset out.

/** A box in viewport pixels. */
export type Box = { left: number; top: number; width: number; height: number };

/** The popup's offset from its word's top-left corner, in pixels. */
export type Placement = { dx: number; dy: number; side: 'below' | 'above' };

/**
 * Place a popup of `tip` size against `word` inside a viewport of `viewport` size, keeping
 * `margin` pixels from its edges. A popup wider than the viewport starts at the left margin.
 */
export function placeTip(word: Box, tip: { width: number; height: number }, viewport: { width: number; height: number }, margin = 8): Placement {
  const left = Math.max(margin, Math.min(word.left, viewport.width - margin - tip.width));
  const roomBelow = viewport.height - margin - (word.top + word.height);
  const roomAbove = word.top - margin;
  const side = roomBelow >= tip.height || roomBelow >= roomAbove ? 'below' : 'above';
  return { dx: left - word.left, dy: side === 'below' ? word.height : -tip.height, side };
}
