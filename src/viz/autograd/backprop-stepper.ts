// The backprop stepper: a small graph computed one node at a time, forward in topological
// order, then backward in reverse topological order, with the chain-rule product of each
// step spelled out. Pure state machine: the state is two counters; everything shown is
// derived from the engine's Values (data, local gradients, and backward's gradients).

import { Value } from '../../engine/value.ts';
import { factor, parseDisplayNumber, short } from '../shared/format.ts';
import { graphOf, gradientsOf, type GraphNode, type ValueGraph } from './value-graph.ts';

/** One of the stepper's graphs: named inputs with starting values and how L is built. */
export type StepperCase = {
  id: 'add' | 'mul' | 'branch' | 'neuron';
  title: string;
  /** The computation, as the reader would write it. */
  formula: string;
  inputs: readonly { name: string; value: number }[];
  build: (x: Readonly<Record<string, number>>) => { root: Value; names: Map<Value, string> };
};

/** Record names as Values are made, so the drawing can call them a, b, c, L. */
function namer() {
  const names = new Map<Value, string>();
  const n = (name: string, v: Value) => (names.set(v, name), v);
  return { names, n };
}

export const stepperCases: readonly StepperCase[] = [
  {
    id: 'add', title: 'A single +', formula: 'L = a + b',
    inputs: [{ name: 'a', value: 2 }, { name: 'b', value: 3 }],
    build: (x) => {
      const { names, n } = namer();
      const a = n('a', new Value(x.a));
      const b = n('b', new Value(x.b));
      return { root: n('L', a.add(b)), names };
    },
  },
  {
    id: 'mul', title: 'A single ×', formula: 'L = a · b',
    inputs: [{ name: 'a', value: 2 }, { name: 'b', value: 3 }],
    build: (x) => {
      const { names, n } = namer();
      const a = n('a', new Value(x.a));
      const b = n('b', new Value(x.b));
      return { root: n('L', a.mul(b)), names };
    },
  },
  {
    id: 'branch', title: 'A branch', formula: 'c = a · b,  L = c + a',
    inputs: [{ name: 'a', value: 2 }, { name: 'b', value: 3 }],
    build: (x) => {
      const { names, n } = namer();
      const a = n('a', new Value(x.a));
      const b = n('b', new Value(x.b));
      const c = n('c', a.mul(b));
      return { root: n('L', c.add(a)), names };
    },
  },
  {
    id: 'neuron', title: 'A neuron and its loss', formula: 'p = relu(w · x + b),  L = (p − y)²',
    inputs: [{ name: 'x', value: 2 }, { name: 'w', value: 0.5 }, { name: 'b', value: 1 }, { name: 'y', value: 3 }],
    build: (x) => {
      const { names, n } = namer();
      const xv = n('x', new Value(x.x));
      const w = n('w', new Value(x.w));
      const b = n('b', new Value(x.b));
      const y = n('y', new Value(x.y));
      const s = n('s', w.mul(xv));
      const z = n('z', s.add(b));
      const p = n('p', z.relu());
      const m = n('m', y.neg()); // p − y is p + (−y): the engine's sub
      const e = n('e', p.add(m));
      return { root: n('L', e.pow(2)), names };
    },
  },
];

/** A case built at some input values: its graph, every gradient, and the order of steps. */
export type StepperModel = {
  case: StepperCase;
  inputs: Readonly<Record<string, number>>;
  graph: ValueGraph;
  /** ∂L/∂node from the engine's backward. */
  grads: number[];
  /** Op nodes in topological order: one forward step each (inputs and constants are given). */
  forwardOrder: number[];
  /** Nodes in reverse topological order, constants left out (nothing reads their gradient). */
  backwardOrder: number[];
};

