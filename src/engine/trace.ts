// A trace of one forward pass: every intermediate gpt() computes, kept by name for the
// widgets to draw. gpt() reports each one to a recorder; this file only files them away,
// so the model's math lives in model.ts alone.

import type { KVCache, ValueModel } from './model.ts';
import { gpt } from './model.ts';
import type { Value } from './value.ts';

/** Points outside the layers: the embeddings and the logits. */
const streamPoints = ['tokEmb', 'posEmb', 'embSum', 'embNorm', 'logits'] as const;
/** Points of one layer, in the order gpt() reaches them; 'input' opens a layer. */
const layerPoints = [
  'input', 'norm1', 'q', 'k', 'v', 'attnConcat', 'attnOut', 'afterAttn', 'norm2', 'mlpHidden', 'mlpRelu', 'mlpOut', 'output',
] as const;
/** Points of one attention head; 'scores' opens a head. */
const headPoints = ['scores', 'weights', 'out'] as const;

type StreamPoint = (typeof streamPoints)[number];
type LayerPoint = (typeof layerPoints)[number];
type HeadPoint = (typeof headPoints)[number];

/** The name of an intermediate gpt() reports. */
export type TracePoint = StreamPoint | LayerPoint | HeadPoint;

/**
 * What gpt() calls at each named point, in the order it computes them: the embeddings, then
 * per layer 'input' … 'output' with 'scores', 'weights', 'out' once per head, then 'logits'.
 */
export type Recorder = (point: TracePoint, xs: Value[]) => void;

/** One attention head at one position: its raw scores [t], softmax weights [t] and output [headDim]. */
export type HeadTrace = Record<HeadPoint, Value[]>;

/**
 * Every intermediate of one layer at one position: input (the residual stream entering it),
 * norm1 = rmsnorm(input), q k v, the heads, attnConcat (head outputs side by side), attnOut =
 * attn_wo·attnConcat, afterAttn = input + attnOut, norm2, mlpHidden = mlp_fc1·norm2 [4·nEmbd],
 * mlpRelu, mlpOut = mlp_fc2·mlpRelu, output = afterAttn + mlpOut. All [nEmbd] unless stated.
 */
export type LayerTrace = Record<LayerPoint, Value[]> & { heads: HeadTrace[] };

/** Every intermediate of one forward pass, by name: tokEmb, posEmb, embSum, embNorm [nEmbd], layers, logits [vocabSize]. */
export type ForwardTrace = { token: number; pos: number; layers: LayerTrace[] } & Record<StreamPoint, Value[]>;

const isIn = <P extends string>(points: readonly P[], point: string): point is P => (points as readonly string[]).includes(point);

/** A scope filled by the recorder, checked once gpt() returns: a point it never reported is a bug in gpt(). */
function complete<P extends string>(scope: Partial<Record<P, Value[]>>, points: readonly P[]): Record<P, Value[]> {
  for (const p of points) if (!scope[p]) throw new Error(`gpt() did not report ${p}`);
  return scope as Record<P, Value[]>;
}

/** gpt() with every intermediate kept: the same Values, the same cache update. → logits [vocabSize] and the trace */
export function tracedGpt(model: ValueModel, token: number, pos: number, keys: KVCache, values: KVCache): { logits: Value[]; trace: ForwardTrace } {
  const stream: Partial<Record<StreamPoint, Value[]>> = {};
  const layers: { points: Partial<Record<LayerPoint, Value[]>>; heads: Partial<HeadTrace>[] }[] = [];
  const logits = gpt(model, token, pos, keys, values, (point, xs) => {
    if (point === 'input') layers.push({ points: {}, heads: [] });
    const layer = layers[layers.length - 1];
    if (point === 'scores') layer.heads.push({});
    if (isIn(headPoints, point)) layer.heads[layer.heads.length - 1][point] = xs;
    else if (isIn(layerPoints, point)) layer.points[point] = xs;
    else stream[point] = xs;
  });
  const trace: ForwardTrace = {
    token,
    pos,
    ...complete(stream, streamPoints),
    layers: layers.map((l) => ({ ...complete(l.points, layerPoints), heads: l.heads.map((h) => complete(h, headPoints)) })),
  };
  return { logits, trace };
}

/** The same shape with plain numbers in place of Values. */
type Numeric<T> = { [K in keyof T]: T[K] extends Value[] ? number[] : T[K] extends (infer U)[] ? Numeric<U>[] : T[K] };

/** A trace with plain numbers in place of Values (same shape), e.g. to draw or to post to a worker. */
export type NumericTrace = Numeric<ForwardTrace>;

/** Read a trace's values (`'data'`) or, after backward(), its gradients (`'grad'`). */
export function readTrace(t: ForwardTrace, field: 'data' | 'grad' = 'data'): NumericTrace {
  const read = <P extends string>(scope: Record<P, Value[]>, points: readonly P[]) =>
    Object.fromEntries(points.map((p) => [p, scope[p].map((v) => v[field])])) as Record<P, number[]>;
  return {
    token: t.token,
    pos: t.pos,
    ...read(t, streamPoints),
    layers: t.layers.map((l) => ({ ...read(l, layerPoints), heads: l.heads.map((h) => read(h, headPoints)) })),
  };
}
