// Checking a number the reader typed into one of the small worked examples: a field that is
// empty, holds only "-" or "1e999", or holds a number too large to show, gets a message
// instead of an Infinity or a NaN further down the page.

import { int } from './format.ts';
import type { Problem } from './problem.ts';

/** The largest size a typed input may have: products and squares of it still print plainly. */
export const inputLimit = 1e6;

/**
 * Why the value typed for `name` cannot be used, or null when it can. `value` is the field's
 * number: null, undefined or NaN while the field holds no number.
 */
export function numberProblem(name: string, value: number | null | undefined): Problem | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return { message: `Type a number for ${name}, like 2 or −1.5.` };
  if (!(Math.abs(value) <= inputLimit)) return { message: `Keep ${name} between ${int(-inputLimit)} and ${int(inputLimit)}.` };
  return null;
}

/** Why the value typed for `name` is not a whole number from 1 to max (a size, a count), or null when it is. */
export function sizeProblem(name: string, value: number | null | undefined, max: number): Problem | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    return { message: `Type a whole number from 1 to ${int(max)} for ${name}.` };
  return null;
}

/**
 * Why a number field's text cannot be used when the browser itself could not read it as a
 * number (its validity.badInput): a paste of a thousand digits, or "1e99999". The browser then
 * reports the field as empty, so this is said instead of asking for a number as if none were typed.
 */
export function unreadableProblem(name: string): Problem {
  return { message: `What is typed for ${name} is not a number yet (a sign alone, or more digits than a number holds). Type a number like 2 or −1.5.` };
}
