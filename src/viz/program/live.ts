// Live values for the whole program: a name run through the real model the way training runs
// it (documentLoss, then backward), and, for the line the reader selected, what that line
// computed at one position. Which line shows what is data (each group's `trace`).

import { documentLoss } from '../../engine/loss.ts';
import { toValueStateDict } from '../../engine/model.ts';
import type { StateDict } from '../../engine/params.ts';
import type { GPTConfig } from '../../engine/config.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import { readTrace, type NumericTrace } from '../../engine/trace.ts';
import type { Problem } from '../shared/problem.ts';
import { unknownProblem } from '../tokenizer/token-view.ts';
import { clipped } from '../shared/format.ts';

/** A vector gpt() reports: outside the layer, or inside layer 0 (microgpt has one layer). */
export type VectorPoint =
  | 'tokEmb' | 'posEmb' | 'embSum' | 'embNorm'
  | 'input' | 'norm1' | 'q' | 'k' | 'v' | 'attnConcat' | 'attnOut' | 'afterAttn' | 'norm2' | 'mlpHidden' | 'mlpRelu' | 'mlpOut' | 'output';

/** What a line group shows live: one of the run's values at the chosen position. */
export type TraceRef =
  | { kind: 'tokens' } // the name as the model reads it, [BOS, ...ids, BOS]
  | { kind: 'vector'; point: VectorPoint } // an intermediate vector and its gradient
  | { kind: 'heads' } // every head's scores, weights and output
  | { kind: 'logits' } // the scores for every next token, with their probabilities
  | { kind: 'loss' }; // −log p(target) here, and the mean over the name

const streamPoints = new Set<VectorPoint>(['tokEmb', 'posEmb', 'embSum', 'embNorm']);

/** One position of the run: its token and target, every intermediate's value and gradient, the probabilities and the loss. */
export type RunPosition = {
  pos: number; token: number; target: number; label: string; targetLabel: string;
  data: NumericTrace; grad: NumericTrace; probs: number[]; loss: number;
};

/** A name's run: the tokens, each position, and the mean loss. */
export type ProgramRun = { name: string; tokens: number[]; labels: string[]; vocab: string[]; positions: RunPosition[]; loss: number };

/** The model as the run needs it: its config, weights and tokenizer. */
export type RunModel = { config: GPTConfig; stateDict: StateDict; tokenizer: Tokenizer };

/** Run the name as one training step runs a document: forward at every position, the mean loss, backward. */
export function runProgram(m: RunModel, name: string): ProgramRun {
  const model = { config: m.config, params: toValueStateDict(m.stateDict) }; // fresh leaves: no gradient left from a run before
  const tokens = m.tokenizer.encodeDocument(name);
  const { loss, positions } = documentLoss(model, tokens);
  loss.backward();
  const label = (id: number) => m.tokenizer.token(id);
  return {
    name,
    tokens,
    labels: tokens.map(label),
    vocab: Array.from({ length: m.tokenizer.vocabSize }, (_, id) => label(id)),
    loss: loss.data,
    positions: positions.map((p) => ({
      pos: p.pos, token: p.token, target: p.target, label: label(p.token), targetLabel: label(p.target),
      data: readTrace(p.trace, 'data'), grad: readTrace(p.trace, 'grad'), probs: p.probs.map((v) => v.data), loss: p.loss.data,
    })),
  };
}

/** A name and a position the reader typed, checked: the name to run and the position to show, or what is wrong with each. */
export type LiveInput = { name: string; pos: number; nameProblem: Problem | null; posProblem: Problem | null };

/**
 * Check a typed name and position. The name must use the vocabulary's characters and fit the
 * context: BOS and its letters at most blockSize positions. The position counts from 0 (BOS)
 * to the name's length (its last letter, which predicts BOS).
 */
