// The parameter calculator: every matrix a config gives, its shape and count, grouped by the
// part of the model it belongs to, and the total. Shapes come from the engine (matrixShapes),
// so the table is the model the engine would build.

import { configProblem, headDim, type GPTConfig } from '../../engine/config.ts';
import { matrixShapes, type MatrixShape } from '../../engine/params.ts';
import { int, short } from '../shared/format.ts';
import type { Problem } from '../shared/problem.ts';

/** The parts of the model a parameter can belong to (norms only with architecture options that give them parameters). */
export const parameterGroups = ['embeddings', 'attention', 'mlp', 'output', 'norms'] as const;
export type ParameterGroup = (typeof parameterGroups)[number];

/** How each group is named for the reader. */
export const groupLabels: Record<ParameterGroup, string> = {
  embeddings: 'embeddings (wte, wpe)',
  attention: 'attention (W_q, W_k, W_v, W_o)',
  mlp: 'MLP (fc1, fc2)',
  output: 'output (lm_head)',
  norms: 'norms (gains and biases)',
};

/**
 * How a published architecture differs from microgpt's, for counting its parameters. Every
 * field left out is microgpt's choice, so `parameterTable(c)` and `parameterTable(c, {})` agree.
 */
export type ArchitectureOptions = {
  /** lm_head is wte used again (GPT-2, many small models): no separate output matrix. Default false. */
  tiedEmbeddings?: boolean;
  /** 'learned': a wpe table of block_size rows (microgpt, GPT-2); 'rotary': RoPE, which rotates q and k and learns nothing. Default 'learned'. */
  positions?: 'learned' | 'rotary';
  /** A bias vector on every linear layer of a block: q, k, v, o and the MLP's (GPT-2). Default false. */
  biases?: boolean;
  /** Learned numbers per norm: 'none' (microgpt's rmsnorm), 'gain' (RMSNorm with a weight, Llama), 'gain-bias' (LayerNorm, GPT-2). Default 'none'. */
  norm?: 'none' | 'gain' | 'gain-bias';
  /** How many norms a block has and whether one more sits before lm_head; counted only when norm is not 'none'. Default 2 per block, and a final one. */
  normsPerLayer?: number;
  finalNorm?: boolean;
  /** Key and value heads (grouped-query attention when fewer than n_head). Default n_head. */
  kvHeads?: number;
  /** The MLP's hidden width. Default 4 · n_embd. */
  mlpHidden?: number;
  /** A gated MLP (SwiGLU): a third matrix, the gate, beside fc1. Default false. */
  gatedMlp?: boolean;
  /** Mixture of experts: this many copies of the MLP per block, and a router (experts × n_embd). Default 1 (a dense MLP, no router). */
  experts?: number;
};

/** The options with every default filled in, for a config. */
function resolved(c: GPTConfig, o: ArchitectureOptions) {
  return {
    tiedEmbeddings: o.tiedEmbeddings ?? false,
    positions: o.positions ?? 'learned',
    biases: o.biases ?? false,
    norm: o.norm ?? 'none',
    normsPerLayer: o.normsPerLayer ?? 2,
    finalNorm: o.finalNorm ?? true,
    kvHeads: o.kvHeads ?? c.nHead,
    mlpHidden: o.mlpHidden ?? 4 * c.nEmbd,
    gatedMlp: o.gatedMlp ?? false,
    experts: o.experts ?? 1,
  };
}

/** What is wrong with the options for a config, or null. */
function optionsProblem(c: GPTConfig, o: ReturnType<typeof resolved>): string | null {
  if (!Number.isInteger(o.kvHeads) || o.kvHeads < 1 || c.nHead % o.kvHeads !== 0) return `The key and value heads (${o.kvHeads}) must divide n_head (${c.nHead}).`;
  if (!Number.isInteger(o.mlpHidden) || o.mlpHidden < 1) return `The MLP's hidden width must be a positive integer, got ${o.mlpHidden}.`;
  if (!Number.isInteger(o.experts) || o.experts < 1) return `The number of experts must be a positive integer, got ${o.experts}.`;
  if (!Number.isInteger(o.normsPerLayer) || o.normsPerLayer < 0) return `The norms per layer must be a whole number, got ${o.normsPerLayer}.`;
  return null;
}

/** One matrix of the table, or one per layer: `copies` is n_layer for a layer's matrices, and `count` covers all copies. */
export type ParameterRow = MatrixShape & { copies: number; count: number; group: ParameterGroup };

/** The calculator's answer for a usable config. */
export type ParameterTable = { rows: ParameterRow[]; total: number; groups: { group: ParameterGroup; count: number }[] };

/** The most parameters the calculator counts: far beyond any model, still exact in a double. */
export const parameterLimit = 1e15;

