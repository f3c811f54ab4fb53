// A typing problem in the expression field reads the same on the page and in the live region.

import { describe, expect, it } from 'vitest';
import { caretLine, exprProblemText } from '../../../../src/viz/autograd/expr-messages.ts';
import { parseExpr } from '../../../../src/viz/autograd/expr.ts';

describe('expression problems', () => {
  it('names the column, then the message', () => {
    expect(exprProblemText({ message: 'expected a number', at: 3 })).toBe('Column 3: expected a number.');
  });

  it('blames column 1 when the parser names none', () => {
    expect(exprProblemText({ message: 'type an expression' })).toBe('Column 1: type an expression.');
    expect(caretLine({ message: 'x' })).toBe('^');
  });

  it('puts the caret under the column the parser blames', () => {
    const parsed = parseExpr('a * * b');
    if (parsed.ok) throw new Error('expected a problem');
    const at = parsed.problem.at!;
    expect(caretLine(parsed.problem).length).toBe(at);
    expect('a * * b'[at - 1]).toBe('*');
  });
});
