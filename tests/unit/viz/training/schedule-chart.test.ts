// Adam's schedule chart: its three curves against the formulas, worked at a few steps.

import { describe, expect, it } from 'vitest';
import { adamDefaults, adamState, adamStep } from '../../../../src/engine/adam.ts';
import { scheduleChart, scheduleSize } from '../../../../src/viz/training/schedule-chart.ts';

describe('scheduleChart', () => {
  const chart = scheduleChart(adamDefaults, 1000);
  const byId = Object.fromEntries(chart.lines.map((l) => [l.id, l.values]));

  it('falls linearly from the full rate at t = 1 to 1/T of it at t = T', () => {
    expect(byId.lr[0]).toBe(1);
    expect(byId.lr[999]).toBeCloseTo(1 / 1000, 14);
    expect(byId.lr[499]).toBeCloseTo(1 - 499 / 1000, 14);
  });

  it('has the bias-correction divisors 1 − βᵗ, starting at 1 − β', () => {
    expect(byId.m[0]).toBeCloseTo(1 - 0.85, 14);
    expect(byId.v[0]).toBeCloseTo(1 - 0.99, 14);
    expect(byId.m[9]).toBeCloseTo(1 - 0.85 ** 10, 14);
    expect(byId.v[999]).toBeGreaterThan(0.9999);
  });

  it('agrees with the engine: adamStep’s first move is lr × m̂/√v̂ with these divisors', () => {
    const state = adamState(1);
    const data = Float64Array.of(0);
    adamStep(state, data, Float64Array.of(2), 0, 1000);
    const m = (1 - adamDefaults.beta1) * 2;
    const v = (1 - adamDefaults.beta2) * 4;
    expect(data[0]).toBeCloseTo(-adamDefaults.lr * byId.lr[0] * (m / byId.m[0]) / (Math.sqrt(v / byId.v[0]) + adamDefaults.eps), 14);
  });

  it('draws every curve inside the box and refuses a run too short to draw', () => {
    for (const l of chart.lines) {
      expect(l.d.startsWith('M')).toBe(true);
      expect(l.end.x).toBeCloseTo(scheduleSize.width - scheduleSize.right, 9);
      expect(l.end.y).toBeGreaterThanOrEqual(scheduleSize.top - 1e-9);
      expect(l.end.y).toBeLessThanOrEqual(scheduleSize.height - scheduleSize.bottom + 1e-9);
    }
    expect(chart.xTicks.map((t) => t.label)).toContain('1,000');
    expect(() => scheduleChart(adamDefaults, 1)).toThrow(RangeError);
  });
});
