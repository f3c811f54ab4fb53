import { describe, expect, it } from 'vitest';
import { asPoints, lossChart, meanOfLast, smooth, thin } from '../../../../src/viz/training/loss-chart.ts';

describe('smooth', () => {
  it('is the exponential moving average corrected for its start at 0', () => {
    // β = 0.5: s1 = 0.5·1 = 0.5 → 0.5/0.5 = 1; s2 = 0.25 + 0.5·3 = 1.75 → 1.75/0.75; s3 = 0.875 + 0.5·2 = 1.875 → 1.875/0.875
    expect(smooth([1, 3, 2], 0.5)).toEqual([1, 1.75 / 0.75, 1.875 / 0.875]);
  });
  it('leaves a constant series constant from the first step', () => {
    for (const s of smooth([2.5, 2.5, 2.5, 2.5])) expect(s).toBeCloseTo(2.5, 12);
  });
});

describe('thin', () => {
  const points = asPoints(Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) + (i === 500 ? 5 : 0)));
  it('keeps short series whole', () => {
    expect(thin(points.slice(0, 10), 100)).toEqual(points.slice(0, 10));
  });
  it('keeps at most two points per column, in step order, with every extreme', () => {
    const t = thin(points, 50);
    expect(t.length).toBeLessThanOrEqual(100);
    for (let i = 1; i < t.length; i++) expect(t[i].step).toBeGreaterThan(t[i - 1].step);
    expect(t.some((p) => p.step === 501)).toBe(true); // the spike survives
  });
});

describe('lossChart', () => {
  const base = { width: 640, numSteps: 1000, heldOut: [], trainEval: [], kept: [], uniform: Math.log(27), bigram: 2.45 };
  it('draws one path per series, whatever the number of steps', () => {
    const losses = Array.from({ length: 20_000 }, (_, i) => 3.3 - i / 20_000);
    const c = lossChart({ ...base, losses, numSteps: 20_000 });
    const points = (d: string) => (d.match(/[ML]/g) ?? []).length;
    expect(points(c.raw)).toBeLessThanOrEqual(c.plot.right - c.plot.left + 2);
    expect(c.raw.startsWith('M')).toBe(true);
    expect(c.lastStep).toBe(20_000);
  });
  it('puts the baselines where the y scale says, the uniform one above the counting one', () => {
    const c = lossChart({ ...base, losses: [3.4, 3.0, 2.6] });
    expect(c.uniform.y).toBeLessThan(c.bigram!.y);
    expect(c.uniform.label).toContain('3.30');
    expect(c.said).toContain('Step 3 of 1,000');
  });
  it('spans the x axis over the planned run, not the steps so far', () => {
    const c = lossChart({ ...base, losses: [3, 2.9] });
    expect(c.xTicks.at(-1)!.value).toBe(1000);
  });
  it('leaves no gap or NaN in a path when a loss is not finite', () => {
    const c = lossChart({ ...base, losses: [3, Infinity, 2.9] });
    expect(c.raw).not.toContain('NaN');
  });
  it('grows the y axis to hold every kept run, never flattening one at the top', () => {
    const wild = Array.from({ length: 100 }, (_, i) => ({ step: i + 1, loss: i < 60 ? 7.2 : 3 })); // an lr 0.1 run's smoothed curve
    const c = lossChart({ ...base, losses: [3, 2.9], kept: [{ id: 1, label: 'lr 0.1', smoothed: wild }] });
    expect(c.yDomain[1]).toBeGreaterThanOrEqual(7.2);
    expect(c.above).toBeNull();
  });
  it('caps the thin per-step line at uniform + 1.5, and marks the steps above the top with their largest value', () => {
    const losses = [3.3, 3.1, 12.5, 2.9, 9];
    const c = lossChart({ ...base, losses });
    const top = c.yDomain[1];
    expect(top).toBeLessThan(12.5);
    expect(c.above).toMatchObject({ count: 2, max: 12.5 });
    expect(c.above!.label).toBe(`2 steps above ${top.toFixed(1)}, up to 12.50`);
    expect(c.said).toContain('2 steps above');
  });
});

describe('meanOfLast', () => {
  it('averages the last 100 losses, or all when fewer', () => {
    const losses = Array.from({ length: 250 }, (_, i) => i);
    expect(meanOfLast(losses)).toEqual({ mean: (150 + 249) / 2, count: 100 });
    expect(meanOfLast([1, 2])).toEqual({ mean: 1.5, count: 2 });
    expect(meanOfLast([])).toBeNull();
  });
});
