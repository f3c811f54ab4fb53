// What each node of a drawn computation graph shows: its title, its value (once the
// forward pass has computed it) and its gradient (once backward has reached it). Shared
// by the expression graph and the backprop stepper, and by their tables for screen readers.

import { short } from '../shared/format.ts';
import { layoutGraph, type GraphLayout, type LayoutNodeIn } from '../shared/graph-layout.ts';
import type { ValueGraph } from './value-graph.ts';
import {
  currentNode, gradKnown, labelOf, valueKnown, type StepperModel, type StepperState,
} from './backprop-stepper.ts';

export type NodeView = {
  id: number;
  /** Big text: a name, a constant, or an unnamed op's symbol. */
  title: string;
  /** Small text: a named node's op, or an unnamed op's short name (n1, n2, …). */
  tag: string;
  kind: 'input' | 'const' | 'op';
  /** Null until the forward pass has computed it. */
  value: string | null;
  /** Null until backward has reached it. */
  grad: string | null;
  gradSign: -1 | 0 | 1;
  current: boolean;
  /** For the table: what the node is computed from, e.g. "a × b". */
  how: string;
  /** For the table and the chain-rule text: the name used to refer to it. */
  ref: string;
};

const sign = (x: number): -1 | 0 | 1 => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Names for every node: given names, else n1, n2, … for ops in topological order. */
export function refsOf(graph: ValueGraph): string[] {
  let k = 0;
  return graph.nodes.map((n) => n.name || (n.kind === 'op' ? `n${++k}` : short(n.data)));
}

/** "a × b", "log(n1)", "input", "constant". */
function howOf(graph: ValueGraph, refs: string[], id: number): string {
  const n = graph.nodes[id];
  if (n.kind === 'input') return 'input';
  if (n.kind === 'const') return 'constant';
  const [a, b] = n.children.map((c) => refs[c]);
  if (b !== undefined) return `${a} ${n.op} ${b}`;
  return n.op.startsWith('^') ? `${a}${n.op}` : `${n.op}(${a})`;
}

/** Views for a graph whose forward pass is complete; gradients shown if given. */
export function exprNodeViews(graph: ValueGraph, grads: readonly number[] | null): NodeView[] {
  const refs = refsOf(graph);
  return graph.nodes.map((n) => ({
    id: n.id,
    title: n.kind === 'const' ? '' : n.kind === 'op' && !n.name ? n.op : refs[n.id],
    tag: n.kind === 'op' ? (n.name ? n.op : refs[n.id]) : n.kind === 'const' ? 'const' : '',
    kind: n.kind,
    value: short(n.data),
    grad: grads && n.kind !== 'const' ? short(grads[n.id]) : null,
    gradSign: grads ? sign(grads[n.id]) : 0,
    current: false,
    how: howOf(graph, refs, n.id),
    ref: refs[n.id],
  }));
}

/** Views for the stepper: values appear as the forward pass reaches them, gradients as backward does. */
export function stepperNodeViews(m: StepperModel, s: StepperState): NodeView[] {
  const refs = refsOf(m.graph);
  const now = currentNode(m, s);
  return m.graph.nodes.map((n) => {
    const g = gradKnown(m, s, n.id);
    return {
      id: n.id,
      title: n.kind === 'const' ? '' : labelOf(n),
      tag: n.kind === 'op' ? n.op : n.kind === 'const' ? 'const' : '',
      kind: n.kind,
      value: valueKnown(m, s, n.id) ? short(n.data) : null,
      grad: g ? short(m.grads[n.id]) : null,
      gradSign: g ? sign(m.grads[n.id]) : 0,
      current: n.id === now,
      how: howOf(m.graph, refs, n.id),
      ref: refs[n.id],
    };
  });
}

/** Edges to emphasise: into the node a forward step computed, or out of the node whose gradient backward just found. */
export function activeEdges(m: StepperModel, s: StepperState): Set<string> {
  const now = currentNode(m, s);
  if (now === null) return new Set();
  const node = m.graph.nodes[now];
  if (s.backward > 0) return new Set(node.parents.map((p) => `${now}-${p}`));
  return new Set(node.children.map((c) => `${c}-${now}`));
}

/** The size of a node's box in the drawing, shared by the layout and the renderer. */
export const nodeBox = { width: 100, height: 58 } as const;

/** How much to enlarge a drawing that fits its box with room to spare (never shrink it: it scrolls instead). */
export function graphScale(boxWidth: number, drawingWidth: number, max = 1.3): number {
  if (boxWidth <= 0 || drawingWidth <= 0) return 1;
  return Math.min(max, Math.max(1, boxWidth / drawingWidth));
}

/**
 * Lay a graph out left to right, or top to bottom when left to right is wider than the box
 * it is drawn in (`boxWidth`, 0 before it is measured).
 */
export function fittedLayout(graph: { nodes: readonly LayoutNodeIn[] }, boxWidth: number): GraphLayout {
  const input = graph.nodes.map((n) => ({ id: n.id, children: n.children }));
  const opts = { nodeWidth: nodeBox.width, nodeHeight: nodeBox.height };
  const lr = layoutGraph(input, { ...opts, orientation: 'lr' });
  return boxWidth > 0 && lr.width > boxWidth ? layoutGraph(input, { ...opts, orientation: 'tb' }) : lr;
}