/** Build a case at the given inputs (missing ones take the case's starting values). */
export function stepperModel(c: StepperCase, inputs: Readonly<Record<string, number>> = {}): StepperModel {
  const x = Object.fromEntries(c.inputs.map((i) => [i.name, inputs[i.name] ?? i.value]));
  const { root, names } = c.build(x);
  const graph = graphOf(root, names);
  const grads = gradientsOf(graph);
  const ids = graph.nodes.map((node) => node.id);
  return {
    case: c, inputs: x, graph, grads,
    forwardOrder: ids.filter((id) => graph.nodes[id].kind === 'op'),
    backwardOrder: ids.filter((id) => graph.nodes[id].kind !== 'const').reverse(),
  };
}

/** How far the reader has stepped: forward steps done, then backward steps done. */
export type StepperState = { forward: number; backward: number };
export const initialStepperState: StepperState = { forward: 0, backward: 0 };

export type Phase = 'forward' | 'backward' | 'done';

export function phaseOf(m: StepperModel, s: StepperState): Phase {
  if (s.forward < m.forwardOrder.length) return 'forward';
  return s.backward < m.backwardOrder.length ? 'backward' : 'done';
}

/** One forward step; does nothing once the forward pass is complete. */
export function stepForward(m: StepperModel, s: StepperState): StepperState {
  return phaseOf(m, s) === 'forward' ? { forward: s.forward + 1, backward: 0 } : s;
}

/** One backward step; only after the forward pass, and not past the last node. */
export function stepBackward(m: StepperModel, s: StepperState): StepperState {
  return phaseOf(m, s) === 'backward' ? { ...s, backward: s.backward + 1 } : s;
}

/** Everything at once: the forward pass, then as much of the backward pass as `backward` says. */
export function finishedState(m: StepperModel, backward = true): StepperState {
  return { forward: m.forwardOrder.length, backward: backward ? m.backwardOrder.length : 0 };
}

/** Has the forward pass computed this node? Inputs and constants are known from the start. */
export function valueKnown(m: StepperModel, s: StepperState, id: number): boolean {
  const i = m.forwardOrder.indexOf(id);
  return i < 0 || i < s.forward;
}

/** Has the backward pass reached this node? (Constants never are.) */
export function gradKnown(m: StepperModel, s: StepperState, id: number): boolean {
  const i = m.backwardOrder.indexOf(id);
  return i >= 0 && i < s.backward;
}

/** The node the last step worked on, if any. */
export function currentNode(m: StepperModel, s: StepperState): number | null {
  if (s.backward > 0) return m.backwardOrder[s.backward - 1];
  if (s.forward > 0) return m.forwardOrder[s.forward - 1];
  return null;
}

/** The node whose gradient the next backward step reveals (for "try it by hand"). */
export function nextGradNode(m: StepperModel, s: StepperState): number | null {
  return phaseOf(m, s) === 'backward' ? m.backwardOrder[s.backward] : null;
}

/** A node's name for formulas: its name, or its op for an unnamed node. */
export const labelOf = (node: GraphNode) => node.name || node.op;

/** A number standing alone, and one inside a product, sum or power (negatives in parentheses). */
const base = (x: number) => factor(x, 4, short);

/** "c = a × b = 2 × 3 = 6": how the forward pass computes an op node. */
export function forwardFormula(graph: ValueGraph, id: number): string {
  const node = graph.nodes[id];
  const [a, b] = node.children.map((c) => graph.nodes[c]);
  const head = `${labelOf(node)} =`;
  if (node.kind !== 'op') return `${head} ${short(node.data)}`;
  if (node.op === '+' || node.op === '×') {
    return `${head} ${labelOf(a)} ${node.op} ${labelOf(b)} = ${short(a.data)} ${node.op} ${base(b.data)} = ${short(node.data)}`;
  }
  if (node.op.startsWith('^')) {
    return `${head} ${labelOf(a)}${node.op} = ${base(a.data)}${node.op} = ${short(node.data)}`;
  }
  return `${head} ${node.op}(${labelOf(a)}) = ${node.op}(${short(a.data)}) = ${short(node.data)}`;
}