export function checkLiveInput(tokenizer: Tokenizer, blockSize: number, name: string, posText: string): LiveInput {
  const most = blockSize - 1;
  const unknown = [...new Set(tokenizer.unknownCharacters(name).map((u) => u.char))];
  let nameProblem = unknownProblem(tokenizer, unknown);
  const letters = [...name].length;
  const quoted = `“${clipped(name)}”`;
  if (!nameProblem && letters === 0) {
    // training never reads an empty document: parseDocuments drops blank lines
    nameProblem = { message: `Type a name of 1 to ${most} letters: training never reads an empty one, as the dataset's blank lines are dropped.` };
  } else if (!nameProblem && letters > most) {
    nameProblem = { message: `${quoted} has ${letters} letters, longer than the context: microgpt reads at most ${blockSize} positions (block_size), BOS and ${most} letters.` };
  }
  const trimmed = posText.trim();
  let pos = Number(trimmed);
  let posProblem: Problem | null = null;
  if (!/^[0-9]+$/.test(trimmed)) {
    posProblem = { message: `The position is a whole number from 0 (BOS) up; “${clipped(posText)}” is not one.` };
    pos = -1;
  } else if (!nameProblem && pos > letters) {
    const range = letters === 1 ? 'its positions are 0 (BOS) and 1 (its letter)' : `its positions are 0 (BOS) to ${letters} (its last letter), ${letters + 1} in all`;
    posProblem = { message: `Position ${pos} is past the end of ${quoted}: ${range}.` };
  }
  return { name, pos, nameProblem, posProblem };
}

/** One next token's score, probability and the gradient of the loss with respect to its score. */
export type LogitRow = { id: number; label: string; logit: number; prob: number; grad: number; target: boolean };

/**
 * An embedding is a row of a parameter matrix, not a value computed at one position: its
 * gradient sums the contributions of every position of the name that reads that row. Which
 * matrix, which row (its label) and those positions.
 */
export type ParameterRow = { matrix: 'wte' | 'wpe'; label: string; positions: number[] };

/** What the selected line shows at the chosen position. */
export type LiveView =
  | { kind: 'none'; message: string }
  | { kind: 'tokens'; tokens: { id: number; label: string }[]; pos: number }
  | { kind: 'vector'; point: VectorPoint; values: number[]; grads: number[]; row?: ParameterRow }
  | { kind: 'heads'; keys: string[]; heads: { scores: number[]; weights: number[]; out: number[] }[] }
  | { kind: 'logits'; rows: LogitRow[]; shown: number; vocab: number; count: number }
  | { kind: 'loss'; loss: number; prob: number; target: string; mean: number; count: number };

/** How many of the most likely next tokens a logits view lists. */
export const topTokens = 5;

/** The live view of a group's trace at position pos (which must be in the run). */
export function liveView(ref: TraceRef | undefined, run: ProgramRun, pos: number): LiveView {
  const p = run.positions[pos];
  if (!ref) return { kind: 'none', message: 'This line computes nothing for one position of one name, so it has no value to show here.' };
  if (!p) return { kind: 'none', message: `The run has no position ${pos}.` };
  switch (ref.kind) {
    case 'tokens':
      return { kind: 'tokens', tokens: run.tokens.map((id, i) => ({ id, label: run.labels[i] })), pos };
    case 'vector': {
      const from = (t: NumericTrace) => (streamPoints.has(ref.point) ? t[ref.point as 'tokEmb'] : t.layers[0][ref.point as 'q']);
      const view: LiveView = { kind: 'vector', point: ref.point, values: from(p.data), grads: from(p.grad) };
      if (ref.point === 'tokEmb') view.row = { matrix: 'wte', label: p.label, positions: run.positions.filter((q) => q.token === p.token).map((q) => q.pos) };
      if (ref.point === 'posEmb') view.row = { matrix: 'wpe', label: String(pos), positions: [pos] };
      return view;
    }
    case 'heads':
      return {
        kind: 'heads',
        keys: run.labels.slice(0, pos + 1),
        heads: p.data.layers[0].heads.map((h) => ({ scores: h.scores, weights: h.weights, out: h.out })),
      };
    case 'logits': {
      const rows = p.data.logits.map((logit, id): LogitRow => ({ id, label: run.vocab[id], logit, prob: p.probs[id], grad: p.grad.logits[id], target: id === p.target }));
      const ranked = rows.slice().sort((a, b) => b.prob - a.prob || a.id - b.id);
      const top = ranked.slice(0, topTokens);
      if (!top.some((r) => r.target)) top.push(rows[p.target]); // the target always shows: its probability is the loss
      return { kind: 'logits', rows: top, shown: topTokens, vocab: rows.length, count: run.positions.length };
    }
    case 'loss':
      return { kind: 'loss', loss: p.loss, prob: p.probs[p.target], target: p.targetLabel, mean: run.loss, count: run.positions.length };
  }
}

