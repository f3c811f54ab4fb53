import { describe, expect, it } from 'vitest';
import { fail } from '../../../../src/viz/shared/problem.ts';

describe('fail', () => {
  it('wraps a message in a failed result', () => {
    expect(fail('Type a number')).toEqual({ ok: false, problem: { message: 'Type a number' } });
  });

  it('keeps the column when one is to blame', () => {
    expect(fail('Unexpected “)”', 4)).toEqual({ ok: false, problem: { message: 'Unexpected “)”', at: 4 } });
  });
});
