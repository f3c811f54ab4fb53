// Autograd, stage 2 of 5: a Value can be added to and multiplied by another Value.
// The result is a new Value, but it forgets where it came from.

// #region stage
/** A number in a box that knows + and ×. */
export class Value {
  data: number;

  constructor(data: number) {
    this.data = data;
  }

  add(other: Value): Value {
    return new Value(this.data + other.data);
  }

  mul(other: Value): Value {
    return new Value(this.data * other.data);
  }

  toString(): string {
    return `Value(data=${this.data})`;
  }
}
// #endregion stage

// #region example
/** d = a × b + c, one operation at a time. */
export function example(x: number, y: number, z: number): string[] {
  const a = new Value(x);
  const b = new Value(y);
  const c = new Value(z);
  const d = a.mul(b).add(c);
  return [`${d}`];
}
// #endregion example
