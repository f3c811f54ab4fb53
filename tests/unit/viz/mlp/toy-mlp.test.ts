// The toy MLP's layout and its lines of arithmetic, against numbers worked by hand.

import { describe, expect, it } from 'vitest';
import { dotText, downLine, mlpUnits, normLine, onSummary, onUnits, reluText, residualLine, unitLine, unitName, vec, type MlpNumbers } from '../../../../src/viz/mlp/toy-mlp.ts';

// a 2 → 4 → 2 block worked by hand: x = (1, −1); fc1 rows give h = 0.3, −0.5, 0, 0.2
const m: MlpNumbers = {
  afterAttn: [2, -2],
  norm2: [1, -1],
  hidden: [0.3, -0.5, 0, 0.2],
  relu: [0.3, 0, 0, 0.2],
  fc1: [[0.5, 0.2], [-0.2, 0.3], [0.1, 0.1], [0.4, 0.2]],
  fc2: [[1, 2, 3, 0.5], [-1, 0, 0, 2]],
  mlpOut: [0.3 + 0.1, -0.3 + 0.4], // 1·0.3 + 0.5·0.2, −1·0.3 + 2·0.2
  output: [2.4, -1.9],
};

describe('mlpUnits', () => {
  it('lists every hidden unit with its fc1 row, z and ReLU(z), on only when z > 0 (z = 0 is off)', () => {
    const units = mlpUnits(m);
    expect(units.map((u) => u.on)).toEqual([true, false, false, true]);
    expect(units[3]).toEqual({ index: 3, row: [0.4, 0.2], z: 0.2, relu: 0.2, on: true });
    expect(onUnits(m.hidden)).toEqual([0, 3]);
  });
});

describe('lines of arithmetic', () => {
  it('writes = with a no-break space in front, so a line wraps after it', () => {
    expect(unitLine(mlpUnits(m)[0], m.norm2)).not.toMatch(/ =/);
  });

  it('writes a unit as its dot product with the input, bracketing negative factors', () => {
    const [u0, u1] = mlpUnits(m);
    expect(unitLine(u0, m.norm2)).toBe('h₀ = 0.50·1.0000 + 0.20·(−1.0000) = 0.3000');
    expect(reluText(u0)).toBe('on: ReLU(0.3000) = 0.3000');
    expect(reluText(u1)).toBe('off: ReLU(−0.5000) = 0');
    expect(dotText([0.4, -0.1, 0.3], [-0.69, 1.23, 2], 2, ' \\cdot ')).toBe('0.40 \\cdot (−0.69) − 0.10 \\cdot 1.23 + 0.30 \\cdot 2.00');
  });

  it('writes fc2 over the units that are on only', () => {
    expect(downLine(m, 0)).toBe('mlpOut₀ = 1.00·0.3000 + 0.50·0.2000 = 0.4000');
    expect(downLine(m, 1)).toBe('mlpOut₁ = −1.00·0.3000 + 2.00·0.2000 = 0.1000');
    expect(downLine({ ...m, hidden: [-1, -1, 0, -2] }, 0)).toBe('mlpOut₀ = 0 (every unit is off)');
  });

  it('writes the residual add, the norm working and which units are on', () => {
    expect(residualLine(m)).toBe('output = afterAttn + mlpOut = (2.0000, −2.0000) + (0.4000, 0.1000) = (2.4000, −1.9000)');
    // mean square of (3, −4) is 12.5; 1/√12.50001 ≈ 0.283
    expect(normLine({ input: [3, -4], meanSquare: 12.5, scale: 12.50001 ** -0.5, output: [0.85, -1.13] }))
      .toBe('mean square = (3.0000² + (−4.0000)²)/2 = 12.5000; scale = 1/√(12.5000 + 0.00001) = 0.2828');
    expect(onSummary(m.hidden)).toBe('h₀, h₃ on (2 of 4); 2 off');
    expect(onSummary([0, -1])).toBe('no unit on (0 of 2); 2 off');
    expect(unitName(7)).toBe('h₇');
    expect(vec([0.125, -1], 3)).toBe('(0.125, −1.000)');
  });
});
