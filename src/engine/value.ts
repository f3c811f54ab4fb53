// Scalar autograd, as in microgpt: every Value remembers the Values it was computed
// from (its children) and the local gradient of itself with respect to each of them.
// backward() walks the graph in reverse topological order applying the chain rule.

/** Record that topological sort number `sort` reached v; false when it already had. Set by Value's static block. */
let firstVisit: (v: Value, sort: number) => boolean;

// #region value
/** A scalar in a computation graph: its value, the gradient of the loss w.r.t. it, and how it was made. */
export class Value {
  data: number;
  grad = 0;
  // At most two children: every primitive is unary or binary. Plain fields, not
  // arrays, because a training step builds ~10^5 of these.
  readonly a: Value | null;
  readonly b: Value | null;
  readonly da: number; // ∂this/∂a
  readonly db: number; // ∂this/∂b
  readonly op: string;

  constructor(data: number, a: Value | null = null, da = 0, b: Value | null = null, db = 0, op = '') {
    this.data = data;
    this.a = a;
    this.da = da;
    this.b = b;
    this.db = db;
    this.op = op;
  }

  /** The Values this one was computed from. */
  get children(): Value[] {
    return this.b ? [this.a!, this.b] : this.a ? [this.a] : [];
  }

  /** ∂this/∂child for each child, in the same order as children. */
  get localGrads(): number[] {
    return this.b ? [this.da, this.db] : this.a ? [this.da] : [];
  }
  // #endregion value

  // #region ops
  add(other: Value | number): Value {
    const o = toValue(other);
    return new Value(this.data + o.data, this, 1, o, 1, '+');
  }

  mul(other: Value | number): Value {
    const o = toValue(other);
    return new Value(this.data * o.data, this, o.data, o, this.data, '×');
  }

  pow(k: number): Value {
    return new Value(this.data ** k, this, k * this.data ** (k - 1), null, 0, `^${k}`);
  }

  log(): Value {
    return new Value(Math.log(this.data), this, 1 / this.data, null, 0, 'log');
  }

  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, this, e, null, 0, 'exp');
  }

  relu(): Value {
    return new Value(Math.max(0, this.data), this, this.data > 0 ? 1 : 0, null, 0, 'relu');
  }

  // Derived ops: built from the primitives above, so they need no gradient of their own.
  neg(): Value {
    return this.mul(-1);
  }

  sub(other: Value | number): Value {
    return this.add(toValue(other).neg());
  }

  div(other: Value | number): Value {
    return this.mul(toValue(other).pow(-1));
  }
  // #endregion ops

  // #region backward
  /** Fill .grad of every Value this one depends on with ∂this/∂(that Value); grads accumulate with +=. */
  backward(): void {
    const order = topologicalOrder(this);
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i];
      // A Value used twice receives a contribution along each path: the chain rule sums them.
      if (v.a) v.a.grad += v.da * v.grad;
      if (v.b) v.b.grad += v.db * v.grad;
    }
  }
  // #endregion backward

  // The last topological sort that reached this Value: a fresh number per sort, so no Set
  // is needed. Private, and readable only through firstVisit below.
  #visited = 0;

  static {
    firstVisit = (v, sort) => {
      if (v.#visited === sort) return false;
      v.#visited = sort;
      return true;
    };
  }
}

/** Wrap a plain number as a leaf Value (a constant, its grad is never read). */
export function toValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}

// #region topo
/**
 * Every Value `root` depends on, children before parents. Iterative depth-first search:
 * a document's graph has ~10^5 nodes and chains deep enough to overflow a recursive one.
 */
export function topologicalOrder(root: Value): Value[] {
  const sort = ++sorts;
  const order: Value[] = [];
  // The DFS stack: a node and which child to look at next (0 = a, 1 = b, 2 = done).
  const stack = dfsStack;
  const next = dfsNext;
  let depth = 0;
  stack[depth] = root;
  next[depth++] = 0;
  firstVisit(root, sort);
  while (depth > 0) {
    const top = depth - 1;
    const v = stack[top]!;
    const step = next[top]++;
    if (step === 2) {
      // both children are in `order` already, so v may follow them
      depth--;
      order.push(v);
      continue;
    }
    const c = step === 0 ? v.a : v.b;
    if (c === null || !firstVisit(c, sort)) continue;
    if (c.a === null) order.push(c); // a leaf (parameter or constant): nothing below it
    else { stack[depth] = c; next[depth++] = 0; }
  }
  stack.fill(null, 0, stack.length); // let the graph be collected
  return order;
}

// Reused between calls so a backward pass does not regrow them.
const dfsStack: (Value | null)[] = [];
const dfsNext: number[] = [];
let sorts = 0; // topological sorts so far; each numbers its visits with the next
// #endregion topo

// #region sum
/** Sum of Values left to right (Python's sum() over Values, without its leading 0). */
export function sum(xs: readonly Value[]): Value {
  let total = xs[0];
  for (let i = 1; i < xs.length; i++) total = total.add(xs[i]);
  return total;
}
// #endregion sum
