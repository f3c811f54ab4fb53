import { describe, expect, it } from 'vitest';
import { placeTip } from '../../../src/components/tip-placement.ts';

const viewport = { width: 375, height: 740 };
const tip = { width: 300, height: 120 };

describe('placeTip', () => {
  it('puts the popup under the word, aligned with its left edge, when it fits', () => {
    expect(placeTip({ left: 20, top: 100, width: 60, height: 24 }, tip, viewport)).toEqual({ dx: 0, dy: 24, side: 'below' });
  });

  it('shifts the popup left to keep it inside the right edge', () => {
    const p = placeTip({ left: 300, top: 100, width: 60, height: 24 }, tip, viewport);
    expect(300 + p.dx + tip.width).toBe(375 - 8);
  });

  it('keeps the left margin for a word that starts off the left edge', () => {
    expect(placeTip({ left: -5, top: 100, width: 60, height: 24 }, tip, viewport).dx).toBe(13);
  });

  it('flips the popup above a word near the bottom of the viewport', () => {
    expect(placeTip({ left: 20, top: 680, width: 60, height: 24 }, tip, viewport)).toEqual({ dx: 0, dy: -120, side: 'above' });
  });

  it('stays below when neither side has room but below has more', () => {
    expect(placeTip({ left: 20, top: 60, width: 60, height: 24 }, { width: 300, height: 700 }, viewport).side).toBe('below');
  });

  it('starts a popup wider than the viewport at the left margin', () => {
    expect(placeTip({ left: 100, top: 100, width: 60, height: 24 }, { width: 500, height: 100 }, viewport).dx).toBe(-92);
  });
});
