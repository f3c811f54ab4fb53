// Gradient descent on one example, and the geometry of the two loss figures.

import { describe, expect, it } from 'vitest';
import { canStep, evaluate, largestStableRate, sgdDefaults, sgdRun, sgdStart, sgdStep, sgdTrend } from '../../../../src/viz/autograd/sgd.ts';
import { curveDefaults, curveStepWarning, lossCurveFigure, lossHistoryChart } from '../../../../src/viz/autograd/loss-charts.ts';

describe('SGD on p = w·x + b, L = (p − y)²', () => {
  it('starts at x = 3, y = 10, w = 2, b = 1 with ∂L/∂b = −6 and ∂L/∂w = −18', () => {
    const start = sgdStart(sgdDefaults).history[0];
    expect(start.prediction).toBe(7);
    expect(start.loss).toBe(9);
    expect(start.gradB).toBe(-6);
    expect(start.gradW).toBe(-18);
  });

  it('moves each parameter by −lr × its gradient', () => {
    const run = sgdStep(sgdStart(sgdDefaults));
    const [s0, s1] = run.history;
    expect(s1.w).toBeCloseTo(s0.w - sgdDefaults.lr * s0.gradW, 15);
    expect(s1.b).toBeCloseTo(s0.b - sgdDefaults.lr * s0.gradB, 15);
    expect(s1.step).toBe(1);
  });

  it('at lr 0.02 the prediction climbs toward 10 and the loss falls every step', () => {
    const run = sgdRun(sgdStart(sgdDefaults), 20);
    for (let k = 1; k < run.history.length; k++) {
      expect(run.history[k].loss).toBeLessThan(run.history[k - 1].loss);
      expect(run.history[k].prediction).toBeGreaterThan(run.history[k - 1].prediction);
      expect(run.history[k].prediction).toBeLessThan(sgdDefaults.y);
    }
    expect(sgdTrend(run)).toBe('falling');
  });

  it('matches the engine gradient with a finite difference', () => {
    const h = 1e-6;
    const r = evaluate(sgdDefaults, 2.3, 0.7);
    const fdW = (evaluate(sgdDefaults, 2.3 + h, 0.7).loss - evaluate(sgdDefaults, 2.3 - h, 0.7).loss) / (2 * h);
    expect(r.gradW).toBeCloseTo(fdW, 5);
  });

  it('diverges just above the largest stable rate and converges just below it', () => {
    const limit = largestStableRate(sgdDefaults);
    const above = sgdRun(sgdStart({ ...sgdDefaults, lr: limit * 1.05 }), 10);
    const below = sgdRun(sgdStart({ ...sgdDefaults, lr: limit * 0.95 }), 10);
    expect(sgdTrend(above)).toBe('rising');
    expect(above.history[10].loss).toBeGreaterThan(above.history[0].loss);
    expect(sgdTrend(below)).toBe('falling');
    const at = sgdRun(sgdStart({ ...sgdDefaults, lr: limit }), 4);
    expect(at.history[4].loss).toBeCloseTo(at.history[0].loss, 6);
  });

  it('stops stepping once the loss is too large to trust', () => {
    const run = sgdRun(sgdStart({ ...sgdDefaults, lr: 0.15 }), 1000);
    expect(canStep(run)).toBe(false);
    expect(sgdTrend(run)).toBe('blown-up');
    expect(run.history.length).toBeLessThan(200);
  });
});

describe('the loss charts', () => {
  it('places every step of a run inside the chart, the first loss highest', () => {
    const run = sgdRun(sgdStart(sgdDefaults), 15);
    const chart = lossHistoryChart(run.history);
    const { width, height } = chart.size;
    for (const p of chart.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(height);
    }
    expect(chart.points[0].y).toBeLessThan(chart.points[15].y); // higher loss, higher up
    expect(chart.path.startsWith('M')).toBe(true);
    expect(chart.yTicks.length).toBeGreaterThan(1);
  });

  it('draws the tangent with slope ∂L/∂w and the step −lr·∂L/∂w', () => {
    const fig = lossCurveFigure(curveDefaults, 2, 0.02);
    const at2 = evaluate({ ...sgdDefaults, b: curveDefaults.b }, 2, curveDefaults.b);
    expect(fig.grad).toBe(at2.gradW);
    expect(fig.step).toBeCloseTo(-0.02 * at2.gradW, 15);
    expect(fig.next.w).toBeCloseTo(2 + fig.step, 15);
    expect(fig.next.loss).toBeLessThan(fig.loss);
    // the tangent's two ends, in pixels, have the slope grad × (pixels per loss / pixels per w)
    const nums = fig.tangent.match(/-?\d+(\.\d+)?/g)!.map(Number);
    const [x1, y1, x2, y2] = [nums[0], nums[1], nums[nums.length - 2], nums[nums.length - 1]];
    const pxPerW = (fig.xTicks[1].at - fig.xTicks[0].at) / (fig.xTicks[1].value - fig.xTicks[0].value);
    const pxPerL = (fig.yTicks[0].at - fig.yTicks[1].at) / (fig.yTicks[1].value - fig.yTicks[0].value);
    expect(((y1 - y2) / pxPerL) / ((x2 - x1) / pxPerW)).toBeCloseTo(fig.grad, 1);
  });

  it('holds a step that leaves the chart at the edge it leaves by, and says which', () => {
    const fig = lossCurveFigure(curveDefaults, 0.2, 0.15);
    expect(fig.next.inside).toBe(false);
    expect(fig.next.off).toBe('right');
    expect(fig.next.w).toBeGreaterThan(curveDefaults.wMax);
    expect(fig.next.x).toBe(fig.size.width - fig.size.right);
    expect(fig.arrow.x2).toBe(fig.next.x);
  });

  it('warns, in one sentence for eye and ear, about a step that leaves the chart or overshoots', () => {
    expect(curveStepWarning(lossCurveFigure(curveDefaults, 2, 0.02))).toBe('');
    expect(curveStepWarning(lossCurveFigure(curveDefaults, 0.2, 0.15))).toMatch(/^This step would leave the chart/);
    expect(curveStepWarning(lossCurveFigure(curveDefaults, 2, 0.12))).toMatch(/^This step overshoots/);
  });

  it('marks a step that lands inside the chart as inside', () => {
    expect(lossCurveFigure(curveDefaults, 2, 0.02).next.off).toBeNull();
  });

  it('draws a loss of exactly 0 at the floor of the log chart, flagged, not as a tiny number', () => {
    const history = [
      { step: 0, w: 0, b: 0, prediction: 0, loss: 4, gradW: 0, gradB: 0 },
      { step: 1, w: 0, b: 0, prediction: 0, loss: 0.5, gradW: 0, gradB: 0 },
      { step: 2, w: 0, b: 0, prediction: 0, loss: 0, gradW: 0, gradB: 0 },
    ];
    const chart = lossHistoryChart(history);
    expect(chart.points.map((p) => p.below)).toEqual([false, false, true]);
    expect(chart.points[2].y).toBe(chart.size.height - chart.size.bottom);
    expect(chart.yTicks[0].label).not.toMatch(/e/); // the axis did not stretch down to 1e-12 for it
  });
});
