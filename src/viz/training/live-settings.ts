// The live trainer's settings, checks and verdicts as pure functions: what each field accepts,
// whether a run is the CLI's default run and matches its final loss, and whether a weights file
// the reader picked can be used.

import { parseWeightsText, WeightsError, type Weights } from '../../engine/weights.ts';
import { fixed, int } from '../shared/format.ts';
import type { Problem } from '../shared/problem.ts';

/** What the fields accept (the worker checks the same bounds again). */
export const liveLimits = { minLr: 1e-6, maxLr: 10, maxSteps: 50_000, maxSeed: 2 ** 31 - 1 } as const;

/** Largest weights file the page reads: 5 MB (microgpt's own is under 100 kB). */
export const maxWeightsBytes = 5 * 1024 * 1024;

export function lrProblem(_name: string, v: number | null | undefined): Problem | null {
  if (v == null || !Number.isFinite(v)) return { message: 'Type a learning rate, such as 0.01.' };
  if (v < liveLimits.minLr || v > liveLimits.maxLr) return { message: `The learning rate must be from ${liveLimits.minLr} to ${liveLimits.maxLr}.` };
  return null;
}

export function stepsProblem(_name: string, v: number | null | undefined): Problem | null {
  if (v == null || !Number.isFinite(v)) return { message: 'Type a number of steps, such as 1000.' };
  if (!Number.isInteger(v) || v < 1 || v > liveLimits.maxSteps) return { message: `The number of steps must be a whole number from 1 to ${int(liveLimits.maxSteps)}.` };
  return null;
}

export function seedProblem(_name: string, v: number | null | undefined): Problem | null {
  if (v == null || !Number.isFinite(v)) return { message: 'Type a seed, such as 42.' };
  if (!Number.isInteger(v) || v < 0 || v > liveLimits.maxSeed) return { message: `The seed must be a whole number from 0 to ${int(liveLimits.maxSeed)}.` };
  return null;
}

/** The settings the CLI's default run uses. */
export type CliDefaults = { seed: number; numSteps: number; lr: number };

/** Is this run the one `microgpt train --seed 42 --steps 1000` makes? */
export function isCliRun(r: { seed: number; numSteps: number; lr: number; holdout: boolean; shipped: boolean }, d: CliDefaults): boolean {
  return r.shipped && !r.holdout && r.seed === d.seed && r.numSteps === d.numSteps && r.lr === d.lr;
}

/** The page's final loss against the CLI's, to 4 decimals: the two numbers and the verdict. */
export function compareWithCli(page: number, cli: number): { page: string; cli: string; match: boolean; identical: boolean; said: string } {
  const p = fixed(page, 4);
  const c = fixed(cli, 4);
  const match = p === c;
  const identical = page === cli;
  const said = match
    ? `They match${identical ? ', to every digit' : ' to 4 decimals'}: the page ran the same steps as the CLI.`
    : 'They do not match. Something differs between this run and the CLI’s; please report it.';
  return { page: p, cli: c, match, identical, said };
}

/** A weights file read and checked, or why it cannot be used. */
export type WeightsCheck = { ok: true; weights: Weights } | { ok: false; message: string };

/** Check a picked file's size before reading it. */
export function weightsSizeProblem(bytes: number): string | null {
  if (bytes === 0) return 'The file is empty. A weights file is the JSON that “Download the weights” saves.';
  if (bytes > maxWeightsBytes) return `The file is ${fixed(bytes / 1048576, 1)} MB; the limit is ${fixed(maxWeightsBytes / 1048576, 0)} MB. A microgpt weights file is far smaller.`;
  return null;
}

/** Read the text of a weights file, with a clear message for each way it can be wrong. */
export function checkWeightsText(text: string): WeightsCheck {
  if (text.trim() === '') return { ok: false, message: 'The file is empty. A weights file is the JSON that “Download the weights” saves.' };
  try {
    return { ok: true, weights: parseWeightsText(text) };
  } catch (e) {
    if (e instanceof WeightsError) return { ok: false, message: `This is not a usable weights file: ${e.message}.` };
    return { ok: false, message: `This file could not be read: ${(e as Error).message}.` };
  }
}
