// Value: scalar autograd. Every op's forward value is checked against plain Math, and its
// gradient against a central finite difference of that same plain-number function.

import { describe, expect, it } from 'vitest';
import { Value, sum, toValue, topologicalOrder } from '../../../src/engine/value.ts';

const H = 1e-6;
const REL = 1e-6;

/** Central finite difference of a plain-number function. */
const fd1 = (f: (x: number) => number, x: number) => (f(x + H) - f(x - H)) / (2 * H);

/** |actual − expected| ≤ rel·max(1, |expected|). */
function expectClose(actual: number, expected: number, rel = REL): void {
  const tol = rel * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

type UnaryCase = { name: string; op: (v: Value) => Value; ref: (x: number) => number; at: number[] };

const unaryCases: UnaryCase[] = [
  { name: 'pow(2)', op: (v) => v.pow(2), ref: (x) => x * x, at: [-1.7, 0.3, 2.5] },
  { name: 'pow(3)', op: (v) => v.pow(3), ref: (x) => x * x * x, at: [-1.2, 0.4, 1.9] },
  { name: 'pow(-1)', op: (v) => v.pow(-1), ref: (x) => 1 / x, at: [-2.0, 0.5, 3.0] },
  { name: 'pow(-0.5)', op: (v) => v.pow(-0.5), ref: (x) => 1 / Math.sqrt(x), at: [0.25, 1.0, 4.7] },
  { name: 'pow(0.5)', op: (v) => v.pow(0.5), ref: (x) => Math.sqrt(x), at: [0.3, 2.0, 9.0] },
  { name: 'log', op: (v) => v.log(), ref: (x) => Math.log(x), at: [0.2, 1.0, 7.5] },
  { name: 'exp', op: (v) => v.exp(), ref: (x) => Math.exp(x), at: [-3.0, 0.0, 1.3] },
  { name: 'relu', op: (v) => v.relu(), ref: (x) => (x > 0 ? x : 0), at: [-2.0, -0.3, 0.3, 2.0] },
  { name: 'neg', op: (v) => v.neg(), ref: (x) => -x, at: [-1.5, 0.0, 2.25] },
  { name: 'add(number)', op: (v) => v.add(2.5), ref: (x) => x + 2.5, at: [-1.0, 0.7] },
  { name: 'mul(number)', op: (v) => v.mul(-3), ref: (x) => -3 * x, at: [-1.0, 0.7] },
  { name: 'sub(number)', op: (v) => v.sub(4), ref: (x) => x - 4, at: [-1.0, 0.7] },
  { name: 'div(number)', op: (v) => v.div(8), ref: (x) => x / 8, at: [-1.0, 0.7] },
];

describe('Value unary ops', () => {
  for (const c of unaryCases) {
    for (const x of c.at) {
      it(`Value.${c.name} at ${x} computes the value and its derivative (vs finite differences)`, () => {
        const v = new Value(x);
        const y = c.op(v);
        expectClose(y.data, c.ref(x), 1e-15);
        y.backward();
        expectClose(v.grad, fd1(c.ref, x));
      });
    }
  }

  it('Value.relu at exactly 0 is 0 with gradient 0 (microgpt: float(x > 0))', () => {
    const v = new Value(0);
    const y = v.relu();
    y.backward();
    expect(y.data).toBe(0);
    expect(v.grad).toBe(0);
  });

  it('Value.pow records the exponent in op and k·x^(k−1) as the local gradient', () => {
    const y = new Value(3).pow(2);
    expect(y.op).toBe('^2');
    expect(y.localGrads).toEqual([6]);
  });
});

type BinaryCase = { name: string; op: (a: Value, b: Value) => Value; ref: (a: number, b: number) => number };

const binaryCases: BinaryCase[] = [
  { name: 'add', op: (a, b) => a.add(b), ref: (a, b) => a + b },
  { name: 'mul', op: (a, b) => a.mul(b), ref: (a, b) => a * b },
  { name: 'sub', op: (a, b) => a.sub(b), ref: (a, b) => a - b },
  { name: 'div', op: (a, b) => a.div(b), ref: (a, b) => a / b },
];
const binaryPoints: [number, number][] = [[2, 3], [-1.25, 0.5], [0.3, -4.0]];

describe('Value binary ops', () => {
  for (const c of binaryCases) {
    for (const [a0, b0] of binaryPoints) {
      it(`Value.${c.name}(${a0}, ${b0}) computes the value and both partial derivatives (vs finite differences)`, () => {
        const a = new Value(a0);
        const b = new Value(b0);
        const y = c.op(a, b);
        expectClose(y.data, c.ref(a0, b0), 1e-15);
        y.backward();
        expectClose(a.grad, fd1((x) => c.ref(x, b0), a0));
        expectClose(b.grad, fd1((x) => c.ref(a0, x), b0));
      });
    }
  }

  it('Value.mul accumulates b into a.grad and a into b.grad', () => {
    const a = new Value(2);
    const b = new Value(3);
    a.grad = 10; // an earlier contribution stays: gradients accumulate with +=
    b.grad = 20;
    const y = a.mul(b);
    y.backward();
    expect(a.grad).toBe(13);
    expect(b.grad).toBe(22);
  });

  it('Value.add and Value.mul record their children and local gradients', () => {
    const a = new Value(2);
    const b = new Value(5);
    const s = a.add(b);
    const p = a.mul(b);
    expect(s.children).toEqual([a, b]);
    expect(s.localGrads).toEqual([1, 1]);
    expect(p.children).toEqual([a, b]);
    expect(p.localGrads).toEqual([5, 2]);
    expect(a.children).toEqual([]);
    expect(a.localGrads).toEqual([]);
    expect(a.log().children).toEqual([a]);
  });

  it('toValue wraps a number as a leaf and passes a Value through', () => {
    const v = new Value(1);
    expect(toValue(v)).toBe(v);
    const c = toValue(4.5);
    expect(c.data).toBe(4.5);
    expect(c.children).toEqual([]);
  });
});

describe('Value.backward', () => {
  it('Value.backward sums the gradient along every path: L = a·b + a at a=2, b=3 gives a.grad 4, b.grad 2', () => {
    const a = new Value(2);
    const b = new Value(3);
    const L = a.mul(b).add(a);
    L.backward();
    expect(L.data).toBe(8);
    expect(a.grad).toBe(4);
    expect(b.grad).toBe(2);
  });

  it('Value.backward through a·a gives 2a', () => {
    const a = new Value(-1.5);
    a.mul(a).backward();
    expect(a.grad).toBe(-3);
  });

  it('Value.backward matches finite differences on a composite expression', () => {
    // f(x, y) = log(1 + exp(x·y)) / (y² + relu(x)) − x
    const f = (x: number, y: number) => Math.log(1 + Math.exp(x * y)) / (y * y + Math.max(0, x)) - x;
    const x0 = 0.8;
    const y0 = -1.3;
    const x = new Value(x0);
    const y = new Value(y0);
    const out = x.mul(y).exp().add(1).log().div(y.pow(2).add(x.relu())).sub(x);
    expectClose(out.data, f(x0, y0), 1e-14);
    out.backward();
    expectClose(x.grad, fd1((t) => f(t, y0), x0));
    expectClose(y.grad, fd1((t) => f(x0, t), y0));
  });

  it('Value.backward on a chain of 200,000 adds does not overflow the stack', () => {
    const x = new Value(1);
    let y = x;
    for (let i = 0; i < 200_000; i++) y = y.add(x);
    expect(() => y.backward()).not.toThrow();
    expect(y.data).toBe(200_001);
    expect(x.grad).toBe(200_001);
  });
});

describe('topologicalOrder', () => {
  it('topologicalOrder puts children before parents on a diamond graph, each node once', () => {
    const a = new Value(1.5);
    const b = a.exp();
    const c = a.log();
    const d = b.mul(c);
    for (let round = 0; round < 2; round++) {
      const order = topologicalOrder(d);
      expect(order).toHaveLength(4);
      expect(new Set(order).size).toBe(4);
      expect(order[0]).toBe(a);
      expect(order[3]).toBe(d);
      const at = (v: Value) => order.indexOf(v);
      for (const v of order) for (const child of v.children) expect(at(child)).toBeLessThan(at(v));
    }
    d.backward();
    // ∂(e^a·log a)/∂a = e^a·log a + e^a / a
    expectClose(a.grad, Math.exp(1.5) * Math.log(1.5) + Math.exp(1.5) / 1.5, 1e-14);
  });

  it('topologicalOrder of a leaf is just the leaf', () => {
    const a = new Value(3);
    expect(topologicalOrder(a)).toEqual([a]);
  });

  it('topologicalOrder of a subgraph sorted before still finds every node of the larger graph', () => {
    const a = new Value(2);
    const b = a.mul(3);
    topologicalOrder(b);
    const c = b.add(a).exp();
    expect(topologicalOrder(c)).toHaveLength(5); // a, the constant 3, b, b + a, exp
  });

  it('topologicalOrder keeps its bookkeeping to itself: a Value shows only data, grad, children, local gradients and op', () => {
    const v = new Value(1).add(2);
    expect(Object.keys(v).sort()).toEqual(['a', 'b', 'da', 'data', 'db', 'grad', 'op']);
    expect(Object.getOwnPropertyNames(Value).sort()).toEqual(['length', 'name', 'prototype']);
  });
});

describe('sum', () => {
  it('sum adds Values left to right and passes gradient 1 to each', () => {
    const xs = [1, 2, 3.5, -4].map((x) => new Value(x));
    const s = sum(xs);
    expect(s.data).toBe(2.5);
    s.backward();
    expect(xs.map((x) => x.grad)).toEqual([1, 1, 1, 1]);
  });

  it('sum of one Value is that Value', () => {
    const a = new Value(7);
    expect(sum([a])).toBe(a);
  });
});
