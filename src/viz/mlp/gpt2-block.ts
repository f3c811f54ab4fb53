// The canonical GPT-2 model, part by part, mapped onto microgpt: for each part the lines of
// gpt() that do its work (found in the source text by their opening words, so an edit to the
// engine that loses one fails loudly), the state-dict entries it reads, and, where microgpt
// drops, changes or adds the part, why. ("Block" is kept for what the loop repeats: attention
// and the MLP with their norms and residual adds.)

import type { GPTConfig } from '../../engine/config.ts';
import { matrixShapes, type MatrixShape } from '../../engine/params.ts';
import { int } from '../shared/format.ts';

/** What microgpt does with a part of GPT-2: the same, something simpler, nothing, or a part GPT-2 does not have. */
export type BlockStatus = 'kept' | 'changed' | 'dropped' | 'added';

/** What the notes may quote about the shipped training run. */
export type BlockContext = { config: GPTConfig; steps: number; documents: number };

/**
 * A line of gpt(), named by how it starts (leading spaces ignored); a pair names a run of lines
 * from the first to the second, inclusive.
 */
export type LineRef = string | readonly [string, string];

/** One part of the GPT-2 diagram. */
export type Gpt2Block = {
  id: string;
  name: string; // GPT-2's name for it
  microgpt: string; // what microgpt has in its place
  status: BlockStatus;
  inLayer: boolean; // repeated once per layer
  lines: readonly LineRef[]; // where gpt() does it (for a dropped part, the one line it would go just before)
  entries: (c: GPTConfig) => string[]; // the state-dict matrices it reads
  note: (ctx: BlockContext) => string; // what it does, or why microgpt differs
};

const layers = (c: GPTConfig) => Array.from({ length: c.nLayer }, (_, i) => i);
const perLayer = (...names: string[]) => (c: GPTConfig) => layers(c).flatMap((i) => names.map((n) => `layer${i}.${n}`));
const none = () => [];

/** "16 numbers per layer, 32 in all" for a count repeated in each of n layers. */
function perLayerCount(each: number, c: GPTConfig): string {
  return c.nLayer === 1 ? `${int(each)} numbers in microgpt's one layer` : `${int(each)} numbers per layer, ${int(each * c.nLayer)} in all`;
}

/** How often training shows the model any one name: steps go through the names in turn. */
function seenAtMost(x: BlockContext): string {
  const times = Math.ceil(x.steps / x.documents);
  return times === 1 ? 'it sees no name twice' : `it sees each name at most ${int(times)} times`;
}

