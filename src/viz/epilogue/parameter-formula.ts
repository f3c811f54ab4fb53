// A Llama-style model's parameter count written out term by term, for a reader to check by
// hand: the closed form N = 2Vd + d + L(2d² + 2·n_kv·h_d·d + E·3hd + E·d + 2d), each term with
// the model's numbers filled in. It is computed here from the config alone, apart from the
// calculator (parameterTable), so the two can be checked against each other.

import { headDim } from '../../engine/config.ts';
import { int } from '../shared/format.ts';
import type { ComparedModel } from './models.ts';

/** The terms of the count, in the order they are written. */
export const formulaParts = ['tables', 'finalNorm', 'attnQo', 'attnKv', 'mlp', 'router', 'norms', 'layer', 'layers', 'total'] as const;
export type FormulaPart = (typeof formulaParts)[number];

/** How each term is named and written in symbols (V vocabulary, d width, L layers, n_kv KV heads, h_d head size, h MLP width, E experts). */
export const formulaLabels: Record<FormulaPart, { part: string; symbols: string }> = {
  tables: { part: 'wte and lm_head', symbols: '2 × V × d' },
  finalNorm: { part: 'final norm’s gain', symbols: 'd' },
  attnQo: { part: 'W_q and W_o, per layer', symbols: '2 × d × d' },
  attnKv: { part: 'W_k and W_v, per layer', symbols: '2 × n_kv × h_d × d' },
  mlp: { part: 'MLP (gate, fc1, fc2), per layer', symbols: 'E × 3 × h × d (E = 1 without experts)' },
  router: { part: 'router, per layer', symbols: 'E × d (none without experts)' },
  norms: { part: 'two norms’ gains, per layer', symbols: '2 × d' },
  layer: { part: 'one layer', symbols: 'the five terms above' },
  layers: { part: 'all layers', symbols: 'L × one layer' },
  total: { part: 'total', symbols: 'tables + final norm + all layers' },
};

/** One term: the numbers put in, and what they give. */
export type FormulaTerm = { numbers: string; count: number };

/**
 * The count of a model with RoPE, RMSNorm gains, no biases, an untied head and a SwiGLU MLP
 * (Llama 3, Mixtral), term by term; `experts` is how many MLPs to count per layer (all of
 * them by default, or the ones a token uses).
 */
export function llamaStyleCount(m: ComparedModel, experts = m.options.experts ?? 1): Record<FormulaPart, FormulaTerm> {
  const o = m.options;
  if (o.positions !== 'rotary' || o.norm !== 'gain' || o.biases || o.tiedEmbeddings || !o.gatedMlp) throw new Error(`${m.label} is not a Llama-style model`);
  const { vocabSize: V, nEmbd: d, nLayer: L } = m.config;
  const kv = o.kvHeads ?? m.config.nHead;
  const hd = headDim(m.config);
  const h = o.mlpHidden ?? 4 * d;
  const routed = (o.experts ?? 1) > 1;
  const term = (numbers: (string | number)[], count: number): FormulaTerm => ({
    numbers: `${numbers.map((n) => (typeof n === 'number' ? int(n) : n)).join(' × ')} = ${int(count)}`,
    count,
  });
  const tables = term([2, V, d], 2 * V * d);
  const finalNorm: FormulaTerm = { numbers: int(d), count: d };
  const attnQo = term([2, d, d], 2 * d * d);
  const attnKv = term([2, kv, hd, d], 2 * kv * hd * d);
  const mlp = term([...(routed ? [experts] : []), 3, h, d], experts * 3 * h * d);
  const router: FormulaTerm = routed ? term([o.experts!, d], o.experts! * d) : { numbers: 'none', count: 0 };
  const norms = term([2, d], 2 * d);
  const perLayer = attnQo.count + attnKv.count + mlp.count + router.count + norms.count;
  const layer: FormulaTerm = { numbers: int(perLayer), count: perLayer };
  const layers = term([L, perLayer], L * perLayer);
  const total = tables.count + finalNorm.count + layers.count;
  return {
    tables, finalNorm, attnQo, attnKv, mlp, router, norms, layer, layers,
    total: { numbers: `${int(tables.count)} + ${int(finalNorm.count)} + ${int(layers.count)} = ${int(total)}`, count: total },
  };
}
