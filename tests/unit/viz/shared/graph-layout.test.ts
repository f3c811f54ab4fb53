// The layered layout of computation graphs: layers, order within layers, coordinates and
// edges, for graphs built by the expression language and for hand-made DAGs.

import { describe, expect, it } from 'vitest';
import { evaluateExpr } from '../../../../src/viz/autograd/expr.ts';
import { graphOf } from '../../../../src/viz/autograd/value-graph.ts';
import { defaultLayoutOptions, layoutGraph, type GraphLayout, type LayoutNodeIn } from '../../../../src/viz/shared/graph-layout.ts';

function layoutOf(src: string, env: Record<string, number> = {}, orientation: 'lr' | 'tb' = 'lr') {
  const r = evaluateExpr(src, env);
  if (!r.ok) throw new Error(r.problem.message);
  const graph = graphOf(r.graph.root, r.graph.names);
  const input = graph.nodes.map((n) => ({ id: n.id, children: n.children }));
  return { graph, input, layout: layoutGraph(input, { orientation }) };
}

const labels = (graph: ReturnType<typeof graphOf>, ids: number[]) => ids.map((id) => graph.nodes[id].name || graph.nodes[id].op);

/** Pairs of edges between the same two adjacent layers that cross. */
function crossings(input: readonly LayoutNodeIn[], layout: GraphLayout): number {
  const edges = input.flatMap((n) => n.children.map((c) => ({ from: layout.nodes[c], to: layout.nodes[n.id] })))
    .filter((e) => e.to.layer - e.from.layer === 1);
  let count = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const [e, f] = [edges[i], edges[j]];
      if (e.from.layer !== f.from.layer) continue;
      if ((e.from.order - f.from.order) * (e.to.order - f.to.order) < 0) count++;
    }
  }
  return count;
}

describe('layoutGraph layers', () => {
  it('puts the branch graph L = a·b + a in three layers: inputs, the product, the sum', () => {
    const { graph, layout } = layoutOf('a*b + a', { a: 2, b: 3 });
    expect(layout.layers.map((l) => labels(graph, l))).toEqual([['a', 'b'], ['×'], ['+']]);
  });

  it('places an input one layer before its earliest user, not always in the first layer', () => {
    const { graph, layout } = layoutOf('a*b + c', { a: 1, b: 2, c: 3 });
    expect(layout.layers.map((l) => labels(graph, l).sort())).toEqual([['a', 'b'], ['c', '×'].sort(), ['+']]);
  });

  it('sends every edge from an earlier layer to a later one, and the output to the last layer', () => {
    const { input, layout, graph } = layoutOf('exp(a*b) + log(a^2 + 1) - relu(b)', { a: 0.5, b: 1.5 });
    for (const n of input) for (const c of n.children) expect(layout.nodes[c].layer).toBeLessThan(layout.nodes[n.id].layer);
    expect(layout.nodes[graph.nodes.length - 1].layer).toBe(layout.layers.length - 1);
  });

  it('gives a single node one layer and a small box', () => {
    const layout = layoutGraph([{ id: 0, children: [] }]);
    expect(layout.layers).toEqual([[0]]);
    expect(layout.width).toBe(defaultLayoutOptions.nodeWidth + 2 * defaultLayoutOptions.margin);
  });
});