/** The local gradient ∂parent/∂child written with names, as the engine's op defines it. */
export function localRule(graph: ValueGraph, parentId: number, childSlot: number): string {
  const p = graph.nodes[parentId];
  const [a, b] = p.children.map((c) => graph.nodes[c]);
  switch (true) {
    case p.op === '+':
      return '1';
    case p.op === '×':
      return labelOf(childSlot === 0 ? b : a);
    case p.op.startsWith('^'): {
      const k = Number(p.op.slice(1));
      return k === 2 ? `2·${labelOf(a)}` : `${short(k)}·${labelOf(a)}^${base(k - 1)}`;
    }
    case p.op === 'log':
      return `1/${labelOf(a)}`;
    case p.op === 'exp':
      return `exp(${labelOf(a)})`;
    case p.op === 'relu':
      return `(${labelOf(a)} > 0 ? 1 : 0)`;
    default:
      return `∂${labelOf(p)}/∂${labelOf(childSlot === 0 ? a : b)}`;
  }
}

/** One contribution to a node's gradient: local gradient × the user's gradient. */
export type ChainTerm = { parent: number; rule: string; local: number; upstream: number; product: number };

/**
 * The chain-rule terms of a node's gradient, in the order the engine adds them: its users
 * in reverse topological order, one term per use. Their sum is the node's .grad.
 */
export function chainTerms(m: StepperModel, id: number): ChainTerm[] {
  const { nodes } = m.graph;
  const users = [...new Set(nodes[id].parents)].sort((x, y) => y - x);
  return users.flatMap((p) =>
    nodes[p].children.flatMap((c, slot) => {
      if (c !== id) return [];
      const local = nodes[p].localGrads[slot];
      return [{ parent: p, rule: localRule(m.graph, p, slot), local, upstream: m.grads[p], product: local * m.grads[p] }];
    }),
  );
}

/** The lines shown for a backward step: "a.grad += b · c.grad = 3 · 1 = 3", then the total. */
export function backwardLines(m: StepperModel, id: number): string[] {
  const node = m.graph.nodes[id];
  const name = labelOf(node);
  const terms = chainTerms(m, id);
  if (terms.length === 0) return [`${name}.grad = 1, because ∂${name}/∂${name} = 1: backward starts here`];
  const lines = terms.map((t) => {
    const user = labelOf(m.graph.nodes[t.parent]);
    return `${name}.grad += ${t.rule} · ${user}.grad = ${short(t.local)} · ${base(t.upstream)} = ${short(t.product)}`;
  });
  if (terms.length > 1) lines.push(`${name}.grad = ${terms.map((t, i) => (i === 0 ? short(t.product) : base(t.product))).join(' + ')} = ${short(m.grads[id])}`);
  return lines;
}

/** The same rule with names only, no numbers: a hint for working it out by hand. */
export function backwardHint(m: StepperModel, id: number): string {
  const node = m.graph.nodes[id];
  const terms = chainTerms(m, id);
  if (terms.length === 0) return `${labelOf(node)} is the output: how much does it change when it changes?`;
  return `${labelOf(node)}.grad = ${terms.map((t) => `${t.rule} · ${labelOf(m.graph.nodes[t.parent])}.grad`).join(' + ')}`;
}

const typedDecimal = /^\s*[+\-−]?(\d+[.,]?\d*|[.,]\d+)([eE][+\-−]?\d+)?\s*$/;
const typedNumber = (text: string) => (typedDecimal.test(text) ? parseDisplayNumber(text) : Number.NaN);

/** Read a typed number: 4, -0.5, −3, 1e-3, 3/4. Null if it is not one. */
export function parseGuess(text: string): number | null {
  const parts = text.split('/');
  if (parts.length > 2) return null;
  const v = parts.length === 2 ? typedNumber(parts[0]) / typedNumber(parts[1]) : typedNumber(parts[0]);
  return Number.isFinite(v) ? v : null; // "1e999" and "1/0" are not answers
}

/** Close enough to count as right: within 0.5% (or 0.005 near zero). */
export function guessIsRight(guess: number, expected: number): boolean {
  return Math.abs(guess - expected) <= 0.005 * Math.max(1, Math.abs(expected));
}
