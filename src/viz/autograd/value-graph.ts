// The engine's Value graph as plain data for drawing and stepping: one record per Value,
// in the engine's own topological order (children before parents).

import { Value, topologicalOrder } from '../../engine/value.ts';
import { short } from '../shared/format.ts';

/** One Value of a graph. `children` and `parents` are node ids (indices into the node list). */
export type GraphNode = {
  id: number;
  /** A variable's or an intermediate's name; for an unnamed constant, its number; else ''. */
  name: string;
  kind: 'input' | 'const' | 'op';
  /** The engine's op: '+', '×', '^2', 'log', 'exp', 'relu'; '' for a leaf. */
  op: string;
  data: number;
  children: number[];
  /** ∂this/∂child, the engine's da and db, same order as children. */
  localGrads: number[];
  /** Ids of the nodes that use this one; a node used twice by one parent appears twice. */
  parents: number[];
};

/** A Value graph, its nodes in topological order; the last node is the output. */
export type ValueGraph = { nodes: GraphNode[]; values: Value[] };

/** Describe the graph below `root`. Named Values are inputs or named intermediates; other leaves are constants. */
export function graphOf(root: Value, names: ReadonlyMap<Value, string>): ValueGraph {
  const values = topologicalOrder(root);
  const index = new Map(values.map((v, i) => [v, i]));
  const nodes: GraphNode[] = values.map((v, id) => {
    const leaf = v.children.length === 0;
    const name = names.get(v);
    return {
      id,
      name: name ?? (leaf ? short(v.data) : ''),
      kind: leaf ? (name === undefined ? 'const' : 'input') : 'op',
      op: v.op,
      data: v.data,
      children: v.children.map((c) => index.get(c)!),
      localGrads: v.localGrads,
      parents: [],
    };
  });
  for (const n of nodes) for (const c of n.children) nodes[c].parents.push(n.id);
  return { nodes, values };
}

/** ∂output/∂node for every node, by the engine's backward (grads are zeroed first, so it can be called again). */
export function gradientsOf(graph: ValueGraph): number[] {
  for (const v of graph.values) v.grad = 0;
  graph.values[graph.values.length - 1].backward();
  return graph.values.map((v) => v.grad);
}

/** The graph's output: the last node in topological order. */
export function outputOf(graph: ValueGraph): GraphNode {
  return graph.nodes[graph.nodes.length - 1];
}

/** The input named `name`, found by name (not by where it happens to sit in the order), or undefined. */
export function inputNamed(graph: ValueGraph, name: string): GraphNode | undefined {
  return graph.nodes.find((n) => n.kind === 'input' && n.name === name);
}
