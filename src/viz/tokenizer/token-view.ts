// What the tokenizer widgets draw: a text as chips (BOS, known characters, unknown ones),
// its ids, a plain-English problem about characters outside the vocabulary, and the
// (input → target) pairs a training sequence yields. Pure; never throws on reader input.

import type { Tokenizer } from '../../engine/tokenizer.ts';
import { codePointName, combiningChar, displayChar, invisibleChar } from '../dataset/dataset-stats.ts';
import { sentence, type Problem } from '../shared/problem.ts';

/** One chip: a BOS marker, a character with its id, or a character the vocabulary lacks (id null). */
export type TokenChip = { kind: 'bos' | 'char' | 'unknown'; text: string; id: number | null };

/** A text as the playground shows it. `ids` has null where a character is unknown. */
export type TokenizedView = {
  chips: TokenChip[];
  ids: (number | null)[];
  /** Distinct unknown characters, in order of first appearance. */
  unknown: string[];
  /** Why some characters cannot be encoded and what to do; null when all are known. */
  problem: Problem | null;
  /** Tokens the model would see, BOS included (unknown characters are not tokens). */
  tokenCount: number;
};

/** A character as named in a sentence (what a screen reader hears): in quotes, by name for the space and the tab, and by code point for one that cannot be seen (a control, format or other space character) or that is drawn on the one before it (a combining mark). The spoken partner of displayChar. */
export function charName(c: string): string {
  if (c === ' ') return 'the space';
  if (c === '\t') return 'the tab';
  if (invisibleChar.test(c)) return `the invisible character ${codePointName(c)}`;
  if (combiningChar.test(c)) return `the combining mark ${codePointName(c)}`;
  return `“${c}”`;
}

/** The vocabulary's characters in short form: consecutive runs as ranges ("a–z"). */
export function describeChars(chars: readonly string[]): string {
  const points = chars.map((c) => c.codePointAt(0)!);
  const parts: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    parts.push(j - i >= 2 ? `${chars[i]}–${chars[j]}` : chars.slice(i, j + 1).map(displayChar).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

const listNames = (cs: readonly string[]) =>
  cs.length <= 1 ? cs.map(charName).join('') : `${cs.slice(0, -1).map(charName).join(', ')} and ${charName(cs[cs.length - 1])}`;

/** The problem with unknown characters, with a lowercase hint where lowercasing would help; null if there are none. */
export function unknownProblem(tokenizer: Tokenizer, unknown: readonly string[]): Problem | null {
  if (unknown.length === 0) return null;
  const verb = unknown.length === 1 ? 'is' : 'are';
  let message = `${sentence(listNames(unknown))} ${verb} not in the vocabulary, so encode would refuse this text. ` +
    `The vocabulary has only ${describeChars(tokenizer.chars)} (and BOS).`;
  const fixable = unknown.filter((c) => c !== c.toLowerCase() && tokenizer.unknownCharacters(c.toLowerCase()).length === 0);
  if (fixable.length > 0) {
    message += ` Try lowercase: ${fixable.map((c) => `“${c.toLowerCase()}” for “${c}”`).join(', ')}.`;
  }
  return { message };
}

/** A document as chips [BOS, ...characters, BOS]; matches tokenizer.encodeDocument when all are known. */
export function tokenizeForView(tokenizer: Tokenizer, text: string): TokenizedView {
  const bad = new Set(tokenizer.unknownCharacters(text).map((u) => u.char));
  const bos: TokenChip = { kind: 'bos', text: 'BOS', id: tokenizer.bos };
  const chips: TokenChip[] = [bos];
  for (const c of text) {
    chips.push(bad.has(c) ? { kind: 'unknown', text: c, id: null } : { kind: 'char', text: c, id: tokenizer.encode(c)[0] });
  }
  chips.push(bos);
  const unknown = [...bad];
  return {
    chips,
    ids: chips.map((c) => c.id),
    unknown,
    problem: unknownProblem(tokenizer, unknown),
    tokenCount: chips.filter((c) => c.id !== null).length,
  };
}

/**
 * How many chips the playground shows, in words that agree with the chips: "6 tokens" when
 * every character has an id, "6 positions, 1 without an id" when some do not (a character
 * the vocabulary lacks is a chip but not a token).
 */
export function countSummary(view: TokenizedView): string {
  const positions = view.chips.length;
  const missing = positions - view.tokenCount;
  if (missing === 0) return `${positions} token${positions === 1 ? '' : 's'}`;
  return `${positions} positions, ${missing} without an id`;
}

/** Ids as the text the widget prints: "[26, 4, 12, 12, 0, 26]", with ? for unknown characters. */
export function formatIds(ids: readonly (number | null)[]): string {
  return `[${ids.map((id) => (id === null ? '?' : String(id))).join(', ')}]`;
}

/** One training example of a sequence: at `position` the model reads `input` and should predict `target`. */
export type TrainingPair = { position: number; input: number; target: number };

/**
 * The (input → target) pairs of a token sequence, one per position except the last, at most
 * `limit` of them (microgpt's n = min(block_size, len(tokens) - 1)).
 */
export function trainingPairs(ids: readonly number[], limit = Infinity): TrainingPair[] {
  const n = Math.max(0, Math.min(limit, ids.length - 1));
  return Array.from({ length: n }, (_, position) => ({ position, input: ids[position], target: ids[position + 1] }));
}

/** A training pair and whether it falls inside the context microgpt trains on. */
export type ShownPair = TrainingPair & { inContext: boolean };

/**
 * Every (input → target) pair of a sequence, each marked with whether microgpt trains on it:
 * it reads at most `blockSize` positions of a document (n = min(block_size, len(tokens) − 1)),
 * so pairs from position blockSize on are shown but never trained.
 */
export function pairsInContext(ids: readonly number[], blockSize: number): ShownPair[] {
  return trainingPairs(ids).map((p) => ({ ...p, inContext: p.position < blockSize }));
}

/** What decoding a typed list of ids gives: the text, or a problem saying which entry is wrong. */
export type DecodedView = { ids: number[]; text: string; bosCount: number; problem: Problem | null };

/** Decode ids typed as text ("26, 4, 12" or "[26 4 12]"); bad entries give a problem, never an exception. */
export function decodeForView(tokenizer: Tokenizer, input: string): DecodedView {
  const parts = input.split(/[\s,;[\]]+/).filter(Boolean);
  const ids: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part) || Number(part) > tokenizer.bos) {
      const chars = [...part];
      const shown = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : part; // a pasted page is not echoed whole
      return { ids, text: '', bosCount: 0, problem: { message: `“${shown}” is not a token id: ids are whole numbers from 0 to ${tokenizer.bos}.` } };
    }
    ids.push(Number(part));
  }
  return { ids, text: tokenizer.decode(ids), bosCount: ids.filter((id) => id === tokenizer.bos).length, problem: null };
}
