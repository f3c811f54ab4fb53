// The logic behind chapter 3's widgets: the network's sliders and diagram, its surface,
// the hand-training targets and error, and the stage figures.

import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/engine/random.ts';
import { fixed } from '../../../../src/viz/shared/format.ts';
import { MLP, mlpWith, mse, parameters, trace } from '../../../../src/engine/lessons/neuron.ts';
import {
  controlIndex, defaultNetworkValues, edgeLabelSize, describeForwardPass, networkControls, networkDiagram, networkFrom, networkSurface,
  snap, splitValues, surfaceGrids, surfacePoint,
} from '../../../../src/viz/neuron/network.ts';
import {
  GOAL, HAND_X3, MAX_ROUNDS, errorBarFraction, fastOutputs, handError, historyLast, historyPath, makeTarget, outputsAt, paramControls,
  pushReading, samplePoints, sliderBySlider, sliderValues, startParams, targetIsLegible,
} from '../../../../src/viz/neuron/hand-training.ts';
import { stageEquations, stageOutput, stagePlot, stageResult, turnOnPoint, turnOnText, waterfall, waterfallExtent, waterfallLayout } from '../../../../src/viz/neuron/neuron-stage.ts';

describe('the network sliders', () => {
  it('list x₁ x₂ x₃ then the 11 parameters in the order parameters() uses', () => {
    expect(networkControls.map((c) => c.key)).toEqual(['x1', 'x2', 'x3', 'w11', 'w12', 'w13', 'b1', 'w21', 'w22', 'w23', 'b2', 'u1', 'u2', 'c']);
    expect(defaultNetworkValues).toHaveLength(networkControls.length);
    expect(parameters(networkFrom(defaultNetworkValues))).toEqual(splitValues(defaultNetworkValues).params);
    expect(controlIndex('b2')).toBe(10);
    expect(() => controlIndex('nope')).toThrow(RangeError);
  });

  it('every slider has a name, a description and a range that contains its starting value', () => {
    networkControls.forEach((c, i) => {
      expect(c.symbol.length).toBeGreaterThan(0);
      expect(c.description.length).toBeGreaterThan(5);
      expect(defaultNetworkValues[i]).toBeGreaterThanOrEqual(c.min);
      expect(defaultNetworkValues[i]).toBeLessThanOrEqual(c.max);
      expect(snap(defaultNetworkValues[i])).toBe(defaultNetworkValues[i]);
    });
  });

  it('snap rounds to the slider grid exactly and clamps to its range', () => {
    expect(snap(0.1 + 0.2)).toBe(0.3);
    expect(snap(-0.04)).toBe(0);
    expect(snap(7)).toBe(2);
    expect(snap(-1.26)).toBe(-1.3);
  });
});

describe('the network diagram', () => {
  const values = defaultNetworkValues;
  const d = networkDiagram(values);
  const { x, params } = splitValues(values);
  const layers = trace(mlpWith(3, [2, 1], params), x);

  it('gives the hidden outputs and the output by name, as the forward pass computes them', () => {
    expect(d.hidden).toEqual(layers[0].out);
    expect(d.output).toBe(layers[1].out[0]);
  });

  it('has 3 + 2 + 1 nodes and 3·2 + 2·1 edges', () => {
    expect(d.nodes.map((n) => n.id)).toEqual(['x1', 'x2', 'x3', 'h1', 'h2', 'y']);
    // the output is the prediction ŷ; the plain y is kept for the target, as in the chapter's loss
    expect(d.nodes.map((n) => n.symbol)).toEqual(['x₁', 'x₂', 'x₃', 'h₁', 'h₂', 'ŷ']);
    expect(d.edges.map((e) => e.key)).toEqual(['w11', 'w12', 'w13', 'w21', 'w22', 'w23', 'u1', 'u2']);
  });

  it('writes the forward pass on it: inputs, each z and output, and weight × input on every edge', () => {
    expect(d.nodes.slice(0, 3).map((n) => n.value)).toEqual(x);
    expect(d.nodes[3]).toMatchObject({ z: layers[0].z[0], value: layers[0].out[0] });
    expect(d.nodes[4]).toMatchObject({ z: layers[0].z[1], value: layers[0].out[1] });
    expect(d.nodes[5]).toMatchObject({ z: layers[1].z[0], value: layers[1].out[0] });
    expect(d.output).toBe(layers[1].out[0]);
    for (const e of d.edges) {
      const w = params[networkControls.findIndex((c) => c.key === e.key) - 3];
      expect(e.weight).toBe(w);
    }
    expect(d.edges[1].value).toBe(params[1] * x[1]); // w12 · x2
    expect(d.edges[7].value).toBe(params[9] * layers[0].out[1]); // u2 · h2
  });

  it('keeps every node and label inside its box', () => {
    for (const n of d.nodes) {
      expect(n.x - d.radius).toBeGreaterThanOrEqual(0);
      expect(n.x + d.radius).toBeLessThanOrEqual(d.width);
      expect(n.y - d.radius - 18).toBeGreaterThanOrEqual(0);
      expect(n.y + d.radius + 16).toBeLessThanOrEqual(d.height);
    }
    // the six first-layer labels sit at least 14 units apart, so their text does not overlap
    const labels = d.edges.slice(0, 6);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const far = Math.abs(labels[i].labelX - labels[j].labelX) > 40 || Math.abs(labels[i].labelY - labels[j].labelY) >= 14;
        expect(far, `${labels[i].key} and ${labels[j].key}`).toBe(true);
      }
    }
  });

  it('describes the forward pass in words with the same numbers', () => {
    const text = describeForwardPass(values);
    expect(text).toContain(`Output ŷ = ReLU(${fixed(layers[1].z[0])}) = ${fixed(layers[1].out[0])}`);
    expect(text).toContain(`h₂ = ReLU(${fixed(layers[0].z[1])})`);
  });
});

