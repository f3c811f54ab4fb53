import { describe, expect, it } from 'vitest';
import { lengthProblem, notAddedProblem, textLimits } from '../../../../src/viz/shared/input-limits.ts';
import { nameFieldLength } from '../../../../src/state/traced-name.svelte.ts';
import { limits } from '../../../../src/viz/autograd/expr.ts';
import { datasetLimits } from '../../../../src/state/custom-dataset.ts';

describe('input limits', () => {
  it('are the one constant per meaning the checks use', () => {
    expect(nameFieldLength).toBe(textLimits.name);
    expect(limits.length).toBe(textLimits.expression);
    expect(datasetLimits.maxBytes).toBe(textLimits.dataset);
  });
  it('say nothing for text that fits, and state length and limit for text that does not', () => {
    expect(lengthProblem(40, 40)).toBeNull();
    expect(lengthProblem(1_000_000, 40)?.message).toBe('Too long: 1,000,000 characters; this field takes at most 40. Nothing is done with it until it is shorter.');
  });
  it('say what was not added, in one bounded sentence', () => {
    expect(notAddedProblem(1, 41, 40).message).toBe('Not added: 1 character would make 41; this field takes at most 40. What it held is unchanged.');
    const m = notAddedProblem(1_000_000, 1_000_010, 40).message;
    expect(m).toContain('1,000,000 characters would make 1,000,010');
    expect(m.length).toBeLessThan(200);
  });
});
