// The parameter calculator: every matrix a config gives, its shape and count, grouped by the
// part of the model it belongs to, and the total. Shapes come from the engine (matrixShapes),
// so the table is the model the engine would build.

import { configProblem, type GPTConfig } from '../../engine/config.ts';
import { matrixShapes, type MatrixShape } from '../../engine/params.ts';
import { int, short } from '../shared/format.ts';
import type { Problem } from '../shared/problem.ts';

/** The parts of the model a parameter can belong to. */
export const parameterGroups = ['embeddings', 'attention', 'mlp', 'output'] as const;
export type ParameterGroup = (typeof parameterGroups)[number];

/** How each group is named for the reader. */
export const groupLabels: Record<ParameterGroup, string> = {
  embeddings: 'embeddings (wte, wpe)',
  attention: 'attention (W_q, W_k, W_v, W_o)',
  mlp: 'MLP (fc1, fc2)',
  output: 'output (lm_head)',
};

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
  if (/\.mlp_fc[12]$/.test(name)) return 'mlp';
  throw new Error(`no group for the matrix ${name}`);
}

/** The table for a config, or a problem saying what is wrong with it (the engine's message, or one for a size past counting). */
export function parameterTable(config: GPTConfig): ({ ok: true } & ParameterTable) | { ok: false; problem: Problem } {
  const wrong = configProblem(config);
  if (wrong) return { ok: false, problem: { message: `${wrong}.` } };
  // estimated before any shapes are listed, so a huge n_layer costs nothing
  const perLayer = 12 * config.nEmbd * config.nEmbd;
  const estimate = config.nLayer * perLayer + (2 * config.vocabSize + config.blockSize) * config.nEmbd;
  if (!(estimate <= parameterLimit)) return { ok: false, problem: { message: `That model would have about ${short(estimate)} parameters, more than this calculator counts (${int(parameterLimit)}).` } };
  // one layer's matrices stand for all n_layer copies (the same shapes), named layer{i}.… when there are several
  const rows = matrixShapes({ ...config, nLayer: 1 }).map((s) => {
    const copies = s.name.startsWith('layer0.') ? config.nLayer : 1;
    const name = copies > 1 ? s.name.replace('layer0.', 'layer{i}.') : s.name;
    return { ...s, name, copies, count: copies * s.rows * s.cols, group: groupOf(s.name) };
  });
  const groups = parameterGroups.map((group) => ({ group, count: rows.filter((r) => r.group === group).reduce((n, r) => n + r.count, 0) }));
  return { ok: true, rows, total: rows.reduce((n, r) => n + r.count, 0), groups };
}
