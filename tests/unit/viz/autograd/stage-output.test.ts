// The stage runner prints what the stage's code prints, with a note in words wherever floating
// point alone would print a bare -Infinity or NaN.

import { describe, expect, it } from 'vitest';
import { stage } from '../../../../src/engine/lessons/stages.ts';
import { stage4Note, stageOutput } from '../../../../src/viz/autograd/stage-output.ts';

const raw = /-?Infinity|NaN/;

describe('stageOutput', () => {
  it('prints exactly what the stage prints where every number is finite', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const values = stage(n).inputs.map((i) => i.value);
      expect(stageOutput(n, values)).toEqual(stage(n).run(...values));
    }
  });

  it('at a = 0 stage 4 says log(0) has no value, not -Infinity, and keeps the other ops', () => {
    const out = stageOutput(4, [0, 3]);
    expect(out[3]).toMatch(/^a\.log\(\): No value\. The log of 0 is minus infinity/);
    expect(out[3]).toContain('math domain error');
    expect(out.join('\n')).not.toMatch(raw);
    expect(out[1]).toBe('a.mul(b): data 0, localGrads [3, 0]');
    expect(out[5]).toBe('a.relu(): data 0, localGrads [0]');
  });

  it('at a negative a stage 4 says the log is not a real number, not NaN', () => {
    const out = stageOutput(4, [-2, 3]);
    expect(out[3]).toBe('a.log(): No value. The log of a negative number (a = −2) is not a real number; log needs a positive input (Python\'s math.log stops here with “math domain error”).');
    expect(out.join('\n')).not.toMatch(raw);
  });

  it('an exp that overflows says so, not Infinity', () => {
    const out = stageOutput(4, [1000, 3]);
    expect(out[4]).toBe('a.exp(): No value. The exponential is too large a number for a float: it overflows to infinity (Python\'s math.exp stops here with “math range error”).');
    expect(out.join('\n')).not.toMatch(raw);
  });

  it('a finite log whose local gradient 1/a overflows keeps its value and names the gradient', () => {
    expect(stage4Note('a.log()', 1e-320, 1)).toMatch(/^a\.log\(\): data −73\d\.\d+, but its local gradient is too large/);
  });

  it('every note starts, after the op, with a capital letter', () => {
    for (const [x, call] of [[0, 'a.log()'], [-1, 'a.log()'], [800, 'a.exp()']] as const) {
      expect(stage4Note(call, x, 1)).toMatch(/^a\.\w+\(\): [A-Z]/);
    }
  });
});
