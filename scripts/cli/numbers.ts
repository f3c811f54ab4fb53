// Numbers from flag text. Strict on purpose: Number() would accept "", " 3", "0x10" and
// "1e3" as integers, and a silently misread --steps costs a whole training run.

import { CliError } from './error.ts';

const INTEGER = /^[0-9]+$/;
const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(e[+-]?[0-9]+)?$/i;

/** A whole number in [min, max]; `want` completes "--flag must be …" in the error. */
export function parseInteger(flag: string, text: string, min: number, max: number, want: string): number {
  const x = INTEGER.test(text) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(x) && x >= min && x <= max)) throw new CliError(`--${flag} must be ${want}, got ${JSON.stringify(text)}`);
  return x;
}

/** A finite decimal number that passes `ok`. */
export function parseReal(flag: string, text: string, ok: (x: number) => boolean, want: string): number {
  const x = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(Number.isFinite(x) && ok(x))) throw new CliError(`--${flag} must be ${want}, got ${JSON.stringify(text)}`);
  return x;
}

/** A seed for Random: Python's random.seed takes any integer; we take the non-negative safe ones. */
export function parseSeed(text: string): number {
  return parseInteger('seed', text, 0, Number.MAX_SAFE_INTEGER, 'a non-negative integer');
}