describe('the network surface', () => {
  const { params } = splitValues(defaultNetworkValues);

  it('samples the output of the MLP class, with the output neuron’s z alongside', () => {
    const { y, z } = surfaceGrids(params, 0.5, 10);
    const mlp = mlpWith(3, [2, 1], params);
    // sample (i, j) = (3, 7) is x1 = −2 + 3·0.4, x2 = −2 + 7·0.4
    const k = 7 * 11 + 3;
    const x = [-2 + 3 * 0.4, -2 + 7 * 0.4, 0.5];
    expect(y.values[k]).toBeCloseTo(mlp.call(x)[0], 12);
    expect(z.values[k]).toBeCloseTo(trace(mlp, x)[1].z[0], 12);
    for (let i = 0; i < y.values.length; i++) expect(y.values[i]).toBe(Math.max(0, z.values[i]));
  });

  it('draws a fold line for each hidden neuron that switches on inside the square, and a ŷ = 0 edge', () => {
    const s = networkSurface(params, 0.5);
    expect(s.folds.map((f) => f.symbol)).toEqual(['h₁', 'h₂']);
    expect(s.folds.every((f) => f.line !== null)).toBe(true);
    expect(s.zeroLine).toMatch(/^M/);
    expect(s.contours.length).toBeGreaterThan(0);
    // kill h1: its sum is at most 2 + 1 + 0.5 − 5 < 0 everywhere, so no fold
    const dead = [...params];
    dead[3] = -5;
    expect(networkSurface(dead, 0.5).folds[0].line).toBeNull();
  });

  it('uses the contour step it is given, for comparing two surfaces', () => {
    const s = networkSurface(params, 1, 0.5);
    expect(s.step).toBe(0.5);
    expect(s.contours.map((c) => c.level)).toEqual(s.contours.map((_, i) => 0.5 * (i + 1)));
  });

  it('places the input ring at (x₁, x₂)', () => {
    expect(surfacePoint(-2, -2)).toEqual({ x: 0, y: 280 });
    expect(surfacePoint(1, 0)).toEqual({ x: 210, y: 140 });
  });
});

