// Whether a prefix typed into the name generator can start a name: the same two limits the
// engine's generate() enforces (every character known, shorter than the context), said in
// words before the reader presses Generate.

import type { Tokenizer } from '../../engine/tokenizer.ts';
import { sentence } from '../shared/problem.ts';
import { charName, describeChars } from '../tokenizer/token-view.ts';

/**
 * The prefix a generator uses for what the reader typed: trailing whitespace dropped when the
 * model has no space token (a space typed after the letters is almost always by accident), and
 * whether anything was dropped, so the generator can say so.
 */
export function usablePrefix(tokenizer: Tokenizer, typed: string): { prefix: string; trimmed: boolean } {
  const spaceKnown = tokenizer.unknownCharacters(' ').length === 0;
  const prefix = spaceKnown ? typed : typed.replace(/\s+$/u, '');
  return { prefix, trimmed: prefix !== typed };
}

/** Why `prefix` cannot start a generated name, or '' when it can. */
export function prefixProblem(tokenizer: Tokenizer, blockSize: number, prefix: string): string {
  const bad = tokenizer.unknownCharacters(prefix);
  if (bad.length > 0) {
    const distinct = [...new Set(bad.map((b) => charName(b.char)))];
    const known = describeChars(tokenizer.chars);
    const vocabulary = known === 'a–z' ? 'the lowercase letters a–z' : `the characters ${known}`;
    return sentence(`${distinct.join(', ')} ${distinct.length === 1 ? 'is' : 'are'} not in the vocabulary. The model only knows ${vocabulary}.`);
  }
  if ([...prefix].length >= blockSize) return `A prefix must be shorter than ${blockSize} letters (the model's context).`;
  return '';
}
