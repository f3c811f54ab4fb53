// The chapter's small network, 3 inputs → 2 hidden ReLU neurons → 1 ReLU output, fully
// connected, as the widgets show it: one slider per input and per parameter, the diagram's
// layout, and the numbers written on its nodes and edges.

import { mlpWith, trace, type MLP } from '../../engine/lessons/neuron.ts';
import { fixed, subscript } from '../shared/format.ts';
import {
  contourLevels, contourPaths, foldLine, gridMax, heatBands, levelsEvery, sampleGrid, toPixelX, toPixelY,
  type ContourPath, type Domain, type Frame, type Grid, type HeatShade,
} from './surface.ts';

/** The shape of the network: new MLP(3, [2, 1]). */
export const NIN = 3;
export const NOUTS = [2, 1] as const;

/** What a slider sets: an input, a weight or a bias. */
export type ControlKind = 'input' | 'weight' | 'bias';

/** One slider: its symbol, what it is in words, and its range. */
export type Control = {
  /** Stable id, e.g. "x1", "w12" (into h1 from x2), "b2", "u1", "c". */
  key: string;
  kind: ControlKind;
  /** Short label shown beside the slider, e.g. "w₁₂". */
  symbol: string;
  /** What it is, for the accessible name, e.g. "weight from x₂ into h₁". */
  description: string;
  /** Which box it is listed in: the inputs, a hidden neuron or the output neuron. */
  group: 'inputs' | 'h1' | 'h2' | 'y';
  min: number;
  max: number;
  step: number;
};

const range = { min: -2, max: 2, step: 0.1 };

/**
 * Every slider of the network, in the order of the flat value list: x₁ x₂ x₃, then the
 * parameters in the order parameters(mlp) lists them (h₁'s weights and bias, h₂'s, the output's).
 */
export const networkControls: readonly Control[] = [
  ...[1, 2, 3].map((i): Control => ({ key: `x${i}`, kind: 'input', symbol: `x${subscript(i)}`, description: `input x${subscript(i)}`, group: 'inputs', ...range })),
  ...[1, 2].flatMap((j): Control[] => [
    ...[1, 2, 3].map((i): Control => ({ key: `w${j}${i}`, kind: 'weight', symbol: `w${subscript(j)}${subscript(i)}`, description: `weight from x${subscript(i)} into h${subscript(j)}`, group: j === 1 ? 'h1' : 'h2', ...range })),
    { key: `b${j}`, kind: 'bias', symbol: `b${subscript(j)}`, description: `bias of h${subscript(j)}`, group: j === 1 ? 'h1' : 'h2', ...range },
  ]),
  { key: 'u1', kind: 'weight', symbol: 'u₁', description: 'weight from h₁ into the output', group: 'y', ...range },
  { key: 'u2', kind: 'weight', symbol: 'u₂', description: 'weight from h₂ into the output', group: 'y', ...range },
  { key: 'c', kind: 'bias', symbol: 'c', description: 'bias of the output', group: 'y', ...range },
];

/** Index of a control in the flat value list, by key. */
export function controlIndex(key: string): number {
  const i = networkControls.findIndex((c) => c.key === key);
  if (i < 0) throw new RangeError(`no network control "${key}"`);
  return i;
}

/** The playground's starting values: both hidden neurons switch on inside the square, so two folds show. */
export const defaultNetworkValues: readonly number[] = [
  1, 0.5, 0.5, // x₁ x₂ x₃
  1, 0.5, 0.5, -0.5, // h₁: w₁₁ w₁₂ w₁₃ b₁
  -0.6, 1, -0.5, 0.2, // h₂: w₂₁ w₂₂ w₂₃ b₂
  0.8, 1, -0.4, // output: u₁ u₂ c
];

/** The surface is drawn over x₁, x₂ in the inputs' own range. */
export const surfaceDomain: Domain = { min: range.min, max: range.max };