/** The GPT-2 model from the token to the output head, in the order gpt() computes it. */
export const gpt2Blocks: readonly Gpt2Block[] = [
  {
    id: 'wte', name: 'Token embedding', microgpt: 'the same: a row of wte', status: 'kept', inLayer: false,
    lines: ["const tokEmb = sd['wte'][token]", 'let x = add(tokEmb, posEmb)'],
    entries: () => ['wte'],
    note: () => 'The token picks its row of wte: one vector per token of the vocabulary. GPT-2 does exactly this.',
  },
  {
    id: 'wpe', name: 'Position embedding', microgpt: 'the same: a row of wpe, added', status: 'kept', inLayer: false,
    lines: ["const posEmb = sd['wpe'][pos]", 'let x = add(tokEmb, posEmb)'],
    entries: () => ['wpe'],
    note: (x) => `The position picks its row of wpe, and the two rows are added. Both models learn one row per position up to the block size (${int(x.config.blockSize)} here).`,
  },
  {
    id: 'dropout', name: 'Dropout', microgpt: 'none', status: 'dropped', inLayer: false,
    lines: ["x = rmsnorm(x); rec?.('embNorm'"],
    entries: none,
    note: (x) =>
      `At each training step GPT-2 sets a random tenth of the summed vector's entries to 0 and multiplies the rest by 10/9, so that their total stays about the same (and it does the same inside each block). The network cannot lean on any one entry, which keeps it from memorising its data. microgpt trains for ${int(x.steps)} steps on one name each, out of ${int(x.documents)} names: ${seenAtMost(x)}, and has little chance to memorise. Without dropout, the same name and weights always give the same numbers, in training as in every figure here.`,
  },
  {
    id: 'embnorm', name: 'RMSNorm after the embeddings', microgpt: 'a norm GPT-2 does not have', status: 'added', inLayer: false,
    lines: ["x = rmsnorm(x); rec?.('embNorm'"],
    entries: none,
    note: () =>
      'microgpt normalises the summed embeddings once before the first block; GPT-2 sends the sum straight into its first block. With a norm at the start of each half of the block, this one changes little: the first block normalises the vector again at once, and a vector that is already normalised comes out almost the same (the model map shows the two in a row). It learns nothing, so it has no state-dict entry.',
  },
  {
    id: 'layer', name: 'The block, × n_layer', microgpt: 'the same loop', status: 'kept', inLayer: true,
    lines: ['for (let li = 0; li < config.nLayer; li++)'],
    entries: perLayer('attn_wq', 'attn_wk', 'attn_wv', 'attn_wo', 'mlp_fc1', 'mlp_fc2'),
    note: (x) =>
      `Everything from here to the second residual add repeats once per layer, each layer with its own matrices, named layer0., layer1. and so on. microgpt has n_layer = ${int(x.config.nLayer)}; GPT-2 small has 12.`,
  },
  {
    id: 'ln1', name: 'LayerNorm', microgpt: 'RMSNorm, without a learned gain', status: 'changed', inLayer: true,
    lines: ["x = rmsnorm(x); rec?.('norm1'"],
    entries: none,
    note: (x) =>
      `The block's first half, attention, starts by normalising its input. LayerNorm subtracts the vector's mean, divides by its standard deviation, then multiplies by a learned gain and adds a learned bias. RMSNorm only divides by the root mean square: no mean subtracted, and in microgpt nothing learned, so it has no state-dict entry. GPT-2's gain and bias would be ${perLayerCount(2 * x.config.nEmbd, x.config)}.`,
  },
  {
    id: 'attn', name: 'Causal self-attention', microgpt: 'the same, without biases', status: 'changed', inLayer: true,
    lines: [['const q = linear(x, sd[`layer${li}.attn_wq`])', 'x = linear(xAttn, sd[`layer${li}.attn_wo`])']],
    entries: perLayer('attn_wq', 'attn_wk', 'attn_wv', 'attn_wo'),
    note: (x) =>
      `Queries, keys and values, one score per earlier position, softmax, the weighted sum, W_o. GPT-2 adds a bias after each of its four matrices (${perLayerCount(4 * x.config.nEmbd, x.config)}); microgpt's linear() has none. GPT-2 scores all positions at once and masks out the future; microgpt runs one position at a time, and its cache holds only the past, so there is nothing to mask.`,
  },
  {
    id: 'res1', name: 'Residual add', microgpt: 'the same', status: 'kept', inLayer: true,
    lines: ['let xResidual = x', "x = add(x, xResidual); rec?.('afterAttn'"],
    entries: none,
    note: () => "The block's input is kept aside before the norm and added back to attention's output, so attention only has to learn a change to the residual stream.",
  },
  {
    id: 'ln2', name: 'LayerNorm', microgpt: 'RMSNorm, without a learned gain', status: 'changed', inLayer: true,
    lines: ["x = rmsnorm(x); rec?.('norm2'"],
    entries: none,
    note: (x) => `The block's second half, the MLP, starts with the same change as the first: RMSNorm, no mean subtracted, nothing learned. GPT-2's gain and bias here: ${perLayerCount(2 * x.config.nEmbd, x.config)}.`,
  },
  {
    id: 'fc1', name: 'Linear, up 4×', microgpt: 'the same, without a bias', status: 'changed', inLayer: true,
    lines: ['x = linear(x, sd[`layer${li}.mlp_fc1`])'],
    entries: perLayer('mlp_fc1'),
    note: (x) => `The MLP widens the vector from ${int(x.config.nEmbd)} to ${int(4 * x.config.nEmbd)} numbers. GPT-2 adds a bias of ${int(4 * x.config.nEmbd)} numbers; microgpt has none.`,
  },
  {
    id: 'gelu', name: 'GeLU', microgpt: 'ReLU', status: 'changed', inLayer: true,
    lines: ['x = x.map((xi) => xi.relu())'],
    entries: none,
    note: () =>
      "GPT-2 uses GeLU, a smooth curve that, unlike ReLU, lets small negative inputs through, shrunk towards zero. microgpt uses ReLU from chapter 3, max(0, x): simpler to compute and to differentiate, and what the 200-line microgpt this book follows uses. Neither has parameters.",
  },
  {
    id: 'fc2', name: 'Linear, down', microgpt: 'the same, without a bias', status: 'changed', inLayer: true,
    lines: ['x = linear(x, sd[`layer${li}.mlp_fc2`])'],
    entries: perLayer('mlp_fc2'),
    note: (x) => `Back from ${int(4 * x.config.nEmbd)} numbers to ${int(x.config.nEmbd)}. GPT-2's bias here would be ${int(x.config.nEmbd)} numbers.`,
  },
  {
    id: 'res2', name: 'Residual add', microgpt: 'the same', status: 'kept', inLayer: true,
    lines: ['xResidual = x;', "x = add(x, xResidual); rec?.('output'"],
    entries: none,
    note: () => "The MLP's input is kept aside and added back to its output: the block's result, which the next layer (or the output head) reads.",
  },
  {
    id: 'lnf', name: 'Final LayerNorm', microgpt: 'none', status: 'dropped', inLayer: false,
    lines: ["const logits = linear(x, sd['lm_head'])"],
    entries: none,
    note: (x) =>
      `GPT-2 normalises the last block's output once more before its output head (a gain and a bias, ${int(2 * x.config.nEmbd)} numbers). microgpt has no norm there: the residual stream goes straight into lm_head. Its norms sit at the start of each half of the block, and one right after the embeddings.`,
  },
  {
    id: 'head', name: 'Linear (output head)', microgpt: 'lm_head, a matrix of its own', status: 'changed', inLayer: false,
    lines: ["const logits = linear(x, sd['lm_head'])", 'return logits;'],
    entries: () => ['lm_head'],
    note: (x) =>
      `One logit per token of the vocabulary: ${int(x.config.vocabSize)} dot products with the final vector. GPT-2 reuses its token embedding wte here (the weights are tied); microgpt learns a separate lm_head of the same shape. Softmax comes after gpt(), in the loss and in sampling.`,
  },
];

