// The live trainer's verdicts as pure functions (the settings' own checks are the worker
// protocol's): whether a run is the CLI's default run and matches its final loss, and whether
// a weights file the reader picked can be used.

import { parseWeightsText, usableWeights, WeightsError, type Weights } from '../../engine/weights.ts';
import { fixed } from '../shared/format.ts';
import type { Problem } from '../shared/problem.ts';

/** Largest weights file the page reads: 5 MiB (microgpt's own is under 100 KiB). */
export const maxWeightsBytes = 5 * 1024 * 1024;

/** The settings the CLI's default run uses. */
export type CliDefaults = { seed: number; numSteps: number; lr: number };

/**
 * Is this run the one `microgpt train --seed 42 --steps 1000` makes? The held-out split takes
 * the last names of the shuffle, so it changes nothing while the steps stay within the names
 * left to train on (`trainDocs`, the count the run trains on): both runs then train on the same
 * first names, in the same order. Only a longer run comes round to where the two differ.
 */
export function isCliRun(r: { seed: number; numSteps: number; lr: number; holdout: boolean; shipped: boolean; trainDocs: number }, d: CliDefaults): boolean {
  const sameNames = !r.holdout || r.numSteps <= r.trainDocs;
  return r.shipped && sameNames && r.seed === d.seed && r.numSteps === d.numSteps && r.lr === d.lr;
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
  if (bytes > maxWeightsBytes) return `The file is ${fixed(bytes / 1048576, 1)} MiB; the limit is ${fixed(maxWeightsBytes / 1048576, 0)} MiB. A microgpt weights file is far smaller.`;
  return null;
}

/**
 * Read the text of a weights file, with a clear message for each way it can be wrong: not
 * JSON (or JSON with NaN), not a weights file, too large to run, or overflowing when run.
 */
export function checkWeightsText(text: string): WeightsCheck {
  if (text.trim() === '') return { ok: false, message: 'The file is empty. A weights file is the JSON that “Download the weights” saves.' };
  try {
    const { config, tokenizer, stateDict } = usableWeights(parseWeightsText(text));
    return { ok: true, weights: { config, tokenizer, stateDict } };
  } catch (e) {
    if (e instanceof WeightsError) return { ok: false, message: `This is not a usable weights file: ${e.message}.` };
    return { ok: false, message: `This file could not be read: ${(e as Error).message}.` };
  }
}