describe('train it by hand', () => {
  it('measures the error on a 9×9 grid over the square with x₃ held fixed', () => {
    expect(samplePoints).toHaveLength(81);
    expect(samplePoints[0]).toEqual([-2, -2, HAND_X3]);
    expect(samplePoints[80]).toEqual([2, 2, HAND_X3]);
    expect(paramControls).toHaveLength(11);
    expect(sliderValues).toHaveLength(41);
    expect(sliderValues[0]).toBe(-2);
    expect(sliderValues[23]).toBe(0.3);
  });

  it('the unrolled forward pass agrees with MLP.call', () => {
    for (const seed of [1, 2, 3]) {
      const params = parameters(new MLP(3, [2, 1], new Random(seed)));
      const fast = Array.from(fastOutputs(params));
      outputsAt(params).forEach((v, k) => expect(fast[k]).toBeCloseTo(v, 12));
    }
  });

  it('handError is the mean squared error of the outputs at the sample points', () => {
    const target = makeTarget(1);
    expect(handError(startParams, target.outputs)).toBe(mse(outputsAt(startParams), target.outputs));
    expect(handError(target.params, target.outputs)).toBe(0);
  });

  it('makeTarget is deterministic for a seed and different across seeds', () => {
    expect(makeTarget(1)).toEqual(makeTarget(1));
    expect(makeTarget(1).params).not.toEqual(makeTarget(2).params);
  });

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`target ${seed} sits on the slider grid, is legible, starts far away, and is reachable slider by slider`, () => {
      const t = makeTarget(seed);
      expect(t.params).toHaveLength(11);
      for (const p of t.params) {
        expect(sliderValues).toContain(p);
      }
      expect(targetIsLegible(t.params)).toBe(true);
      expect(handError(startParams, t.outputs)).toBeGreaterThanOrEqual(10 * GOAL);
      const { params, errors } = sliderBySlider(startParams, t.params, MAX_ROUNDS, 0.75 * GOAL);
      expect(errors.length).toBe(t.rounds);
      expect(errors[errors.length - 1]).toBeLessThan(GOAL);
      expect(handError(params, t.outputs)).toBeCloseTo(errors[errors.length - 1], 12);
      for (const p of params) expect(sliderValues).toContain(p);
    });
  }

  it('slider by slider never makes the error worse from one round to the next', () => {
    const t = makeTarget(3);
    const { errors } = sliderBySlider(startParams, t.params, 6);
    for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThanOrEqual(errors[i - 1]);
  });

  it('the error bar is a log scale from 0.001 (empty) to 10 (full)', () => {
    expect(errorBarFraction(0)).toBe(0);
    expect(errorBarFraction(0.001)).toBe(0);
    expect(errorBarFraction(0.1)).toBeCloseTo(0.5, 12);
    expect(errorBarFraction(10)).toBe(1);
    expect(errorBarFraction(1e6)).toBe(1);
  });

  it('the history line spans readings left to right on the same scale', () => {
    expect(historyPath([], 100, 50, 11)).toBe('');
    expect(historyPath([10, 0.1, 0.001], 100, 50, 11)).toBe('M0,0L10,25L20,50');
  });

  it('the latest reading off the history scale is held at the edge and flagged', () => {
    expect(historyLast([1, 40], 100, 50, 11)).toEqual({ x: 10, y: 0, off: 'above' });
    expect(historyLast([1, 0.0001], 100, 50, 11)).toEqual({ x: 10, y: 50, off: 'below' });
    expect(historyLast([1, 0.1], 100, 50, 11).off).toBeNull();
  });

  it('the history keeps only the latest readings', () => {
    expect(pushReading([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(pushReading([1], 2, 3)).toEqual([1, 2]);
  });
});

describe('the neuron stages', () => {
  it('each stage computes what its lesson function does', () => {
    expect(stageOutput('adder', 3, 99, -1)).toBe(2);
    expect(stageOutput('weight', 3, 2, -1)).toBe(5);
    expect(stageOutput('relu', 1, 2, -3)).toBe(0);
    expect(stageOutput('relu', 4, 2, -3)).toBe(5);
  });

  it('a ReLU neuron switches on at x = −b/w', () => {
    expect(turnOnPoint(2, -3)).toBe(1.5);
    expect(turnOnPoint(0, 1)).toBeNull();
    expect(turnOnText(2, -3)).toContain('x = −b/w = 1.50');
    expect(turnOnText(2, -3)).toContain('above');
    expect(turnOnText(-1, 0.5)).toContain('below');
    expect(turnOnText(0, 1)).toContain('always on');
    expect(turnOnText(0, -1)).toContain('always off');
  });

  it('writes the arithmetic out with the current numbers', () => {
    expect(stageEquations('adder', { x: 3, w: 0, b: -1 })).toEqual(['a = x + b = 3.0 + (−1.0) = 2.00']);
    expect(stageEquations('relu', { x: 1, w: 2, b: -3 })).toEqual(['z = x·w + b = 1.0·2.0 + (−3.0) = −1.00', 'a = ReLU(z) = max(0, −1.00) = 0.00']);
    expect(stageEquations('dot', { xs: [2, -1, 0.5], ws: [0.5, 1.5, -2], b: 1 })).toEqual([
      'z = x · w + b = 2.0·0.5 + (−1.0)·1.5 + 0.5·(−2.0) + 1.0 = −0.50',
      'a = ReLU(z) = 0.00',
    ]);
  });

  it('the ReLU plot bends exactly at the switch point and marks it', () => {
    const p = stagePlot('relu', 1, 2, -3);
    expect(p.curve.split(/[ML]/).filter(Boolean)).toHaveLength(3);
    expect(p.turnOn?.at).toBe(1.5);
    expect(p.preactivation).toMatch(/^M/);
    expect(stagePlot('weight', 1, 2, -3).preactivation).toBeNull();
    expect(stagePlot('weight', 4, 3, 4).point.off).toBe('above'); // 16 is off the chart, held at its top edge
    expect(stagePlot('weight', 4, 3, 4).point.y).toBe(stagePlot('weight', 0, 0, 6).point.y);
    expect(stagePlot('weight', -4, 3, -4).point.off).toBe('below');
    expect(stagePlot('weight', 1, 2, -3).point.off).toBeNull();
  });

  it('each stage gives its output as a number, the one its last equation shows', () => {
    expect(stageResult('adder', { x: 1.5, w: 1, b: 0.5 })).toBe(2);
    expect(stageResult('relu', { x: 1, w: 1, b: -3 })).toBe(0);
    expect(stageResult('dot', { xs: [1, 0.5, -1], ws: [0.5, 1, 0.5], b: 0.25 })).toBe(0.75);
    const lines = stageEquations('weight', { x: 1.5, w: -0.5, b: 1 });
    expect(lines[lines.length - 1].endsWith(`= ${fixed(stageResult('weight', { x: 1.5, w: -0.5, b: 1 }))}`)).toBe(true);
  });

  it('the waterfall runs through the products, the bias, the total and the ReLU', () => {
    const rows = waterfall([2, -1, 0.5], [0.5, 1.5, -2], 1);
    expect(rows.map((r) => r.label)).toEqual(['x₁·w₁', 'x₂·w₂', 'x₃·w₃', '+ b', 'z', 'ReLU(z)']);
    expect(rows.map((r) => r.to)).toEqual([1, -0.5, -1.5, -0.5, -0.5, 0]);
    expect(rows[1].from).toBe(rows[0].to);
    expect(waterfallExtent(rows)).toBe(2);
  });
});

describe('the drawn waterfall and history', () => {
  it('lays the bars on a symmetric axis with zero in the middle, totals in grey', () => {
    const layout = waterfallLayout(waterfall([2, -1, 0.5], [0.5, 1.5, -2], 1));
    expect(layout.ticks.map((t) => t.label)).toEqual(['−2', '0', '2']);
    expect(layout.zeroX).toBe((layout.ticks[0].at + layout.ticks[2].at) / 2);
    expect(layout.bars.map((b) => b.kind)).toEqual(['up', 'down', 'down', 'up', 'total', 'total']);
    expect(layout.bars.map((b) => b.tone)).toEqual(['positive', 'negative', 'negative', 'positive', 'muted', 'muted']);
    // the first bar runs from 0 to 1: from the zero line, a quarter of the axis to the right
    const quarter = (layout.ticks[2].at - layout.ticks[0].at) / 4;
    expect(layout.bars[0].x).toBe(layout.zeroX);
    expect(layout.bars[0].width).toBeCloseTo(quarter, 0);
    // ReLU(z) of a negative z is a zero-length bar, still drawn 1 unit wide
    expect(layout.bars[5].width).toBe(1);
  });

  it('the history ends at the latest reading', () => {
    expect(historyLast([10, 0.1], 100, 50, 11)).toEqual({ x: 10, y: 25, off: null });
    expect(historyLast([], 100, 50, 11).x).toBe(0);
  });
});

describe('edgeLabelSize', () => {
  it('is 12 units at full size or larger, and grows so a scaled-down label stays 12 px on screen', () => {
    expect(edgeLabelSize(380, 380)).toBe(12);
    expect(edgeLabelSize(512, 380)).toBe(12);
    for (const shown of [300, 250, 190]) expect((edgeLabelSize(shown, 380) * shown) / 380).toBeCloseTo(12, 10);
    expect(edgeLabelSize(0, 380)).toBe(12); // not yet measured
  });
});
