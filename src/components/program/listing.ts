// The whole program's listing: the engine's readable path in microgpt's order, read from the
// source files at build time by region. Fast-path helpers and checks that are not on the path
// (fast.ts, the tokenizer's unknownCharacters) are left out, and so are two long helpers the
// path calls, which their explanations point to: the topological sort (value.ts#topo, shown in
// chapter 4) and the sampling distribution (sample.ts#distribution, shown in chapter 8).

import { readRegion } from '../code-regions.ts';
import type { ListingLine } from '../../viz/program/line-groups.ts';

/** One stretch of the listing: a region of an engine file. */
export type ListingPiece = { file: string; region: string };

/** The readable path, in microgpt's order: data, tokenizer, Value, sizes and parameters, model, loss, Adam, training, sampling. */
export const listingPieces: readonly ListingPiece[] = [
  { file: 'src/engine/data.ts', region: 'documents' },
  { file: 'src/engine/tokenizer.ts', region: 'tokenizer' },
  { file: 'src/engine/value.ts', region: 'value' },
  { file: 'src/engine/value.ts', region: 'ops' },
  { file: 'src/engine/value.ts', region: 'backward' },
  { file: 'src/engine/value.ts', region: 'sum' },
  { file: 'src/engine/config.ts', region: 'config' },
  { file: 'src/engine/config.ts', region: 'head-dim' },
  { file: 'src/engine/params.ts', region: 'shapes' },
  { file: 'src/engine/params.ts', region: 'init' },
  { file: 'src/engine/nn.ts', region: 'linear' },
  { file: 'src/engine/nn.ts', region: 'softmax' },
  { file: 'src/engine/nn.ts', region: 'rmsnorm' },
  { file: 'src/engine/model.ts', region: 'helpers' },
  { file: 'src/engine/model.ts', region: 'gpt' },
  { file: 'src/engine/loss.ts', region: 'loss' },
  { file: 'src/engine/adam.ts', region: 'adam-defaults' },
  { file: 'src/engine/adam.ts', region: 'adam-schedule' },
  { file: 'src/engine/adam.ts', region: 'adam' },
  { file: 'src/engine/train.ts', region: 'order' },
  { file: 'src/engine/train.ts', region: 'train-step' },
  { file: 'src/engine/run.ts', region: 'run' },
  { file: 'src/engine/sample.ts', region: 'sample-token' },
  { file: 'src/engine/sample.ts', region: 'generate' },
];

/** A piece as shown: its code (dedented), the listing's number of its first line, and its lines. */
export type ListingBlock = ListingPiece & { code: string; firstN: number; lines: ListingLine[] };

let cached: ListingBlock[] | null = null;

/** The listing, piece by piece, with continuous line numbers from 1. */
export function listingBlocks(): ListingBlock[] {
  if (cached) return cached;
  let n = 1;
  cached = listingPieces.map((p, piece) => {
    const r = readRegion(p.file, p.region);
    const texts = r.code.split('\n');
    const lines = texts.map((text, i): ListingLine => ({ n: n + i, file: p.file, fileLine: r.lineNumbers[i], text, piece }));
    const block = { ...p, code: r.code, firstN: n, lines };
    n += texts.length;
    return block;
  });
  return cached;
}

/** Every line of the listing, in order. */
export const listingLines = (): ListingLine[] => listingBlocks().flatMap((b) => b.lines);

/** The Python twin, shown beside the listing, and the site's copy of it. */
export const twinFile = 'src/engine/microgpt.py';
export const twinHref = '/microgpt.py';

/**
 * The Python twin's regions shown beside the listing, in the listing's order (so training_order,
 * which sits with the data in microgpt.py, comes after Adam as trainingOrder does). The command
 * line at the end of the file has no TypeScript counterpart on the page and is left out.
 */
export const twinRegions: readonly string[] = ['documents', 'tokenizer', 'value', 'params', 'model', 'loss', 'adam', 'order', 'train', 'generate'];

let twinCached: ListingBlock[] | null = null;

/** The Python twin's listing, region by region, numbered from 1 on its own (#P1…). */
export function twinBlocks(): ListingBlock[] {
  if (twinCached) return twinCached;
  let n = 1;
  twinCached = twinRegions.map((region, piece) => {
    const r = readRegion(twinFile, region);
    const texts = r.code.split('\n');
    const lines = texts.map((text, i): ListingLine => ({ n: n + i, file: twinFile, fileLine: r.lineNumbers[i], text, piece }));
    const block = { file: twinFile, region, code: r.code, firstN: n, lines };
    n += texts.length;
    return block;
  });
  return twinCached;
}

/** Every line of the Python twin's listing, in order. */
export const twinLines = (): ListingLine[] => twinBlocks().flatMap((b) => b.lines);

/** The page of the whole program. */
export const programHref = '/program/';

/** The permalink of a file's line in the listing, or null when that line is not on the readable path. */
export function programLinkOf(file: string, fileLine: number): string | null {
  const line = listingLines().find((l) => l.file === file && l.fileLine === fileLine);
  return line ? `${programHref}#L${line.n}` : null;
}
