// The whole toy model on one page: every vector of one forward pass as a box, in the order
// gpt() makes them, grouped in three columns (embeddings, attention, MLP and output) that
// sit side by side on a wide screen and one under another on a phone. Pure data for
// ModelMap.svelte; the numbers are the engine's trace of the picked step.

import { headDim, toyConfig } from '../../engine/config.ts';
import { toyVocab } from '../../engine/toy.ts';
import { precise, subscript } from '../shared/format.ts';
import type { ToyStep } from '../toy/walkthrough.ts';

/** A role colour of tokens.css, or '' for the plain residual stream. */
export type BoxRole = 'token' | 'position' | 'query' | 'key' | 'value' | '';

/** One box of the map: a vector (or, for the cache, one row per position) and where it came from. */
export type MapBox = {
  id: string;
  label: string; // what it is, in words
  formula: string; // how gpt() computes it
  role: BoxRole;
  rows: number[][]; // one row for a vector; the cache has one per position
  rowLabels: string[]; // '' for a plain vector
  colLabels: string[]; // token labels for logits and probabilities, positions for scores and weights, else []
  from: string[]; // ids of the boxes it is computed from
  kind: 'signed' | 'probability'; // how its colour strip reads the numbers
};

/** A column of the map: a title and its rows of box ids (boxes in one row sit side by side). */
export type MapColumn = { id: string; title: string; rows: string[][] };

/** The map for one pick: its boxes by id, the columns, and the reading order (for the arrow keys). */
export type ModelMap = { boxes: Record<string, MapBox>; columns: MapColumn[]; order: string[]; scale: number };

const vector = (xs: number[]) => [xs];

