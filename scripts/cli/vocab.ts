// Text the model cannot encode: say which characters, once each, in one line.

import type { Tokenizer } from '../../src/engine/index.ts';
import { CliError } from './error.ts';

const SHOWN = 10; // keep the message to one readable line even for a wildly wrong file

/** Throw a CliError when any text has a character outside the tokenizer's vocabulary. */
export function checkVocabulary(tokenizer: Tokenizer, texts: readonly string[], what: string): void {
  const unknown = new Set<string>();
  let first: string | undefined;
  for (const text of texts) {
    for (const u of tokenizer.unknownCharacters(text)) unknown.add(u.char);
    if (first === undefined && unknown.size > 0) first = text;
  }
  if (unknown.size === 0) return;
  const chars = [...unknown];
  const list = chars.slice(0, SHOWN).map((c) => JSON.stringify(c)).join(', ') + (chars.length > SHOWN ? `, … (${chars.length} in all)` : '');
  const where = texts.length > 1 ? ` (first in ${JSON.stringify(first)})` : '';
  throw new CliError(`${what} has characters outside the model's vocabulary: ${list}${where}`);
}

/** The first control character (Unicode category Cc: NUL, tab, newline, escape, DEL, …) in text, if any. */
export function controlCharacter(text: string): string | undefined {
  return /\p{Cc}/u.exec(text)?.[0];
}

/** A character as U+XXXX, for messages about characters that cannot be shown. */
export function describeCharacter(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
