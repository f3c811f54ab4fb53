import { describe, expect, it } from 'vitest';
import { labelBox, vectorPlot } from '../../../../src/viz/toy/vector-plot.ts';
import { embeddingArrows, normCircle, residualArrows } from '../../../../src/viz/toy/toy-arrows.ts';
import { runningExample, toyStep } from '../../../../src/viz/toy/walkthrough.ts';

describe('vectorPlot', () => {
  const plot = vectorPlot([{ from: [0, 0], to: [1, -0.5], role: 'sum', label: 'x' }], 200, Math.SQRT2);
  it('puts the origin in the middle, with y pointing up', () => {
    expect(plot.origin).toEqual({ x: 100, y: 100 });
    const [a] = plot.arrows;
    expect([a.x1, a.y1]).toEqual([100, 100]);
    expect(a.x2).toBeGreaterThan(100);
    expect(a.y2).toBeGreaterThan(100); // −0.5 is below the origin
  });
  it('reaches past every tip and the circle, and draws the circle to the same scale', () => {
    const unit = plot.ticks.find((t) => t.value === 1)!.at - plot.origin.x;
    expect(plot.circle!.r).toBeCloseTo(Math.SQRT2 * unit, 9);
    expect(plot.circle!.r).toBeLessThan(100);
    expect(plot.arrows[0].x2 - plot.origin.x).toBeCloseTo(unit, 9);
  });
  it('ends each head at its arrow\'s tip', () => {
    expect(plot.arrows[0].head.split(' ')[0]).toBe(`${plot.arrows[0].x2},${plot.arrows[0].y2}`);
  });
});

describe('the toy\'s arrows', () => {
  const s = toyStep(runningExample);
  it('draw the embedding tip to tail: wte from the origin, wpe from its tip to the sum (−0.4, 0.5)', () => {
    const [wte, wpe, sum, norm] = embeddingArrows(s);
    expect(wte.to).toEqual([-0.3, 0.4]);
    expect(wpe.from).toEqual(wte.to);
    expect(wpe.to[0]).toBeCloseTo(-0.4, 12);
    expect(sum.to[1]).toBeCloseTo(0.5, 12);
    expect(Math.hypot(...norm.to)).toBeCloseTo(normCircle, 4); // rms 1 in 2-D is length √2
  });
  it('draw the residual add: attention\'s output starts at the stream\'s tip', () => {
    const [input, add, out] = residualArrows(s);
    expect(add.from).toEqual(input.to);
    expect(add.to).toEqual(out.to);
  });
});

describe('the plots\' labels', () => {
  const overlapping = (arrows: ReturnType<typeof vectorPlot>['arrows']) => {
    const boxes = arrows.map((a) => labelBox(a.labelX, a.labelY, a.anchor, a.label));
    return boxes.some((b, i) => boxes.some((c, j) => j > i && b.left < c.right && c.left < b.right && b.top < c.bottom && c.top < b.bottom));
  };
  it('keep apart for every pick, even where the short arrows crowd the origin', () => {
    for (let token = 0; token < 4; token++) {
      for (let pos = 0; pos < 4; pos++) {
        for (const cache of ['pinned', 'computed'] as const) {
          const s = toyStep({ token, pos, cache });
          expect(overlapping(vectorPlot(embeddingArrows(s), 220, normCircle).arrows), `embedding ${token} ${pos} ${cache}`).toBe(false);
          expect(overlapping(vectorPlot(residualArrows(s), 220).arrows), `residual ${token} ${pos} ${cache}`).toBe(false);
        }
      }
    }
  });
  it('measure a label from the point its anchor names', () => {
    expect(labelBox(10, 20, 'start', 'wte')).toEqual({ left: 10, right: 29.5, top: 14.5, bottom: 25.5 });
    expect(labelBox(10, 20, 'end', 'wte').right).toBe(10);
    expect(labelBox(10, 20, 'middle', 'x').left).toBe(6.75);
  });
});