/** The map of one picked step of the toy (one layer, one head). */
export function modelMap(step: ToyStep): ModelMap {
  const { trace: t, cache, pick } = step;
  if (t.layers.length !== 1 || t.layers[0].heads.length !== 1) throw new Error('the model map draws the toy: one layer, one head');
  const l = t.layers[0];
  const h = l.heads[0];
  const tok = toyVocab[pick.token];
  const positions = cache.map((r) => `pos ${r.pos}`);
  const cacheLabels = cache.map((r) => `${toyVocab[r.token]} @ ${r.pos}${r.source === 'current' ? ' (now)' : ''}`);
  const box = (id: string, label: string, formula: string, rows: number[][], from: string[], more: Partial<MapBox> = {}): MapBox => ({
    id, label, formula, role: '', rows, rowLabels: rows.map(() => ''), colLabels: [], from, kind: 'signed', ...more,
  });
  const list: MapBox[] = [
    box('tokEmb', 'Token embedding', `wte[${tok}]`, vector(t.tokEmb), [], { role: 'token' }),
    box('posEmb', 'Position embedding', `wpe[${pick.pos}]`, vector(t.posEmb), [], { role: 'position' }),
    box('embSum', 'Sum', 'token + position', vector(t.embSum), ['tokEmb', 'posEmb']),
    box('embNorm', 'RMSNorm: x', 'rmsnorm(sum)', vector(t.embNorm), ['embSum']),
    box('norm1', 'RMSNorm', 'rmsnorm(x)', vector(l.norm1), ['embNorm']),
    box('q', 'Query q', 'attn_wq · norm', vector(l.q), ['norm1'], { role: 'query' }),
    box('k', 'Key k', 'attn_wk · norm', vector(l.k), ['norm1'], { role: 'key' }),
    box('v', 'Value v', 'attn_wv · norm', vector(l.v), ['norm1'], { role: 'value' }),
    box('keys', 'Keys in the cache', 'earlier keys, then k', cache.map((r) => r.key), ['k'], { role: 'key', rowLabels: cacheLabels }),
    box('values', 'Values in the cache', 'earlier values, then v', cache.map((r) => r.value), ['v'], { role: 'value', rowLabels: cacheLabels }),
    box('scores', 'Scores', `q · kₜ / √${headDim(toyConfig)}`, vector(h.scores), ['q', 'keys'], { colLabels: positions }),
    box('weights', 'Weights', 'softmax(scores)', vector(h.weights), ['scores'], { colLabels: positions, kind: 'probability' }),
    box('head', 'Head output', 'Σ weightₜ · vₜ', vector(h.out), ['weights', 'values']),
    box('attnOut', 'Attention output', 'attn_wo · head', vector(l.attnOut), ['head']),
    box('afterAttn', 'Residual: x + attention', 'x + attention output', vector(l.afterAttn), ['embNorm', 'attnOut']),
    box('norm2', 'RMSNorm', 'rmsnorm(x)', vector(l.norm2), ['afterAttn']),
    box('mlpHidden', `Hidden (${l.mlpHidden.length} units)`, 'mlp_fc1 · norm', vector(l.mlpHidden), ['norm2'], { colLabels: l.mlpHidden.map((_, i) => `h${subscript(i)}`) }),
    box('mlpRelu', 'ReLU', 'max(0, hidden)', vector(l.mlpRelu), ['mlpHidden'], { colLabels: l.mlpRelu.map((_, i) => `h${subscript(i)}`) }),
    box('mlpOut', 'MLP output', 'mlp_fc2 · relu', vector(l.mlpOut), ['mlpRelu']),
    box('output', 'Residual: x + MLP', 'x + MLP output', vector(l.output), ['afterAttn', 'mlpOut']),
    box('logits', 'Logits', 'lm_head · x', vector(t.logits), ['output'], { colLabels: [...toyVocab] }),
    box('probs', 'Probabilities', 'softmax(logits)', vector(step.probs), ['logits'], { colLabels: [...toyVocab], kind: 'probability' }),
  ];
  const columns: MapColumn[] = [
    { id: 'embed', title: 'Embeddings', rows: [['tokEmb', 'posEmb'], ['embSum'], ['embNorm']] },
    { id: 'attn', title: 'Attention', rows: [['norm1'], ['q', 'k', 'v'], ['keys', 'values'], ['scores', 'weights'], ['head'], ['attnOut'], ['afterAttn']] },
    { id: 'mlp', title: 'MLP and output', rows: [['norm2'], ['mlpHidden'], ['mlpRelu'], ['mlpOut'], ['output'], ['logits', 'probs']] },
  ];
  const boxes = Object.fromEntries(list.map((b) => [b.id, b]));
  const signed = list.filter((b) => b.kind === 'signed').flatMap((b) => b.rows.flat());
  return { boxes, columns, order: columns.flatMap((c) => c.rows.flat()), scale: Math.max(...signed.map(Math.abs)) };
}

/** One cell of a colour strip: which colour (by sign) and how strong (0 to 1). */
export type StripCell = { sign: 'positive' | 'negative' | 'zero'; strength: number };

/** A box's colour strip: signed numbers against the map's largest magnitude, probabilities as they are. */
export function stripCells(xs: readonly number[], kind: MapBox['kind'], scale: number): StripCell[] {
  return xs.map((x) => {
    const strength = kind === 'probability' ? x : scale > 0 ? Math.abs(x) / scale : 0;
    return { sign: x > 0 ? 'positive' : x < 0 ? 'negative' : 'zero', strength: Math.min(1, strength) };
  });
}

/** A box's exact numbers, each row in parentheses. */
export function exactText(b: MapBox): string {
  return b.rows.map((r) => `(${r.map((x) => precise(x)).join(', ')})`).join(', ');
}

/** Where a box's numbers come from, in words. */
export function sourcesText(map: ModelMap, b: MapBox): string {
  return b.from.length ? `from ${b.from.map((f) => map.boxes[f].label).join(' and ')}` : 'a row of the table, looked up';
}

/** What the live region says when the reader moves to a box: its name, formula, sources and exact numbers. */
export function boxAnnouncement(map: ModelMap, id: string): string {
  const b = map.boxes[id];
  return `${b.label} = ${b.formula}, ${sourcesText(map, b)}: ${exactText(b)}.`;
}
