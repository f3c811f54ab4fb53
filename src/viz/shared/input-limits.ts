// How much text each kind of field takes: one limit per meaning, shared by the fields, the
// checks behind them and the values kept in browser storage. A field given more keeps what
// the reader typed or pasted, says how long it is and what it takes, and nothing is computed
// from it until it is short enough (see src/widgets/ui/text-limit.ts).

import { int } from './format.ts';
import type { Problem } from './problem.ts';

/** The most characters each kind of field takes. */
export const textLimits = {
  /** A name, a prefix or a search: far more than the model's context, short enough to draw. */
  name: 40,
  /** A word the byte-pair demo splits into chips. */
  word: 30,
  /** An expression of the chapter 4 mini-language: its graph must stay drawable. */
  expression: 80,
  /** A number typed as text (a seed, top-k, top-p, a guess) or into a number field. */
  number: 40,
  /** A list of token ids, separated by spaces or commas. */
  tokenIds: 200,
  /** A position in the context (0 to 15). */
  position: 3,
  /** Pasted dataset text: the largest dataset in bytes of UTF-8, and never fewer bytes than characters. */
  dataset: 2 * 1024 * 1024,
} as const;

/** The message for a field holding `length` characters when it takes at most `max`, or null when it fits. */
export function lengthProblem(length: number, max: number): Problem | null {
  if (length <= max) return null;
  return { message: `Too long: ${int(length)} characters; this field takes at most ${int(max)}. Nothing is done with it until it is shorter.` };
}

/**
 * The message for text the reader tried to add to a field (a paste, a drop, a keystroke) that
 * was not added because the field would then hold `wouldBe` characters, more than `max`.
 */
export function notAddedProblem(added: number, wouldBe: number, max: number): Problem {
  return { message: `Not added: ${int(added)} ${added === 1 ? 'character' : 'characters'} would make ${int(wouldBe)}; this field takes at most ${int(max)}. What it held is unchanged.` };
}

/**
 * Text added or removed in one go beyond this many characters is put in place directly, not by
 * the browser's editing (slow for a megabyte, and slower still on a large selection).
 */
export const bulkInsert = 1000;

/**
 * Text added in one go beyond this many characters is held out of a field that offers to hold
 * it (a dataset box): Chromium's layout of a text area holding 100,000 characters of short
 * lines is already a long task, and of a megabyte several seconds.
 */
export const holdInsert = 100_000;

/** An edit the reader is making in a field: its text before, the selection it replaces, what it adds. */
export type Edit = {
  /** Characters the field holds now. */
  length: number;
  /** The selection the edit replaces, in UTF-16 offsets (start === end: a caret). */
  start: number;
  end: number;
  /** What the edit adds ('' for a deletion), or null for a deletion of one character or word at the caret. */
  added: string | null;
};

/**
 * What the kit does with an edit to a field that takes at most `max` characters: refuse it
 * (it would make the field too long), hold it out of the field (`canHold`: the widget keeps the
 * text), do it directly (large), or leave it to the browser.
 */
export function planEdit(edit: Edit, max: number, canHold: boolean): 'refuse' | 'hold' | 'direct' | 'browser' {
  const { length, start, end, added } = edit;
  const adding = added?.length ?? 0;
  const wouldBe = length - (end - start) + adding;
  if (wouldBe > max && wouldBe > length) return 'refuse';
  if (canHold && adding > holdInsert) return 'hold';
  if (adding > bulkInsert || (added !== null && end - start > bulkInsert)) return 'direct';
  return 'browser';
}