/** A line of gpt() with its line number in the file. */
export type SourceLine = { n: number; text: string };

/** The region's lines paired with their file line numbers (from code-regions' lineNumbers). */
export function sourceLines(code: string, lineNumbers: readonly number[]): SourceLine[] {
  const texts = code.split('\n');
  if (texts.length !== lineNumbers.length) throw new Error(`gpt() has ${texts.length} lines but ${lineNumbers.length} line numbers`);
  return texts.map((text, i) => ({ n: lineNumbers[i], text }));
}

function findLine(lines: readonly SourceLine[], start: string, block: string): number {
  const found = lines.flatMap((l, i) => (l.text.trimStart().startsWith(start) ? [i] : []));
  if (found.length !== 1) throw new Error(`block "${block}": ${found.length === 0 ? 'no' : found.length} lines of gpt() start with "${start}"`);
  return found[0];
}

/** The file line numbers a part maps to, in order. Throws when a line is missing or ambiguous, or when a dropped part names more than one line. */
export function blockLineNumbers(block: Gpt2Block, lines: readonly SourceLine[]): number[] {
  const at = new Set<number>();
  for (const ref of block.lines) {
    if (typeof ref === 'string') at.add(findLine(lines, ref, block.id));
    else {
      const [from, to] = [findLine(lines, ref[0], block.id), findLine(lines, ref[1], block.id)];
      if (to < from) throw new Error(`block "${block.id}": "${ref[1]}" comes before "${ref[0]}"`);
      for (let i = from; i <= to; i++) at.add(i);
    }
  }
  if (block.status === 'dropped' && at.size !== 1) throw new Error(`block "${block.id}": a dropped part goes before one line, not ${at.size}`);
  return [...at].sort((a, b) => a - b).map((i) => lines[i].n);
}

