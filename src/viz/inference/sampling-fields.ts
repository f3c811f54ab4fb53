// The generators' typed settings: a seed, and an optional top-k and top-p, read strictly (a
// decimal number and nothing else: not "0x1", not "1e1" for a count) and said in words when
// they cannot be used. The seed's range is the trainer's, so every seed field on the site
// takes the same seeds.

import { largestSeed } from '../../engine/random.ts';
import { samplingProblem } from '../../engine/sample.ts';
import { int } from '../shared/format.ts';

const wholeNumber = /^\d+$/;
const decimal = /^(\d+(\.\d*)?|\.\d+)$/;

/** Why `text` is not a seed, or '' when it is one. */
export function seedProblem(text: string): string {
  const t = text.trim();
  return wholeNumber.test(t) && Number(t) <= largestSeed ? '' : `The seed must be a whole number from 0 to ${int(largestSeed)}.`;
}

/** The seed in `text` (check seedProblem first). */
export function parseSeed(text: string): number {
  return Number(text.trim());
}

/** An optional setting: undefined when empty, NaN when it is not a plain decimal number. */
export function optionalNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return decimal.test(t) ? Number(t) : Number.NaN;
}

/** Why the temperature, top-k and top-p typed cannot be used together, or '' when they can. */
export function samplingFieldsProblem(temperature: number, topKText: string, topPText: string): string {
  const p = samplingProblem({ temperature, topK: optionalNumber(topKText), topP: optionalNumber(topPText) });
  if (!p) return '';
  if (p.startsWith('top-k')) return `Top-k must be a whole number of tokens, 1 or more (or empty for no cut), not “${topKText.trim()}”.`;
  if (p.startsWith('top-p')) return `Top-p must be a probability above 0 and at most 1 (or empty for no cut), not “${topPText.trim()}”.`;
  return p;
}