/** Split the flat slider values into the input vector and the parameter list. */
export function splitValues(values: readonly number[]): { x: number[]; params: number[] } {
  return { x: values.slice(0, NIN), params: values.slice(NIN) };
}

/** The network the sliders describe, as the chapter's MLP class. */
export function networkFrom(values: readonly number[]): MLP {
  return mlpWith(NIN, NOUTS, splitValues(values).params);
}

/** Round to the slider grid: snap(0.30000000000000004) = 0.3, exactly what the slider holds. */
export function snap(v: number, step = range.step, min = range.min, max = range.max): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const clamped = Math.min(max, Math.max(min, v));
  return Number((Math.round(clamped / step) * step).toFixed(decimals));
}

// ---- the diagram ----

/** A node of the diagram: position (viewBox units), symbol, and the numbers written on it. */
export type DiagramNode = { id: string; layer: number; x: number; y: number; symbol: string; value: number; z?: number };
/** An edge: from a node to a node of the next layer, the weight it carries and the value w·(input) it delivers. */
export type DiagramEdge = {
  id: string;
  x1: number; y1: number; x2: number; y2: number;
  /** Where its value is written. */
  labelX: number; labelY: number;
  weight: number;
  value: number;
  /** Key of the control for this weight. */
  key: string;
};
/** The whole diagram for one set of slider values. */
export type Diagram = {
  width: number; height: number; radius: number; nodes: DiagramNode[]; edges: DiagramEdge[];
  /** The hidden neurons' outputs [h₁, h₂] and the network's output ŷ. */
  hidden: number[]; output: number;
};

export const diagramSize = { width: 380, height: 262, radius: 22 };

// Node rows per layer (viewBox units), chosen so the six edge labels of the first layer do not collide.
const columns = [38, 200, 340];
const rows = [[42, 132, 222], [76, 188], [132]];
// How far along each edge its label sits, per layer and target neuron.
const labelAt = [[0.33, 0.64], [0.5, 0.5]];

/** Lay out the network and write the forward pass of these slider values on it. */
export function networkDiagram(values: readonly number[]): Diagram {
  const mlp = networkFrom(values);
  const { x } = splitValues(values);
  const layers = trace(mlp, x);
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  x.forEach((v, i) => nodes.push({ id: `x${i + 1}`, layer: 0, x: columns[0], y: rows[0][i], symbol: `x${subscript(i + 1)}`, value: v }));
  layers.forEach((layer, l) => {
    layer.out.forEach((a, j) => {
      const symbol = l === layers.length - 1 ? 'ŷ' : `h${subscript(j + 1)}`;
      nodes.push({ id: l === layers.length - 1 ? 'y' : `h${j + 1}`, layer: l + 1, x: columns[l + 1], y: rows[l + 1][j], symbol, value: a, z: layer.z[j] });
      mlp.layers[l].neurons[j].w.forEach((w, i) => {
        const [x1, y1, x2, y2] = [columns[l], rows[l][i], columns[l + 1], rows[l + 1][j]];
        const t = labelAt[l][j];
        const key = l === 0 ? `w${j + 1}${i + 1}` : `u${i + 1}`;
        edges.push({ id: `${key}`, x1, y1, x2, y2, labelX: x1 + t * (x2 - x1), labelY: y1 + t * (y2 - y1), weight: w, value: w * layer.input[i], key });
      });
    });
  });
  return { ...diagramSize, nodes, edges, hidden: [...layers[0].out], output: layers[layers.length - 1].out[0] };
}

/** Edge labels are never drawn smaller than this on screen, in CSS pixels (a phone included). */
export const EDGE_LABEL_MIN_PX = 12;

/**
 * The edge labels' font size in viewBox units, for a diagram `width` units wide drawn `shownPx`
 * pixels wide: 12 units at full size and above, larger when the drawing is scaled down, so that
 * on screen a label is never below EDGE_LABEL_MIN_PX.
 */
