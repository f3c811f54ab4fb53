// What the dataset explorer's search says, for the eye and the ear alike: how many documents
// match, or which typed characters no document can contain.

import { int } from '../shared/format.ts';
import { sentence } from '../shared/problem.ts';
import { displayChar, type SearchMode } from './dataset-stats.ts';

/**
 * Why no document can match: the typed characters outside the vocabulary. `ownDataset` is
 * true for the reader's dataset, false for the shipped names (lowercase a–z only).
 */
export function unknownCharactersMessage(unknown: readonly string[], ownDataset: boolean): string {
  if (unknown.length === 0) return '';
  const list = unknown.map((c) => (c === ' ' ? 'a space' : `“${displayChar(c)}”`)).join(', ');
  const one = unknown.length === 1;
  return sentence(ownDataset
    ? `${list} ${one ? 'is' : 'are'} not among this dataset's characters, so no document contains ${one ? 'it' : 'them'}.`
    : `${list} ${one ? 'is' : 'are'} not one of the letters a–z, so no name contains ${one ? 'it' : 'them'}. The names use lowercase a–z only.`);
}

/** How many documents (called `noun`: "name" or "document") match, and how many are listed. */
export function matchCountMessage(total: number, query: string, mode: SearchMode, noun: string, listed: number): string {
  const one = total === 1;
  if (total === 0) return `No ${noun}s ${mode === 'starts' ? 'start with' : 'contain'} “${query}”.`;
  const verb = mode === 'starts' ? (one ? 'starts with' : 'start with') : one ? 'contains' : 'contain';
  return `${int(total)} ${one ? noun : `${noun}s`} ${verb} “${query}”${total > listed ? `; the first ${listed} are listed` : ''}.`;
}