/** Which part of the model a matrix of microgpt's state dict belongs to. */
export function groupOf(name: string): ParameterGroup {
  if (name === 'wte' || name === 'wpe') return 'embeddings';
  if (name === 'lm_head') return 'output';
  if (/\.attn_w[qkvo]$/.test(name)) return 'attention';
  if (/\.attn_b[qkvo]$/.test(name)) return 'attention';
  if (/\.mlp_(fc[12]|gate|router)$/.test(name) || /\.mlp_b(fc[12]|gate)$/.test(name)) return 'mlp';
  if (/(^|\.)ln_\w+$/.test(name)) return 'norms';
  throw new Error(`no group for the matrix ${name}`);
}

/**
 * The table for a config, or a problem saying what is wrong with it (the engine's message, or
 * one for a size past counting). With no options it is the model the engine builds; options
 * describe a published architecture's differences (tied head, biases, norms, GQA, SwiGLU, experts).
 */
export function parameterTable(config: GPTConfig, options: ArchitectureOptions = {}): ({ ok: true } & ParameterTable) | { ok: false; problem: Problem } {
  const wrong = configProblem(config);
  if (wrong) return { ok: false, problem: { message: `${wrong}.` } };
  const o = resolved(config, options);
  const bad = optionsProblem(config, o);
  if (bad) return { ok: false, problem: { message: bad } };
  const d = config.nEmbd;
  // estimated before any shapes are listed, so a huge n_layer costs nothing
  const perLayer = 4 * d * d + o.experts * (o.gatedMlp ? 3 : 2) * o.mlpHidden * d;
  const estimate = config.nLayer * perLayer + (2 * config.vocabSize + config.blockSize) * d;
  if (!(estimate <= parameterLimit)) return { ok: false, problem: { message: `That model would have about ${short(estimate)} parameters, more than this calculator counts (${int(parameterLimit)}).` } };
  const kv = o.kvHeads * headDim(config); // rows of W_k and W_v: one head size per key/value head
  // one layer's matrices stand for all n_layer copies (the same shapes), named layer{i}.… when there are several
  const shapes: MatrixShape[] = matrixShapes({ ...config, nLayer: 1 }).flatMap((s): MatrixShape[] => {
    if (s.name === 'wpe' && o.positions === 'rotary') return [];
    if (s.name === 'lm_head' && o.tiedEmbeddings) return [];
    if (s.name === 'layer0.attn_wk' || s.name === 'layer0.attn_wv') return [{ ...s, rows: kv }];
    if (s.name === 'layer0.mlp_fc1') return [{ ...s, rows: o.mlpHidden }, ...(o.gatedMlp ? [{ name: 'layer0.mlp_gate', rows: o.mlpHidden, cols: d }] : [])];
    if (s.name === 'layer0.mlp_fc2') return [{ ...s, cols: o.mlpHidden }];
    return [s];
  });
  const extra: MatrixShape[] = [];
  if (o.experts > 1) extra.push({ name: 'layer0.mlp_router', rows: o.experts, cols: d });
  if (o.biases) {
    extra.push(
      { name: 'layer0.attn_bq', rows: d, cols: 1 }, { name: 'layer0.attn_bk', rows: kv, cols: 1 }, { name: 'layer0.attn_bv', rows: kv, cols: 1 },
      { name: 'layer0.attn_bo', rows: d, cols: 1 }, { name: 'layer0.mlp_bfc1', rows: o.mlpHidden, cols: 1 }, { name: 'layer0.mlp_bfc2', rows: d, cols: 1 },
    );
  }
  const perNorm = o.norm === 'gain' ? 1 : o.norm === 'gain-bias' ? 2 : 0;
  if (perNorm > 0) {
    for (let k = 0; k < o.normsPerLayer; k++) extra.push({ name: `layer0.ln_${k + 1}`, rows: perNorm, cols: d });
    if (o.finalNorm) extra.push({ name: 'ln_f', rows: perNorm, cols: d });
  }
  const rows = [...shapes, ...extra].map((s) => {
    const inLayer = s.name.startsWith('layer0.');
    const mlpCopies = o.experts > 1 && /\.mlp_(fc[12]|gate|bfc[12]|bgate)$/.test(s.name) ? o.experts : 1;
    const copies = (inLayer ? config.nLayer : 1) * mlpCopies;
    const name = inLayer && config.nLayer > 1 ? s.name.replace('layer0.', 'layer{i}.') : s.name;
    return { ...s, name, copies, count: copies * s.rows * s.cols, group: groupOf(s.name) };
  });
  const groups = parameterGroups
    .map((group) => ({ group, count: rows.filter((r) => r.group === group).reduce((n, r) => n + r.count, 0) }))
    .filter((g) => g.group !== 'norms' || g.count > 0);
  return { ok: true, rows, total: rows.reduce((n, r) => n + r.count, 0), groups };
}
