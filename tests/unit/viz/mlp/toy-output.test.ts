// The toy output's rows and lines, against numbers worked by hand.

import { describe, expect, it } from 'vitest';
import { denominatorText, logitLine, lossLine, outputRows, probabilityLine } from '../../../../src/viz/mlp/toy-output.ts';

// logits ln 1, ln 3 (so e^logit = 1 and 3, probabilities 1/4 and 3/4)
const rows = outputRows(['BOS', 'a'], [[1, 0], [0, 1]], [0, Math.log(3)], [0.25, 0.75]);

describe('outputRows', () => {
  it('keeps each token with its lm_head row, logit, e^logit and probability', () => {
    expect(rows[1].label).toBe('a');
    expect(rows[1].row).toEqual([0, 1]);
    expect(rows[1].exp).toBeCloseTo(3, 12);
    expect(rows[0]).toEqual({ token: 0, label: 'BOS', row: [1, 0], logit: 0, exp: 1, p: 0.25 });
  });
});

describe('the lines', () => {
  it('writes a logit as lm_head row · output', () => {
    expect(logitLine(rows[1], [-0.5, Math.log(3)])).toBe('logit(a) = 0.00·(−0.50) + 1.00·1.10 = 1.10');
  });

  it('writes the softmax sum and each probability as e^logit over it', () => {
    expect(denominatorText(rows)).toBe('e^0.00 + e^1.10 = 4.00');
    expect(probabilityLine(rows[1], rows)).toBe('p(a) = e^1.10 / 4.00 = 3.00 / 4.00 = 0.750');
  });

  it('writes the loss as −ln p with the natural log: −ln 0.5 = 0.693', () => {
    expect(lossLine('c', 0.5)).toBe('loss = −ln p(c) = −ln 0.500 = 0.693');
    expect(lossLine('a', 1)).toBe('loss = −ln p(a) = −ln 1.000 = 0.000');
  });
});
