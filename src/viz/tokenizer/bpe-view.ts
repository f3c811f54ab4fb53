// What the BPE demo draws: the merges learned so far, the vocabulary size and average
// sequence length after k merges, a typed name split into BPE tokens, and a line chart of
// average tokens per name against the number of merges. Pure; d3 computes the chart.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { averageTokens, bpeEncode, type Bpe } from '../../engine/lessons/bpe.ts';
import type { Problem } from '../shared/problem.ts';
import { linearTicks, type Tick } from '../shared/ticks.ts';
import { unknownProblem } from './token-view.ts';

/** The demo's settings: how many merges it learns, where the slider starts, the name it splits first. */
export const bpeDemo = { maxMerges: 200, initialMerges: 50, initialName: 'christina' } as const;

/** One row of the merge list: the rank-th merge (from 1) glued left + right into text. */
export type MergeRow = { rank: number; left: string; right: string; text: string; id: number; count: number };

/** One BPE token of a split name. */
export type BpePiece = { text: string; id: number };

/** Everything the demo shows for k merges: a plain object, so it can be a build-time prop. */
export type BpeSnapshot = {
  merges: number;
  /** characters + BOS + merges */
  vocabSize: number;
  documents: number;
  /** tokens over all documents (without BOS) */
  total: number;
  /** total / documents */
  average: number;
  rows: MergeRow[];
  /** averages[j]: average tokens per name after j merges, for j = 0..maxMerges */
  averages: number[];
  name: string;
  pieces: BpePiece[];
  /** Unknown characters in the name, explained; null when the name can be encoded. */
  problem: Problem | null;
};

/** The first k merges as rows for the list. */
export function mergeRows(bpe: Bpe, k: number): MergeRow[] {
  return bpe.merges.slice(0, k).map((m, i) => ({
    rank: i + 1, left: bpe.texts[m.left], right: bpe.texts[m.right], text: m.text, id: m.id, count: m.count,
  }));
}

/** A name split into BPE tokens with the first k merges, or the problem if it cannot be encoded. */
export function bpeSplit(bpe: Bpe, name: string, k: number): { pieces: BpePiece[]; problem: Problem | null } {
  const unknown = [...new Set(bpe.tokenizer.unknownCharacters(name).map((u) => u.char))];
  if (unknown.length > 0) return { pieces: [], problem: unknownProblem(bpe.tokenizer, unknown) };
  return { pieces: bpeEncode(bpe, name, k).map((id) => ({ text: bpe.texts[id], id })), problem: null };
}

/** The whole demo state for k merges (clamped to what was learned) and a typed name. */
export function bpeSnapshot(bpe: Bpe, k: number, name: string): BpeSnapshot {
  const merges = Math.max(0, Math.min(Math.round(k), bpe.merges.length));
  return {
    merges,
    vocabSize: bpe.tokenizer.vocabSize + merges,
    documents: bpe.documents,
    total: bpe.totals[merges],
    average: averageTokens(bpe, merges),
    rows: mergeRows(bpe, merges),
    averages: bpe.totals.map((_, j) => averageTokens(bpe, j)),
    name,
    ...bpeSplit(bpe, name, merges),
  };
}


/** The line chart of average tokens per name against merges, laid out in a width × height box. */
export type LengthChart = {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  path: string;
  /** points[j]: where the curve is after j merges */
  points: { x: number; y: number }[];
  xTicks: Tick[];
  yTicks: Tick[];
};

/** Lay out the chart; y starts at 0 so the drop in length is shown honestly. */
export function lengthChart(averages: readonly number[], width: number, height: number): LengthChart {
  const margin = { top: 24, right: 16, bottom: 40, left: 44 };
  const last = Math.max(1, averages.length - 1);
  const top = Math.max(1, ...averages);
  const x = scaleLinear().domain([0, last]).range([margin.left, Math.max(margin.left + 1, width - margin.right)]);
  const y = scaleLinear().domain([0, top]).nice().range([height - margin.bottom, margin.top]);
  const points = averages.map((v, j) => ({ x: x(j), y: y(v) }));
  const path = line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y)(points) ?? '';
  const xCount = width < 360 ? 4 : 6;
  return {
    width, height, margin, path, points,
    xTicks: linearTicks(x, xCount, { integers: true }),
    yTicks: linearTicks(y, 4),
  };
}