describe('layoutGraph order and coordinates', () => {
  it('is deterministic: the same graph gives the same layout', () => {
    const a = layoutOf('a*b + c*a - exp(b)', { a: 1, b: 2, c: 3 }).layout;
    const b = layoutOf('a*b + c*a - exp(b)', { a: 1, b: 2, c: 3 }).layout;
    expect(a).toEqual(b);
  });

  it('uncrosses edges that topological order alone would cross', () => {
    // inputs 0 and 1; node 2 uses 1 only, node 3 uses 0 only; node 4 uses both
    const input: LayoutNodeIn[] = [
      { id: 0, children: [] }, { id: 1, children: [] }, { id: 2, children: [1] }, { id: 3, children: [0] }, { id: 4, children: [2, 3] },
    ];
    expect(crossings(input, layoutGraph(input))).toBe(0);
  });

  it('keeps nodes of a layer apart and inside the drawing', () => {
    for (const orientation of ['lr', 'tb'] as const) {
      const { layout } = layoutOf('a*b + c*d + a*c + b*d', { a: 1, b: 2, c: 3, d: 4 }, orientation);
      const o = defaultLayoutOptions;
      for (const n of layout.nodes) {
        expect(n.x - o.nodeWidth / 2).toBeGreaterThanOrEqual(0);
        expect(n.y - o.nodeHeight / 2).toBeGreaterThanOrEqual(0);
        expect(n.x + o.nodeWidth / 2).toBeLessThanOrEqual(layout.width);
        expect(n.y + o.nodeHeight / 2).toBeLessThanOrEqual(layout.height);
      }
      for (const layer of layout.layers) {
        for (let k = 1; k < layer.length; k++) {
          const [p, q] = [layout.nodes[layer[k - 1]], layout.nodes[layer[k]]];
          const gap = orientation === 'lr' ? q.y - p.y : q.x - p.x;
          expect(gap).toBeGreaterThanOrEqual((orientation === 'lr' ? o.nodeHeight : o.nodeWidth) + o.nodeGap);
        }
      }
    }
  });

  it('runs layers left to right in lr and top to bottom in tb', () => {
    const lr = layoutOf('a*b + a', { a: 2, b: 3 }, 'lr').layout;
    const tb = layoutOf('a*b + a', { a: 2, b: 3 }, 'tb').layout;
    const [inputLr, outLr] = [lr.nodes[0], lr.nodes[3]];
    const [inputTb, outTb] = [tb.nodes[0], tb.nodes[3]];
    expect(outLr.x).toBeGreaterThan(inputLr.x);
    expect(outTb.y).toBeGreaterThan(inputTb.y);
    expect(tb.width).toBeLessThan(lr.width);
  });

  it('draws one edge per use, spreading a node used twice by one op (a*a)', () => {
    const { layout } = layoutOf('a*a', { a: 3 });
    expect(layout.edges).toHaveLength(2);
    expect(layout.edges[0].path).not.toBe(layout.edges[1].path);
    for (const e of layout.edges) expect(e.path).toMatch(/^M[\d.-]+,[\d.-]+ C/);
  });

  it('routes an edge that skips a layer beside the nodes of that layer, not through them', () => {
    for (const orientation of ['lr', 'tb'] as const) {
      const { layout } = layoutOf('a*b + a', { a: 2, b: 3 }, orientation);
      const skip = layout.edges.find((e) => e.from === 0 && e.to === 3)!; // a → the sum, past the product
      const [, wx, wy] = /C[^C]* ([\d.-]+),([\d.-]+) C/.exec(skip.path)!.map(Number); // end of the first segment
      const product = layout.nodes[2];
      const o = defaultLayoutOptions;
      const clear = orientation === 'lr' ? Math.abs(wy - product.y) >= o.nodeHeight / 2 : Math.abs(wx - product.x) >= o.nodeWidth / 2;
      expect(clear, `${orientation}: waypoint (${wx}, ${wy}) vs product at (${product.x}, ${product.y})`).toBe(true);
    }
  });

  it('rejects a cycle and an unknown id', () => {
    expect(() => layoutGraph([{ id: 0, children: [1] }, { id: 1, children: [0] }])).toThrow(/cycle/);
    expect(() => layoutGraph([{ id: 0, children: [5] }])).toThrow(/unknown node 5/);
  });
});

describe('graphScale', () => {
  it('enlarges a small drawing up to 1.3 times, never shrinks one, and leaves it alone before the box is measured', async () => {
    const { graphScale } = await import('../../../../src/viz/autograd/graph-view.ts');
    expect(graphScale(600, 400)).toBe(1.3);
    expect(graphScale(440, 400)).toBeCloseTo(1.1, 12);
    expect(graphScale(300, 400)).toBe(1);
    expect(graphScale(0, 400)).toBe(1);
  });
});