/** A state-dict entry with its shape, [rows][cols]. */
export type BlockEntry = MatrixShape & { count: number };

/** The state-dict entries a block reads, with shapes from the config. Throws for a name the config has no matrix for. */
export function blockEntries(block: Gpt2Block, config: GPTConfig): BlockEntry[] {
  const shapes = new Map(matrixShapes(config).map((s) => [s.name, s]));
  return block.entries(config).map((name) => {
    const s = shapes.get(name);
    if (!s) throw new Error(`block "${block.id}": no matrix ${name} in the state dict`);
    return { ...s, count: s.rows * s.cols };
  });
}

/**
 * One line of a code excerpt: a line of gpt() (highlighted or context), a gap between runs, or
 * the place a dropped part would go (just before line n, at its indentation).
 */
export type ExcerptLine =
  | (SourceLine & { highlight: boolean; indent: number })
  | { gap: true; n: number }
  | { insert: true; n: number; indent: number };

const indentOf = (text: string) => text.length - text.trimStart().length;

/**
 * The marked lines with `context` lines around each run, gaps marked, indentation measured for a
 * hanging indent. With `before`, nothing is highlighted: an insertion point goes just above each marked line.
 */
export function excerpt(lines: readonly SourceLine[], marked: readonly number[], context = 1, before = false): ExcerptLine[] {
  const at = new Set(marked);
  const near = (i: number) => lines.some((l, j) => at.has(l.n) && Math.abs(i - j) <= context);
  const out: ExcerptLine[] = [];
  lines.forEach((l, i) => {
    if (!near(i)) return;
    const last = out[out.length - 1];
    if (last && 'text' in last && lines[i - 1]?.n !== last.n) out.push({ gap: true, n: l.n });
    if (before && at.has(l.n)) out.push({ insert: true, n: l.n, indent: indentOf(l.text) });
    out.push({ ...l, highlight: !before && at.has(l.n), indent: indentOf(l.text) });
  });
  return out;
}

/** Line numbers as a reader writes them: "line 60", "lines 52–54, 57". */
export function lineList(ns: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const n of ns) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  const text = runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
  return `${ns.length === 1 ? 'line' : 'lines'} ${text}`;
}

/** Where a part sits in gpt(), in words: its lines, or for a dropped part the line it would go just before. */
export function placeText(status: BlockStatus, ns: readonly number[]): string {
  return status === 'dropped' ? `just before ${lineList(ns)}` : lineList(ns);
}

/** A line split into its code and its trailing comment ("// …"), for the comment's quieter colour. */
export function splitComment(text: string): { code: string; comment: string } {
  const at = text.search(/(^|\s)\/\/\s/);
  if (at < 0) return { code: text, comment: '' };
  const start = text[at] === '/' ? at : at + 1;
  return { code: text.slice(0, start), comment: text.slice(start) };
}

/** What GPT-2's block would add to a model of this config: the biases of its linear layers, and the gains and biases of its norms. */
export function gpt2ExtraCounts(c: GPTConfig): { biases: number; norms: number } {
  const biases = c.nLayer * (4 * c.nEmbd + 4 * c.nEmbd + c.nEmbd); // q, k, v, W_o; fc1 (4·n_embd); fc2
  const norms = (2 * c.nLayer + 1) * 2 * c.nEmbd; // two norms per block and a final one, each a gain and a bias
  return { biases, norms };
}
