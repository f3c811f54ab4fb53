// Layered layout of a small DAG (a computation graph): inputs on one side, the output on
// the other. Pure: ids in, coordinates out.
//
// Layers: a node sits one layer before its earliest user, and the output(s) in the last
// layer — i.e. layer = (longest path in the graph) − (longest path from the node to an
// output). Inputs therefore sit next to where they are first used. Within a layer, nodes
// start in topological order and a few barycentre sweeps reduce edge crossings; ties keep
// the previous order, so the result is deterministic. An edge that skips layers is routed
// through a waypoint in each layer it passes, so it does not run through the nodes there.

/** A node and the ids of its inputs (edges run input → node). */
export type LayoutNodeIn = { id: number; children: readonly number[] };

export type Orientation = 'lr' | 'tb';

export type LayoutOptions = {
  /** 'lr': inputs left, output right; 'tb': inputs on top, output at the bottom. */
  orientation: Orientation;
  nodeWidth: number;
  nodeHeight: number;
  /** Space between layers. */
  layerGap: number;
  /** Space between neighbours in a layer. */
  nodeGap: number;
  margin: number;
  /** Room an edge takes where it passes a layer without stopping. */
  waypointSize: number;
};

export const defaultLayoutOptions: LayoutOptions = { orientation: 'lr', nodeWidth: 96, nodeHeight: 58, layerGap: 40, nodeGap: 16, margin: 8, waypointSize: 12 };

/** A placed node; x and y are its centre. */
export type LaidNode = { id: number; layer: number; order: number; x: number; y: number };
/** An edge from an input to the node using it, as an SVG path. */
export type LaidEdge = { from: number; to: number; path: string; x1: number; y1: number; x2: number; y2: number };

export type GraphLayout = {
  /** Indexed by id. */
  nodes: LaidNode[];
  edges: LaidEdge[];
  /** Node ids per layer, in drawing order. */
  layers: number[][];
  width: number;
  height: number;
  orientation: Orientation;
};

