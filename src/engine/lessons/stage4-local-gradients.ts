// Autograd, stage 4 of 5: each operation also records its local gradients, the
// derivative of its result with respect to each child, worked out at the moment it runs.

// #region stage
/** A number that remembers its children and how it changes with each of them. */
export class Value {
  data: number;
  grad = 0; // ∂L/∂this, filled in by backward (stage 5)
  children: Value[];
  localGrads: number[]; // ∂this/∂child, one per child
  op: string;

  constructor(data: number, children: Value[] = [], localGrads: number[] = [], op = '') {
    this.data = data;
    this.children = children;
    this.localGrads = localGrads;
    this.op = op;
  }

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
}
// #endregion stage

// #region example
/** Each op on a (and b): result, local gradients. */
export function example(x: number, y: number): string[] {
  const a = new Value(x);
  const b = new Value(y);
  const show = (op: string, v: Value) => {
    const local = v.localGrads.map(round).join(', ');
    return `${op}: data ${round(v.data)}, localGrads [${local}]`;
  };
  return [
    show('a.add(b)', a.add(b)),
    show('a.mul(b)', a.mul(b)),
    show('a.pow(2)', a.pow(2)),
    show('a.log()', a.log()),
    show('a.exp()', a.exp()),
    show('a.relu()', a.relu()),
  ];
}
// #endregion example

/** Up to four decimals, without trailing zeros. */
function round(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toFixed(4))) : String(x);
}
