import { describe, expect, it } from 'vitest';
import { bulkInsert, holdInsert, lengthProblem, notAddedProblem, planEdit, textLimits, type Edit } from '../../../../src/viz/shared/input-limits.ts';
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

describe('planEdit', () => {
  const max = 2_000_000;
  const cases: { name: string; edit: Edit; canHold: boolean; plan: ReturnType<typeof planEdit> }[] = [
    { name: 'a keystroke is the browser’s', edit: { length: 10, start: 10, end: 10, added: 'a' }, canHold: true, plan: 'browser' },
    { name: 'a deletion at the caret is the browser’s', edit: { length: 500_000, start: 9, end: 9, added: null }, canHold: true, plan: 'browser' },
    { name: 'a paste that would pass the limit is refused', edit: { length: 0, start: 0, end: 0, added: 'a'.repeat(max + 1) }, canHold: true, plan: 'refuse' },
    { name: 'a shorter replacement of a field already too long is allowed', edit: { length: max + 5, start: 0, end: max + 5, added: 'a' }, canHold: true, plan: 'direct' },
    { name: 'a paste past holdInsert is held where the field can hold it', edit: { length: 3, start: 3, end: 3, added: 'a'.repeat(holdInsert + 1) }, canHold: true, plan: 'hold' },
    { name: 'the same paste is put in directly where it cannot', edit: { length: 3, start: 3, end: 3, added: 'a'.repeat(holdInsert + 1) }, canHold: false, plan: 'direct' },
    { name: 'a paste up to holdInsert is put in directly', edit: { length: 0, start: 0, end: 0, added: 'a'.repeat(holdInsert) }, canHold: true, plan: 'direct' },
    { name: 'a large selection deleted is done directly', edit: { length: 500_000, start: 0, end: 500_000, added: '' }, canHold: true, plan: 'direct' },
    { name: 'a large selection replaced by a keystroke is done directly', edit: { length: 500_000, start: 0, end: 500_000, added: 'x' }, canHold: true, plan: 'direct' },
    { name: 'a small selection deleted is the browser’s', edit: { length: 500_000, start: 0, end: bulkInsert, added: '' }, canHold: true, plan: 'browser' },
  ];
  for (const c of cases) it(c.name, () => expect(planEdit(c.edit, max, c.canHold)).toBe(c.plan));
  it('refuses against a small limit before anything else', () => {
    expect(planEdit({ length: 0, start: 0, end: 0, added: 'a'.repeat(holdInsert + 1) }, 40, true)).toBe('refuse');
  });
});
