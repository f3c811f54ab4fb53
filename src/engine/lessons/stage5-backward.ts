// Autograd, stage 5 of 5: backward() puts the graph in topological order and applies the
// chain rule from the output back to every input. This is microgpt's Value; the engine's
// src/engine/value.ts computes the same numbers with a faster, stack-safe walk.

/** A scalar in a computation graph, able to find ∂(itself)/∂(every Value it depends on). */
export class Value {
  data: number;
  grad = 0;
  children: Value[];
  localGrads: number[];
  op: string;

  constructor(data: number, children: Value[] = [], localGrads: number[] = [], op = '') {
    this.data = data;
    this.children = children;
    this.localGrads = localGrads;
    this.op = op;
  }

  // add, mul, pow, log, exp and relu exactly as in stage 4
  add(other: Value): Value {
    return new Value(this.data + other.data, [this, other], [1, 1], '+');
  }

  mul(other: Value): Value {
    return new Value(this.data * other.data, [this, other], [other.data, this.data], '×');
  }

  pow(k: number): Value {
    return new Value(this.data ** k, [this], [k * this.data ** (k - 1)], `^${k}`);
  }

  log(): Value {
    return new Value(Math.log(this.data), [this], [1 / this.data], 'log');
  }

  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, [this], [e], 'exp');
  }

  relu(): Value {
    return new Value(Math.max(0, this.data), [this], [this.data > 0 ? 1 : 0], 'relu');
  }

  // #region backward
  backward(): void {
    // 1. Order the graph: every Value after its children.
    const order: Value[] = [];
    const visited = new Set<Value>();
    const visit = (v: Value) => {
      if (visited.has(v)) return;
      visited.add(v);
      for (const child of v.children) visit(child);
      order.push(v);
    };
    visit(this);

    // 2. Seed ∂L/∂L = 1; then, from the output back,
    //    pass each Value's gradient on to its children.
    this.grad = 1;
    for (const v of order.reverse()) {
      v.children.forEach((child, i) => {
        child.grad += v.localGrads[i] * v.grad;
      });
    }
  }
  // #endregion backward
}

// #region example
/** L = a × b + a, then backward. */
export function example(x: number, y: number): string[] {
  const a = new Value(x);
  const b = new Value(y);
  const L = a.mul(b).add(a);
  L.backward();
  return [
    `L = ${L.data}`,
    `a.grad = ${a.grad}`,
    `b.grad = ${b.grad}`,
  ];
}
// #endregion example
