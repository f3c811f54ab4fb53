// Autograd, stage 1 of 5: a Value only wraps a number. Nothing is remembered yet.
// Chapter 4 shows this file region by region; the final stage is src/engine/value.ts.

// #region stage
/** A number in a box. Later stages add what the box remembers. */
export class Value {
  data: number;

  constructor(data: number) {
    this.data = data;
  }

  toString(): string {
    return `Value(data=${this.data})`;
  }
}
// #endregion stage

// #region example
/** Wrap two numbers and print them. */
export function example(x: number, y: number): string[] {
  const a = new Value(x);
  const b = new Value(y);
  return [`${a}`, `${b}`];
}
// #endregion example
