// The toy's matrices as the weights table lays them out: name, role colour, row labels, and
// which row the pick reads (the token's row of wte, the position's row of wpe).

import { toyConfig } from '../../engine/config.ts';
import { toyStateDict, toyVocab } from '../../engine/toy.ts';
import type { ToyPick } from './walkthrough.ts';

export type ToyMatrix = {
  key: string; // the state-dict name
  caption: string;
  role: string; // a colour role of tokens.css, or ''
  rows: number[][];
  rowLabels: string[];
  colLabels: string[]; // empty when the columns need no names
  highlightRow: number; // −1 for none
};

const positions = Array.from({ length: toyConfig.blockSize }, (_, p) => `pos ${p}`);
const outs = (n: number) => Array.from({ length: n }, (_, i) => `${i}`);

/** Every matrix of the toy, in the order the forward pass uses them, with the pick's rows marked. */
export function toyMatrices(pick: ToyPick): ToyMatrix[] {
  const sd = toyStateDict;
  const m = (key: string, caption: string, role: string, rowLabels: string[], highlightRow = -1): ToyMatrix => ({
    key, caption, role, rows: sd[key], rowLabels, colLabels: [], highlightRow,
  });
  // mlp_fc2 has eight columns: shown as two halves of four, so it fits a phone without scrolling
  const half = (from: number): ToyMatrix => ({
    key: `layer0.mlp_fc2 ${from}`, caption: `mlp_fc2 (2 × 8), columns ${from}–${from + 3}`, role: '',
    rows: sd['layer0.mlp_fc2'].map((r) => r.slice(from, from + 4)), rowLabels: outs(2), colLabels: outs(8).slice(from, from + 4), highlightRow: -1,
  });
  return [
    m('wte', 'wte (token embeddings)', 'token', [...toyVocab], pick.token),
    m('wpe', 'wpe (position embeddings)', 'position', positions, pick.pos),
    m('layer0.attn_wq', 'attn_wq', 'query', outs(2)),
    m('layer0.attn_wk', 'attn_wk', 'key', outs(2)),
    m('layer0.attn_wv', 'attn_wv', 'value', outs(2)),
    m('layer0.attn_wo', 'attn_wo', '', outs(2)),
    m('layer0.mlp_fc1', 'mlp_fc1 (8 × 2)', '', outs(8)),
    half(0),
    half(4),
    m('lm_head', 'lm_head', '', [...toyVocab]),
  ];
}
