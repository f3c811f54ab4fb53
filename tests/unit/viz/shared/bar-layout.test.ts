// Vertical bar charts: bars on a baseline, whole-number ticks, labels thinned to fit.

import { describe, expect, it } from 'vitest';
import { barLayout } from '../../../../src/viz/shared/bar-layout.ts';

describe('barLayout', () => {
  const data = [{ label: 'a', value: 10 }, { label: 'b', value: 5 }, { label: 'c', value: 0 }];
  const layout = barLayout(data, { width: 300, height: 100, margin: { top: 10, right: 10, bottom: 20, left: 30 } });

  it('barLayout stands every bar on the baseline, its height proportional to its value', () => {
    for (const b of layout.bars) expect(b.y + b.height).toBeCloseTo(layout.baseline);
    expect(layout.baseline).toBe(80);
    expect(layout.bars[0].height).toBeCloseTo(2 * layout.bars[1].height);
    expect(layout.bars[2].height).toBe(0);
  });

  it('barLayout keeps bars inside the plot, left to right in data order', () => {
    expect(layout.bars[0].x).toBeGreaterThanOrEqual(30);
    expect(layout.bars[2].x + layout.bars[2].width).toBeLessThanOrEqual(290);
    expect(layout.bars[0].x).toBeLessThan(layout.bars[1].x);
  });

  it('barLayout labels every bar when labels fit, and every few bars when they do not', () => {
    expect(layout.labelEvery).toBe(1);
    const many = Array.from({ length: 40 }, (_, i) => ({ label: String(i), value: i }));
    const narrow = barLayout(many, { width: 240, height: 100, labelWidth: 24 });
    const step = narrow.bars[1].x - narrow.bars[0].x;
    expect(narrow.labelEvery).toBe(Math.ceil(24 / step));
    expect(narrow.labelEvery * step).toBeGreaterThanOrEqual(24);
  });

  it('barLayout gives whole-number ticks starting at zero, labelled with thousands separators', () => {
    expect(barLayout([{ label: 'a', value: 4000 }], { width: 100, height: 100 }).ticks.map((t) => t.label)).toContain('4,000');
    expect(layout.ticks[0]).toEqual({ value: 0, at: 80, label: '0' });
    expect(layout.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
  });
});
