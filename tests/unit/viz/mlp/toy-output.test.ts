// The toy output's rows and lines, against numbers worked by hand.

import { describe, expect, it } from 'vitest';
import { denominatorParts, logitLine, lossLine, outputRows, probabilityParts } from '../../../../src/viz/mlp/toy-output.ts';
import { plainLine } from '../../../../src/viz/mlp/line-parts.ts';

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
  const n = (t: string) => t.replaceAll(' = ', '\u00a0= ');
  it('writes a logit as lm_head row · output, to 4 decimals', () => {
    expect(logitLine(rows[1], [-0.5, Math.log(3)])).toBe(n('logit(a) = 0.00·(−0.5000) + 1.00·1.0986 = 1.0986'));
  });

  it('writes the softmax sum and each probability with e raised to the logit as a superscript part', () => {
    expect(denominatorParts(rows)).toEqual([n('sum = '), { exp: '0.0000' }, ' + ', { exp: '1.0986' }, n(' = 4.0000')]);
    expect(plainLine(probabilityParts(rows[1], rows))).toBe(n('p(a) = e^1.0986 / 4.0000 = 3.0000 / 4.0000 = 0.7500'));
  });

  it('writes the loss as −ln p with the natural log: −ln 0.5 = 0.6931', () => {
    expect(lossLine('c', 0.5)).toBe(n('loss = −ln p(c) = −ln 0.5000 = 0.6931'));
    expect(lossLine('a', 1)).toBe(n('loss = −ln p(a) = −ln 1.0000 = 0.0000'));
  });
});