/** Lay out a DAG whose ids are 0..n−1. Throws on a cycle or a dangling id. */
export function layoutGraph(input: readonly LayoutNodeIn[], options: Partial<LayoutOptions> = {}): GraphLayout {
  const o = { ...defaultLayoutOptions, ...options };
  const n = input.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  const parents: number[][] = Array.from({ length: n }, () => []);
  for (const node of input) {
    if (node.id < 0 || node.id >= n) throw new Error(`layoutGraph: id ${node.id} is outside 0..${n - 1}`);
    for (const c of node.children) {
      if (c < 0 || c >= n) throw new Error(`layoutGraph: node ${node.id} uses unknown node ${c}`);
      children[node.id].push(c);
      parents[c].push(node.id);
    }
  }

  // Kahn's algorithm, smallest id first: a deterministic topological order.
  const pending = children.map((c) => new Set(c).size);
  const ready = pending.flatMap((k, id) => (k === 0 ? [id] : []));
  const topo: number[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const id = ready.shift()!;
    topo.push(id);
    for (const p of new Set(parents[id])) if (--pending[p] === 0) ready.push(p);
  }
  if (topo.length !== n) throw new Error('layoutGraph: the graph has a cycle');

  // Longest path from each node to an output, then layers counted from the inputs' side.
  const toOutput = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const id = topo[i];
    for (const p of parents[id]) toOutput[id] = Math.max(toOutput[id], toOutput[p] + 1);
  }
  const depth = n === 0 ? 0 : Math.max(...toOutput);
  const layerOf = toOutput.map((d) => depth - d);

  // An edge that skips layers gets a waypoint (a dummy slot) in every layer it crosses, so
  // it is routed beside the nodes of those layers instead of through them. Slots n, n+1, …
  // are waypoints; slotLayer, slotDown and slotUp describe every slot.
  const slotLayer = [...layerOf];
  const slotDown: number[][] = children.map((c) => [...c]); // neighbours one layer towards the inputs
  const slotUp: number[][] = parents.map((p) => [...p]); // neighbours one layer towards the output
  const routes: { from: number; to: number; via: number[] }[] = [];
  for (const node of input) {
    for (const c of node.children) {
      const via: number[] = [];
      let below = c;
      for (let l = layerOf[c] + 1; l < layerOf[node.id]; l++) {
        const w = slotLayer.length;
        slotLayer.push(l);
        slotDown.push([below]);
        slotUp.push([]);
        if (below === c) replaceOnce(slotUp[c], node.id, w);
        else slotUp[below].push(w);
        via.push(w);
        below = w;
      }
      if (via.length > 0) {
        replaceOnce(slotDown[node.id], c, below);
        slotUp[below].push(node.id);
      }
      routes.push({ from: c, to: node.id, via });
    }
  }
  const slots = slotLayer.length;
  const layers: number[][] = Array.from({ length: n === 0 ? 0 : depth + 1 }, () => []);
  for (const id of topo) layers[layerOf[id]].push(id);
  for (let w = n; w < slots; w++) layers[slotLayer[w]].push(w);

  // Barycentre sweeps: towards the output using the layer below, then back using the layer above.
  const position = new Array<number>(slots).fill(0);
  for (const layer of layers) layer.forEach((id, k) => (position[id] = k - (layer.length - 1) / 2));
  const sweep = (layerIds: number[], neighbours: number[][]) => {
    const key = new Map(layerIds.map((id) => {
      const ns = neighbours[id];
      return [id, ns.length ? ns.reduce((sum, m) => sum + position[m], 0) / ns.length : position[id]] as const;
    }));
    layerIds.sort((a, b) => key.get(a)! - key.get(b)! || position[a] - position[b]);
    layerIds.forEach((id, k) => (position[id] = k - (layerIds.length - 1) / 2));
  };
  for (let round = 0; round < 4; round++) {
    for (let l = 1; l < layers.length; l++) sweep(layers[l], slotDown);
    for (let l = layers.length - 2; l >= 0; l--) sweep(layers[l], slotUp);
  }

  const tb = o.orientation === 'tb';
  const along = tb ? o.nodeHeight : o.nodeWidth; // size of a node in the layer direction
  const across = tb ? o.nodeWidth : o.nodeHeight;
  const sizeOf = (id: number) => (id < n ? across : o.waypointSize);
  const spanOf = (layer: number[]) => layer.reduce((sum, id) => sum + sizeOf(id), 0) + Math.max(0, layer.length - 1) * o.nodeGap;
  const acrossSpan = Math.max(0, ...layers.map(spanOf));
  const alongSpan = layers.length * along + Math.max(0, layers.length - 1) * o.layerGap;
  // centre of every slot, each layer centred on the middle of the drawing
  const centreA: number[] = new Array(slots);
  const centreC: number[] = new Array(slots);
  layers.forEach((layer, l) => {
    let c = o.margin + (acrossSpan - spanOf(layer)) / 2;
    for (const id of layer) {
      centreA[id] = o.margin + l * (along + o.layerGap) + along / 2;
      centreC[id] = c + sizeOf(id) / 2;
      c += sizeOf(id) + o.nodeGap;
    }
  });
  const nodes: LaidNode[] = new Array(n);
  const realLayers = layers.map((layer) => layer.filter((id) => id < n));
  realLayers.forEach((layer, l) => layer.forEach((id, k) => {
    nodes[id] = { id, layer: l, order: k, x: tb ? centreC[id] : centreA[id], y: tb ? centreA[id] : centreC[id] };
  }));

  // Edges leave the input's far side, pass through their waypoints, and enter the user's
  // near side; parallel edges (a node used twice by one op, as in a*a) are spread apart.
  const edges: LaidEdge[] = [];
  const seen = new Map<string, number>();
  const count = new Map<string, number>();
  for (const e of routes) count.set(`${e.from}-${e.to}`, (count.get(`${e.from}-${e.to}`) ?? 0) + 1);
  for (const e of routes) {
    const key = `${e.from}-${e.to}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const spread = (k - (count.get(key)! - 1) / 2) * 10;
    // points as (along, across)
    const pts: [number, number][] = [
      [centreA[e.from] + along / 2, centreC[e.from] + spread],
      ...e.via.map((w) => [centreA[w], centreC[w]] as [number, number]),
      [centreA[e.to] - along / 2, centreC[e.to] + spread],
    ];
    const xy = ([a, c]: [number, number]) => (tb ? `${r(c)},${r(a)}` : `${r(a)},${r(c)}`);
    let path = `M${xy(pts[0])}`;
    for (let i = 1; i < pts.length; i++) {
      const [p, q] = [pts[i - 1], pts[i]];
      const mid = (p[0] + q[0]) / 2;
      path += ` C${xy([mid, p[1]])} ${xy([mid, q[1]])} ${xy(q)}`;
    }
    const [first, last] = [pts[0], pts[pts.length - 1]];
    edges.push({
      from: e.from, to: e.to, path,
      x1: tb ? first[1] : first[0], y1: tb ? first[0] : first[1],
      x2: tb ? last[1] : last[0], y2: tb ? last[0] : last[1],
    });
  }

  const width = 2 * o.margin + (tb ? acrossSpan : alongSpan);
  const height = 2 * o.margin + (tb ? alongSpan : acrossSpan);
  return { nodes, edges, layers: realLayers, width, height, orientation: o.orientation };
}

/** Replace the first occurrence of x in xs by y. */
function replaceOnce(xs: number[], x: number, y: number): void {
  const i = xs.indexOf(x);
  if (i >= 0) xs[i] = y;
}

const r = (x: number) => Math.round(x * 10) / 10;
