// Autograd, stage 3 of 5: every result remembers the Values it was made from (its
// children) and the operation that made it. The Values now form a graph.

// #region stage
/** A number that remembers how it was computed. */
export class Value {
  data: number;
  children: Value[]; // the Values this one was computed from
  op: string; // '' for an input

  constructor(data: number, children: Value[] = [], op = '') {
    this.data = data;
    this.children = children;
    this.op = op;
  }

  add(other: Value): Value {
    return new Value(this.data + other.data, [this, other], '+');
  }

  mul(other: Value): Value {
    return new Value(this.data * other.data, [this, other], '×');
  }
}
// #endregion stage

/** Walk down from `v`, one line per Value, children indented under their parent. */
export function describe(v: Value, names: Map<Value, string>, depth = 0): string[] {
  const name = names.get(v) ?? '?';
  const how = v.op ? ` = ${v.children.map((c) => names.get(c) ?? '?').join(` ${v.op} `)}` : ' (input)';
  const line = `${'  '.repeat(depth)}${name}${how}, data ${v.data}`;
  return [line, ...v.children.flatMap((c) => describe(c, names, depth + 1))];
}

// #region example
/** c = a × b, then L = c + a, printed from the top. */
export function example(x: number, y: number): string[] {
  const a = new Value(x);
  const b = new Value(y);
  const c = a.mul(b);
  const L = c.add(a);
  const names = new Map([
    [a, 'a'], [b, 'b'], [c, 'c'], [L, 'L'],
  ]);
  // one line per Value, children indented below
  return describe(L, names);
}
// #endregion example
