// Checking a number the reader typed into one of the small worked examples: a field that is
// empty, holds only "-" or "1e999", or holds a number too large to show, gets a message
// instead of an Infinity or a NaN further down the page.

/** The largest size a typed input may have: products and squares of it still print plainly. */
export const inputLimit = 1e6;

/**
 * Why the value typed for `name` cannot be used, or '' when it can. `value` is the field's
 * number: null, undefined or NaN while the field holds no number.
 */
export function numberProblem(name: string, value: number | null | undefined): string {
  if (typeof value !== 'number' || Number.isNaN(value)) return `${name} needs a number, like 2 or −1.5.`;
  if (!(Math.abs(value) <= inputLimit)) return `${name} must be between −1,000,000 and 1,000,000.`;
  return '';
}
