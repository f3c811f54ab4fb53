// The drawn graph turns from left-to-right to top-to-bottom only when it would not fit, and
// widgets find nodes by name, never by where they sit in the order.

import { describe, expect, it } from 'vitest';
import { buildExpr, parseExpr } from '../../../../src/viz/autograd/expr.ts';
import { fittedLayout } from '../../../../src/viz/autograd/graph-view.ts';
import { graphOf, inputNamed, outputOf } from '../../../../src/viz/autograd/value-graph.ts';

function graph(src: string, env: Record<string, number>) {
  const parsed = parseExpr(src);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const built = buildExpr(parsed.expr, env);
  if (!built.ok) throw new Error(built.problem.message);
  return graphOf(built.graph.root, built.graph.names);
}

describe('fittedLayout', () => {
  const g = graph('a*b + exp(a)', { a: 2, b: 3 });
  const wide = fittedLayout(g, 0);

  it('lays out left to right while the box is unmeasured or wide enough', () => {
    expect(fittedLayout(g, wide.width + 1)).toEqual(wide);
    expect(wide.width).toBeGreaterThan(wide.height);
  });

  it('turns top to bottom when left to right would be wider than the box', () => {
    const tall = fittedLayout(g, wide.width - 1);
    expect(tall.height).toBeGreaterThan(tall.width);
  });
});

describe('nodes by name', () => {
  const g = graph('b*a + a', { a: 2, b: 3 });

  it('finds an input by its name, wherever it sits', () => {
    expect(inputNamed(g, 'a')?.data).toBe(2);
    expect(inputNamed(g, 'b')?.data).toBe(3);
    expect(inputNamed(g, 'c')).toBeUndefined();
  });

  it('the output is the node computed last', () => {
    expect(outputOf(g).data).toBe(3 * 2 + 2);
  });
});
