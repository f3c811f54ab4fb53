// The score-spread figure's layout: where scores land, what is held at the edge, the ±1 sd bars.

import { describe, expect, it } from 'vitest';
import { dotsPath, spreadFigure, spreadLayout } from '../../../../src/viz/attention/spread-layout.ts';
import type { SpreadAt } from '../../../../src/viz/attention/score-spread.ts';

// x runs from 62 (score −60) to 350 (score 60): 2.4 units per 1
const at = (v: number) => 62 + (v + 60) * 2.4;
const row = { first: { scores: [], weights: [], top: 0, topWeight: 0, topSlope: 0 }, meanTopWeight: 0, meanTopSlope: 0 };
const sample: SpreadAt = { d: 4, raw: [0, 10, -70, 100], scaled: [0, 5, -35, 50], sdRaw: 10, sdScaled: 5, rowsRaw: row, rowsScaled: row };

describe('spreadLayout', () => {
  const l = spreadLayout(sample);
  it('draws each score at its place on the shared axis and holds the ones past ±60 at the edge, counted', () => {
    expect(spreadFigure.axis).toEqual([-60, 60]);
    expect(l.zeroX).toBeCloseTo(at(0), 12);
    [at(0), at(10), at(-60), at(60)].forEach((x, i) => expect(l.strips[0].dots[i].x).toBeCloseTo(x, 12));
    expect(l.strips[0].beyond).toBe(2);
    expect(l.strips[1].beyond).toBe(0);
  });
  it('spans one standard deviation either side of the mean (10 and 12.5 here)', () => {
    expect(l.strips[0].sdBar[0]).toBeCloseTo(at(10 - 10), 12);
    expect(l.strips[0].sdBar[1]).toBeCloseTo(at(10 + 10), 12);
    expect(l.strips[1].sdBar[1]).toBeCloseTo(at(5 + 5), 12);
  });
  it('puts the two strips one above the other, each dot within its strip', () => {
    const [a, b] = l.strips;
    expect(b.y - a.y).toBe(spreadFigure.strip);
    for (const s of l.strips) for (const d of s.dots) expect(Math.abs(d.y - s.y)).toBeLessThanOrEqual(0.4 * spreadFigure.strip);
  });
  it('draws all dots of a strip as one path, a zero-length segment per dot at one decimal', () => {
    expect(dotsPath([{ x: 1.26, y: 2 }, { x: 3, y: 4.04 }])).toBe('M1.3 2.0h0M3.0 4.0h0');
    expect(l.strips[0].path.match(/M/g)).toHaveLength(sample.raw.length);
  });
});