export function edgeLabelSize(shownPx: number, width = diagramSize.width): number {
  if (!(shownPx > 0)) return EDGE_LABEL_MIN_PX;
  return Math.max(EDGE_LABEL_MIN_PX, (EDGE_LABEL_MIN_PX * width) / shownPx);
}

/** The forward pass in one sentence, for screen readers. */
export function describeForwardPass(values: readonly number[]): string {
  const { x } = splitValues(values);
  const [hidden, out] = trace(networkFrom(values), x);
  return `Inputs ${x.map((v) => fixed(v, 1)).join(', ')}. Hidden neurons: h₁ = ReLU(${fixed(hidden.z[0])}) = ${fixed(hidden.out[0])}, h₂ = ReLU(${fixed(hidden.z[1])}) = ${fixed(hidden.out[1])}. Output ŷ = ReLU(${fixed(out.z[0])}) = ${fixed(out.out[0])}.`;
}

// ---- the surface over x₁, x₂ ----

/** The output surface's square, in pixels, and its grid: 40 steps keeps a redraw well inside a frame. */
export const surfaceFrame: Frame = { size: 280 };
export const SURFACE_STEPS = 40;
/** The heatmap's full shade: outputs at or above this are drawn darkest. */
export const SHADE_TOP = 3;

/** Everything drawn on the surface plot for one network (x₃ fixed): heatmap, contours, folds, the ŷ = 0 edge. */
export type NetworkSurface = {
  /** The heatmap's shades, palest first, each painted over the last. */
  bands: HeatShade[];
  contours: ContourPath[];
  /** Spacing of the contour lines. */
  step: number;
  /** Where the output's weighted sum crosses 0: beyond it the output ReLU gives 0. */
  zeroLine: string;
  /** Where each hidden neuron switches on: a straight line, if it crosses the square. */
  folds: { symbol: string; line: [number, number, number, number] | null }[];
  max: number;
};

/** Grids of the output ŷ and of the output's weighted sum z over (x₁, x₂), for fixed x₃. */
export function surfaceGrids(params: readonly number[], x3: number, steps = SURFACE_STEPS): { y: Grid; z: Grid } {
  const mlp = mlpWith(NIN, NOUTS, params);
  const zs: number[] = [];
  const y = sampleGrid((x1, x2) => {
    const layers = trace(mlp, [x1, x2, x3]);
    const last = layers[layers.length - 1];
    zs.push(last.z[0]);
    return last.out[0];
  }, surfaceDomain, steps);
  // sampleGrid visits points in the order it stores them, so zs lines up with y.values
  return { y, z: { ...y, values: Float64Array.from(zs) } };
}

/** Lay out the surface of a network at this x₃. Contour lines every `step` (else a round step for its height). */
export function networkSurface(params: readonly number[], x3: number, step?: number): NetworkSurface {
  const { y, z } = surfaceGrids(params, x3);
  const max = gridMax(y);
  const chosen = step ? { step, levels: levelsEvery(step, Math.min(max, 16 * step)) } : contourLevels(max);
  const mlp = mlpWith(NIN, NOUTS, params);
  return {
    bands: heatBands(y, surfaceFrame, SHADE_TOP),
    contours: contourPaths(y, chosen.levels, surfaceFrame),
    step: chosen.step,
    zeroLine: contourPaths(z, [0], surfaceFrame)[0]?.d ?? '',
    folds: mlp.layers[0].neurons.map((n, j) => ({
      symbol: `h${subscript(j + 1)}`,
      line: foldLine(n.w[0], n.w[1], n.w[2] * x3 + n.b, surfaceDomain, surfaceFrame),
    })),
    max,
  };
}

/** Pixel position of an (x₁, x₂) point on the surface plot. */
export function surfacePoint(x1: number, x2: number): { x: number; y: number } {
  return { x: toPixelX(x1, surfaceDomain, surfaceFrame), y: toPixelY(x2, surfaceDomain, surfaceFrame) };
}
